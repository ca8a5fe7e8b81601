"""Going between the main window's list and its review screen.

The review screen takes the whole width while a request is open (documents need the room);
leaving it goes back to the list with the request just reviewed selected, and the lists
are read again (changes announced meanwhile were left for then). "Next" takes the oldest
waiting request of the queue on screen, or of every queue while searching or on a page.
The screen itself is made the first time a request is opened: until then it is not up, holds
no request and no file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt

from services.api import ApplicationRow
from ui.common.changes import Changes
from ui.review.screen import NEXT_FAILED, NOTHING_WAITING
from ui.shell.lazy_widget import LazyWidget
from ui.shell.queue_pane import QUEUES
from ui.shell.window_panels import row_for

if TYPE_CHECKING:
    from ui.review.screen import ReviewScreen
    from ui.shell.main_window import MainWindow

__all__ = ["ReviewSwitch", "ShownReview"]


class ShownReview:
    """What the worklist asks of the review screen, without making it: a screen not made
    yet is not visible and has no request open."""

    def __init__(self, review: LazyWidget[ReviewScreen]) -> None:
        self._review = review

    def isVisible(self) -> bool:  # noqa: N802 (the widget's name for it)
        screen = self._review.built
        return screen is not None and screen.isVisible()

    @property
    def application_id(self) -> str | None:
        screen = self._review.built
        return None if screen is None else screen.application_id

    @property
    def detail(self) -> Any:
        screen = self._review.built
        return None if screen is None else screen.detail


class ReviewSwitch:
    """Opens requests in the window's review screen and leaves it again; the screen is made
    the first time a request is opened (:class:`~ui.shell.lazy_widget.LazyWidget`)."""

    def __init__(self, window: MainWindow, review: LazyWidget[ReviewScreen]) -> None:
        self._window = window
        self._review = review
        window.table.activated.connect(self._open_index)
        review.when_built(self._connect)

    def _connect(self, review: ReviewScreen) -> None:
        window = self._window
        review.screen_did_close.connect(self.close_review)
        review.application_did_change.connect(
            lambda: window.changes.announce(Changes.of_application(review.application_id))
        )
        review.next_requested.connect(self.open_next)
        review.review_will_open.connect(self._show_review)
        review.next_did_fail.connect(self._next_failed)

    def is_up(self) -> bool:
        screen = self._review.built
        return screen is not None and self._window.workspace.currentWidget() is screen

    def open_review(self, row: ApplicationRow) -> None:
        """Open ``row`` in the review screen (claims it; older ones waiting ask why)."""
        self._show_review()
        self._review.get().open_row(row)

    def open_next(self) -> None:
        """Take the oldest waiting request of the queue on screen and open it."""
        w = self._window
        if not w.rights.review:
            return
        searching_or_page = w.app_list.searching() or w.current_page() != QUEUES
        self._review.get().open_next(None if searching_or_page else w.queues.current_status())

    def close_review(self) -> None:
        w = self._window
        w.workspace.setCurrentWidget(w.splitter)
        screen = self._review.built
        shown = None if screen is None else screen.application_id
        # Changes announced while the review screen was up were left for now.
        w.changes.announce(Changes(lists=True, quarantine=True))
        if shown is not None:
            number = w.model.find_row(shown)
            if number >= 0:
                w.table.selectRow(number)
        w.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        """Close the review screen if it is up (a key took the officer elsewhere)."""
        if self.is_up():
            self.close_review()

    def _show_review(self) -> None:
        self._window.shortcut_sheet.close_sheet()
        self._window.workspace.setCurrentWidget(self._review.get())

    def _open_index(self, index: QModelIndex) -> None:
        row = row_for(index)
        if row is None:
            return
        if self._window.rights.review:
            self.open_review(row)
        else:
            self._window.open_detail(row)

    def _next_failed(self, error: BaseException | None) -> None:
        box = self._window.error_box
        if error is None:
            box.show_message(*NOTHING_WAITING)
        else:
            box.show_error(error, fallback_th=NEXT_FAILED[0], fallback_en=NEXT_FAILED[1])
        box.set_action("", None)
