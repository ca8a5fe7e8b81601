"""The application list in the main window's centre: which queue or search it shows, the
queue counts, the list's title and count line, and what went wrong reading them.

The rows come through :class:`~ui.shell.application_model.ApplicationModel` (pages of rows
read on the "db" pool); this module decides what the model is asked for and keeps the queue
pane's counts, the title and the status bar in step. Words are in the "MainWindow" context.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt

from services.api import BANGKOK, StatusCount
from ui.shell.queue_pane import DASHBOARD, QUEUES
from ui.shell.search import SearchQuery
from ui.worklist.filtering import FilteredQueue

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["WindowList"]


class WindowList(QObject):
    """Keeps the list, the queue counts, the list's title and the count line in step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._counts_generation = 0  # a newer read makes the answers of older ones stale
        self._updated_at: datetime | None = None

    def follow(self) -> None:
        """Follow the queue pane, the search box, the filter bar and the model's loading."""
        w = self._window
        w.queues.queue_did_change.connect(self._queue_changed)
        # The window retranslates before the pane it holds: the title waits for the pane's
        # new names, else the first frame after a switch kept the old language's title.
        w.queues.labels_did_change.connect(self.update_title)
        w.worklist.list_did_change.connect(lambda: self._search_changed(""))
        w.search_edit.search_did_change.connect(self._search_changed)
        w.search_edit.search_did_leave.connect(
            lambda: w.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        w.model.rows_did_load.connect(self._rows_loaded)
        w.model.rows_did_fail.connect(self._rows_failed)
        w.model.loading_did_change.connect(self.update_status)
        w.model.modelReset.connect(self.update_status)

    def focus_search(self) -> None:
        """To the search box, back on the list if a page was up."""
        w = self._window
        if w.current_page() != QUEUES:
            w.queues.select_page(QUEUES)
        w.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        w.search_edit.selectAll()

    def searching(self) -> bool:
        return isinstance(self._window.model.status, SearchQuery)

    def list_status(self) -> SearchQuery | FilteredQueue:
        """What the list shows: the search's results while searching, else the queue
        narrowed by the filter bar."""
        w = self._window
        words = w.search_edit.searching
        if words:
            return SearchQuery(words)
        return w.worklist.list_queue(w.queues.current_status())

    def fit_columns(self) -> None:
        """Hide what the width cannot hold, so the service name always has room."""
        status = self._window.model.status
        one_status = isinstance(status, FilteredQueue) and status.one_status
        self._window.table.fit_columns(one_status=one_status)

    def update_title(self) -> None:
        """The list's title: the queue's name, or what the search looks for."""
        w = self._window
        if self.searching():
            w.queue_title.setText(
                QCoreApplication.translate("MainWindow", "Search results for “{text}”").format(
                    text=w.search_edit.searching
                )
            )
        else:
            w.queue_title.setText(
                w.queues.current_label() or QCoreApplication.translate("MainWindow", "Applications")
            )

    def update_status(self, *_: Any) -> None:
        model = self._window.model
        self._window.status.show_list(
            model.total, model.loaded, searching=self.searching(),
            loading=model.is_loading, updated_at=self._updated_at,
        )  # fmt: skip

    def show_error(self, error: BaseException | None, th: str, en: str) -> None:
        box = self._window.error_box
        box.show_error(error, fallback_th=th, fallback_en=en)
        box.set_action(QCoreApplication.translate("MainWindow", "Try again"), self._window.refresh)

    def _show_again(self) -> None:
        w = self._window
        w.model.set_queue(self.list_status())
        self.fit_columns()
        w.update_title()

    def _queue_changed(self, _status: str | None) -> None:
        w = self._window
        w.workspace.setCurrentWidget(w.splitter)  # Alt+1…9 from the review screen too
        w.search_edit.clear_search()
        self._show_again()

    def _search_changed(self, _words: str) -> None:
        self._show_again()
        self.update_status()

    def refresh_queues(self) -> None:
        """Read the queue counts and the current queue again, and the dashboard if shown."""
        w = self._window
        if w.current_page() == DASHBOARD:  # read when shown otherwise
            w.dashboard.refresh()
        w.page_set.refresh_approvals()  # if made: its list follows what reviewers pass on
        w.error_box.clear()
        self._counts_generation += 1
        generation = self._counts_generation
        port, user = w.ports.shell, w.user

        def read_counts() -> tuple[int, list[StatusCount]]:
            return port.count_applications(user, None), port.status_counts(user)

        def done(result: tuple[int, list[StatusCount]] | None, error: Any) -> None:
            if generation != self._counts_generation:
                return
            if error is not None or result is None:
                self.show_error(
                    error,
                    "อ่านรายการคิวงานไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    "Could not read the queues. Try again; if it keeps failing, "
                    "tell your administrator.",
                )
                return
            total, counts = result
            w.queues.set_counts(total, counts)
            # When this window last read the counts, on the clock the officer sees: the
            # computer's clock is right here (no service rule counts from it).
            self._updated_at = datetime.now(BANGKOK)
            self._show_again()
            self.update_status()

        w.runner.run(read_counts, done, owner=self, label="main.counts")

    def _rows_loaded(self, _loaded: int, _total: int) -> None:
        w = self._window
        if not w.error_box.isHidden():
            w.error_box.clear()
        shown = w.detail.application_id
        if shown is not None and w.detail.isVisible():
            row = w.model.find_row(shown)
            if row >= 0:
                w.detail.show_row(w.model.row_at(row))
        if w.table.currentIndex().row() < 0 and w.model.rowCount() > 0:
            w.table.selectionModel().setCurrentIndex(
                w.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        self.update_status()

    def _rows_failed(self, error: BaseException) -> None:
        self.show_error(
            error,
            "อ่านรายการคำขอไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
            "Could not read the applications. Try again; if it keeps failing, "
            "tell your administrator.",
        )
        self.update_status()
