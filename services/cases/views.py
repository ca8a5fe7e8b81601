"""Plain, frozen read models of applications that cross to the UI (and between threads).

ORM objects never leave a session; the UI gets these instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from services.kernel.calendar import SlaState
from services.kernel.channels import Channel
from services.kernel.statuses import ApplicationStatus

__all__ = [
    "AgencyInfo",
    "ApplicationRow",
    "DashboardStats",
    "DocumentInfo",
    "HistoryEntry",
    "SlaState",
    "StatusCount",
]


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
    status: ApplicationStatus
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
    channel: Channel  # email, drive or counter
    subject: str
    status: ApplicationStatus
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
    origin: Channel
    received_at: datetime
    derived_from: str | None = None  # for certified copies: the original document's id
    withdrawn_at: datetime | None = None
    """When a certified copy was withdrawn (made by mistake); None while it stands."""
    withdrawn_reason: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    type: str
    summary_th: str
    summary_en: str


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
