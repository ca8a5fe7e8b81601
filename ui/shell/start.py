"""Start the GUI: application, fonts, language, theme, sign-in, then the main window.

``app/`` calls :func:`run_gui` with a :data:`~ui.shell.opening.ProfileOpener`, a function
that imports the services and opens the profile. The sign-in paints first, from Qt, the
settings and the translations only; then the opener runs in the database worker, and the
main window's modules are imported in an I/O worker (importing is safe off the GUI thread,
creating widgets is not), so that signing in opens the window without a wait. Nothing here
is created at import time.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ui.common import i18n, ui_settings
from ui.common.tasks import TaskRunner
from ui.common.theme import apply_theme
from ui.shell.opening import FirstPaint, OpenedProfile, ProfileOpener
from ui.shell.sign_in import SignInDialog

if TYPE_CHECKING:
    # The services and the main window (every screen: the viewer's QtPdf, the reports,
    # signing) load behind the painted sign-in; here they are named for the type checker.
    from services.api import Ports, SignedInUser
    from ui.admin import OfficersPort
    from ui.admin.password_dialogs import ChangePasswordDialog
    from ui.shell.main_window import MainWindow

__all__ = [
    "Session",
    "build_main_window_for",
    "import_main_window",
    "prepare_main_window",
    "prepare_application",
    "run_gui",
]

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


def import_main_window() -> None:
    """Import the main window's modules (in a worker, while the officer types a password)."""
    import ui.shell.main_window  # noqa: F401


def prepare_main_window(ports: Ports) -> None:
    """In a worker, while the officer types a password: the main window's modules, and every
    area's facade (each is built on first use; the window asks for them all when built)."""
    import_main_window()
    ports.build_all()


