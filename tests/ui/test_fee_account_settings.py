"""The fee account section of the settings page on real widgets over a real store: typed as
an administrator types, a mistyped PromptPay ID is refused with what it must be and nothing
is saved; the right one is saved with an event and printed on the next notice's QR.
Screenshots in Thai and English."""

# ruff: noqa: F401, F811  (fixtures imported from test_settings_page)
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from services.fees.account import read_account
from tests.ui.test_settings_page import _events, _page, _type_into, ports, shot, window
from ui.admin.settings_page import FEES
from ui.common import i18n


def test_the_fee_account_is_typed_checked_and_saved(qtbot, window, context, gui) -> None:
    page = _page(window)
    page.show_section(FEES)
    form, panel = page.fee_form, page.panel(FEES)
    _type_into(form.account_name_th, "เทศบาลตำบลทดสอบ (เงินรายได้)")
    _type_into(form.bank_name_th, "ธนาคารกรุงไทย สาขาหนองคาย")
    _type_into(form.bank_name_en, "Krung Thai Bank, Nong Khai")
    _type_into(form.account_number, "123-4-56789-0")
    form.promptpay_kind.setCurrentIndex(form.promptpay_kind.findData("bill_payment"))
    _type_into(form.promptpay_id, "12345")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.save_button.isEnabled() and bool(panel.result.text()), timeout=30000
    )
    assert "รหัสพร้อมเพย์ '12345' ใช้ไม่ได้" in panel.result.text() and not panel.result.ok
    assert _events(context, "fees.account_set") == []
    _type_into(form.promptpay_id, "099400015804500")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.ok, timeout=30000)
    (event,) = _events(context, "fees.account_set")
    assert event["changed"]["promptpay_id"]["to"] == "099400015804500"
    with context.read() as session:
        account = read_account(session)
    assert (account.account_number, account.promptpay_kind) == ("123-4-56789-0", "bill_payment")
    assert account.bank_name_th == "ธนาคารกรุงไทย สาขาหนองคาย"
    qtbot.wait(50)
    shot(window, "fee-account-th")
    i18n.apply_language("en", gui)
    try:
        QApplication.processEvents()
        assert panel.heading.text() == "Fee account"
        qtbot.wait(100)  # the labels' new widths are laid out on the next turn of the loop
        shot(window, "fee-account-en")
    finally:
        i18n.apply_language("th", gui)
