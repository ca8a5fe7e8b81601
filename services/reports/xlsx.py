"""Spreadsheets (openpyxl): the monthly report and the audit events, Thai text kept, numbers as
numbers, one header row, the columns wide enough to read.

The first sheet is the table itself (header in row 1, so a spreadsheet can filter or pivot
it); a second sheet says which agency, which dates and what the columns mean; a third counts
the requests for a licence's data (received, answered in time or late, open).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from services.kernel.clock import BANGKOK, utc
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.reports.texts import (
    COLUMNS,
    DATA_REQUEST_COLUMNS,
    DATA_REQUEST_TITLE,
    DEFINITIONS,
    TITLE_EN,
    TITLE_TH,
)
from services.reports.views import AuditRow, MonthlyReport, ServiceFigures

# openpyxl is imported when a spreadsheet is written, not when the workstation starts (it is a
# noticeable share of a cold start and the sign-in never needs it).
if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["AUDIT_HEADERS", "audit_xlsx", "monthly_xlsx", "visible_width"]

_DAYS: Final = "0.0"
_MONEY: Final = "#,##0.00"
_COUNT: Final = "#,##0"
_MAX_WIDTH: Final = 60

MONTHLY_HEADERS: Final = (
    "รหัสบริการ (Code)",
    "งานบริการ",
    "Service",
    *(f"{th} ({en})" for th, en in COLUMNS[1:]),
)

AUDIT_HEADERS: Final = (
    "ลำดับ (Row)",
    "สถานี (Station)",
    "ลำดับในสถานี (Station seq)",
    "เวลา กรุงเทพฯ (Time, Bangkok)",
    "ผู้ทำรายการ (Officer)",
    "ประเภท (Kind)",
    "เรื่อง (Subject)",
    "รายละเอียด (Details)",
    "ตรวจห่วงโซ่แล้ว (Chain verified)",
)


def _bold() -> Font:
    from openpyxl.styles import Font

    return Font(bold=True)


def _header_fill() -> PatternFill:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor="DCE6F1")


def visible_width(text: str) -> int:
    """Columns a text takes on screen: Thai vowel and tone marks sit on their letter."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def _shown(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.2f}"
    return str(value)


def _fit_columns(sheet: Worksheet, minimum: int = 8) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = _shown(cell.value)
            longest = max((visible_width(line) for line in text.splitlines()), default=0)
            widths[cell.column] = max(widths.get(cell.column, minimum), longest)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, _MAX_WIDTH)


def _header(sheet: Worksheet, headers: Sequence[str]) -> None:
    from openpyxl.styles import Alignment

    sheet.append(list(headers))
    bold, fill = _bold(), _header_fill()
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=False, vertical="center")
    sheet.freeze_panes = "A2"


def _figures_row(code: str, row: ServiceFigures) -> list[Any]:
    return [
        code,
        row.name_th,
        row.name_en,
        row.received,
        row.withdrawn,
        row.completed,
        row.within_sla,
        row.past_sla,
        row.open_at_end,
        None if row.average_days is None else round(row.average_days, 2),
        None if row.p90_days is None else round(row.p90_days, 2),
        row.fees_satang / 100,
    ]


def monthly_xlsx(report: MonthlyReport) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "รายงาน (Report)"
    _header(sheet, MONTHLY_HEADERS)
    for row in report.rows:
        sheet.append(_figures_row(row.code, row))
    sheet.append(_figures_row("", report.total))
    for cell in sheet[sheet.max_row]:
        cell.font = _bold()
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells[3:9]:
            cell.number_format = _COUNT
        for cell in row_cells[9:11]:
            cell.number_format = _DAYS
        row_cells[11].number_format = _MONEY
    _fit_columns(sheet)

    about = book.create_sheet("เกี่ยวกับ (About)")
    for label, value in (
        ("หน่วยงาน (Agency)", report.agency_th),
        ("Agency", report.agency_en),
        ("รายงาน (Report)", f"{TITLE_TH} ({TITLE_EN})"),
        ("ตั้งแต่ (From)", f"{format_thai_date(report.first_day)} ({report.first_day.isoformat()})"),
        ("ถึง (To)", f"{format_thai_date(report.last_day)} ({report.last_day.isoformat()})"),
        (
            "จัดทำเมื่อ (Made)",
            f"{format_thai_date(report.generated_at, with_time=True, short=True)} "
            f"({format_english_date(report.generated_at, with_time=True, short=True)})",
        ),
    ):
        about.append([label, value])
    about.append([])
    for th, en in DEFINITIONS:
        about.append([th])
        about.append([en])
    for cell in about["A"][:6]:
        cell.font = _bold()
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 60
    data = book.create_sheet("คำขอข้อมูล (Licence data)")
    _header(data, [f"{th} ({en})" for th, en in DATA_REQUEST_COLUMNS])
    figures = report.data_requests
    data.append([figures.received, figures.answered_in_time, figures.answered_late,
                 figures.open_at_end, figures.open_past_due])  # fmt: skip
    for cell in data[2]:
        cell.number_format = _COUNT
    data.append([])
    data.append([DATA_REQUEST_TITLE[0]])
    data.append([DATA_REQUEST_TITLE[1]])
    _fit_columns(data)
    return _saved(book)


def _local_naive(moment: datetime) -> datetime:
    # Spreadsheets have no time zones: Bangkok wall time, as the header says.
    return utc(moment).astimezone(BANGKOK).replace(tzinfo=None)


def audit_xlsx(rows: Sequence[AuditRow]) -> bytes:
    """Written in openpyxl's streaming mode: a year of events is tens of thousands of rows,
    and the ordinary mode holds a styled object per cell (four times slower)."""
    values = [
        [
            row.seq,
            row.station_code,
            row.station_seq,
            _local_naive(row.occurred_at),  # a date-time cell (openpyxl gives it a format)
            row.actor,
            row.kind,
            row.subject,
            row.details,
            "ใช่ (yes)" if row.verified else "ไม่ (no)",
        ]
        for row in rows
    ]
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("บันทึกเหตุการณ์ (Audit)")
    widths = [visible_width(header) for header in AUDIT_HEADERS]
    for line in values:
        for column, value in enumerate(line):
            if isinstance(value, str):
                widths[column] = max(widths[column], visible_width(value))
    widths[3] = 19  # yyyy-mm-dd hh:mm:ss
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    header = []
    for text in AUDIT_HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = _bold(), _header_fill()
        header.append(cell)
    sheet.append(header)
    for line in values:
        sheet.append(line)
    return _saved(book)


def _saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
