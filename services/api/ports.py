"""The ports the UI talks to: what a screen may ask of the services.

app/ passes in the real implementation (:mod:`services.api.workstation`).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from services.cases.views import (
    AgencyInfo,
    ApplicationRow,
    DashboardStats,
    DocumentInfo,
    HistoryEntry,
    StatusCount,
)
from services.intake.views import (
    CounterRequest,
    QuarantineRow,
    ServiceOption,
    SyncStatusRow,
    SyncSummary,
)
from services.kernel.actors import SignedInUser
from services.review.views import ApplicationDetail, Officer

__all__ = ["IntakePort", "ReviewPort", "WorkstationPort"]


class WorkstationPort(Protocol):
    """What the UI may ask of the services; app/ passes in the real implementation."""

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; raise AnuyatError (wrong password, locked account)."""
        ...

    def sign_out(self, user: SignedInUser) -> None:
        """Record the sign-out and anchor the audit chain outside the store."""
        ...

    def agency(self) -> AgencyInfo: ...

    def holiday_warning(self) -> tuple[str, str] | None:
        """(Thai, English) when the holiday list lacks this year, or next year from October."""
        ...

    def status_counts(self, user: SignedInUser) -> list[StatusCount]: ...

    def count_applications(self, user: SignedInUser, status: str | None) -> int: ...

    def list_applications(
        self, user: SignedInUser, status: str | None, offset: int, limit: int
    ) -> list[ApplicationRow]:
        """One page, oldest deemed-received first (first come, first served)."""
        ...


class IntakePort(Protocol):
    """What the intake screens ask of the services (implemented by services.api.workstation)."""

    def sync_status(self, user: SignedInUser) -> list[SyncStatusRow]: ...

    def run_sync(self, user: SignedInUser) -> SyncSummary:
        """Mailbox, shared drive and outbox once; slow (network): call from a worker."""
        ...

    def quarantine_items(self, user: SignedInUser, status: str = "held") -> list[QuarantineRow]: ...

    def release_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None:
        """Accept a held file as a document of its application (intake/reviewer)."""
        ...

    def discard_quarantine(self, user: SignedInUser, item_id: str, reason: str) -> None: ...

    def services(self, user: SignedInUser) -> list[ServiceOption]: ...

    def register_counter_request(self, user: SignedInUser, request: CounterRequest) -> str:
        """Register a paper/phone request; returns its tracking number."""
        ...


class ReviewPort(Protocol):
    """What the review screens ask of the services (implemented by services.api.workstation)."""

    def next_application(self, user: SignedInUser, status: str | None) -> ApplicationRow | None:
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

    def document_bytes(self, user: SignedInUser, document_id: str) -> bytes: ...

    def record_checklist(
        self,
        user: SignedInUser,
        application_id: str,
        item_code: str,
        verdict: str,
        reason: str = "",
        document_id: str | None = None,
        page: int | None = None,
    ) -> ApplicationDetail: ...

    def record_identity_check(
        self,
        user: SignedInUser,
        application_id: str,
        kind: str,
        verdict: str,
        data: dict[str, str],
    ) -> ApplicationDetail: ...

    def certify_copy(self, user: SignedInUser, document_id: str) -> DocumentInfo:
        """A derived PDF stamped "สำเนาถูกต้อง"; the original is never altered."""
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

    def mark_reviewed(self, user: SignedInUser, application_id: str, note: str = "") -> str:
        """→ ready for approval, or payment due first; returns the new status."""
        ...

    def reject(self, user: SignedInUser, application_id: str, reasons: str) -> None: ...

    def history(self, user: SignedInUser, application_id: str) -> list[HistoryEntry]: ...

    def dashboard(self, user: SignedInUser) -> DashboardStats: ...

    def search(self, user: SignedInUser, text: str, limit: int = 200) -> list[ApplicationRow]:
        """Tracking number, name, e-mail, national ID (exact), subject, document text."""
        ...
