"""The panels at the main window's right: the quick look at a request (details without
opening it, with a forwarded request's applicant to confirm, and its buttons: classify,
withdraw, export the file) and the counter registration form. At most one is open; opening
one takes its room from the list in the centre.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings
from PySide6.QtWidgets import QSplitter

from services.api import ApplicationRow, Ports, SignedInUser
from ui.common import ui_settings
from ui.common.changes import ChangeHub, Changes
from ui.common.tasks import TaskRunner
from ui.intake.counter_form import CounterForm
from ui.intake.forward_box import ForwardBox
from ui.shell.application_model import ROW_ROLE
from ui.shell.archive_export import ArchiveExportFlow
from ui.shell.detail_panel import DetailPanel
from ui.shell.list_page import ApplicationTable
from ui.shell.request_moves import RequestMoves
from ui.shell.window_rights import WindowRights

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

__all__ = ["SidePanels", "row_for"]

log = logging.getLogger(__name__)

_DETAIL_WIDTH = 360
_COUNTER_WIDTH = 420
_DETAIL, _COUNTER = 2, 3  # their places in the splitter, after the queues and the centre


def row_for(index: QModelIndex | QPersistentModelIndex) -> ApplicationRow | None:
    """The list's row behind ``index`` (None for no row)."""
    if not index.isValid():
        return None
    row = index.data(ROW_ROLE)
    return row if isinstance(row, ApplicationRow) else None


def connect_detail_buttons(window: MainWindow) -> tuple[RequestMoves, ArchiveExportFlow | None]:
    """What the detail panel's buttons do: classify, withdraw, and export the file."""
    moves = RequestMoves(window, window.ports.intake, window.runner, lambda: window.user,
                         window.error_box, window.changes)  # fmt: skip
    window.detail.classify_requested.connect(moves.open_classify)
    window.detail.withdraw_requested.connect(moves.open_withdraw)
    export: ArchiveExportFlow | None = None
    if window.ports.archive is not None:
        export = ArchiveExportFlow(window, window.ports.archive, window.runner,
                                   lambda: window.user, window.error_box)  # fmt: skip
        window.detail.archive_requested.connect(export.start)
    return moves, export


class SidePanels:
    """Adds the detail panel and, for the counter role, the counter form to ``splitter``."""

    def __init__(
        self,
        splitter: QSplitter,
        table: ApplicationTable,
        *,
        ports: Ports,
        user: SignedInUser,
        runner: TaskRunner,
        settings: QSettings,
        rights: WindowRights,
        changes: ChangeHub,
    ) -> None:
        self._splitter = splitter
        self._table = table
        self._settings = settings
        self._changes = changes
        self.detail = DetailPanel(roles=user.roles)
        # A forwarded request's applicant, proposed by intake and confirmed here.
        self.forward_box = ForwardBox(
            ports.intake, user, runner, can_confirm=rights.confirm_applicant
        )
        self.detail.add_section(self.forward_box)
        self.detail.row_did_show.connect(self.forward_box.show_for)
        self.forward_box.applicant_did_change.connect(
            lambda application_id: changes.announce(Changes.of_application(application_id))
        )
        self.detail.setMinimumWidth(280)
        self.detail.hide()
        self.detail.panel_did_close.connect(table.setFocus)
        splitter.addWidget(self.detail)
        # Only officers at the counter register requests; the panel exists for them alone.
        self.counter_form: CounterForm | None = None
        if rights.register:
            self.counter_form = CounterForm(ports.intake, user, runner)
            self.counter_form.setMinimumWidth(340)
            self.counter_form.hide()
            self.counter_form.request_did_register.connect(self._counter_registered)
            self.counter_form.form_did_close.connect(table.setFocus)
            splitter.addWidget(self.counter_form)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(_DETAIL, 0)
        if self.counter_form is not None:
            splitter.setStretchFactor(_COUNTER, 0)
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)

    def open_counter_form(self) -> bool:
        """Show the counter registration panel (Ctrl+N); False if not allowed."""
        form = self.counter_form
        if form is None:
            return False
        self.detail.hide()
        was_hidden = form.isHidden()
        form.open_form()
        if was_hidden:
            self._give_room(_COUNTER, _COUNTER_WIDTH)
        return True

    def open_detail(self, row: ApplicationRow) -> None:
        """Show ``row``'s fields in the detail panel (in place of the counter form)."""
        if self.counter_form is not None:
            self.counter_form.hide()
        was_hidden = self.detail.isHidden()
        self.detail.show_row(row)
        if was_hidden:
            want = max(ui_settings.read(self._settings, ui_settings.DETAIL_WIDTH), _DETAIL_WIDTH)
            self._give_room(_DETAIL, want)

    def toggle_detail(self) -> None:
        """Space on the list: the quick look (details without opening), or away again."""
        if self.detail.isVisible():
            self.detail.close_panel()
            return
        row = row_for(self._table.currentIndex())
        if row is not None:
            self.open_detail(row)

    def hide_all(self) -> None:
        self.detail.hide()
        if self.counter_form is not None:
            self.counter_form.hide()

    def _give_room(self, panel: int, want: int) -> None:
        """Open the splitter's ``panel`` at ``want`` px, taken from the list in the centre."""
        sizes = self._splitter.sizes()
        if len(sizes) > panel and sizes[panel] < 200:
            sizes[1] = max(300, sizes[1] + sizes[panel] - want)
            sizes[panel] = want
            self._splitter.setSizes(sizes)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Once the panel is open it follows the cursor, so Up/Down walk through the queue.
        if self.detail.isVisible():
            row = row_for(current)
            if row is not None:
                self.detail.show_row(row)

    def _counter_registered(self, tracking_number: str) -> None:
        log.info("counter request %s registered", tracking_number)
        # Scanned files that fail inspection are held back, so quarantine may have moved too.
        self._changes.announce(Changes(lists=True, quarantine=True))
