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
