"""Durable file writes: a file is either absent or whole, and stays so after a power cut.

:func:`write_atomically` replaces a file (temp → fsync → rename → fsync of the folder);
:func:`create_once` puts a file in place only if the name is free (temp → fsync → hard link,
or an exclusive create where the file system has no hard links → fsync of the folder).
:func:`fsync_dir` makes a new or renamed entry in a folder durable. Windows cannot open a
folder to fsync it; NTFS journals renames, so there it does nothing.
:func:`sync_filesystem` makes everything written to one file system durable in one call
(Linux ``syncfs``), for writers that put many files in place at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import tempfile
from pathlib import Path

__all__ = ["create_once", "fsync_dir", "sync_filesystem", "write_atomically"]


def _load_syncfs() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # a libc without syncfs (glibc < 2.14, some musl)
        return None


_SYNCFS = _load_syncfs()


def sync_filesystem(path: Path) -> bool:
    """Flush every file and folder of the file system holding ``path`` to disk.

    One ``syncfs`` costs about what two or three ``fsync`` calls do, however many files were
    written, so a writer that puts a group of files in place syncs once for all of them.
    Returns False where the call does not exist (not Linux): the caller then fsyncs each file
    and folder itself. Since Linux 5.8 a write-back error of any file is reported here.
    """
    if _SYNCFS is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        if _SYNCFS(fd) != 0:  # type: ignore[operator]
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(path))
    finally:
        os.close(fd)
    return True


def fsync_dir(directory: Path) -> None:
    """Make the entries of ``directory`` (new, renamed, removed) durable."""
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals renames.
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_copy(directory: Path, data: bytes, prefix: str) -> Path:
    """``data`` in a new temporary file (mode 0600) in ``directory``, flushed to disk."""
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomically(path: Path, data: bytes, *, prefix: str | None = None) -> None:
    """Replace ``path`` with ``data``: readers see the old file or the new one, never half.

    The temporary file is made next to ``path`` (same file system), named ``prefix…tmp``
    (default ``.<name>.``), and removed if anything fails. The new file has mode 0600.
    """
    directory = path.parent
    tmp = _temp_copy(directory, data, prefix if prefix is not None else f".{path.name}.")
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(directory)


def create_once(path: Path, data: bytes, *, tmp_dir: Path | None = None, prefix: str) -> bool:
    """Put ``data`` at ``path`` unless something is there already; True when this call did.

    Two writers racing for the same name cannot both win, and nobody sees half a file: the
    whole file is written to a temporary one (in ``tmp_dir``, default the same folder) and
    hard-linked into place, which fails when the name exists. File systems without hard
    links (FAT on a USB stick) get an exclusive create instead.
    """
    tmp = _temp_copy(tmp_dir if tmp_dir is not None else path.parent, data, prefix)
    created = False
    try:
        try:
            os.link(tmp, path)
            created = True
        except FileExistsError:
            pass
        except OSError:
            with contextlib.suppress(FileExistsError), open(path, "xb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
                created = True
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return created
