"""Whether the officer has walked away: no key or mouse input to the application for a while.

One application-wide event filter notes the time of the last input (an assignment per event:
no timer is restarted for every mouse move), and a 15-second timer compares it with the
station's idle minutes, read at each check so a saved Settings page applies at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

__all__ = ["CHECK_EVERY_MS", "IdleWatch"]

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
    """

    idle_did_pass = Signal()

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
        return False
