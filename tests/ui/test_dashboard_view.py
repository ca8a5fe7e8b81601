"""The dashboard page over the real ports: tiles, tables and the chart show the store's
numbers, and Alt+D reaches it from anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import APPLICATION_COUNT, UNCLASSIFIED_EVERY, active_main_window
from ui.shell.queue_pane import DASHBOARD

CLASSIFIED = APPLICATION_COUNT - len(range(0, APPLICATION_COUNT, UNCLASSIFIED_EVERY))


def test_alt_d_shows_the_store_numbers(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == DASHBOARD
    view = window.dashboard
    qtbot.waitUntil(lambda: view.stats is not None and not view.is_loading, timeout=10000)
    expected = workstation.shell.dashboard(reviewer)
    tiles = view.tile_numbers()
    assert tiles["pending"] == f"{APPLICATION_COUNT:,}"  # every request is open, none waits
    assert tiles["waiting_applicant"] == "0"
    for key in ("new_today", "overdue", "at_risk", "due_this_week"):
        assert tiles[key] == f"{getattr(expected, key):,}", key
    assert view.tiles["pending"].label.text() == "ระหว่างดำเนินการ"
    services = {
        view.service_table.item(r, 0).text(): view.service_table.item(r, 1).text()
        for r in range(view.service_table.rowCount())
    }
    food = "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร (พื้นที่เกิน 200 ตารางเมตร)"
    assert services[food] == f"{CLASSIFIED:,}"
    assert len(view.chart.days()) == 14
    assert view.chart.days() == expected.new_by_day


def test_dashboard_follows_a_refresh(
    qtbot, workstation, reviewer, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings)
    window.show_dashboard()
    view = window.dashboard
    qtbot.waitUntil(lambda: view.stats is not None and not view.is_loading, timeout=10000)
    # The reviewer takes the oldest request: the officer table names them.
    row = workstation.review.next_application(reviewer, None)
    assert row is not None
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: view.stats is not None and view.stats.per_officer != (), timeout=10000)
    names = [view.officer_table.item(r, 0).text() for r in range(view.officer_table.rowCount())]
    assert reviewer.display_name in names
    # Choosing a queue goes back to the list.
    window.queues.select_row(0)
    assert window.current_page() == ""
