"""The read-only list an officer chooses one row from, as the admin and catalog pages show it.

Whole rows are chosen, one at a time; cells cannot be edited in place (changes go through a
dialog, so they are checked and recorded); no row numbers; alternating shading so a long
row can be followed across. Most pages fit every column to its words but one, which takes the
room that is left and gives way first (``stretch``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from ui.common.naming import named

__all__ = ["choice_table"]


def choice_table(name: str, columns: int, stretch: int | None = None) -> QTableWidget:
    """An empty table of ``columns`` columns, its object name ``name`` (styles and tests);
    with ``stretch``, that column takes the width the others, fitted to their words, leave."""
    table = named(QTableWidget(0, columns), name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    if stretch is not None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
