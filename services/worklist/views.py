"""Frozen read models of the work lists, for the screens and between threads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

__all__ = [
    "AlertItem",
    "AlertKind",
    "Alerts",
    "AssignResult",
    "ListFilter",
    "NoteRow",
    "SavedView",
    "SortOrder",
]


class SortOrder(StrEnum):
    # First come, first served: the order the queues are worked in (M12).
    FIRST_COME = "first_come"
    # The request whose SLA runs out first, first.
    SLA_DUE = "sla_due"
    # The most recently received first (looking something up, not working the queue).
    NEWEST = "newest"


@dataclass(frozen=True)
class ListFilter:
    """What a list shows. Empty fields filter nothing; ``mine_first`` puts the requests
    assigned to the officer asking at the top (the rest stay in first-come order)."""

    services: tuple[str, ...] = ()
    """Service codes; ``""`` stands for requests not yet classified."""
    statuses: tuple[str, ...] = ()
    officer: str | None = None
    """A username; ``""`` for requests nobody holds."""
    channels: tuple[str, ...] = ()
    overdue_only: bool = False
    received_from: date | None = None
    received_to: date | None = None
    """Inclusive, in the agency's time zone (the deemed-received day)."""
    sort: SortOrder = SortOrder.FIRST_COME
    mine_first: bool = True
    assigned_to_me: bool = False
    """Only the requests the officer holds (the "Assigned to me" queue)."""

    def is_empty(self) -> bool:
        return self == ListFilter(sort=self.sort, mine_first=self.mine_first)

    def as_json(self) -> dict[str, object]:
        return {
            "services": list(self.services),
            "statuses": list(self.statuses),
            "officer": self.officer,
            "channels": list(self.channels),
            "overdue_only": self.overdue_only,
            "received_from": self.received_from.isoformat() if self.received_from else None,
            "received_to": self.received_to.isoformat() if self.received_to else None,
            "sort": str(self.sort),
            "mine_first": self.mine_first,
            "assigned_to_me": self.assigned_to_me,
        }

    @classmethod
    def from_json(cls, data: object) -> ListFilter:
        """Read back what :meth:`as_json` wrote; anything unreadable falls back to no filter
        (a saved view from a newer version must not stop the list from opening)."""
        if not isinstance(data, dict):
            return cls()

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        def day(key: str) -> date | None:
            try:
                return date.fromisoformat(str(data[key])) if data.get(key) else None
            except ValueError:
                return None

        officer = data.get("officer")
        try:
            sort = SortOrder(str(data.get("sort", SortOrder.FIRST_COME)))
        except ValueError:
            sort = SortOrder.FIRST_COME
        return cls(
            services=strings("services"),
            statuses=strings("statuses"),
            officer=str(officer) if isinstance(officer, str) else None,
            channels=strings("channels"),
            overdue_only=bool(data.get("overdue_only", False)),
            received_from=day("received_from"),
            received_to=day("received_to"),
            sort=sort,
            mine_first=bool(data.get("mine_first", True)),
            assigned_to_me=bool(data.get("assigned_to_me", False)),
        )


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: ListFilter


@dataclass(frozen=True)
class NoteRow:
    id: str
    author: str  # display name
    author_username: str
    created_at: datetime
    body: str


@dataclass(frozen=True)
class AssignResult:
    assigned: tuple[str, ...]  # tracking numbers, in first-come order
    to_officer: str | None  # display name
    to_section: str | None
    skipped_earlier: int  # older waiting requests passed over (a reason was given)


class AlertKind(StrEnum):
    NEW_IN_QUEUE = "new_in_queue"
    ASSIGNED_TO_ME = "assigned_to_me"
    SLA_AT_RISK = "sla_at_risk"
    APPLICANT_REPLIED = "applicant_replied"
    # A request for a licence's data, open until answered (three business days; M21).
    LICENCE_DATA_DUE = "licence_data_due"
    # For those who hand work out: waiting in a queue, nobody holds it (until someone does).
    UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class AlertItem:
    kind: AlertKind
    application_id: str
    tracking_number: str
    at: datetime
    business_days_left: float | None = None
    # False for what the bell may list but should not count: a request nobody holds that has
    # waited one business day or less (officers take those themselves with "Next").
    needs_action: bool = True


@dataclass(frozen=True)
class Alerts:
    """What the officer has not seen yet (since ``since``) and what is about to breach."""

    since: datetime | None
    items: tuple[AlertItem, ...] = field(default_factory=tuple)

    def count(self, kind: AlertKind) -> int:
        return sum(1 for item in self.items if item.kind == kind)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def needing_action(self) -> int:
        """What the badge counts: every alert but those only listed for information."""
        return sum(1 for item in self.items if item.needs_action)