class Session(QObject):
    """Sign-in → (a password to choose) → main window → (sign out → sign-in again) until the
    officer quits.

    The profile is opened behind the first sign-in, once it has painted (``opener`` in the
    database worker); the sign-in accepts a password meanwhile and signs in when the store
    is open. A profile that cannot be opened is explained in the sign-in.

    An officer who signed in with a one-time password gets the forced "choose your password"
    dialog first; cancelling it signs them out. When the services end a session (the officer
    was deactivated meanwhile), the sign-in dialog comes back saying why.

    Signals:
        sign_in_did_become_ready(): the store is open and the sign-in shows the agency.

    It calls ``app.exit`` when the officer closes the sign-in dialog (2 when the profile
    could not be opened) or the main window (other than by signing out).
    """

    sign_in_did_become_ready = Signal()

    def __init__(
        self,
        app: QApplication,
        opener: ProfileOpener,
        runner: TaskRunner,
        settings: QSettings,
        *,
        open_profile: bool = True,
    ) -> None:
        super().__init__()
        self._opener = opener
        self._open_profile = open_profile
        self.opened: OpenedProfile | None = None
        self.open_error: BaseException | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self._app = app
        self._runner = runner
        self._settings = settings
        self._signing_out = False
        self.sign_in: SignInDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        """Show the sign-in; the profile opens once it has painted (unless told not to)."""
        self._show_sign_in()
        if self._open_profile and self.sign_in is not None:
            FirstPaint(self.sign_in, self._open_store)

    def _open_store(self) -> None:
        # Qt's namespace of enums is made on first use, and PySide6 does not guard that
        # against two threads: a worker importing screens would race the GUI thread's first
        # use (seen: "Qt has no attribute TextInteractionFlag" in the sign-in). The first
        # frame does without it; it is made here, after the paint, before any worker runs
        # (importing the name is what makes it).
        from PySide6.QtCore import Qt  # noqa: F401

        self._runner.run(self._opener, self._store_opened, owner=self, label="open_profile")

    def _store_opened(self, opened: OpenedProfile | None, error: BaseException | None) -> None:
        if error is not None or opened is None:
            self.open_error = error or RuntimeError("the profile opener returned nothing")
            log.error("the profile could not be opened: %r", self.open_error)
            if self.sign_in is not None:
                self.sign_in.store_failed(self.open_error)
            return
        self.opened = opened
        from ui.viewer import system_viewer  # after the first paint

        system_viewer.use_private_root(opened.viewer_dir)
        if self.sign_in is not None:
            self.sign_in.store_opened(opened.ports.shell, demo_warning=opened.demo_warning)
        # While the officer types: the main window's modules and the facades, so signing in
        # is quick and builds none of them on the GUI thread.
        ports = opened.ports
        self._runner.run(
            lambda: prepare_main_window(ports), _log_preload, pool="io", label="main_window"
        )

    def _show_sign_in(self, notice: tuple[str, str] | None = None) -> None:
        opened = self.opened
        dialog = SignInDialog(
            opened.ports.shell if opened is not None else None,
            self._runner,
            settings=self._settings,
            demo_warning=opened is not None and opened.demo_warning,
        )
        if notice is not None and any(notice):
            dialog.show_notice(*notice)
        dialog.user_did_sign_in.connect(self._signed_in)
        dialog.rejected.connect(self._sign_in_cancelled)
        dialog.did_become_ready.connect(self.sign_in_did_become_ready)
        self.sign_in = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _sign_in_cancelled(self) -> None:
        self._app.exit(0 if self.open_error is None else 2)

    def _signed_in(self, user: SignedInUser) -> None:
        accounts = self.opened.accounts if self.opened is not None else None
        if user.must_change_password and accounts is not None:
            self._ask_for_password(user, accounts)
            return
        self._open_window(user)

    def _ask_for_password(self, user: SignedInUser, accounts: OfficersPort) -> None:
        """The forced change: nothing else until the officer has chosen a password."""
        from ui.admin.password_dialogs import ChangePasswordDialog

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
        opened = self.opened
        assert opened is not None  # an officer signs in only once the store is open
        window = build_main_window_for(
            opened.ports,
            user,
            self._runner,
            self._settings,
            demo_warning=opened.demo_warning,
            accounts=opened.accounts,
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
            from ui.viewer import system_viewer

            system_viewer.remove_all_copies()  # no decrypted copy outlives the officer
            self._show_sign_in(window.end_reason if window is not None else None)
        else:
            self._app.exit(0)


def _log_preload(_: object, error: BaseException | None) -> None:
    if error is not None:  # signing in imports it again, and says what is wrong there
        log.warning("importing the main window in the background failed: %r", error)


def _quit_saying(marker: str) -> None:
    """End the event loop and say why on stderr (the benchmark and a test read the line)."""
    print(f"anuyat: {marker}", file=sys.stderr, flush=True)
    QApplication.quit()


def run_gui(
    opener: ProfileOpener,
    *,
    language: str | None = i18n.DEFAULT_LANGUAGE,
    settings: QSettings | None = None,
    quit_after_first_paint: bool = False,
    quit_when_ready: bool = False,
) -> int:
    """Run the workstation's GUI until the officer quits; return the exit code.

    ``opener`` imports the services and opens the profile; it runs in a worker once the
    sign-in has painted (see :mod:`ui.shell.opening`). The copies "Open with the system
    viewer" made go in the opened profile's ``viewer_dir`` (app/ empties it when opening);
    they are removed at sign-out and when the GUI ends.

    For the benchmark: ``quit_after_first_paint`` paints the sign-in and exits without
    opening the profile (``anuyat: sign-in painted`` on stderr); ``quit_when_ready`` exits
    once the profile is open and the sign-in usable (``anuyat: sign-in ready``).

    ``language`` is "th" or "en" (None: Thai).
    """
    app = prepare_application(language or i18n.DEFAULT_LANGUAGE)
    settings = settings if settings is not None else ui_settings.default_settings()
    runner = TaskRunner()
    session = Session(app, opener, runner, settings, open_profile=not quit_after_first_paint)
    if quit_when_ready:
        session.sign_in_did_become_ready.connect(lambda: _quit_saying("sign-in ready"))
    # Windows come and go (sign out, sign in again); the session decides when to quit.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        session.start()
        if quit_after_first_paint and session.sign_in is not None:
            FirstPaint(session.sign_in, lambda: _quit_saying("sign-in painted"))
        code = app.exec()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_last)
        runner.shutdown()
        for window in (session.window, session.sign_in):
            if window is not None:
                window.close()
                window.deleteLater()
        settings.sync()
        # Copies are made only through that module: never loaded, nothing to remove.
        system_viewer = sys.modules.get("ui.viewer.system_viewer")
        if system_viewer is not None:
            system_viewer.remove_all_copies()
    log.info("GUI finished with code %s", code)
    return code
