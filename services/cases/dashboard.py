"""The review dashboard: today's intake, the open workload, and where the SLA clock is tight.

Everything is counted in SQL, in two queries, whatever the number of applications:

* the open applications grouped by (status, service, assignee), with the SLA counts as sums
  over the group — one pass over ``ix_application_dashboard`` (migration 0004), which holds
  every column the query reads;
* the last 14 days of intake bucketed by the local day each request *arrived* (the agency's
  time zone): a request registered at the counter at 23:41 counts today, as the officer who
  registered it expects, even though its clock starts the next business morning. The range
  is read off ``ix_application_received_at`` (migration 0029): without it this query scanned
  the whole table, 230 of the dashboard's 240 ms at 100,000 applications.

The calendar is consulted only for the few cut-off moments (start of today, one business day
from now, end of this business week), never per application. The SLA definitions match
:func:`services.cases.queries.sla_state_of`: waiting for the applicant pauses the clock, an issued
licence stops it, "overdue" is past the due moment, "at risk" is at most one business day left.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, Integer, and_, case, func, select
from sqlalchemy.orm import Session

from models import Application, ServiceType, User
from services.cases.views import DashboardStats
from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import utc
from services.kernel.statuses import OPEN_STATUSES, PAUSED_STATUSES

__all__ = ["dashboard", "DAYS_SHOWN", "AT_RISK_DAYS"]

DAYS_SHOWN = 14
"""Days of intake history in :attr:`DashboardStats.new_by_day`, today included."""
AT_RISK_DAYS = 1.0
"""Business days left at or below which an open application is at risk (as ``sla_state``)."""

# Statuses whose SLA clock runs: open, not paused, and not already issued (the licence is out).
_RUNNING = tuple(s for s in OPEN_STATUSES if s not in PAUSED_STATUSES and s != "issued")


def dashboard(session: Session, calendar: BusinessCalendar, now: datetime) -> DashboardStats:
    """The dashboard's figures at ``now`` (today and weeks as the calendar's zone counts them)."""
    now = utc(now)
    at_risk_until = _at_risk_cutoff(calendar, now)
    week_end = _end_of_business_week(calendar, now)
    due = Application.sla_due_at
    running = Application.status.in_(_RUNNING)

    def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((and_(running, condition), 1), else_=0), type_=Integer)

    grouped = session.execute(
        select(
            Application.status,
            Application.service_type_id,
            Application.assignee_id,
            func.count(),
            count_if(due < now),
            count_if(and_(due >= now, due <= at_risk_until)),
            count_if(and_(due >= now, due < week_end)),
        )
        .where(Application.status.in_(OPEN_STATUSES))
        .group_by(Application.status, Application.service_type_id, Application.assignee_id)
    ).all()

    pending = waiting = overdue = at_risk = due_this_week = 0
    per_service: Counter[str | None] = Counter()
    per_officer: Counter[str] = Counter()
    for status, service_id, assignee_id, n, late, risky, this_week in grouped:
        if status in PAUSED_STATUSES:
            waiting += n
        else:
            pending += n
        overdue += int(late or 0)
        at_risk += int(risky or 0)
        due_this_week += int(this_week or 0)
        per_service[service_id] += n
        if assignee_id is not None:
            per_officer[assignee_id] += n

    new_by_day = _new_by_day(session, calendar, now)
    return DashboardStats(
        new_today=new_by_day[-1][1],
        pending=pending,
        waiting_applicant=waiting,
        overdue=overdue,
        at_risk=at_risk,
        due_this_week=due_this_week,
        per_service=_service_names(session, per_service),
        per_officer=_officer_names(session, per_officer),
        new_by_day=new_by_day,
    )


def _at_risk_cutoff(calendar: BusinessCalendar, now: datetime) -> datetime:
    """The last due moment with at most :data:`AT_RISK_DAYS` business days left at ``now``.

    One business day of open time from now; when that lands on a closing time, every moment
    until the next opening is still no more than a day away, so the cut-off is that opening.
    """
    reached = calendar.add_business_time(now, calendar.day_length * AT_RISK_DAYS)
    return calendar.deemed_received_at(reached)


def _end_of_business_week(calendar: BusinessCalendar, now: datetime) -> datetime:
    """Monday 00:00 (local) after the business week now is in; on a weekend, the coming one."""
    local = calendar.deemed_received_at(now).astimezone(calendar.tz)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday + timedelta(days=7), time(0), tzinfo=calendar.tz)


def _new_by_day(
    session: Session, calendar: BusinessCalendar, now: datetime
) -> tuple[tuple[str, int], ...]:
    today = now.astimezone(calendar.tz).date()
    days = [today - timedelta(days=back) for back in range(DAYS_SHOWN - 1, -1, -1)]
    # Local midnights as UTC moments; computed per day so any zone (and DST) is right.
    starts = [datetime.combine(d, time(0), tzinfo=calendar.tz) for d in days]
    starts.append(datetime.combine(today + timedelta(days=1), time(0), tzinfo=calendar.tz))
    # Arrival, not the deemed moment: "today" is the day the request came in, in the
    # agency's zone (the list shows the same time).
    arrived = Application.received_at
    bucket = case(
        *((arrived < starts[i + 1], i) for i in range(DAYS_SHOWN - 1)), else_=DAYS_SHOWN - 1
    )
    counts: dict[int, int] = {
        bucket_no: n
        for bucket_no, n in session.execute(
            select(bucket, func.count())
            .where(arrived >= starts[0], arrived < starts[-1])
            .group_by(bucket)
        )
    }
    return tuple((d.isoformat(), int(counts.get(i, 0))) for i, d in enumerate(days))


def _service_names(
    session: Session, counts: Counter[str | None]
) -> tuple[tuple[str, str, int], ...]:
    names: dict[str | None, tuple[str, str]] = {
        row.id: (row.name_th, row.name_en)
        for row in session.execute(
            select(ServiceType.id, ServiceType.name_th, ServiceType.name_en).where(
                ServiceType.id.in_([s for s in counts if s is not None])
            )
        )
    }
    unclassified = ("ยังไม่จำแนก", "Unclassified")  # as the queue lists show it
    rows = [(*names.get(service_id, unclassified), n) for service_id, n in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r[2], r[0])))


def _officer_names(session: Session, counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    names: dict[str, str] = {
        user_id: name
        for user_id, name in session.execute(
            select(User.id, User.display_name).where(User.id.in_(list(counts)))
        )
    }
    rows = [(names.get(user_id, user_id), n) for user_id, n in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r[1], r[0])))
