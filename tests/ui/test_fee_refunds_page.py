"""Refunds owed on the finance page, real widgets over a real profile: an overpayment stands in
the *Refunds owed* tab (counted on the tab) with the payer, the amount and since when; an
empty reference is refused in Thai; the officer types the transfer's reference key by key,
presses Enter, and the refund is recorded once and leaves the list. Screenshots in Thai and
English go to artifacts/screenshots/."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models import Event, Payment
from services import fees
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_fee_inbox import payment_of
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import users, ws
from tests.ui.conftest import SCREENSHOTS, officer_types
from ui.common import i18n
from ui.fees.page import FeesPage


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_finance_records_an_overpayment_paid_back_by_typing_the_reference(
    gui, qtbot, runner, context, ws, users
) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users, hour=9)
    finance = ws.shell.sign_in("finance", STAFF_PASSWORD)
    with context.unit_of_work(Actor.from_user(finance)) as uow:
        fees.record_evidence(uow, context.calendar, payment_of(context, app_id).id, None)
    ws.fees.verify(finance, payment_of(context, app_id).id, "1,250.50")
    page = FeesPage(ws.fees, finance, runner)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    refunds = page.refunds
    qtbot.waitUntil(lambda: refunds.table.rowCount() == 1, timeout=30_000)
    page.tabs.setCurrentWidget(refunds)
    assert page.tabs.tabText(2) == "เงินที่ต้องคืน (1)"
    assert refunds.table.item(0, 2).text() == "1,050.50"
    assert refunds.table.item(0, 1).text() == refunds.current.payer != ""
    assert "1,050.50 บาท" in refunds.chosen.text()
    today = context.clock.now().astimezone(BANGKOK).date()
    assert refunds.day.date() == QDate(today.year, today.month, today.day)  # the services' day
    # Nothing typed: told what to type, nothing recorded.
    QTest.mouseClick(refunds.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "เลขอ้างอิงการโอน" in refunds.error.text(), timeout=30_000)
    assert refunds.table.rowCount() == 1
    refunds.reference.setFocus()
    officer_types("KTB-20261124-0042 คืนเงินส่วนเกิน")
    assert refunds.reference.text() == "KTB-20261124-0042 คืนเงินส่วนเกิน"
    qtbot.wait(100)  # wrapped labels take their height on the next turn of the loop
    _shot(page, "fees_refunds_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.tabs.tabText(2) == "Refunds owed (1)", timeout=10_000)
        assert refunds.record_button.text() == "Record the refund as paid"
        qtbot.wait(100)
        _shot(page, "fees_refunds_en")
    finally:
        i18n.apply_language("th")
    QTest.keyClick(refunds.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: refunds.table.rowCount() == 0, timeout=30_000)
    qtbot.waitUntil(lambda: "บันทึกการคืนเงิน 1,050.50 บาท" in refunds.error.text(), timeout=10_000)
    assert page.tabs.tabText(2) == "เงินที่ต้องคืน"
    assert not refunds.record_button.isEnabled() and refunds.reference.text() == ""
    with context.read() as session:
        payment = session.get(Payment, payment_of(context, app_id).id)
        events = session.scalars(select(Event.id).where(Event.type == "fees.refunded")).all()
    assert (payment.refund_method, payment.refunded_on) == ("transfer", today)
    assert payment.refund_reference == "KTB-20261124-0042 คืนเงินส่วนเกิน" and len(events) == 1
