"""The window's backup port: the last good backup, "Back up now", and the schedule.

The facade reads the backup settings each time (the Settings page may change them) and
the master key from the keyring; the work is :mod:`services.backup`. The schedule is the
station's own task (daily, and after N recorded changes): :meth:`BackupFacade.back_up_if_due`
is called from a timer in the running workstation, off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select

from models import Event
from services.access.table import Action, may, require
from services.backup.audit import record_backup_event, record_failure
from services.backup.create import create_backup, created_payload
from services.backup.layout import BackupNotSet
from services.backup.status import Listed, backup_due, last_snapshot, too_old
from services.kernel.actors import Actor, SignedInUser
from services.kernel.errors import AnuyatError
from services.settings.declaration import BY_NAME
from services.store import keys
from services.store.blob_sweep import sweep_orphans
from services.store.context import AppContext

__all__ = ["BackupPort", "BackupFacade", "BackupState", "BackupMade"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupState:
    folder_set: bool
    last_at: datetime | None
    """When the newest whole backup was made (UTC), or None."""
    too_old: bool
    """No backup, or the last one is older than the agency's ``backup_warn_after_hours``."""
    warn_after_hours: int


@dataclass(frozen=True)
class BackupMade:
    path: Path
    made_at: datetime
    blobs_copied: int


class BackupPort(Protocol):
    def state(self, user: SignedInUser) -> BackupState: ...

    def may_back_up_now(self, user: SignedInUser) -> bool: ...

    def back_up_now(self, user: SignedInUser) -> BackupMade: ...

    def back_up_if_due(self) -> BackupMade | None: ...


class BackupFacade:
    """``settings``: the settings in force now (read at each call)."""

    def __init__(self, context: AppContext, settings: Callable[[], Mapping[str, Any]]) -> None:
        self.context = context
        self._settings = settings

    def _value(self, name: str) -> Any:
        return self._settings().get(name, BY_NAME[name].default)

    def _folder(self) -> Path | None:
        chosen = self._value("backup_dir") or ""
        return Path(chosen).expanduser() if chosen else None

    def _last(self, folder: Path | None) -> Listed | None:
        if folder is None:
            return None
        pid = keys.read_profile_id(self.context.store.data_dir)
        return None if pid is None else last_snapshot(folder, pid)

    def state(self, user: SignedInUser) -> BackupState:
        self.context.verified(Actor.from_user(user))
        folder = self._folder()
        last = self._last(folder)
        hours = int(self._value("backup_warn_after_hours"))
        return BackupState(
            folder_set=folder is not None,
            last_at=None if last is None else last.created_at,
            too_old=too_old(last, self.context.clock.now(), timedelta(hours=hours)),
            warn_after_hours=hours,
        )

    def may_back_up_now(self, user: SignedInUser) -> bool:
        return may(user.roles, Action.BACK_UP_NOW)

    def back_up_now(self, user: SignedInUser) -> BackupMade:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.BACK_UP_NOW)
        return self._make(actor)

    def back_up_if_due(self) -> BackupMade | None:
        folder = self._folder()
        if folder is None:
            return None
        with self.context.read() as session:
            events = session.scalar(select(func.count()).select_from(Event)) or 0
        due = backup_due(
            self._last(folder),
            self.context.clock.now(),
            every=timedelta(hours=int(self._value("backup_every_hours"))),
            events_now=events,
            after_changes=int(self._value("backup_after_changes")),
        )
        return self._make(Actor.system("backup")) if due else None

    def _sweep(self, actor: Actor) -> None:
        """The orphan sweep, once what it removes is in the backup just made. Its failure is
        logged, not raised: the backup the officer asked for is made."""
        try:
            sweep_orphans(self.context, actor)
        except Exception:  # noqa: BLE001 - upkeep; the next backup tries again
            log.exception("the orphan sweep after a backup failed")

    def _make(self, actor: Actor) -> BackupMade:
        folder = self._folder()
        if folder is None:
            raise BackupNotSet()
        data_dir = self.context.store.data_dir
        try:
            made = create_backup(
                data_dir, folder, keys.load_master_key(data_dir), clock=self.context.clock
            )
        except AnuyatError as exc:
            record_failure(self.context, actor, "create", exc)
            raise
        log.info("backup made: %s", made.path)
        record_backup_event(self.context, actor, "backup.created", created_payload(made))
        self._sweep(actor)
        return BackupMade(
            made.path, datetime.fromisoformat(made.manifest.created_at), made.blobs_copied
        )
