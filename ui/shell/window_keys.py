"""What the main window's menu entries and keys do: each action wired to the window's
method, the menus built, and the keys that are not menu entries (Alt+1…9 for the queues,
Space for the quick look).

The actions themselves, with their words and keys, are :class:`~ui.shell.actions.WindowActions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from ui.common import i18n

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["add_catalog_action", "build_menus", "connect_actions", "add_window_keys"]


def connect_actions(window: MainWindow) -> None:
    """Each of the window's actions to what it does."""
    window.refresh_action.triggered.connect(window.refresh)
    window.sign_out_action.triggered.connect(window.sign_out)
    window.lock_action.triggered.connect(window.lock_screen)
    window.quit_action.triggered.connect(window.close)
    window.find_action.triggered.connect(window.focus_search)
    window.next_action.triggered.connect(window.open_next)
    window.dashboard_action.triggered.connect(window.show_dashboard)
    window.help_action.triggered.connect(window.toggle_shortcuts)
    window.counter_action.triggered.connect(window.open_counter_form)
    window.quarantine_action.triggered.connect(window.show_quarantine)
    window.not_requests_action.triggered.connect(window.show_not_requests)
    window.officers_action.triggered.connect(window.show_officers)
    window.settings_action.triggered.connect(window.show_settings)
    window.change_password_action.triggered.connect(window.change_password)
    for code, action in window.language_actions.items():
        action.triggered.connect(lambda _=False, c=code: i18n.apply_language(c))


def add_catalog_action(window: MainWindow, visible: bool) -> QAction:
    """The catalog page's key lives here (not in WindowActions): every officer has it."""
    action = QAction(window)
    action.setShortcut(QKeySequence("Alt+K"))
    action.setVisible(visible)
    action.setEnabled(visible)
    action.triggered.connect(window.show_catalog)
    window.addAction(action)
    return action


def build_menus(window: MainWindow, *, with_catalog: bool) -> None:
    actions = window.window_actions
    actions.build_menus(window.menuBar(), window.sync_action, window)
    if with_catalog:
        menu = actions.view_menu
        menu.insertAction(menu.actions()[-3], window.catalog_action)  # before the separator


def add_window_keys(window: MainWindow) -> list[QShortcut]:
    """Alt+1..9 choose the queue in that position (Alt+1 is "All applications"); Space on
    the list opens the quick look. Returns the queue shortcuts (kept by the window)."""
    queue_keys = []
    for number in range(1, 10):
        shortcut = QShortcut(QKeySequence(f"Alt+{number}"), window)
        shortcut.activated.connect(lambda n=number: window.queues.select_row(n - 1))
        queue_keys.append(shortcut)
    peek = QShortcut(QKeySequence(Qt.Key.Key_Space), window.table)
    peek.setContext(Qt.ShortcutContext.WidgetShortcut)
    peek.activated.connect(window.toggle_detail)
    for action in window.window_actions.window_keys(window.sync_action):
        window.addAction(action)
    return queue_keys
