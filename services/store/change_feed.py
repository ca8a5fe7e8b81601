"""What the other workstations changed, told within a second: PostgreSQL LISTEN/NOTIFY.

On the agency profile an officer's list must move when another station takes, decides or
registers a request. Every transaction that records an event (every change is one) also
sends ``NOTIFY anuyat_changes`` (services.kernel.events: ``append_event``);
PostgreSQL delivers it only when that transaction commits, and never for one rolled back.
The payload names the station and the process that made the change, so a window does not
read again for its own changes (it announced those itself).

:class:`ChangeFeed` listens on a connection of its own in a background thread and calls
``on_change`` once per burst of notifications, and ``on_link`` when the server stops or
starts answering. It is plain Python (no Qt): the window turns the calls into its one
refresh hook (ui.shell.server_watch). When the server takes connections but not
notifications (a connection pooler in transaction mode), it falls back to polling the audit
log's last sequence number. A lost link is retried on its own, every ``retry`` seconds; once
back it reports a change, since notifications sent meanwhile were lost with the link.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Final

from sqlalchemy import Engine

from services.kernel.events import CHANGES_CHANNEL

__all__ = ["ChangeFeed"]

log = logging.getLogger(__name__)

_LAST_EVENT: Final = "SELECT max(seq) FROM event"
_BURST: Final = 0.1
"""Seconds the feed keeps taking notifications after the first one, to refresh once."""


class ChangeFeed:
    """A background thread that reports other workstations' changes and the link's state.

    ``own_origin``: notifications with this payload are this window's own (skipped).
    ``on_change()`` and ``on_link(up)`` run on the feed's thread: keep them short (the
    window only emits a signal).
    """

    def __init__(
        self,
        engine: Engine,
        own_origin: str,
        on_change: Callable[[], None],
        on_link: Callable[[bool], None],
        *,
        retry: float = 3.0,
        poll: float = 1.0,
        notifications: bool = True,
    ) -> None:
        self._engine = engine
        self._own = own_origin
        self._on_change = on_change
        self._on_link = on_link
        self._retry = retry
        self._poll = poll
        self._notifications = notifications
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._up: bool | None = None
        self.mode = "starting"
        """"listening", "polling" or "offline": what the feed does now (for the log and tests)."""

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="anuyat-change-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop and wait for the thread (at most one poll or retry interval)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self._retry + self._poll + 5)

    # --- the thread ------------------------------------------------------------------

    def _link(self, up: bool) -> None:
        if up:
            self.mode = "listening" if self._notifications else "polling"
        if up != self._up:
            self._up = up
            if not up:
                self.mode = "offline"
            log.info("agency server %s", "reachable" if up else "unreachable")
            self._on_link(up)

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                raw = self._engine.raw_connection()
            except Exception as exc:  # noqa: BLE001 — any failure to connect is "offline"
                log.info("change feed cannot connect: %s", type(exc).__name__)
                self._link(False)
                self._stop.wait(self._retry)
                continue
            try:
                connection: Any = raw.driver_connection  # psycopg's own connection
                connection.autocommit = True
                listening = self._listen_if_possible(connection)
                # Only now, listening: a change made from here on is heard.
                was_down = self._up is False
                self._link(True)
                if was_down and not first:
                    self._on_change()  # what changed while the link was down is unknown
                first = False
                if listening:
                    self._listen(connection)
                else:
                    self._poll_events(connection)
            except Exception as exc:  # noqa: BLE001 — a dropped link shows as any error
                log.info("change feed lost the server: %s", type(exc).__name__)
                self._link(False)
                self._stop.wait(self._retry)
            finally:
                raw.invalidate()  # never back to the pool: it was LISTENing or broken

    def _listen_if_possible(self, connection: Any) -> bool:
        if not self._notifications:
            return False
        try:
            connection.execute(f"LISTEN {CHANGES_CHANNEL}")
        except Exception as exc:  # noqa: BLE001
            if connection.closed or connection.broken:
                raise
            log.warning("notifications unavailable (%s): polling", type(exc).__name__)
            self._notifications = False
        return self._notifications

    def _listen(self, connection: Any) -> None:
        self.mode = "listening"
        while not self._stop.is_set():
            notes = list(connection.notifies(timeout=self._poll, stop_after=1))
            if notes:
                # A burst of notifications (a batch, a sync) is one refresh.
                notes += connection.notifies(timeout=_BURST)
            if any(note.payload != self._own for note in notes):
                self._on_change()
            # Waiting for notifications does not notice a dead server; asking it does.
            connection.execute("SELECT 1")

    def _poll_events(self, connection: Any) -> None:
        self.mode = "polling"
        last: int | None = None
        while not self._stop.is_set():
            row = connection.execute(_LAST_EVENT).fetchone()
            current = int(row[0]) if row and row[0] is not None else 0
            if last is not None and current != last:
                self._on_change()
            last = current
            self._stop.wait(self._poll)
