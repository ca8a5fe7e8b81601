"""The fee gate: a request with a fee waits at "payment due" until finance verifies a payment.

* :func:`fee_falls_due` opens the request's Payment (the catalog's rule applied to its form,
  a Transaction ID, a deadline in business days) and queues the payment notice — mail and
  PDF — in the same transaction as the decision that made the fee due.
* :func:`after_approval` is that decision for a fee due after approval, before issuing; its
  notice's mail is queued held until the PDF is drawn after the batch
  (:mod:`services.fees.notice_drafts`).
* :func:`verify` and :func:`reject_evidence` are the finance officer's; each moves the
  payment with one conditional UPDATE (``WHERE status IN …``), so two officers deciding
  the same payment at once cannot both win, on SQLite or PostgreSQL.

A free service never gets here; the status table and ``cases.change_status`` refuse to let a
request past "payment to verify" or into issuing without a verified payment.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models import Application, Document, Payment
from services import outbox
from services.access.table import Action, require
from services.cases.applications import change_status
from services.cases.documents import attach_document
from services.catalog.loader import Fee
from services.catalog.versions import spec_for
from services.fees.amounts import fee_amount
from services.fees.mails import ask_for_new_slip, send_receipt
from services.fees.notice import notice_content, render_notice_mail
from services.fees.notice_drafts import DRAFTING, notice_filename
from services.fees.notice_pdf import render_notice_pdf
from services.fees.receipts import next_receipt_number
from services.fees.thai_baht import baht_figures
from services.fees.transaction_id import transaction_id
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.statuses import ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.applicant_mail import applicant_address, mail_applicant
from services.store.blobstore import BlobStore

__all__ = [
    "OPEN",
    "PaymentTaken",
    "after_approval",
    "fee_falls_due",
    "open_payment",
    "record_evidence",
    "reject_evidence",
    "verify",
]

SLIP_CHECKED: Final = "fee_slip_checked"
"""A document flag: slip matching has looked at this file (or it came before the notice)."""
OPEN: Final = ("due", "submitted")
"""A payment still waiting: no evidence yet, or evidence to check."""
_MAX_REASON: Final = 1000


class PaymentTaken(InvalidInput):
    """Another officer decided this payment first (or it was never open)."""


def _fee(session: Session, application: Application) -> Fee | None:
    """The fee of the catalog version the request was received under."""
    spec = spec_for(session, application)
    return spec.fee if spec is not None else None


def open_payment(session: Session, application_id: str) -> Payment | None:
    """The request's payment still waiting (due or with evidence to check), if any."""
    return session.scalars(
        select(Payment)
        .where(Payment.application_id == application_id, Payment.status.in_(OPEN))
        .order_by(Payment.created_at.desc())
        .limit(1)
    ).first()


def fee_falls_due(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    application_id: str,
    stage: str,
    *,
    draw_later: bool = False,
) -> Payment | None:
    """Open the payment of a request now at "payment due" and queue its notice.

    Returns None for a free service. A second call finds the open payment and returns it
    (no second notice). ``draw_later``: queue the mail held until its PDF is drawn
    (:mod:`services.fees.notice_drafts`), for a caller that must not wait for the drawing."""
    application = uow.session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    fee = _fee(uow.session, application)
    if fee is None or fee.is_free:
        return None
    existing = open_payment(uow.session, application.id)
    if existing is not None:
        return existing
    amount = fee_amount(fee, application.form_data or {})
    return _new_payment(
        uow, calendar, blobs, application, amount, stage, fee, rule=fee.rule, draw_later=draw_later
    )


