"""The dates a money or audit screen proposes are the services' today — their clock read in
Bangkok — never the computer's. The clock is moved years away from the real date, to a moment
that is still the previous day in UTC (18:30 UTC is 01:30 the next morning in Bangkok), so a
screen reading the computer's date, or the clock's date in UTC, shows another day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate

from tests.conftest import STAFF_PASSWORD
from tests.integration.test_review import users, ws  # noqa: F401  (pytest fixtures)
from ui.common.errors import ErrorBox
from ui.fees.ledger_bar import LedgerBar
from ui.fees.refunds import RefundsOwed
from ui.reports.audit_page import AuditLogPage

# 28 February 2031, 18:30 UTC = Saturday 1 March 2031, 01:30 in Bangkok.
_FAR = datetime(2031, 2, 28, 18, 30, tzinfo=UTC)
_BANGKOK_DAY = QDate(2031, 3, 1)


def test_the_agency_today_is_the_clock_read_in_bangkok(context, clock) -> None:
    clock.set(_FAR)
    assert context.today() == date(2031, 3, 1)


def test_the_refund_day_starts_at_the_services_today(qtbot, runner, clock, ws, users) -> None:  # noqa: F811
    clock.set(_FAR)
    refunds = RefundsOwed(ws.fees, users["finance"], runner)
    qtbot.addWidget(refunds)
    assert refunds.day.date() == _BANGKOK_DAY


def test_the_ledger_range_is_the_services_month_so_far(qtbot, runner, clock, ws, users) -> None:  # noqa: F811
    clock.set(_FAR)
    bar = LedgerBar(ws.fees, users["finance"], runner, ErrorBox())
    qtbot.addWidget(bar)
    assert (bar.first.date(), bar.last.date()) == (QDate(2031, 3, 1), _BANGKOK_DAY)
    assert bar.suggested_name("csv") == "fee-ledger_2031-03-01_2031-03-01.csv"


def test_the_audit_dates_end_at_the_services_today(qtbot, runner, clock, workstation) -> None:
    admin = workstation.shell.sign_in("admin", STAFF_PASSWORD)
    clock.set(_FAR)
    page = AuditLogPage(workstation.reports, runner, admin)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.events_did_load, timeout=30_000):
        page.start()
    assert page.last_edit.date() == _BANGKOK_DAY
    assert page.first_edit.date() == _BANGKOK_DAY.addDays(-30)
