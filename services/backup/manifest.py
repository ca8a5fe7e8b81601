"""``manifest.json``: what a snapshot holds, authenticated under the profile's key.

Written last, after every file it names is on disk, so a snapshot with a manifest is
whole. The HMAC-SHA256 (key derived from the master key, purpose ``"backup"``) covers
the profile id, the time, every file's hash and the store's row counts: a backup edited,
truncated or made by another agency's profile fails :func:`read_manifest` with a key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from services.backup.layout import BackupDamaged
from services.store.keys import derive_key

__all__ = [
    "FORMAT",
    "FileEntry",
    "Manifest",
    "damaged",
    "file_sha256",
    "manifest_bytes",
    "read_manifest",
]

FORMAT = "anuyat-backup"
VERSION = 1
PURPOSE_BACKUP = "backup"
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileEntry:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    profile_id: str
    created_at: str
    """ISO time in UTC when the store was copied (the snapshot's point in time)."""
    store: FileEntry
    files: dict[str, FileEntry] = field(default_factory=dict)
    """The profile's small files, by path relative to the profile folder (POSIX)."""
    blobs: dict[str, FileEntry] = field(default_factory=dict)
    """Blob files by path relative to the shared ``blobs/`` folder."""
    counts: dict[str, int] = field(default_factory=dict)
    """Rows per table in the copied store."""

    @property
    def events(self) -> int:
        return self.counts.get("event", 0)

    def body(self) -> dict[str, Any]:
        def entries(items: dict[str, FileEntry]) -> dict[str, Any]:
            return {k: {"sha256": v.sha256, "size": v.size} for k, v in sorted(items.items())}

        return {
            "format": FORMAT,
            "version": VERSION,
            "profile_id": self.profile_id,
            "created_at": self.created_at,
            "store": {"sha256": self.store.sha256, "size": self.store.size},
            "files": entries(self.files),
            "blobs": entries(self.blobs),
            "counts": dict(sorted(self.counts.items())),
        }


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _mac(master: bytes, body: dict[str, Any]) -> str:
    key = derive_key(master, PURPOSE_BACKUP)
    return hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()


def manifest_bytes(manifest: Manifest, master: bytes) -> bytes:
    body = manifest.body()
    document = {**body, "hmac_sha256": _mac(master, body)}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def file_sha256(path: Path) -> FileEntry:
    """Hash a file by reading every byte of it."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return FileEntry(digest.hexdigest(), size)


def damaged(snapshot: Path, detail: str) -> BackupDamaged:
    """The person's message for a snapshot that does not check out."""
    return BackupDamaged(
        f"สำเนาสำรอง {snapshot.name} ไม่สมบูรณ์หรือเสียหาย (ขาดไฟล์ ไฟล์ถูกตัด หรือถูกแก้ไข) "
        "ให้ใช้สำเนาสำรองชุดอื่น (anuyat backup list)",
        f"The backup {snapshot.name} is incomplete or damaged (a file missing, cut short or "
        "changed). Use another backup ('anuyat backup list').",
        detail=f"{snapshot}: {detail}",
    )


def _entries(raw: Any, snapshot: Path, where: str) -> dict[str, FileEntry]:
    if not isinstance(raw, dict):
        raise damaged(snapshot, f"{where} is not an object")
    out: dict[str, FileEntry] = {}
    for name, value in raw.items():
        try:
            out[str(name)] = FileEntry(str(value["sha256"]), int(value["size"]))
        except (KeyError, TypeError, ValueError):
            raise damaged(snapshot, f"{where}.{name} is malformed") from None
    return out


def read_manifest(snapshot: Path, master: bytes | None) -> Manifest:
    """The manifest of ``snapshot``; with ``master``, checked to be this profile's, unaltered.

    Without ``master`` (listing on a machine that has no key) the HMAC is not checked.
    """
    from services.backup.layout import MANIFEST

    try:
        document = json.loads((snapshot / MANIFEST).read_bytes().decode("utf-8"))
        body = {k: v for k, v in document.items() if k != "hmac_sha256"}
        if body.get("format") != FORMAT or body.get("version") != VERSION:
            raise ValueError(f"format {body.get('format')!r} version {body.get('version')!r}")
        manifest = Manifest(
            profile_id=str(body["profile_id"]),
            created_at=str(body["created_at"]),
            store=FileEntry(str(body["store"]["sha256"]), int(body["store"]["size"])),
            files=_entries(body["files"], snapshot, "files"),
            blobs=_entries(body["blobs"], snapshot, "blobs"),
            counts={str(k): int(v) for k, v in body["counts"].items()},
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise damaged(snapshot, f"manifest unreadable: {exc!r}") from None
    if master is not None and not hmac.compare_digest(
        str(document.get("hmac_sha256", "")), _mac(master, manifest.body())
    ):
        raise BackupDamaged(
            f"สำเนาสำรอง {snapshot.name} ไม่ได้ทำจากโปรไฟล์นี้ (กุญแจไม่ตรงกัน) หรือถูกแก้ไข "
            "ให้เลือกสำเนาสำรองของหน่วยงานนี้ และไฟล์กุญแจกู้คืนของโปรไฟล์นี้",
            f"The backup {snapshot.name} was not made from this profile (the key does not "
            "match) or it was changed. Choose this agency's backup and this profile's "
            "recovery file.",
            detail=f"{snapshot}: manifest HMAC mismatch (profile {manifest.profile_id})",
            code="backup_wrong_key",
        )
    return manifest
