"""Plain, frozen read models that cross from services to the UI (and between threads).

ORM objects never leave a session; the UI gets these instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
