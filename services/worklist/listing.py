"""A list filtered and sorted as the officer chose (service, status, officer, channel,
overdue, a date range), the requests assigned to them first.

The filter becomes SQL conditions on the application table alone, so the page is still
chosen on the indexes before any join (see :func:`services.cases.queries.application_rows`);
the rows are the same list rows every other list shows.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from models import Application, ServiceType, User
from services.cases.queries import application_rows
from services.cases.views import ApplicationRow
from services.kernel.calendar import BusinessCalendar
from services.kernel.statuses import PAUSED_STATUSES, STATUSES
from services.worklist.views import ListFilter, SortOrder

__all__ = ["count_filtered", "filtered_rows", "open_statuses"]


def open_statuses() -> tuple[str, ...]:
    """Statuses whose SLA still runs (not closed, not issued, not waiting for the applicant)."""
    return tuple(
        code
        for code, s in STATUSES.items()
        if not s.closed and code != "issued" and code not in PAUSED_STATUSES
    )


def _day_start(day: date, calendar: BusinessCalendar) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=calendar.tz)


def _conditions(
    list_filter: ListFilter,
    me: str | None,
    now: datetime,
    calendar: BusinessCalendar,
) -> list[ColumnElement[bool]]:
    f = list_filter
    where: list[ColumnElement[bool]] = []
    if f.services:
        codes = [c for c in f.services if c]
        parts: list[ColumnElement[bool]] = []
        if codes:
            ids = select(ServiceType.id).where(ServiceType.code.in_(codes))
            parts.append(Application.service_type_id.in_(ids))
        if "" in f.services:
            parts.append(Application.service_type_id.is_(None))
        where.append(parts[0] if len(parts) == 1 else parts[0] | parts[1])
    if f.statuses:
        where.append(Application.status.in_(f.statuses))
    if f.channels:
        where.append(Application.channel.in_(f.channels))
    if f.officer is not None:
        if f.officer == "":
            where.append(Application.assignee_id.is_(None))
        else:
            officer_id = select(User.id).where(User.username == f.officer).scalar_subquery()
            where.append(Application.assignee_id == officer_id)
    if f.assigned_to_me:
        where.append(Application.assignee_id == me if me else Application.id.is_(None))
    if f.overdue_only:
        where.append(Application.sla_due_at < now)
        where.append(Application.status.in_(open_statuses()))
    if f.received_from is not None:
        where.append(Application.deemed_received_at >= _day_start(f.received_from, calendar))
    if f.received_to is not None:
        end = _day_start(f.received_to + timedelta(days=1), calendar)
        where.append(Application.deemed_received_at < end)
    return where


def _order(list_filter: ListFilter) -> list[Any]:
    """The ORDER BY of a sort, each one walking an index (migration 0009)."""
    deemed, number = Application.deemed_received_at, Application.tracking_number
    if list_filter.sort == SortOrder.SLA_DUE:
        return [Application.sla_due_at, deemed, number]
    if list_filter.sort == SortOrder.NEWEST:
        return [deemed.desc(), number.desc()]
    return [deemed, number]


def _segments(list_filter: ListFilter, me: str | None) -> list[list[ColumnElement[bool]]]:
    """The parts the list shows one after the other: the officer's own requests, then the
    rest ("mine first"); by due date, those with an SLA before those without one yet."""
    parts: list[list[ColumnElement[bool]]] = [[]]
    if list_filter.mine_first and me is not None:
        # Written so no index on the holder serves it: the others are walked in the list's
        # own order (the holder is in that index too) instead of gathered and sorted.
        others = func.coalesce(Application.assignee_id, "") != me
        parts = [[Application.assignee_id == me], [others]]
    if list_filter.sort == SortOrder.SLA_DUE:
        parts = [
            [*part, due]
            for part in parts
            for due in (Application.sla_due_at.is_not(None), Application.sla_due_at.is_(None))
        ]
    return parts


def filtered_rows(
    session: Session,
    calendar: BusinessCalendar,
    now: datetime,
    list_filter: ListFilter,
    me: str | None,
    *,
    offset: int = 0,
    limit: int = 200,
) -> list[ApplicationRow]:
    """One page of the filtered list; ``me`` is the officer asking (for "mine first").

    Each part of the list (:func:`_segments`) is paged on its own, in an order an index
    gives, rather than one ORDER BY on "is it mine" or "has it an SLA": that would sort the
    whole table before the page is chosen instead of walking the index to the page.
    """
    where = _conditions(list_filter, me, now, calendar)
    order = _order(list_filter)
    segments = _segments(list_filter, me)
    rows: list[ApplicationRow] = []
    skip, wanted = offset, limit
    for number, extra in enumerate(segments):
        if wanted <= 0:
            break
        if len(segments) > 1 and number < len(segments) - 1:
            size = _count(session, [*where, *extra])
            if skip >= size:
                skip -= size
                continue
        page = application_rows(
            session, calendar, now, *where, *extra, offset=skip, limit=wanted, order=order
        )
        rows += page
        wanted -= len(page)
        skip = 0
    return rows


def _count(session: Session, where: list[ColumnElement[bool]]) -> int:
    return int(session.scalar(select(func.count()).select_from(Application).where(*where)) or 0)


def count_filtered(
    session: Session,
    calendar: BusinessCalendar,
    now: datetime,
    list_filter: ListFilter,
    me: str | None,
) -> int:
    query = (
        select(func.count())
        .select_from(Application)
        .where(*_conditions(list_filter, me, now, calendar))
    )
    return int(session.scalar(query) or 0)
