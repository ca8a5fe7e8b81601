"""One sync worker per profile at a time: an operating-system lock in the profile folder.

Which operations take it, and why only those:

* **The sync** — ``anuyat sync`` (each round), ``anuyat sync --once``, the GUI's "Sync now".
  It acts outside the store, where no transaction protects it: it reads and flags mail on
  the IMAP server, moves shared-drive items to the processed folder, hands mail to SMTP.
  Two at once would fetch and parse the same mail twice, race to move the same drive item,
  and each report work the other did. So a second sync waits for the first (bounded:
  ``sync_lock_wait_seconds``; the GUI does not wait) or says clearly that one is running.
* **A schema upgrade** when a profile is opened after an update: the GUI and a scheduled
  sync started together must not both migrate.
* **Not the officers' own work in the GUI.** Every action is one transaction; writers take
  the store's write lock as they begin (``models.store``); claims, counters and sign-in
  failures are single SQL statements. A GUI and a running sync therefore share the store
  safely, and an officer never waits for a whole sync run.

The lock is the operating system's (``flock`` / ``LockFileEx`` through :mod:`filelock`): it
goes with its process, so a sync that crashed or was killed never leaves the profile locked.
On an agency profile (PostgreSQL) the sync's lock is the database's, shared by every station
(:mod:`services.store.server_lock`); the upgrade lock is too (``models.store``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine

from services.kernel.errors import AnuyatError
from services.store.server_lock import AgencySyncBusy, agency_sync_lock

__all__ = ["SYNC_LOCK", "UPGRADE_LOCK", "SyncRunning", "profile_lock", "sync_lock"]

SYNC_LOCK = "sync.lock"
UPGRADE_LOCK = "upgrade.lock"


class SyncRunning(AnuyatError):
    code = "sync_running"


@contextmanager
def profile_lock(data_dir: Path, name: str, wait: float) -> Iterator[None]:
    """Hold ``<data_dir>/<name>``; wait at most ``wait`` seconds (0: not at all) for it.

    Raises :class:`filelock.Timeout` when another process still holds it after that.
    """
    lock = FileLock(data_dir / name, timeout=max(wait, 0.0))
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


def _sync_running(detail: str) -> SyncRunning:
    return SyncRunning(
        "มีการรับ-ส่งข้อมูล (sync) ของโปรไฟล์นี้ทำงานอยู่แล้ว ในหน้าต่างหรือโปรแกรมอื่น "
        "(หรือที่เครื่องอื่นของหน่วยงาน) — รอให้เสร็จแล้วลองอีกครั้ง ข้อมูลไม่เสียหาย",
        "Another sync of this profile is already running (in another window or process, or "
        "on another workstation of the agency). Wait for it to finish and try again; "
        "nothing is lost.",
        detail=detail,
    )


@contextmanager
def sync_lock(data_dir: Path, wait: float, engine: Engine | None = None) -> Iterator[None]:
    """Hold the profile's sync lock, or raise :class:`SyncRunning` (see the module doc).

    With the agency server's ``engine`` the lock is the database's, so one station of the
    agency syncs at a time."""
    if engine is not None and engine.dialect.name == "postgresql":
        try:
            with agency_sync_lock(engine, wait):
                yield
        except AgencySyncBusy as exc:
            raise _sync_running("agency advisory sync lock held by another session") from exc
        return
    lock = FileLock(data_dir / SYNC_LOCK, timeout=max(wait, 0.0))
    try:
        lock.acquire()
    except Timeout as exc:
        raise _sync_running(str(data_dir / SYNC_LOCK)) from exc
    try:
        yield
    finally:
        lock.release()
