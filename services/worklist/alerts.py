"""What an officer should know about without looking: a new request in their queue, one
assigned to them, an SLA about to breach, an applicant's reply.

Read from the event stream since the officer last looked (``alerts_seen_at`` in
:mod:`services.worklist.officer_settings`) and from the SLA due dates, which the business
calendar counts in business days. A request counts for an officer when it sits in their
queue free for them (nobody else's claim counts, routed to no section or theirs), or they
hold it. SLA alerts stand until the request moves on; the others clear once seen.

Those who hand work out (a supervisor, or the administrator where there is none) have no
queue of their own and hold nothing, so "mine" would leave their bell empty: they are told
instead about every open request about to breach or past its SLA, whoever holds it, and about
the requests waiting in a queue that nobody holds (standing until someone does). Officers take
fresh work themselves with "Next", so a waiting request only needs the supervisor (counts on the
badge) once it has waited longer than one business day by the agency calendar; younger ones
are listed without being counted.
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Final

from sqlalchemy import ColumnElement, and_, or_, select, true
from sqlalchemy.orm import Session

from models import Application, Event, IssuedDocument, LicenceDataRequest, User
from services.access.table import Action, may
from services.kernel.actors import Actor
from services.kernel.calendar import BusinessCalendar
from services.review.queue import QUEUES, free_in, queue_statuses
from services.worklist.listing import open_statuses
from services.worklist.officer_settings import alerts_seen_at
from services.worklist.views import AlertItem, AlertKind, Alerts

__all__ = ["AT_RISK_DAYS", "alerts", "mine_or_free"]

# "About to breach": one business day or less left (the dashboard's "at risk" too).
AT_RISK_DAYS: Final = 1.0
_MAX_EVENTS: Final = 1000
_NEW: Final = ("application.received", "application.status_changed")
_REPLIED: Final = "application.applicant_replied"
_ASSIGNED: Final = "application.assigned"


def mine_or_free(session: Session, actor: Actor) -> ColumnElement[bool]:
    """SQL: the request is the officer's to work — held by them, or free in their queue."""
    assert actor.user_id is not None
    section = session.scalar(select(User.section).where(User.id == actor.user_id)) or ""
    statuses = queue_statuses(actor.roles)
    held = Application.assignee_id == actor.user_id
    if not statuses:
        return held
    free = and_(free_in(statuses), Application.section.in_(sorted({"", section})))
    return or_(held, free)


def _since(session: Session, actor: Actor, now: datetime, calendar: BusinessCalendar) -> datetime:
    seen = alerts_seen_at(session, actor.user_id or "")
    if seen is not None:
        return seen
    # Never looked: what happened since the start of yesterday, not the whole history.
    today = now.astimezone(calendar.tz).date()
    return datetime.combine(today - timedelta(days=1), time(0, 0), tzinfo=calendar.tz)


def alerts(session: Session, actor: Actor, now: datetime, calendar: BusinessCalendar) -> Alerts:
    """The officer's alerts now (newest first within each kind)."""
    if actor.user_id is None:
        return Alerts(None)
    since = _since(session, actor, now, calendar)
    mine = mine_or_free(session, actor)
    items: list[AlertItem] = []
    seen: set[tuple[AlertKind, str]] = set()
    recent = session.execute(
        select(
            Event.type,
            Event.occurred_at,
            Event.payload,
            Application.id,
            Application.tracking_number,
        )
        .join(Application, Application.id == Event.aggregate_id)
        .where(
            Event.aggregate_type == "application",
            Event.type.in_([*_NEW, _REPLIED, _ASSIGNED]),
            Event.occurred_at > since,
            Application.status.in_(open_statuses() + ("waiting_applicant",)),
            mine,
        )
        .order_by(Event.seq.desc())
        .limit(_MAX_EVENTS)
    )
    for type_, at, payload, app_id, number in recent:
        if type_ == _ASSIGNED:
            if json.loads(payload).get("to") != actor.username:
                continue
            kind = AlertKind.ASSIGNED_TO_ME
        elif type_ == _REPLIED:
            kind = AlertKind.APPLICANT_REPLIED
        else:
            kind = AlertKind.NEW_IN_QUEUE
        if (kind, app_id) not in seen:
            seen.add((kind, app_id))
            items.append(AlertItem(kind, app_id, number, at))
    supervising = may(actor.roles, Action.ASSIGN)
    due = session.execute(
        select(Application.id, Application.tracking_number, Application.sla_due_at)
        .where(
            Application.sla_due_at.is_not(None),
            Application.status.in_(open_statuses()),
            true() if supervising else mine,
        )
        .order_by(Application.sla_due_at)
    )
    for app_id, number, due_at in due:
        assert due_at is not None  # the query's condition
        left = calendar.business_days_left(due_at, now)
        if left > AT_RISK_DAYS:
            break  # ordered by due date: the rest have more time
        items.append(AlertItem(AlertKind.SLA_AT_RISK, app_id, number, due_at, round(left, 2)))
    items.extend(_licence_data_due(session, actor, now, calendar))
    if supervising:
        items.extend(_unassigned(session, now, calendar))
    return Alerts(since, tuple(items))


def _unassigned(session: Session, now: datetime, calendar: BusinessCalendar) -> list[AlertItem]:
    """Requests waiting in any queue that nobody holds, first come first (for those who hand
    work out); ``at`` is when each was deemed received. Only those that have waited longer
    than one business day need the supervisor."""
    waiting = session.execute(
        select(Application.id, Application.tracking_number, Application.deemed_received_at)
        .where(free_in(queue_statuses(QUEUES)))
        .order_by(Application.deemed_received_at, Application.tracking_number)
        .limit(_MAX_EVENTS)
    )
    items: list[AlertItem] = []
    long_waiting = True
    for app_id, number, at in waiting:
        # Oldest first: once one has not waited a business day, none after it has either
        # (which spares counting the calendar for the rest).
        long_waiting = long_waiting and (
            calendar.business_time_between(at, now) > calendar.day_length
        )
        items.append(AlertItem(AlertKind.UNASSIGNED, app_id, number, at, None, long_waiting))
    return items


def _licence_data_due(
    session: Session, actor: Actor, now: datetime, calendar: BusinessCalendar
) -> list[AlertItem]:
    """Requests for a licence's data not yet answered, for those who send documents out;
    they stand until answered (the number shown is the licence's)."""
    if not may(actor.roles, Action.DELIVER_DOCUMENT):
        return []
    open_requests = session.execute(
        select(IssuedDocument.application_id, IssuedDocument.document_number,
               LicenceDataRequest.due_at)
        .join(IssuedDocument, IssuedDocument.id == LicenceDataRequest.issued_document_id)
        .where(LicenceDataRequest.answered_at.is_(None))
        .order_by(LicenceDataRequest.due_at)
        .limit(_MAX_EVENTS)
    )  # fmt: skip
    return [
        AlertItem(AlertKind.LICENCE_DATA_DUE, app_id or "", number, due_at,
                  round(calendar.business_days_left(due_at, now), 2))
        for app_id, number, due_at in open_requests
    ]  # fmt: skip
