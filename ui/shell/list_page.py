"""The application list page in the centre of the main window: its title, the search box,
"Next" and "New counter request", an inline message, and the table.

:class:`ApplicationTable` keeps the columns fitted: when the width cannot hold them all,
the optional ones give way (the detail panel shows them anyway), so the service name always
has room. The widths the officer set are remembered and come back with the room.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.errors import ErrorBox
from ui.common.lay_out_now import lay_out_now
from ui.common.naming import named
from ui.common.theme import ROW_HEIGHT
from ui.shell.application_model import ApplicationModel, Column
from ui.shell.delegates import SlaBadgeDelegate
from ui.shell.search import SearchBox

__all__ = ["ApplicationTable", "ElidedTitle", "ListPage"]

# Measured for Sarabun 10.5 pt: the widest tracking number, Thai/English date, masked ID,
# status label and SLA badge, plus the cell's padding.
_COLUMN_WIDTHS = {
    Column.TRACKING: 154,
    Column.RECEIVED: 126,
    Column.APPLICANT: 165,
    Column.NATIONAL_ID: 134,
    Column.STATUS: 166,
    Column.SLA: 122,
    Column.ASSIGNEE: 112,
}
_SERVICE_MIN_WIDTH = 120
# When the list is narrow (detail panel open, small screen) these columns give way first,
# in this order; the detail panel shows them anyway.
_OPTIONAL_COLUMNS = (Column.NATIONAL_ID, Column.ASSIGNEE, Column.RECEIVED, Column.STATUS)


class ApplicationTable(QTableView):
    """The list's table: rows in the service's order, columns that fit the width.

    Signals:
        viewport_did_resize(): the room for the columns changed (after the scroll bars
            settled); the window fits the columns again.
    """

    viewport_did_resize = Signal()

    def __init__(self, model: ApplicationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApplicationTable")
        self.setModel(model)
        self.setItemDelegateForColumn(Column.SLA, SlaBadgeDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSortingEnabled(False)  # first come, first served: the service's order
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(60)
        header.setStretchLastSection(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.SERVICE, QHeaderView.ResizeMode.Stretch)
        self._column_widths = {int(c): w for c, w in _COLUMN_WIDTHS.items()}
        header.sectionResized.connect(self._column_resized)
        # The viewport's own resize comes after the scroll bars settled: measure then.
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.viewport_did_resize.emit()
        return super().eventFilter(watched, event)

    def visible_columns(self) -> list[Column]:
        header = self.horizontalHeader()
        return [c for c in Column if not header.isSectionHidden(c)]

    def restore_header(self, state: QByteArray) -> None:
        """Bring back the officer's column widths (``HEADER_STATE``), if the state is usable."""
        header = self.horizontalHeader()
        if not state.isEmpty() and header.restoreState(state):
            for column in Column:
                width = header.sectionSize(column)
                if width > 0 and column != Column.SERVICE:
                    self._column_widths[int(column)] = width

    def fit_columns(self, *, one_status: bool) -> None:
        """Hide what the width cannot hold, so the service name always has room.

        In a queue of one status (``one_status``) every row says the same; that column only
        costs room.
        """
        header = self.horizontalHeader()
        hidden = {Column.STATUS} if one_status else set()
        available = self.viewport().width()

        def needed() -> int:
            widths = (
                self._column_widths.get(int(c), 100)
                for c in Column
                if c != Column.SERVICE and c not in hidden
            )
            return sum(widths) + _SERVICE_MIN_WIDTH

        for column in _OPTIONAL_COLUMNS:
            if needed() <= available:
                break
            hidden.add(column)
        for column in Column:
            if column == Column.SERVICE:
                continue
            if header.isSectionHidden(column) != (column in hidden):
                header.setSectionHidden(column, column in hidden)
                if column not in hidden:
                    header.resizeSection(column, self._column_widths.get(int(column), 100))

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if new > 0 and column != Column.SERVICE:
            self._column_widths[column] = new


class ElidedTitle(QLabel):
    """The list's title: when the row is narrow (the counter form open beside the list) it
    ends in "…" rather than being cut mid-letter, and its tooltip says it whole.
    :meth:`text` is the whole title; :meth:`shown_text` what fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""

    def text(self) -> str:
        return self._whole

    def setText(self, text: str) -> None:
        self._whole = text
        self._fit()

    def shown_text(self) -> str:
        return super().text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the style sheet's font came
            self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
        self.setToolTip(self._whole if shown != self._whole else "")


class ListPage(QWidget):
    """The centre page with the list (the others are the quarantine and the dashboard)."""

    def __init__(
        self,
        model: ApplicationModel,
        next_action: QAction,
        counter_action: QAction,
        *,
        can_take_next: bool,
        can_register: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(8)
        title_row = QHBoxLayout()
        self.title = named(ElidedTitle(), "SectionTitle")
        title_row.addWidget(self.title, 1)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.search_edit = SearchBox()
        self.search_edit.setMinimumWidth(240)
        self.search_edit.setMaximumWidth(420)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        title_row.addWidget(self.search_edit, 1)
        self.next_button = named(QToolButton(), "CounterButton")
        self.next_button.setDefaultAction(next_action)
        self.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.next_button.setVisible(can_take_next)
        title_row.addWidget(self.next_button)
        self.counter_button = named(QToolButton(), "CounterButton")
        self.counter_button.setDefaultAction(counter_action)
        self.counter_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.counter_button.setVisible(can_register)
        title_row.addWidget(self.counter_button)
        layout.addLayout(title_row)
        self.error_box = ErrorBox()
        layout.addWidget(self.error_box)
        self.table = ApplicationTable(model)
        layout.addWidget(self.table, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # The window relabelled the title row's buttons through their actions; their new
            # widths are taken now, not a few turns later ("New coun… request" was cut).
            lay_out_now(self)
        super().changeEvent(event)
