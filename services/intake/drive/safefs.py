"""Filesystem access that never follows a link and never reads past a bound.

Shared-drive content is untrusted: a folder may be swapped for a link between listing and
opening, a file may still be growing. These helpers open below a root without following
links, read at most a given number of bytes, and tell whether a file changed under us.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

NAME_SURROGATE = 0x20000000  # Windows reparse tags that are links (symlinks, junctions)
CHUNK = 1024 * 1024


class Unstable(Exception):
    """A file changed between listing and reading: the item is not ready yet."""


def is_link(st: os.stat_result) -> bool:
    if stat.S_ISLNK(st.st_mode):
        return True
    return bool(getattr(st, "st_reparse_tag", 0) & NAME_SURROGATE)


def is_hard_linked(st: os.stat_result) -> bool:
    """A regular file with more than one name: possibly a system file linked into the share.

    A hard link cannot be told apart from the file it names (same inode), so a file linked
    from outside the drive would be read as if it had been dropped there; like a symlink it
    is refused.
    """
    return stat.S_ISREG(st.st_mode) and st.st_nlink > 1


def mtime_utc(ns: int) -> datetime:
    seconds, rest = divmod(ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC) + timedelta(microseconds=rest // 1000)


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    # Some SMB clients report inode 0; only compare identities that exist.
    if a.st_ino and b.st_ino:
        return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)
    return True


def open_in_root(root: Path, parts: Sequence[str]) -> int:
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
        if is_link(checked):
            raise OSError(errno.ELOOP, "symbolic link", str(path))
    fd = os.open(path, os.O_RDONLY | binary)
    if checked is not None and not same_file(checked, os.fstat(fd)):
        os.close(fd)
        raise OSError(errno.ELOOP, "file swapped while opening", str(path))
    return fd


def read_bounded(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def unchanged(listed: os.stat_result, opened: os.stat_result) -> bool:
    return (
        listed.st_size == opened.st_size
        and listed.st_mtime_ns == opened.st_mtime_ns
        and same_file(listed, opened)
    )


def normalised(path: Path) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def free_name(folder: Path, name: str, *, is_dir: bool) -> Path:
    candidate = folder / name
    if not os.path.lexists(candidate):
        return candidate
    stem, suffix = (name, "") if is_dir else os.path.splitext(name)
    for n in range(2, 10_000):
        candidate = folder / f"{stem} ({n}){suffix}"
        if not os.path.lexists(candidate):
            return candidate
    raise OSError(errno.EEXIST, "no free name", str(folder / name))
