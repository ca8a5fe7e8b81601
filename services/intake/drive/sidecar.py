"""Reading ``request.toml`` / ``request.json``: valid values and problems, never an exception."""

from __future__ import annotations

import codecs
import json
import tomllib
from datetime import UTC, datetime
from typing import Any, Final

from services.intake.drive.convention import SIDECAR_KEYS
from services.kernel.clock import BANGKOK

MAX_SIDECAR_BYTES = 64 * 1024
MAX_SIDECAR_VALUE_CHARS = 5000

_APPLICANT_KINDS = {
    "person": "person",
    "บุคคลธรรมดา": "person",
    "juristic": "juristic",
    "นิติบุคคล": "juristic",
}


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")  # Notepad's "Unicode"
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp874")  # Notepad's "ANSI" on Thai Windows


def parse_sidecar(filename: str, data: bytes) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Valid values and (th, en) problems; never raises for bad content."""
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        return {}, [
            (
                f"ไฟล์ {filename} ไม่ใช่ข้อความ UTF-8 ให้บันทึกใหม่เป็น UTF-8",
                f"{filename} is not UTF-8 text; save it again as UTF-8.",
            )
        ]
    raw: Any
    try:
        if filename.lower().endswith(".toml"):
            raw = tomllib.loads(text)
        else:
            raw = json.loads(text)
    except ValueError as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        return {}, [
            (
                f"ไฟล์ {filename} เขียนผิดรูปแบบ อ่านข้อมูลผู้ยื่นไม่ได้ ({exc})",
                f"{filename} is malformed; the applicant data could not be read ({exc}).",
            )
        ]
    if not isinstance(raw, dict):
        return {}, [
            (
                f"ไฟล์ {filename} ต้องเป็นชุดข้อมูลแบบ ชื่อ = ค่า",
                f"{filename} must hold key = value pairs (a JSON object).",
            )
        ]
    values: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    unknown = sorted(str(k) for k in raw if k not in SIDECAR_KEYS)
    if unknown:
        listed = ", ".join(unknown)
        problems.append(
            (
                f"ไฟล์ {filename} มีหัวข้อที่ระบบไม่รู้จัก: {listed}",
                f"{filename} has unknown keys: {listed}.",
            )
        )
    for key in SIDECAR_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, datetime) and key == "submitted_at":
            value = value.isoformat()  # TOML's own date-time, written without quotes
        if isinstance(value, int) and not isinstance(value, bool):
            # Kept, but told: a number has already lost any leading 0 (juristic IDs, phones).
            problems.append(
                (
                    f"ไฟล์ {filename}: ค่าของ {key} เขียนเป็นตัวเลข ให้ใส่ในเครื่องหมายคำพูด"
                    " เพราะเลข 0 นำหน้าจะหายไป",
                    f"{filename}: {key} is written as a number; put it in quotes, or a"
                    " leading 0 is lost.",
                )
            )
            value = str(value)
        if not isinstance(value, str):
            problems.append(
                (
                    f"ไฟล์ {filename}: ค่าของ {key} ต้องเป็นข้อความ",
                    f"{filename}: the value of {key} must be text.",
                )
            )
            continue
        value = value.strip()
        if len(value) > MAX_SIDECAR_VALUE_CHARS:
            problems.append(
                (
                    f"ไฟล์ {filename}: ค่าของ {key} ยาวเกินไป ตัดเหลือ {MAX_SIDECAR_VALUE_CHARS} ตัวอักษร",
                    f"{filename}: the value of {key} is too long; cut to"
                    f" {MAX_SIDECAR_VALUE_CHARS} characters.",
                )
            )
            value = value[:MAX_SIDECAR_VALUE_CHARS]
        if key == "applicant_kind" and value:
            kind = _APPLICANT_KINDS.get(value.lower())
            if kind is None:
                problems.append(
                    (
                        f"ไฟล์ {filename}: applicant_kind ต้องเป็น person (บุคคลธรรมดา)"
                        f" หรือ juristic (นิติบุคคล) ไม่ใช่ {value!r}",
                        f"{filename}: applicant_kind must be person or juristic, not {value!r}.",
                    )
                )
                continue
            value = kind
        if value:
            values[key] = value
    return values, problems


PLATFORMS: Final = {"line": "LINE", "facebook": "Facebook"}
"""Social platforms whose exports carry a submission time (``platform`` in the sidecar)."""


def platform_time(
    values: dict[str, str], arrival: datetime
) -> tuple[datetime, list[tuple[str, str]]]:
    """The received time of a request exported from a social platform (DGA §6.3.2, M26).

    ``submitted_at`` (ISO 8601, e.g. ``2026-12-05T09:14:00+07:00``; without an offset it is
    Bangkok time) is when the applicant sent it on the platform, which counts, not when the
    export reached the share (``arrival``). A time after ``arrival`` cannot be true: it is
    clamped to ``arrival`` and flagged for the officer, as is one that cannot be read (then
    ``arrival`` counts). Returns the time to use and the (th, en) problems.
    """
    problems: list[tuple[str, str]] = []
    platform = values.get("platform", "")
    if platform and platform.lower() not in PLATFORMS:
        problems.append(
            (
                f"platform ต้องเป็น line หรือ facebook ไม่ใช่ {platform!r}",
                f"platform must be line or facebook, not {platform!r}.",
            )
        )
    raw = values.get("submitted_at", "")
    if not raw:
        return arrival, problems
    try:
        submitted = datetime.fromisoformat(raw)
    except ValueError:
        problems.append(
            (
                f"อ่านเวลาส่ง submitted_at = {raw!r} ไม่ได้ จึงใช้เวลาที่ไฟล์มาถึงไดรฟ์แทน "
                "ให้เขียนแบบ 2026-12-05T09:14:00+07:00",
                f"submitted_at = {raw!r} cannot be read, so the time the files reached the "
                "drive counts; write it as 2026-12-05T09:14:00+07:00.",
            )
        )
        return arrival, problems
    if submitted.tzinfo is None:
        submitted = submitted.replace(tzinfo=BANGKOK)
    if not platform:
        problems.append(
            (
                "มีเวลาส่ง submitted_at แต่ไม่ได้ระบุ platform (line หรือ facebook)",
                "submitted_at is given without a platform (line or facebook).",
            )
        )
    if submitted > arrival:
        problems.append(
            (
                f"เวลาส่งจากแพลตฟอร์ม ({raw}) อยู่หลังเวลาที่ไฟล์มาถึงไดรฟ์ จึงใช้เวลาที่มาถึงแทน "
                "โปรดตรวจเวลาในไฟล์ส่งออก",
                f"the platform's submission time ({raw}) is after the files reached the drive, "
                "so the arrival time counts; check the time in the export.",
            )
        )
        return arrival, problems
    return submitted.astimezone(UTC), problems
