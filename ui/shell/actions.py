"""The main window's actions (what the menus, the header band and the keys trigger) and its menus.

Built once per window; the window connects each action to what it does. The words are in the
"MainWindow" translation context, where they have always been.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

__all__ = ["WindowActions"]


class WindowActions(QObject):
    """Every action of the main window, with its keys; what an officer may not do stays
    hidden and disabled (the window asks the services' access table)."""

    def __init__(
        self,
        parent: QWidget,
        icon: Callable[[str], QIcon],
        *,
        can_review: bool,
        can_take_next: bool,
        can_register: bool,
        can_quarantine: bool,
        can_manage_officers: bool,
        has_accounts: bool,
        can_manage_settings: bool = False,
        can_see_not_requests: bool = False,
    ) -> None:
        super().__init__(parent)
        self.can_review = can_review
        self.can_register = can_register
        self.can_quarantine = can_quarantine
        self.can_see_not_requests = can_see_not_requests
        self.can_manage_officers = can_manage_officers
        self.has_accounts = has_accounts
        self.refresh = QAction(icon("refresh"), "", parent)
        self.refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh.setIconVisibleInMenu(False)
        self.sign_out = QAction(icon("sign_out"), "", parent)
        self.sign_out.setIconVisibleInMenu(False)
        self.lock = QAction(icon("lock"), "", parent)
        self.lock.setShortcut(QKeySequence("Ctrl+L"))
        self.lock.setIconVisibleInMenu(False)
        self.quit = QAction("", parent)
        self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.find = QAction("", parent)
        self.find.setShortcut(QKeySequence("Ctrl+F"))
        self.next = QAction(icon("next_item"), "", parent)
        self.next.setShortcuts(
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"), QKeySequence("F2")]
        )
        self.next.setIconVisibleInMenu(False)
        self.next.setVisible(can_take_next)
        self.next.setEnabled(can_take_next)
        self.dashboard = QAction(icon("dashboard"), "", parent)
        self.dashboard.setShortcut(QKeySequence("Alt+D"))
        self.dashboard.setIconVisibleInMenu(False)
        self.help = QAction(icon("keyboard"), "", parent)
        self.help.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        self.help.setIconVisibleInMenu(False)
        self.counter = QAction(icon("counter"), "", parent)
        self.counter.setShortcut(QKeySequence("Ctrl+N"))
        self.counter.setIconVisibleInMenu(False)
        self.counter.setVisible(can_register)
        self.counter.setEnabled(can_register)
        self.quarantine = QAction("", parent)
        self.quarantine.setShortcut(QKeySequence("Alt+Q"))
        self.quarantine.setVisible(can_quarantine)
        self.quarantine.setEnabled(can_quarantine)
        self.not_requests = QAction("", parent)
        self.not_requests.setShortcut(QKeySequence("Alt+N"))
        self.not_requests.setVisible(can_see_not_requests)
        self.not_requests.setEnabled(can_see_not_requests)
        self.officers = QAction("", parent)
        self.officers.setShortcut(QKeySequence("Alt+O"))
        self.officers.setVisible(can_manage_officers)
        self.officers.setEnabled(can_manage_officers)
        self.can_manage_settings = can_manage_settings
        self.settings = QAction("", parent)
        self.settings.setShortcut(QKeySequence("Ctrl+,"))
        self.settings.setVisible(can_manage_settings)
        self.settings.setEnabled(can_manage_settings)
        self.change_password = QAction("", parent)
        self.change_password.setVisible(has_accounts)
        self.change_password.setEnabled(has_accounts)

        self.language_group = QActionGroup(parent)
        self.language_group.setExclusive(True)
        self.languages: dict[str, QAction] = {}
        for code, name in (("th", "ไทย"), ("en", "English")):
            action = QAction(name, parent, checkable=True)
            self.language_group.addAction(action)
            self.languages[code] = action

    def build_menus(self, bar: QMenuBar, sync: QAction, parent: QWidget) -> None:
        """The File and View menus (and the language menu the header band shows too)."""
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.refresh)
        self.file_menu.addAction(sync)
        if self.can_review:
            self.file_menu.addAction(self.next)
        if self.can_register:
            self.file_menu.addAction(self.counter)
        self.file_menu.addSeparator()
        if self.has_accounts:
            self.file_menu.addAction(self.change_password)
        self.file_menu.addAction(self.lock)
        self.file_menu.addAction(self.sign_out)
        self.file_menu.addAction(self.quit)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.find)
        self.view_menu.addAction(self.dashboard)
        if self.can_quarantine:
            self.view_menu.addAction(self.quarantine)
        if self.can_see_not_requests:
            self.view_menu.addAction(self.not_requests)
        if self.can_manage_officers:
            self.view_menu.addAction(self.officers)
        if self.can_manage_settings:
            self.view_menu.addAction(self.settings)
        self.language_menu = QMenu(parent)
        for action in self.languages.values():
            self.language_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.language_menu)
        self.view_menu.addAction(self.help)

    def window_keys(self, sync: QAction) -> list[QAction]:
        """The actions whose keys work anywhere in the window."""
        keys = [self.find, self.next, self.dashboard, self.help, self.refresh, self.quit, sync]
        keys.append(self.lock)
        if self.can_register:
            keys.append(self.counter)
        if self.can_quarantine:
            keys.append(self.quarantine)
        if self.can_see_not_requests:
            keys.append(self.not_requests)
        return keys

    def retranslate(self, language: str) -> None:
        for code, action in self.languages.items():
            action.setChecked(code == language)
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.refresh.setText(QCoreApplication.translate("MainWindow", "Refresh"))
        self.refresh.setToolTip(
            QCoreApplication.translate("MainWindow", "Read the queues again (F5)")
        )
        self.sign_out.setText(QCoreApplication.translate("MainWindow", "Sign out"))
        self.quit.setText(QCoreApplication.translate("MainWindow", "Quit"))
        self.lock.setText(QCoreApplication.translate("MainWindow", "Lock the screen"))
        self.lock.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Hide the screen until you type your password again (Ctrl+L)"
            )
        )
        self.find.setText(QCoreApplication.translate("MainWindow", "Search"))
        self.next.setText(QCoreApplication.translate("MainWindow", "Next request"))
        self.next.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Take the oldest waiting request (Ctrl+Enter, F2)"
            )
        )
        self.dashboard.setText(QCoreApplication.translate("MainWindow", "Dashboard"))
        self.dashboard.setToolTip(
            QCoreApplication.translate("MainWindow", "Today's numbers at a glance (Alt+D)")
        )
        self.help.setText(QCoreApplication.translate("MainWindow", "Keyboard shortcuts"))
        self.help.setToolTip(
            QCoreApplication.translate("MainWindow", "Show the keys for everything frequent (F1)")
        )
        self.counter.setText(QCoreApplication.translate("MainWindow", "New counter request"))
        self.counter.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Register a request brought to the counter or phoned in (Ctrl+N)"
            )
        )
        self.quarantine.setText(QCoreApplication.translate("MainWindow", "Quarantine"))
        self.quarantine.setToolTip(
            QCoreApplication.translate("MainWindow", "Files held back at intake (Alt+Q)")
        )
        self.officers.setText(QCoreApplication.translate("MainWindow", "Officers"))
        self.officers.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Officers' accounts, roles and passwords (Alt+O)"
            )
        )
        self.settings.setText(QCoreApplication.translate("MainWindow", "Settings"))
        self.settings.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "The agency, mailbox, SMTP, drive, token (Ctrl+,)"
            )
        )
        self.change_password.setText(
            QCoreApplication.translate("MainWindow", "Change my password…")
        )
        self.not_requests.setText(QCoreApplication.translate("MainWindow", "Not requests"))
        self.not_requests.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Mail set aside as not requests: bounces, auto-replies, newsletters (Alt+N)",
            )
        )
