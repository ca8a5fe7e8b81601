"""The page strip's pictures, drawn a few pages per task in the "io" pool after page 1 has
painted.

PDFium serialises every call behind one lock (``ui.viewer.render``): one task drawing a
whole strip would hold it for long from the page on screen, and the next document to open
would wait behind it in the pool. A few pages per task, each asking for the next, lets both
go first; a new document (or none) makes what is still on its way stale.

While the officer turns pages the strip waits: a slice rendering beside the page view
holds PDFium's lock (about 15 ms a scanned page, and Qt's lock is not fair: the worker
takes it again for its next page before the waiting GUI thread wakes), which held a page
turn for the whole slice. So a slice is two pages, and starts only once the page on screen
has stayed the same for :data:`QUIET_MS`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage

from ui.common.tasks import TaskRunner
from ui.viewer.panes import THUMB_WIDTH, PageStrip
from ui.viewer.render import pdf_thumbnails

__all__ = ["ThumbnailFeed"]

AFTER_FIRST_PAINT_MS = 60
PAGES_PER_TASK = 2
QUIET_MS = 250  # the page on screen unchanged this long: the officer is reading, not turning


class ThumbnailFeed(QObject):
    def __init__(
        self, strip: PageStrip, runner: TaskRunner, current_page: Callable[[], int], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._strip = strip
        self._runner = runner
        self._current_page = current_page
        self._generation = 0
        self._seen_page = 0  # the page on screen when the last slice was asked for

    def start(self, data: bytes) -> None:
        """Draw ``data``'s pages into the strip (emptied by the viewer beforehand)."""
        self._generation += 1
        generation = self._generation
        self._seen_page = self._current_page()
        QTimer.singleShot(AFTER_FIRST_PAINT_MS, self, lambda: self._draw_from(0, data, generation))

    def stop(self) -> None:
        """Another document shows: what is on its way is no longer wanted."""
        self._generation += 1

    def _draw_from(self, first: int, data: bytes, generation: int) -> None:
        if generation != self._generation or self._runner.is_closed():
            return
        page = self._current_page()
        if page != self._seen_page:  # pages are being turned: wait until they stop
            self._seen_page = page
            QTimer.singleShot(QUIET_MS, self, lambda: self._draw_from(first, data, generation))
            return

        def done(images: list[QImage] | None, error: BaseException | None) -> None:
            if generation != self._generation or not images:
                return
            self._strip.add_pages(images, self._current_page())
            if len(images) == PAGES_PER_TASK:
                self._draw_from(first + len(images), data, generation)

        self._runner.run(
            lambda: pdf_thumbnails(data, THUMB_WIDTH, first, PAGES_PER_TASK),
            done,
            pool="io",
            owner=self,
            label="viewer.thumbnails",
        )
