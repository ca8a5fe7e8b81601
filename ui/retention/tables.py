"""The retention page's three tables, filled in the officer's language: the periods in force
per service, the destruction lists, and the requests one list names.

Dates are written as the window writes them elsewhere (Thai: Buddhist Era); the applicant's
national ID comes masked from the services; a request kept back says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from services.api import format_english_date, format_thai_date
from services.api.archive import KeptBecause, ListedRequest, ListState, ListSummary, ServicePeriod
from ui.common import i18n

__all__ = [
    "LIST_COLUMNS",
    "REQUEST_COLUMNS",
    "SERVICE_COLUMNS",
    "fill_lists",
    "fill_requests",
    "fill_services",
    "label_headers",
    "shown_rows",
]

# Each table's columns in English, translated when they are labelled (lupdate finds them here).
_SERVICE_HEADERS = (
    QT_TRANSLATE_NOOP("RetentionTables", "Service"),
    QT_TRANSLATE_NOOP("RetentionTables", "Kept"),
    QT_TRANSLATE_NOOP("RetentionTables", "Past it"),
)
_LIST_HEADERS = (
    QT_TRANSLATE_NOOP("RetentionTables", "No."),
    QT_TRANSLATE_NOOP("RetentionTables", "Drawn up"),
    QT_TRANSLATE_NOOP("RetentionTables", "Requests"),
    QT_TRANSLATE_NOOP("RetentionTables", "State"),
    QT_TRANSLATE_NOOP("RetentionTables", "Head's order"),
)
_REQUEST_HEADERS = (
    QT_TRANSLATE_NOOP("RetentionTables", "No."),
    QT_TRANSLATE_NOOP("RetentionTables", "Tracking number"),
    QT_TRANSLATE_NOOP("RetentionTables", "Service"),
    QT_TRANSLATE_NOOP("RetentionTables", "Applicant ID (masked)"),
    QT_TRANSLATE_NOOP("RetentionTables", "Received"),
    QT_TRANSLATE_NOOP("RetentionTables", "Closed"),
    QT_TRANSLATE_NOOP("RetentionTables", "Kept"),
    QT_TRANSLATE_NOOP("RetentionTables", "State"),
)
SERVICE_COLUMNS = len(_SERVICE_HEADERS)
LIST_COLUMNS = len(_LIST_HEADERS)
REQUEST_COLUMNS = len(_REQUEST_HEADERS)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _day(moment: datetime | None) -> str:
    if moment is None:
        return ""
    thai = i18n.current_language() == "th"
    return format_thai_date(moment, short=True) if thai else format_english_date(moment, short=True)


def years_text(years: int) -> str:
    if years <= 0:
        return QCoreApplication.translate("RetentionTables", "for ever")
    if years == 1:
        return QCoreApplication.translate("RetentionTables", "1 year")
    return QCoreApplication.translate("RetentionTables", "{years} years").format(years=years)


def state_text(state: ListState) -> str:
    return {
        ListState.DRAFTED: QCoreApplication.translate(
            "RetentionTables", "Drafted: waiting for the head's order"
        ),
        ListState.ORDERED: QCoreApplication.translate(
            "RetentionTables", "Ordered: ready to destroy"
        ),
        ListState.DESTROYED: QCoreApplication.translate("RetentionTables", "Destroyed"),
    }[state]


def _request_state(row: ListedRequest) -> str:
    if row.state == "destroyed":
        return QCoreApplication.translate("RetentionTables", "Destroyed {day}").format(
            day=_day(row.destroyed_at)
        )
    if row.kept_because is KeptBecause.REOPENED:
        return QCoreApplication.translate(
            "RetentionTables", "Skipped: worked on again since it was listed"
        )
    if row.kept_because is KeptBecause.ALREADY_DESTROYED:
        return QCoreApplication.translate(
            "RetentionTables", "Skipped: destroyed already by another list"
        )
    return QCoreApplication.translate("RetentionTables", "Listed")


def _put(table: QTableWidget, rows: Sequence[Sequence[str]], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in right:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)


def fill_services(table: QTableWidget, services: Sequence[ServicePeriod]) -> None:
    thai = i18n.current_language() == "th"
    rows = []
    for service in services:
        name = (service.name_th if thai else service.name_en) or service.code
        if not service.code:
            name = QCoreApplication.translate(
                "RetentionTables", "Requests closed without a service"
            )
        rows.append((name, years_text(service.years), f"{service.past:,}"))
    _put(table, rows, {2})


def fill_lists(table: QTableWidget, lists: Sequence[ListSummary]) -> None:
    rows = []
    for listing in lists:
        order = ""
        if listing.order_number:
            order = QCoreApplication.translate(
                "RetentionTables", "{order}, {signer}, {day}"
            ).format(
                order=listing.order_number, signer=listing.ordered_by, day=_day(listing.ordered_on)
            )
        count = f"{listing.requests:,}"
        if listing.kept:
            count = QCoreApplication.translate(
                "RetentionTables", "{count} ({kept} skipped)"
            ).format(count=count, kept=listing.kept)
        rows.append(
            (str(listing.number), _day(listing.created_at), count, state_text(listing.state), order)
        )
    _put(table, rows, {0, 2})


def fill_requests(table: QTableWidget, requests: Sequence[ListedRequest]) -> None:
    thai = i18n.current_language() == "th"
    rows = [
        (
            str(index),
            row.tracking_number,
            row.service_th if thai else row.service_en,
            row.applicant_id_masked or "—",
            _day(row.received_at),
            _day(row.closed_at),
            years_text(row.keep_years),
            _request_state(row),
        )
        for index, row in enumerate(requests, start=1)
    ]
    _put(table, rows, {0})


def label_headers(services: QTableWidget, lists: QTableWidget, requests: QTableWidget) -> None:
    for table, headers in (
        (services, _SERVICE_HEADERS),
        (lists, _LIST_HEADERS),
        (requests, _REQUEST_HEADERS),
    ):
        table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RetentionTables", str(header)) for header in headers]
        )


def shown_rows(table: QTableWidget) -> list[list[str]]:
    """The table's text, row by row (tests read it)."""
    rows = []
    for r in range(table.rowCount()):
        items = [table.item(r, c) for c in range(table.columnCount())]
        rows.append([item.text() if item is not None else "" for item in items])
    return rows
