"""Opening a request on the review screen: its first page first, the rest after it.

The claim (``port.open_application``) reads and writes; the officer waits for the page.
So the request's message and files are read in the "db" pool just before the claim (or were
read ahead while the officer was on the request before: :mod:`ui.review.read_ahead`), and
the viewer shows the first document as soon as they are here, while the claim is still on
its way. The claim's answer fills the checklist, identity and details tabs only after that
page is on screen (a zero-timer after the viewer shows it), and the next request is read
ahead only then, so none of it delays the first paint.

The checklist's rows for the first request are built after its page shows, one per turn of
the event loop, so the claim's answer goes between them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

from services.api import ApplicationDetail, RequestPreview
from ui.review.checklist import ChecklistView
from ui.review.read_ahead import ReadAhead
from ui.viewer.document_viewer import DocumentViewer

__all__ = ["ROWS_AHEAD", "Opening"]

ROWS_AHEAD = 10  # checklist rows built while a request opens (most services need fewer)
_FILL_AT_LATEST_MS = 400  # a first page that is slow to show does not hold the tabs longer
_PAINT_AT_LATEST_MS = 100  # a page shown but not painted (the screen hidden) holds no longer


class Opening(QObject):
    """Coordinates the viewer, the read-ahead and the screen's redraw while a request opens."""

    def __init__(
        self,
        viewer: DocumentViewer,
        read_ahead: ReadAhead,
        checklist: ChecklistView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._viewer = viewer
        self._read_ahead = read_ahead
        self._checklist = checklist
        self._opening: str | None = None  # the request being claimed
        self._shown_ahead: str | None = None  # shown from a preview, before its claim
        self._after_page: Callable[[], None] | None = None
        self._rows_ready = False  # the checklist's rows were built ahead
        self._preparing = False
        self._awaiting_paint = False  # the page is shown; its paint comes next
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._after_paint)
        read_ahead.request_did_arrive.connect(self._arrived)
        viewer.position_did_change.connect(self._page_shown)
        viewer.document_did_fail.connect(self._page_shown)
        # A zero-timer set when the page is shown fires before Qt paints it: the paint of
        # whatever the viewer shows is what lets the rest begin.
        for widget in viewer.painting_widgets():
            widget.installEventFilter(self)

    def begin(self, application_id: str) -> None:
        """``application_id`` is being claimed: show its first page as soon as its files
        are here (at once, if they were read ahead)."""
        self._opening = application_id
        if self._viewer.application_id != application_id:
            self._shown_ahead = None
            ahead = self._read_ahead
            if ahead.application_id == application_id and ahead.preview is not None:
                self._show(ahead.preview)  # replaces the request before at once
            else:
                self._viewer.clear()  # nothing of the request before while this one loads
                if not ahead.is_fetching(application_id):
                    ahead.fetch(application_id)  # queued before the claim, same worker

    def show_claimed(self, detail: ApplicationDetail) -> None:
        """The claim answered: the viewer shows ``detail``'s documents (kept on screen if
        they were shown ahead)."""
        application_id = detail.row.id
        if self._shown_ahead == application_id and self._viewer.application_id == application_id:
            self._viewer.update_documents(detail.documents)
        else:
            ahead = self._read_ahead
            self._viewer.set_application(
                application_id, detail.body_text, detail.documents,
                parsed=ahead.take_parsed(application_id), read_ahead=ahead.take(application_id),
            )  # fmt: skip
        self._shown_ahead = None
        self._opening = None

    def after_first_page(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the viewer's document is on screen (a zero-timer after it, so the
        page paints first); at once if nothing is loading."""
        if not self._viewer.is_loading:
            self._after_page = None
            fn()
            return
        self._after_page = fn  # a newer answer replaces an older one still waiting
        self._fallback.start(_FILL_AT_LATEST_MS)

    def failed(self) -> None:
        """The claim was refused: nothing of the request stays on screen."""
        if self._shown_ahead is not None or self._opening is not None:
            self._viewer.clear()
        self._shown_ahead = None
        self._opening = None

    def forget(self) -> None:
        """Signed out (or the window closes): no decrypted byte stays in memory here."""
        self._read_ahead.clear()
        self._viewer.clear()
        self._shown_ahead = None
        self._opening = None
        self._after_page = None
        self._awaiting_paint = False
        self._fallback.stop()

    def _arrived(self, application_id: str) -> None:
        preview = self._read_ahead.preview
        if (
            application_id == self._opening
            and self._viewer.application_id != application_id
            and preview is not None
        ):
            self._show(preview)

    def _show(self, preview: RequestPreview) -> None:
        ahead, application_id = self._read_ahead, preview.application_id
        self._viewer.set_application(
            application_id, preview.body_text, preview.documents,
            parsed=ahead.take_parsed(application_id), read_ahead=ahead.take(application_id),
        )  # fmt: skip
        self._shown_ahead = application_id

    def _page_shown(self, *_: object) -> None:
        if self._after_page is not None or not (self._preparing or self._rows_ready):
            self._awaiting_paint = True
            self._fallback.start(_PAINT_AT_LATEST_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._awaiting_paint and event.type() == QEvent.Type.Paint:
            self._awaiting_paint = False
            QTimer.singleShot(0, self, self._after_paint)  # once this paint is done
        return False

    def _after_paint(self) -> None:
        self._awaiting_paint = False
        self._fallback.stop()
        fn, self._after_page = self._after_page, None
        if fn is not None:
            fn()
        if not (self._preparing or self._rows_ready):
            self._preparing = True
            QTimer.singleShot(0, self, self._prepare_rows)

    def _prepare_rows(self) -> None:
        # After a page is on screen (building a row is about 10 ms of the GUI thread, and
        # the first page's delivery would wait behind it), one row per turn of the event
        # loop, so the claim's answer goes between them.
        self._preparing = self._checklist.prepare(ROWS_AHEAD, at_most=1)
        self._rows_ready = not self._preparing
        if self._preparing:
            QTimer.singleShot(0, self, self._prepare_rows)
