"""What a reviewer decides: ask for more documents, pass the review on, or refuse.

Each decision changes the status (:func:`services.cases.applications.change_status`, so the SLA
pauses while the applicant is asked), records an event, and — for letters to the applicant —
queues the mail in the outbox in the same transaction (requirements P4: MAY ask for more
documents; SHOULD notify the result by the agency's e-mail).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

from sqlalchemy import select

from models import Application, OutboxMessage, Payment, User
from services.access.table import Action, require
from services.cases.applications import change_status
from services.catalog.versions import spec_for
from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.applicant_mail import applicant_address, mail_applicant
from services.review.checks import IDENTITY_NAMES, review_state, service_spec
from services.review.notices import RequestedItem, render_rejection, render_request
from services.review.queue import clear_claim, load_application, require_holder
from services.review.views import incomplete_summary

__all__ = [
    "DECIDABLE_STATUS",
    "ReviewIncomplete",
    "mark_reviewed",
    "preview_document_request",
    "reject",
    "request_documents",
]

# Decisions close the review: they are taken on a request in review (not while waiting).
DECIDABLE_STATUS: Final = "in_review"
_MAX_MESSAGE: Final = 4000
_MAX_REASONS: Final = 2000


class ReviewIncomplete(InvalidInput):
    """The checklist or the identity checks are not done; the message lists what is left."""

    code = "review_incomplete"

    def __init__(self, tracking_number: str, missing_th: Sequence[str], missing_en: Sequence[str]):
        super().__init__(
            f"ยังส่งต่อคำขอ {tracking_number} ไม่ได้ เพราะยังตรวจไม่ครบ:\n"
            + "\n".join(f"- {m}" for m in missing_th),
            f"Application {tracking_number} cannot be passed on yet; still to check:\n"
            + "\n".join(f"- {m}" for m in missing_en),
        )
        self.missing_th = tuple(missing_th)
        self.missing_en = tuple(missing_en)
        first = (missing_th[0], missing_en[0]) if missing_th else ("", "")
        # One line per language for a banner (the full list stays in th / en).
        self.summary_th, self.summary_en = incomplete_summary(len(self.missing_th), *first)


def _officer(uow: UnitOfWork) -> User:
    user = uow.session.get(User, uow.actor.user_id) if uow.actor.user_id else None
    if user is None:
        raise PermissionDenied(
            "รายการนี้ต้องทำโดยเจ้าหน้าที่ที่ลงชื่อเข้าใช้", "Only a signed-in officer can do this."
        )
    return user


def _held_in_review(uow: UnitOfWork, application_id: str) -> Application:
    require(uow.actor, Action.DECIDE_REVIEW)
    application = load_application(uow.session, application_id)
    require_holder(uow, application)
    if application.status != DECIDABLE_STATUS:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ไม่อยู่ระหว่างการตรวจสอบ",
            f"Application {application.tracking_number} is not in review.",
        )
    return application


# --- asking for more documents -----------------------------------------------------------


def _requested(
    uow: UnitOfWork,
    application: Application,
    item_codes: Sequence[str],
    message: str,
    deadline: date,
) -> list[tuple[str, RequestedItem]]:
    spec = service_spec(uow.session, application)
    state = review_state(uow.session, application)
    verdicts = {i.code: i for i in state.checklist}
    # Delegation documents may be asked for even before a proxy shows up in the file.
    allowed = (
        {d.code: d for d in spec.documents_for(state.applicant_kind, delegated=True)}
        if spec
        else {}
    )
    codes = list(dict.fromkeys(c.strip() for c in item_codes if c.strip()))
    unknown = [c for c in codes if c not in allowed]
    if unknown:
        raise InvalidInput(
            f"ไม่รู้จักรายการเอกสาร: {', '.join(unknown)}",
            f"Unknown document items: {', '.join(unknown)}.",
        )
    if not codes and not message.strip():
        raise InvalidInput(
            "โปรดเลือกเอกสารที่ต้องการ หรือเขียนข้อความถึงผู้ยื่นคำขอ",
            "Choose the documents you need, or write a message to the applicant.",
        )
    if len(message) > _MAX_MESSAGE:
        raise InvalidInput(
            "ข้อความยาวเกิน 4,000 ตัวอักษร", "The message is longer than 4,000 characters."
        )
    today = uow.now.astimezone(BANGKOK).date()
    if deadline <= today:
        raise InvalidInput(
            f"กำหนดส่งเอกสาร {format_thai_date(deadline)} ต้องเป็นวันหลังจากวันนี้",
            f"The deadline {format_english_date(deadline)} must be after today.",
        )
    if deadline > today + timedelta(days=365):
        raise InvalidInput(
            "กำหนดส่งเอกสารต้องไม่เกินหนึ่งปีจากวันนี้",
            "The deadline must be within a year from today.",
        )
    result: list[tuple[str, RequestedItem]] = []
    for code in codes:
        doc, verdict = allowed[code], verdicts.get(code)
        reason = verdict.reason if verdict is not None and verdict.verdict == "rejected" else ""
        result.append(
            (code, RequestedItem(doc.name_th, doc.name_en, reason, doc.note_th, doc.note_en))
        )
    return result


def preview_document_request(
    uow: UnitOfWork,
    application_id: str,
    item_codes: Sequence[str],
    message: str,
    deadline: date,
) -> tuple[str, str]:
    """(subject, body) of the letter, exactly as :func:`request_documents` would queue it."""
    application = _held_in_review(uow, application_id)
    items = _requested(uow, application, item_codes, message, deadline)
    return render_request(
        uow.session, application, _officer(uow), [i for _, i in items], message, deadline
    )


def request_documents(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application_id: str,
    item_codes: Sequence[str],
    message: str,
    deadline: date,
) -> OutboxMessage:
    """Queue the letter and wait for the applicant (status waiting_applicant, SLA paused).

    The reviewer keeps the application: the applicant's reply brings it back to their queue.
    """
    application = _held_in_review(uow, application_id)
    items = _requested(uow, application, item_codes, message, deadline)
    to_addr = applicant_address(application)
    if to_addr is None:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ไม่มีอีเมลของผู้ยื่นที่ใช้ได้ — ส่งคำขอเอกสารทางอีเมลไม่ได้ "
            "โปรดติดต่อผู้ยื่นทางโทรศัพท์หรือหนังสือ",
            f"Application {application.tracking_number} has no usable applicant e-mail address, "
            "so the request cannot be e-mailed. Contact the applicant by phone or letter.",
        )
    subject, body = render_request(
        uow.session, application, _officer(uow), [i for _, i in items], message, deadline
    )
    queued = mail_applicant(
        uow, application, to_addr, kind="request_documents", subject=subject, body=body,
        auto_submitted=None,  # written by an officer: the applicant is expected to answer
    )  # fmt: skip
    codes = [code for code, _ in items]
    change_status(
        uow,
        calendar,
        application.id,
        "waiting_applicant",
        reason="documents requested",
        extra={"items": codes, "deadline": deadline.isoformat()},
    )
    requests = list((application.form_data or {}).get("document_requests", []))
    requests.append(
        {
            "at": uow.now.isoformat(),
            "by": uow.actor.username,
            "items": codes,
            "deadline": deadline.isoformat(),
            "message_id": queued.message_id,
        }
    )
    # A new dict, so the JSON column sees the change.
    application.form_data = {**(application.form_data or {}), "document_requests": requests}
    uow.record(
        "review.documents_requested",
        "application",
        application.id,
        {
            "items": codes,
            "deadline": deadline.isoformat(),
            "outbox_id": queued.id,
            "message_id": queued.message_id,
        },
    )
    return queued


# --- passing on, refusing ----------------------------------------------------------------


def mark_reviewed(
    uow: UnitOfWork, calendar: BusinessCalendar, application_id: str, note: str = ""
) -> str:
    """Checklist complete and identity checks done → payment due (fee before approval) or
    ready for approval; returns the new status. The reviewer's claim ends here."""
    application = _held_in_review(uow, application_id)
    state = review_state(uow.session, application)
    if not state.complete:
        names = {i.code: i for i in state.checklist}
        missing_th = [
            f"เอกสาร: {names[c].name_th}"
            + (f" (ไม่ถูกต้อง: {names[c].reason})" if names[c].verdict == "rejected" else "")
            for c in state.missing_items
        ] + [f"การตรวจ: {IDENTITY_NAMES[k][0]}" for k in state.missing_checks]
        missing_en = [
            f"document: {names[c].name_en}"
            + (f" (rejected: {names[c].reason})" if names[c].verdict == "rejected" else "")
            for c in state.missing_items
        ] + [f"check: {IDENTITY_NAMES[k][1]}" for k in state.missing_checks]
        raise ReviewIncomplete(application.tracking_number, missing_th, missing_en)
    spec = spec_for(uow.session, application)  # the fee of the version it was received under
    assert spec is not None  # a complete review has a service
    # A fee due at submission that is not yet verified holds the request here too (its
    # payment and notice exist since registration: no second notice).
    fee_first = (
        spec.fee.due in ("at_submission", "before_approval")
        and spec.fee.amount_satang > 0
        and not _fee_verified(uow, application.id)
    )
    target = "payment_due" if fee_first else "ready_for_approval"
    text = note.strip()
    if len(text) > _MAX_REASONS:
        raise InvalidInput("บันทึกยาวเกินไป", "The note is too long.")
    change_status(uow, calendar, application.id, target, reason=text or "review complete")
    clear_claim(application)
    uow.record(
        "review.completed",
        "application",
        application.id,
        {
            "to": target,
            "note": text,
            "delegated": state.delegated,
            "items": [i.code for i in state.checklist if i.verdict],
            "checks": list(state.required_checks),
        },
    )
    return target