def _new_payment(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    application: Application,
    amount: int,
    stage: str,
    fee: Fee,
    *,
    rule: str,
    draw_later: bool = False,
) -> Payment:
    """A due payment of ``amount`` with its Transaction ID (the request's next sequence),
    deadline and notice; the files the request holds already are not slips for it."""
    earlier = uow.session.scalar(
        select(func.count()).select_from(Payment).where(Payment.application_id == application.id)
    )
    due_at = calendar.add_business_time(uow.now, calendar.day_length * fee.deadline_business_days)
    payment = Payment(
        application_id=application.id,
        amount_satang=amount,
        due_at=due_at,
        transaction_id=transaction_id(application.tracking_number, int(earlier or 0) + 1),
        status="due",
        stage=stage,
        created_at=uow.now,
    )
    uow.session.add(payment)
    for document in uow.session.scalars(
        select(Document).where(Document.application_id == application.id)
    ):
        if SLIP_CHECKED not in (document.flags or []):
            document.flags = [*(document.flags or []), SLIP_CHECKED]
    uow.session.flush()
    payment.notice_outbox_id = _queue_notice(uow, blobs, application, payment, draw_later) or ""
    uow.record(
        "fees.due",
        "application",
        application.id,
        {
            "payment": payment.id,
            "amount_satang": amount,
            "rule": rule,
            "stage": stage,
            "transaction_id": payment.transaction_id,
            "due_at": payment.due_at.isoformat() if payment.due_at else None,
            "notice_outbox_id": payment.notice_outbox_id or None,
        },
    )
    return payment


def _queue_notice(
    uow: UnitOfWork, blobs: BlobStore, application: Application, payment: Payment, later: bool
) -> str | None:
    content = notice_content(uow.session, application, payment)
    to_addr = applicant_address(application)
    name = notice_filename(application.tracking_number)
    files: list[outbox.OutgoingAttachment] = []
    if to_addr is None or not later:
        # Drawn now: the officer hands or posts the PDF to an applicant without an address.
        document = attach_document(
            uow,
            blobs,
            application.id,
            filename=name,
            content_type="application/pdf",
            data=render_notice_pdf(content),
            origin="produced",
        )
        files.append(outbox.OutgoingAttachment(document.blob_sha256, name, "application/pdf"))
    if to_addr is None:
        return None  # the event says so: the officer hands or posts the PDF
    subject, body = render_notice_mail(content)
    queued = mail_applicant(
        uow, application, to_addr, kind="payment_notice", subject=subject, body=body,
        auto_submitted="auto-generated", attachments=files,
    )  # fmt: skip
    if not files:
        queued.status = DRAFTING  # held: never sent before its PDF is on it
    return queued.id


def after_approval(
    uow: UnitOfWork, calendar: BusinessCalendar, blobs: BlobStore, application_id: str
) -> Payment | None:
    """An approved request whose fee is due before issuing goes to "payment due" now."""
    application = uow.session.get(Application, application_id)
    if application is None or application.status != ApplicationStatus.APPROVED:
        return None
    fee = _fee(uow.session, application)
    if fee is None or fee.is_free or fee.due != "before_issue":
        return None
    change_status(
        uow, calendar, application.id, ApplicationStatus.PAYMENT_DUE, reason="fee before issue"
    )
    # Drawn after the approval batch, not inside it (it cost more than the signature).
    return fee_falls_due(uow, calendar, blobs, application.id, "before_issue", draw_later=True)


