"""The administrator's officers page: every account with its roles and state, and the
buttons to add an officer, change roles, deactivate or activate, reset a password, unlock.

Which buttons apply is read from the selected account's state; whether the page exists at
all is the access table's answer (``Action.MANAGE_OFFICERS``), asked by the main window.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import AdminPort, IssuedPassword, OfficerAccount, SignedInUser
from ui.admin.officer_dialogs import (
    DeactivateDialog,
    NewOfficerDialog,
    ResetPasswordDialog,
    RolesDialog,
)
from ui.admin.password_dialogs import OneTimePasswordDialog
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.formatting import roles_text
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tables import choice_table
from ui.common.tasks import TaskRunner

__all__ = ["OfficersPage"]

log = logging.getLogger(__name__)

_FALLBACK = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be done because of an internal error. Please tell your administrator.",
)


class OfficersPage(Retranslating, QWidget):
    """The officers list and its actions.

    Signals:
        officers_did_change(): an account was added or changed (the list was reloaded).
    """

    officers_did_change = Signal()

    def __init__(
        self, port: AdminPort, runner: TaskRunner, user: SignedInUser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OfficersPage")
        self._port = port
        self._runner = runner
        self._user = user
        self._rows: list[OfficerAccount] = []
        self.dialog: Any = None  # the dialog open now (tests drive it)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = named(QLabel(), "SectionTitle")
        layout.addWidget(self.title)
        self.error = ErrorBox()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = named(QPushButton(), "Primary")
        self.roles_button = QPushButton()
        self.deactivate_button = QPushButton()
        self.activate_button = QPushButton()
        self.reset_button = QPushButton()
        self.unlock_button = QPushButton()
        for button, slot in (
            (self.add_button, self.add_officer),
            (self.roles_button, self.edit_roles),
            (self.deactivate_button, self.deactivate),
            (self.activate_button, self.activate),
            (self.reset_button, self.reset_password),
            (self.unlock_button, self.unlock),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = choice_table("OfficersTable", 6, stretch=2)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._update_buttons()

    # -- text ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Officers"))
        self.add_button.setText(self.tr("&Add officer…"))
        self.roles_button.setText(self.tr("&Roles…"))
        self.deactivate_button.setText(self.tr("&Deactivate…"))
        self.activate_button.setText(self.tr("Ac&tivate"))
        self.reset_button.setText(self.tr("Reset &password"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Position"),
                self.tr("Roles"),
                self.tr("State"),
                self.tr("Last sign-in"),
            ]
        )
        self._fill()

    def state_text(self, row: OfficerAccount) -> str:
        if not row.active:
            return self.tr("Deactivated")
        if row.locked:
            return self.tr("Locked")
        if row.must_change_password:
            return self.tr("Must change password")
        return self.tr("Active")

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        port, user = self._port, self._user
        self._runner.run(lambda: port.officers(user), self._loaded, owner=self, label="officers")

    def _loaded(self, rows: list[OfficerAccount] | None, error: BaseException | None) -> None:
        if error is not None or rows is None:
            self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
            return
        selected = self.selected()
        self._rows = rows
        self._fill()
        if selected is not None:
            self.select(selected.username)
        self._update_buttons()

    def _fill(self) -> None:
        from services.api import format_english_date, format_thai_date

        thai = i18n.current_language() == "th"
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            seen = ""
            if row.last_sign_in_at is not None:
                formatter = format_thai_date if thai else format_english_date
                seen = formatter(row.last_sign_in_at, with_time=True, short=True)
            name = row.name_th if thai or not row.name_en else row.name_en
            cells = (
                row.username,
                name,
                row.position_th,
                roles_text(frozenset(row.roles)),
                self.state_text(row),
                seen,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not row.active:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(index, column, item)

    def rows(self) -> list[OfficerAccount]:
        return list(self._rows)

    def selected(self) -> OfficerAccount | None:
        index = self.table.currentRow()
        if 0 <= index < len(self._rows) and self.table.selectionModel().hasSelection():
            return self._rows[index]
        return None

    def select(self, username: str) -> bool:
        for index, row in enumerate(self._rows):
            if row.username == username:
                self.table.selectRow(index)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        self.roles_button.setEnabled(row is not None)
        self.deactivate_button.setEnabled(row is not None and row.active)
        self.activate_button.setEnabled(row is not None and not row.active)
        self.reset_button.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and (row.locked or row.failed_attempts > 0))

    # -- actions ------------------------------------------------------------------------

    def _open(self, dialog: Any) -> None:
        self.error.clear()
        self.dialog = dialog
        dialog.action_did_succeed.connect(self._dialog_succeeded)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _dialog_succeeded(self, result: Any) -> None:
        self._changed()
        if isinstance(result, IssuedPassword):
            # After the form has closed, so only the password dialog is on screen.
            self._show_one_time(result)

    def _show_one_time(self, issued: IssuedPassword) -> None:
        dialog = OneTimePasswordDialog(issued, self)
        self.one_time_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _changed(self) -> None:
        self.refresh()
        self.officers_did_change.emit()

    def add_officer(self) -> None:
        self._open(NewOfficerDialog(self._port, self._runner, self._user, self))

    def edit_roles(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(RolesDialog(self._port, self._runner, self._user, row, self))

    def deactivate(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(DeactivateDialog(self._port, self._runner, self._user, row, self))

    def activate(self) -> None:
        row = self.selected()
        if row is not None:
            port, user, name = self._port, self._user, row.username
            self._run(lambda: port.activate(user, name), "activate")

    def reset_password(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(ResetPasswordDialog(self._port, self._runner, self._user, row, self))

    def unlock(self) -> None:
        row = self.selected()
        if row is not None:
            port, user, name = self._port, self._user, row.username
            self._run(lambda: port.unlock(user, name), "unlock")

    def _run(self, fn: Any, label: str) -> None:
        self.error.clear()

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.error.show_error(error, fallback_th=_FALLBACK[0], fallback_en=_FALLBACK[1])
                return
            self._changed()

        self._runner.run(fn, done, owner=self, label=label)
