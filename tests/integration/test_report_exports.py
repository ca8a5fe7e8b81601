"""The monthly report as a spreadsheet and a PDF: opened again the way a reader would (openpyxl;
pypdf and pdftotext; a rendered page), with the seeded October's figures."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from services.reports import monthly_pdf, monthly_report, monthly_xlsx
from services.reports.texts import DEFINITIONS, TITLE_EN, TITLE_TH
from services.reports.xlsx import MONTHLY_HEADERS, visible_width
from tests.integration.month_seed import OCTOBER, seed_october
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact


@pytest.fixture
def report(context):
    seed_october(context)
    with context.read() as session:
        return monthly_report(session, context.calendar, OCTOBER, context.clock.now())


def test_the_spreadsheet_holds_the_figures_as_numbers(report) -> None:
    book = load_workbook(io.BytesIO(monthly_xlsx(report)))
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header == list(MONTHLY_HEADERS)
    assert sheet.freeze_panes == "A2"
    lines = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    food = next(r for r in report.rows if r.code == "FOOD-SHOP")
    cells = lines["FOOD-SHOP"]
    assert cells[1] == food.name_th  # Thai kept exactly
    assert cells[2] == food.name_en
    assert cells[3:9] == (3, 0, 2, 2, 0, 1)
    assert all(isinstance(value, int) for value in cells[3:9])
    assert cells[9] == pytest.approx(food.average_days, abs=0.01)
    assert cells[10] == pytest.approx(food.p90_days, abs=0.01)
    assert cells[11] == 500 and isinstance(cells[11], int | float)  # baht, a number
    # The total is the last line, empty code; an unclassified line has the code "-".
    last = list(sheet.iter_rows(min_row=sheet.max_row, values_only=True))[0]
    assert last[:4] == (None, "รวมทุกบริการ", "All services", 7)
    assert lines["-"][2] == "Unclassified" and lines["-"][9] is not None
    assert sheet.cell(row=2, column=12).number_format == "#,##0.00"
    # Wide enough for every name (Thai marks take no width of their own).
    width_b = sheet.column_dimensions["B"].width
    longest = max(visible_width(str(r[1])) for r in lines.values())
    assert width_b >= min(longest, 60)
    about = book.worksheets[1]
    texts = [c for row in about.iter_rows(values_only=True) for c in row if c]
    assert "เทศบาลตำบลทดสอบ" in texts
    assert any("1 ตุลาคม 2569" in t for t in texts) and any("2026-10-31" in t for t in texts)
    assert DEFINITIONS[0][0] in texts


def test_the_pdf_reads_right_to_the_eye_and_extracts_exactly(report) -> None:
    data = monthly_pdf(report)
    path = save_artifact("monthly_report.pdf", data)
    assert path.with_name("monthly_report-1.png").stat().st_size > 0
    for text in (" ".join(pypdf_pages(data)), " ".join(pdftotext_pages(path))):
        assert "เทศบาลตำบลทดสอบ" in text
        assert TITLE_TH in text and TITLE_EN in text
        assert "ช่วงวันที่ 1 ตุลาคม 2569 ถึง 31 ตุลาคม 2569" in text
        for row in report.rows:
            assert folded(row.name_th) in text, row.code
        assert "รวมทุกบริการ" in text
        assert folded(DEFINITIONS[0][0]) in text
        assert "500.00" in text  # FOOD-SHOP's fees


def test_an_empty_month_still_makes_both_files(context) -> None:
    with context.read() as session:
        empty = monthly_report(session, context.calendar, OCTOBER, context.clock.now())
    sheet = load_workbook(io.BytesIO(monthly_xlsx(empty))).worksheets[0]
    assert list(sheet.iter_rows(min_row=sheet.max_row, values_only=True))[0][3] == 0
    assert "รวมทุกบริการ" in " ".join(pypdf_pages(monthly_pdf(empty)))
