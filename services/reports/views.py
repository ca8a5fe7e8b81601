"""The frozen read models the reports hand out (to the screens, the CLI and the exports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

__all__ = [
    "AuditFilter",
    "AuditPage",
    "AuditRow",
    "ChainStatus",
    "DataRequestFigures",
    "MonthlyReport",
    "ServiceFigures",
]


@dataclass(frozen=True)
class ServiceFigures:
    """One service's line of the monthly report (or the total line, ``code == ""``).

    ``completed`` counts requests that reached an outcome in the period: a licence issued or
    the request refused. ``within_sla + past_sla`` may be less than ``completed``: a request
    refused before it was classified never had an SLA. Business days are open time from the
    deemed receipt to the outcome, without the time spent waiting for the applicant.
    """

    code: str
    name_th: str
    name_en: str
    received: int
    withdrawn: int
    completed: int
    within_sla: int
    past_sla: int
    open_at_end: int
    average_days: float | None
    p90_days: float | None
    fees_satang: int

    @property
    def fees_baht(self) -> float:
        return self.fees_satang / 100


@dataclass(frozen=True)
class DataRequestFigures:
    """Requests for a licence's data, due in three business days (M21), over the period.

    ``answered_in_time + answered_late`` are the answers given in the period (whenever the
    request came); ``open_past_due`` is the part of ``open_at_end`` whose due moment had
    passed by the period's end (or by the moment the report was made, if earlier)."""

    received: int = 0
    answered_in_time: int = 0
    answered_late: int = 0
    open_at_end: int = 0
    open_past_due: int = 0


@dataclass(frozen=True)
class MonthlyReport:
    agency_th: str
    agency_en: str
    first_day: date
    last_day: date
    generated_at: datetime
    rows: tuple[ServiceFigures, ...]
    total: ServiceFigures
    data_requests: DataRequestFigures = field(default_factory=DataRequestFigures)


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show; every field narrows, ``None`` or ``""`` leaves it open."""

    first_day: date | None = None
    last_day: date | None = None
    kind: str = ""
    """An event type (``application.status_changed``) or its family (``application``)."""
    officer: str = ""
    """A user name: the events they caused, and those about their account."""
    tracking_number: str = ""
    """A request: its events and those of its documents."""


@dataclass(frozen=True)
class AuditRow:
    seq: int
    station_code: str
    station_seq: int
    occurred_at: datetime
    actor: str
    kind: str
    subject: str
    """What the event is about: a tracking number, a user name, or the kind and a short id."""
    details: str
    """The event's recorded data, national ID numbers masked."""
    verified: bool
    """The chain check the caller names (``verified_up_to``) vouched for this event."""


@dataclass(frozen=True)
class ChainStatus:
    """The audit chain as last verified: intact up to ``checked`` events, or where it breaks."""

    checked: int
    intact: bool
    broken_at_seq: int | None
    """The row number (``seq``) of the first event that fails, if a row fails."""
    last_verified_seq: int
    """Rows up to this number checked out (the last row when the chain is intact)."""
    problem_th: str
    problem_en: str
    anchors_used: int
    anchor_problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.intact and not self.anchor_problems


@dataclass(frozen=True)
class AuditPage:
    """What the audit viewer lists: the newest matching events and how many match in all."""

    rows: tuple[AuditRow, ...]
    total: int
