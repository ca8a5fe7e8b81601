"""The finance inbox on real widgets over a real profile: a slip mailed by someone who is not
the applicant waits with its sender and mail; the officer types the Transaction ID key by
key and attaches it, and the payment shows up with its slip to check; a second slip is set
aside with a reason typed in Thai. Screenshots in Thai and English."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models import FeeInboxItem, Payment
from services.fees.inbox import read_inbox_slips
from services.intake.pipeline import ingest
from services.kernel.actors import SYSTEM
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_fee_inbox import slip_mail
from tests.integration.test_fee_slips import encoded, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import accept_all, submit, users, ws
from tests.ui.conftest import SCREENSHOTS, officer_types
from ui.common import i18n
from ui.fees.page import FeesPage


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_finance_attaches_a_strangers_slip_and_sets_another_aside(
    gui, qtbot, runner, context, ws, users
) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users)
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
    first = encoded(slip_image("014", "SCB2026112400555"), "PNG")
    second = encoded(slip_image("002", "BBL2026112400001"), "JPEG", quality=80)
    ingest(context, slip_mail("in-1", "accounts@company.example.com",
                              "ส่งสลิปโอนเงินค่าธรรมเนียม ร้านอาหารสมชาย", slip=first,
                              body="เรียน กองคลัง\nแนบสลิปการโอนเงินค่าธรรมเนียมของร้านค่ะ"))  # fmt: skip
    ingest(context, slip_mail("in-2", "unknown@mail.example.net", "slip", slip=second, minute=5))
    with context.unit_of_work(SYSTEM) as uow:
        read_inbox_slips(uow, context.store.blobs)
    finance = ws.shell.sign_in("finance", STAFF_PASSWORD)
    page = FeesPage(ws.fees, finance, runner)
    qtbot.addWidget(page)
    counts: list[int] = []
    page.queue_did_change.connect(counts.append)  # the window's badge
    page.resize(1280, 720)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "กล่องการเงิน (2)", timeout=30_000)
    qtbot.waitUntil(lambda: counts[-1:] == [2], timeout=30_000)  # two slips wait for finance
    page.tabs.setCurrentIndex(1)
    inbox = page.inbox
    qtbot.waitUntil(lambda: inbox.slip.pixmap() is not None and not inbox.slip.pixmap().isNull(),
                    timeout=30_000)  # fmt: skip
    assert inbox.values["sender"].text() == "ผู้ชำระ แทนกัน <accounts@company.example.com>"
    assert inbox.values["slip"].text() == "014 · SCB2026112400555"
    assert "แนบสลิปการโอนเงิน" in inbox.mail.toPlainText()
    assert inbox.table.item(0, 3).text() == "014 · SCB2026112400555"
    _shot(page, "finance_inbox_th")
    # With no slip chosen there is nothing to type or press; choosing one brings them back.
    typed = (inbox.reference, inbox.attach_button, inbox.reason, inbox.aside_button)
    assert all(w.isEnabled() for w in typed)
    inbox.table.clearSelection()
    assert not any(w.isEnabled() for w in typed) and inbox.current is None
    assert inbox.reference.text() == ""
    _shot(page, "finance_inbox_nothing_chosen_th")
    first_row = inbox.table.visualItemRect(inbox.table.item(0, 1)).center()
    QTest.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
    assert all(w.isEnabled() for w in typed) and inbox.current is inbox.rows[0]
    assert inbox.reference.text() == inbox.rows[0].suggested_reference
    # A mistyped code: a clear message, nothing attached.
    inbox.reference.clear()
    inbox.reference.setFocus()
    QTest.keyClicks(inbox.reference, "ABC123")
    QTest.keyClick(inbox.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ไม่พบการชำระเงิน" in inbox.error.text(), timeout=30_000)
    inbox.reference.clear()
    QTest.keyClicks(inbox.reference, payment.transaction_id)
    QTest.mouseClick(inbox.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "แนบสลิปเป็นหลักฐาน" in inbox.error.text(), timeout=30_000)
    qtbot.waitUntil(lambda: len(inbox.rows) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: page.current is not None and page.current.status == "submitted",
                    timeout=30_000)  # fmt: skip
    assert page.tabs.tabText(1) == "กล่องการเงิน (1)"
    # The second: set aside with a reason typed in Thai.
    inbox.reason.setFocus()
    officer_types("ไม่ใช่การชำระของหน่วยงานนี้")
    QTest.mouseClick(inbox.aside_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.rows == [] and page.tabs.tabText(1) == "กล่องการเงิน",
                    timeout=30_000)  # fmt: skip
    with context.read() as session:
        items = {i.slip_reference: i for i in session.scalars(select(FeeInboxItem))}
        paid = session.get(Payment, payment.id)
    assert items["SCB2026112400555"].status == "attached"
    assert items["BBL2026112400001"].decision_reason == "ไม่ใช่การชำระของหน่วยงานนี้"
    assert paid.status == "submitted" and paid.application_id == app_id
    # English, with a slip waiting again.
    again = slip_mail("in-3", "accounts@company.example.com", "Payment slip", slip=second,
                      body="Please find the transfer slip attached.", minute=9)  # fmt: skip
    ingest(context, again)
    i18n.apply_language("en")
    try:
        page.refresh()
        qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Finance inbox (1)", timeout=30_000)
        qtbot.waitUntil(lambda: inbox.current is not None, timeout=30_000)
        assert inbox.values["why"].text() == "It names no payment or request of ours."
        qtbot.waitUntil(lambda: not inbox.slip.pixmap().isNull(), timeout=30_000)
        _shot(page, "finance_inbox_en")
        page.tabs.setCurrentIndex(0)
        _shot(page, "fees_page_payments_en")
    finally:
        i18n.apply_language("th")


def test_the_set_aside_row_is_whole_in_the_window_at_1280_by_720(
    gui, qtbot, runner, settings, context, ws, users
) -> None:
    """In the main window at 1280×720 the inbox's reference and set-aside rows sit inside
    the window without scrolling (they were cut by the page's bottom edge)."""
    from ui.shell.queue_pane import PAYMENTS
    from ui.shell.start import build_main_window_for

    with_account(context)
    reviewed_with_fee(context, ws, users)
    ingest(context, slip_mail("in-1", "accounts@company.example.com", "ส่งสลิปโอนเงิน",
                              slip=encoded(slip_image("014", "SCB2026112400555"), "PNG"),
                              body="เรียน กองคลัง\nแนบสลิปการโอนเงินค่าธรรมเนียมของร้านค่ะ"))  # fmt: skip
    with context.unit_of_work(SYSTEM) as uow:
        read_inbox_slips(uow, context.store.blobs)
    finance = ws.shell.sign_in("finance", STAFF_PASSWORD)
    window = build_main_window_for(ws, finance, runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.queues.select_page(PAYMENTS)
    page = window.payments
    page.refresh()
    qtbot.waitUntil(lambda: page.tabs.tabText(1).endswith("(1)"), timeout=30_000)
    page.tabs.setCurrentIndex(1)
    inbox = page.inbox
    qtbot.waitUntil(lambda: inbox.current is not None, timeout=30_000)
    for language in ("th", "en"):
        i18n.apply_language(language)
        try:
            qtbot.wait(200)  # the new words laid out (several passes of posted layout requests)
            _shot(window, f"finance_inbox_window_{language}")
            bottom = window.statusBar().mapTo(window, QPoint(0, 0)).y()
            for widget in (inbox.reference, inbox.attach_button, inbox.reason, inbox.aside_button):
                rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
                assert widget.isVisible() and 0 < rect.top() and rect.bottom() < bottom, (
                    widget.objectName(),
                    rect,
                    bottom,
                )
                # ... and not hidden under a scrolled area: the page shows all of it.
                assert widget.visibleRegion().boundingRect().height() == widget.height()
        finally:
            i18n.apply_language("th")
