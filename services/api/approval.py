"""The approver's port and facade: the approval queue, the summary, decisions, batch signing,
verification.

Each method is one user action in its own session, called off the GUI thread. Batch signing
runs on the one worker that owns the token session; the PIN is passed in as a ``Pin``, used
to log in to the token, and dropped — it is never stored or logged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from services import approval, fees, review
from services.access.table import Action, require
from services.approval import (
    ApprovalSummary,
    BatchItem,
    BatchOutcome,
    BatchWays,
    SignatureStatus,
    timestamps,
)
from services.approval.timestamps import PendingTimestamp
from services.cases.views import ApplicationRow
from services.kernel.actors import Actor, SignedInUser
from services.kernel.errors import InvalidInput
from services.kernel.statuses import ApplicationStatus
from services.produce import sign
from services.produce.sign.choice import SigningChoice, SigningSettings, open_method, trust_roots
from services.store.context import AppContext

__all__ = ["Approval", "ApprovalPort", "SigningChoice", "SigningSettings"]


class ApprovalPort(Protocol):
    """What the approver's screen asks of the services."""

    def queue(self, user: SignedInUser) -> list[ApplicationRow]: ...

    def queue_count(self, user: SignedInUser) -> int:
        """How many requests wait for approval (the queue pane's badge; one count, no rows)."""
        ...

    def take_next_approval(self, user: SignedInUser) -> ApplicationRow | None: ...

    def open_approval(
        self, user: SignedInUser, application_id: str, out_of_order_reason: str | None = None
    ) -> ApprovalSummary: ...

    def refuse(self, user: SignedInUser, application_id: str, reasons: str) -> None: ...

    def send_back_to_review(self, user: SignedInUser, application_id: str, note: str) -> None: ...

    def tokens(self, user: SignedInUser) -> list[sign.TokenInfo]: ...

    def token_certificates(
        self, user: SignedInUser, token_label: str, pin: sign.Pin
    ) -> list[sign.TokenCertificate]: ...

    def batch_signing_ways(
        self, user: SignedInUser, application_ids: Sequence[str]
    ) -> BatchWays: ...

    def approve_batch(
        self,
        user: SignedInUser,
        items: Sequence[BatchItem],
        choice: SigningChoice,
        progress: Callable[[int, int, str], None] = lambda d, t, n: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> BatchOutcome: ...

    def draw_fee_notices(self, user: SignedInUser) -> int: ...

    def verify_document(self, user: SignedInUser, document_id: str) -> SignatureStatus: ...

    def verify_file(self, user: SignedInUser, path: str) -> SignatureStatus: ...

    def pending_timestamps(self, user: SignedInUser) -> list[PendingTimestamp]: ...

    def add_timestamps(self, user: SignedInUser) -> list[str]: ...


class Approval:
    """The real ApprovalPort."""

    def __init__(self, context: AppContext, settings: SigningSettings | None = None) -> None:
        self.context = context
        self.settings = settings or SigningSettings()

    # --- reading -----------------------------------------------------------------------

    def queue(self, user: SignedInUser) -> list[ApplicationRow]:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.READ_CASES)
        with self.context.read(actor) as session:
            return approval.approval_queue(session, self.context.calendar, self.context.clock.now())

    def queue_count(self, user: SignedInUser) -> int:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.READ_CASES)
        with self.context.read(actor) as session:
            return approval.approval_queue_count(session)

    def take_next_approval(self, user: SignedInUser) -> ApplicationRow | None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            require(uow.actor, Action.APPROVE)
            found = review.next_application(
                uow, self.context.calendar, ApplicationStatus.READY_FOR_APPROVAL
            )
            if found is None:
                return None
            uow.session.flush()
            return review.application_row(uow.session, self.context.calendar, uow.now, found)

    def open_approval(
        self, user: SignedInUser, application_id: str, out_of_order_reason: str | None = None
    ) -> ApprovalSummary:
        actor = Actor.from_user(user)
        require(actor, Action.OPEN_REVIEW)
        with self.context.unit_of_work(actor) as uow:
            review.open_for(uow, self.context.calendar, application_id, out_of_order_reason)
            uow.session.flush()
            return approval.approval_summary(
                uow.session, self.context.calendar, uow.now, application_id,
                uow.actor.user_id, uow.actor.roles,
            )  # fmt: skip

    def _document_bytes(self, user: SignedInUser, document_id: str) -> bytes:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return review.document_bytes(session, self.context.store.blobs, actor, document_id)

    # --- deciding ----------------------------------------------------------------------

    def refuse(self, user: SignedInUser, application_id: str, reasons: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            approval.refuse(uow, self.context.calendar, application_id, reasons)

    def send_back_to_review(self, user: SignedInUser, application_id: str, note: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.return_to_review(uow, self.context.calendar, application_id, note)

    # --- signing -----------------------------------------------------------------------

    def tokens(self, user: SignedInUser) -> list[sign.TokenInfo]:
        require(self.context.verified(Actor.from_user(user)), Action.APPROVE)
        return sign.list_tokens(self.settings.module())

    def token_certificates(
        self, user: SignedInUser, token_label: str, pin: sign.Pin
    ) -> list[sign.TokenCertificate]:
        require(self.context.verified(Actor.from_user(user)), Action.APPROVE)
        session = sign.TokenSession(self.settings.module(), token_label, pin)
        try:
            return session.certificates()
        finally:
            session.close()

    def batch_signing_ways(self, user: SignedInUser, application_ids: Sequence[str]) -> BatchWays:
        """The ways the signing dialog offers for these requests (their strictest service
        and the agency's settings decide)."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.APPROVE)
        with self.context.read(actor) as session:
            return approval.batch_ways(session, self.settings, application_ids)

    def approve_batch(
        self,
        user: SignedInUser,
        items: Sequence[BatchItem],
        choice: SigningChoice,
        progress: Callable[[int, int, str], None] = lambda d, t, n: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> BatchOutcome:
        try:
            actor = self.context.verified(Actor.from_user(user))
            require(actor, Action.APPROVE)
            roots = trust_roots(self.settings)
        except BaseException:
            choice.secret.forget()  # refused before the token opens: the PIN goes all the same
            raise
        method = open_method(self.context, self.settings, actor, choice)
        try:
            return approval.approve_batch(
                self.context, actor, items, method, roots, progress=progress, cancelled=cancelled
            )
        finally:
            method.close()

    def draw_fee_notices(self, user: SignedInUser) -> int:
        """Draw the payment notices the last batch made due (held in the outbox until their
        PDF is on them); the screen asks for it after the batch, in the I/O pool. Returns how
        many were drawn."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.APPROVE)
        return len(fees.draw_pending_notices(self.context))

    # --- time-stamps added later ------------------------------------------------------

    def pending_timestamps(self, user: SignedInUser) -> list[PendingTimestamp]:
        """Signed memos made while the TSA could not be reached, waiting for a time-stamp."""
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.APPROVE)
        with self.context.read(actor) as session:
            return timestamps.pending_timestamps(session)

    def add_timestamps(self, user: SignedInUser) -> list[str]:
        """Time-stamp them now (the TSA answers again); the tracking numbers done."""
        actor = self.context.verified(Actor.from_user(user))
        return timestamps.add_pending_timestamps(
            self.context, actor, self.settings.tsa_url, trust_roots(self.settings)
        )

    # --- verifying ---------------------------------------------------------------------

    def verify_document(self, user: SignedInUser, document_id: str) -> SignatureStatus:
        data = self._document_bytes(user, document_id)
        return status_of(sign.verify_pdf(data, trust_roots(self.settings)))

    def verify_file(self, user: SignedInUser, path: str) -> SignatureStatus:
        """A signed PDF from a folder (a licence someone brought, a copy of a record)."""
        self.context.verified(Actor.from_user(user))
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InvalidInput(
                f"อ่านไฟล์ {Path(path).name} ไม่ได้ — ตรวจชื่อและที่อยู่ของไฟล์",
                f"Cannot read {Path(path).name}; check the file's name and folder.",
                detail=repr(exc),
            ) from exc
        return status_of(sign.verify_pdf(data, trust_roots(self.settings)))


def status_of(result: sign.VerificationResult) -> SignatureStatus:
    th: list[str] = []
    en: list[str] = []
    for check in result.signatures:
        for line_th, line_en in check.lines():
            th.append(line_th)
            en.append(line_en)
    if result.signatures:
        for line_th, line_en in result.lines():
            th.append(line_th)
            en.append(line_en)
    else:
        th.append("เอกสารนี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์ (การอนุมัติแบบที่ 1)")
        en.append("This document carries no digital signature (a type-1 approval).")
    return SignatureStatus(bool(result.signatures), result.ok, tuple(th), tuple(en))
