"""Other workstations' changes into the window's one refresh hook, and the offline banner.

On the agency profile the services' change feed (``Ports.changes``) runs in a thread of its
own; :class:`ServerWatch` turns its two callbacks into signals (Qt queues them to the GUI
thread) and then into the window's :class:`~ui.common.changes.ChangeHub`, so every screen
reads again exactly as it does after a change made here. When the server stops answering,
:class:`OfflineBanner` says so at once in the window, what still works and that it retries
by itself; it goes when the link is back, and the screens read again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from services.api.changes import ChangesPort, Watching
from ui.common.changes import ChangeHub, Changes
from ui.common.naming import named
from ui.common.retranslating import Retranslating

__all__ = ["OfflineBanner", "ServerWatch"]


class OfflineBanner(Retranslating, QLabel):
    """A strip at the top of the window while the agency's server cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "OfflineBanner")
        self.setWordWrap(True)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            self.tr(
                "The agency's server cannot be reached. You see what was last read; saving "
                "waits until the link is back (retrying by itself every few seconds). What "
                "you have typed stays on screen: nothing is lost. If it lasts, check the "
                "network cable or tell your IT administrator."
            )
        )


class ServerWatch(QObject):
    """Starts the feed when the window opens and stops it when it closes.

    Signals (emitted on the feed's thread, delivered on the GUI thread):
        changes_arrived(): another workstation committed changes.
        link_did_change(bool): the server answers again (True) or stopped answering.
    """

    changes_arrived = Signal()
    link_did_change = Signal(bool)

    def __init__(
        self,
        port: ChangesPort | None,
        hub: ChangeHub,
        banner: OfflineBanner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._hub = hub
        self._banner = banner
        self._watching: Watching | None = None
        self.changes_arrived.connect(self._changes_arrived)
        self.link_did_change.connect(self._link_changed)

    @property
    def mode(self) -> str:
        """What the feed does now ("listening", "polling", "offline"); "" with no server."""
        return self._watching.mode if self._watching is not None else ""

    def start(self) -> None:
        if self._port is not None and self._watching is None:
            self._watching = self._port.watch(self.changes_arrived.emit, self.link_did_change.emit)

    def stop(self) -> None:
        if self._watching is not None:
            self._watching.stop()
            self._watching = None

    def _changes_arrived(self) -> None:
        self._hub.announce(Changes(lists=True, quarantine=True))

    def _link_changed(self, up: bool) -> None:
        # Back online, the feed reports a change too: the screens read again from it.
        self._banner.setVisible(not up)
