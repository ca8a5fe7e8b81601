"""The main window's pages and review screen are made when first opened, and right then.

Signing in paints the window without them (most of the wait was building screens an officer
may not open this session); each is made the first time it is opened — in the language of
that moment, with what this officer may do, showing the store as it is then — and until
then nothing refreshes, re-words or clears it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from services.api import SignedInUser
from tests.conftest import STAFF_PASSWORD
from tests.ui.conftest import SCREENSHOTS, active_main_window, officer_types, register_one_more
from ui.common import i18n
from ui.common.changes import Changes
from ui.shell.main_window import MainWindow
from ui.shell.queue_pane import AUDIT, CATALOG, DASHBOARD, ISSUING, MONTHLY_REPORT, QUEUES

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LAZY = (DASHBOARD, CATALOG, ISSUING, MONTHLY_REPORT, AUDIT)


def _shot(widget: QWidget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"lazy-{name}.png"
    widget.grab().save(str(path))
    return path


def _nothing_made(window: MainWindow) -> bool:
    return window.review_if_built is None and all(
        window.page_set.built(name) is None for name in LAZY
    )


def test_signed_in_the_window_has_its_keys_but_no_page_made(
    qtbot, workstation, reviewer: SignedInUser, runner, settings, applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    _shot(window, "signed-in-th")
    assert _nothing_made(window)
    # The keys and menus are there from the first frame, as the officer's roles allow.
    assert window.dashboard_action.isEnabled() and window.catalog_action.isVisible()
    assert window.page_set.has(CATALOG) and window.page_set.has(DASHBOARD)
    assert not window.page_set.has("officers")  # a reviewer manages no officers
    assert not window.show_officers() and window.current_page() == QUEUES
    # Everything announced is read where it is shown; a page not made is not made by it.
    window.changes.announce(Changes.everything())
    qtbot.waitUntil(lambda: not window.model.is_loading, timeout=15000)
    assert _nothing_made(window)
    window.language_actions["en"].trigger()
    try:
        qtbot.waitUntil(lambda: window.dashboard_action.text() == "Dashboard", timeout=5000)
        assert _nothing_made(window)  # re-wording the window made none of them
        _shot(window, "signed-in-en")
    finally:
        i18n.apply_language("th")


def test_a_page_first_opened_shows_the_language_rights_and_data_of_that_moment(
    qtbot, workstation, reviewer: SignedInUser, runner, settings, applications, context, actors
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    register_one_more(context, actors)  # after the window was made, before the page is
    window.language_actions["en"].trigger()
    try:
        qtbot.waitUntil(lambda: window.dashboard_action.text() == "Dashboard", timeout=5000)
        qtbot.keyClick(window.table, Qt.Key.Key_D, ALT)
        page = window.page_set.built(DASHBOARD)
        assert page is window.dashboard and window.current_page() == DASHBOARD
        qtbot.waitUntil(lambda: window.dashboard.stats is not None, timeout=15000)
        assert window.dashboard.stats == workstation.shell.dashboard(reviewer)
        assert window.dashboard.title.text() == "Dashboard"
        # Made while the window was up: no window of its own flashed and took the keys.
        assert QApplication.activeWindow() is window
        _shot(window, "dashboard-first-open-en")

        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_K, ALT)
        assert window.current_page() == CATALOG
        catalog = window.catalog_page
        assert catalog is not None and catalog.title.text() == "Service catalog and holidays"
        qtbot.waitUntil(lambda: catalog.services.view() is not None, timeout=30000)
        # A reviewer reads the catalog; changing it is the administrator's (access table).
        assert not catalog.services.edit_button.isVisible()
        assert not catalog.services.import_button.isVisible()
        assert QApplication.activeWindow() is window
        _shot(window, "catalog-first-open-en")
        assert window.page_set.built(ISSUING) is None  # still only what was opened
    finally:
        i18n.apply_language("th")
    # Made in English, it re-words with the rest of the window.
    thai_title = "รายการบริการ (คู่มือประชาชน) และวันหยุดราชการ"
    qtbot.waitUntil(lambda: catalog.title.text() == thai_title, timeout=5000)
    assert window.dashboard.title.text() == window.dashboard_action.text() == "ภาพรวม"
    _shot(window, "catalog-after-switch-th")


def test_the_screen_lock_with_nothing_made_then_the_review_screen_made_after_it(
    qtbot, workstation, reviewer: SignedInUser, runner, settings, review_applications
) -> None:
    window = active_main_window(qtbot, workstation, reviewer, runner, settings, size=(1280, 720))
    assert window.lock_screen()
    assert window.screen_lock.stack.currentWidget() is window.screen_lock.panel
    assert _nothing_made(window)  # nothing to clear, and the lock makes nothing
    officer_types(STAFF_PASSWORD)
    qtbot.keyClick(window.screen_lock.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.screen_lock.is_locked, timeout=15000)
    assert _nothing_made(window)
    # The first request opened makes the screen, with the window still the active one.
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return, CTRL)
    review = window.review_if_built
    assert review is not None  # made by the key; shown once the claim is answered
    oldest_id, _ = review_applications[0]
    qtbot.waitUntil(lambda: review.detail is not None, timeout=15000)
    assert window.workspace.currentWidget() is review
    assert review.detail.row.id == oldest_id
    assert QApplication.activeWindow() is window
    # Locked now, the screen made holds a request: it is put away and brought back.
    assert window.lock_screen()
    assert review.viewer.application_id is None
    officer_types(STAFF_PASSWORD)
    qtbot.keyClick(window.screen_lock.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.screen_lock.is_locked, timeout=15000)
    qtbot.waitUntil(lambda: review.viewer.application_id == oldest_id, timeout=15000)


def test_a_screen_whose_build_failed_is_built_again_the_next_time(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.shell.lazy_widget import LazyWidget

    tries: list[int] = []

    def build() -> QLabel:
        tries.append(1)
        if len(tries) == 1:
            raise RuntimeError("the store was busy")
        return QLabel("made")

    made: list[QLabel] = []
    screen = LazyWidget(build)
    screen.when_built(made.append)
    with pytest.raises(RuntimeError):
        screen.get()
    assert screen.built is None and not made
    label = screen.get()  # opened again: built this time, and what waits for it runs once
    assert label.text() == "made" and made == [label] and len(tries) == 2
