"""What the finance screen reads: payments waiting, first come first served."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Application, Document, FeeInboxItem, Payment, ServiceType
from services.fees.gate import OPEN
from services.kernel.text import echo_name

__all__ = ["PaymentRow", "awaiting_payments", "to_verify_count"]


@dataclass(frozen=True)
class PaymentRow:
    payment_id: str
    application_id: str
    tracking_number: str
    payer: str
    service_th: str
    service_en: str
    amount_satang: int
    transaction_id: str
    status: str
    """due (no evidence yet) | submitted (evidence to check)"""
    opened_at: datetime
    due_at: datetime | None
    evidence_document_id: str | None
    evidence_filename: str
    slip_bank: str
    slip_reference: str
    reused_slip: bool
    """A file on this request repeats a slip already used (held for the officer)."""


def awaiting_payments(session: Session) -> list[PaymentRow]:
    """Evidence to check first (oldest first), then payments still due (oldest first)."""
    rows = session.execute(
        select(Payment, Application, ServiceType)
        .join(Application, Application.id == Payment.application_id)
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .where(Payment.status.in_(OPEN))
        .order_by(
            Payment.status.desc(),
            Payment.created_at,
            Application.deemed_received_at,
            Application.tracking_number,
        )
    ).all()
    out: list[PaymentRow] = []
    for payment, application, service in rows:
        evidence = (
            session.get(Document, payment.evidence_document_id)
            if payment.evidence_document_id
            else None
        )
        reused = any(
            "fee_slip_reused" in (flags or [])
            for flags in session.scalars(
                select(Document.flags).where(Document.application_id == application.id)
            )
        )
        applicant = application.applicant
        payer = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
        out.append(
            PaymentRow(
                payment_id=payment.id,
                application_id=application.id,
                tracking_number=application.tracking_number,
                payer=echo_name(payer),
                service_th=service.name_th if service else "",
                service_en=service.name_en if service else "",
                amount_satang=payment.amount_satang,
                transaction_id=payment.transaction_id,
                status=payment.status,
                opened_at=payment.created_at,
                due_at=payment.due_at,
                evidence_document_id=payment.evidence_document_id,
                evidence_filename=evidence.filename if evidence else "",
                slip_bank=payment.slip_bank,
                slip_reference=payment.slip_reference,
                reused_slip=reused,
            )
        )
    return out


def to_verify_count(session: Session) -> int:
    """What waits for finance: slips to check on payments, and slips in the finance inbox
    tied to no payment yet — the queue pane's badge, in one statement without the rows."""
    slips = (
        select(func.count())
        .select_from(Payment)
        .where(Payment.status == "submitted")
        .scalar_subquery()
    )
    inbox = (
        select(func.count())
        .select_from(FeeInboxItem)
        .where(FeeInboxItem.status == "waiting")
        .scalar_subquery()
    )
    return int(session.scalar(select(slips + inbox)) or 0)
