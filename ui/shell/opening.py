"""What the GUI is given to open the profile behind a painted sign-in, and the first-paint hook.

A cold start used to open the store (keyring, SQLCipher, schema check) and import every
service before the sign-in could paint. Now ``app/`` hands :func:`~ui.shell.start.run_gui` a
:data:`ProfileOpener`: a plain function that imports the services and opens the profile. The
session runs it in the database worker once the sign-in has painted, so the officer sees the
window at once and can type meanwhile. This module is imported before the first paint: it
imports Qt only (the ports are named for the type checker).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from services.api import Ports
    from ui.admin import OfficersPort

__all__ = ["FirstPaint", "OpenedProfile", "ProfileOpener", "already_open"]


@dataclass(frozen=True)
class OpenedProfile:
    """The open profile as the windows need it (built off the GUI thread by ``app/``).

    ``accounts`` (the officers' and password port) adds the password dialogs and, for
    administrators, the officers page. ``demo_warning`` marks a demo profile whose key lives
    in a file. ``viewer_dir`` is the profile's private folder for the copies "Open with the
    system viewer" makes.
    """

    ports: Ports
    accounts: OfficersPort | None = None
    demo_warning: bool = False
    viewer_dir: Path | None = None


ProfileOpener = Callable[[], OpenedProfile]
"""Imports the services and opens the profile; runs in the database worker, never on the
GUI thread. An :class:`~services.api.AnuyatError` it raises is shown in the sign-in."""


def already_open(
    ports: Ports,
    *,
    accounts: OfficersPort | None = None,
    demo_warning: bool = False,
    viewer_dir: Path | None = None,
) -> ProfileOpener:
    """An opener for ports that are open already (tests, screenshots)."""
    opened = OpenedProfile(ports, accounts, demo_warning, viewer_dir)
    return lambda: opened


class FirstPaint(QObject):
    """Calls ``then`` once, just after the watched widget first painted (not inside the paint).

    The sign-in is painted before the profile is opened: importing the services in a worker
    while the GUI thread paints would slow the paint down (both want the interpreter).
    """

    def __init__(self, watched: QObject, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then: Callable[[], None] | None = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False
