"""What backups a profile has, the last good one, and whether a new one is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from services.backup.layout import BackupDamaged, is_snapshot_name, profile_root
from services.backup.manifest import Manifest, read_manifest

__all__ = ["Listed", "list_snapshots", "last_snapshot", "backup_due", "too_old"]


@dataclass(frozen=True)
class Listed:
    path: Path
    manifest: Manifest | None
    """None when the snapshot's manifest cannot be read (damaged)."""

    @property
    def created_at(self) -> datetime | None:
        return None if self.manifest is None else datetime.fromisoformat(self.manifest.created_at)


def list_snapshots(backup_dir: Path, profile_id: str) -> list[Listed]:
    """The profile's snapshots in ``backup_dir``, newest first (interrupted ones are not)."""
    root = profile_root(backup_dir, profile_id)
    if not root.is_dir():
        return []
    found: list[Listed] = []
    for path in sorted(root.iterdir(), reverse=True):
        if not (path.is_dir() and is_snapshot_name(path.name)):
            continue
        try:
            found.append(Listed(path, read_manifest(path, None)))
        except BackupDamaged:
            found.append(Listed(path, None))
    return found


def last_snapshot(backup_dir: Path, profile_id: str) -> Listed | None:
    """The newest snapshot whose manifest reads (complete: manifests are written last)."""
    for listed in list_snapshots(backup_dir, profile_id):
        if listed.manifest is not None and listed.manifest.profile_id == profile_id:
            return listed
    return None


def backup_due(
    last: Listed | None,
    now: datetime,
    *,
    every: timedelta,
    events_now: int,
    after_changes: int,
) -> bool:
    """Whether the schedule asks for a backup: none yet, a day old, or N changes since."""
    if last is None or last.manifest is None or last.created_at is None:
        return True
    if now - last.created_at >= every:
        return True
    return after_changes > 0 and events_now - last.manifest.events >= after_changes


def too_old(last: Listed | None, now: datetime, warn_after: timedelta) -> bool:
    """Whether to warn: no backup at all, or the last one older than the agency allows."""
    return last is None or last.created_at is None or now - last.created_at > warn_after
