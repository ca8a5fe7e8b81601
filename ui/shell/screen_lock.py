"""The main window's screen lock: the officer walked away (idle minutes) or pressed Ctrl+L.

Locked, the window shows only :class:`~ui.shell.lock_panel.LockPanel` (a page of the
window's central stack, so nothing of the request is drawn — not on screen, not in a grab);
its menu bar and status bar are hidden, its title says only "Anuyat — locked", and its keys
do nothing (the shortcut events to its actions are held back while locked). Other windows
of the application (dialogs) are hidden and shown again after unlocking, except those
holding a password or PIN: those are emptied and cancelled, since a secret must never
survive a lock. The review screen's decrypted files are dropped as at sign-out and its
request, still claimed, opens again at the same page after unlocking
(:mod:`ui.review.lock_place`).

Unlocking asks the services (``ShellPort.unlock``): the same password check and the same
count of wrong tries as the sign-in, so five wrong lock the account and the window signs the
officer out, saying why. The lock and each unlock are audit events (``session.locked``,
``session.unlocked``, ``session.unlock_failed``). Another officer may sign this one out
instead (recorded as a sign-out). Background work (sync, outbox) goes on while locked; the
banners it raises wait behind the lock.

A signing batch already running when the lock comes is let finish, not stopped: each request
is signed and recorded whole, and stopping after the current one would leave the batch half
done, the rest claimed and waiting, for the approver to sort out after the unlock, with the
token left in the machine either way; it signs only what the approver confirmed before
leaving. Its progress dialog hides like any other and shows the outcome after the unlock. Its
PIN does not wait with it: the services empty it once the token is open, and the dialog's
worker empties and lets go of it the moment the batch ends, refused or not
(:mod:`ui.approval.batch_progress`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QToolTip,
    QWidget,
)

from services.api import ShellPort, SignedInUser
from ui.common.errors import bilingual
from ui.common.tasks import SESSION_ENDING_CODES, TaskRunner
from ui.review.lock_place import ReviewPlace, bring_back, put_away
from ui.shell.idle_watch import IdleWatch
from ui.shell.lock_panel import ASKED, IDLE, LockPanel

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["ROLES_CHANGED", "ScreenLock", "locked_title"]

log = logging.getLogger(__name__)

ROLES_CHANGED = (
    "บทบาทของท่านถูกเปลี่ยนระหว่างที่หน้าจอล็อกอยู่ — ลงชื่อเข้าใช้อีกครั้งเพื่อทำงานตามบทบาทใหม่",
    "Your roles were changed while the screen was locked. Sign in again to work with them.",
)


def locked_title() -> str:
    """The locked window's title: the application and "locked", nothing else."""
    return " — ".join(
        (
            QCoreApplication.translate("MainWindow", "Anuyat"),
            QCoreApplication.translate("MainWindow", "locked"),
        )
    )


