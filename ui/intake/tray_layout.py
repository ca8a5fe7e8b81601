"""The list column shared by the intake tray pages (quarantined files, not requests).

Both trays show the same column left of their own detail panel: a title with a Refresh
button, an intro line, the page's error box, a notice for what was just done, the table and
the "nothing here" line that replaces it when the tray is empty. Building it in one place
keeps the two pages looking and behaving alike; each page keeps its own wording (set in its
``retranslate``, so the Thai catalogue keeps its contexts) and its own side panel.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.theme import ROW_HEIGHT

__all__ = ["TrayColumn", "build_tray_column"]

_Column = TypeVar("_Column", bound=int)  # a page's column IntEnum


@dataclass(frozen=True)
class TrayColumn:
    """The widgets of a tray's list column; ``widget`` holds them all."""

    widget: QWidget
    title: QLabel
    refresh_button: QToolButton
    intro: QLabel
    error_box: ErrorBox
    notice: QLabel
    table: QTableView
    empty: QLabel


def build_tray_column(
    *,
    model: QAbstractItemModel,
    table_name: str,
    widths: Mapping[_Column, int],
    stretch_column: int,
    on_refresh: Callable[[], None],
) -> TrayColumn:
    """Lay out the column; texts are left empty for the page to fill in its language."""
    centre = QWidget()
    layout = QVBoxLayout(centre)
    layout.setContentsMargins(10, 10, 10, 8)
    layout.setSpacing(8)
    title_row = QHBoxLayout()
    title = named(QLabel(), "SectionTitle")
    title_row.addWidget(title, 1)
    refresh_button = QToolButton()
    refresh_button.clicked.connect(on_refresh)
    title_row.addWidget(refresh_button)
    layout.addLayout(title_row)
    intro = named(QLabel(), "Muted")
    intro.setWordWrap(True)
    layout.addWidget(intro)
    error_box = ErrorBox()
    layout.addWidget(error_box)
    notice = named(QLabel(), "Notice")
    notice.setWordWrap(True)
    notice.hide()
    layout.addWidget(notice)

    table = named(QTableView(), table_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(60)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    layout.addWidget(table, 1)
    empty = named(QLabel(), "Muted")
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    empty.hide()
    # The empty message takes the table's room while the table is hidden; without a stretch
    # of its own the spare height was shared, and the intro line floated down the page.
    layout.addWidget(empty, 1)
    return TrayColumn(centre, title, refresh_button, intro, error_box, notice, table, empty)
