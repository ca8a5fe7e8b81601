"""Restore a snapshot into a new profile folder with nothing but the recovery file.

The snapshot is verified in full first (every byte, the audit chain, the counts); only
then are its files copied into the new folder and the master key put in this machine's
keyring. A refused restore leaves the keyring as it was and the new folder absent.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from services.backup.create import copy_file
from services.backup.layout import BLOBS, FILES, MANIFEST, SNAPSHOT_DB, BackupDamaged
from services.backup.manifest import read_manifest
from services.backup.status import last_snapshot
from services.backup.verify import Verified, verify_snapshot
from services.kernel.errors import InvalidInput
from services.kernel.fsutil import fsync_dir
from services.store.engine import BLOB_DIR, DB_FILE, key_opens_store
from services.store.keys import install_master_key, write_profile_id
from services.store.recovery import read_recovery_file

__all__ = ["restore_snapshot"]


def _chosen(given: Path, pid: str) -> Path:
    """``given`` itself when it is a snapshot; given the backup folder (or the profile's
    folder in it), the newest whole snapshot of the recovery file's profile."""
    if (given / MANIFEST).exists():
        return given
    for backup_dir in (given, given.parent):
        newest = last_snapshot(backup_dir, pid)
        if newest is not None:
            return newest.path
    raise BackupDamaged(
        f"ไม่พบสำเนาสำรองของโปรไฟล์นี้ที่ {given} ให้ตรวจว่าต่อดิสก์สำรองแล้ว "
        "และเลือกโฟลเดอร์สำรองข้อมูลหรือโฟลเดอร์ของสำเนาสำรองชุดหนึ่ง",
        f"No backup of this profile was found at {given}. Check that the backup disk is "
        "connected, and give the backup folder or one backup's folder.",
        detail=f"{given}: no manifest and no snapshot of {pid}",
        code="backup_not_found",
    )


def restore_snapshot(
    snapshot: Path,
    into: Path,
    recovery_file: Path,
    passphrase: str,
    *,
    before_key: Callable[[Path], object] | None = None,
) -> Verified:
    """Restore ``snapshot`` (or the newest in a backup folder) into the new folder ``into``.

    ``before_key`` is called with ``into`` once its files are there and before the key is
    installed: the CLI chooses the keyring there (a demo profile on a machine without one
    keeps its key in a file beside it, see ``app.demo_keyring``).
    """
    snapshot, into = Path(snapshot), Path(into)
    if into.exists() and any(into.iterdir()):
        raise InvalidInput(
            f"โฟลเดอร์ {into} มีข้อมูลอยู่แล้ว การกู้คืนจะไม่เขียนทับ ให้เลือกโฟลเดอร์ใหม่ที่ว่าง",
            f"The folder {into} is not empty; a restore never overwrites. Choose a new, "
            "empty folder.",
            detail=f"{into} not empty",
            code="restore_target_not_empty",
        )
    pid, master = read_recovery_file(recovery_file, passphrase)
    snapshot = _chosen(snapshot, pid)
    recorded = read_manifest(snapshot, None)
    if recorded.profile_id != pid:
        raise BackupDamaged(
            "สำเนาสำรองนี้เป็นของโปรไฟล์อื่น (หน่วยงานหรือเครื่องอื่น) ไม่ใช่ของไฟล์กุญแจกู้คืนนี้ "
            f"(สำเนาสำรอง: {recorded.profile_id}, ไฟล์กุญแจ: {pid}) ไม่ได้เปลี่ยนแปลงอะไร "
            "ให้เลือกสำเนาสำรองและไฟล์กุญแจกู้คืนของโปรไฟล์เดียวกัน",
            "This backup belongs to another profile (another agency or station), not to this "
            f"recovery file (backup: {recorded.profile_id}, recovery file: {pid}). Nothing was "
            "changed. Choose the backup and the recovery file of the same profile.",
            detail=f"{snapshot} is {recorded.profile_id}; {recovery_file} is {pid}",
            code="backup_other_profile",
        )
    verified = verify_snapshot(snapshot, master)
    manifest = verified.manifest
    created = not into.exists()
    try:
        into.mkdir(parents=True, exist_ok=True)
        for name in manifest.files:
            copy_file(snapshot / FILES / name, into / name)
        copy_file(snapshot / SNAPSHOT_DB, into / DB_FILE)
        for name in manifest.blobs:
            copy_file(snapshot.parent / BLOBS / name, into / BLOB_DIR / name)
        for folder in [into, *[p for p in into.rglob("*") if p.is_dir()]]:
            fsync_dir(folder)
        if write_profile_id(into, pid) != pid or not key_opens_store(into / DB_FILE, master):
            raise BackupDamaged(
                "ข้อมูลที่กู้คืนเปิดด้วยกุญแจกู้คืนไม่ได้ ไม่ได้เปลี่ยนแปลงที่เก็บกุญแจ",
                "The restored store does not open with the recovery key; the keyring was "
                "not changed.",
                detail=f"{into}: key check failed after copying {snapshot}",
            )
        if before_key is not None:
            before_key(into)
        install_master_key(into, master)
    except BaseException:
        if created:
            shutil.rmtree(into, ignore_errors=True)
        raise
    return verified
