"""Requests dropped on the shared network drive: what counts as one application, and when.

The convention (also in ``docs/shared-drive.md`` for the agency's IT person):

* The watched folder's **direct children are items**. A **sub-folder is one application**:
  every file inside it, at any depth, except ignored ones. A **file directly in the watched
  folder is one application** on its own.
  (โฟลเดอร์ย่อยหนึ่งโฟลเดอร์ = คำขอหนึ่งเรื่อง ไฟล์ทุกไฟล์ในโฟลเดอร์นั้นเป็นเอกสารของคำขอ;
  ไฟล์ที่วางไว้ในโฟลเดอร์หลักโดยตรงหนึ่งไฟล์ = คำขอหนึ่งเรื่อง)
* Names at the top level starting with ``.`` or ``_`` are skipped (files and folders), so IT
  can keep ``_processed`` or ``_อ่านก่อน.txt`` there; so is the processed folder wherever it
  is. Anything starting with ``.`` is skipped at every depth, and so is every name matching
  an ignore pattern (:data:`DEFAULT_IGNORES`: ``Thumbs.db``, ``~$*``, ``*.part`` …).
  (ชื่อที่ขึ้นต้นด้วย ``.`` หรือ ``_`` ในโฟลเดอร์หลักจะไม่ถูกนำเข้า)
* A sub-folder may hold a **sidecar**, ``request.toml`` or ``request.json``, directly inside it
  (not deeper, and not in the watched folder itself, where it is an ordinary one-file
  application). It is not a document; it gives applicant and service data, every key optional,
  every value text: ``service`` (catalog code), ``applicant_name``, ``applicant_kind``
  (``person`` / ``juristic``, or ``บุคคลธรรมดา`` / ``นิติบุคคล``), ``national_id``, ``email``,
  ``phone``, ``subject``, ``note``, ``channel_note`` (e.g. ``LINE``); a number is kept as
  text but flagged, since it has lost any leading 0. Unknown keys, wrong types
  and broken syntax never drop the item: it is still taken, with the problem told in Thai and
  English in ``sidecar_problem_th`` / ``sidecar_problem_en`` so intake can queue it as
  unclassified with a note. (ไฟล์ request.toml ที่เขียนผิดรูปแบบจะไม่ทำให้คำขอหาย)
* An item is taken only once **every file in it has kept the same size and modification time
  for** ``stable_for`` across scans (the first sighting starts the clock, any change restarts
  it), so a copy still in progress is not taken half-way; it shows in :meth:`pending`.
* An item's ``key`` is ``"drive:"`` + SHA-256 over its sorted (relative path, file SHA-256)
  pairs, the sidecar included (a corrected sidecar is new information, not a duplicate). The
  same content dropped again under the same names has the same key, so the caller's
  idempotency record keeps a re-scan from ever duplicating an application.
* The source is **never modified**, unless a processed folder is configured: then
  :meth:`DriveScanner.mark_processed` moves the item there after it has been recorded.
* Symbolic links (and Windows junctions) are never followed, wherever they point: they are
  left out and reported by :meth:`DriveScanner.rejected`.

The scanner is not thread-safe: one sync worker owns it. :class:`DriveWatcher` only tells
that worker to scan early; the periodic scan is what guarantees nothing is missed, because
network shares often deliver no change events.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fnmatch
import hashlib
import json
import os
import shutil
import stat
import threading
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any, cast

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from services.kernel.clock import Clock, utc
from services.kernel.errors import AnuyatError, InvalidInput

__all__ = [
    "DEFAULT_IGNORES",
    "DEFAULT_MAX_FILE_BYTES",
    "DEFAULT_MAX_FILES_PER_ITEM",
    "SIDECAR_NAMES",
    "SIDECAR_KEYS",
    "DriveFile",
    "DriveItem",
    "DriveRejection",
    "DriveUnavailable",
    "DriveFileChanged",
    "DriveMoveFailed",
    "DriveWatchUnavailable",
    "DriveScanner",
    "DriveWatcher",
    "is_ignored",
    "read_file",
]

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
)
DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024
"""Largest file :func:`read_file` returns by default (the intake limit for one file)."""
DEFAULT_MAX_FILES_PER_ITEM = 500
"""An item with more files than this is reported, not hashed: someone dropped a whole tree."""
MAX_SIDECAR_BYTES = 64 * 1024
MAX_SIDECAR_VALUE_CHARS = 5000
MAX_DEPTH = 16

_APPLICANT_KINDS = {
    "person": "person",
    "บุคคลธรรมดา": "person",
    "juristic": "juristic",
    "นิติบุคคล": "juristic",
}
_NAME_SURROGATE = 0x20000000  # Windows reparse tags that are links (symlinks, junctions)
_CHUNK = 1024 * 1024
_WAKING_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed"})

ClockLike = Clock | Callable[[], datetime]


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
    code: str  # "symlink" | "unreadable" | "too_many_files" | "too_deep" | "not_a_file"
    reason_th: str
    reason_en: str


# --- errors --------------------------------------------------------------------------------


class DriveUnavailable(AnuyatError):
    """The watched folder cannot be reached; the caller retries on its next cycle."""

    code = "drive_unavailable"

    def __init__(self, root: Path, *, detail: str | None = None) -> None:
        super().__init__(
            f"เข้าถึงโฟลเดอร์รับคำขอบนไดรฟ์กลาง ({root}) ไม่ได้ ไดรฟ์เครือข่ายอาจยังไม่ได้เชื่อมต่อ"
            " ให้ตรวจสอบการเชื่อมต่อเครือข่ายและไดรฟ์ที่แชร์ ระบบจะลองใหม่เองโดยอัตโนมัติ",
            f"The shared-drive intake folder ({root}) cannot be reached: the network share may"
            " not be mounted. Check the network drive; Anuyat will try again by itself.",
            detail=detail,
        )
        self.root = root


class DriveFileChanged(AnuyatError):
    """A file changed or vanished after its item was taken; the next scan offers it anew."""

    code = "drive_file_changed"

    def __init__(self, relative_path: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"ไฟล์ {relative_path} บนไดรฟ์กลางถูกแก้ไขหรือย้ายออกไประหว่างนำเข้า ระบบจะนำเข้าใหม่ในรอบถัดไป",
            f"The file {relative_path} on the shared drive changed or was moved while it was"
            " being taken in. It will be taken again on the next scan.",
            detail=detail,
        )


class DriveMoveFailed(AnuyatError):
    """The item was recorded but could not be moved to the processed folder."""

    code = "drive_move_failed"

    def __init__(self, name: str, target: Path, *, detail: str | None = None) -> None:
        super().__init__(
            f"บันทึกคำขอ {name} แล้ว แต่ย้ายไปโฟลเดอร์ที่ดำเนินการแล้ว ({target}) ไม่ได้"
            " ให้ตรวจสอบสิทธิ์การเขียนบนไดรฟ์กลาง คำขอจะไม่ถูกบันทึกซ้ำ",
            f"The request {name} was recorded but could not be moved to the processed folder"
            f" ({target}). Check write permission on the shared drive; it will not be"
            " recorded twice.",
            detail=detail,
        )


class _Unstable(Exception):
    """A file changed between listing and reading: the item is not ready yet."""


# --- small helpers -------------------------------------------------------------------------


def is_ignored(name: str, patterns: Sequence[str] = DEFAULT_IGNORES) -> bool:
    """Whether a file or folder name matches one of ``patterns`` (case-insensitive)."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, p.lower()) for p in patterns)


