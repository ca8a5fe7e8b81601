"""The "Audit log" page: the events of a request or an officer, by kind and dates, newest first,
with the chain's verification status above them and CSV/XLSX exports of every match.

Queries run in the database worker (``port.audit_events``: the events and the chain check in
one read); files are written in the I/O pool. National IDs come masked from the services. An
empty result says so in the table itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    AuditFilter,
    AuditFormat,
    AuditPage,
    ChainStatus,
    ReportsPort,
    SignedInUser,
    format_english_date,
    format_thai_date,
)
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.common.thai_date_edit import ThaiDateEdit
from ui.reports.chain_banner import ChainBanner
from ui.reports.files import export_in_two_steps

__all__ = ["AuditLogPage"]

_READ_FAILED = (
    "อ่านบันทึกเหตุการณ์ไม่ได้ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "Could not read the audit log. Try again; if it keeps failing, tell your administrator.",
)
_EXPORT_FAILED = (
    "ทำไฟล์บันทึกเหตุการณ์ไม่สำเร็จ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "Could not make the audit file. Try again; if it keeps failing, tell your administrator.",
)
_COLUMNS = 7
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class AuditLogPage(Retranslating, QWidget):
    """Signals:
    events_did_load(): the events of the current filter are on screen.
    chain_did_check(): the chain was verified (the banner says how it stands).
    file_did_save(str): an export was written (its path).
    """

    events_did_load = Signal()
    chain_did_check = Signal()
    file_did_save = Signal(str)

    def __init__(
        self,
        port: ReportsPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AuditLogPage")
        self._port = port
        self._runner = runner
        self._user = user
        self._page: AuditPage | None = None
        self._generation = 0
        self._kinds_loaded = False
        self._status: ChainStatus | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = named(QLabel(), "SectionTitle")
        layout.addWidget(self.title)
        chain_row = QHBoxLayout()
        self.banner = ChainBanner()
        chain_row.addWidget(self.banner, 1)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify_chain)
        chain_row.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(chain_row)

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        self.request_label, self.officer_label, self.kind_label = QLabel(), QLabel(), QLabel()
        self.request_edit = named(QLineEdit(), "AuditRequest")
        self.officer_edit = named(QLineEdit(), "AuditOfficer")
        self.kind_combo = named(QComboBox(), "AuditKind")
        self.kind_combo.setEditable(True)
        self.kind_combo.setMinimumContentsLength(22)
        self.dates_check = QCheckBox()
        self.first_edit, self.last_edit = ThaiDateEdit(), ThaiDateEdit()
        for edit in (self.first_edit, self.last_edit):
            edit.setEnabled(False)
        self.dates_check.toggled.connect(self.first_edit.setEnabled)
        self.dates_check.toggled.connect(self.last_edit.setEnabled)
        self.to_label = QLabel()
        self.search_button = named(QPushButton(), "Primary")
        self.clear_button = QPushButton()
        self.search_button.clicked.connect(self.refresh)
        self.clear_button.clicked.connect(self.clear_filters)
        self.request_edit.returnPressed.connect(self.refresh)
        self.officer_edit.returnPressed.connect(self.refresh)
        filters.addWidget(self.request_label, 0, 0)
        filters.addWidget(self.request_edit, 0, 1)
        filters.addWidget(self.officer_label, 0, 2)
        filters.addWidget(self.officer_edit, 0, 3)
        filters.addWidget(self.kind_label, 0, 4)
        filters.addWidget(self.kind_combo, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(self.dates_check)
        dates.addWidget(self.first_edit)
        dates.addWidget(self.to_label)
        dates.addWidget(self.last_edit)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 0, 1, 4)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.search_button)
        filters.addLayout(buttons, 1, 4, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)
        layout.addLayout(filters)
        self.error = ErrorBox()
        layout.addWidget(self.error)

        counts = QHBoxLayout()
        self.count_label = named(QLabel(), "Muted")
        counts.addWidget(self.count_label, 1)
        self.csv_button = QPushButton()
        self.xlsx_button = QPushButton()
        self.csv_button.clicked.connect(lambda: self.choose_file("csv"))
        self.xlsx_button.clicked.connect(lambda: self.choose_file("xlsx"))
        counts.addWidget(self.csv_button)
        counts.addWidget(self.xlsx_button)
        layout.addLayout(counts)

        self.table = named(QTableWidget(0, _COLUMNS), "AuditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.saved = named(QLabel(), "Muted")
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.hide()
        layout.addWidget(self.saved)
        self.retranslate()
        self._update_buttons()

    # -- filters ----------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        first: date | None = None
        last: date | None = None
        if self.dates_check.isChecked():
            first = self.first_edit.day()
            last = self.last_edit.day()
        kind = self.kind_combo.currentText().strip()
        return AuditFilter(
            first_day=first,
            last_day=last,
            kind="" if self.kind_combo.currentIndex() == 0 and not kind else kind,
            officer=self.officer_edit.text().strip(),
            tracking_number=self.request_edit.text().strip(),
        )

    def set_filter(self, flt: AuditFilter) -> None:
        """Fill the fields (the review screen or the officers page may open it so); no search."""
        self.request_edit.setText(flt.tracking_number)
        self.officer_edit.setText(flt.officer)
        self.kind_combo.setCurrentText(flt.kind)
        has_dates = flt.first_day is not None or flt.last_day is not None
        self.dates_check.setChecked(has_dates)
        if has_dates:
            first = flt.first_day or flt.last_day
            last = flt.last_day or flt.first_day
            assert first is not None and last is not None
            self.first_edit.setDate(QDate(first.year, first.month, first.day))
            self.last_edit.setDate(QDate(last.year, last.month, last.day))

    def clear_filters(self) -> None:
        self.set_filter(AuditFilter())
        self.kind_combo.setCurrentIndex(0)
        self.refresh()

    # -- data -----------------------------------------------------------------------------

    @property
    def page(self) -> AuditPage | None:
        return self._page

    def start(self) -> None:
        """Showing the page: the kinds for the list (once), then the events."""
        if not self._kinds_loaded:
            port, user = self._port, self._user
            self._runner.run(
                lambda: port.audit_kinds(user), self._kinds, owner=self, label="audit kinds"
            )
            # The services' today (their clock, Bangkok), not the computer's.
            day = port.today()
            today = QDate(day.year, day.month, day.day)
            self.first_edit.setDate(today.addDays(-30))
            self.last_edit.setDate(today)
        self.verify_chain()

    @property
    def status(self) -> ChainStatus | None:
        return self._status

    def verify_chain(self) -> None:
        """Walk the whole chain (seconds on a long log), then list the events marked by it."""
        port, user = self._port, self._user
        self.verify_button.setEnabled(False)
        self.count_label.setText(self.tr("Checking the audit chain…"))

        def done(status: ChainStatus | None, error: BaseException | None) -> None:
            self.verify_button.setEnabled(True)
            if error is not None or status is None:
                self._show(error, _READ_FAILED)
                return
            self._status = status
            self.banner.show_status(status)
            self.chain_did_check.emit()
            self.refresh()

        self._runner.run(lambda: port.audit_chain(user), done, owner=self, label="audit chain")

    def _kinds(self, kinds: list[str] | None, error: BaseException | None) -> None:
        if error is not None or kinds is None:
            return  # the list is a convenience; typing a kind still works
        self._kinds_loaded = True
        typed = self.kind_combo.currentText()
        families = sorted({kind.split(".")[0] for kind in kinds})
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem("")
        self.kind_combo.addItems(families + kinds)
        self.kind_combo.setCurrentText(typed)
        self.kind_combo.blockSignals(False)
        self._retranslate_kinds()

    def refresh(self) -> None:
        flt = self.current_filter()
        self._generation += 1
        generation = self._generation
        port, user = self._port, self._user
        checked = self._status.last_verified_seq if self._status is not None else None
        self.count_label.setText(self.tr("Reading the events…"))

        def done(page: AuditPage | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if error is not None or page is None:
                self._page = None
                self.table.setRowCount(0)
                self.count_label.clear()
                self._show(error, _READ_FAILED)
                self._update_buttons()
                return
            self.error.clear()
            self._page = page
            self._fill()
            self.events_did_load.emit()

        self._runner.run(
            lambda: port.audit_events(user, flt, checked),
            done,
            owner=self,
            label="audit events",
        )

    def _fill(self) -> None:
        page = self._page
        self._update_buttons()
        if page is None:
            return
        thai = i18n.current_language() == "th"
        formatter = format_thai_date if thai else format_english_date
        self.table.clearSpans()
        if not page.rows:
            self.table.setRowCount(1)
            empty = QTableWidgetItem(self.tr("No events match these filters."))
            empty.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(0, 0, empty)
            for column in range(1, _COLUMNS):
                self.table.setItem(0, column, QTableWidgetItem(""))
            self.table.setSpan(0, 0, 1, _COLUMNS)
        else:
            self.table.setRowCount(len(page.rows))
        for index, row in enumerate(page.rows):
            mark, why = self._mark(row.seq, row.verified)
            cells = (
                f"{row.seq:,}",
                formatter(row.occurred_at, with_time=True, short=True),
                row.actor,
                row.kind,
                row.subject,
                row.details,
                mark,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setToolTip(text)
                if column in (0, 6):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 6:
                    item.setToolTip(why)
                    if mark == "✗":
                        item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(index, column, item)
        shown, total = len(page.rows), page.total
        if total > shown:
            text = self.tr("The newest {shown} of {total} matching events (save them all below)")
        else:
            text = self.tr("{total} matching events")
        self.count_label.setText(text.format(shown=f"{shown:,}", total=f"{total:,}"))

    def _show(self, error: BaseException | None, fallback: tuple[str, str]) -> None:
        self.error.show_error(error, fallback_th=fallback[0], fallback_en=fallback[1])

    def _mark(self, seq: int, verified: bool) -> tuple[str, str]:
        """✓ vouched for by the last check, ✗ at or after a break, · recorded since."""
        status = self._status
        if verified:
            return "✓", self.tr("The chain checks out up to this event")
        if status is not None and not status.intact and seq >= (status.broken_at_seq or 0):
            return "✗", self.tr("After the break: not vouched for by the chain")
        return "·", self.tr("Recorded after the last check: verify the chain again")

    def _update_buttons(self) -> None:
        ready = self._page is not None and self._page.total > 0
        self.csv_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)

    def shown_rows(self) -> list[list[str]]:
        """The table's text, row by row (tests read it)."""
        rows = []
        for r in range(self.table.rowCount()):
            items = [self.table.item(r, c) for c in range(_COLUMNS)]
            rows.append([item.text() if item is not None else "" for item in items])
        return rows

    # -- files ----------------------------------------------------------------------------

    def choose_file(self, kind: AuditFormat) -> None:
        what = self.tr("CSV (*.csv)") if kind == "csv" else self.tr("Spreadsheet (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the audit events"), str(Path.home() / f"audit-log.{kind}"), what
        )
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: AuditFormat) -> None:
        flt = self.current_filter()
        port, user = self._port, self._user
        self.saved.hide()

        def written() -> None:
            self.saved.setText(self.tr("Saved: {path}").format(path=str(path)))
            self.saved.show()
            self.file_did_save.emit(str(path))

        export_in_two_steps(
            self._runner,
            self,
            read=lambda: port.audit_export(user, flt, kind),
            render=lambda rows: port.render_audit(rows, kind),
            path=path,
            failed=lambda error: self._show(error, _EXPORT_FAILED),
            read_done=self.error.clear,
            written=written,
            label="audit",
        )

    # -- language -----------------------------------------------------------------------

    def _retranslate_kinds(self) -> None:
        if self.kind_combo.count():
            self.kind_combo.setItemText(0, "")
        line = self.kind_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("any kind"))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit log"))
        self.verify_button.setText(self.tr("&Verify the chain again"))
        self.request_label.setText(self.tr("Request"))
        self.request_edit.setPlaceholderText(self.tr("tracking number"))
        self.officer_label.setText(self.tr("Officer"))
        self.officer_edit.setPlaceholderText(self.tr("user name"))
        self.kind_label.setText(self.tr("Kind"))
        self._retranslate_kinds()
        self.dates_check.setText(self.tr("Dates from"))
        self.to_label.setText(self.tr("to"))
        self.search_button.setText(self.tr("&Search"))
        self.clear_button.setText(self.tr("C&lear"))
        self.csv_button.setText(self.tr("Save as &CSV…"))
        self.xlsx_button.setText(self.tr("Save as spreads&heet…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Time"),
                self.tr("Officer"),
                self.tr("Kind"),
                self.tr("About"),
                self.tr("Details (ID numbers masked)"),
                self.tr("Chain"),
            ]
        )
        self.banner.retranslate()
        self._fill()
