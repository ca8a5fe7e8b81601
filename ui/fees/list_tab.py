"""What the finance screens' lists share: the frame of a list tab and choosing a row again.

The finance inbox and the refunds tab open the same way — a wrapped notice saying what the
list is, the tab's messages, then the list the officer chooses one row from — and each time
a list is read again the row the officer had chosen stays chosen (the first one if it has
gone), so a refresh never moves them elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.tables import choice_table

__all__ = ["FALLBACK", "ListTab", "choose_again", "list_tab"]

# Said when a finance call fails in a way the services did not explain (a bug: the log has it).
FALLBACK = (
    "ทำรายการไม่สำเร็จเนื่องจากข้อผิดพลาดภายในระบบ โปรดแจ้งผู้ดูแลระบบ",
    "This could not be done because of an internal error. Please tell your administrator.",
)


class ListTab(NamedTuple):
    layout: QVBoxLayout  # the caller adds what goes below the list
    notice: QLabel
    error: ErrorBox
    table: QTableWidget


def list_tab(
    owner: QWidget,
    names: tuple[str, str],
    columns: int,
    stretch: int,
    choose: Callable[[int], None],
) -> ListTab:
    """Lay ``owner`` out as a list tab: ``names`` are the notice's and the table's object
    names (styles and tests); column ``stretch`` gives way, the others keep their words whole;
    the officer choosing a row calls ``choose(row)``."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 4, 0, 0)
    notice = named(QLabel(), names[0])
    notice.setWordWrap(True)
    outer.addWidget(notice)
    error = ErrorBox(dismissable=True)
    outer.addWidget(error)
    table = choice_table(names[1], columns, stretch)
    table.currentCellChanged.connect(lambda row, *_: choose(row))
    return ListTab(outer, notice, error, table)


def choose_again(
    table: QTableWidget, keys: Sequence[str], chosen: str | None, choose: Callable[[int], None]
) -> bool:
    """After the list was read again: select and ``choose`` the row whose key is ``chosen``
    (the first row if it has gone); False when the list is empty (nothing to choose)."""
    if not keys:
        return False
    index = next((i for i, key in enumerate(keys) if key == chosen), 0)
    table.selectRow(index)
    choose(index)
    return True