def reject(
    uow: UnitOfWork, calendar: BusinessCalendar, application_id: str, reasons: str
) -> OutboxMessage | None:
    """Refuse the request with reasons; the applicant gets a result notice with appeal rights.

    Returns the queued notice, or None when the application has no usable e-mail address
    (the event says so, for the officer to notify by letter).
    """
    application = load_application(uow.session, application_id)
    require_holder(uow, application)
    text = reasons.strip()
    if not text:
        raise InvalidInput(
            "โปรดระบุเหตุผลที่ไม่อนุญาตหรือไม่รับคำขอ (ผู้ยื่นจะได้รับแจ้งเหตุผลนี้)",
            "Please give the reasons for refusing the request (the applicant is told them).",
        )
    if len(text) > _MAX_REASONS:
        raise InvalidInput(
            "เหตุผลยาวเกิน 2,000 ตัวอักษร", "The reasons are longer than 2,000 characters."
        )
    officer = _officer(uow)
    change_status(uow, calendar, application.id, "rejected", reason=text)
    clear_claim(application)
    to_addr = applicant_address(application)
    notice: OutboxMessage | None = None
    if to_addr is not None:
        subject, body = render_rejection(uow.session, application, officer, text, uow.now)
        notice = mail_applicant(
            uow, application, to_addr, kind="result", subject=subject, body=body,
            auto_submitted=None,
        )  # fmt: skip
    uow.record(
        "review.rejected",
        "application",
        application.id,
        {"reasons": text, "notice_outbox_id": notice.id if notice else None},
    )
    return notice


def _fee_verified(uow: UnitOfWork, application_id: str) -> bool:
    """Whether the request's fee is paid in full and checked (a fee due at submission may be
    before the review ends); a part payment leaves a payment open for the rest."""
    payments = uow.session.scalars(
        select(Payment.status).where(Payment.application_id == application_id)
    ).all()
    return "verified" in payments and not ({"due", "submitted"} & set(payments))
