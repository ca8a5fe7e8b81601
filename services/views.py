"""Plain, frozen read models that cross from services to the UI (and between threads).

ORM objects never leave a session; the UI gets these instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, Protocol

__all__ = [
    "AgencyInfo",
    "ApplicationRow",
    "SignedInUser",
    "StatusCount",
    "WorkstationPort",
]

SlaState = Literal["on_track", "at_risk", "overdue", "paused", "closed"]


@dataclass(frozen=True)
class SignedInUser:
    user_id: str
    username: str
    display_name: str
    roles: frozenset[str]
    station_code: str
    language: str = "th"


@dataclass(frozen=True)
class AgencyInfo:
    name_th: str
    name_en: str
    code: str  # Roman-letter code used in file names (Saraban appendix 7)
    number: str  # the agency's official number (e.g. "มท 0808.2")
    station_code: str
    station_name: str


@dataclass(frozen=True)
class StatusCount:
    status: str
    label_th: str
    label_en: str
    count: int


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    tracking_number: str
    service_code: str
    service_name_th: str
    service_name_en: str
    applicant_name: str
    applicant_id_masked: str
    channel: str  # "email" | "drive" | "counter"
    subject: str
    status: str
    status_label_th: str
    status_label_en: str
    received_at: datetime
    deemed_received_at: datetime
    sla_due_at: datetime | None
    sla_state: SlaState
    business_days_left: float | None
    assignee: str | None
    document_count: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)


class WorkstationPort(Protocol):
    """What the UI may ask of the services; app/ passes in the real implementation."""

    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password; raise AnuyatError (wrong password, locked account)."""
        ...

    def agency(self) -> AgencyInfo: ...

    def status_counts(self, user: SignedInUser) -> list[StatusCount]: ...

    def count_applications(self, user: SignedInUser, status: str | None) -> int: ...

    def list_applications(
        self, user: SignedInUser, status: str | None, offset: int, limit: int
    ) -> list[ApplicationRow]:
        """One page, oldest deemed-received first (first come, first served)."""
        ...


@dataclass(frozen=True)
class SyncStatusRow:
    component: str  # "mail:<source>", "drive", "outbox"
    state: str  # ok | working | offline | error | never
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    error_th: str
    error_en: str
    processed: int
    pending: int


@dataclass(frozen=True)
class SyncSummary:
    new: int
    appended: int
    quarantined: int
    sent: int
    problems_th: tuple[str, ...]
    problems_en: tuple[str, ...]


@dataclass(frozen=True)
class QuarantineRow:
    id: str
    filename: str
    content_type: str
    size: int
    reason_code: str
    reason_th: str
    reason_en: str
    channel: str
    tracking_number: str | None
    created_at: datetime
    status: str  # held | released | discarded


@dataclass(frozen=True)
class ServiceOption:
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class CounterRequest:
    """A request brought to the counter or phoned in, typed by the intake officer."""

    applicant_kind: str  # "person" | "juristic"
    applicant_name: str
    national_id: str
    email: str
    phone: str
    service_code: str | None
    subject: str
    note: str
    files: tuple[str, ...]  # paths of scans (shared drive or file picker)


class IntakePort(Protocol):
    """What the intake screens ask of the services (implemented by services.workstation)."""

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


# --- review (issue: review workstation) -----------------------------------------------------


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    filename: str
    content_type: str
    size: int
    pages: int | None
    width_px: int | None
    height_px: int | None
    dpi: int | None
    flags: tuple[str, ...]
    origin: str  # email | drive | counter | produced
    received_at: datetime
    derived_from: str | None = None  # for certified copies: the original document's id


@dataclass(frozen=True)
class ChecklistItem:
    """One required document of the service, and the officer's verdict on it."""

    code: str
    name_th: str
    name_en: str
    required: bool
    for_delegation: bool
    verdict: str | None  # None (not yet) | accepted | rejected | not_applicable
    reason: str
    document_id: str | None
    page: int | None
    checked_by: str | None
    checked_at: datetime | None


@dataclass(frozen=True)
class IdentityCheckRow:
    kind: (
        str  # id_document_genuine | photo_consistent | callback | poa_stamp_duty | poa_grantor_call
    )
    verdict: str  # accepted | rejected | not_applicable
    data: dict[str, str]
    checked_by: str
    checked_at: datetime


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    type: str
    summary_th: str
    summary_en: str


@dataclass(frozen=True)
class ApplicationDetail:
    row: ApplicationRow
    applicant_kind: str
    applicant_name: str
    applicant_id_masked: str
    applicant_email: str
    applicant_phone: str
    applicant_address: str
    representative: str
    body_text: str
    form_fields: tuple[tuple[str, str, str], ...]  # (label_th, label_en, value)
    documents: tuple[DocumentInfo, ...]
    checklist: tuple[ChecklistItem, ...]
    identity_checks: tuple[IdentityCheckRow, ...]
    required_ial: int
    risk_level: str
    fee_satang: int
    fee_due: str  # none | before_approval | before_issue
    claimed_by: str | None  # display name of the officer holding it
    claimed_by_me: bool
    checklist_complete: bool
    missing_items: tuple[str, ...]  # codes of required items not accepted
    intake_notes: tuple[str, ...]


@dataclass(frozen=True)
class DashboardStats:
    new_today: int
    pending: int
    waiting_applicant: int
    overdue: int
    at_risk: int
    due_this_week: int
    per_service: tuple[tuple[str, str, int], ...]  # (name_th, name_en, open count)
    per_officer: tuple[tuple[str, int], ...]  # (display name, claimed open count)
    new_by_day: tuple[tuple[str, int], ...]  # (ISO date, count) for the last 14 days


@dataclass(frozen=True)
class Officer:
    username: str
    display_name: str
    roles: frozenset[str]


class ReviewPort(Protocol):
    """What the review screens ask of the services (implemented by services.workstation)."""

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
