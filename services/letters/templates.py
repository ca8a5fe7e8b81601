"""Letters to applicants from editable templates (acknowledgement, requests, results).

A template is UTF-8 text; lines starting with ``#`` are comments; the first
remaining line is the subject. Placeholders are ``$name``; a template naming one
that the letter does not know is refused with a clear message before anything
is sent, so an agency's typo never reaches an applicant as "$applicant_nmae".
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path

from services.kernel.errors import InvalidInput

__all__ = ["render_letter"]


def render_letter(
    template: Path, placeholders: frozenset[str], values: Mapping[str, str]
) -> tuple[str, str]:
    """Return (subject, body) of ``template`` filled with ``values``."""
    try:
        text = template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"อ่านแม่แบบจดหมาย {template.name} ไม่ได้ — ตรวจสอบไฟล์ (ต้องเป็น UTF-8)",
            f"Cannot read the letter template {template.name}; check the file (UTF-8).",
            detail=str(exc),
        ) from exc
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
    rendered = "\n".join(line.rstrip() for line in tpl.safe_substitute(values).splitlines())
    subject, _, body = rendered.partition("\n")
    if not subject.strip():
        raise InvalidInput(
            f"แม่แบบจดหมาย {template.name} ไม่มีหัวเรื่อง (บรรทัดแรก)",
            f"The letter template {template.name} has no subject (its first line).",
        )
    return subject.strip(), body.lstrip("\n")
