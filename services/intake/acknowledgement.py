"""The acknowledgement (ใบรับเรื่อง) every applicant gets: rendered from an editable template.

Thai first, English below (requirements P1/P3, M01, M03, M10). The template lives in
``resources/templates/acknowledgement.txt``; an agency may point the setting
``ack_template`` at its own copy. A template with an unknown placeholder is
refused with a clear message before anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.letters.templates import render_letter

__all__ = ["AckDocument", "DEFAULT_TEMPLATE", "PLACEHOLDERS", "render_acknowledgement"]

DEFAULT_TEMPLATE = (
    Path(__file__).resolve().parents[2] / "resources" / "templates" / "acknowledgement.txt"
)

PLACEHOLDERS = frozenset(
    {
        "tracking_number",
        "applicant_name",
        "agency_th",
        "agency_en",
        "agency_email",
        "agency_phone",
        "service_th",
        "service_en",
        "received_th",
        "received_en",
        "deemed_received_th",
        "deemed_received_en",
        "sla_days",
        "sla_due_th",
        "sla_due_en",
        "documents_th",
        "documents_en",
        "quarantine_th",
        "quarantine_en",
    }
)


@dataclass(frozen=True)
class AckDocument:
    filename: str
    detail: str = ""  # e.g. "3 หน้า / 3 pages"


def _lines(items: Sequence[str], empty: str) -> str:
    return "\n".join(f"    - {item}" for item in items) if items else f"    - {empty}"


def render_acknowledgement(
    values: Mapping[str, str],
    documents: Sequence[AckDocument],
    quarantined: Sequence[tuple[str, str, str]],  # (filename, reason_th, reason_en)
    template: Path = DEFAULT_TEMPLATE,
) -> tuple[str, str]:
    """Return (subject, body)."""
    docs_th = _lines([f"{d.filename} {d.detail}".strip() for d in documents], "ไม่มีไฟล์แนบ")
    docs_en = _lines([f"{d.filename} {d.detail}".strip() for d in documents], "no attachments")
    q_th = (
        "\n  ไฟล์ที่ไม่ได้รับไว้ (โปรดส่งใหม่):\n" + _lines([f"{f}: {th}" for f, th, _ in quarantined], "")
        if quarantined
        else ""
    )
    q_en = (
        "\n  Files not accepted (please send again):\n"
        + _lines([f"{f}: {en}" for f, _, en in quarantined], "")
        if quarantined
        else ""
    )
    merged = dict(values)
    merged.update(
        documents_th=docs_th, documents_en=docs_en, quarantine_th=q_th, quarantine_en=q_en
    )
    return render_letter(template, PLACEHOLDERS, merged)
