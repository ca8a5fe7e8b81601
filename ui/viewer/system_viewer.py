"""Hand a document to the system's own program (Word, an image viewer) as a private copy.

The store keeps documents encrypted; the system's program needs a plain file. The copy goes
to the profile's own folder for such copies (``<profile>/viewer-copies``, given by app/ to
:func:`use_private_root`): the folders are 0700 and the files 0600, never the shared system
temp folder. A copy is written in the "io" pool, the viewer says that it exists while it is
open, and it is deleted when the review screen closes or the viewer goes away, at sign-out
(:func:`remove_all_copies`), and, for copies a crash left behind, at the next start (app/).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePath

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from ui.common.tasks import TaskRunner

__all__ = ["SystemViewer", "remove_all_copies", "use_private_root"]

log = logging.getLogger(__name__)

_private_root: list[Path] = []  # the profile's folder for copies, when app/ gave one


def use_private_root(root: Path | None) -> None:
    """Put every copy under ``root`` (the profile's own folder); None: a private temp folder."""
    _private_root.clear()
    if root is not None:
        _private_root.append(Path(root))


def remove_all_copies() -> None:
    """Delete every copy under the profile's folder (at sign-out and when the GUI ends)."""
    if not _private_root:
        return
    root = _private_root[0]
    try:
        children = list(root.iterdir())
    except FileNotFoundError:
        return
    for child in children:
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _new_private_dir() -> Path:
    if not _private_root:
        return Path(tempfile.mkdtemp(prefix="anuyat-view-"))  # 0700 by mkdtemp
    root = _private_root[0]
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(root, 0o700)
    return Path(tempfile.mkdtemp(prefix="view-", dir=root))


def _write_private(path: Path, data: bytes) -> None:
    """Create ``path`` readable by its owner only (0600), whatever the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
    finally:
        if fd >= 0:
            os.close(fd)


def _remove_dirs(dirs: list[Path]) -> None:
    while dirs:
        shutil.rmtree(dirs.pop(), ignore_errors=True)


class SystemViewer:
    """Private copies for the system's programs, owned by ``owner`` (removed with it)."""

    def __init__(
        self,
        runner: TaskRunner,
        owner: QObject,
        on_opened: Callable[[str], None] | None = None,
    ) -> None:
        self._runner = runner
        self._owner = owner
        self._on_opened = on_opened
        self._dirs: list[Path] = []
        owner.destroyed.connect(lambda *_, dirs=self._dirs: _remove_dirs(dirs))

    def open(
        self,
        key: str,
        filename: str,
        data: bytes,
        on_error: Callable[[BaseException | None], None],
    ) -> None:
        """Write ``data`` as ``filename`` (its last part only) and open it."""
        if not self._dirs:
            self._dirs.append(_new_private_dir())
        folder = self._dirs[0] / key[:8]
        # Only the name's last part, so a name like "../x" cannot leave the folder.
        name = PurePath(filename.replace("\\", "/")).name or f"{key}.bin"

        def write() -> str:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = folder / name
            _write_private(path, data)
            return str(path)

        def done(path: str | None, error: BaseException | None) -> None:
            if error is not None or path is None:
                on_error(error)
                return
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                log.info("no program to open %s files", PurePath(path).suffix)
            if self._on_opened is not None:
                self._on_opened(path)

        self._runner.run(write, done, pool="io", owner=self._owner, label="viewer.open_outside")

    def remove_copies(self) -> None:
        _remove_dirs(self._dirs)

    @property
    def has_copies(self) -> bool:
        return bool(self._dirs)
