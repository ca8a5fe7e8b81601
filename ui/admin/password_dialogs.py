"""Password dialogs: the one-time password shown once, and "change my password".

:class:`ChangePasswordDialog` is also the forced change after signing in with a one-time
password: then it cannot be skipped except by signing out. Passwords go to the services in
the database worker and are never logged; the fields are cleared when the dialog closes.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.api import AccountPort, IssuedPassword, SignedInUser
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = ["ChangePasswordDialog", "OneTimePasswordDialog"]

log = logging.getLogger(__name__)


class OneTimePasswordDialog(Retranslating, QDialog):
    """Shows an officer's one-time password once, with a button to copy it."""

    def __init__(self, issued: IssuedPassword, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OneTimePasswordDialog")
        self.setModal(True)
        self.setMinimumWidth(480)
        self._username = issued.username
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        layout.addWidget(self._intro)
        row = QHBoxLayout()
        self.password_label = named(QLabel(issued.password), "OneTimePassword")
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(16)
        font.setBold(True)
        self.password_label.setFont(font)
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.password_label, 1)
        self.copy_button = named(QPushButton(), "CopyPassword")
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self._note = named(QLabel(), "Muted")
        self._note.setWordWrap(True)
        layout.addWidget(self._note)
        self.close_button = named(QPushButton(), "Primary")
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("One-time password"))
        self._intro.setText(
            self.tr("The one-time password of {user} (shown only now):").format(user=self._username)
        )
        self.copy_button.setText(self.tr("&Copy"))
        self._note.setText(
            self.tr(
                "Give it to the officer in person. At their first sign-in they must choose "
                "their own password. It is not kept anywhere and cannot be shown again."
            )
        )
        self.close_button.setText(self.tr("I have handed it over"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password_label.text())
        self.copy_button.setText(self.tr("Copied"))

    def done(self, result: int) -> None:
        self.password_label.clear()  # shown once: nothing left in the widget afterwards
        super().done(result)


class ChangePasswordDialog(Retranslating, QDialog):
    """Current password, new password twice, the policy's rules; changes it in a worker.

    ``forced``: the officer signed in with a one-time password and must choose their own
    before anything else; the dialog then says so and offers "Sign out" instead of
    "Cancel".

    Signals:
        password_did_change(SignedInUser): the session after the change (no longer forced).
    """

    password_did_change = Signal(object)

    def __init__(
        self,
        port: AccountPort,
        runner: TaskRunner,
        user: SignedInUser,
        *,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ChangePasswordDialog")
        self.setModal(True)
        self.setMinimumWidth(500)
        self._port = port
        self._runner = runner
        self._user = user
        self._forced = forced
        self._busy = False
        self._rules = port.password_rules()  # plain data, no store involved
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(6)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        layout.addWidget(self._intro)
        layout.addSpacing(6)
        self._current_label = QLabel()
        self.current = named(QLineEdit(), "CurrentPassword")
        self._new_label = QLabel()
        self.new = named(QLineEdit(), "NewPassword")
        self._again_label = QLabel()
        self.again = named(QLineEdit(), "NewPasswordAgain")
        for label, field in (
            (self._current_label, self.current),
            (self._new_label, self.new),
            (self._again_label, self.again),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(256)
            label.setBuddy(field)
            field.textChanged.connect(self._update_enabled)
            layout.addWidget(label)
            layout.addWidget(field)
        self.rules_label = named(QLabel(), "Muted")
        self.rules_label.setWordWrap(True)
        layout.addWidget(self.rules_label)
        self.error = ErrorBox()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = named(QPushButton(), "Primary")
        self.ok_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.ok_button.setDefault(True)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.submit)
        self.retranslate()
        self._update_enabled()
        self.current.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        if self._forced:
            self._intro.setText(
                self.tr(
                    "{name}, you signed in with a one-time password. Choose your own password "
                    "before you start work."
                ).format(name=self._user.display_name or self._user.username)
            )
            self._current_label.setText(self.tr("&One-time password"))
            self.cancel_button.setText(self.tr("Sign out"))
        else:
            self._intro.setText(
                self.tr("Change the password of {user}.").format(user=self._user.username)
            )
            self._current_label.setText(self.tr("C&urrent password"))
            self.cancel_button.setText(self.tr("Cancel"))
        self._new_label.setText(self.tr("&New password"))
        self._again_label.setText(self.tr("New password &again"))
        th, en = self._rules
        self.rules_label.setText(th if i18n.current_language() == "th" else en)
        self.ok_button.setText(self.tr("Saving…") if self._busy else self.tr("Change password"))

    def _update_enabled(self) -> None:
        ready = all(f.text() for f in (self.current, self.new, self.again))
        self.ok_button.setEnabled(ready and not self._busy)

    def submit(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        if self.new.text() != self.again.text():
            self.error.show_message(
                "รหัสผ่านใหม่ที่พิมพ์สองครั้งไม่ตรงกัน — พิมพ์ใหม่อีกครั้ง",
                "The two new passwords differ. Type them again.",
            )
            self.adjustSize()
            self.again.clear()
            self.new.selectAll()
            self.new.setFocus()
            return
        self._busy = True
        self.error.clear()
        self.retranslate()
        self._update_enabled()
        port, user = self._port, self._user
        current, new = self.current.text(), self.new.text()
        self._runner.run(
            lambda: port.change_my_password(user, current, new),
            self._changed,
            owner=self,
            label="change_my_password",
        )

    def _changed(self, user: SignedInUser | None, error: Any) -> None:
        self._busy = False
        self.retranslate()
        if error is not None or user is None:
            self.error.show_error(
                error,
                fallback_th="เปลี่ยนรหัสผ่านไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
                fallback_en="The password could not be changed because of an internal error. "
                "Please tell your administrator.",
            )
            self.adjustSize()
            code = getattr(error, "code", "")
            field = self.current if code == "wrong_current_password" else self.new
            field.selectAll()
            field.setFocus()
            self._update_enabled()
            return
        log.info("user %s changed their password", user.username)
        self._clear()
        self.password_did_change.emit(user)
        self.accept()

    def _clear(self) -> None:
        for field in (self.current, self.new, self.again):
            field.clear()

    def reject(self) -> None:
        self._clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clear()
        super().closeEvent(event)

    @property
    def is_busy(self) -> bool:
        return self._busy
