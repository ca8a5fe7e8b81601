"""The retention page's widgets, laid out once: the periods (left) and the lists (right) with
their buttons under each, the chosen list's requests below, then the error box and the
outcome of the last step. No behaviour here: :mod:`.page` connects and fills them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.notice_line import NoticeLine
from ui.common.tables import choice_table
from ui.retention.tables import LIST_COLUMNS, REQUEST_COLUMNS, SERVICE_COLUMNS

__all__ = ["RetentionParts", "lay_out"]


@dataclass(frozen=True)
class RetentionParts:
    title: QLabel
    intro: QLabel
    periods_label: QLabel
    lists_label: QLabel
    services: QTableWidget
    lists: QTableWidget
    past_label: QLabel
    draft_button: QPushButton
    save_button: QPushButton
    order_button: QPushButton
    destroy_button: QPushButton
    requests_label: QLabel
    requests: QTableWidget
    error: ErrorBox
    result: NoticeLine


def _wrapping(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


def lay_out(page: QWidget, *, may_destroy: bool) -> RetentionParts:
    """Build the parts into ``page``; the order and destruction buttons only for those who
    ``may_destroy`` records (the access table's answer, asked by the page)."""
    parts = RetentionParts(
        title=named(QLabel(), "SectionTitle"),
        intro=_wrapping(named(QLabel(), "Muted")),
        periods_label=QLabel(),
        lists_label=QLabel(),
        services=choice_table("RetentionServices", SERVICE_COLUMNS, stretch=0),
        lists=choice_table("DestructionLists", LIST_COLUMNS, stretch=4),
        past_label=_wrapping(QLabel()),
        draft_button=named(QPushButton(), "Primary"),
        save_button=QPushButton(),
        order_button=QPushButton(),
        destroy_button=named(QPushButton(), "DangerLink"),
        requests_label=QLabel(),
        requests=choice_table("ListedRequests", REQUEST_COLUMNS, stretch=2),
        error=ErrorBox(),
        result=named(NoticeLine(), "StepResult"),
    )
    parts.services.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    parts.order_button.setVisible(may_destroy)
    parts.destroy_button.setVisible(may_destroy)

    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.addWidget(parts.title)
    layout.addWidget(parts.intro)
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.addWidget(parts.periods_label, 0, 0)
    grid.addWidget(parts.lists_label, 0, 1)
    grid.addWidget(parts.services, 1, 0)
    grid.addWidget(parts.lists, 1, 1)
    past_row = QHBoxLayout()
    past_row.addWidget(parts.past_label, 1)
    past_row.addWidget(parts.draft_button)
    grid.addLayout(past_row, 2, 0)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    for button in (parts.save_button, parts.order_button, parts.destroy_button):
        buttons.addWidget(button)
    grid.addLayout(buttons, 2, 1)
    grid.setColumnStretch(0, 2)
    grid.setColumnStretch(1, 3)
    layout.addLayout(grid, 2)
    layout.addWidget(parts.requests_label)
    layout.addWidget(parts.requests, 3)
    layout.addWidget(parts.error)
    layout.addWidget(parts.result)
    return parts
