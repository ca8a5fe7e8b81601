"""The monthly report as an A4 landscape PDF: title, one table line per service, the total,
and what each column means, in Thai with English under it.

Drawn with the documents' TLWG faces (:func:`services.produce.pdf.flow.document_faces`), so
the Thai looks right and pypdf or ``pdftotext`` extract the exact words. A table longer than
a page continues on the next one under a repeated header.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.thai_pdf_text import ThaiFace
from services.produce.pdf.a4 import wrap_text
from services.produce.pdf.canvas import binary_streams, text_width
from services.produce.pdf.flow import document_faces
from services.reports.texts import (
    COLUMNS,
    DATA_REQUEST_COLUMNS,
    DATA_REQUEST_ROW,
    DATA_REQUEST_TITLE,
    DEFINITIONS,
    TITLE_EN,
    TITLE_TH,
    data_request_cells,
    figure_cells,
)
from services.reports.views import DataRequestFigures, MonthlyReport, ServiceFigures

__all__ = ["monthly_pdf"]

_PAGE: Final = landscape(A4)
_MARGIN: Final = 36.0
_NAME_WIDTH: Final = 200.0
_GREY: Final = (0.35, 0.35, 0.35)
_RULE: Final = (0.6, 0.6, 0.6)
_SHADE: Final = (0.92, 0.94, 0.97)


@dataclass
class _Pen:
    canvas: Canvas
    regular: ThaiFace
    bold: ThaiFace
    y: float

    def write(
        self,
        text: str,
        x: float,
        y: float,
        size: float,
        *,
        bold: bool = False,
        grey: bool = False,
        right: float | None = None,
    ) -> None:
        face = self.bold if bold else self.regular
        self.canvas.setFont(face.name, size)
        self.canvas.setFillColorRGB(*(_GREY if grey else (0, 0, 0)))
        if right is not None:
            x = right - text_width(text, face, size)
        self.canvas.drawString(x, y, face.glyphs(text))


def monthly_pdf(report: MonthlyReport) -> bytes:
    buffer = io.BytesIO()
    faces = document_faces()
    canvas = Canvas(buffer, pagesize=_PAGE, invariant=1, pageCompression=1)
    canvas.setTitle(f"{TITLE_TH} {report.agency_th}")
    pen = _Pen(canvas, faces.regular, faces.bold, _PAGE[1] - _MARGIN)
    _title(pen, report)
    widths = _column_widths()
    _header(pen, widths)
    for index, row in enumerate(report.rows):
        _line(pen, widths, row, shaded=index % 2 == 1, bold=False)
    _line(pen, widths, report.total, shaded=False, bold=True, rule_above=True)
    _data_requests(pen, widths, report.data_requests)
    _notes(pen)
    with binary_streams():
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def _title(pen: _Pen, r: MonthlyReport) -> None:
    width = _PAGE[0]
    centre = width / 2
    for text, size, bold, grey in (
        (r.agency_th, 14.0, True, False),
        (r.agency_en, 9.0, False, True),
        (TITLE_TH, 17.0, True, False),
        (TITLE_EN, 10.0, False, True),
    ):
        if not text:
            continue
        face = pen.bold if bold else pen.regular
        pen.y -= size * 1.3
        pen.write(
            text, centre - text_width(text, face, size) / 2, pen.y, size, bold=bold, grey=grey
        )
    period_th = f"ช่วงวันที่ {format_thai_date(r.first_day)} ถึง {format_thai_date(r.last_day)}"
    period_en = f"From {format_english_date(r.first_day)} to {format_english_date(r.last_day)}"
    made_th = f"จัดทำเมื่อ {format_thai_date(r.generated_at, with_time=True, short=True)}"
    made_en = f"made {format_english_date(r.generated_at, with_time=True, short=True)}"
    pen.y -= 18
    pen.write(period_th, _MARGIN, pen.y, 11)
    pen.write(made_th, 0, pen.y, 9, grey=True, right=width - _MARGIN)
    pen.y -= 12
    pen.write(period_en, _MARGIN, pen.y, 8.5, grey=True)
    pen.write(made_en, 0, pen.y, 8.5, grey=True, right=width - _MARGIN)
    pen.y -= 10


def _column_widths() -> list[float]:
    rest = _PAGE[0] - 2 * _MARGIN - _NAME_WIDTH
    return [_NAME_WIDTH] + [rest / (len(COLUMNS) - 1)] * (len(COLUMNS) - 1)


def _header(
    pen: _Pen, widths: Sequence[float], columns: Sequence[tuple[str, str]] = COLUMNS
) -> None:
    size_th, size_en = 8.5, 6.8
    cells = [
        (
            wrap_text(th, pen.bold, size_th, w - 6),
            wrap_text(en, pen.regular, size_en, w - 6),
        )
        for (th, en), w in zip(columns, widths, strict=True)
    ]
    lines = max(len(th) * size_th * 1.25 + len(en) * size_en * 1.25 for th, en in cells)
    height = lines + 8
    pen.canvas.setFillColorRGB(*_SHADE)
    pen.canvas.rect(_MARGIN, pen.y - height, sum(widths), height, stroke=0, fill=1)
    x = _MARGIN
    for index, ((th_rows, en_rows), w) in enumerate(zip(cells, widths, strict=True)):
        y = pen.y - 4
        for text in th_rows:
            y -= size_th * 1.2
            pen.write(text, x + 3, y, size_th, bold=True, right=None if index == 0 else x + w - 3)
        for text in en_rows:
            y -= size_en * 1.25
            right = None if index == 0 else x + w - 3
            pen.write(text, x + 3, y, size_en, grey=True, right=right)
        x += w
    pen.y -= height
    _rule(pen, widths)


def _rule(pen: _Pen, widths: Sequence[float]) -> None:
    pen.canvas.setStrokeColorRGB(*_RULE)
    pen.canvas.setLineWidth(0.5)
    pen.canvas.line(_MARGIN, pen.y, _MARGIN + sum(widths), pen.y)


def _line(
    pen: _Pen,
    widths: Sequence[float],
    row: ServiceFigures,
    *,
    shaded: bool,
    bold: bool,
    rule_above: bool = False,
) -> None:
    """The Thai name across the whole width (so it reads, and extracts, as one line), then
    the English name in the first column with the figures beside it."""
    size, size_en = 9.5, 7.0
    total_width = sum(widths)
    name_face = pen.bold if bold else pen.regular
    title = f"{row.code}  {row.name_th}" if row.code and row.code != "-" else row.name_th
    name_th = wrap_text(title, name_face, size, total_width - 6)
    name_en = wrap_text(row.name_en, pen.regular, size_en, widths[0] - 6)
    height = len(name_th) * size * 1.3 + max(len(name_en) * size_en * 1.3, size * 1.3) + 6
    if pen.y - height < _MARGIN + 20:
        pen.canvas.showPage()
        pen.y = _PAGE[1] - _MARGIN
        _header(pen, widths)
    if shaded:
        pen.canvas.setFillColorRGB(0.97, 0.97, 0.97)
        pen.canvas.rect(_MARGIN, pen.y - height, total_width, height, stroke=0, fill=1)
    if rule_above:
        _rule(pen, widths)
    y = pen.y - 3
    for text in name_th:
        y -= size * 1.2
        pen.write(text, _MARGIN + 3, y, size, bold=bold)
    figures_at = y - size * 1.3
    for text in name_en:
        y -= size_en * 1.45
        pen.write(text, _MARGIN + 12, y, size_en, grey=True)
    x = _MARGIN + widths[0]
    for text, w in zip(figure_cells(row), widths[1:], strict=True):
        pen.write(text, x, figures_at, size, bold=bold, right=x + w - 3)
        x += w
    pen.y -= height


def _data_requests(pen: _Pen, widths: Sequence[float], figures: DataRequestFigures) -> None:
    """A small table of its own under the services: its title across the width (so it reads,
    and extracts, as one line), the five headers in columns wider than the main table's
    (fewer of them, so they read unbroken), and the one line of figures."""
    share = (sum(widths) - widths[0]) / len(DATA_REQUEST_COLUMNS)
    own = [widths[0], *[share] * len(DATA_REQUEST_COLUMNS)]
    size, size_en = 10.0, 7.5
    if pen.y - 120 < _MARGIN:
        pen.canvas.showPage()
        pen.y = _PAGE[1] - _MARGIN
    pen.y -= 18 + size
    pen.write(DATA_REQUEST_TITLE[0], _MARGIN, pen.y, size, bold=True)
    pen.y -= size_en * 1.5
    pen.write(DATA_REQUEST_TITLE[1], _MARGIN, pen.y, size_en, grey=True)
    pen.y -= 6
    _header(pen, own, (("", ""), *DATA_REQUEST_COLUMNS))
    line_at = pen.y - 3 - 9.5 * 1.2
    pen.write(DATA_REQUEST_ROW[0], _MARGIN + 3, line_at, 9.5)
    pen.write(DATA_REQUEST_ROW[1], _MARGIN + 12, line_at - 7.0 * 1.45, 7.0, grey=True)
    x = _MARGIN + own[0]
    for text, w in zip(data_request_cells(figures), own[1:], strict=True):
        pen.write(text, x, line_at, 9.5, right=x + w - 3)
        x += w
    pen.y -= 9.5 * 1.3 + 7.0 * 1.45 + 8
    _rule(pen, own)


def _notes(pen: _Pen) -> None:
    width = _PAGE[0] - 2 * _MARGIN
    pen.y -= 14
    for th, en in DEFINITIONS:
        rows_th = wrap_text(th, pen.regular, 8.0, width)
        rows_en = wrap_text(en, pen.regular, 7.0, width)
        needed = len(rows_th) * 10.5 + len(rows_en) * 9.0
        if pen.y - needed < _MARGIN:
            pen.canvas.showPage()
            pen.y = _PAGE[1] - _MARGIN
        for text in rows_th:
            pen.y -= 10.5
            pen.write(text, _MARGIN, pen.y, 8.0)
        for text in rows_en:
            pen.y -= 9.0
            pen.write(text, _MARGIN, pen.y, 7.0, grey=True)
        pen.y -= 2
