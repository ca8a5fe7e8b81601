"""Make one snapshot of a profile while the workstation keeps working.

Order matters for a consistent point in time: the audit checkpoints (append-only files)
are copied *before* the store, so no checkpoint in a snapshot is newer than its events;
the store is copied in one step of SQLite's online backup API, a single read transaction,
so a sync or a review writing meanwhile is either wholly in the copy or not at all; the
blobs are copied *after* it, and blobs are written before the rows that name them and
removed only by a destruction the head of the agency ordered (services.archive.retention)
or, once no row names them, by the orphan sweep (services.store.blob_sweep, run after the
backup), so every blob the copied store names is there.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import filelock
import sqlcipher3.dbapi2 as sqlcipher

from services.backup.layout import (
    BLOBS,
    FILES,
    MANIFEST,
    PARTIAL_PREFIX,
    SNAPSHOT_DB,
    BackupDamaged,
    BackupFailed,
    failed,
    is_snapshot_name,
    profile_files,
    profile_root,
    snapshot_name,
)
from services.backup.manifest import (
    FileEntry,
    Manifest,
    file_sha256,
    manifest_bytes,
    read_manifest,
)
from services.kernel.clock import Clock, SystemClock, utc
from services.kernel.fsutil import fsync_dir
from services.store.engine import BLOB_DIR, DB_FILE
from services.store.keys import read_profile_id, store_key_hex
from services.store.profile_lock import profile_lock

__all__ = [
    "BACKUP_LOCK",
    "Snapshot",
    "copy_file",
    "count_rows",
    "create_backup",
    "created_payload",
]

log = logging.getLogger(__name__)

BACKUP_LOCK = "backup.lock"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Snapshot:
    path: Path
    manifest: Manifest
    blobs_copied: int
    """Blobs this backup had to copy (the others were in the backup folder already)."""
    bytes_written: int


Step = Callable[[str], None]


def created_payload(made: Snapshot) -> dict[str, object]:
    """What ``backup.created`` records: figures and the snapshot's name, nothing personal."""
    return {
        "snapshot": made.path.name,
        "events": made.manifest.counts.get("event", 0),
        "files": len(made.manifest.blobs),
        "copied": made.blobs_copied,
        "bytes_written": made.bytes_written,
    }


def _keyed(path: Path, master: bytes) -> sqlcipher.Connection:
    connection = sqlcipher.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{store_key_hex(master)}'\"")
    connection.execute("PRAGMA busy_timeout = 10000")
    return connection


def count_rows(connection: sqlcipher.Connection) -> dict[str, int]:
    """Rows in every table of the store (the figures a restore is compared against)."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    # Names come from the schema itself, quoted: never from a person.
    return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def copy_file(source: Path, dest: Path) -> FileEntry:
    """Copy with fsync, hashing the bytes read; ``dest`` appears whole or not at all."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=".copy.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        size = 0
        with source.open("rb") as src, os.fdopen(fd, "wb") as out:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return FileEntry(digest.hexdigest(), size)


def _copy_store(data_dir: Path, dest: Path, master: bytes) -> dict[str, int]:
    source = _keyed(data_dir / DB_FILE, master)
    try:
        target = _keyed(dest, master)
        try:
            # pages=-1: the whole store in one step, one read transaction: a point in time.
            source.backup(target, pages=-1)
            counts = count_rows(target)
            # The copy is a closed file: no -wal beside it to lose or forget.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        source.close()
    with dest.open("rb+") as fh:
        os.fsync(fh.fileno())
    return counts


def _previous_blobs(root: Path, master: bytes) -> dict[str, FileEntry]:
    """The blob entries of the newest snapshot whose manifest this profile's key authenticates."""
    for path in sorted(root.iterdir(), reverse=True):
        if path.is_dir() and is_snapshot_name(path.name):
            try:
                return read_manifest(path, master).blobs
            except BackupDamaged:
                continue  # an older one may still vouch for its blobs
    return {}


def _copy_blobs(
    data_dir: Path, shared: Path, known: Mapping[str, FileEntry], step: Step
) -> tuple[dict[str, FileEntry], int, int]:
    """Copy the blobs the backup folder lacks; vouch for the others without re-reading them.

    A blob's name is the SHA-256 of its plaintext and a blob is written once and never
    changed, so one already in the backup folder with the size the last authenticated
    manifest gave it is the same blob: its entry is taken from that manifest, as hashed
    when it was copied. ``backup verify`` still re-reads every blob against that hash, and
    a restore decrypts each one with its address as associated data: damage since is found
    there, not hidden here. Only a blob in the folder that no manifest vouches for is
    hashed again.
    """
    entries: dict[str, FileEntry] = {}
    copied = written = 0
    source_root = data_dir / BLOB_DIR
    for source in sorted(source_root.rglob("*.blob")):
        relative = source.relative_to(source_root).as_posix()
        dest = shared / relative
        size = source.stat().st_size
        if dest.is_file() and dest.stat().st_size == size:
            vouched = known.get(relative)
            if vouched is not None and vouched.size == size:
                entries[relative] = vouched
                continue
            step(f"hash {relative}")
            entries[relative] = file_sha256(source)
            continue
        step(f"blob {relative}")
        entries[relative] = copy_file(source, dest)
        copied += 1
        written += size
    return entries, copied, written