class ScreenLock(QObject):
    """Locks and unlocks one main window (see the module docstring).

    ``stack`` is the window's central widget: the content, or the lock panel over it.

    Signals:
        did_lock(): the window is locked (its content hidden, its files dropped).
        did_unlock(): the officer is back: the content is shown again.
    """

    did_lock = Signal()
    did_unlock = Signal()

    def __init__(
        self,
        window: MainWindow,
        content: QWidget,
        port: ShellPort,
        runner: TaskRunner,
        *,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._content = content
        self._port = port
        self._runner = runner
        self.stack = QStackedWidget()
        self.stack.setObjectName("LockStack")
        self.stack.addWidget(content)
        self.panel = LockPanel(window.session.user)
        self.stack.addWidget(self.panel)
        self.idle = IdleWatch(port.lock_after_minutes, now=now, parent=self)
        self.idle.idle_did_pass.connect(lambda: self.lock(IDLE))
        self.idle.lock_keys_pressed.connect(lambda: self.lock(ASKED))  # in a modal dialog too
        self.panel.unlock_requested.connect(self._unlock)
        self.panel.switch_requested.connect(self._switch_officer)
        self._locked = False
        self._hidden: list[QWidget] = []  # other windows hidden by the lock
        self._place: ReviewPlace | None = None
        self._review_was_up = False
        self._focus: QWidget | None = None
        self._bars_shown = (True, True)

    @property
    def is_locked(self) -> bool:
        return self._locked

    def start(self) -> None:
        """Watch for the officer walking away (the window shows)."""
        self.idle.start()

    def stop(self) -> None:
        """The window closes: stop watching; windows hidden by the lock close with it."""
        self.idle.stop()
        self._hold_keys(False)
        for hidden in self._alive(self._hidden):
            hidden.close()
        self._hidden = []

    # -- locking ------------------------------------------------------------------------

    def lock(self, reason: str = ASKED) -> bool:
        """Lock the window now (``reason``: :data:`IDLE` or :data:`ASKED`); False if it
        was locked already."""
        if self._locked:
            return False
        self._locked = True
        window = self._window
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and window.isAncestorOf(focus) else None
        self._review_was_up = window.review_switch.is_up()
        review = window.review_if_built  # a screen not made yet holds no file
        # No decrypted byte stays (as at sign-out).
        self._place = put_away(review) if review is not None else None
        self._put_away_windows()
        self.panel.set_user(window.session.user)
        self.stack.setCurrentWidget(self.panel)
        self._bars_shown = (window.menuBar().isVisible(), window.statusBar().isVisible())
        window.menuBar().hide()
        window.statusBar().hide()
        self._hold_keys(True)
        window.update_title()
        window.activateWindow()  # locked from a dialog (now hidden): the password goes here
        self.panel.reset(reason)
        user, port = window.session.user, self._port
        self._runner.run(
            lambda: port.lock(user, reason), _recorded, owner=self, label="session.lock"
        )
        log.info("screen locked (%s)", reason)
        self.did_lock.emit()
        return True

    def _put_away_windows(self) -> None:
        """Menus and tooltips close; dialogs hide, or are cancelled if they hold a secret."""
        QToolTip.hideText()
        for _ in range(8):  # nested menus close one by one
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        self._hidden = []
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                self._put_away(top)

    def _put_away_if_locked(self, top: QWidget) -> None:
        if self._locked:
            self._put_away(top)

    def _put_away(self, top: QWidget) -> None:
        """One window other than the locked one: what it shows must wait for the unlock."""
        if not shiboken6.isValid(top) or top is self._window or isinstance(top, QMainWindow):
            return
        if not top.isVisible():
            return
        if top.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            top.close()  # a menu (the tray's "new alerts" opens one), a tooltip
            return
        secrets = [
            field
            for field in top.findChildren(QLineEdit)
            if field.echoMode() != QLineEdit.EchoMode.Normal
        ]
        if secrets:
            for field in secrets:
                field.clear()
            if isinstance(top, QDialog):
                top.reject()
            else:
                top.close()
            log.info("a window holding a password or PIN was cancelled by the screen lock")
        elif top not in self._hidden:
            top.hide()
            self._hidden.append(top)

    # -- unlocking ----------------------------------------------------------------------

    def _unlock(self, password: str) -> None:
        self.panel.set_busy(True)
        user, port = self._window.session.user, self._port
        self._runner.run(
            lambda: port.unlock(user, password),
            self._unlock_answered,
            owner=self,
            label="session.unlock",
        )

    def _unlock_answered(self, user: SignedInUser | None, error: BaseException | None) -> None:
        if not self._locked:
            return
        if error is None and user is not None:
            if set(user.roles) != set(self._window.session.user.roles):
                self._end(ROLES_CHANGED)  # the window's screens were built for the old ones
            else:
                self._restore()
            return
        code = getattr(error, "code", None)
        if code in SESSION_ENDING_CODES:
            return  # the runner tells the window's session, which signs out saying why
        if code == "account_locked":  # five wrong: signed out, as at the sign-in
            self._end(bilingual(error, "", ""))
            return
        self.panel.set_busy(False)
        self.panel.show_refusal(error)

    def _restore(self) -> None:
        window = self._window
        self._locked = False
        self._hold_keys(False)
        menu_bar, status_bar = self._bars_shown
        window.menuBar().setVisible(menu_bar)
        window.statusBar().setVisible(status_bar)
        self.stack.setCurrentWidget(self._content)
        if self._review_was_up:
            bring_back(window.review, self._place)  # decrypted again, from the store
        self._place = None
        for hidden in self._alive(self._hidden):
            hidden.show()
        self._hidden = []
        self.panel.reset(ASKED)
        self.idle.restart()
        window.update_title()
        focus = self._focus
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("screen unlocked")
        self.did_unlock.emit()

    def _end(self, reason: tuple[str, str]) -> None:
        """Sign the officer out from the lock, with ``reason`` for the sign-in dialog."""
        self._window.session.end_reason = reason
        self._window.sign_out()

    def _switch_officer(self) -> None:
        """Another officer at the desk: this one is signed out (recorded), the sign-in comes."""
        log.info("signed out from the locked screen for another officer")
        self._window.sign_out()

    # -- keys ---------------------------------------------------------------------------

    def _hold_keys(self, hold: bool) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if hold:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self._locked:
            return False
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            # A window opened while locked (a dialog an answer brings, the alerts' menu from
            # a tray click) waits for the unlock too: put away once it has finished showing.
            QTimer.singleShot(0, self, lambda: self._put_away_if_locked(watched))
            return False
        # A shortcut of this window (its actions and keys) does nothing while it is locked;
        # the panel's own keys (Enter, the field's mnemonic) still work.
        if event.type() != QEvent.Type.Shortcut:
            return False
        if isinstance(watched, QWidget) and (
            watched is self.panel or self.panel.isAncestorOf(watched)
        ):
            return False
        return self._of_window(watched)

    def _of_window(self, item: QObject | None) -> bool:
        while item is not None:
            if item is self._window:
                return True
            item = item.parent()
        return False

    @staticmethod
    def _alive(widgets: list[QWidget]) -> list[QWidget]:
        return [w for w in widgets if shiboken6.isValid(w)]


def _recorded(_: object, error: BaseException | None) -> None:
    if error is not None:  # the lock holds all the same; the log says the event is missing
        log.warning("recording the screen lock failed: %r", error)
