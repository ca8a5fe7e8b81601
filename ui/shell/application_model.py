"""The application list as a lazy, paged table model.

Rows come from ``port.list_applications`` a page at a time (first come, first served, as
the service sorts them) through the :class:`~ui.common.tasks.TaskRunner`'s database worker; the
view asks for the next page with ``canFetchMore``/``fetchMore`` when the officer scrolls
near the end. The total comes from ``port.count_applications`` with the first page.

Switching queue (or refreshing) bumps a generation counter, so a page that was still on its
way for the previous queue is dropped when it arrives.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from services.api import ApplicationRow, SignedInUser
from ui.common.formatting import (
    arrival_label,
    channel_label,
    deemed_label,
    format_date,
    received_times_hint,
    service_name,
    sla_badge,
    status_label,
)
from ui.common.tasks import TaskRunner
from ui.shell.search import SearchQuery
from ui.worklist.filtering import FilteredQueue

__all__ = ["ApplicationModel", "Column", "ROW_ROLE", "SLA_BADGE_ROLE", "PAGE_SIZE"]

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row's :class:`ApplicationRow`."""
SLA_BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, SLA_BADGE_ROLE)`` on the SLA column is a :class:`ui.common.formatting.SlaBadge`."""

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TRACKING = 0
    RECEIVED = 1
    SERVICE = 2
    APPLICANT = 3
    NATIONAL_ID = 4
    STATUS = 5
    SLA = 6
    ASSIGNEE = 7


_MUTED = QColor("#6b7684")


# What a list shows: a status, ``None`` for all, the results of a search, or a queue narrowed
# by the filter bar.
Queue = str | SearchQuery | FilteredQueue | None


class RowSource(Protocol):
    """Where the rows come from (the port, through :class:`~ui.shell.search.SearchingPort`)."""

    def count_applications(self, user: SignedInUser, status: Queue) -> int: ...

    def list_applications(
        self, user: SignedInUser, status: Queue, offset: int, limit: int
    ) -> list[ApplicationRow]: ...


class ApplicationModel(QAbstractTableModel):
    """Applications of one queue (a status, or ``None`` for all), loaded page by page.

    Signals:
        rows_did_load(int loaded, int total): a page arrived (also after the first page).
        rows_did_fail(object error): the count or a page could not be read.
        loading_did_change(bool): a page request started (True) or ended (False).
    """

    rows_did_load = Signal(int, int)
    rows_did_fail = Signal(object)
    loading_did_change = Signal(bool)

    def __init__(
        self,
        port: RowSource,
        user: SignedInUser,
        runner: TaskRunner,
        *,
        language: str = "th",
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._user = user
        self._runner = runner
        self._language = language
        self._page_size = page_size
        self._rows: list[ApplicationRow] = []
        self._ids: set[str] = set()
        self._status: Queue = None
        self._total: int | None = None
        self._loading = False
        self._generation = 0

    # -- queries the window uses --------------------------------------------------------

    @property
    def status(self) -> Queue:
        return self._status

    @property
    def total(self) -> int | None:
        """How many applications the queue holds (None until the first page arrived)."""
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def language(self) -> str:
        return self._language

    def row_at(self, row: int) -> ApplicationRow:
        return self._rows[row]

    def find_row(self, application_id: str) -> int:
        """The row number of an application, or -1 when it is not loaded."""
        for number, item in enumerate(self._rows):
            if item.id == application_id:
                return number
        return -1

    # -- commands -----------------------------------------------------------------------

    def set_queue(self, status: Queue) -> None:
        """Show the applications with ``status`` (None: all of them), from the first page."""
        self._status = status
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._ids = set()
        self._total = None
        self.endResetModel()
        self._set_loading(True)

        generation = self._generation
        port, user, limit = self._port, self._user, self._page_size

        def first_page() -> tuple[int, list[ApplicationRow]]:
            total = port.count_applications(user, status)
            return total, port.list_applications(user, status, 0, limit)

        def done(result: tuple[int, list[ApplicationRow]] | None, error: Any) -> None:
            if generation != self._generation:
                return  # a newer queue or refresh superseded this one
            self._set_loading(False)
            if error is not None:
                self._total = 0
                self.rows_did_fail.emit(error)
                return
            assert result is not None
            total, rows = result
            self._total = total
            self._append(rows, requested=limit)

        self._runner.run(first_page, done, owner=self, label="applications.first_page")

    def reload(self) -> None:
        """Read the current queue again from the first page."""
        self.set_queue(self._status)

    def set_language(self, language: str) -> None:
        """Re-label headers and cells (status names, dates, SLA words)."""
        self._language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    # -- lazy loading -------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._loading or self._total is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        generation = self._generation
        port, user, status = self._port, self._user, self._status
        offset, limit = len(self._rows), self._page_size

        def done(result: list[ApplicationRow] | None, error: Any) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            if error is not None:
                # Stop asking for more until the officer refreshes; the window says why.
                self._total = len(self._rows)
                self.rows_did_fail.emit(error)
                return
            self._append(result or [], requested=limit)

        self._runner.run(
            lambda: port.list_applications(user, status, offset, limit),
            done,
            owner=self,
            label="applications.next_page",
        )

    def _append(self, rows: list[ApplicationRow], *, requested: int) -> None:
        # Offset paging over a live queue can repeat a row when new mail arrived between
        # pages; an application is shown once.
        fresh = [r for r in rows if r.id not in self._ids]
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(r.id for r in fresh)
            self.endInsertRows()
        if len(rows) < requested or not fresh:
            # The service has no more rows than these, whatever the count said.
            self._total = len(self._rows)
        elif self._total is not None and len(self._rows) > self._total:
            self._total = len(self._rows)
        self.rows_did_load.emit(len(self._rows), self._total or 0)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_did_change.emit(loading)

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.RECEIVED:
            return received_times_hint()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_title(Column(section))

    def column_title(self, column: Column) -> str:
        titles = {
            Column.TRACKING: self.tr("Tracking no."),
            Column.RECEIVED: arrival_label(),
            Column.SERVICE: self.tr("Service"),
            Column.APPLICANT: self.tr("Applicant"),
            Column.NATIONAL_ID: self.tr("National ID"),
            Column.STATUS: self.tr("Status"),
            Column.SLA: self.tr("Time left"),
            Column.ASSIGNEE: self.tr("Assignee"),
        }
        return titles[column]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ROW_ROLE:
            return row
        if role == SLA_BADGE_ROLE and column == Column.SLA:
            return sla_badge(row)
        if role == Qt.ItemDataRole.ForegroundRole and (
            column == Column.ASSIGNEE and not row.assignee
        ):
            return _MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        return None

    def _display(self, row: ApplicationRow, column: Column) -> str:
        match column:
            case Column.TRACKING:
                return row.tracking_number
            case Column.RECEIVED:
                return format_date(row.received_at, self._language)
            case Column.SERVICE:
                return service_name(row, self._language)
            case Column.APPLICANT:
                return row.applicant_name
            case Column.NATIONAL_ID:
                return row.applicant_id_masked
            case Column.STATUS:
                return status_label(row, self._language)
            case Column.SLA:
                # Painted as a badge; the text is still here for filtering and copying.
                return sla_badge(row).text
            case Column.ASSIGNEE:
                return row.assignee or self.tr("Unassigned")

    def _tooltip(self, row: ApplicationRow, column: Column) -> str | None:
        lang = self._language
        match column:
            case Column.TRACKING:
                lines = [row.subject] if row.subject else []
                lines.append(
                    self.tr("Channel: {channel}").format(channel=channel_label(row.channel))
                )
                return "\n".join(lines)
            case Column.RECEIVED:
                return "\n".join(
                    f"{label}: {format_date(moment, lang, short=False)}"
                    for label, moment in (
                        (arrival_label(), row.received_at),
                        (deemed_label(), row.deemed_received_at),
                    )
                )
            case Column.SERVICE:
                return "\n".join(n for n in (row.service_name_th, row.service_name_en) if n)
            case Column.APPLICANT:
                return row.applicant_name
            case Column.STATUS:
                return "\n".join(n for n in (row.status_label_th, row.status_label_en) if n)
            case Column.SLA:
                badge = sla_badge(row)
                if row.sla_due_at is not None:
                    due = self.tr("Due: {date}").format(
                        date=format_date(row.sla_due_at, lang, short=False)
                    )
                    return f"{badge.tooltip}\n{due}" if badge.tooltip else due
                return badge.tooltip or None
        return None