def _is_link(st: os.stat_result) -> bool:
    if stat.S_ISLNK(st.st_mode):
        return True
    return bool(getattr(st, "st_reparse_tag", 0) & _NAME_SURROGATE)


def _mtime(ns: int) -> datetime:
    seconds, rest = divmod(ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC) + timedelta(microseconds=rest // 1000)


def _display(name: str) -> str:
    """A name fit for people: undecodable bytes (old Thai Samba shares) read as TIS-620."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("cp874", errors="replace")
    return name


def _key_text(relative_path: str) -> bytes:
    # NFC so the key does not depend on how the server normalises Thai/Latin names.
    return unicodedata.normalize("NFC", relative_path).encode("utf-8", "surrogateescape")


def _item_key(pairs: Sequence[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for path, sha in sorted((_key_text(p), s) for p, s in pairs):
        digest.update(path + b"\0" + sha.encode("ascii") + b"\n")
    return "drive:" + digest.hexdigest()


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    # Some SMB clients report inode 0; only compare identities that exist.
    if a.st_ino and b.st_ino:
        return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
    return True


def _open_in_root(root: Path, parts: Sequence[str]) -> int:
    """Open ``root/parts...`` for reading without following any link below ``root``.

    On POSIX each component is opened relative to its parent with ``O_NOFOLLOW``, so a
    folder swapped for a link mid-way cannot lead outside the root. Windows has no
    ``openat``: each component is checked with ``lstat`` and the opened file's identity is
    compared with the checked one.
    """
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    directory = getattr(os, "O_DIRECTORY", 0)
    binary = getattr(os, "O_BINARY", 0)
    if nofollow and directory and os.open in os.supports_dir_fd:
        fd = os.open(root, os.O_RDONLY | directory)
        try:
            for part in parts[:-1]:
                child = os.open(part, os.O_RDONLY | directory | nofollow, dir_fd=fd)
                os.close(fd)
                fd = child
            # O_NONBLOCK: a FIFO dropped on the share must not hang the scan.
            return os.open(parts[-1], os.O_RDONLY | nofollow | os.O_NONBLOCK, dir_fd=fd)
        finally:
            os.close(fd)
    path = root
    checked: os.stat_result | None = None
    for part in parts:
        path = path / part
        checked = os.lstat(path)
        if _is_link(checked):
            raise OSError(errno.ELOOP, "symbolic link", str(path))
    fd = os.open(path, os.O_RDONLY | binary)
    if checked is not None and not _same_file(checked, os.fstat(fd)):
        os.close(fd)
        raise OSError(errno.ELOOP, "file swapped while opening", str(path))
    return fd


def _read_fd(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _too_large(name: str, size: int, limit: int) -> InvalidInput:
    mib = limit / (1024 * 1024)
    return InvalidInput(
        f"ไฟล์ {name} มีขนาดใหญ่เกินไป ({size:,} ไบต์) รับได้ไม่เกิน {mib:g} MiB",
        f"The file {name} is too large ({size:,} bytes); the limit is {mib:g} MiB.",
        code="file_too_large",
    )


# --- listing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    relative_path: str  # inside the item, "/" separated, raw names
    parts: tuple[str, ...]  # from the root: (item name, *inside) or (file name,)
    st: os.stat_result

    @property
    def signature(self) -> tuple[str, int, int]:
        return (self.relative_path, self.st.st_size, self.st.st_mtime_ns)


@dataclass
class _Listing:
    name: str
    path: Path
    documents: list[_Entry] = field(default_factory=list)
    sidecars: list[_Entry] = field(default_factory=list)
    rejections: list[DriveRejection] = field(default_factory=list)
    too_many: bool = False

    def signature(self) -> tuple[tuple[str, int, int], ...]:
        return tuple(sorted(e.signature for e in (*self.documents, *self.sidecars)))


def _rejection(item: str, path: str, code: str, *, limit: int = 0) -> DriveRejection:
    shown = _display(path)
    th, en = {
        "symlink": (
            f"ไม่นำเข้า {shown} เพราะเป็นทางลัด (symbolic link) ซึ่งอาจชี้ออกนอกไดรฟ์กลาง"
            " ให้คัดลอกไฟล์จริงมาวางแทน",
            f"{shown} was not taken: it is a symbolic link, which may point outside the shared"
            " drive. Copy the real file there instead.",
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
    return DriveRejection(_display(item), shown, code, th, en)


def _list_item(
    root: Path, name: str, st: os.stat_result, ignore: Sequence[str], max_files: int
) -> _Listing:
    """Everything that belongs to the item ``root/name``; raises OSError if it vanished."""
    listing = _Listing(name=name, path=root / name)
    if stat.S_ISREG(st.st_mode):
        listing.documents.append(_Entry(name, (name,), st))
        return listing
    stack: list[tuple[Path, tuple[str, ...]]] = [(listing.path, ())]
    count = 0
    while stack:
        folder, inside = stack.pop()
        try:
            children = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            if not inside:
                raise
            continue  # a sub-folder moved away mid-scan: the item's signature changes
        except PermissionError:
            listing.rejections.append(_rejection(name, "/".join((name, *inside)), "unreadable"))
            continue
        for child in children:
            if child.name.startswith(".") or is_ignored(child.name, ignore):
                continue
            parts = (*inside, child.name)
            shown = "/".join((name, *parts))
            try:
                # lstat, not the cached DirEntry data: on Windows the directory entry can
                # hold a stale size/time for a file that is still being written.
                child_st = os.lstat(child.path)
            except FileNotFoundError:
                continue
            if _is_link(child_st):
                listing.rejections.append(_rejection(name, shown, "symlink"))
            elif stat.S_ISDIR(child_st.st_mode):
                if len(parts) >= MAX_DEPTH:
                    listing.rejections.append(_rejection(name, shown, "too_deep"))
                else:
                    stack.append((Path(child.path), parts))
            elif not stat.S_ISREG(child_st.st_mode):
                listing.rejections.append(_rejection(name, shown, "not_a_file"))
            else:
                count += 1
                if count > max_files:
                    listing.too_many = True
                    listing.rejections.append(
                        _rejection(name, name, "too_many_files", limit=max_files)
                    )
                    return listing
                entry = _Entry("/".join(parts), (name, *parts), child_st)
                if not inside and child.name.lower() in SIDECAR_NAMES:
                    listing.sidecars.append(entry)
                else:
                    listing.documents.append(entry)
    return listing


# --- sidecar -------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")  # Notepad's "Unicode"
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp874")  # Notepad's "ANSI" on Thai Windows


def _parse_sidecar(filename: str, data: bytes) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Valid values and (th, en) problems; never raises for bad content."""
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        return {}, [
            (
                f"ไฟล์ {filename} ไม่ใช่ข้อความ UTF-8 ให้บันทึกใหม่เป็น UTF-8",
                f"{filename} is not UTF-8 text; save it again as UTF-8.",
            )
        ]
    raw: Any
    try:
        if filename.lower().endswith(".toml"):
            raw = tomllib.loads(text)
        else:
            raw = json.loads(text)
    except ValueError as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        return {}, [
            (
                f"ไฟล์ {filename} เขียนผิดรูปแบบ อ่านข้อมูลผู้ยื่นไม่ได้ ({exc})",
                f"{filename} is malformed; the applicant data could not be read ({exc}).",
            )
        ]
    if not isinstance(raw, dict):
        return {}, [
            (
                f"ไฟล์ {filename} ต้องเป็นชุดข้อมูลแบบ ชื่อ = ค่า",
                f"{filename} must hold key = value pairs (a JSON object).",
            )
        ]
    values: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    unknown = sorted(str(k) for k in raw if k not in SIDECAR_KEYS)
    if unknown:
        listed = ", ".join(unknown)
        problems.append(
            (
                f"ไฟล์ {filename} มีหัวข้อที่ระบบไม่รู้จัก: {listed}",
                f"{filename} has unknown keys: {listed}.",
            )
        )
    for key in SIDECAR_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            # Kept, but told: a number has already lost any leading 0 (juristic IDs, phones).
            problems.append(
                (
                    f"ไฟล์ {filename}: ค่าของ {key} เขียนเป็นตัวเลข ให้ใส่ในเครื่องหมายคำพูด"
                    " เพราะเลข 0 นำหน้าจะหายไป",
                    f"{filename}: {key} is written as a number; put it in quotes, or a"
                    " leading 0 is lost.",
                )
            )
            value = str(value)
        if not isinstance(value, str):
            problems.append(
                (
                    f"ไฟล์ {filename}: ค่าของ {key} ต้องเป็นข้อความ",
                    f"{filename}: the value of {key} must be text.",
                )
            )
            continue
        value = value.strip()
        if len(value) > MAX_SIDECAR_VALUE_CHARS:
            problems.append(
                (
                    f"ไฟล์ {filename}: ค่าของ {key} ยาวเกินไป ตัดเหลือ {MAX_SIDECAR_VALUE_CHARS} ตัวอักษร",
                    f"{filename}: the value of {key} is too long; cut to"
                    f" {MAX_SIDECAR_VALUE_CHARS} characters.",
                )
            )
            value = value[:MAX_SIDECAR_VALUE_CHARS]
        if key == "applicant_kind" and value:
            kind = _APPLICANT_KINDS.get(value.lower())
            if kind is None:
                problems.append(
                    (
                        f"ไฟล์ {filename}: applicant_kind ต้องเป็น person (บุคคลธรรมดา)"
                        f" หรือ juristic (นิติบุคคล) ไม่ใช่ {value!r}",
                        f"{filename}: applicant_kind must be person or juristic, not {value!r}.",
                    )
                )
                continue
            value = kind
        if value:
            values[key] = value
    return values, problems


# --- the scanner ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Seen:
    signature: tuple[tuple[str, int, int], ...]
    since: datetime


class DriveScanner:
    """Finds the items in ``root`` that have finished arriving; see the module docstring.

    ``clock`` is a :class:`~services.kernel.clock.Clock` or a callable returning aware UTC
    datetimes. Observations live in memory only: after a restart every item waits
    ``stable_for`` once more, which is harmless because keys make re-takes idempotent.
    """

    def __init__(
        self,
        root: Path,
        *,
        stable_for: timedelta,
        clock: ClockLike,
        ignore: Sequence[str] = DEFAULT_IGNORES,
        processed_dir: Path | None = None,
        max_files_per_item: int = DEFAULT_MAX_FILES_PER_ITEM,
    ) -> None:
        self.root = Path(os.path.abspath(root))
        self.stable_for = stable_for
        self.ignore = tuple(ignore)
        self.processed_dir = Path(os.path.abspath(processed_dir)) if processed_dir else None
        if self.processed_dir is not None and _norm(self.processed_dir) == _norm(self.root):
            raise InvalidInput(
                "โฟลเดอร์ที่ดำเนินการแล้วต้องไม่ใช่โฟลเดอร์รับคำขอเอง",
                "The processed folder must not be the watched folder itself.",
                code="drive_config",
            )
        self.max_files_per_item = max_files_per_item
        now_method = getattr(clock, "now", None)
        self._now = cast(Callable[[], datetime], now_method if callable(now_method) else clock)
        self._seen: dict[str, _Seen] = {}
        self._hashes: dict[str, tuple[tuple[int, int, int, int], str]] = {}
        self._pending: list[str] = []
        self._rejected: list[DriveRejection] = []
        self.hashed_files = 0
        """How many files were actually read and hashed (cache misses), for the log."""

    # -- public ---------------------------------------------------------------------------

    def scan(self) -> list[DriveItem]:
        """The items that are complete now, sorted by name; raises :class:`DriveUnavailable`.

        Every call returns every stable item still present, taken before or not: the
        caller skips keys it has recorded.
        """
        now = utc(self._now())
        seen: dict[str, _Seen] = {}
        items: list[DriveItem] = []
        pending: list[str] = []
        rejected: list[DriveRejection] = []
        live_paths: set[str] = set()
        for name, st in self._children(rejected):
            try:
                listing = _list_item(self.root, name, st, self.ignore, self.max_files_per_item)
            except FileNotFoundError:
                continue  # removed while we looked
            except OSError as exc:
                self._check_root(exc)
                rejected.append(_rejection(name, name, "unreadable"))
                continue
            rejected.extend(listing.rejections)
            if listing.too_many or not (listing.documents or listing.sidecars):
                continue
            signature = listing.signature()
            before = self._seen.get(name)
            if before is None:
                # First sighting (a fresh process, e.g. `anuyat sync --once` from a
                # scheduler): files untouched for `stable_for` already count as stable,
                # because a file still being written has a fresh mtime.
                newest = max((_mtime(m) for _, _, m in signature), default=now)
                before = _Seen(signature, min(now, newest))
            elif before.signature != signature:
                before = _Seen(signature, now)
            seen[name] = before
            live_paths.update(str(self.root.joinpath(*e.parts)) for e in listing.sidecars)
            live_paths.update(str(self.root.joinpath(*e.parts)) for e in listing.documents)
            if now - before.since < self.stable_for:
                pending.append(_display(name))
                continue
            try:
                items.append(self._build(listing, now))
            except _Unstable:
                seen[name] = _Seen((), now)  # changed under us: wait a full period again
                pending.append(_display(name))
            except OSError as exc:
                self._check_root(exc)
                rejected.append(_rejection(name, name, "unreadable"))
                pending.append(_display(name))
        self._seen = seen
        self._hashes = {p: v for p, v in self._hashes.items() if p in live_paths}
        self._pending = sorted(pending)
        self._rejected = rejected
        return items

    def pending(self) -> list[str]:
        """Names of items seen in the last scan that are still arriving (or not readable)."""
        return list(self._pending)

    def rejected(self) -> list[DriveRejection]:
        """What the last scan left out (links, unreadable or special files, huge trees)."""
        return list(self._rejected)

    def mark_processed(self, item: DriveItem) -> Path | None:
        """Move a recorded item into the processed folder; return where it went.

        Returns None, touching nothing, when no processed folder is configured, when the
        item is gone, or when its content changed since it was taken (the new content is
        then offered by the next scan instead of being buried unread). On a name clash the
        item gets a suffix: ``name (2)``, ``file (2).pdf``.
        """
        if self.processed_dir is None:
            return None
        if _norm(item.path.parent) != _norm(self.root):
            raise InvalidInput(
                "รายการนี้ไม่ได้มาจากโฟลเดอร์รับคำขอนี้",
                "This item does not come from this watched folder.",
                code="drive_foreign_item",
            )
        name = item.path.name
        try:
            st = os.lstat(item.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DriveUnavailable(self.root, detail=str(exc)) from exc
        if _is_link(st) or not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
            return None  # swapped for a link since the scan: never move what it points to
        try:
            listing = _list_item(self.root, name, st, self.ignore, self.max_files_per_item)
            if listing.too_many or self._build(listing, utc(self._now())).key != item.key:
                return None
        except (_Unstable, FileNotFoundError):
            return None
        except OSError as exc:
            self._check_root(exc)  # the share went away, or one file is unreadable now
            return None
        target = self.processed_dir
        try:
            target.mkdir(parents=True, exist_ok=True)
            destination = _free_name(target, name, is_dir=stat.S_ISDIR(st.st_mode))
            try:
                os.rename(item.path, destination)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                shutil.move(item.path, destination)  # another volume: copy, then delete
        except OSError as exc:
            raise DriveMoveFailed(_display(name), target, detail=str(exc)) from exc
        self._seen.pop(name, None)
        return destination

    # -- internals ------------------------------------------------------------------------

    def _children(self, rejected: list[DriveRejection]) -> list[tuple[str, os.stat_result]]:
        """The candidate items at the top level; links are reported, never followed."""
        try:
            st = os.stat(self.root)  # the root itself may be a link or mount the admin chose
            if not stat.S_ISDIR(st.st_mode):
                raise DriveUnavailable(self.root, detail="not a directory")
            entries = sorted(os.scandir(self.root), key=lambda e: e.name)
        except OSError as exc:
            raise DriveUnavailable(self.root, detail=str(exc)) from exc
        processed = _norm(self.processed_dir) if self.processed_dir else None
        children: list[tuple[str, os.stat_result]] = []
        for entry in entries:
            name = entry.name
            if name.startswith((".", "_")) or is_ignored(name, self.ignore):
                continue
            if processed is not None and _norm(Path(entry.path)) == processed:
                continue
            try:
                st = os.lstat(entry.path)
            except FileNotFoundError:
                continue
            except OSError as exc:
                self._check_root(exc)
                rejected.append(_rejection(name, name, "unreadable"))
                continue
            if _is_link(st):
                rejected.append(_rejection(name, name, "symlink"))
            elif stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
                children.append((name, st))
            else:
                rejected.append(_rejection(name, name, "not_a_file"))
        return children

    def _check_root(self, exc: OSError) -> None:
        """An error inside an item is the item's problem unless the whole share went away."""
        try:
            os.stat(self.root)
        except OSError as gone:
            raise DriveUnavailable(self.root, detail=f"{exc}; {gone}") from exc

    def _hash(self, entry: _Entry) -> str:
        path = str(self.root.joinpath(*entry.parts))
        st = entry.st
        wanted = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        cached = self._hashes.get(path)
        if cached is not None and cached[0] == wanted:
            return cached[1]
        fd = _open_in_root(self.root, entry.parts)
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode) or not _unchanged(st, before):
                raise _Unstable(path)
            digest = hashlib.sha256()
            while chunk := os.read(fd, _CHUNK):
                digest.update(chunk)
            if not _unchanged(st, os.fstat(fd)):
                raise _Unstable(path)
        finally:
            os.close(fd)
        sha = digest.hexdigest()
        self._hashes[path] = (wanted, sha)
        self.hashed_files += 1
        return sha

    def _read_sidecar(self, entry: _Entry) -> tuple[str, dict[str, str], list[tuple[str, str]]]:
        filename = entry.relative_path
        if entry.st.st_size > MAX_SIDECAR_BYTES:
            problem = (
                f"ไฟล์ {filename} ใหญ่เกิน {MAX_SIDECAR_BYTES // 1024} KiB จึงไม่ได้อ่าน",
                f"{filename} is larger than {MAX_SIDECAR_BYTES // 1024} KiB and was not read.",
            )
            return self._hash(entry), {}, [problem]
        fd = _open_in_root(self.root, entry.parts)
        try:
            if not _unchanged(entry.st, os.fstat(fd)):
                raise _Unstable(filename)
            data = _read_fd(fd, MAX_SIDECAR_BYTES)
        finally:
            os.close(fd)
        if len(data) != entry.st.st_size:
            raise _Unstable(filename)
        values, problems = _parse_sidecar(filename, data)
        return hashlib.sha256(data).hexdigest(), values, problems

    def _build(self, listing: _Listing, now: datetime) -> DriveItem:
        files = tuple(
            DriveFile(e.relative_path, e.st.st_size, _mtime(e.st.st_mtime_ns), self._hash(e))
            for e in sorted(listing.documents, key=lambda e: e.relative_path)
        )
        pairs = [(f.relative_path, f.sha256) for f in files]
        sidecar: dict[str, str] = {}
        problems: list[tuple[str, str]] = []
        for entry in listing.sidecars:
            sha, values, found = self._read_sidecar(entry)
            pairs.append((entry.relative_path, sha))
            if len(listing.sidecars) == 1:
                sidecar, problems = values, found
        if len(listing.sidecars) > 1:
            problems.append(
                (
                    "มีทั้ง request.toml และ request.json ในโฟลเดอร์เดียวกัน จึงไม่ได้ใช้ทั้งสองไฟล์"
                    " ให้เหลือไว้เพียงไฟล์เดียว",
                    "Both request.toml and request.json are present, so neither was used."
                    " Keep only one.",
                )
            )
        newest = max((e.st.st_mtime_ns for e in listing.documents or listing.sidecars), default=0)
        return DriveItem(
            key=_item_key(pairs),
            name=_display(listing.name),
            path=listing.path,
            files=files,
            received_at=min(_mtime(newest), now),
            sidecar=sidecar,
            sidecar_problem_th="; ".join(th for th, _ in problems),
            sidecar_problem_en="; ".join(en for _, en in problems),
        )


def _unchanged(listed: os.stat_result, opened: os.stat_result) -> bool:
    return (
        listed.st_size == opened.st_size
        and listed.st_mtime_ns == opened.st_mtime_ns
        and _same_file(listed, opened)
    )


def _norm(path: Path) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def _free_name(folder: Path, name: str, *, is_dir: bool) -> Path:
    candidate = folder / name
    if not os.path.lexists(candidate):
        return candidate
    stem, suffix = (name, "") if is_dir else os.path.splitext(name)
    for n in range(2, 10_000):
        candidate = folder / f"{stem} ({n}){suffix}"
        if not os.path.lexists(candidate):
            return candidate
    raise OSError(errno.EEXIST, "no free name", str(folder / name))


# --- reading a file ------------------------------------------------------------------------


def read_file(
    item: DriveItem, drive_file: DriveFile, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> bytes:
    """The bytes of one document, checked against the size and SHA-256 seen at scan time.

    Raises :class:`~services.kernel.errors.InvalidInput` (``file_too_large``) past ``max_bytes``,
    :class:`DriveFileChanged` if the file changed, vanished or became a link, and
    :class:`DriveUnavailable` if the share went away.
    """
    if drive_file not in item.files:
        raise ValueError("drive_file does not belong to item")
    inside = PurePosixPath(drive_file.relative_path).parts
    if not inside or any(p in ("", ".", "..") for p in inside) or "\\" in drive_file.relative_path:
        raise ValueError(f"unsafe relative path {drive_file.relative_path!r}")
    if drive_file.size > max_bytes:
        raise _too_large(drive_file.relative_path, drive_file.size, max_bytes)
    root = item.path.parent
    try:
        st = os.lstat(item.path)
        if stat.S_ISDIR(st.st_mode):
            parts: tuple[str, ...] = (item.path.name, *inside)
        elif inside == (item.path.name,):
            parts = inside
        else:
            raise DriveFileChanged(drive_file.relative_path, detail="item changed type")
        fd = _open_in_root(root, parts)
        try:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                raise DriveFileChanged(drive_file.relative_path, detail="not a regular file")
            data = _read_fd(fd, max_bytes)
        finally:
            os.close(fd)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DriveFileChanged(drive_file.relative_path, detail=str(exc)) from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DriveFileChanged(drive_file.relative_path, detail="link") from exc
        if not os.path.isdir(root):
            raise DriveUnavailable(root, detail=str(exc)) from exc
        raise DriveFileChanged(drive_file.relative_path, detail=str(exc)) from exc
    if len(data) > max_bytes:
        raise _too_large(drive_file.relative_path, len(data), max_bytes)
    if len(data) != drive_file.size or hashlib.sha256(data).hexdigest() != drive_file.sha256:
        raise DriveFileChanged(drive_file.relative_path, detail="content differs from scan")
    return data


# --- the watcher ---------------------------------------------------------------------------


class DriveWatchUnavailable(AnuyatError):
    """Change events are not available for the folder; the periodic scan carries on."""

    code = "drive_watch_unavailable"

    def __init__(self, root: Path, *, detail: str | None = None) -> None:
        super().__init__(
            f"ติดตามการเปลี่ยนแปลงในโฟลเดอร์ {root} ทันทีไม่ได้"
            " ระบบจะตรวจโฟลเดอร์ตามรอบเวลาแทน คำขอจะเข้าช้าลงเล็กน้อยแต่ไม่สูญหาย",
            f"Changes in {root} cannot be watched live; the folder will be checked on a"
            " timer instead. Requests may arrive a little later, but none are lost.",
            detail=detail,
        )


class _Wake(FileSystemEventHandler):
    def __init__(self, notify: Callable[[], None]) -> None:
        super().__init__()
        self._notify = notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Our own reads produce "opened"/"closed_no_write"; waking on them would loop.
        if event.event_type in _WAKING_EVENTS:
            self._notify()


class DriveWatcher:
    """Wakes the sync loop early when something changes under ``root``.

    Events are only a hint: :meth:`start` never raises, and when the observer cannot run
    (missing folder, unsupported network file system, no inotify watches left) ``live`` is
    False and ``failure`` says why, while the periodic scan carries on. Calling
    :meth:`start` again (e.g. once per sync cycle) retries.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._observer: BaseObserver | None = None
        self._failure: DriveWatchUnavailable | None = None

    @property
    def event(self) -> threading.Event:
        """Set when something changed; a loop may ``wait(timeout)`` on it."""
        return self._event

    @property
    def live(self) -> bool:
        observer = self._observer
        return (
            observer is not None
            and observer.is_alive()
            and bool(observer.emitters)
            and all(e.is_alive() for e in observer.emitters)
        )

    @property
    def failure(self) -> DriveWatchUnavailable | None:
        """Why events are not available, or None while they are (or before start)."""
        return self._failure

    def start(self) -> bool:
        """Start (or restart) watching; return whether events are live."""
        if self.live:
            return True
        self._halt()
        observer = Observer()
        try:
            observer.schedule(_Wake(self._notify), str(self.root), recursive=True)
            observer.start()
        except Exception as exc:  # any failure only means "no live events"
            self._failure = DriveWatchUnavailable(self.root, detail=repr(exc))
            _stop_quietly(observer)
            return False
        self._observer = observer
        self._failure = None
        return True

    def stop(self) -> None:
        self._halt()

    def changed(self) -> bool:
        """Whether anything changed since the last call (and forget it)."""
        with self._lock:
            was = self._event.is_set()
            self._event.clear()
        return was

    def wait(self, timeout: float) -> bool:
        """Block until a change or ``timeout`` seconds; return whether a change came."""
        return self._event.wait(timeout)

    def __enter__(self) -> DriveWatcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _notify(self) -> None:
        with self._lock:
            self._event.set()

    def _halt(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            _stop_quietly(observer)


def _stop_quietly(observer: BaseObserver) -> None:
    # Stopping a half-started observer may fail; there is nothing left to clean up then.
    with contextlib.suppress(Exception):
        observer.stop()
        if observer.is_alive():
            observer.join(timeout=5)
