"""The finance officer's port: payments waiting for verification, the slip, verify, reject."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from services import fees
from services.access.table import Action, require
from services.fees.account import AccountDetails, set_account
from services.fees.amounts import parse_baht
from services.fees.cash import record_cash
from services.fees.inbox import (
    InboxRow,
    attach_to_payment,
    inbox_file,
    inbox_rows,
    set_aside_slip,
)
from services.fees.ledger import ledger_csv, ledger_entries, ledger_xlsx
from services.fees.refunds import RefundRow, mark_refunded, refunds_owed
from services.fees.views import PaymentRow, awaiting_payments, to_verify_count
from services.kernel.actors import Actor, SignedInUser
from services.kernel.errors import InvalidInput, NotFound
from services.store.context import AppContext

__all__ = ["AccountDetails", "FeesPort", "Fees", "InboxRow", "PaymentRow", "RefundRow"]


class FeesPort(Protocol):
    def today(self) -> date:
        """The agency's today: the services' clock read in the agency's time zone (a default
        date on a form is this day, never the computer's)."""
        ...

    def awaiting(self, user: SignedInUser) -> list[PaymentRow]:
        """Evidence to check first come first served, then payments still due."""
        ...

    def to_verify_count(self, user: SignedInUser) -> int:
        """Slips to check plus slips in the finance inbox (the queue pane's badge; one
        statement, no rows)."""
        ...

    def evidence(self, user: SignedInUser, payment_id: str) -> tuple[str, str, bytes] | None:
        """(file name, content type, bytes) of the payment's slip, if it has one."""
        ...

    def verify(self, user: SignedInUser, payment_id: str, paid: str = "") -> str:
        """Verify; returns the receipt number. ``paid``: the amount read on the slip when it
        differs from the fee (less asks for the rest, more records a refund owed)."""
        ...

    def inbox(self, user: SignedInUser) -> list[InboxRow]:
        """Slips tied to no payment, oldest first."""
        ...

    def inbox_file(self, user: SignedInUser, item_id: str) -> tuple[str, str, bytes] | None: ...

    def attach_slip(self, user: SignedInUser, item_id: str, reference: str) -> str:
        """Make the slip the evidence of the payment ``reference`` names (Transaction ID or
        tracking number); returns the tracking number."""
        ...

    def set_aside_slip(self, user: SignedInUser, item_id: str, reason: str) -> None: ...

    def record_cash(
        self, user: SignedInUser, reference: str, amount: str
    ) -> tuple[str, str, bytes]:
        """Cash taken at the counter for the payment ``reference`` names (Transaction ID or
        tracking number): (receipt number, file name, receipt PDF to print at once)."""
        ...

    def reject(self, user: SignedInUser, payment_id: str, reason: str) -> None: ...

    def set_account(self, user: SignedInUser, details: AccountDetails) -> None:
        """The agency's bank account and PromptPay details (administrator)."""
        ...

    def ledger_file(self, user: SignedInUser, first: date, last: date, kind: str) -> bytes:
        """The receipts and refunds of ``first``..``last`` as ``csv`` or ``xlsx``, total last."""
        ...

    def refunds_owed(self, user: SignedInUser) -> list[RefundRow]:
        """Overpayments not yet paid back, the longest owed first."""
        ...

    def mark_refunded(
        self, user: SignedInUser, payment_id: str, method: str, reference: str, paid_on: date
    ) -> None:
        """Record the refund paid back (``transfer`` or ``cash``, its reference, the day)."""
        ...


class Fees:
    def __init__(self, context: AppContext) -> None:
        self.context = context

    def today(self) -> date:
        return self.context.today()

    def awaiting(self, user: SignedInUser) -> list[PaymentRow]:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_PAYMENT)
        with self.context.read(actor) as session:
            return awaiting_payments(session)

    def to_verify_count(self, user: SignedInUser) -> int:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_PAYMENT)
        with self.context.read(actor) as session:
            return to_verify_count(session)

    def evidence(self, user: SignedInUser, payment_id: str) -> tuple[str, str, bytes] | None:
        from models import Document, Payment

        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_PAYMENT)
        with self.context.read(actor) as session:
            payment = session.get(Payment, payment_id)
            if payment is None:
                raise NotFound("ไม่พบรายการชำระเงิน", f"No payment with id {payment_id}.")
            if payment.evidence_document_id is None:
                return None
            document = session.get(Document, payment.evidence_document_id)
            assert document is not None
            name, kind, sha = document.filename, document.content_type, document.blob_sha256
        return name, kind, self.context.store.blobs.get(sha)

    def verify(self, user: SignedInUser, payment_id: str, paid: str = "") -> str:
        paid_satang = parse_baht(paid) if paid.strip() else None
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            payment = fees.verify(
                uow, self.context.calendar, self.context.store.blobs, payment_id, paid_satang
            )
            return payment.receipt_number

    def inbox(self, user: SignedInUser) -> list[InboxRow]:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_PAYMENT)
        with self.context.read(actor) as session:
            return inbox_rows(session)

    def inbox_file(self, user: SignedInUser, item_id: str) -> tuple[str, str, bytes] | None:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_PAYMENT)
        with self.context.read(actor) as session:
            return inbox_file(session, self.context.store.blobs, item_id)

    def attach_slip(self, user: SignedInUser, item_id: str, reference: str) -> str:
        from models import Application

        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            payment = attach_to_payment(
                uow, self.context.calendar, self.context.store.blobs, item_id, reference
            )
            application = uow.session.get(Application, payment.application_id)
            return application.tracking_number if application else ""

    def set_aside_slip(self, user: SignedInUser, item_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            set_aside_slip(uow, item_id, reason)

    def record_cash(
        self, user: SignedInUser, reference: str, amount: str
    ) -> tuple[str, str, bytes]:
        satang = parse_baht(amount)
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            receipt = record_cash(
                uow, self.context.calendar, self.context.store.blobs, reference, satang
            )
        return receipt[0], receipt[1], receipt[2]

    def reject(self, user: SignedInUser, payment_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            fees.reject_evidence(uow, self.context.calendar, payment_id, reason)

    def set_account(self, user: SignedInUser, details: AccountDetails) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            set_account(uow, details)

    def ledger_file(self, user: SignedInUser, first: date, last: date, kind: str) -> bytes:
        if kind not in ("csv", "xlsx"):
            raise InvalidInput("รูปแบบไฟล์ต้องเป็น csv หรือ xlsx", "The format must be csv or xlsx.")
        if last < first:
            raise InvalidInput(
                "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "The last day must not be before the first day."
            )
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            require(uow.actor, Action.VERIFY_PAYMENT)
            rows = ledger_entries(uow.session, first, last)
            uow.record(
                "fees.ledger_exported",
                "fee_ledger",
                f"{first.isoformat()}..{last.isoformat()}",
                {"format": kind, "receipts": sum(r.kind == "receipt" for r in rows),
                 "refunds": sum(r.kind == "refund" for r in rows),
                 "total_satang": sum(r.amount_satang for r in rows)},
            )  # fmt: skip
        return ledger_csv(rows) if kind == "csv" else ledger_xlsx(rows)

    def refunds_owed(self, user: SignedInUser) -> list[RefundRow]:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.RECORD_REFUND)
        with self.context.read(actor) as session:
            return refunds_owed(session)

    def mark_refunded(
        self, user: SignedInUser, payment_id: str, method: str, reference: str, paid_on: date
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            mark_refunded(uow, payment_id, method, reference, paid_on)
