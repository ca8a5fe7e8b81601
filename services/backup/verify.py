"""Check a snapshot the slow, certain way: every byte re-read, the audit chain walked.

A snapshot that checks out here restores to a store whose audit chain verifies and whose
row counts are the ones recorded when it was made.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from models.store import create_store_engine
from services.backup.create import count_rows
from services.backup.layout import BLOBS, FILES, SNAPSHOT_DB
from services.backup.manifest import FileEntry, Manifest, damaged, file_sha256, read_manifest
from services.kernel.events import verify_chain
from services.kernel.state_check import check_state
from services.store.keys import store_key_hex

__all__ = ["Verified", "verify_snapshot", "check_file"]


@dataclass(frozen=True)
class Verified:
    manifest: Manifest
    files_checked: int
    bytes_read: int
    events_checked: int

    def manifest_time(self) -> datetime:
        return datetime.fromisoformat(self.manifest.created_at)


def check_file(snapshot: Path, path: Path, expected: FileEntry, name: str) -> None:
    """Raise :class:`BackupDamaged` unless ``path`` holds exactly the recorded bytes."""
    try:
        found = file_sha256(path)
    except OSError as exc:
        raise damaged(snapshot, f"{name}: {exc!r}") from None
    if found != expected:
        raise damaged(snapshot, f"{name}: expected {expected}, found {found}")


def verify_snapshot(snapshot: Path, master: bytes) -> Verified:
    """Check ``snapshot`` fully; :class:`BackupDamaged` names the first thing wrong."""
    snapshot = Path(snapshot)
    manifest = read_manifest(snapshot, master)
    checked, read = 1, manifest.store.size
    check_file(snapshot, snapshot / SNAPSHOT_DB, manifest.store, SNAPSHOT_DB)
    for name, entry in manifest.files.items():
        check_file(snapshot, snapshot / FILES / name, entry, name)
        checked, read = checked + 1, read + entry.size
    shared = snapshot.parent / BLOBS
    for name, entry in manifest.blobs.items():
        check_file(snapshot, shared / name, entry, f"{BLOBS}/{name}")
        checked, read = checked + 1, read + entry.size
    events = _check_store(snapshot, manifest, master)
    return Verified(manifest, checked, read, events)


def _check_store(snapshot: Path, manifest: Manifest, master: bytes) -> int:
    # Opened from a private copy: SQLite writes beside a file it opens, and a backup is
    # only ever read.
    with tempfile.TemporaryDirectory(prefix="anuyat-verify-") as scratch:
        copy = Path(scratch) / SNAPSHOT_DB
        shutil.copyfile(snapshot / SNAPSHOT_DB, copy)
        engine = create_store_engine(copy, store_key_hex(master))
        try:
            with Session(engine) as session:
                report = verify_chain(session)
                # The rows must also be what the events say: a copy cut through a
                # transaction would show here.
                mismatches = check_state(session)
                raw = session.connection().connection.dbapi_connection
                counts = count_rows(raw)
        except DatabaseError as exc:
            raise damaged(snapshot, f"store does not open: {exc!r}") from None
        finally:
            engine.dispose()
    if not report.ok:
        assert report.broken is not None
        raise damaged(snapshot, f"audit chain broken: {report.broken.describe()}")
    if mismatches:
        raise damaged(snapshot, f"state differs from the events: {mismatches[0].describe()}")
    if counts != manifest.counts:
        raise damaged(snapshot, f"row counts {counts} differ from the manifest's")
    return report.checked
