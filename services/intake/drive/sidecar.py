"""Reading ``request.toml`` / ``request.json``: valid values and problems, never an exception."""

from __future__ import annotations

import codecs
import json
import tomllib
from typing import Any

from services.intake.drive.convention import SIDECAR_KEYS

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
