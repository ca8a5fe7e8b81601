"""The finance officer's page on real widgets over a real profile: two slips matched from
replies, the first verified with Ctrl+Enter (receipt number shown), the second rejected with
a reason typed key by key in Thai; a reused slip is marked. Screenshots in Thai and English
go to artifacts/screenshots/."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models import Application, Payment
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_fee_slips import encoded, match, reply_with, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import users, ws
from tests.ui.conftest import SCREENSHOTS, officer_types
from tests.ui.fees_steps import shown_fees_page
from ui.common import i18n
from ui.fees.page import FeesPage


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def test_finance_verifies_one_slip_and_rejects_another_with_a_reason(
    gui, qtbot, runner, context, ws, users
) -> None:
    with_account(context)
    first = reviewed_with_fee(context, ws, users, hour=9)
    second = reviewed_with_fee(context, ws, users, hour=10)
    slip = encoded(slip_image("004", "KB2026112400077"), "PNG")
    reply_with(context, first, "slip.png", slip, "image/png")
    other = encoded(slip_image("014", "SCB2026112400999"), "JPEG", quality=70)
    reply_with(context, second, "โอนแล้ว.jpg", other, "image/jpeg")
    reply_with(context, second, "slip-again.png", slip, "image/png")
    assert match(context) == 2
    page = shown_fees_page(qtbot, ws, runner)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=30_000)
    qtbot.waitUntil(lambda: page.slip.pixmap() is not None and not page.slip.pixmap().isNull(),
                    timeout=30_000)  # fmt: skip
    assert page.current is not None and page.current.application_id == first  # first come
    assert page.values["amount"].text() == "200.00 บาท"
    assert page.values["slip"].text() == "004 · KB2026112400077"
    assert page.table.item(1, 4).text() == "สลิปเคยใช้แล้ว: ตรวจสอบ"
    _shot(page, "fees_page_th")
    # Verify with the keyboard.
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "2570/000001" in page.error.text(), timeout=30_000)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: page.current is not None and page.current.application_id == second,
                    timeout=30_000)  # fmt: skip
    assert not page.warning.isHidden()  # this request also carries the reused slip
    # Reject the second with a reason typed in Thai.
    page.reason.setFocus()
    officer_types("ยอดเงินในสลิปไม่ตรงกับที่แจ้ง")
    QTest.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.current is not None
                    and page.current.status == "due", timeout=30_000)  # fmt: skip
    with context.read() as session:
        statuses = [session.get(Application, i).status for i in (first, second)]
        rejected = session.scalars(select(Payment).where(Payment.application_id == second)).one()
    assert statuses == ["ready_for_approval", "payment_due"]
    assert page.current.evidence_document_id is None and not page.verify_button.isEnabled()
    assert rejected.reason == "ยอดเงินในสลิปไม่ตรงกับที่แจ้ง"
    # English: the same page, the words in English.
    page.refresh()
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.title.text() == "Payments to verify", timeout=10_000)
        assert page.table.item(0, 4).text() == "Slip used before: check"
        assert page.slip.text() == "No slip yet: the applicant has not sent one."
        _shot(page, "fees_page_en")
    finally:
        i18n.apply_language("th")


def test_an_amount_typed_off_the_slip_says_what_will_happen_then_asks_for_the_rest(
    gui, qtbot, runner, context, ws, users
) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users, hour=9)
    slip = encoded(slip_image("004", "KB2026112400150"), "PNG")
    reply_with(context, app_id, "slip.png", slip, "image/png")
    assert match(context) == 1
    page = shown_fees_page(qtbot, ws, runner)
    qtbot.waitUntil(lambda: page.current is not None and page.paid.isEnabled(), timeout=30_000)
    page.paid.setFocus()
    QTest.keyClicks(page.paid, "150")
    assert page.paid_note.text() == (
        "น้อยกว่าค่าธรรมเนียม: ใบเสร็จจะออกเป็นเงิน 150.00 บาท "
        "และแจ้งผู้ยื่นให้ชำระส่วนที่เหลือ 50.00 บาท พร้อมหนังสือแจ้งชำระฉบับใหม่"
    )
    qtbot.waitUntil(lambda: not page.slip.pixmap().isNull(), timeout=30_000)
    qtbot.wait(100)  # wrapped labels take their height on the next turn of the loop
    _shot(page, "fees_page_short_th")
    QTest.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2570/000001" in page.error.text(), timeout=30_000)
    qtbot.waitUntil(lambda: page.current is not None and page.current.amount_satang == 5000,
                    timeout=30_000)  # fmt: skip
    assert page.current.status == "due" and page.paid.text() == "" and page.paid_note.text() == ""
    with context.read() as session:
        statuses = sorted(
            session.scalars(select(Payment.status).where(Payment.application_id == app_id))
        )
    assert statuses == ["due", "short"]
