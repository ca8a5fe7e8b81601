""" "Export for the archives…" from the list's detail panel: a request's whole file as one
PDF/A (``services.api.archive``), for the roles the access table allows. The officer picks
where to save it; the drawing runs on the "io" pool; the status bar says where it went (a
failure goes to the window's message strip, in Thai and English).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from services.api import ApplicationRow, SignedInUser
from services.api.archive import ArchiveExport, ArchivePort
from ui.common.errors import ErrorBox
from ui.common.tasks import TaskRunner

__all__ = ["EXPORT_FAILED", "ArchiveExportFlow"]

log = logging.getLogger(__name__)

EXPORT_FAILED = (
    "ส่งออกแฟ้มคำขอไม่ได้ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "Could not export the request's file. Try again; if it still fails, tell the administrator.",
)

# Asks where to save (``None``: the officer cancelled); a test hands its own.
ChoosePath = Callable[[QWidget, str], Path | None]


class ArchiveExportFlow(QObject):
    """``busy`` while an export runs (a second click waits for it)."""

    def __init__(
        self,
        window: QMainWindow,
        port: ArchivePort,
        runner: TaskRunner,
        user: Callable[[], SignedInUser],
        error_box: ErrorBox,
        *,
        choose: ChoosePath | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._port, self._runner, self._user = window, port, runner, user
        self._error_box = error_box
        self._choose = choose or self._ask_where
        self.busy = False

    def _ask_where(self, window: QWidget, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export for the archives"), suggested, self.tr("PDF/A files (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def may_export(self) -> bool:
        return self._port.may_export(self._user())

    def start(self, row: ApplicationRow) -> None:
        if self.busy:
            return
        path = self._choose(self._window, str(Path.home() / f"{row.tracking_number}.pdf"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.busy = True
        port, user, tracking = self._port, self._user(), row.tracking_number
        self._error_box.clear()
        exporting = self.tr("Exporting the file of %1…").replace("%1", tracking)
        self._window.statusBar().showMessage(exporting)
        self._runner.run(
            lambda: port.export(user, tracking, path),
            self._done,
            pool="io",
            owner=self,
            label="archive.export",
        )

    def _done(self, done: ArchiveExport | None, error: BaseException | None) -> None:
        self.busy = False
        if done is None:
            self._window.statusBar().clearMessage()
            self._error_box.show_error(
                error, fallback_th=EXPORT_FAILED[0], fallback_en=EXPORT_FAILED[1]
            )
            return
        text = self.tr("Exported the file of %1 (%2 pages, PDF/A) to %3")
        for number, value in enumerate((done.tracking_number, done.pages, done.path), start=1):
            text = text.replace(f"%{number}", str(value))
        self._window.statusBar().showMessage(text, 60000)
