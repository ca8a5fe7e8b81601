"""Start the GUI: application, fonts, language, theme, sign-in, then the main window.

``app/`` builds the real ports (``services.api.Ports``: shell, intake and review) and calls
:func:`run_gui`; nothing here is created at import time.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from services.api import Ports, SignedInUser
from ui.admin import OfficersPort
from ui.admin.password_dialogs import ChangePasswordDialog
from ui.common import i18n, ui_settings
from ui.common.tasks import TaskRunner
from ui.common.theme import apply_theme
from ui.shell.sign_in import SignInDialog
from ui.viewer import system_viewer

if TYPE_CHECKING:
    # The main window pulls in every screen (the viewer's QtPdf, the reports, signing): it
    # is imported once an officer has signed in, so the sign-in paints without waiting.
    from ui.shell.main_window import MainWindow

__all__ = ["Session", "build_main_window_for", "prepare_application", "run_gui"]

log = logging.getLogger(__name__)


def prepare_application(language: str = i18n.DEFAULT_LANGUAGE) -> QApplication:
    """The running QApplication (created if there is none) with fonts, theme and language."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ui_settings.ORGANIZATION)
    app.setApplicationName(ui_settings.APPLICATION)
    app.setWindowIcon(QIcon(str(i18n.RESOURCES / "icons" / "anuyat.svg")))
    i18n.install_font(app)
    apply_theme(app)
    i18n.apply_language(language, app)
    return app


def build_main_window_for(
    ports: Ports,
    user: SignedInUser,
    runner: TaskRunner,
    settings: QSettings | None = None,
    *,
    demo_warning: bool = False,
    accounts: OfficersPort | None = None,
) -> MainWindow:
    """The main window for a signed-in ``user`` (not shown); loading starts at once."""
    from ui.shell.main_window import MainWindow

    return MainWindow(
        ports, user, runner, settings=settings, demo_warning=demo_warning, accounts=accounts
    )


class Session(QObject):
    """Sign-in → (a password to choose) → main window → (sign out → sign-in again) until the
    officer quits.

    An officer who signed in with a one-time password gets the forced "choose your password"
    dialog first; cancelling it signs them out. When the services end a session (the officer
    was deactivated meanwhile), the sign-in dialog comes back saying why.

    Signals are those of the windows it shows; it calls ``app.exit`` when the officer
    closes the sign-in dialog or the main window (other than by signing out).
    """

    def __init__(
        self,
        app: QApplication,
        ports: Ports,
        runner: TaskRunner,
        settings: QSettings,
        *,
        demo_warning: bool = False,
        accounts: OfficersPort | None = None,
    ) -> None:
        super().__init__()
        self._demo_warning = demo_warning
        self._accounts = accounts
        self.password_dialog: ChangePasswordDialog | None = None
        self._app = app
        self._ports = ports
        self._runner = runner
        self._settings = settings
        self._signing_out = False
        self.sign_in: SignInDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        self._show_sign_in()

    def _show_sign_in(self, notice: tuple[str, str] | None = None) -> None:
        dialog = SignInDialog(
            self._ports.shell,
            self._runner,
            settings=self._settings,
            demo_warning=self._demo_warning,
        )
        if notice is not None and any(notice):
            dialog.show_notice(*notice)
        dialog.user_did_sign_in.connect(self._signed_in)
        dialog.rejected.connect(self._sign_in_cancelled)
        self.sign_in = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _sign_in_cancelled(self) -> None:
        self._app.exit(0)

    def _signed_in(self, user: SignedInUser) -> None:
        if user.must_change_password and self._accounts is not None:
            self._ask_for_password(user, self._accounts)
            return
        self._open_window(user)

    def _ask_for_password(self, user: SignedInUser, accounts: OfficersPort) -> None:
        """The forced change: nothing else until the officer has chosen a password."""
        dialog = ChangePasswordDialog(accounts, self._runner, user, forced=True)
        dialog.password_did_change.connect(self._open_window)
        dialog.rejected.connect(self._password_refused)
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        if self.sign_in is not None:
            self.sign_in.hide()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _password_refused(self) -> None:
        log.info("forced password change cancelled: back to sign-in")
        self.password_dialog = None
        if self.sign_in is not None:
            self.sign_in.deleteLater()
            self.sign_in = None
        self._show_sign_in()

    def _open_window(self, user: SignedInUser) -> None:
        self.password_dialog = None
        window = build_main_window_for(
            self._ports,
            user,
            self._runner,
            self._settings,
            demo_warning=self._demo_warning,
            accounts=self._accounts,
        )
        window.user_did_sign_out.connect(self._signing_out_now)
        window.window_did_close.connect(self._window_closed)
        self.window = window
        window.show()
        if self.sign_in is not None:
            self.sign_in.deleteLater()
            self.sign_in = None

    def _signing_out_now(self) -> None:
        self._signing_out = True

    def _window_closed(self) -> None:
        window = self.window
        self.window = None
        if window is not None:
            window.deleteLater()
        if self._signing_out:
            self._signing_out = False
            system_viewer.remove_all_copies()  # no decrypted copy outlives the officer
            self._show_sign_in(window.end_reason if window is not None else None)
        else:
            self._app.exit(0)


class _QuitOnFirstPaint(QObject):
    """Ends the event loop once the watched window has painted (cold-start benchmark)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run_gui(
    ports: Ports,
    *,
    language: str | None = i18n.DEFAULT_LANGUAGE,
    settings: QSettings | None = None,
    demo_warning: bool = False,
    quit_after_first_paint: bool = False,
    viewer_dir: Path | None = None,
    accounts: OfficersPort | None = None,
) -> int:
    """Run the workstation's GUI until the officer quits; return the exit code.

    ``quit_after_first_paint`` is for the benchmark: start, paint the first window, exit.

    ``viewer_dir`` is the profile's private folder for the copies "Open with the system
    viewer" makes (app/ empties it before the GUI starts); they are removed at sign-out and
    when the GUI ends.

    ``accounts`` (the officers' and password port) adds the password dialogs and, for
    administrators, the officers page.

    ``language`` is "th" or "en" (None: Thai). ``demo_warning`` marks a demo profile whose
    key lives in a file: the windows then say so in their title and in a banner.
    """
    system_viewer.use_private_root(viewer_dir)
    app = prepare_application(language or i18n.DEFAULT_LANGUAGE)
    settings = settings if settings is not None else ui_settings.default_settings()
    runner = TaskRunner()
    session = Session(app, ports, runner, settings, demo_warning=demo_warning, accounts=accounts)
    # Windows come and go (sign out, sign in again); the session decides when to quit.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        session.start()
        if quit_after_first_paint and session.sign_in is not None:
            watcher = _QuitOnFirstPaint(app)
            session.sign_in.installEventFilter(watcher)
        code = app.exec()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_last)
        runner.shutdown()
        for window in (session.window, session.sign_in):
            if window is not None:
                window.close()
                window.deleteLater()
        settings.sync()
        system_viewer.remove_all_copies()
    log.info("GUI finished with code %s", code)
    return code
