"""Names inside a backup folder, what of a profile is copied, and the errors people see."""

from __future__ import annotations

import errno
import re
from pathlib import Path

from services.kernel.errors import AnuyatError

__all__ = [
    "BLOBS",
    "MANIFEST",
    "PARTIAL_PREFIX",
    "SNAPSHOT_DB",
    "BackupFailed",
    "BackupDamaged",
    "BackupNotSet",
    "profile_files",
    "profile_root",
    "snapshot_name",
    "is_snapshot_name",
]

BLOBS = "blobs"
MANIFEST = "manifest.json"
SNAPSHOT_DB = "anuyat.db"
FILES = "files"
PARTIAL_PREFIX = ".partial-"

_SNAPSHOT = re.compile(r"\d{8}T\d{6}Z(-\d+)?")

# Not copied: the store and blobs (copied their own way), what is rebuilt or private to
# this machine (logs, locks, the viewer's temporary copies) and the demo's file keyring,
# which holds the master key in clear.
_SKIPPED_TOP = frozenset(
    {
        "anuyat.db",
        "blobs",
        "logs",
        "viewer-copies",
        "demo-keyring.json",
        "sync.lock",
        "upgrade.lock",
        "backup.lock",
    }
)


class BackupFailed(AnuyatError):
    """A backup could not be made; earlier backups are untouched."""

    code = "backup_failed"


class BackupDamaged(AnuyatError):
    """A backup does not check out: missing, truncated or altered files, or another profile's."""

    code = "backup_damaged"


class BackupNotSet(AnuyatError):
    code = "backup_not_set"

    def __init__(self) -> None:
        super().__init__(
            "ยังไม่ได้กำหนดที่เก็บสำรองข้อมูล ให้ผู้ดูแลระบบตั้งค่า 'ที่เก็บสำรองข้อมูล' ในหน้าตั้งค่า "
            "(ดิสก์อื่นหรือโฟลเดอร์บนเครื่องแม่ข่าย) หรือระบุ --to",
            "No backup folder is set. Ask the administrator to set the backup folder on the "
            "Settings page (another disk or a server share), or give --to.",
        )


def profile_root(backup_dir: Path, profile_id: str) -> Path:
    """The folder of one profile's backups inside the agency's backup folder."""
    return Path(backup_dir) / f"anuyat-{profile_id}"


def snapshot_name(stamp: str, taken: set[str]) -> str:
    """A folder name for a snapshot made at ``stamp`` that no existing one has."""
    name, n = stamp, 1
    while name in taken:
        n += 1
        name = f"{stamp}-{n}"
    return name


def is_snapshot_name(name: str) -> bool:
    return _SNAPSHOT.fullmatch(name) is not None


def profile_files(data_dir: Path) -> list[Path]:
    """The profile's own small files to copy (relative paths), in a stable order."""
    found: list[Path] = []
    for path in sorted(Path(data_dir).rglob("*")):
        relative = path.relative_to(data_dir)
        top = relative.parts[0]
        if top in _SKIPPED_TOP or top.startswith(f"{SNAPSHOT_DB}-") or top.endswith(".lock"):
            continue
        if path.is_file() and not path.is_symlink() and not path.name.endswith(".tmp"):
            found.append(relative)
    return found


def disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def failed(exc: OSError, where: Path) -> BackupFailed:
    """The person's message for a backup that broke off while writing ``where``."""
    if disk_full(exc):
        th = "ที่เก็บสำรองข้อมูลเต็ม"
        en = "The backup folder is full"
    else:
        th = "เขียนลงที่เก็บสำรองข้อมูลไม่ได้ (เช่น ถอดดิสก์ USB ออกหรือเครือข่ายหลุด)"
        en = "Could not write to the backup folder (a USB disk pulled out, a network drop)"
    return BackupFailed(
        f"{th} สำรองข้อมูลครั้งนี้ไม่สำเร็จ — สำเนาสำรองเดิมยังอยู่ครบ ข้อมูลในเครื่องไม่เปลี่ยนแปลง "
        "ให้ตรวจที่เก็บสำรองข้อมูล (พื้นที่ว่าง การเชื่อมต่อ) แล้วสำรองใหม่",
        f"{en}, so this backup was not made. Earlier backups are intact and nothing on this "
        "computer changed. Check the backup folder (free space, connection) and back up again.",
        detail=f"{where}: {exc!r}",
    )
