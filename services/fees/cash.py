"""Cash at the counter: the finance officer takes the fee in person and prints the receipt.

The payment is named by its Transaction ID or the request's tracking number (from the
notice the payer brings, or the counter receipt); the officer types the amount counted. The
payment is verified in the same transaction as the cash is recorded — receipt number, PDF,
the request moved on, the applicant's mail — exactly as a verified transfer, so the ledger
and the fee gate need nothing of their own; less than the fee is a part payment with the
rest asked for. The receipt PDF comes back to be printed at once.
"""

from __future__ import annotations

from sqlalchemy import or_, select

from models import Application, Document, Payment
from services.access.table import Action, require
from services.fees.gate import OPEN, verify
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["CashReceipt", "record_cash"]


class CashReceipt(tuple[str, str, bytes]):
    """(receipt number, file name, the receipt PDF)."""


def _payment(uow: UnitOfWork, reference: str) -> Payment:
    text = reference.strip().upper()
    payment = uow.session.scalars(
        select(Payment)
        .join(Application, Application.id == Payment.application_id)
        .where(
            or_(Payment.transaction_id == text, Application.tracking_number == text),
            Payment.status.in_(OPEN),
        )
        .order_by(Payment.created_at.desc())
        .limit(1)
    ).first()
    if payment is None:
        raise InvalidInput(
            f"ไม่พบค่าธรรมเนียมที่ค้างชำระของรหัสอ้างอิงหรือเลขที่รับเรื่อง {text or '(ว่าง)'} "
            "โปรดตรวจรหัสจากหนังสือแจ้งชำระหรือใบรับคำขอ",
            f"No fee is awaiting payment under the Transaction ID or tracking number "
            f"{text or '(empty)'}. Check the code on the payment notice or the counter receipt.",
        )
    return payment


def record_cash(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    reference: str,
    amount_satang: int,
) -> CashReceipt:
    """Record cash counted at the counter for the payment ``reference`` names and verify it;
    returns the receipt to print."""
    require(uow.actor, Action.VERIFY_PAYMENT)
    payment = _payment(uow, reference)
    payment.channel = "cash"
    paid = None if amount_satang == payment.amount_satang else amount_satang
    verified = verify(uow, calendar, blobs, payment.id, paid)
    uow.session.flush()
    receipt = uow.session.scalars(
        select(Document)
        .where(
            Document.application_id == verified.application_id,
            Document.filename == f"receipt_{verified.receipt_number.replace('/', '-')}.pdf",
        )
        .limit(1)
    ).one()
    uow.record(
        "fees.cash_received",
        "application",
        verified.application_id,
        {"payment": verified.id, "amount_satang": amount_satang,
         "receipt_number": verified.receipt_number},
    )  # fmt: skip
    return CashReceipt((verified.receipt_number, receipt.filename, blobs.get(receipt.blob_sha256)))
