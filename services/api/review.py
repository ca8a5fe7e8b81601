"""The review screen's port and facade: queues, claims, verdicts, decisions, certified copies.

Each facade method is one user action in its own session; it may be called from a worker
thread, so it shares nothing mutable but the engine.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from services import fees, review
from services.access.table import Action, require
from services.cases.views import (
    ApplicationRow,
    DocumentInfo,
    HistoryEntry,
)
from services.kernel.actors import Actor, SignedInUser
from services.kernel.statuses import ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.produce import certify
from services.produce.certify import CertifyPreview
from services.review.kinds import IdentityCheckKind, Verdict
from services.review.preview import request_preview
from services.review.views import ApplicationDetail, Officer, RequestPreview
from services.store.context import AppContext

__all__ = ["Review", "ReviewPort"]


class ReviewPort(Protocol):
    """What the review screen and the document viewer ask of the services."""

    def next_application(
        self, user: SignedInUser, status: ApplicationStatus | None
    ) -> ApplicationRow | None:
        """The oldest open item of the queue (first come, first served), claimed for ``user``."""
        ...

    def open_application(
        self, user: SignedInUser, application_id: str, out_of_order_reason: str | None = None
    ) -> ApplicationDetail:
        """Raises services.review.OutOfOrder when older items wait and no reason is given."""
        ...

    def claim(self, user: SignedInUser, application_id: str) -> None: ...

    def release_claim(self, user: SignedInUser, application_id: str) -> None: ...

    def reassign(self, user: SignedInUser, application_id: str, to_username: str) -> None: ...

    def officers(self, user: SignedInUser) -> list[Officer]: ...

    def today(self) -> date:
        """The agency's today: the services' clock read in the agency's time zone (the day a
        request's "answer by" counts from, never the computer's)."""
        ...

    def now(self) -> datetime:
        """The agency's now: the services' clock in the agency's time zone (the call time an
        identity check proposes, and the latest it takes)."""
        ...

    def document_bytes(self, user: SignedInUser, document_id: str) -> bytes: ...

    def upcoming(
        self, user: SignedInUser, status: ApplicationStatus | None, after: str | None
    ) -> RequestPreview | None:
        """The request "Next" would most likely give ``user`` once ``after`` is done, with its
        message and documents (to read them ahead); nothing is claimed."""
        ...

    def preview(self, user: SignedInUser, application_id: str) -> RequestPreview:
        """``application_id``'s message and documents, to show before the claim answers."""
        ...

    def record_checklist(
        self,
        user: SignedInUser,
        application_id: str,
        item_code: str,
        verdict: Verdict,
        reason: str = "",
        document_id: str | None = None,
        page: int | None = None,
    ) -> ApplicationDetail: ...

    def record_identity_check(
        self,
        user: SignedInUser,
        application_id: str,
        kind: IdentityCheckKind,
        verdict: Verdict,
        data: dict[str, str],
    ) -> ApplicationDetail: ...

    def certify_copy(self, user: SignedInUser, document_id: str) -> DocumentInfo:
        """A derived PDF stamped "สำเนาถูกต้อง"; the original is never altered."""
        ...

    def certify_preview(self, user: SignedInUser, document_id: str) -> CertifyPreview:
        """Which document, how many pages and what the stamp says; nothing is made."""
        ...

    def withdraw_certified_copy(
        self, user: SignedInUser, document_id: str, reason: str
    ) -> DocumentInfo:
        """Mark a certified copy made by mistake withdrawn (kept, never deleted)."""
        ...

    def preview_document_request(
        self,
        user: SignedInUser,
        application_id: str,
        item_codes: tuple[str, ...],
        message: str,
        deadline: date,
    ) -> tuple[str, str]:
        """(subject, body) of the request for more documents, for the officer to read first."""
        ...

    def request_documents(
        self,
        user: SignedInUser,
        application_id: str,
        item_codes: tuple[str, ...],
        message: str,
        deadline: date,
    ) -> None:
        """Queue the request, status → waiting for the applicant (SLA paused)."""
        ...

    def mark_reviewed(
        self, user: SignedInUser, application_id: str, note: str = ""
    ) -> ApplicationStatus:
        """→ ready for approval, or payment due first; returns the new status."""
        ...

    def reject(self, user: SignedInUser, application_id: str, reasons: str) -> None: ...

    def return_to_review(self, user: SignedInUser, application_id: str, note: str) -> None:
        """An approver or finance officer holding it sends it back to the reviewer with a
        note (they see it in the request)."""
        ...

    def history(self, user: SignedInUser, application_id: str) -> list[HistoryEntry]: ...


