"""The issuing page's "Licences issued" list searched on real widgets over a real profile: a
register of 321 licences shows its newest hundred with the count; the supervisor types a
paper licensee's Thai name key by key and finds a licence from 2541 that no page of the
list reached, revokes it, and it stays found and chosen. Filters and an empty search say
what they show in Thai and English. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from services.api.approval import SigningSettings
from services.api.ports import build_ports
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_licence_search import OLD_PAPER, fill_register
from tests.ui.conftest import officer_types
from tests.ui.issuing_steps import add_supervisor, issuing_page, opened, shot
from ui.common import i18n


def test_a_supervisor_finds_an_old_paper_licence_by_its_thai_name_and_revokes_it(
    gui, qtbot, runner, context
) -> None:
    ports = build_ports(context, signing=SigningSettings())
    assert ports.issuing is not None
    add_supervisor(context)
    supervisor = ports.shell.sign_in("super", STAFF_PASSWORD)
    fill_register(context, system=240, paper=80)
    ports.issuing.register_paper(supervisor, OLD_PAPER)
    page = issuing_page(qtbot, ports, supervisor, runner)
    qtbot.waitUntil(lambda: page.issued.rowCount() == 100, timeout=30_000)
    assert page.count_label.text() == "แสดง 100 จาก 321 ใบอนุญาต"
    assert page.more_button.isVisible()
    numbers = [page.issued.item(r, 0).text() for r in range(page.issued.rowCount())]
    assert numbers[0] == "1/2569" and "ทม 7/2541" not in numbers
    assert page.issued.item(1, 5).text() == "X-XXXX-XXXXX-34-2"  # the holder's ID, masked
    shot(page, "issuing_licence_list_th")
    QTest.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.issued.rowCount() == 200, timeout=30_000)
    assert page.count_label.text() == "แสดง 200 จาก 321 ใบอนุญาต"

    # Typed whole, as at the desk: one search after the pause, not one per letter.
    page.filters.search.setFocus()
    qtbot.waitUntil(page.filters.search.hasFocus, timeout=5_000)
    officer_types("วิไล ศรีสุข")
    assert page.filters.search.text() == "วิไล ศรีสุข"
    qtbot.waitUntil(lambda: page.issued.rowCount() == 1, timeout=30_000)

    def row(r: int) -> list[str]:
        return [page.issued.item(r, c).text() for c in range(page.issued.columnCount())]

    assert row(0) == ["ทม 7/2541", "ร้านขายยาเภสัชสมบูรณ์ โดย นางสาววิไล ศรีสุข",
                      "ใบอนุญาตขายยาแผนปัจจุบัน", "ใช้ได้",
                      "ใบอนุญาตฉบับกระดาษ ลงทะเบียนด้วยมือ", ""]  # fmt: skip
    assert page.count_label.text() == "แสดง 1 จาก 1 ใบอนุญาต" and page.more_button.isHidden()
    page.issued.setFocus()
    page.issued.selectRow(0)
    shot(page, "issuing_licence_search_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.count_label.text() == "Showing 1 of 1 licences", timeout=5_000)
        assert row(0)[3] == "Valid" and page.more_button.text() == "&More…"
        assert page.filters.search.placeholderText().startswith("Find a licence")
        shot(page, "issuing_licence_search_en")
    finally:
        i18n.apply_language("th")

    # The found row is revoked as any other.
    assert page.revoke_button.isEnabled()
    QTest.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, lambda: page.steps.revoke_dialog)
    dialog.activateWindow()
    dialog.reason.setFocus()
    qtbot.waitUntil(dialog.reason.hasFocus, timeout=5_000)
    officer_types("ร้านปิดกิจการแล้ว ผู้รับอนุญาตคืนใบอนุญาตฉบับจริง")
    QTest.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: row(0)[3] == "ถูกเพิกถอน", timeout=30_000)
    # Still found by the same search, and still the chosen row after the refresh.
    assert page.issued.rowCount() == 1 and "ทม 7/2541" in page.notice.text()
    assert [i.row() for i in page.issued.selectionModel().selectedRows()] == [0]
    assert not page.revoke_button.isEnabled()
    check = ports.issuing.check_typed(supervisor, "ทม 7/2541")
    assert check.entry is not None and check.entry.status == "revoked"

    # A status filter applies at once, with the search cleared.
    page.filters.search.clear()
    page.filters.status.setCurrentIndex(page.filters.status.findData("paper"))
    qtbot.waitUntil(lambda: page.count_label.text() == "แสดง 81 จาก 81 ใบอนุญาต", timeout=30_000)
    assert all("ฉบับกระดาษ" in page.issued.item(r, 4).text() for r in range(81))
    page.filters.status.setCurrentIndex(0)
    page.filters.expiring.setChecked(True)
    qtbot.waitUntil(lambda: page.issued.rowCount() == 3, timeout=30_000)
    assert [page.issued.item(r, 0).text() for r in range(3)] == ["1/2569", "6/2569", "16/2569"]
    page.filters.expiring.setChecked(False)

    # A range of days typed in Thai, key by key: issued 18–24 November 2569 (Bangkok days).
    bar = page.filters
    page.activateWindow()
    bar.date_from.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.date_from.hasFocus, timeout=5_000)
    officer_types("18/11/2569")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(bar.date_to.hasFocus, timeout=5_000)
    officer_types("24/11/2569")
    QTest.keyClick(bar.date_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.count_label.text() == "แสดง 7 จาก 7 ใบอนุญาต", timeout=30_000)
    issued_that_week = [page.issued.item(r, 0).text() for r in range(7)]
    assert issued_that_week == [f"{n}/2569" for n in range(1, 8)]
    shot(page, "issuing_licence_dates_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: bar.date_to.text() == "24/11/2026", timeout=5_000)
        assert bar.date_kind.currentText() == "Issued from"
        shot(page, "issuing_licence_dates_en")
    finally:
        i18n.apply_language("th")
    qtbot.waitUntil(lambda: bar.date_to.text() == "24/11/2569", timeout=5_000)
    # The same days as expiry days: the old paper licence expiring on 31 December 2569.
    bar.date_kind.setCurrentIndex(bar.date_kind.findData("expires"))
    for field in (bar.date_from, bar.date_to):
        field.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(field.hasFocus, timeout=5_000)
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        officer_types("31/12/2569")
        QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.count_label.text() == "แสดง 1 จาก 1 ใบอนุญาต", timeout=30_000)
    assert page.issued.item(0, 0).text() == "ทม 7/2541"
    # A range that ends before it starts is said under the row; the list is not re-read.
    bar.date_from.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(bar.date_from, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    officer_types("1/1/2570")
    QTest.keyClick(bar.date_from, Qt.Key.Key_Return)
    qtbot.waitUntil(bar.date_error.isVisible, timeout=5_000)
    assert "ช่วงวันที่เริ่มหลังวันสุดท้าย" in bar.date_error.text()
    assert page.issued.item(0, 0).text() == "ทม 7/2541"
    shot(page, "issuing_licence_dates_wrong_th")
    # Emptied, both bounds go: the whole register again.
    for field in (bar.date_from, bar.date_to):
        field.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(field, Qt.Key.Key_Delete)
        QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.count_label.text() == "แสดง 100 จาก 321 ใบอนุญาต", timeout=30_000)
    assert bar.date_error.isHidden() and not bar.is_filtered()

    # Nothing found says so, in either language.
    page.activateWindow()
    page.filters.search.setFocus()
    qtbot.waitUntil(page.filters.search.hasFocus, timeout=5_000)
    officer_types("ไม่มีชื่อนี้ในทะเบียน")
    qtbot.waitUntil(lambda: page.issued.rowCount() == 0, timeout=30_000)
    assert page.issued_empty.text().startswith("ไม่พบใบอนุญาตที่ตรงกับคำค้น")
    assert page.issued_empty.isVisible() and page.count_label.text() == ""
    shot(page, "issuing_licence_search_empty_th")
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(
            lambda: page.issued_empty.text().startswith("No licence matches this search"),
            timeout=5_000,
        )
        shot(page, "issuing_licence_search_empty_en")
    finally:
        i18n.apply_language("th")
