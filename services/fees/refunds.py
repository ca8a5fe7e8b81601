"""Refunds owed: what the agency must pay back, and finance recording that it has.

An overpayment is verified for the fee and the difference is owed to the payer
(:func:`services.fees.gate.verify` records it on the payment and tells the applicant). This
module lists what is still owed, oldest first, and records a refund paid — how (a transfer
or cash), the bank or voucher reference, the day — in one conditional UPDATE that only an
unrefunded overpayment matches, so two finance officers recording the same refund at once
cannot both succeed (on SQLite and PostgreSQL), and a second recording is refused. The payer
is told by letter (:func:`services.fees.mails.tell_refund_paid`) in the same transaction.

Only finance sees the list: it names payers and sums of money (personal data a supervisor
does not need; the monthly report gives the office's figures without names).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from sqlalchemy import ColumnElement, and_, select, update
from sqlalchemy.orm import Session

from models import Application, Payment, ServiceType
from services.access.table import Action, require
from services.fees.mails import tell_refund_paid
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput
from services.kernel.text import clean_line, echo_name
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["METHODS", "RefundRow", "RefundTaken", "mark_refunded", "owed_condition", "refunds_owed"]

METHODS: Final = ("transfer", "cash")
"""How a refund goes back: a bank transfer to the payer, or cash against a voucher."""
_MAX_REFERENCE: Final = 100


class RefundTaken(InvalidInput):
    """The refund was already recorded (perhaps by another officer), or nothing is owed."""


@dataclass(frozen=True)
class RefundRow:
    payment_id: str
    application_id: str
    tracking_number: str
    payer: str
    service_code: str
    receipt_number: str
    transaction_id: str
    refund_satang: int
    owed_since: datetime
    """When the overpayment was verified (the refund has been owed since)."""


def owed_condition() -> ColumnElement[bool]:
    """The rows of an overpayment not refunded yet (one SQL condition, for the list and the
    conditional UPDATE alike)."""
    return and_(
        Payment.status == "verified",
        Payment.paid_satang.is_not(None),
        Payment.paid_satang > Payment.amount_satang,
        Payment.refunded_on.is_(None),
    )


def refunds_owed(session: Session) -> list[RefundRow]:
    """Every refund still owed, the longest owed first."""
    rows = session.execute(
        select(Payment, Application, ServiceType)
        .join(Application, Application.id == Payment.application_id)
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .where(owed_condition())
        .order_by(Payment.verified_at, Payment.receipt_number)
    ).all()
    out: list[RefundRow] = []
    for payment, application, service in rows:
        applicant = application.applicant
        payer = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
        out.append(
            RefundRow(
                payment_id=payment.id,
                application_id=application.id,
                tracking_number=application.tracking_number,
                payer=echo_name(payer),
                service_code=service.code if service else "",
                receipt_number=payment.receipt_number,
                transaction_id=payment.transaction_id,
                refund_satang=(payment.paid_satang or 0) - payment.amount_satang,
                owed_since=payment.verified_at or payment.created_at,
            )
        )
    return out


def _checked(method: str, reference: str, paid_on: date, today: date) -> str:
    if method not in METHODS:
        raise InvalidInput(
            "โปรดเลือกวิธีคืนเงิน: โอนเงิน หรือ เงินสด", "Choose how the money went back: transfer or cash."
        )
    text = clean_line(reference, _MAX_REFERENCE + 1).strip()
    if not text:
        raise InvalidInput(
            "โปรดระบุเลขอ้างอิงการโอน หรือเลขที่ใบสำคัญจ่ายของเงินสด เพื่อให้ตรวจสอบย้อนหลังได้",
            "Type the transfer's reference, or the payment voucher number for cash, so the "
            "refund can be traced.",
        )
    if len(text) > _MAX_REFERENCE:
        raise InvalidInput(
            "เลขอ้างอิงยาวเกิน 100 ตัวอักษร", "The reference is longer than 100 characters."
        )
    if paid_on > today:
        raise InvalidInput(
            "วันที่คืนเงินต้องไม่เป็นวันในอนาคต โปรดบันทึกเมื่อคืนเงินแล้ว",
            "The refund date cannot be in the future: record the refund once it is paid.",
        )
    return text


def mark_refunded(
    uow: UnitOfWork, payment_id: str, method: str, reference: str, paid_on: date
) -> Payment:
    """Record that the refund owed on ``payment_id`` was paid back on ``paid_on``.

    One conditional UPDATE: the loser of two officers at once, or a second recording, gets
    :class:`RefundTaken` and nothing changes."""
    require(uow.actor, Action.RECORD_REFUND)
    today = uow.now.astimezone(BANGKOK).date()
    text = _checked(method, reference, paid_on, today)
    payment = uow.session.get(Payment, payment_id)
    since = (payment.verified_at if payment else None) or uow.now
    if paid_on < since.astimezone(BANGKOK).date():
        raise InvalidInput(
            "วันที่คืนเงินต้องไม่ก่อนวันที่รับชำระเงิน",
            "The refund date cannot be before the payment was taken.",
        )
    moved = uow.session.execute(
        update(Payment)
        .where(Payment.id == payment_id, owed_condition())
        .values(
            refunded_on=paid_on,
            refund_method=method,
            refund_reference=text,
            refunded_by=uow.actor.user_id,
            refund_recorded_at=uow.now,
        )
        .returning(Payment.id),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    if moved is None:
        raise RefundTaken(
            "การคืนเงินนี้บันทึกไว้แล้ว (อาจโดยเจ้าหน้าที่อีกคน) หรือไม่มียอดที่ต้องคืน "
            "ไม่มีข้อมูลใดเปลี่ยนแปลง โปรดเปิดรายการใหม่",
            "This refund is already recorded (perhaps by another officer), or nothing is owed. "
            "Nothing was changed; open the list again.",
        )
    payment = uow.session.get(Payment, payment_id, populate_existing=True)
    assert payment is not None
    refund = (payment.paid_satang or 0) - payment.amount_satang
    application = uow.session.get(Application, payment.application_id)
    assert application is not None
    letter_id = tell_refund_paid(uow, application, payment)
    uow.record(
        "fees.refunded",
        "application",
        payment.application_id,
        {"payment": payment.id, "refund_satang": refund, "method": method,
         "reference": text, "refunded_on": paid_on.isoformat(),
         "receipt_number": payment.receipt_number, "letter_outbox_id": letter_id},
    )  # fmt: skip
    return payment
