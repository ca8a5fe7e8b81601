"""The dashboard's SQL figures equal a plain count over every row, on a few hundred requests.

The dashboard counts in two grouped queries and consults the calendar only for a few cut-off
moments; here each request is judged on its own with the calendar (``sla_state_of``, the same
function the queue's SLA column uses) and the local day of its arrival, and the totals must
match exactly. The requests arrive around the clock over six weeks, across weekends, the
December holidays (Sat 5, its substitute Mon 7, Thu 10) and Bangkok midnight; their due
moments are the catalog's, or set on closing times, openings, midnights and holidays; some wait
for the applicant (the clock paused), some are issued or closed. The figures are read at
moments chosen where the cut-offs turn: mid-week, Friday before and after closing, the
weekend before a long holiday, the last second of a local day and the first of the next.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, update

from models import Application, ServiceType, User
from services.cases.applications import create_application
from services.cases.dashboard import DAYS_SHOWN, dashboard
from services.cases.queries import sla_state_of
from services.cases.views import DashboardStats
from services.kernel.calendar import BusinessCalendar, SlaState
from services.kernel.clock import BANGKOK
from services.kernel.statuses import OPEN_STATUSES, PAUSED_STATUSES

REQUESTS = 320
FIRST_ARRIVAL = datetime(2026, 11, 9, 0, 0, tzinfo=BANGKOK)  # a Monday
SPAN = timedelta(days=32)  # to Thursday 10 December (Constitution Day), past the holidays
SPAN_SECONDS = int(SPAN.total_seconds())

# The statuses a request may have, open ones more often (as on a real day).
_STATUS_MIX = (
    ("received",) * 4
    + ("in_review",) * 4
    + ("waiting_applicant",) * 3
    + ("payment_due", "payment_to_verify", "ready_for_approval", "approved", "issued")
    + ("delivered", "rejected", "withdrawn", "unclassified")
)


def _bkk(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=BANGKOK)


MOMENTS = [
    _bkk(25, 10, month=11),  # Wednesday mid-morning
    _bkk(27, 16, month=11),  # Friday, half an hour before closing
    _bkk(27, 16, 30, month=11),  # Friday at closing
    _bkk(4, 15),  # Friday before the weekend and the Monday holiday
    _bkk(5, 11),  # Saturday, a holiday too
    _bkk(6, 23, 59, 59),  # the last second of Sunday
    _bkk(7, 0),  # Monday midnight, a substitute holiday
    _bkk(9, 8, 29, 59),  # Wednesday just before opening, a holiday the next day
    _bkk(9, 16, 30),  # Wednesday at closing
    _bkk(10, 12),  # the holiday itself
]


def _due_moments(received: datetime) -> list[datetime]:
    """Due moments a request may carry: on the edges the cut-offs are made of."""
    local = received.astimezone(BANGKOK).date()
    moments: list[datetime] = []
    for days in (-3, -1, 0, 1, 2, 3, 4, 7, 9, 12):
        d = local + timedelta(days=days)
        for at in (time(0), time(8, 30), time(9), time(16, 30), time(23, 59, 59)):
            moments.append(datetime.combine(d, at, tzinfo=BANGKOK))
    return moments


def _seed(context, actor, rng: random.Random) -> None:
    calendar = context.calendar
    with context.read() as session:
        services = list(session.scalars(select(ServiceType.code).order_by(ServiceType.code)))
        officers = list(session.scalars(select(User.id).order_by(User.id)))
    with context.unit_of_work(actor) as uow:
        changes: list[dict[str, object]] = []
        for k in range(REQUESTS):
            if k % 5 == 0:  # near Bangkok midnight: the day it arrived is the local one
                day = FIRST_ARRIVAL + timedelta(days=rng.randrange(SPAN.days))
                received = day + timedelta(seconds=rng.choice((-1, 0, 1, 59, -60)))
            else:
                received = FIRST_ARRIVAL + timedelta(seconds=rng.randrange(SPAN_SECONDS))
            status = rng.choice(_STATUS_MIX)
            service = None if status == "unclassified" else rng.choice(services)
            app = create_application(
                uow,
                calendar,
                agency_code=context.agency_code,
                station_code=context.station_code,
                channel="email",
                received_at=received.astimezone(UTC),
                subject=f"request {k}",
                service_code=service,
            )
            uow.session.flush()
            due = app.sla_due_at
            if service is not None and rng.random() < 0.6:
                due = rng.choice(_due_moments(received))
            changes.append(
                {
                    "id": app.id,
                    "status": status,
                    "sla_due_at": due,
                    "assignee_id": None if status == "received" else rng.choice(officers),
                }
            )
        # The dashboard reads only columns: set them directly instead of walking each request
        # through its life cycle.
        for change in changes:
            uow.session.execute(
                update(Application)
                .where(Application.id == change["id"])
                .values({k: v for k, v in change.items() if k != "id"})
            )


def _row_by_row(session, calendar: BusinessCalendar, now: datetime) -> dict[str, object]:
    """The dashboard's figures the plain way: every request read and judged on its own."""
    rows = session.execute(
        select(
            Application.status,
            Application.sla_due_at,
            Application.received_at,
            Application.assignee_id,
            ServiceType.name_en,
        ).outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
    ).all()
    names = dict(session.execute(select(User.id, User.display_name)).all())
    # "This week" runs to the Sunday of the calendar week of the business moment now counts
    # as (on a weekend, the coming week).
    week = calendar.deemed_received_at(now).astimezone(calendar.tz).isocalendar()[:2]
    today = now.astimezone(calendar.tz).date()
    shown = [today - timedelta(days=back) for back in range(DAYS_SHOWN - 1, -1, -1)]
    figures: Counter[str] = Counter()
    per_service: Counter[str] = Counter()
    per_officer: Counter[str] = Counter()
    by_day: Counter[date] = Counter({d: 0 for d in shown})
    for status, due, received, assignee, service in rows:
        arrived = received.astimezone(calendar.tz).date()
        if arrived in by_day:
            by_day[arrived] += 1
        if status not in OPEN_STATUSES:
            continue
        figures["waiting" if status in PAUSED_STATUSES else "pending"] += 1
        per_service[service or "Unclassified"] += 1
        if assignee is not None:
            per_officer[names[assignee]] += 1
        state, _left = sla_state_of(status, due, now, calendar)
        figures[state] += 1
        running = state in (SlaState.ON_TRACK, SlaState.AT_RISK) and due is not None
        if running and due.astimezone(calendar.tz).isocalendar()[:2] <= week:
            figures["this_week"] += 1
    return {
        "new_today": by_day[today],
        "pending": figures["pending"],
        "waiting": figures["waiting"],
        "overdue": figures[SlaState.OVERDUE],
        "at_risk": figures[SlaState.AT_RISK],
        "due_this_week": figures["this_week"],
        "per_service": dict(per_service),
        "per_officer": dict(per_officer),
        "new_by_day": [(d.isoformat(), by_day[d]) for d in shown],
    }


def _as_figures(stats: DashboardStats) -> dict[str, object]:
    return {
        "new_today": stats.new_today,
        "pending": stats.pending,
        "waiting": stats.waiting_applicant,
        "overdue": stats.overdue,
        "at_risk": stats.at_risk,
        "due_this_week": stats.due_this_week,
        "per_service": {name_en: n for _th, name_en, n in stats.per_service},
        "per_officer": dict(stats.per_officer),
        "new_by_day": list(stats.new_by_day),
    }


def test_dashboard_equals_a_count_row_by_row(context, actors) -> None:
    _seed(context, actors["intake"], random.Random(2569))
    seen: Counter[str] = Counter()
    for now in MOMENTS:
        with context.read() as session:
            expected = _row_by_row(session, context.calendar, now)
            got = _as_figures(dashboard(session, context.calendar, now))
        assert got == expected, now.isoformat()
        for figure in ("overdue", "at_risk", "due_this_week", "waiting", "new_today"):
            seen[figure] += int(expected[figure] > 0)  # type: ignore[operator]
    # Each figure is non-zero at three moments or more: the comparison has something to fail on.
    assert min(seen.values()) >= 3, seen
