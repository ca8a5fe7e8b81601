"""What the retention page shows: the period in force per service with how many closed
requests are past it, the destruction lists drawn up and how far each has gone, and the
requests one list names.

Read-only; the steps that change anything are in :mod:`.retention`. A listed request shows
its tracking number, service and dates, and the applicant's national ID masked as every
list in the window masks it: the records' keeper tells requests apart without reading them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Applicant, Application, DestructionItem, DestructionList, ServiceType
from services.archive.policy import RetentionPolicy
from services.archive.retention import find_list, past_their_period
from services.kernel.thai_id import mask_national_id

__all__ = [
    "KeptBecause",
    "ListState",
    "ListSummary",
    "ListedRequest",
    "RetentionOverview",
    "ServicePeriod",
    "listed_requests",
    "retention_overview",
]


class ListState(StrEnum):
    DRAFTED = "drafted"
    """Drawn up; the head of the agency's order is not recorded yet."""
    ORDERED = "ordered"
    """The order is recorded; what it names is not destroyed yet."""
    DESTROYED = "destroyed"
    """Carried out: every request on it destroyed, or kept with its reason."""


class KeptBecause(StrEnum):
    """Why a request on an ordered list was not destroyed (the guards of the destruction)."""

    REOPENED = "reopened"
    """Worked on again since it was listed (no longer closed as it was)."""
    ALREADY_DESTROYED = "already_destroyed"
    """Destroyed already, by another list."""


@dataclass(frozen=True)
class ServicePeriod:
    code: str
    name_th: str
    name_en: str
    years: int
    """0: kept for ever."""
    past: int
    """Closed requests past the period and on no open list (what a new list would name)."""


@dataclass(frozen=True)
class ListSummary:
    number: int
    created_at: datetime
    created_by: str
    requests: int
    destroyed: int
    kept: int
    state: ListState
    order_number: str
    ordered_by: str
    ordered_on: datetime | None
    order_recorded_by: str


@dataclass(frozen=True)
class RetentionOverview:
    default_years: int
    """The agency-wide period (0: for ever) for services with no period of their own."""
    services: tuple[ServicePeriod, ...]
    lists: tuple[ListSummary, ...]
    """Newest first."""

    @property
    def past(self) -> int:
        return sum(service.past for service in self.services)


@dataclass(frozen=True)
class ListedRequest:
    tracking_number: str
    service_code: str
    service_th: str
    service_en: str
    applicant_id_masked: str
    """Empty once the request is destroyed, and for applicants without a national ID."""
    received_at: datetime
    closed_at: datetime
    keep_years: int
    state: str
    """listed | destroyed | kept"""
    kept_because: KeptBecause | None
    destroyed_at: datetime | None


def retention_overview(
    session: Session, policy: RetentionPolicy, now: datetime
) -> RetentionOverview:
    past = Counter(code for _, _, code, *_ in past_their_period(session, policy, now))
    services = [
        ServicePeriod(code, name_th, name_en, policy.keep_years(code), past.pop(code, 0))
        for code, name_th, name_en in session.execute(
            select(ServiceType.code, ServiceType.name_th, ServiceType.name_en).order_by(
                ServiceType.code
            )
        )
    ]
    if past.get("", 0):  # requests closed before a service was named keep the agency's period
        services.append(ServicePeriod("", "", "", policy.keep_years(None), past[""]))
    return RetentionOverview(policy.years, tuple(services), tuple(_lists(session)))


def _lists(session: Session) -> list[ListSummary]:
    counts: dict[str, Counter[str]] = {}
    for list_id, state, count in session.execute(
        select(DestructionItem.list_id, DestructionItem.state, func.count()).group_by(
            DestructionItem.list_id, DestructionItem.state
        )
    ):
        counts.setdefault(list_id, Counter())[state] = count
    summaries = []
    for listing in session.scalars(select(DestructionList).order_by(DestructionList.number.desc())):
        states = counts.get(listing.id, Counter())
        if listing.order_number is None:
            state = ListState.DRAFTED
        elif states["listed"]:
            state = ListState.ORDERED
        else:
            state = ListState.DESTROYED
        summaries.append(
            ListSummary(
                number=listing.number,
                created_at=listing.created_at,
                created_by=listing.created_by,
                requests=sum(states.values()),
                destroyed=states["destroyed"],
                kept=states["kept"],
                state=state,
                order_number=listing.order_number or "",
                ordered_by=listing.ordered_by,
                ordered_on=listing.ordered_on,
                order_recorded_by=listing.order_recorded_by,
            )
        )
    return summaries


def listed_requests(session: Session, number: int) -> list[ListedRequest]:
    """The requests list ``number`` names, in the order of its PDF."""
    listing = find_list(session, number)
    rows = session.execute(
        select(
            DestructionItem,
            Application.destroyed_at,
            Applicant.national_id,
            ServiceType.name_th,
            ServiceType.name_en,
        )
        .join(Application, Application.id == DestructionItem.application_id)
        .outerjoin(Applicant, Applicant.id == Application.applicant_id)
        .outerjoin(ServiceType, ServiceType.code == DestructionItem.service_code)
        .where(DestructionItem.list_id == listing.id)
        .order_by(DestructionItem.closed_at, DestructionItem.tracking_number)
    ).all()
    found = []
    for item, gone_at, national_id, name_th, name_en in rows:
        kept_because = None
        if item.state == "kept":
            kept_because = (
                KeptBecause.ALREADY_DESTROYED if gone_at is not None else KeptBecause.REOPENED
            )
        masked = mask_national_id(national_id) if national_id and gone_at is None else ""
        found.append(
            ListedRequest(
                tracking_number=item.tracking_number,
                service_code=item.service_code,
                service_th=name_th or item.service_code,
                service_en=name_en or item.service_code,
                applicant_id_masked=masked,
                received_at=item.received_at,
                closed_at=item.closed_at,
                keep_years=item.keep_years,
                state=item.state,
                kept_because=kept_because,
                destroyed_at=item.destroyed_at,
            )
        )
    return found
