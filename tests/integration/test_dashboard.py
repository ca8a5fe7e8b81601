"""Dashboard figures on a crafted data set, at a fixed moment (Wednesday 25 Nov 2026, 10:00)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from models import Application, User
from services.cases.applications import create_application
from services.cases.dashboard import dashboard
from services.cases.queries import list_applications
from services.kernel.clock import BANGKOK

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=BANGKOK)  # the `clock` fixture's moment


def _bkk(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BANGKOK)


def _make(
    context,
    actor,
    key: str,
    *,
    received: datetime,
    status: str = "received",
    due: datetime | None = None,
    service: str | None = "FOOD-SHOP",
    assignee: str | None = None,
) -> None:
    with context.unit_of_work(actor) as uow:
        app = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=received,
            subject=key,
            service_code=service,
        )
        uow.session.flush()
        assignee_id = (
            uow.session.scalar(select(User.id).where(User.username == assignee))
            if assignee
            else None
        )
        # The dashboard reads only columns; set them directly instead of walking each
        # application through its life cycle.
        uow.session.execute(
            update(Application)
            .where(Application.id == app.id)
            .values(
                status=status,
                sla_due_at=due if due is not None else app.sla_due_at,
                assignee_id=assignee_id,
            )
        )


@pytest.fixture
def crafted(context, actors):
    intake = actors["intake"]
    past = _bkk(16, 9)  # received long enough ago; due dates are set explicitly
    _make(context, intake, "overdue", received=past, due=_bkk(24, 10))
    _make(
        context, intake, "risk-early", received=past, status="in_review", due=_bkk(26, 9),
        assignee="reviewer",
    )  # fmt: skip
    # Exactly one business day left: still at risk (sla_state counts "<= 1 day").
    _make(
        context, intake, "risk-edge", received=past, status="in_review", due=_bkk(26, 10),
        assignee="reviewer",
    )  # fmt: skip
    _make(context, intake, "friday", received=past, due=_bkk(27, 15), assignee="approver")
    _make(context, intake, "next-week", received=past, due=_bkk(1, 11, month=12))
    _make(context, intake, "due-now", received=past, status="payment_due", due=NOW)
    # Paused and issued clocks never count as overdue, even with a due date in the past.
    _make(context, intake, "waiting", received=past, status="waiting_applicant", due=_bkk(20, 9))
    _make(context, intake, "issued", received=past, status="issued", due=_bkk(20, 9))
    _make(
        context, intake, "closed", received=past, status="delivered", due=_bkk(20, 9),
        assignee="reviewer",
    )  # fmt: skip
    _make(context, intake, "unclassified", received=past, status="unclassified", service=None)
    # Intake of the last days (all open, "received", due far ahead).
    _make(context, intake, "today-1", received=_bkk(25, 9))
    _make(context, intake, "today-2", received=_bkk(25, 9, 45), service="PETITION")
    # After hours: deemed today 08:30, but it arrived (and counts) yesterday.
    _make(context, intake, "deemed-today", received=_bkk(24, 19))
    _make(context, intake, "weekend", received=_bkk(21, 11))  # arrived Saturday
    _make(context, intake, "day-13", received=_bkk(12, 14))  # 13 days ago: first day shown
    _make(context, intake, "day-14", received=_bkk(11, 14))  # 14 days ago: not shown
    return context


def test_dashboard_counts(crafted, clock) -> None:
    assert clock.now() == NOW
    with crafted.read() as session:
        stats = dashboard(session, crafted.calendar, clock.now())

    assert stats.new_today == 2  # today-1, today-2 (arrived today)
    # Open: everything but "closed"; waiting is apart from pending.
    assert stats.waiting_applicant == 1
    assert stats.pending == 15 - 1
    assert stats.overdue == 1  # "overdue" only
    assert stats.at_risk == 3  # risk-early, risk-edge, due-now
    assert stats.due_this_week == 4  # + friday; not next-week, not the overdue one

    services = {name_en.split(" ")[0]: n for _th, name_en, n in stats.per_service}
    assert services == {"Licence": 13, "General": 1, "Unclassified": 1}
    assert stats.per_service[0][0].startswith("ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร")
    assert stats.per_service[0][2] == 13
    assert ("ยังไม่จำแนก", "Unclassified", 1) in stats.per_service

    assert stats.per_officer == (("นายตรวจ ละเอียด", 2), ("นายอนุมัติ รอบคอบ", 1))

    days = dict(stats.new_by_day)
    assert len(stats.new_by_day) == 14
    assert stats.new_by_day[0][0] == "2026-11-12" and stats.new_by_day[-1][0] == "2026-11-25"
    assert days["2026-11-25"] == 2
    assert days["2026-11-24"] == 1  # arrived after hours: counts the day it came in
    assert days["2026-11-21"] == 1  # the Saturday request, on Saturday
    assert days["2026-11-23"] == 0
    assert days["2026-11-16"] == 10  # the crafted SLA cases
    assert days["2026-11-12"] == 1
    assert sum(days.values()) == 15  # day-14 falls outside the window


def test_dashboard_agrees_with_the_rows_sla_state(crafted, clock) -> None:
    """The SQL cut-offs give the same answer as sla_state on every row."""
    with crafted.read() as session:
        stats = dashboard(session, crafted.calendar, clock.now())
        rows = list_applications(session, crafted.calendar, clock.now(), limit=1000)
    states = [r.sla_state for r in rows]
    assert stats.overdue == states.count("overdue")
    assert stats.at_risk == states.count("at_risk")


@pytest.mark.parametrize(
    ("moment", "at_risk", "week_due"),
    [
        # Friday 16:00: half an hour today + 7.5 h on Monday is one business day, so a Monday
        # 09:00 due date is at risk and Tuesday's opening is not; neither is due this week.
        (datetime(2026, 11, 27, 16, 0, tzinfo=BANGKOK), 1, 0),
        # Friday after closing: one business day ends Monday at closing, and every moment up to
        # Tuesday's opening is no further; the week that counts is the coming one.
        (datetime(2026, 11, 27, 17, 0, tzinfo=BANGKOK), 2, 2),
        # Saturday: the same.
        (datetime(2026, 11, 28, 10, 0, tzinfo=BANGKOK), 2, 2),
    ],
)
def test_after_hours_and_weekends(context, actors, clock, moment, at_risk, week_due) -> None:
    intake = actors["intake"]
    _make(context, intake, "monday", received=_bkk(16, 9), due=_bkk(30, 9))
    _make(context, intake, "tuesday-open", received=_bkk(16, 9), due=_bkk(1, 8, 30, month=12))
    _make(context, intake, "week-after", received=_bkk(16, 9), due=_bkk(8, 10, month=12))
    clock.set(moment)
    with context.read() as session:
        stats = dashboard(session, context.calendar, clock.now())
        rows = list_applications(session, context.calendar, clock.now())
    assert stats.at_risk == at_risk == [r.sla_state for r in rows].count("at_risk")
    assert stats.due_this_week == week_due
    assert stats.overdue == 0


def test_empty_store(context, clock) -> None:
    with context.read() as session:
        stats = dashboard(session, context.calendar, clock.now())
    assert (stats.new_today, stats.pending, stats.overdue, stats.at_risk) == (0, 0, 0, 0)
    assert stats.per_service == () and stats.per_officer == ()
    assert [d for d, _ in stats.new_by_day][-1] == date(2026, 11, 25).isoformat()


def test_a_counter_request_at_23_41_counts_today(context, actors, clock) -> None:
    # Registered at the counter late in the evening (Bangkok); the dashboard is read at once.
    _make(context, actors["intake"], "late", received=_bkk(25, 23, 41))
    clock.set(_bkk(25, 23, 45))
    with context.read() as session:
        stats = dashboard(session, context.calendar, clock.now())
    assert stats.new_today == 1
    assert stats.new_by_day[-1] == ("2026-11-25", 1)
