"""What counts as one request on the drive: names, limits, the item key, the data seen.

The rules themselves are told in the package docstring (:mod:`services.intake.drive`).
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from services.kernel.sizes import MB
from services.kernel.text import clean_line

DEFAULT_IGNORES: tuple[str, ...] = (
    "Thumbs.db",
    "ehthumbs.db",
    "desktop.ini",
    ".DS_Store",
    "~$*",
    "*.tmp",
    "*.part",
    "*.partial",
    "*.crdownload",
    "*.download",
    ".~lock.*#",
    "._*",
    "__MACOSX",
    "$RECYCLE.BIN",
    "System Volume Information",
)
"""Names (matched case-insensitively, at any depth, files and folders) that are never
documents: OS thumbnails and metadata, Office lock files, half-finished downloads."""

SIDECAR_NAMES: tuple[str, ...] = ("request.toml", "request.json")
SIDECAR_KEYS: tuple[str, ...] = (
    "service",
    "applicant_name",
    "applicant_kind",
    "national_id",
    "email",
    "phone",
    "subject",
    "note",
    "channel_note",
    "submitted_at",
    "platform",
    "premises_address",
)
DEFAULT_MAX_FILE_BYTES = 25 * MB
"""Largest file :func:`read_file` returns by default (the intake limit for one file)."""
DEFAULT_MAX_FILES_PER_ITEM = 500
"""An item with more files than this is reported, not hashed: someone dropped a whole tree."""
MAX_DEPTH = 16


# --- data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DriveFile:
    """One document of an item, as seen when the item was taken."""

    relative_path: str
    """Path inside the item with ``/`` separators, as named on disk; for an item that is a
    single file, the file's own name."""
    size: int
    mtime: datetime
    """Modification time, aware UTC."""
    sha256: str


@dataclass(frozen=True)
class DriveItem:
    """One application found on the drive (a sub-folder, or a file in the watched folder)."""

    key: str
    """Idempotency key: ``"drive:"`` + SHA-256 over the sorted (relative path, SHA-256) pairs."""
    name: str
    """The folder or file name, for people (old TIS-620 names decoded)."""
    path: Path
    files: tuple[DriveFile, ...]
    """The documents, sorted by path; the sidecar is not among them."""
    received_at: datetime
    """The newest modification time among the documents (the sidecar's when there are
    none), never later than the scanner's clock; aware UTC."""
    sidecar: dict[str, str] = field(default_factory=dict)
    """Valid sidecar values by key (see :data:`SIDECAR_KEYS`); empty without a sidecar."""
    sidecar_problem_th: str = ""
    sidecar_problem_en: str = ""


@dataclass(frozen=True)
class DriveRejection:
    """Something on the drive that was left out, and why, for the officer and the log."""

    item: str
    """The item's name (the top-level folder or file)."""
    relative_path: str
    """Path of the rejected entry inside the watched folder, ``/`` separated."""
    code: str  # symlink | hard_link | unreadable | too_many_files | too_deep | not_a_file
    reason_th: str
    reason_en: str


def is_ignored(name: str, patterns: Sequence[str] = DEFAULT_IGNORES) -> bool:
    """Whether a file or folder name matches one of ``patterns`` (case-insensitive)."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, p.lower()) for p in patterns)


_MAX_SHOWN = 1000  # characters of a path shown to people


def display_name(name: str) -> str:
    """A name fit for people: undecodable bytes (old Thai Samba shares) read as TIS-620,
    without bidi or control characters, bounded (:func:`services.kernel.text.clean_line`)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = os.fsencode(name).decode("cp874", errors="replace")
    return clean_line(name, _MAX_SHOWN)


def _key_text(relative_path: str) -> bytes:
    # NFC so the key does not depend on how the server normalises Thai/Latin names.
    return unicodedata.normalize("NFC", relative_path).encode("utf-8", "surrogateescape")


def item_key(pairs: Sequence[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for path, sha in sorted((_key_text(p), s) for p, s in pairs):
        digest.update(path + b"\0" + sha.encode("ascii") + b"\n")
    return "drive:" + digest.hexdigest()


def rejection(item: str, path: str, code: str, *, limit: int = 0) -> DriveRejection:
    shown = display_name(path)
    th, en = {
        "symlink": (
            f"ไม่นำเข้า {shown} เพราะเป็นทางลัด (symbolic link) ซึ่งอาจชี้ออกนอกไดรฟ์กลาง"
            " ให้คัดลอกไฟล์จริงมาวางแทน",
            f"{shown} was not taken: it is a symbolic link, which may point outside the shared"
            " drive. Copy the real file there instead.",
        ),
        "hard_link": (
            f"ไม่นำเข้า {shown} เพราะเป็นฮาร์ดลิงก์ (hard link) ไปยังไฟล์ที่มีอยู่ที่อื่นด้วย"
            " ซึ่งอาจเป็นไฟล์ของระบบ ให้คัดลอกไฟล์จริงมาวางแทน",
            f"{shown} was not taken: it is a hard link to a file that also exists elsewhere,"
            " possibly a system file. Copy the real file there instead.",
        ),
        "unreadable": (
            f"ยังอ่าน {shown} ไม่ได้ (อาจเปิดค้างอยู่ในโปรแกรมอื่นหรือไม่มีสิทธิ์อ่าน) ระบบจะลองใหม่",
            f"{shown} cannot be read yet (it may be open in another program, or access is"
            " denied). It will be tried again.",
        ),
        "too_many_files": (
            f"ไม่นำเข้าโฟลเดอร์ {shown} เพราะมีไฟล์มากเกิน {limit} ไฟล์ หนึ่งโฟลเดอร์ควรเป็นคำขอเพียงหนึ่งเรื่อง",
            f"The folder {shown} was not taken: it holds more than"
            f" {limit} files. One folder should be one request.",
        ),
        "too_deep": (
            f"ไม่นำเข้า {shown} เพราะซ้อนโฟลเดอร์ลึกเกิน {MAX_DEPTH} ชั้น",
            f"{shown} was not taken: folders are nested more than {MAX_DEPTH} levels deep.",
        ),
        "not_a_file": (
            f"ไม่นำเข้า {shown} เพราะไม่ใช่ไฟล์ปกติ",
            f"{shown} was not taken: it is not a regular file.",
        ),
    }[code]
    return DriveRejection(display_name(item), shown, code, th, en)
