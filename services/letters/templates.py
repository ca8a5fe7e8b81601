"""Letters to applicants from editable templates (acknowledgement, requests, results).

A template is UTF-8 text; lines starting with ``#`` are comments; the first
remaining line is the subject. Placeholders are ``$name``; a template naming one
that the letter does not know is refused with a clear message before anything
is sent, so an agency's typo never reaches an applicant as "$applicant_nmae".
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.kernel.errors import InvalidInput

__all__ = ["RequiredPart", "render_letter"]


@dataclass(frozen=True)
class RequiredPart:
    """Something a letter must say whatever the agency does to its template.

    ``all_of`` is a list of alternatives; each must be met by one of its entries. An entry
    starting with ``$`` is a placeholder the template must use; any other entry is text the
    template must contain (case-insensitive), such as a section's heading.
    """

    th: str
    en: str
    all_of: tuple[tuple[str, ...], ...]

    def met_by(self, text: str, used: set[str]) -> bool:
        folded = text.casefold()

        def found(entry: str) -> bool:
            if entry.startswith("$"):
                return entry[1:] in used
            return entry.casefold() in folded

        return all(any(found(entry) for entry in group) for group in self.all_of)


def render_letter(
    template: Path,
    placeholders: frozenset[str],
    values: Mapping[str, str],
    required: Sequence[RequiredPart] = (),
    why: tuple[str, str] = ("", ""),
) -> tuple[str, str]:
    """Return (subject, body) of ``template`` filled with ``values``.

    ``required`` are the parts the letter must keep; a template that lost one is refused,
    naming each missing part and ``why`` (Thai, English) it is required.
    """
    tpl = _checked(template, placeholders, tuple(required), why)
    rendered = "\n".join(line.rstrip() for line in tpl.safe_substitute(values).splitlines())
    subject, _, body = rendered.partition("\n")
    if not subject.strip():
        raise InvalidInput(
            f"แม่แบบจดหมาย {template.name} ไม่มีหัวเรื่อง (บรรทัดแรก)",
            f"The letter template {template.name} has no subject (its first line).",
        )
    return subject.strip(), body.lstrip("\n")


def _checked(
    template: Path,
    placeholders: frozenset[str],
    required: tuple[RequiredPart, ...],
    why: tuple[str, str],
) -> string.Template:
    """The template read and checked, kept while its file is unchanged: intake renders the
    same acknowledgement for every mail of a sync, and reading, parsing and checking it each
    time cost as much as filling it in. An edited file is read and checked again (a new inode,
    size or modification time); a refused one is never kept."""
    try:
        stat = template.stat()
    except OSError as exc:
        raise _unreadable(template, exc) from exc
    version = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    return _read_and_check(template, version, placeholders, required, why)


def _unreadable(template: Path, exc: BaseException) -> InvalidInput:
    return InvalidInput(
        f"อ่านแม่แบบจดหมาย {template.name} ไม่ได้ — ตรวจสอบไฟล์ (ต้องเป็น UTF-8)",
        f"Cannot read the letter template {template.name}; check the file (UTF-8).",
        detail=str(exc),
    )


@functools.lru_cache(maxsize=64)
def _read_and_check(
    template: Path,
    _version: tuple[int, int, int],
    placeholders: frozenset[str],
    required: tuple[RequiredPart, ...],
    why: tuple[str, str],
) -> string.Template:
    try:
        text = template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _unreadable(template, exc) from exc
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    tpl = string.Template("\n".join(lines))
    used = {m.group("named") or m.group("braced") for m in tpl.pattern.finditer(tpl.template)}
    unknown = sorted(name for name in used - placeholders if name is not None)
    if unknown:
        raise InvalidInput(
            f"แม่แบบจดหมาย {template.name} มีตัวแปรที่ไม่รู้จัก: {', '.join(unknown)}",
            f"The letter template {template.name} has unknown placeholders: "
            f"{', '.join(unknown)}. Known: {', '.join(sorted(placeholders))}.",
        )
    missing = [part for part in required if not part.met_by(tpl.template, used)]
    if missing:
        why_th, why_en = why
        raise InvalidInput(
            f"แม่แบบจดหมาย {template.name} ขาดส่วนที่ต้องมี: "
            + "; ".join(part.th for part in missing)
            + (f" — {why_th}" if why_th else "")
            + " ให้เพิ่มส่วนที่ขาดกลับเข้าไปในแม่แบบ แล้วลองใหม่",
            f"The letter template {template.name} lacks required parts: "
            + "; ".join(part.en for part in missing)
            + "."
            + (f" {why_en}" if why_en else "")
            + " Put the missing parts back into the template, then try again.",
            detail="missing: " + ", ".join(part.en for part in missing),
        )
    return tpl
