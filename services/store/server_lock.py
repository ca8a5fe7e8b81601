"""One sync worker per agency: a PostgreSQL advisory lock held for the whole run.

On the agency profile every workstation's data folder is its own, so the sync's file lock
(:mod:`services.store.profile_lock`) would let two stations read the same mailbox, move the
same shared-drive item and send the same mail. The lock lives in the database instead: a
session-level advisory lock (:data:`SYNC_LOCK`) on a connection kept open for the run. It goes
with that connection, so a station that crashes, is killed or loses the network frees it (the
server drops the session) and the next run takes over; nothing waits for a dead process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

__all__ = ["SYNC_LOCK", "AgencySyncBusy", "agency_sync_lock"]

SYNC_LOCK = 0x616E_7579_6174_0003
"""The advisory lock key of the agency's one sync run (models.store holds the others)."""


class AgencySyncBusy(Exception):
    """Another station's sync still held the lock after the wait."""


@contextmanager
def agency_sync_lock(engine: Engine, wait: float) -> Iterator[None]:
    """Hold the agency's sync lock; wait at most ``wait`` seconds (0: not at all) for it.

    Raises :class:`AgencySyncBusy` when another station still holds it after that.
    """
    # Its own connection, outside the pool's reuse: the lock must last exactly as long as
    # this run, whatever transactions the run commits meanwhile.
    connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        if wait <= 0:
            taken = connection.execute(text(f"SELECT pg_try_advisory_lock({SYNC_LOCK})")).scalar()
            if not taken:
                raise AgencySyncBusy
        else:
            # lock_timeout bounds the wait of pg_advisory_lock like any other lock's.
            connection.execute(text(f"SET lock_timeout = {max(int(wait * 1000), 1)}"))
            try:
                connection.execute(text(f"SELECT pg_advisory_lock({SYNC_LOCK})"))
            except OperationalError as exc:
                if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                    raise AgencySyncBusy from exc
                raise
            finally:
                connection.execute(text("RESET lock_timeout"))  # the pool reuses it
        try:
            yield
        finally:
            connection.execute(text(f"SELECT pg_advisory_unlock({SYNC_LOCK})"))
    finally:
        connection.close()
