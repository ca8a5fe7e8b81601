"""Hand a document to the system's own program (Word, an image viewer) as a private copy.

The store keeps documents encrypted; the system's program needs a plain file. The copy goes
to a folder only this user can read (``tempfile.mkdtemp``), is written in the "io" pool, and
is deleted when the review screen closes or the viewer goes away.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePath

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from ui.common.tasks import TaskRunner

__all__ = ["SystemViewer"]

log = logging.getLogger(__name__)


def _remove_dirs(dirs: list[Path]) -> None:
    while dirs:
        shutil.rmtree(dirs.pop(), ignore_errors=True)


class SystemViewer:
    """Private copies for the system's programs, owned by ``owner`` (removed with it)."""

    def __init__(self, runner: TaskRunner, owner: QObject) -> None:
        self._runner = runner
        self._owner = owner
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
            self._dirs.append(Path(tempfile.mkdtemp(prefix="anuyat-view-")))
        folder = self._dirs[0] / key[:8]
        # Only the name's last part, so a name like "../x" cannot leave the folder.
        name = PurePath(filename.replace("\\", "/")).name or f"{key}.bin"

        def write() -> str:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_bytes(data)
            return str(path)

        def done(path: str | None, error: BaseException | None) -> None:
            if error is not None or path is None:
                on_error(error)
                return
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                log.info("no program to open %s files", PurePath(path).suffix)

        self._runner.run(write, done, pool="io", owner=self._owner, label="viewer.open_outside")

    def remove_copies(self) -> None:
        _remove_dirs(self._dirs)
