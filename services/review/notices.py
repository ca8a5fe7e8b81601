"""Letters the reviewer sends: a request for more documents, and a refusal with appeal rights.

Both come from editable templates in ``resources/templates/`` (Thai first, English below), in
the manner of :mod:`services.intake.acknowledgement`: ``#`` lines are comments, the first line
is the subject, ``$name`` placeholders; an unknown placeholder is refused before anything is sent.
Every letter names the handling officer and how to reach them (requirements P1, s.11).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Application, ServiceType, User
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.letters.templates import render_letter

__all__ = [
    "COMMON_PLACEHOLDERS",
    "REJECTED_TEMPLATE",
    "REQUEST_TEMPLATE",
    "RequestedItem",
    "render_rejection",
    "render_request",
]

_TEMPLATES: Final = Path(__file__).resolve().parents[2] / "resources" / "templates"
REQUEST_TEMPLATE: Final = _TEMPLATES / "request_documents.txt"
REJECTED_TEMPLATE: Final = _TEMPLATES / "result_rejected.txt"

COMMON_PLACEHOLDERS: Final = frozenset(
    {
        "tracking_number",
        "applicant_name",
        "agency_th",
        "agency_en",
        "agency_email",
        "agency_phone",
        "service_th",
        "service_en",
        "officer_name",
        "officer_position",
        "officer_email",
    }
)
_REQUEST_PLACEHOLDERS: Final = COMMON_PLACEHOLDERS | {
    "items_th",
    "items_en",
    "message_th",
    "message_en",
    "deadline_th",
    "deadline_en",
}
_REJECTED_PLACEHOLDERS: Final = COMMON_PLACEHOLDERS | {"reasons", "decided_th", "decided_en"}


@dataclass(frozen=True)
class RequestedItem:
    """One document asked for, with why (the reviewer's rejection reason, if any)."""

    name_th: str
    name_en: str
    reason: str = ""
    note_th: str = ""
    note_en: str = ""


def _common(session: Session, application: Application, officer: User) -> dict[str, str]:
    agency = session.scalars(select(Agency)).one()
    service = (
        session.get(ServiceType, application.service_type_id)
        if application.service_type_id
        else None
    )
    applicant = application.applicant
    name = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
    return {
        "tracking_number": application.tracking_number,
        # A name that came by mail is the sender's claim: repeat it short and without links.
        "applicant_name": echo_name(name) or "ผู้ยื่นคำขอ / Applicant",
        "agency_th": agency.name_th,
        "agency_en": agency.name_en,
        "agency_email": agency.email,
        "agency_phone": agency.phone or "-",
        "service_th": service.name_th if service else application.subject,
        "service_en": service.name_en if service else application.subject,
        "officer_name": officer.display_name,
        "officer_position": officer.position_th,
        # Replies reach the officer through the agency's official mailbox (requirements §4.3).
        "officer_email": officer.email or agency.email,
    }


def _items(items: Sequence[RequestedItem]) -> tuple[str, str]:
    th: list[str] = []
    en: list[str] = []
    for n, item in enumerate(items, 1):
        th.append(f"  {n}. {item.name_th}")
        en.append(f"  {n}. {item.name_en}")
        if item.reason:
            th.append(f"     เหตุที่ขอ: {item.reason}")
            en.append(f"     Why: {item.reason}")
        if item.note_th:
            th.append(f"     หมายเหตุ: {item.note_th}")
        if item.note_en:
            en.append(f"     Note: {item.note_en}")
    return "\n".join(th), "\n".join(en)


def render_request(
    session: Session,
    application: Application,
    officer: User,
    items: Sequence[RequestedItem],
    message: str,
    deadline: date,
    template: Path = REQUEST_TEMPLATE,
) -> tuple[str, str]:
    """(subject, body) of a request for more documents."""
    values = _common(session, application, officer)
    items_th, items_en = _items(items)
    text = message.strip()
    values.update(
        items_th=items_th,
        items_en=items_en,
        message_th=f"\nข้อความจากเจ้าหน้าที่:\n{text}\n" if text else "",
        message_en=f"\nMessage from the officer:\n{text}\n" if text else "",
        deadline_th=format_thai_date(deadline),
        deadline_en=format_english_date(deadline),
    )
    return render_letter(template, _REQUEST_PLACEHOLDERS, values)


def render_rejection(
    session: Session,
    application: Application,
    officer: User,
    reasons: str,
    decided_at: datetime,
    template: Path = REJECTED_TEMPLATE,
) -> tuple[str, str]:
    """(subject, body) of the notice that a request was not approved."""
    values = _common(session, application, officer)
    values.update(
        reasons="\n".join(f"  {line}" for line in reasons.strip().splitlines()),
        decided_th=format_thai_date(decided_at),
        decided_en=format_english_date(decided_at),
    )
    return render_letter(template, _REJECTED_PLACEHOLDERS, values)
