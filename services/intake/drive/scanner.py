"""The full scan: which items have finished arriving (stable), and moving them when done."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from services.intake.drive.convention import (
    DEFAULT_IGNORES,
    DEFAULT_MAX_FILES_PER_ITEM,
    DriveFile,
    DriveItem,
    DriveRejection,
    display_name,
    is_ignored,
    item_key,
    rejection,
)
from services.intake.drive.errors import DriveMoveFailed, DriveUnavailable
from services.intake.drive.listing import Entry, Listing, list_item
from services.intake.drive.safefs import (
    CHUNK,
    Unstable,
    free_name,
    is_hard_linked,
    is_link,
    mtime_utc,
    normalised,
    open_in_root,
    read_bounded,
    unchanged,
)
from services.intake.drive.sidecar import MAX_SIDECAR_BYTES, parse_sidecar, platform_time
from services.kernel.clock import Clock, utc
from services.kernel.errors import InvalidInput

ClockLike = Clock | Callable[[], datetime]


@dataclass(frozen=True)
class _Seen:
    signature: tuple[tuple[str, int, int], ...]
    since: datetime


class DriveScanner:
    """Finds the items in ``root`` that have finished arriving; see the package docstring.

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
        if self.processed_dir is not None and normalised(self.processed_dir) == normalised(
            self.root
        ):
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
                listing = list_item(self.root, name, st, self.ignore, self.max_files_per_item)
            except FileNotFoundError:
                continue  # removed while we looked
            except OSError as exc:
                self._check_root(exc)
                rejected.append(rejection(name, name, "unreadable"))
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
                newest = max((mtime_utc(m) for _, _, m in signature), default=now)
                before = _Seen(signature, min(now, newest))
            elif before.signature != signature:
                before = _Seen(signature, now)
            seen[name] = before
            live_paths.update(str(self.root.joinpath(*e.parts)) for e in listing.sidecars)
            live_paths.update(str(self.root.joinpath(*e.parts)) for e in listing.documents)
            if now - before.since < self.stable_for:
                pending.append(display_name(name))
                continue
            try:
                items.append(self._build(listing, now))
            except Unstable:
                seen[name] = _Seen((), now)  # changed under us: wait a full period again
                pending.append(display_name(name))
            except OSError as exc:
                self._check_root(exc)
                rejected.append(rejection(name, name, "unreadable"))
                pending.append(display_name(name))
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
        if normalised(item.path.parent) != normalised(self.root):
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
        if is_link(st) or not (stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode)):
            return None  # swapped for a link since the scan: never move what it points to
        try:
            listing = list_item(self.root, name, st, self.ignore, self.max_files_per_item)
            if listing.too_many or self._build(listing, utc(self._now())).key != item.key:
                return None
        except (Unstable, FileNotFoundError):
            return None
        except OSError as exc:
            self._check_root(exc)  # the share went away, or one file is unreadable now
            return None
        target = self.processed_dir
        try:
            target.mkdir(parents=True, exist_ok=True)
            destination = free_name(target, name, is_dir=stat.S_ISDIR(st.st_mode))
            try:
                os.rename(item.path, destination)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                shutil.move(item.path, destination)  # another volume: copy, then delete
        except OSError as exc:
            raise DriveMoveFailed(display_name(name), target, detail=str(exc)) from exc
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
        processed = normalised(self.processed_dir) if self.processed_dir else None
        children: list[tuple[str, os.stat_result]] = []
        for entry in entries:
            name = entry.name
            if name.startswith((".", "_")) or is_ignored(name, self.ignore):
                continue
            if processed is not None and normalised(Path(entry.path)) == processed:
                continue
            try:
                st = os.lstat(entry.path)
            except FileNotFoundError:
                continue
            except OSError as exc:
                self._check_root(exc)
                rejected.append(rejection(name, name, "unreadable"))
                continue
            if is_link(st):
                rejected.append(rejection(name, name, "symlink"))
            elif stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
                children.append((name, st))
            else:
                rejected.append(rejection(name, name, "not_a_file"))
        return children

    def _check_root(self, exc: OSError) -> None:
        """An error inside an item is the item's problem unless the whole share went away."""
        try:
            os.stat(self.root)
        except OSError as gone:
            raise DriveUnavailable(self.root, detail=f"{exc}; {gone}") from exc

    def _hash(self, entry: Entry) -> str:
        path = str(self.root.joinpath(*entry.parts))
        st = entry.st
        wanted = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        cached = self._hashes.get(path)
        if cached is not None and cached[0] == wanted:
            return cached[1]
        fd = open_in_root(self.root, entry.parts)
        try:
            before = os.fstat(fd)
            if (
                not stat.S_ISREG(before.st_mode)
                or is_hard_linked(before)
                or not unchanged(st, before)
            ):
                raise Unstable(path)
            digest = hashlib.sha256()
            while chunk := os.read(fd, CHUNK):
                digest.update(chunk)
            if not unchanged(st, os.fstat(fd)):
                raise Unstable(path)
        finally:
            os.close(fd)
        sha = digest.hexdigest()
        self._hashes[path] = (wanted, sha)
        self.hashed_files += 1
        return sha

    def _read_sidecar(self, entry: Entry) -> tuple[str, dict[str, str], list[tuple[str, str]]]:
        filename = entry.relative_path
        if entry.st.st_size > MAX_SIDECAR_BYTES:
            problem = (
                f"ไฟล์ {filename} ใหญ่เกิน {MAX_SIDECAR_BYTES // 1024} KiB จึงไม่ได้อ่าน",
                f"{filename} is larger than {MAX_SIDECAR_BYTES // 1024} KiB and was not read.",
            )
            return self._hash(entry), {}, [problem]
        fd = open_in_root(self.root, entry.parts)
        try:
            if not unchanged(entry.st, os.fstat(fd)):
                raise Unstable(filename)
            data = read_bounded(fd, MAX_SIDECAR_BYTES)
        finally:
            os.close(fd)
        if len(data) != entry.st.st_size:
            raise Unstable(filename)
        values, problems = parse_sidecar(filename, data)
        return hashlib.sha256(data).hexdigest(), values, problems

    def _build(self, listing: Listing, now: datetime) -> DriveItem:
        files = tuple(
            DriveFile(e.relative_path, e.st.st_size, mtime_utc(e.st.st_mtime_ns), self._hash(e))
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
        # A LINE/Facebook export counts from the platform's own timestamp (M26).
        received_at, found = platform_time(sidecar, min(mtime_utc(newest), now))
        problems.extend(found)
        return DriveItem(
            key=item_key(pairs),
            name=display_name(listing.name),
            path=listing.path,
            files=files,
            received_at=received_at,
            sidecar=sidecar,
            sidecar_problem_th="; ".join(th for th, _ in problems),
            sidecar_problem_en="; ".join(en for _, en in problems),
        )
