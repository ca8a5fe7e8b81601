"""What a locked window shows instead of its content: who is signed in, and a password field.

The panel only collects: the password goes to :class:`~ui.shell.screen_lock.ScreenLock`
(which asks the services) and the field is emptied at once. Another officer at the desk may
instead sign this one out and sign in themselves. Words are in the "LockPanel" context.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from services.api import SignedInUser
from ui.common import i18n
from ui.common.dialog_body import add_field_under_label
from ui.common.errors import ErrorBox
from ui.common.formatting import roles_text
from ui.common.header_card import HeaderCard
from ui.common.lay_out_now import lay_out_now
from ui.common.naming import named

__all__ = ["IDLE", "ASKED", "LockPanel"]

IDLE = "idle"
"""Locked because nobody used the workstation for the station's idle minutes."""
ASKED = "asked"
"""Locked by the officer (Ctrl+L, the user menu)."""

_CARD_WIDTH = 480


class LockPanel(QWidget):
    """The locked screen's card.

    Signals:
        unlock_requested(str): the officer typed their password and pressed Unlock (Enter).
        switch_requested(): another officer chose to sign this one out and sign in.
    """

    unlock_requested = Signal(str)
    switch_requested = Signal()

    def __init__(self, user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LockPanel")
        self._user = user
        self._reason = ASKED
        self._busy = False
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = HeaderCard(i18n.RESOURCES / "icons" / "lock.svg")
        card.setFixedWidth(_CARD_WIDTH)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.title = card.title
        self.user_label = card.add_line("DialogAgencyName")
        self.roles_label = card.add_line("Muted", wrap=False)
        self.why_label = card.add_line("Muted")
        body = card.body
        body.addSpacing(10)
        self.password = named(QLineEdit(), "Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.password_label = add_field_under_label(body, self.password)
        self.error = ErrorBox()
        self.error.hide()
        body.addWidget(self.error)
        body.addSpacing(4)
        self.unlock_button = named(QPushButton(), "Primary")
        self.unlock_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        body.addWidget(self.unlock_button)
        body.addSpacing(12)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #d5dce4;")
        body.addWidget(rule)
        self.other_label = card.add_line("Muted")
        self.switch_button = QPushButton()
        body.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.password.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.password.textChanged.connect(self._update_enabled)
        self.switch_button.clicked.connect(self.switch_requested)
        self._retranslate()
        self._update_enabled()

    # -- what the lock sets -------------------------------------------------------------

    def set_user(self, user: SignedInUser) -> None:
        self._user = user
        self._retranslate()

    def reset(self, reason: str) -> None:
        """Freshly locked: an empty field with the focus, no message from before."""
        self._reason = reason
        self.password.clear()
        self.error.clear()
        self.set_busy(False)
        self._retranslate()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        """While the services check a password: nothing to press twice."""
        self._busy = busy
        self.password.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)
        self._update_enabled()
        if not busy:
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_refusal(self, error: BaseException | None) -> None:
        self.error.show_error(
            error,
            fallback_th="ตรวจรหัสผ่านไม่ได้ ลองอีกครั้ง",
            fallback_en="The password could not be checked. Try again.",
        )

    # -- typing -------------------------------------------------------------------------

    def _submit(self) -> None:
        text = self.password.text()
        if self._busy or not text:
            return
        self.password.clear()  # the typed password stays nowhere on screen
        self.unlock_requested.emit(text)

    def _update_enabled(self) -> None:
        self.unlock_button.setEnabled(not self._busy and bool(self.password.text()))

    # -- words --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            lay_out_now(self.switch_button)  # its new words' width in this very frame
        super().changeEvent(event)

    def _retranslate(self) -> None:
        user = self._user
        thai = user.display_name or user.username
        name = thai if i18n.current_language() == "th" else (user.display_name_en or thai)
        self.title.setText(self.tr("Anuyat is locked"))
        self.user_label.setText(name)
        self.roles_label.setText(f"{user.username} · {roles_text(user.roles)}")
        if self._reason == IDLE:
            why = self.tr(
                "The screen locked itself because nobody used it for a while. The request you "
                "had open is kept for you; type your password to go back to it."
            )
        else:
            why = self.tr(
                "The screen is locked. The request you had open is kept for you; type your "
                "password to go back to it."
            )
        self.why_label.setText(why)
        self.password_label.setText(self.tr("&Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.other_label.setText(
            self.tr("Not {name}? Another officer signs this one out first.").format(name=name)
        )
        self.switch_button.setText(self.tr("Sign out this officer and sign in"))
