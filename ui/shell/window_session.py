"""The officer's session as the main window holds it: who is signed in, changing one's own
password, signing out, and a session the services end.

Signing out is recorded by the services (the audit chain is anchored outside the store) and
drops every decrypted file read ahead: none outlives the officer's session. A session the
services refuse (the officer was deactivated, or must change a password) ends the same way,
with the reason kept for the sign-in dialog to say. Words are in the "MainWindow" context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow

from services.api import ShellPort, SignedInUser
from ui.admin import OfficersPort
from ui.admin.password_dialogs import ChangePasswordDialog
from ui.common.errors import bilingual
from ui.common.tasks import TaskRunner

__all__ = ["WindowSession"]

log = logging.getLogger(__name__)


class WindowSession(QObject):
    """One window's session.

    Signals:
        session_was_refused(): the services ended this officer's session; the window signs
            out (:attr:`end_reason` says why, in Thai and English).
    """

    session_was_refused = Signal()

    def __init__(
        self,
        window: QMainWindow,
        port: ShellPort,
        accounts: OfficersPort | None,
        runner: TaskRunner,
        user: SignedInUser,
        *,
        forget_files: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._port = port
        self._accounts = accounts
        self._runner = runner
        self._forget_files = forget_files
        self.user = user
        self.end_reason: tuple[str, str] | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self._ended = False
        runner.session_did_end.connect(self._session_ended)

    def change_password(self) -> bool:
        """Open "Change my password" (user menu); False without an accounts port."""
        if self._accounts is None:
            return False
        dialog = ChangePasswordDialog(self._accounts, self._runner, self.user, parent=self._window)
        dialog.password_did_change.connect(self._password_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()
        return True

    def _password_changed(self, user: SignedInUser) -> None:
        self.user = user
        self._window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Your password was changed."), 8000
        )

    def _session_ended(self, error: BaseException) -> None:
        """The services refused this session (deactivated, or a password to change)."""
        if self._ended or getattr(error, "username", "") != self.user.username:
            return  # another session's (a second window in the same process)
        self.end_reason = bilingual(error, "", "")
        log.info("session of %s ended by the services", self.user.username)
        self.session_was_refused.emit()

    def sign_out(self) -> None:
        """Record the sign-out and forget the files read ahead."""
        log.info("user %s signed out", self.user.username)
        self._forget_files()  # no decrypted file outlives the officer's session
        try:  # recorded, and the audit chain anchored outside the store
            self._port.sign_out(self.user)
        except Exception:
            log.exception("recording the sign-out failed")

    def end(self) -> None:
        """The window closes: stop listening for the services' verdicts, forget the files."""
        if not self._ended:
            self._ended = True
            self._runner.session_did_end.disconnect(self._session_ended)
            self._forget_files()
