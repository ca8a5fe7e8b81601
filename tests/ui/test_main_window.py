"""The main window over the real ports: queues, lazy list, details, language, layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import (
    APPLICATION_COUNT,
    UNCLASSIFIED_EVERY,
    active_main_window,
    register_one_more,
)
from ui.common import i18n, ui_settings
from ui.common.changes import Changes
from ui.shell.application_model import PAGE_SIZE, ROW_ROLE, Column
from ui.shell.main_window import MainWindow
from ui.shell.start import build_main_window_for

UNCLASSIFIED = len(range(0, APPLICATION_COUNT, UNCLASSIFIED_EVERY))
RECEIVED = APPLICATION_COUNT - UNCLASSIFIED


def _header_titles(window: MainWindow) -> list[str]:
    model = window.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_queues_show_their_counts(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    queues = {status: (label, count) for status, label, count in window.queues.queues()}
    assert queues[None] == ("คำขอทั้งหมด", APPLICATION_COUNT)
    assert queues["unclassified"] == ("รอจำแนกประเภท", UNCLASSIFIED)
    assert queues["received"] == ("รับเรื่องแล้ว", RECEIVED)
    assert window.queues.current_status() is None
    assert f"{APPLICATION_COUNT}" in window.count_label.text()


def test_list_loads_page_by_page_in_first_come_order(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    model = window.model
    assert APPLICATION_COUNT > PAGE_SIZE
    assert model.rowCount() == PAGE_SIZE
    assert model.total == APPLICATION_COUNT
    assert model.canFetchMore()
    window.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() == APPLICATION_COUNT, timeout=10000)
    assert not model.canFetchMore()
    shown = [model.row_at(r).tracking_number for r in range(model.rowCount())]
    assert shown == applications  # deemed-received order, as the service sorts
    first = window.table.model().index(0, Column.RECEIVED).data()
    assert first == "2 พ.ย. 2569 09:00"


def test_switching_queue_reloads_the_list(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    row = next(
        r for r, (status, _, _) in enumerate(window.queues.queues()) if status == "unclassified"
    )
    window.queues.select_row(row)
    qtbot.waitUntil(
        lambda: (
            window.model.status.filter.statuses == ("unclassified",) and not window.model.is_loading
        ),
        timeout=10000,
    )
    model = window.model
    assert model.rowCount() == UNCLASSIFIED
    assert {model.row_at(r).status for r in range(model.rowCount())} == {"unclassified"}
    assert window.queue_title.text() == "รอจำแนกประเภท"
    # Every row of a one-status queue says the same; the column makes room for the service.
    assert Column.STATUS not in window.visible_columns()


def test_alt_number_switches_queue(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    qtbot.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.queues.list.currentRow() == 1
    qtbot.waitUntil(
        lambda: window.model.status.filter.statuses == (window.queues.current_status(),),
        timeout=3000,
    )


def test_ctrl_f_searches_by_tracking_number_and_esc_returns_to_the_queue(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, applications[3])
    # One search after the typing pauses, answered by the store (not a filter of loaded rows).
    qtbot.waitUntil(lambda: window.model.total == 1 and not window.model.is_loading, timeout=5000)
    view_model = window.table.model()
    assert view_model.rowCount() == 1
    assert view_model.index(0, Column.TRACKING).data() == applications[3]
    assert window.queue_title.text() == f"ผลการค้นหา “{applications[3]}”"
    assert window.count_label.text() == "พบ 1 รายการ"
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.model.total == APPLICATION_COUNT, timeout=5000)
    assert window.search_edit.text() == ""
    assert window.table.hasFocus()
    assert window.queue_title.text() == "คำขอทั้งหมด"


def test_search_finds_by_a_thai_substring_across_pages(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    from tests.ui.conftest import type_text

    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    window.focus_search()
    type_text(window.search_edit, "ศรีสุ")  # part of "มาลี ศรีสุข"
    qtbot.waitUntil(
        lambda: window.model.total is not None and window.model.total < 200, timeout=5000
    )
    qtbot.waitUntil(lambda: not window.model.is_loading, timeout=5000)
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    assert rows and all("ศรีสุข" in row.applicant_name for row in rows)
    assert len(rows) == len(range(2, APPLICATION_COUNT, 4))  # every fourth applicant
    # Results keep first-come order, as the queues do.
    assert [r.tracking_number for r in rows] == sorted(r.tracking_number for r in rows)
    # Choosing a queue leaves the search.
    window.queues.select_row(1)
    qtbot.waitUntil(lambda: window.model.status.filter.statuses == ("unclassified",), timeout=5000)
    assert window.search_edit.text() == ""


def test_space_opens_the_row_in_the_detail_panel(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    assert window.detail.isHidden()
    table = window.table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert window.detail.isVisible()
    row = table.model().index(1, 0).data(ROW_ROLE)
    assert window.detail.application_id == row.id
    fields = window.detail.field_texts()
    assert fields["สถานะ"] == "รับเรื่องแล้ว"
    assert fields["ผู้ยื่นคำขอ"] == row.applicant_name
    assert fields["มาถึงเมื่อ"] == "2 พฤศจิกายน 2569 เวลา 09:07 น."
    assert window.splitter.sizes()[2] > 0
    # The open panel follows the cursor.
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.detail.application_id == table.model().index(2, 0).data(ROW_ROLE).id
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert window.detail.isHidden()


def test_enter_opens_the_detail_panel_for_officers_who_do_not_review(
    qtbot, workstation, intake_user, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, intake_user, runner, settings)
    table = window.table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.detail.isVisible()
    assert window.workspace.currentWidget() is window.splitter
    assert not window.next_action.isVisible()


def test_enter_opens_the_review_screen_for_reviewers(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    table = window.table
    table.setFocus()
    table.selectRow(1)  # the first classified request, the oldest of the reviewer's queue
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.workspace.currentWidget() is window.review
    row = table.model().index(1, 0).data(ROW_ROLE)
    qtbot.waitUntil(lambda: window.review.detail is not None, timeout=10000)
    assert window.review.detail.row.id == row.id


def test_language_switch_retranslates_the_window(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    assert _header_titles(window)[Column.TRACKING] == "เลขที่คำขอ"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.refresh_action.text() == "Refresh", timeout=3000)
    assert _header_titles(window)[: Column.SERVICE + 1] == [
        "Tracking no.",
        "Arrived",
        "Service",
    ]
    labels = [label for _, label, _ in window.queues.queues()]
    assert labels[:3] == ["All applications", "Unclassified", "Received"]
    assert window.table.model().index(0, Column.STATUS).data() == "Unclassified"
    assert window.table.model().index(0, Column.RECEIVED).data() == "2 Nov 2026 09:00"
    assert window.header.agency_label.text() == "Test Subdistrict Municipality"
    assert window.count_label.text().startswith(f"{APPLICATION_COUNT} applications")
    window.language_actions["th"].trigger()
    qtbot.waitUntil(lambda: window.refresh_action.text() == "รีเฟรช", timeout=3000)
    assert window.header.agency_label.text() == "เทศบาลตำบลทดสอบ"
    assert i18n.current_language() == "th"


def test_header_names_the_user_roles_and_station(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    qtbot.waitUntil(lambda: window.agency is not None, timeout=5000)
    assert window.header.user_label.text() == reviewer.display_name
    assert window.header.roles_label.text() == "ผู้ตรวจสอบ"
    assert reviewer.station_code in window.header.station_label.text()
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_refresh_reads_counts_and_list_again(
    qtbot, workstation, reviewer, runner, settings, applications, context, actors
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    register_one_more(context, actors)
    with qtbot.waitSignal(window.changes.changes_did_happen, timeout=3000) as announced:
        window.refresh_action.trigger()
    assert announced.args == [Changes.everything()]  # F5 goes through the one change hook
    qtbot.waitUntil(lambda: window.model.total == APPLICATION_COUNT + 1, timeout=10000)
    queues = {status: count for status, _, count in window.queues.queues()}
    assert queues[None] == APPLICATION_COUNT + 1


def test_an_announced_change_to_the_lists_reads_them_again(
    qtbot, workstation, reviewer, runner, settings, applications, context, actors
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    register_one_more(context, actors)
    window.changes.announce(Changes(quarantine=True))  # not the lists: nothing read again
    window.changes.announce(Changes(lists=True))
    qtbot.waitUntil(lambda: window.model.total == APPLICATION_COUNT + 1, timeout=10000)
    queues = {status: count for status, _, count in window.queues.queues()}
    assert queues[None] == APPLICATION_COUNT + 1


def test_geometry_and_splitter_are_remembered(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    window.resize(760, 560)  # the offscreen screen is 800x600; geometry is kept on screen
    window.splitter.setSizes([260, 500, 0])
    window.close()
    assert not ui_settings.read(settings, ui_settings.MAIN_GEOMETRY).isEmpty()
    settings.sync()
    reopened = QSettings(settings.fileName(), settings.format())
    again = active_main_window(qtbot, workstation, reviewer, runner, reopened, size=None)
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes()[0] == 260


def test_columns_make_room_for_the_detail_panel_and_come_back(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    assert window.visible_columns() == list(Column)  # all eight fit at 1366 px
    window.open_detail(window.model.row_at(0))
    qtbot.waitUntil(lambda: Column.NATIONAL_ID not in window.visible_columns(), timeout=3000)
    assert Column.SERVICE in window.visible_columns()
    window.detail.close_panel()
    qtbot.waitUntil(lambda: window.visible_columns() == list(Column), timeout=3000)


def test_demo_profile_is_announced(qtbot, workstation, reviewer, runner, settings) -> None:
    window = build_main_window_for(workstation, reviewer, runner, settings, demo_warning=True)
    qtbot.addWidget(window)
    window.show()
    assert window.demo_banner.isVisible()
    assert "ตัวอย่าง" in window.windowTitle()


def test_a_failed_read_is_explained_inline_and_can_be_retried(
    qtbot, workstation, reviewer, runner, settings, applications, context, data_dir
) -> None:
    from services.store.engine import DB_FILE

    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    # The database file goes away (a pulled disk, a share that dropped).
    context.store.close()
    moved = data_dir / "moved-away.db"
    (data_dir / DB_FILE).rename(moved)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: window.error_box.text() != "", timeout=10000)
    thai, english = window.error_box.text().split("\n")
    assert thai.startswith("อ่านรายการคิวงานไม่ได้")
    assert english.startswith("Could not read the queues")
    assert QApplication.activeModalWidget() is None
    # Back in place, "Try again" recovers without restarting.
    context.store.close()
    (data_dir / DB_FILE).unlink(missing_ok=True)
    moved.rename(data_dir / DB_FILE)
    retry = next(b for b in window.error_box.findChildren(QPushButton) if b.isVisible())
    retry.click()
    qtbot.waitUntil(lambda: window.error_box.isHidden(), timeout=10000)
    assert window.model.total == APPLICATION_COUNT


def test_a_holiday_list_running_out_is_announced(
    qtbot, workstation, reviewer, runner, settings, context
) -> None:
    from datetime import UTC, datetime

    from services.kernel.clock import FixedClock

    window = build_main_window_for(workstation, reviewer, runner, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.holiday_banner.isVisible()  # November 2026: 2026 and 2027 are listed

    context.clock = FixedClock(datetime(2027, 10, 4, 3, 0, tzinfo=UTC))  # no 2028 list yet
    later = build_main_window_for(workstation, reviewer, runner, settings)
    qtbot.addWidget(later)
    later.show()
    assert later.holiday_banner.isVisible()
    assert "พ.ศ. 2571" in later.holiday_banner.text()  # Thai, the default language


def _row_is_whole(row) -> None:
    """Every button and label of ``row`` as wide as its words (a button also its icon)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    for widget in row.findChildren(QAbstractButton) + row.findChildren(QLabel):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QAbstractButton):
            needed = widget.sizeHint().width()
        else:
            shown = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = widget.fontMetrics().horizontalAdvance(shown)
        assert widget.width() >= needed, (widget.text(), widget.width(), needed)


def test_the_header_rows_speak_the_new_language_whole_in_the_first_frame(
    qtbot, workstation, intake_user, runner, settings, applications
) -> None:
    from PySide6.QtWidgets import QToolButton

    from tests.ui.conftest import SCREENSHOTS

    window = active_main_window(qtbot, workstation, intake_user, runner, settings, size=None)
    window.resize(1280, 720)
    list_page = window.queue_title.parentWidget()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language in ("en", "th", "en"):
        i18n.apply_language(language)
        QApplication.processEvents()  # one turn: the frame right after the switch
        english = language == "en"
        assert window.queue_title.text() == ("All applications" if english else "คำขอทั้งหมด")
        assert window.counter_button.text() == (
            "New counter request" if english else "รับคำขอที่เคาน์เตอร์"
        )
        buttons = {b.text() for b in window.header.findChildren(QToolButton) if b.isVisible()}
        assert ("Refresh" if english else "รีเฟรช") in buttons
        _row_is_whole(window.header)
        _row_is_whole(list_page)
        window.grab().save(str(SCREENSHOTS / f"header_first_frame_{language}.png"))
    i18n.apply_language("th")