def _clear_partials(root: Path) -> None:
    for leftover in root.glob(f"{PARTIAL_PREFIX}*"):
        log.info("removing the remains of an interrupted backup: %s", leftover)
        shutil.rmtree(leftover, ignore_errors=True)
    for tmp in (root / BLOBS).rglob(".copy.*.tmp"):
        tmp.unlink(missing_ok=True)


def create_backup(
    data_dir: Path,
    backup_dir: Path,
    master: bytes,
    *,
    clock: Clock | None = None,
    step: Step | None = None,
) -> Snapshot:
    """Back up the profile in ``data_dir`` into ``backup_dir``; the new snapshot.

    Raises :class:`BackupFailed` (with what to do) when the backup folder cannot take it
    or another backup of this profile is running; earlier snapshots are never touched.
    ``step`` is told each stage (tests use it to interrupt a backup at a chosen point).
    """
    step = step or (lambda _what: None)
    pid = read_profile_id(data_dir)
    if pid is None or not (data_dir / DB_FILE).is_file():
        raise BackupFailed(
            f"ไม่มีโปรไฟล์ในโฟลเดอร์ {data_dir} ให้สำรอง",
            f"There is no profile in {data_dir} to back up.",
            detail=f"{data_dir}: no profile id or store",
        )
    root = profile_root(backup_dir, pid)
    try:
        with profile_lock(data_dir, BACKUP_LOCK, wait=0):
            return _create(data_dir, root, pid, master, clock or SystemClock(), step)
    except filelock.Timeout:
        raise BackupFailed(
            "กำลังสำรองข้อมูลของโปรไฟล์นี้อยู่แล้ว ให้รอจนเสร็จ แล้วดูผลด้วย anuyat backup list",
            "A backup of this profile is already running. Wait for it to finish, then see "
            "'anuyat backup list'.",
            detail=f"{data_dir / BACKUP_LOCK} is held",
            code="backup_running",
        ) from None


def _create(
    data_dir: Path, root: Path, pid: str, master: bytes, clock: Clock, step: Step
) -> Snapshot:
    where = root
    try:
        root.mkdir(parents=True, exist_ok=True)
        _clear_partials(root)
        moment = utc(clock.now())
        partial = root / f"{PARTIAL_PREFIX}{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"
        partial.mkdir()
        try:
            step("files")
            files: dict[str, FileEntry] = {}
            for relative in profile_files(data_dir):
                where = partial / FILES / relative
                files[relative.as_posix()] = copy_file(data_dir / relative, where)
            step("store")
            where = partial / SNAPSHOT_DB
            counts = _copy_store(data_dir, where, master)
            store = file_sha256(where)
            where = root / BLOBS
            known = _previous_blobs(root, master)
            blobs, copied, written = _copy_blobs(data_dir, root / BLOBS, known, step)
            manifest = Manifest(
                profile_id=pid,
                created_at=moment.isoformat(timespec="seconds"),
                store=store,
                files=files,
                blobs=blobs,
                counts=counts,
            )
            step("manifest")
            where = partial / MANIFEST
            with where.open("xb") as fh:
                fh.write(manifest_bytes(manifest, master))
                fh.flush()
                os.fsync(fh.fileno())
            for folder in [partial, *[p for p in partial.rglob("*") if p.is_dir()]]:
                fsync_dir(folder)
            step("publish")
            taken = {p.name for p in root.iterdir() if is_snapshot_name(p.name)}
            final = root / snapshot_name(f"{moment:%Y%m%dT%H%M%SZ}", taken)
            where = final
            os.rename(partial, final)
            fsync_dir(root)
        except BaseException:
            with contextlib.suppress(OSError):
                shutil.rmtree(partial, ignore_errors=True)
            raise
    except OSError as exc:
        raise failed(exc, where) from exc
    except sqlcipher.Error as exc:  # SQLite says "database or disk is full" its own way
        code = errno.ENOSPC if "full" in str(exc) else errno.EIO
        raise failed(OSError(code, str(exc)), where) from exc
    written += store.size + sum(e.size for e in files.values())
    log.info("backup %s: %d blobs copied, %d bytes", final, copied, written)
    return Snapshot(final, manifest, copied, written)
