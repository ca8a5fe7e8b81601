"""Requests for a licence's data in the monthly report (M21: answered within three business
days): the figures for October and for a November still running, on the encrypted SQLite store
(and, in ``make test``'s agency run, on PostgreSQL); then in the spreadsheet and the PDF, read
back with openpyxl, pypdf and pdftotext (the Thai exactly), the page rendered to a PNG."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from services.reports import ReportPeriod, monthly_pdf, monthly_report, monthly_xlsx
from services.reports.texts import (
    DATA_REQUEST_COLUMNS,
    DATA_REQUEST_ROW,
    DATA_REQUEST_TITLE,
    DEFINITIONS,
)
from services.reports.views import DataRequestFigures
from tests.integration.month_seed import OCTOBER, bkk, receive, seed_data_requests
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact

NOVEMBER = ReportPeriod(OCTOBER.first.replace(month=11), OCTOBER.last.replace(month=11, day=30))


@pytest.fixture
def seeded(context) -> None:
    seed_data_requests(context, receive(context, bkk(8, 20), "FOOD-SHOP", "licensed"))


def _report(context, period: ReportPeriod, now):
    with context.read() as session:
        return monthly_report(session, context.calendar, period, now)


def test_the_month_counts_data_requests_received_answered_in_time_late_and_open(
    context, seeded
) -> None:
    october = _report(context, OCTOBER, bkk(11, 15))
    assert october.data_requests == DataRequestFigures(
        received=6, answered_in_time=2, answered_late=1, open_at_end=4, open_past_due=1
    )
    # A month still running: a request is past due only once its due moment has passed.
    november = _report(context, NOVEMBER, bkk(11, 3, 12))
    assert november.data_requests == DataRequestFigures(
        received=1, answered_in_time=1, answered_late=0, open_at_end=4, open_past_due=2
    )
    # The per-service table is untouched by them (they are about licences, not requests).
    assert october.total.received == 0 and october.total.completed == 0


def test_the_spreadsheet_and_the_pdf_carry_the_data_requests(context, seeded) -> None:
    report = _report(context, OCTOBER, bkk(11, 15))
    book = load_workbook(io.BytesIO(monthly_xlsx(report)))
    sheet = book["คำขอข้อมูล (Licence data)"]
    assert [c.value for c in sheet[1]] == [f"{th} ({en})" for th, en in DATA_REQUEST_COLUMNS]
    assert [c.value for c in sheet[2]] == [6, 2, 1, 4, 1]
    assert sheet["A4"].value == DATA_REQUEST_TITLE[0] and sheet["A5"].value == DATA_REQUEST_TITLE[1]
    about = [c for row in book["เกี่ยวกับ (About)"].iter_rows(values_only=True) for c in row if c]
    assert DEFINITIONS[-1][0] in about and DEFINITIONS[-1][1] in about
    data = monthly_pdf(report)
    path = save_artifact("monthly_report_data_requests.pdf", data)
    assert path.with_name("monthly_report_data_requests-1.png").stat().st_size > 0
    for text in (" ".join(pypdf_pages(data)), " ".join(pdftotext_pages(path))):
        assert DATA_REQUEST_TITLE[0] in text
        assert folded(DATA_REQUEST_TITLE[1]) in text
        for th, en in DATA_REQUEST_COLUMNS:
            assert th in text and en in text
        assert folded(DEFINITIONS[-1][0]) in text and folded(DEFINITIONS[-1][1]) in text
    # The figures stand on the line of their row's name, in the columns' order.
    layout = [row for row in _layout_lines(path) if row.strip().startswith(DATA_REQUEST_ROW[0])]
    assert layout and layout[0].split()[1:] == ["6", "2", "1", "4", "1"]


def _layout_lines(path) -> list[str]:
    import subprocess

    from tests.peers.tools import require_tool

    result = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    return result.stdout.decode("utf-8").splitlines()
