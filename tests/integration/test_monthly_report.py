"""The monthly report over a seeded October 2026: every figure equals a direct count over the
store, with the edges (arrived 23:59 on the last day, midnight boundaries, withdrawn, refused
before classification, still open, a pause for the applicant, fees outside the month)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models import Application, Event, Payment, ServiceType
from services.kernel.clock import utc
from services.kernel.errors import InvalidInput
from services.reports import ReportPeriod, last_month, monthly_report
from services.reports.durations import percentile
from tests.integration.month_seed import OCTOBER, bkk, seed_mere_mentions, seed_october


@pytest.fixture
def october(context) -> dict[str, str]:
    return seed_october(context)


def direct_counts(context, period: ReportPeriod) -> dict[str | None, dict[str, object]]:
    """The same figures, counted row by row in Python from what the store holds."""
    start, end = period.bounds()
    with context.read() as session:
        apps = {a.id: a for a in session.scalars(select(Application))}
        codes = {s.id: s.code for s in session.scalars(select(ServiceType))}
        changes = [
            (e.aggregate_id, utc(e.occurred_at), json.loads(e.payload)["to"])
            for e in session.scalars(
                select(Event).where(Event.type == "application.status_changed").order_by(Event.seq)
            )
        ]
        payments = list(session.scalars(select(Payment)))
        pauses = {a.id: [(p.started_at, p.ended_at) for p in a.pauses] for a in apps.values()}
    figures: dict[str | None, dict[str, object]] = defaultdict(
        lambda: {"received": 0, "withdrawn": 0, "completed": 0, "within": 0, "past": 0,
                 "open": 0, "days": [], "fees": 0}
    )  # fmt: skip
    calendar = context.calendar
    for app in apps.values():
        line = figures[codes.get(app.service_type_id)]
        arrived = utc(app.received_at)
        if start <= arrived < end:
            line["received"] += 1
        mine = [(at, to) for app_id, at, to in changes if app_id == app.id]
        ended = [at for at, to in mine if to in ("issued", "rejected", "withdrawn") and at < end]
        if arrived < end and not ended:
            line["open"] += 1
        for at, to in mine:
            if start <= at < end and to == "withdrawn":
                line["withdrawn"] += 1
            if start <= at < end and to in ("issued", "rejected"):
                line["completed"] += 1
                if app.sla_due_at is not None:
                    line["within" if at <= utc(app.sla_due_at) else "past"] += 1
                open_time = calendar.business_time_between(app.deemed_received_at, at)
                for began, stopped in pauses[app.id]:
                    lo = max(utc(began), utc(app.deemed_received_at))
                    hi = min(utc(stopped) if stopped else at, at)
                    if hi > lo:
                        open_time -= calendar.business_time_between(lo, hi)
                line["days"].append(open_time / calendar.day_length)
    for payment in payments:
        if payment.status == "verified" and start <= utc(payment.verified_at) < end:
            figures[codes.get(apps[payment.application_id].service_type_id)]["fees"] += (
                payment.amount_satang
            )
    return figures


def test_every_figure_equals_a_direct_count(context, october) -> None:
    with context.read() as session:
        report = monthly_report(session, context.calendar, OCTOBER, context.clock.now())
    expected = direct_counts(context, OCTOBER)
    shown = {row.code if row.code != "-" else None: row for row in report.rows}
    assert set(expected) <= set(shown)
    for code, row in shown.items():
        want = expected.get(code)
        if want is None:  # a service with nothing at all: all zeros
            assert (row.received, row.completed, row.open_at_end, row.fees_satang) == (0, 0, 0, 0)
            continue
        days = sorted(want["days"])
        assert row.received == want["received"], code
        assert row.withdrawn == want["withdrawn"], code
        assert row.completed == want["completed"], code
        assert row.within_sla == want["within"], code
        assert row.past_sla == want["past"], code
        assert row.open_at_end == want["open"], code
        assert row.fees_satang == want["fees"], code
        assert row.average_days == (pytest.approx(sum(days) / len(days)) if days else None), code
        assert row.p90_days == (pytest.approx(percentile(days, 0.9)) if days else None), code
    total = report.total
    assert total.received == sum(w["received"] for w in expected.values())
    assert total.completed == sum(w["completed"] for w in expected.values())
    assert total.open_at_end == sum(w["open"] for w in expected.values())


def test_the_edges_land_where_the_definitions_say(context, october) -> None:
    with context.read() as session:
        report = monthly_report(session, context.calendar, OCTOBER, context.clock.now())
    by_code = {row.code: row for row in report.rows}
    food = by_code["FOOD-SHOP"]
    # quick, paused, last-minute (31 Oct 23:59) arrived in October.
    assert food.received == 3
    assert food.completed == 2 and food.within_sla == 2 and food.past_sla == 0
    assert food.open_at_end == 1  # last-minute
    assert food.fees_satang == 50_000 and food.fees_baht == 500.0
    # quick took 5.0 business days; paused took 1-5 Oct... without 6-20 Oct.
    assert min(food.average_days or 0, food.p90_days or 0) > 0
    assert food.p90_days is not None and food.p90_days > 5.0
    notice = by_code["FOOD-NOTICE"]
    assert notice.received == 1  # midnight; late arrived 30 Sep 23:59
    assert notice.completed == 1 and notice.past_sla == 1  # late; midnight finished in Nov
    assert notice.open_at_end == 1  # midnight
    petition = by_code["PETITION"]
    assert (petition.received, petition.withdrawn, petition.completed) == (2, 1, 0)
    assert petition.open_at_end == 1  # refused-later; november is after the end
    unclassified = by_code["-"]
    assert unclassified.name_en == "Unclassified"
    assert (unclassified.completed, unclassified.within_sla, unclassified.past_sla) == (1, 0, 0)
    assert report.total.completed == 4
    assert report.total.received == 7
    assert report.total.fees_satang == 50_000


def test_a_status_word_in_a_reason_or_a_nested_record_is_not_a_status_change(
    context, october
) -> None:
    # Matching the payload's text (LIKE '%"to":"withdrawn"%') counted this request withdrawn
    # and closed: only the top-level "to" of a status change says where the request went.
    seed_mere_mentions(context)
    with context.read() as session:
        report = monthly_report(session, context.calendar, OCTOBER, context.clock.now())
    petition = next(row for row in report.rows if row.code == "PETITION")
    assert (petition.received, petition.withdrawn, petition.completed) == (3, 1, 0)
    assert petition.open_at_end == 2  # refused-later and the one that was only mentioned
    assert report.total.completed == 4
    expected = direct_counts(context, OCTOBER)["PETITION"]
    assert (petition.withdrawn, petition.open_at_end) == (expected["withdrawn"], expected["open"])


def test_business_days_skip_the_wait_for_the_applicant(context, october) -> None:
    period = ReportPeriod(date(2026, 10, 8), date(2026, 10, 8))  # only "quick" completes
    with context.read() as session:
        report = monthly_report(session, context.calendar, period, context.clock.now())
    food = next(row for row in report.rows if row.code == "FOOD-SHOP")
    assert food.completed == 1
    assert food.average_days == pytest.approx(5.0) and food.p90_days == pytest.approx(5.0)


def test_an_empty_store_reports_zeros(context) -> None:
    with context.read() as session:
        report = monthly_report(session, context.calendar, OCTOBER, context.clock.now())
    assert report.rows and all(row.received == 0 for row in report.rows)
    assert report.total.average_days is None and report.total.fees_satang == 0
    assert report.agency_th == "เทศบาลตำบลทดสอบ"


def test_the_default_period_is_last_month_in_bangkok() -> None:
    # 1 Nov 2026 00:30 in Bangkok is still 31 Oct in UTC: last month is October.
    period = last_month(utc(bkk(11, 1, 0, 30)))
    assert (period.first, period.last) == (date(2026, 10, 1), date(2026, 10, 31))
    january = last_month(utc(bkk(1, 15) + timedelta(days=365)))
    assert (january.first, january.last) == (date(2026, 12, 1), date(2026, 12, 31))


def test_dates_the_wrong_way_round_are_refused_in_both_languages() -> None:
    with pytest.raises(InvalidInput) as refused:
        ReportPeriod(date(2026, 10, 31), date(2026, 10, 1))
    assert "ก่อนวันเริ่มต้น" in refused.value.th and "before the start date" in refused.value.en
