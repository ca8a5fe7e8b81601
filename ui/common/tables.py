"""The read-only list an officer chooses one row from, as the admin and catalog pages show it.

Whole rows are chosen, one at a time; cells cannot be edited in place (changes go through a
dialog, so they are checked and recorded); no row numbers; alternating shading so a long
row can be followed across. Each page still decides its columns' widths.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget

from ui.common.naming import named

__all__ = ["choice_table"]


def choice_table(name: str, columns: int) -> QTableWidget:
    """An empty table of ``columns`` columns, its object name ``name`` (styles and tests)."""
    table = named(QTableWidget(0, columns), name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    return table
