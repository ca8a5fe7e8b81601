"""The "Monthly report" page: pick a month (or any dates), see one line per service and a
chart, save it as a spreadsheet or a PDF to send upward.

The figures come from ``port.monthly`` in the database worker; a file is made by
``port.monthly_file`` there too (the services record who exported what), then written in the
I/O pool. A failure shows in the page's error box in Thai and English; nothing is half-written
(the file is written whole or not at all).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.api import (
    REPORT_COLUMNS,
    MonthlyReport,
    ReportFormat,
    ReportsPort,
    SignedInUser,
    figure_cells,
    format_english_date,
    format_thai_date,
)
from ui.common import i18n
from ui.common.errors import ErrorBox
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner
from ui.reports.chart import ReportChart
from ui.reports.files import export_in_two_steps
from ui.reports.period_picker import PeriodPicker

__all__ = ["MonthlyReportPage"]

log = logging.getLogger(__name__)

_READ_FAILED = (
    "อ่านตัวเลขรายงานไม่ได้ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "Could not read the report's figures. Try again; if it keeps failing, tell your administrator.",
)
_EXPORT_FAILED = (
    "ทำไฟล์รายงานไม่สำเร็จ ลองอีกครั้ง หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ",
    "Could not make the report file. Try again; if it keeps failing, tell your administrator.",
)


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MonthlyReportPage(Retranslating, QWidget):
    """Signals:
    report_did_load(): the figures of the chosen dates are on screen.
    file_did_save(str): an export was written (its path).
    """

    report_did_load = Signal()
    file_did_save = Signal(str)

    def __init__(
        self,
        port: ReportsPort,
        runner: TaskRunner,
        user: SignedInUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MonthlyReportPage")
        self._port = port
        self._runner = runner
        self._user = user
        self._report: MonthlyReport | None = None
        self._generation = 0
        self._started = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = named(QLabel(), "SectionTitle")
        layout.addWidget(self.title)
        controls = QHBoxLayout()
        self.picker = PeriodPicker()
        self.picker.period_did_change.connect(lambda _f, _l: self.refresh())
        controls.addWidget(self.picker)
        controls.addStretch(1)
        self.xlsx_button = QPushButton()
        self.pdf_button = named(QPushButton(), "Primary")
        self.xlsx_button.clicked.connect(lambda: self.choose_file("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.choose_file("pdf"))
        controls.addWidget(self.xlsx_button)
        controls.addWidget(self.pdf_button)
        layout.addLayout(controls)
        self.error = ErrorBox()
        layout.addWidget(self.error)
        self.heading = named(QLabel(), "Muted")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.saved = named(QLabel(), "Muted")
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.hide()

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = named(QTableWidget(0, len(REPORT_COLUMNS)), "ReportTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        # One line per service, the name elided (its tooltip has both names in full): the
        # figures stay in view at 1280 pixels, headers break over two lines instead.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(64)
        for column in range(1, len(REPORT_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        split.addWidget(self.table)
        self.chart = ReportChart()
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        # Requests for a licence's data (M21) are about licences, not one service's requests:
        # one line of their own under the table, as in the PDF and the spreadsheet.
        self.data_requests = named(QLabel(), "DataRequestsLine")
        self.data_requests.setWordWrap(True)
        layout.addWidget(self.data_requests)
        layout.addWidget(self.saved)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------

    @property
    def report(self) -> MonthlyReport | None:
        return self._report

    def start(self) -> None:
        """First showing: last month, as the services' calendar counts it."""
        if self._started:
            self.refresh()
            return
        self._started = True
        port = self._port

        def done(period: tuple[date, date] | None, error: BaseException | None) -> None:
            if error is not None or period is None:
                self._show(error, _READ_FAILED)
                return
            self.picker.set_latest_month(period[0])

        self._runner.run(port.default_period, done, owner=self, label="report period")

    def refresh(self) -> None:
        first, last = self.picker.period()
        self._generation += 1
        generation = self._generation
        port, user = self._port, self._user

        def done(report: MonthlyReport | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return  # the dates changed meanwhile
            if error is not None or report is None:
                self._report = None
                self.table.setRowCount(0)
                self._show(error, _READ_FAILED)
                self._update_buttons()
                return
            self.error.clear()
            self._report = report
            self._fill()
            self.report_did_load.emit()

        self._runner.run(
            lambda: port.monthly(user, first, last), done, owner=self, label="monthly report"
        )

    def _fill(self) -> None:
        report = self._report
        self._update_buttons()
        if report is None:
            return
        thai = i18n.current_language() == "th"
        lines = [*report.rows, report.total]
        self.table.setRowCount(len(lines))
        for index, row in enumerate(lines):
            name = row.name_th if thai else row.name_en
            item = QTableWidgetItem(
                name if not row.code or row.code == "-" else f"{row.code}  {name}"
            )
            item.setToolTip(f"{row.name_th}\n{row.name_en}")
            bold = index == len(lines) - 1
            cells = [item, *(QTableWidgetItem(text) for text in figure_cells(row))]
            for column, cell in enumerate(cells):
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if bold:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(index, column, cell)
        if thai:
            period = f"{format_thai_date(report.first_day)} ถึง {format_thai_date(report.last_day)}"
            agency = report.agency_th
        else:
            period = (
                f"{format_english_date(report.first_day)} to {format_english_date(report.last_day)}"
            )
            agency = report.agency_en or report.agency_th
        self.heading.setText(
            self.tr("{agency}: requests from {period} (Bangkok time)").format(
                agency=agency, period=period
            )
        )
        figures = report.data_requests
        self.data_requests.setText(
            self.tr(
                "Requests for a licence's data (to answer within 3 business days): "
                "{received} received, {in_time} answered in time, {late} answered late, "
                "{open} open at the end ({past_due} of them past due)"
            ).format(
                received=f"{figures.received:,}", in_time=f"{figures.answered_in_time:,}",
                late=f"{figures.answered_late:,}", open=f"{figures.open_at_end:,}",
                past_due=f"{figures.open_past_due:,}",
            )
        )  # fmt: skip
        if self.chart.report is report:
            self.chart.set_names(self._legend(), self.tr("Unclassified"))  # only the language
        else:
            self.chart.show_report(report, self._legend(), self.tr("Unclassified"))

    def _show(self, error: BaseException | None, fallback: tuple[str, str]) -> None:
        self.error.show_error(error, fallback_th=fallback[0], fallback_en=fallback[1])

    def _legend(self) -> tuple[str, str, str]:
        return (self.tr("Received"), self.tr("Completed within SLA"), self.tr("Completed past SLA"))

    def _update_buttons(self) -> None:
        ready = self._report is not None
        self.xlsx_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    # -- files ----------------------------------------------------------------------------

    def suggested_name(self, kind: ReportFormat) -> str:
        first, last = self.picker.period()
        return f"monthly-report_{first.isoformat()}_{last.isoformat()}.{kind}"

    def choose_file(self, kind: ReportFormat) -> None:
        what = self.tr("Spreadsheet (*.xlsx)") if kind == "xlsx" else self.tr("PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / self.suggested_name(kind)), what
        )
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: ReportFormat) -> None:
        """The figures (and the export's event) in the database worker; the file made and
        written in the I/O pool, so a PDF being drawn holds up no other database work."""
        first, last = self.picker.period()
        port, user = self._port, self._user
        self.saved.hide()

        def written() -> None:
            self.saved.setText(self.tr("Saved: {path}").format(path=str(path)))
            self.saved.show()
            self.file_did_save.emit(str(path))

        export_in_two_steps(
            self._runner,
            self,
            read=lambda: port.monthly_export(user, first, last, kind),
            render=lambda report: port.render_monthly(report, kind),
            path=path,
            failed=lambda error: self._show(error, _EXPORT_FAILED),
            read_done=self.error.clear,
            written=written,
            label="report",
        )

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Monthly report"))
        self.xlsx_button.setText(self.tr("Save as &spreadsheet…"))
        self.pdf_button.setText(self.tr("Save as &PDF…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Service"),
                self.tr("Received"),
                self.tr("Withdrawn"),
                self.tr("Completed"),
                self.tr("Within\nSLA"),
                self.tr("Past\nSLA"),
                self.tr("Open\nat end"),
                self.tr("Average\nbusiness days"),
                self.tr("90th percentile\nbusiness days"),
                self.tr("Fees\n(baht)"),
            ]
        )
        self._fill()
