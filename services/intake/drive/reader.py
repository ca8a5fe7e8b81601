"""Reading one document of a taken item, checked against what the scan saw."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import PurePosixPath

from services.intake.drive.convention import DEFAULT_MAX_FILE_BYTES, DriveFile, DriveItem
from services.intake.drive.errors import DriveFileChanged, DriveUnavailable
from services.intake.drive.safefs import is_hard_linked, open_in_root, read_bounded
from services.kernel.errors import InvalidInput
from services.kernel.sizes import format_size


def _too_large(name: str, size: int, limit: int) -> InvalidInput:
    return InvalidInput(
        f"ไฟล์ {name} มีขนาดใหญ่เกินไป ({format_size(size)}) รับได้ไม่เกิน {format_size(limit)}",
        f"The file {name} is too large ({format_size(size)}); the limit is {format_size(limit)}.",
        code="file_too_large",
    )


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
        fd = open_in_root(root, parts)
        try:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                raise DriveFileChanged(drive_file.relative_path, detail="not a regular file")
            if is_hard_linked(opened):  # linked since the scan: never read what it names
                raise DriveFileChanged(drive_file.relative_path, detail="hard link")
            data = read_bounded(fd, max_bytes)
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