def _take(uow: UnitOfWork, payment_id: str, from_status: tuple[str, ...], to: str) -> Payment:
    """Move the payment in one conditional statement; the loser gets PaymentTaken."""
    moved = uow.session.execute(
        update(Payment)
        .where(Payment.id == payment_id, Payment.status.in_(from_status))
        .values(status=to)
        .returning(Payment.id),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    payment = uow.session.get(Payment, payment_id, populate_existing=True)
    if moved is None or payment is None:
        raise PaymentTaken(
            "การชำระเงินนี้ได้รับการตัดสินไปแล้ว (อาจโดยเจ้าหน้าที่อีกคน) ไม่มีข้อมูลใดเปลี่ยนแปลง โปรดเปิดรายการใหม่",
            "This payment was already decided (perhaps by another officer). Nothing was "
            "changed; open the list again.",
        )
    return payment


def record_evidence(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    payment_id: str,
    document_id: str | None,
    *,
    slip_bank: str = "",
    slip_reference: str = "",
) -> Payment:
    """Evidence (a slip) arrived for a due payment: it waits for finance to check it."""
    payment = _take(uow, payment_id, ("due",), "submitted")
    payment.evidence_document_id = document_id
    payment.slip_bank = slip_bank[:10]
    payment.slip_reference = slip_reference[:60]
    application = uow.session.get(Application, payment.application_id)
    assert application is not None
    if application.status == ApplicationStatus.PAYMENT_DUE:
        change_status(
            uow, calendar, application.id, ApplicationStatus.PAYMENT_TO_VERIFY, reason="slip"
        )
    uow.record(
        "fees.evidence",
        "application",
        application.id,
        {"payment": payment.id, "document": document_id, "slip_bank": slip_bank,
         "slip_reference": slip_reference},
    )  # fmt: skip
    return payment


def verify(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    payment_id: str,
    paid_satang: int | None = None,
) -> Payment:
    """Finance checked the payment: the receipt number is taken, the receipt PDF made and
    sent to the applicant, and the request moves on (to approval, or to issuing when it was
    already approved).

    ``paid_satang`` is the amount the officer read on the slip, when given. Less than the
    fee: the receipt is for what was paid, the payment is "short", and a new payment for the
    rest is opened with its own notice (the request waits at "payment due"). More: the
    receipt is for the fee and the difference is recorded as a refund owed."""
    require(uow.actor, Action.VERIFY_PAYMENT)
    if paid_satang is not None and paid_satang <= 0:
        raise InvalidInput("จำนวนเงินที่ชำระต้องมากกว่าศูนย์", "The amount paid must be more than zero.")
    payment = _take(uow, payment_id, OPEN, "verified")
    if paid_satang is not None and paid_satang != payment.amount_satang:
        payment.paid_satang = paid_satang
    payment.verified_by = uow.actor.user_id
    payment.verified_at = uow.now
    payment.receipt_number = next_receipt_number(uow, uow.now)
    application = uow.session.get(Application, payment.application_id)
    assert application is not None
    if paid_satang is not None and paid_satang < payment.amount_satang:
        return _short(uow, calendar, blobs, application, payment, paid_satang)
    # A fee due at submission may be paid while the request is still in review: it stays
    # there, and the review's end finds the fee paid.
    waiting = application.status in (
        ApplicationStatus.PAYMENT_DUE, ApplicationStatus.PAYMENT_TO_VERIFY
    )  # fmt: skip
    target: ApplicationStatus | None = None
    next_step = ("", "")
    if waiting:
        if application.status == ApplicationStatus.PAYMENT_DUE:
            change_status(
                uow, calendar, application.id, ApplicationStatus.PAYMENT_TO_VERIFY,
                reason="verified",
            )  # fmt: skip
        uow.session.flush()
        target = (
            ApplicationStatus.APPROVED
            if payment.stage == "before_issue"
            else ApplicationStatus.READY_FOR_APPROVAL
        )
        change_status(uow, calendar, application.id, target, reason="fee paid")
    elif payment.stage == "at_submission":
        next_step = (
            "คำขอของท่านอยู่ระหว่างการตรวจสอบต่อไป",
            "your request goes on being reviewed",
        )
    refund = (paid_satang or 0) - payment.amount_satang
    if refund > 0:
        next_step = (
            f"ท่านชำระเกินมา {baht_figures(refund)} บาท หน่วยงานจะติดต่อเพื่อคืนเงินส่วนนี้ "
            + (next_step[0] or ("หน่วยงานจะออกเอกสารให้ท่านต่อไป" if payment.stage == "before_issue"
               else "คำขอของท่านจะเข้าสู่การพิจารณาอนุมัติต่อไป")),
            f"you paid {baht_figures(refund)} baht more than the fee, which the agency will "
            "contact you to refund; "
            + (next_step[1] or ("the agency will now issue your document"
               if payment.stage == "before_issue" else "your request now goes for approval")),
        )  # fmt: skip
    receipt_id, letter_id = send_receipt(uow, blobs, application, payment, next_step=next_step)
    uow.record(
        "fees.verified",
        "application",
        application.id,
        {
            "payment": payment.id,
            "amount_satang": payment.amount_satang,
            "paid_satang": paid_satang,
            "refund_satang": max(refund, 0),
            "receipt_number": payment.receipt_number,
            "receipt_document": receipt_id,
            "letter_outbox_id": letter_id,
            "to": str(target) if target else None,
        },
    )
    return payment


def _short(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    application: Application,
    payment: Payment,
    paid: int,
) -> Payment:
    """A part payment: receipted as paid, and the rest asked for on a new payment."""
    payment.status = "short"
    if application.status == ApplicationStatus.PAYMENT_TO_VERIFY:
        change_status(
            uow, calendar, application.id, ApplicationStatus.PAYMENT_DUE, reason="part payment"
        )
    fee = _fee(uow.session, application)
    assert fee is not None
    rest = payment.amount_satang - paid
    uow.session.flush()
    receipt_id, letter_id = send_receipt(
        uow, blobs, application, payment,
        next_step=(
            f"ค่าธรรมเนียมคือ {baht_figures(payment.amount_satang)} บาท ยังขาดอีก "
            f"{baht_figures(rest)} บาท หนังสือแจ้งชำระส่วนที่เหลือพร้อมรหัสอ้างอิงใหม่จะส่งตามมา "
            "คำขอจะดำเนินการต่อเมื่อชำระครบ",
            f"the fee is {baht_figures(payment.amount_satang)} baht, so {baht_figures(rest)} "
            "baht is still to pay: a notice for the rest, with a new Transaction ID, follows; "
            "your request goes on once the fee is paid in full",
        ),
    )  # fmt: skip
    following = _new_payment(
        uow, calendar, blobs, application, rest, payment.stage, fee, rule="rest"
    )
    uow.record(
        "fees.short",
        "application",
        application.id,
        {"payment": payment.id, "amount_satang": payment.amount_satang, "paid_satang": paid,
         "rest_satang": rest, "rest_payment": following.id,
         "receipt_number": payment.receipt_number, "receipt_document": receipt_id,
         "letter_outbox_id": letter_id},
    )  # fmt: skip
    return payment


def reject_evidence(
    uow: UnitOfWork, calendar: BusinessCalendar, payment_id: str, reason: str
) -> Payment:
    """The slip does not prove the payment: the payment is due again, with the reason."""
    require(uow.actor, Action.VERIFY_PAYMENT)
    text = reason.strip()
    if not text:
        raise InvalidInput(
            "โปรดระบุเหตุผลที่หลักฐานการชำระใช้ไม่ได้ (ผู้ยื่นจะได้รับแจ้งเหตุผลนี้)",
            "Please give the reason the evidence is not accepted (the applicant is told it).",
        )
    if len(text) > _MAX_REASON:
        raise InvalidInput(
            "เหตุผลยาวเกิน 1,000 ตัวอักษร", "The reason is longer than 1,000 characters."
        )
    payment = _take(uow, payment_id, ("submitted",), "due")
    payment.reason = text
    # The slip stays with the request (and its bank reference on the payment, so the same
    # slip sent again is caught); the payment waits for new evidence.
    rejected_document = payment.evidence_document_id
    payment.evidence_document_id = None
    application = uow.session.get(Application, payment.application_id)
    assert application is not None
    if application.status == ApplicationStatus.PAYMENT_TO_VERIFY:
        change_status(uow, calendar, application.id, ApplicationStatus.PAYMENT_DUE, reason=text)
    letter_id = ask_for_new_slip(uow, application, payment, text)
    uow.record(
        "fees.evidence_rejected",
        "application",
        application.id,
        {"payment": payment.id, "reason": text, "document": rejected_document,
         "letter_outbox_id": letter_id},
    )  # fmt: skip
    return payment
