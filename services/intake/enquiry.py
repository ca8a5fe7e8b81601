"""Mail from an applicant about her own request: asking its status, or asking to cancel it.

Only a mail matched to the request (its thread, or its number from the registered address)
is taken for an enquiry; the answer goes only to the address registered on the request
(PDPA, M04). A reply to one of these answers is not a new enquiry, so no mail loop starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import select

from models import Agency, Application, OutboxMessage, User
from services import outbox
from services.intake.replying import replyable
from services.intake.withdrawal import can_withdraw, withdraw_by_mail
from services.kernel.statuses import STATUSES
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.applicant_mail import mail_domain
from services.store.context import AppContext

if TYPE_CHECKING:
    from services.intake.pipeline import Arrival

__all__ = ["answer_enquiry", "answers_our_reply", "enquiry_kind"]

_STATUS_WORDS = re.compile(r"สถานะ|ติดตาม|ความคืบหน้า|\bstatus\b|\bprogress\b", re.IGNORECASE)
_CANCEL_WORDS = re.compile(r"ยกเลิก|ถอนคำขอ|\bcancel\b|\bwithdraw\b", re.IGNORECASE)


def answers_our_reply(uow: UnitOfWork, arrival: Arrival) -> bool:
    """A reply to one of our status/cancel answers or withdrawal letters ("thank you") is not
    a new enquiry: answering it again would send one automatic mail per human reply."""
    ids = [i for i in (arrival.in_reply_to, *arrival.references) if i]
    if not ids:
        return False
    bracketed = ids + [f"<{i.strip('<>')}>" for i in ids]
    return (
        uow.session.scalar(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.message_id.in_(bracketed),
                OutboxMessage.kind.in_(("status_enquiry", "cancel_request", "withdrawn")),
            )
            .limit(1)
        )
        is not None
    )


def enquiry_kind(arrival: Arrival, target: Application | None) -> str | None:
    if target is None or arrival.attachments:
        return None
    text = f"{arrival.subject}\n{arrival.body_text[:500]}"
    if _CANCEL_WORDS.search(text):
        return "cancel_request"
    if _STATUS_WORDS.search(text):
        return "status_enquiry"
    return None


def answer_enquiry(
    uow: UnitOfWork, context: AppContext, arrival: Arrival, target: Application, kind: str
) -> bool:
    """Status goes only to the address registered on the application (PDPA, M04).

    A request to cancel, from that address on the request's thread or quoting its number
    (see :func:`services.intake.pipeline.act_on`), withdraws the request; the confirmation is
    the reply. Returns whether an answer was queued.
    """
    agency = uow.session.scalars(select(Agency)).one()
    to_addr = target.reply_to or arrival.sender_address
    may_reply = arrival.auto_reply_blocked is None and replyable(to_addr)
    if kind == "cancel_request":
        uow.record(
            "application.cancel_requested", "application", target.id, {"by": "applicant e-mail"}
        )
        if can_withdraw(target.status):
            letter = withdraw_by_mail(
                uow, context.calendar, target, arrival.message_id, reply=may_reply
            )
            return bool(letter)
        status = STATUSES[target.status]
        subject = f"คำขอยกเลิก {target.tracking_number} / Cancellation of {target.tracking_number}"
        body = (
            f"คำขอเลขที่ {target.tracking_number} อยู่ในสถานะ “{status.label_th}” จึงยกเลิกไม่ได้แล้ว "
            f"หากมีข้อสงสัย โปรดติดต่อ {agency.email} โทร {agency.phone or '-'}\n\n"
            f"Request {target.tracking_number} is “{status.label_en}” and can no longer be "
            f"cancelled. For questions, contact {agency.email}, phone {agency.phone or '-'}.\n"
        )
    else:
        subject, body = _status_answer(uow, agency, target)
        uow.record("application.status_enquiry_answered", "application", target.id, {})
    replied = False
    if may_reply:
        outbox.queue_message(
            uow,
            kind=kind,
            to_addr=to_addr,
            subject=subject,
            body_text=body,
            application_id=target.id,
            in_reply_to=arrival.message_id,
            auto_submitted="auto-replied",
            domain=mail_domain(agency.email),
        )
        replied = True
    return replied


def _status_answer(uow: UnitOfWork, agency: Agency, target: Application) -> tuple[str, str]:
    """The automatic status answer: status, due date, the officer handling the request
    (name and position, or not yet assigned) and how to reach the agency (seed P1)."""
    status = STATUSES[target.status]
    due_th = format_thai_date(target.sla_due_at) if target.sla_due_at else "-"
    due_en = format_english_date(target.sla_due_at) if target.sla_due_at else "-"
    officer = uow.session.get(User, target.assignee_id) if target.assignee_id else None
    if officer is not None:
        officer_th = " ".join(p for p in (officer.display_name, officer.position_th) if p)
        officer_en = " ".join(
            p for p in (officer.display_name_en or officer.display_name, officer.position_th) if p
        )
    else:
        officer_th, officer_en = "ยังไม่ได้มอบหมายเจ้าหน้าที่", "not yet assigned"
    phone = agency.phone or "-"
    subject = f"สถานะคำขอ {target.tracking_number} / Status of {target.tracking_number}"
    body = (
        f"คำขอเลขที่ {target.tracking_number}\nสถานะ: {status.label_th}\n"
        f"กำหนดแล้วเสร็จ: {due_th}\n"
        f"เจ้าหน้าที่ผู้รับผิดชอบ: {officer_th}\n"
        f"ติดต่อ: {agency.name_th} อีเมล {agency.email} โทร {phone}\n\n"
        f"Request {target.tracking_number}\nStatus: {status.label_en}\nDue: {due_en}\n"
        f"Officer handling it: {officer_en}\n"
        f"Contact: {agency.name_en}, e-mail {agency.email}, phone {phone}\n"
    )
    return subject, body
