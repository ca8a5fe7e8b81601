"""Withdrawing a request: by the applicant's own mail, or by an officer on her behalf.

The applicant's mail counts only from the address registered on the request and on its thread
or tracking number (intake matches it so), and never when the agency's server could not confirm
the sender (such mail is held). An officer (intake or reviewer) records why. Either way the
status moves to "withdrawn" along the status table, an event records who and why, and the
applicant gets a letter confirming it (Thai then English) in the same unit of work. The
officer's reason stays in the record: the letter speaks only to the applicant.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sqlalchemy import select

from models import Agency, Application, OutboxMessage, ServiceType
from services import outbox
from services.access.table import Action, require
from services.cases.applications import change_status
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.statuses import STATUSES, TRANSITIONS, ApplicationStatus
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.letters.templates import render_letter
from services.outbox.applicant_mail import applicant_address, mail_domain

__all__ = ["WITHDRAWN_TEMPLATE", "can_withdraw", "withdraw", "withdraw_by_mail"]

WITHDRAWN_TEMPLATE: Final = (
    Path(__file__).resolve().parents[2] / "resources" / "templates" / "withdrawn.txt"
)
_PLACEHOLDERS: Final = frozenset(
    {
        "tracking_number",
        "applicant_name",
        "agency_th",
        "agency_en",
        "agency_email",
        "agency_phone",
        "service_th",
        "service_en",
        "withdrawn_th",
        "withdrawn_en",
        "how_th",
        "how_en",
    }
)
_MAX_REASON: Final = 2000


def can_withdraw(status: str) -> bool:
    """Whether a request in ``status`` may still be withdrawn (the status table says)."""
    return (status, ApplicationStatus.WITHDRAWN) in TRANSITIONS


def withdraw(
    uow: UnitOfWork, calendar: BusinessCalendar, application_id: str, reason: str
) -> OutboxMessage | None:
    """An officer withdraws the request at the applicant's wish, saying why (for the record)."""
    require(uow.actor, Action.WITHDRAW)
    text = reason.strip()
    if not text:
        raise InvalidInput(
            "โปรดระบุเหตุผลหรือช่องทางที่ผู้ยื่นแจ้งขอถอนคำขอ (บันทึกไว้ในประวัติ ไม่ส่งถึงผู้ยื่น)",
            "Please say why, or how the applicant asked to withdraw (kept in the history, not "
            "sent to the applicant).",
        )
    if len(text) > _MAX_REASON:
        raise InvalidInput(
            "เหตุผลยาวเกิน 2,000 ตัวอักษร", "The reason is longer than 2,000 characters."
        )
    application = _load(uow, application_id)
    return _withdraw(uow, calendar, application, "officer", text, in_reply_to=None)


def withdraw_by_mail(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application: Application,
    message_id: str | None,
    *,
    reply: bool = True,
) -> OutboxMessage | None:
    """The applicant's own mail asks to cancel (intake has matched sender and request)."""
    return _withdraw(
        uow, calendar, application, "applicant e-mail", "", in_reply_to=message_id, reply=reply
    )


def _load(uow: UnitOfWork, application_id: str) -> Application:
    application = uow.session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    return application


def _withdraw(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application: Application,
    by: str,
    reason: str,
    *,
    in_reply_to: str | None,
    reply: bool = True,
) -> OutboxMessage | None:
    if not can_withdraw(application.status):
        status = STATUSES[application.status]
        raise InvalidInput(
            f"คำขอ {application.tracking_number} อยู่ในสถานะ “{status.label_th}” ถอนไม่ได้แล้ว",
            f"Application {application.tracking_number} is “{status.label_en}” and can no "
            "longer be withdrawn.",
        )
    change_status(
        uow,
        calendar,
        application.id,
        ApplicationStatus.WITHDRAWN,
        reason=reason or "withdrawn by the applicant's e-mail",
        extra={"by": by},
    )
    # Closed: nobody holds it any more.
    application.assignee_id = None
    application.claimed_at = None
    letter = _queue_letter(uow, application, by, in_reply_to) if reply else None
    uow.record(
        "application.withdrawn",
        "application",
        application.id,
        {"by": by, "reason": reason, "notice_outbox_id": letter.id if letter else None},
    )
    return letter


def _queue_letter(
    uow: UnitOfWork, application: Application, by: str, in_reply_to: str | None
) -> OutboxMessage | None:
    to_addr = applicant_address(application)
    if to_addr is None:
        return None
    agency = uow.session.scalars(select(Agency)).one()
    service = (
        uow.session.get(ServiceType, application.service_type_id)
        if application.service_type_id
        else None
    )
    applicant = application.applicant
    name = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
    by_mail = by == "applicant e-mail"
    values = {
        "tracking_number": application.tracking_number,
        "applicant_name": echo_name(name) or "ผู้ยื่นคำขอ / Applicant",
        "agency_th": agency.name_th,
        "agency_en": agency.name_en,
        "agency_email": agency.email,
        "agency_phone": agency.phone or "-",
        "service_th": service.name_th if service else application.subject,
        "service_en": service.name_en if service else application.subject,
        "withdrawn_th": format_thai_date(uow.now),
        "withdrawn_en": format_english_date(uow.now),
        "how_th": "ตามอีเมลของท่านที่ส่งจากที่อยู่ที่ลงทะเบียนไว้กับคำขอ" if by_mail else "ตามที่ท่านแจ้งต่อเจ้าหน้าที่",
        "how_en": "as asked in your e-mail from the address registered with the request."
        if by_mail
        else "as you told our officer.",
    }
    subject, body = render_letter(WITHDRAWN_TEMPLATE, _PLACEHOLDERS, values)
    key = (application.source_key or "").split(" ", 1)[0]
    thread = in_reply_to or (
        key if application.channel == "email" and key and ":" not in key else None
    )
    return outbox.queue_message(
        uow,
        kind="withdrawn",
        to_addr=to_addr,
        subject=subject,
        body_text=body,
        application_id=application.id,
        in_reply_to=thread,
        auto_submitted="auto-replied" if by_mail else None,
        domain=mail_domain(agency.email),
    )
