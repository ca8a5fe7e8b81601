"""Whether the officer has walked away: no key or mouse input to the application for a while.

One application-wide event filter notes the time of the last input (an assignment per event:
no timer is restarted for every mouse move), and a 15-second timer compares it with the
station's idle minutes, read at each check so a saved Settings page applies at once.

The same filter sees Ctrl+L in every window of the application. The window's own "Lock
screen" action is a window shortcut, which a modal dialog holds back (Qt blocks the window's
shortcuts behind it, even application-wide ones); so a Ctrl+L that reaches a dialog's field as
a plain key press is taken here and said (``lock_keys_pressed``). A widget that wants Ctrl+L
itself keeps it: it says so as Qt asks every widget, by accepting a ShortcutOverride. None of
Qt's text fields does (QLineEdit, QPlainTextEdit and QTextEdit bind no Ctrl+L), so in them
Ctrl+L locks as everywhere else.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

__all__ = ["CHECK_EVERY_MS", "LOCK_KEYS", "IdleWatch"]

LOCK_KEYS = QKeySequence("Ctrl+L")
"""The keys that lock the screen (the Account menu's "Lock screen" action has the same)."""

CHECK_EVERY_MS = 15_000
"""How often the idle time is compared with the limit (a lock comes at most this late)."""

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Says when the application has had no input for ``minutes()`` minutes (0: never).

    Signals:
        idle_did_pass(): the limit passed since the last input (once, until input comes).
        lock_keys_pressed(): Ctrl+L was pressed where no shortcut took it (a modal dialog).
    """

    idle_did_pass = Signal()
    lock_keys_pressed = Signal()

    def __init__(
        self,
        minutes: Callable[[], int],
        *,
        now: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._minutes = minutes
        self._now = now
        self.last_input = now()
        self._told = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.last_input = self._now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def restart(self) -> None:
        """Count from now (the screen was just unlocked)."""
        self.last_input = self._now()
        self._told = False

    def check(self) -> None:
        """Compare the time since the last input with the limit (the timer calls this)."""
        try:
            minutes = self._minutes()
        except Exception:  # a setting that cannot be read must not stop the watch
            minutes = 0
        if minutes <= 0 or self._told:
            return
        if self._now() - self.last_input >= minutes * 60:
            self._told = True
            self.idle_did_pass.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT:
            self.last_input = self._now()
            self._told = False
            if isinstance(event, QKeyEvent) and _are_lock_keys(event, watched):
                self.lock_keys_pressed.emit()
                return True  # taken: the field does not also get a stray control character
        return False


def _are_lock_keys(event: QKeyEvent, receiver: QObject) -> bool:
    # Only at a widget: the key goes to its window (a QWindow) first, which cannot say
    # whether the focused field wants the keys.
    if not receiver.isWidgetType() or QKeySequence(event.keyCombination()) != LOCK_KEYS:
        return False
    # Ask the receiver, as Qt asks before a shortcut, whether it wants these keys itself.
    probe = QKeyEvent(QEvent.Type.ShortcutOverride, event.key(), event.modifiers(), event.text())
    probe.ignore()
    QCoreApplication.sendEvent(receiver, probe)
    return not probe.isAccepted()
