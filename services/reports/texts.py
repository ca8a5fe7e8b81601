"""The report's words in Thai and English, shared by the PDF, the spreadsheet and the screen."""

from __future__ import annotations

from typing import Final

from services.reports.views import DataRequestFigures, ServiceFigures

__all__ = [
    "COLUMNS",
    "DATA_REQUEST_COLUMNS",
    "DATA_REQUEST_ROW",
    "DATA_REQUEST_TITLE",
    "DEFINITIONS",
    "TITLE_EN",
    "TITLE_TH",
    "data_request_cells",
    "days_text",
    "figure_cells",
]

TITLE_TH: Final = "รายงานผลการให้บริการประจำเดือน"
TITLE_EN: Final = "Monthly service report"

COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("งานบริการ", "Service"),
    ("รับคำขอ", "Received"),
    ("ถอนคำขอ", "Withdrawn"),
    ("เสร็จสิ้น", "Completed"),
    ("ทันตามกำหนด", "Within SLA"),
    ("เกินกำหนด", "Past SLA"),
    ("ค้าง ณ สิ้นช่วง", "Open at end"),
    ("วันทำการเฉลี่ย", "Average business days"),
    ("วันทำการ P90", "90th percentile business days"),
    ("ค่าธรรมเนียม (บาท)", "Fees (baht)"),
)
"""The table's columns: the service, then the figures in :func:`figure_cells` order."""

_SERVICE_DEFINITIONS: Final[tuple[tuple[str, str], ...]] = (
    (
        "รับคำขอ: คำขอที่มาถึงในช่วงวันที่ (ตามวันที่มาถึง เวลากรุงเทพฯ) แม้จะถือว่าได้รับในวันทำการถัดไป",
        "Received: requests that arrived in the period (by their day of arrival, Bangkok time), "
        "even when deemed received the next business day.",
    ),
    (
        "เสร็จสิ้น: คำขอที่ออกเอกสารหรือแจ้งไม่อนุมัติในช่วงวันที่ ทันหรือเกินกำหนดเทียบกับกำหนดเสร็จตาม SLA "
        "(คำขอที่ไม่รับก่อนจำแนกประเภทไม่มีกำหนด SLA จึงไม่นับในสองช่องนี้)",
        "Completed: requests issued or refused in the period; within or past the SLA by their due "
        "moment (a request refused before classification had no SLA and is in neither column).",
    ),
    (
        "วันทำการ: เวลาทำการตั้งแต่ถือว่าได้รับจนเสร็จสิ้น ไม่นับช่วงที่รอเอกสารจากผู้ยื่น "
        "P90 คือร้อยละ 90 ของคำขอเสร็จภายในจำนวนวันนี้",
        "Business days: open time from deemed receipt to completion, without the time spent "
        "waiting for the applicant; 90% of the requests were completed within the P90 figure.",
    ),
    (
        "ค้าง ณ สิ้นช่วง: คำขอที่มาถึงก่อนสิ้นช่วงวันที่ และยังไม่เสร็จสิ้นหรือถอนภายในวันสุดท้าย "
        "ค่าธรรมเนียม: เงินที่ตรวจรับแล้วในช่วงวันที่",
        "Open at end: requests that arrived before the period ended and were neither completed "
        "nor withdrawn by then. Fees: payments verified in the period.",
    ),
)


DATA_REQUEST_TITLE: Final = (
    "คำขอข้อมูลใบอนุญาต (ต้องส่งให้ภายใน 3 วันทำการ)",
    "Requests for a licence's data (to be answered within 3 business days)",
)
DATA_REQUEST_ROW: Final = ("คำขอข้อมูลทุกใบอนุญาต", "All licences")
DATA_REQUEST_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("รับคำขอ", "Received"),
    ("ตอบทันกำหนด", "Answered in time"),
    ("ตอบเกินกำหนด", "Answered late"),
    ("ค้าง ณ สิ้นช่วง", "Open at end"),
    ("ค้างเกินกำหนด", "Open past due"),
)
"""The data requests' line: the figures in :func:`data_request_cells` order."""

DATA_REQUEST_DEFINITION: Final = (
    "คำขอข้อมูลใบอนุญาต: รับคำขอ คือที่บันทึกในช่วงวันที่ ตอบทันหรือเกินกำหนด คือที่ส่งข้อมูลให้ในช่วงวันที่ "
    "ภายในหรือหลังกำหนด 3 วันทำการ ค้าง ณ สิ้นช่วง คือที่ยังไม่ได้ตอบภายในวันสุดท้าย "
    "ค้างเกินกำหนด คือส่วนที่เลยกำหนดแล้ว",
    "Requests for a licence's data: received are those recorded in the period; answered in "
    "time or late, the answers sent in the period by or after the 3-business-day due moment; "
    "open at end, those not answered by the last day; open past due, the part of them "
    "already past their due moment.",
)
DEFINITIONS: Final = (*_SERVICE_DEFINITIONS, DATA_REQUEST_DEFINITION)
"""What the columns mean, in Thai and English: under the PDF's table, in the spreadsheet."""


def data_request_cells(figures: DataRequestFigures) -> list[str]:
    """The data requests' figures as the PDF and the screen show them."""
    return [
        f"{figures.received:,}",
        f"{figures.answered_in_time:,}",
        f"{figures.answered_late:,}",
        f"{figures.open_at_end:,}",
        f"{figures.open_past_due:,}",
    ]


def days_text(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def figure_cells(row: ServiceFigures) -> list[str]:
    """The figures of one line as the PDF and the screen show them (COLUMNS[1:] order)."""
    return [
        f"{row.received:,}",
        f"{row.withdrawn:,}",
        f"{row.completed:,}",
        f"{row.within_sla:,}",
        f"{row.past_sla:,}",
        f"{row.open_at_end:,}",
        days_text(row.average_days),
        days_text(row.p90_days),
        f"{row.fees_baht:,.2f}",
    ]