class Review:
    """The real ReviewPort."""

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def today(self) -> date:
        return self.context.today()

    def now(self) -> datetime:
        return self.context.clock.now().astimezone(self.context.calendar.tz)

    def _detail(self, uow: UnitOfWork, application_id: str) -> ApplicationDetail:
        # What the officer may do on it follows the roles the store gives them now (the unit
        # of work's actor), not those the caller's SignedInUser says.
        application = review.load_application(uow.session, application_id)
        return review.application_detail(
            uow.session,
            self.context.calendar,
            uow.now,
            application,
            uow.actor.user_id,
            uow.actor.roles,
        )

    def next_application(
        self, user: SignedInUser, status: ApplicationStatus | None
    ) -> ApplicationRow | None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            application = review.next_application(uow, self.context.calendar, status)
            if application is None:
                return None
            uow.session.flush()
            return review.application_row(uow.session, self.context.calendar, uow.now, application)

    def open_application(
        self, user: SignedInUser, application_id: str, out_of_order_reason: str | None = None
    ) -> ApplicationDetail:
        actor = Actor.from_user(user)
        require(actor, Action.OPEN_REVIEW)
        with self.context.unit_of_work(actor) as uow:
            review.open_for(uow, self.context.calendar, application_id, out_of_order_reason)
            uow.session.flush()
            return self._detail(uow, application_id)

    def claim(self, user: SignedInUser, application_id: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.claim(uow, self.context.calendar, application_id)

    def release_claim(self, user: SignedInUser, application_id: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.release_claim(uow, application_id)

    def reassign(self, user: SignedInUser, application_id: str, to_username: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.reassign(uow, application_id, to_username)

    def officers(self, user: SignedInUser) -> list[Officer]:
        require(self.context.verified(Actor.from_user(user)), Action.READ_CASES)
        with self.context.read(Actor.from_user(user)) as session:
            return review.officers(session)

    def document_bytes(self, user: SignedInUser, document_id: str) -> bytes:
        with self.context.read(Actor.from_user(user)) as session:
            return review.document_bytes(
                session,
                self.context.store.blobs,
                self.context.verified(Actor.from_user(user)),
                document_id,
            )

    def upcoming(
        self, user: SignedInUser, status: ApplicationStatus | None, after: str | None
    ) -> RequestPreview | None:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            guess = review.upcoming(session, actor, status, after)
            return request_preview(session, actor, guess[0]) if guess is not None else None

    def preview(self, user: SignedInUser, application_id: str) -> RequestPreview:
        actor = self.context.verified(Actor.from_user(user))
        with self.context.read(actor) as session:
            return request_preview(session, actor, application_id)

    def record_checklist(
        self,
        user: SignedInUser,
        application_id: str,
        item_code: str,
        verdict: Verdict,
        reason: str = "",
        document_id: str | None = None,
        page: int | None = None,
    ) -> ApplicationDetail:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.record_checklist(
                uow, application_id, item_code, verdict, reason, document_id, page
            )
            return self._detail(uow, application_id)

    def record_identity_check(
        self,
        user: SignedInUser,
        application_id: str,
        kind: IdentityCheckKind,
        verdict: Verdict,
        data: dict[str, str],
    ) -> ApplicationDetail:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.record_identity_check(uow, application_id, kind, verdict, data)
            return self._detail(uow, application_id)

    def certify_copy(self, user: SignedInUser, document_id: str) -> DocumentInfo:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            copy = certify.certify_copy_as_actor(uow, self.context.store.blobs, document_id)
            return review.document_info(copy)

    def certify_preview(self, user: SignedInUser, document_id: str) -> CertifyPreview:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return certify.preview_certification(uow, document_id)

    def withdraw_certified_copy(
        self, user: SignedInUser, document_id: str, reason: str
    ) -> DocumentInfo:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            copy = certify.withdraw_certified_copy(uow, document_id, reason)
            return review.document_info(copy)

    def preview_document_request(
        self,
        user: SignedInUser,
        application_id: str,
        item_codes: tuple[str, ...],
        message: str,
        deadline: date,
    ) -> tuple[str, str]:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            return review.preview_document_request(
                uow, application_id, item_codes, message, deadline
            )

    def request_documents(
        self,
        user: SignedInUser,
        application_id: str,
        item_codes: tuple[str, ...],
        message: str,
        deadline: date,
    ) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.request_documents(
                uow, self.context.calendar, application_id, item_codes, message, deadline
            )

    def mark_reviewed(
        self, user: SignedInUser, application_id: str, note: str = ""
    ) -> ApplicationStatus:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            status = review.mark_reviewed(uow, self.context.calendar, application_id, note)
            if status == ApplicationStatus.PAYMENT_DUE:
                # The fee before approval falls due with the decision: payment and notice
                # are in the same transaction.
                fees.fee_falls_due(
                    uow, self.context.calendar, self.context.store.blobs, application_id,
                    "before_approval",
                )  # fmt: skip
            return ApplicationStatus(status)

    def reject(self, user: SignedInUser, application_id: str, reasons: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.reject(uow, self.context.calendar, application_id, reasons)

    def return_to_review(self, user: SignedInUser, application_id: str, note: str) -> None:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            review.return_to_review(uow, self.context.calendar, application_id, note)

    def history(self, user: SignedInUser, application_id: str) -> list[HistoryEntry]:
        require(self.context.verified(Actor.from_user(user)), Action.READ_CASES)
        with self.context.read(Actor.from_user(user)) as session:
            application = review.load_application(session, application_id, lock=False)
            return review.history(session, application)
