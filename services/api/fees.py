"""The finance officer's port: payments waiting for verification, the slip, verify, reject."""

from __future__ import annotations

from typing import Protocol

from services import fees
from services.access.table import Action, require
from services.fees.views import PaymentRow, awaiting_payments
from services.kernel.actors import Actor, SignedInUser
from services.kernel.errors import NotFound
from services.store.context import AppContext

__all__ = ["FeesPort", "Fees", "PaymentRow"]


class FeesPort(Protocol):
    def awaiting(self, user: SignedInUser) -> list[PaymentRow]:
        """Evidence to check first come first served, then payments still due."""
        ...

    def evidence(self, user: SignedInUser, payment_id: str) -> tuple[str, str, bytes] | None:
        """(file name, content type, bytes) of the payment's slip, if it has one."""
        ...

    def verify(self, user: SignedInUser, payment_id: str) -> str:
        """Verify; returns the receipt number."""
        ...

    def reject(self, user: SignedInUser, payment_id: str, reason: str) -> None: ...


class Fees:
    def __init__(self, context: AppContext) -> None:
        self.context = context

    def awaiting(self, user: SignedInUser) -> list[PaymentRow]:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VERIFY_PAYMENT)
        with self.context.read(actor) as session:
            return awaiting_payments(session)

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

    def verify(self, user: SignedInUser, payment_id: str) -> str:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            payment = fees.verify(uow, self.context.calendar, self.context.store.blobs, payment_id)
            return payment.receipt_number

    def reject(self, user: SignedInUser, payment_id: str, reason: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            fees.reject_evidence(uow, self.context.calendar, payment_id, reason)
