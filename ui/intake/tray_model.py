"""The table model, the side panel and the page frame shared by the intake tray pages
(quarantined files, not requests).

Both trays list rows read by a port, re-word their headers and cells when the language
changes, give the whole row under :data:`~ui.intake.tray_rows.ROW_ROLE`, and show the chosen
row's facts in a panel beside the list. What is the same lives here: :class:`TrayModel`
(each page's model says only its columns' titles and cells), :class:`TraySidePanel` (each
panel says only the row's title and facts, and adds its own buttons) and :class:`TrayPage`
(the list column of :func:`~ui.intake.tray_layout.build_tray_column`, the panel, and the list
behaviour of :class:`~ui.intake.tray_rows.TrayRows`). Every ``self.tr`` call stays in the
page's own classes, so the Thai catalogue keeps its contexts.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.intake.tray_layout import build_tray_column
from ui.intake.tray_rows import ROW_ROLE, RowT, TrayRows

__all__ = ["AnyIndex", "TrayModel", "TrayPage", "TraySidePanel"]

AnyIndex = QModelIndex | QPersistentModelIndex
ColumnT = TypeVar("ColumnT", bound=IntEnum)


class TrayModel(QAbstractTableModel, Generic[RowT, ColumnT]):
    """Rows of one tray; a page's model names ``columns`` and writes :meth:`titles`,
    :meth:`display` and :meth:`tooltip` (and :meth:`alignment` for a right-aligned column)."""

    columns: type[ColumnT]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._language = i18n.current_language()

    # -- what a page's model says ---------------------------------------------------------

    def titles(self) -> Mapping[ColumnT, str]:
        raise NotImplementedError

    def display(self, row: RowT, column: ColumnT) -> Any:
        raise NotImplementedError

    def tooltip(self, row: RowT, column: ColumnT) -> Any:
        return None

    def alignment(self, column: ColumnT) -> Qt.AlignmentFlag | None:
        return None

    # -- the same in every tray -----------------------------------------------------------

    def set_rows(self, rows: list[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        last = len(self.columns) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def find_row(self, item_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == item_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.titles().get(self.columns(section))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns(index.column())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            flags = self.alignment(column)
            return None if flags is None else int(flags)
        return None


class TraySidePanel(Retranslating, QFrame, Generic[RowT]):
    """A placeholder until a row is chosen; then the row's title, its facts, and what the
    page adds to ``body_layout`` (its buttons), then the panel's error box.

    A panel builds its own widgets into ``body_layout`` after ``super().__init__`` and then
    calls :meth:`finish`; it writes :meth:`describe` and ``retranslate`` (which calls
    :meth:`fill` for the facts in the new language).
    """

    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuarantineSide")  # the theme's name for a tray's side panel
        self._width = width
        self._row: RowT | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 14, 12)
        self._layout.setSpacing(8)
        self.placeholder = named(QLabel(), "Muted")
        self.placeholder.setWordWrap(True)
        self._layout.addWidget(self.placeholder)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(8)
        self.title = named(QLabel(), "DetailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_layout.addWidget(self.title)
        self._form = QFormLayout()
        self._form.setContentsMargins(0, 0, 0, 4)
        self._form.setVerticalSpacing(2)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.body_layout.addLayout(self._form)
        self.error_box = ErrorBox()

    def finish(self) -> None:
        """Close the body (the error box last) and show the placeholder in its words."""
        self.body_layout.addWidget(self.error_box)
        self.body_layout.addStretch(1)
        self._layout.addWidget(self.body, 1)
        self.show_row(None)
        self.retranslate()

    def describe(self, row: RowT, language: str) -> tuple[str, list[tuple[str, str]]]:
        """The row's title and its facts (name, value); facts without a value are left out."""
        raise NotImplementedError

    def other_row_chosen(self) -> None:
        """A different row (or none) is chosen: what the panel was asking is dropped."""
        self.error_box.clear()

    def sizeHint(self) -> QSize:
        return QSize(self._width, super().sizeHint().height())

    @property
    def row(self) -> RowT | None:
        return self._row

    def show_row(self, row: RowT | None) -> None:
        if row is None or self._row is None or row.id != self._row.id:
            self.other_row_chosen()
        self._row = row
        self.placeholder.setVisible(row is None)
        self.body.setVisible(row is not None)
        self.fill()

    def fill(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        row = self._row
        if row is None:
            return
        title, facts = self.describe(row, i18n.current_language())
        self.title.setText(title)
        for name, value in facts:
            if not value:
                continue
            label = named(QLabel(name), "FieldName")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(label, text)


class TrayPage(Retranslating, QWidget, Generic[RowT]):
    """The list column on the left, the page's side panel on the right, the rows between.

    The column's widgets are attributes of the page (``title``, ``refresh_button``,
    ``intro``, ``error_box``, ``notice``, ``table``, ``empty``) for the page and its tests.
    """

    def __init__(
        self,
        *,
        runner: TaskRunner,
        model: TrayModel[RowT, Any],
        row_type: type[RowT],
        side: TraySidePanel[RowT],
        side_min_width: int,
        table_name: str,
        widths: Mapping[Any, int],
        stretch_column: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.model = model
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        column = build_tray_column(
            model=model,
            table_name=table_name,
            widths=widths,
            stretch_column=stretch_column,
            on_refresh=self.refresh,
        )
        self.title = column.title
        self.refresh_button = column.refresh_button
        self.intro = column.intro
        self.error_box = column.error_box
        self.notice = column.notice
        self.table = column.table
        self.empty = column.empty
        outer.addWidget(column.widget, 1)
        # Narrow windows squeeze the panel first; the list keeps its columns longer.
        side.setMinimumWidth(side_min_width)
        side.setMaximumWidth(side.sizeHint().width())
        outer.addWidget(side, 0)
        self._rows = TrayRows(self, runner, column, model, side, row_type)
        self.table.selectionModel().currentRowChanged.connect(self._rows.current_changed)

    @property
    def loaded(self) -> bool:
        """True once the list was read at least once."""
        return self._rows.loaded

    def refresh(self) -> None:
        raise NotImplementedError

    def select_item(self, item_id: str) -> bool:
        return self._rows.select(item_id)
