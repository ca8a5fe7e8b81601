"""Change events (watchdog) that wake the sync loop early; only a hint, never relied on."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from services.intake.drive.errors import DriveWatchUnavailable

_WAKING_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed"})


class _Wake(FileSystemEventHandler):
    def __init__(self, notify: Callable[[], None]) -> None:
        super().__init__()
        self._notify = notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Our own reads produce "opened"/"closed_no_write"; waking on them would loop.
        if event.event_type in _WAKING_EVENTS:
            self._notify()


class DriveWatcher:
    """Wakes the sync loop early when something changes under ``root``.

    Events are only a hint: :meth:`start` never raises, and when the observer cannot run
    (missing folder, unsupported network file system, no inotify watches left) ``live`` is
    False and ``failure`` says why, while the periodic scan carries on. Calling
    :meth:`start` again (e.g. once per sync cycle) retries.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._observer: BaseObserver | None = None
        self._failure: DriveWatchUnavailable | None = None

    @property
    def event(self) -> threading.Event:
        """Set when something changed; a loop may ``wait(timeout)`` on it."""
        return self._event

    @property
    def live(self) -> bool:
        observer = self._observer
        return (
            observer is not None
            and observer.is_alive()
            and bool(observer.emitters)
            and all(e.is_alive() for e in observer.emitters)
        )

    @property
    def failure(self) -> DriveWatchUnavailable | None:
        """Why events are not available, or None while they are (or before start)."""
        return self._failure

    def start(self) -> bool:
        """Start (or restart) watching; return whether events are live."""
        if self.live:
            return True
        self._halt()
        observer = Observer()
        try:
            observer.schedule(_Wake(self._notify), str(self.root), recursive=True)
            observer.start()
        except Exception as exc:  # any failure only means "no live events"
            self._failure = DriveWatchUnavailable(self.root, detail=repr(exc))
            _stop_quietly(observer)
            return False
        self._observer = observer
        self._failure = None
        return True

    def stop(self) -> None:
        self._halt()

    def changed(self) -> bool:
        """Whether anything changed since the last call (and forget it)."""
        with self._lock:
            was = self._event.is_set()
            self._event.clear()
        return was

    def wait(self, timeout: float) -> bool:
        """Block until a change or ``timeout`` seconds; return whether a change came."""
        return self._event.wait(timeout)

    def __enter__(self) -> DriveWatcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _notify(self) -> None:
        with self._lock:
            self._event.set()

    def _halt(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            _stop_quietly(observer)


def _stop_quietly(observer: BaseObserver) -> None:
    # Stopping a half-started observer may fail; there is nothing left to clean up then.
    with contextlib.suppress(Exception):
        observer.stop()
        if observer.is_alive():
            observer.join(timeout=5)
