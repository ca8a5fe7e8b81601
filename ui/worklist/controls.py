"""Builds the work list's parts into the main window and wires them, so the window itself
only creates :class:`WorklistControls` and asks :meth:`WorklistControls.list_queue` what the
list shows.

* the filter bar above the table, its saved views, and the last filter (remembered in the
  store for the officer: :mod:`services.worklist.officer_settings` says why);
* the empty list's message in the table;
* "Assign…" (Ctrl+Shift+A; supervisors and the administrator), on one row or a selection;
* "Notes…" (Ctrl+Shift+N), on the row or on the request open in the review screen;
* the alerts badge in the header (a chosen alert shows its request in the list).

What an officer may do is asked of the services' access table (``may``), never decided here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QMainWindow,
    QToolButton,
)

from services.api import (
    Action,
    ApplicationRow,
    AssignResult,
    ListFilter,
    Officer,
    Ports,
    SavedView,
    ServiceOption,
    SignedInUser,
    may,
)
from ui.common.changes import ChangeHub, Changes
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.tasks import TaskRunner
from ui.shell.application_model import ROW_ROLE, ApplicationModel
from ui.shell.header_band import HeaderBand
from ui.shell.list_page import ListPage
from ui.shell.queue_pane import QueuePane
from ui.shell.search import SearchBox
from ui.worklist.alerts_button import AlertsButton
from ui.worklist.assign_dialog import AssignDialog
from ui.worklist.empty_hint import EmptyHint
from ui.worklist.filter_bar import FilterBar
from ui.worklist.filtering import FilteredQueue
from ui.worklist.notes_dialog import NotesDialog

__all__ = ["SAVE_DELAY_MS", "WorklistControls"]

# The last filter is written once the officer stops changing it for this long.
SAVE_DELAY_MS = 800

_OPTIONS_FAILED = (
    "อ่านรายการบริการและเจ้าหน้าที่สำหรับตัวกรองไม่ได้ ลองอีกครั้ง",
    "Could not read the services and officers for the filters. Try again.",
)
_VIEWS_FAILED = (
    "บันทึกมุมมองไม่สำเร็จ ลองอีกครั้ง",
    "The view could not be saved. Try again.",
)


class ReviewShown(Protocol):
    """What the controls ask of the review screen (which request is open)."""

    def isVisible(self) -> bool: ...

    @property
    def application_id(self) -> str | None: ...

    @property
    def detail(self) -> Any: ...


class WorklistControls(QObject):
    """The filter bar, empty hint, assign and notes actions, alerts badge of one window.

    Signals:
        list_did_change(): the filter changed; the window reads the list again.
    """

    list_did_change = Signal()

    def __init__(
        self,
        window: QMainWindow,
        ports: Ports,
        user: SignedInUser,
        runner: TaskRunner,
        *,
        changes: ChangeHub,
        list_page: ListPage,
        model: ApplicationModel,
        queues: QueuePane,
        header: HeaderBand,
        review: ReviewShown,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ports, self._user, self._runner = ports, user, runner
        self._port = ports.worklist
        self._changes = changes
        self._model = model
        self._queues = queues
        self._review = review
        self._table: QAbstractItemView = list_page.table
        self._search: SearchBox = list_page.search_edit
        self._error: ErrorBox = list_page.error_box
        self.can_assign = may(user.roles, Action.ASSIGN)
        self.can_read_notes = may(user.roles, Action.READ_NOTES)
        self.can_write_notes = may(user.roles, Action.WRITE_NOTE)
        self.assign_dialog: AssignDialog | None = None
        self.notes_dialog: NotesDialog | None = None
        self._views: list[SavedView] = []

        self.filter_bar = FilterBar()
        layout = list_page.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(1, self.filter_bar)
        self.empty_hint = EmptyHint(self._table)
        if self.can_assign:
            # A supervisor hands out a batch: several rows at once (Ctrl/Shift+click).
            self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.assign_action = QAction(window)
        self.assign_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.assign_action.setVisible(self.can_assign)
        self.assign_action.setEnabled(self.can_assign)
        self.assign_action.triggered.connect(self.open_assign)
        self.notes_action = QAction(window)
        self.notes_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.notes_action.setVisible(self.can_read_notes)
        self.notes_action.setEnabled(self.can_read_notes)
        self.notes_action.triggered.connect(self.open_notes)
        window.addAction(self.assign_action)
        window.addAction(self.notes_action)
        first_item = layout.itemAt(0)
        title_row = first_item.layout() if first_item is not None else None
        assert isinstance(title_row, QBoxLayout)
        self.assign_button = self._tool_button(self.assign_action, "AssignButton")
        self.notes_button = self._tool_button(self.notes_action, "NotesButton")
        title_row.insertWidget(2, self.notes_button)
        title_row.insertWidget(2, self.assign_button)

        self.alerts = AlertsButton(self._port, runner, user)
        header_layout = header.layout()
        assert isinstance(header_layout, QBoxLayout)
        # Just left of the officer's name, where the eye goes for "mine".
        header_layout.insertWidget(max(header_layout.count() - 5, 0), self.alerts)
        self.alerts.request_chosen.connect(self._show_request)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_last_filter)
        self.filter_bar.filter_did_change.connect(self._filter_changed)
        self.filter_bar.view_did_apply.connect(self._view_applied)
        self.filter_bar.view_save_requested.connect(self.save_view)
        self.filter_bar.view_delete_requested.connect(self.delete_view)
        for signal in (model.rows_did_load, model.modelReset, model.rows_did_fail):
            signal.connect(self._update_hint)
        changes.changes_did_happen.connect(self._changes_happened)
        self.retranslate()
        self._load()

    def _tool_button(self, action: QAction, name: str) -> QToolButton:
        button = named(QToolButton(), name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setVisible(action.isVisible())
        return button

    def stop(self) -> None:
        self.alerts.stop()
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_last_filter()

    # -- what the list shows ----------------------------------------------------------------

    def list_queue(self, status: str | None) -> FilteredQueue:
        """The pane's queue (``status``, None for all) narrowed by the filter bar."""
        chosen = self.filter_bar.current_filter()
        statuses = (status,) if status else ()
        return FilteredQueue(replace(chosen, statuses=statuses), filtered=not chosen.is_empty())

    def _update_hint(self, *_: Any) -> None:
        model = self._model
        if model.is_loading or model.total is None or model.rowCount() > 0:
            self.empty_hint.show_message("")
            return
        queue = model.status
        if not isinstance(queue, FilteredQueue):
            words = self._search.searching
            self.empty_hint.show_message(
                self.tr(
                    "Nothing found for “{text}”. Check the spelling, or search by tracking number."
                ).format(text=words)  # fmt: skip
            )
        elif queue.filtered:
            self.empty_hint.show_message(
                self.tr(
                    "No requests match these filters.\nChange them above, or press "
                    "“Clear filters” to see the whole queue."
                )  # fmt: skip
            )
        else:
            self.empty_hint.show_message(self.tr("No requests in this queue."))

    # -- loading the bar's choices ----------------------------------------------------------

    def _load(self) -> None:
        ports, user, port = self._ports, self._user, self._port

        def read() -> tuple[list[ServiceOption], list[Officer], list[SavedView], ListFilter]:
            return (
                ports.intake.services(user),
                ports.review.officers(user),
                port.saved_views(user),
                port.last_filter(user),
            )

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None or result is None:
                self._error.show_error(
                    error, fallback_th=_OPTIONS_FAILED[0], fallback_en=_OPTIONS_FAILED[1]
                )
                return
            services, officers, views, last = result
            self.filter_bar.set_options(services, officers)
            self._views = views
            self.filter_bar.set_views(views)
            if last != self.filter_bar.current_filter():
                self.filter_bar.apply(last)
                self.list_did_change.emit()

        self._runner.run(read, done, owner=self, label="worklist.options")

    # -- the filter and saved views ---------------------------------------------------------

    def _filter_changed(self) -> None:
        self._save_timer.start()
        self.list_did_change.emit()

    def _save_last_filter(self) -> None:
        port, user, chosen = self._port, self._user, self.filter_bar.current_filter()
        self._runner.run(
            lambda: port.set_last_filter(user, chosen),
            lambda _r, _e: None,  # a convenience: a failure is logged, the list is unchanged
            owner=self,
            label="worklist.last_filter",
        )

    def _view_applied(self, view_filter: ListFilter) -> None:
        status = view_filter.statuses[0] if len(view_filter.statuses) == 1 else None
        if self._queues.current_status() == status or not self._queues.select_status(status):
            self.list_did_change.emit()
        # else the pane's change of queue reads the list
        self._save_timer.start()

    def save_view(self, name: str) -> None:
        """Save what the list shows now (the queue and the bar) as ``name``."""
        port, user = self._port, self._user
        shown = self.list_queue(self._queues.current_status()).filter

        def done(views: list[SavedView] | None, error: BaseException | None) -> None:
            if error is not None or views is None:
                self._error.show_error(
                    error, fallback_th=_VIEWS_FAILED[0], fallback_en=_VIEWS_FAILED[1]
                )
                return
            self._views = views
            self.filter_bar.set_views(views, " ".join(name.split()))

        self._runner.run(lambda: port.save_view(user, name, shown), done, owner=self,
                         label="worklist.save_view")  # fmt: skip

    def delete_view(self, name: str) -> None:
        port, user = self._port, self._user

        def done(views: list[SavedView] | None, error: BaseException | None) -> None:
            if error is None and views is not None:
                self._views = views
                self.filter_bar.set_views(views)

        self._runner.run(lambda: port.delete_view(user, name), done, owner=self,
                         label="worklist.delete_view")  # fmt: skip

    # -- assigning ---------------------------------------------------------------------------

    def selected_rows(self) -> list[ApplicationRow]:
        selection = self._table.selectionModel()
        indexes = selection.selectedRows() if selection is not None else []
        if not indexes and self._table.currentIndex().isValid():
            indexes = [self._table.currentIndex()]
        rows = [i.data(ROW_ROLE) for i in sorted(indexes, key=lambda i: i.row())]
        return [r for r in rows if isinstance(r, ApplicationRow)]

    def open_assign(self) -> bool:
        """ "Assign…" on the selected rows; False when there is nothing to assign."""
        rows = self.selected_rows()
        if not self.can_assign or not rows:
            return False
        port, user = self._port, self._user

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None or result is None:
                self._error.show_error(
                    error, fallback_th=_OPTIONS_FAILED[0], fallback_en=_OPTIONS_FAILED[1]
                )
                return
            officers, sections = result
            dialog = AssignDialog(port, self._runner, user, rows, officers, sections,
                                  parent=self._window)  # fmt: skip
            dialog.assignment_did_succeed.connect(self._assigned)
            dialog.finished.connect(dialog.deleteLater)
            self.assign_dialog = dialog
            dialog.open()

        self._runner.run(lambda: port.assign_targets(user), done, owner=self,
                         label="worklist.targets")  # fmt: skip
        return True

    def _assigned(self, result: AssignResult) -> None:
        who = result.to_officer or result.to_section or ""
        self._window.statusBar().showMessage(
            self.tr("{count} request(s) assigned to {who}.").format(
                count=len(result.assigned), who=who
            ),
            8000,
        )
        self._changes.announce(Changes(lists=True))

    # -- notes ---------------------------------------------------------------------------------

    def open_notes(self) -> bool:
        """ "Notes…" on the request open in the review screen, else the current row."""
        target: tuple[str, str] | None = None
        if self._review.isVisible() and self._review.application_id:
            detail = self._review.detail
            number = detail.row.tracking_number if detail is not None else ""
            target = (self._review.application_id, number)
        else:
            rows = self.selected_rows()
            if rows:
                target = (rows[0].id, rows[0].tracking_number)
        if not self.can_read_notes or target is None:
            return False
        dialog = NotesDialog(self._port, self._runner, self._user, *target,
                             can_write=self.can_write_notes, parent=self._window)  # fmt: skip
        dialog.finished.connect(dialog.deleteLater)
        self.notes_dialog = dialog
        dialog.open()
        return True

    # -- alerts --------------------------------------------------------------------------------

    def _show_request(self, application_id: str) -> None:
        number = next(
            (
                a.tracking_number
                for a in self.alerts.alerts.items
                if a.application_id == application_id
            ),
            "",
        )
        if number:
            self._search.setText(number)
            self._search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changes_happened(self, changes: Changes) -> None:
        if changes.lists or changes.application_ids:
            self.alerts.refresh()

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.assign_action.setText(self.tr("Assign…"))
        self.assign_action.setToolTip(self.tr("Assign the selected requests (Ctrl+Shift+A)"))
        self.notes_action.setText(self.tr("Notes…"))
        self.notes_action.setToolTip(self.tr("Internal notes on this request (Ctrl+Shift+N)"))
        self._update_hint()
