"""PDFs on which pypdf and the viewer's engine (QtPdf / PDFium) disagree, found by experiment.

Each starts from an ordinary two-page PDF written by reportlab and breaks one thing:

- :func:`cut_before_xref` — the file ends before its cross-reference table and trailer (a
  download or a copy cut short). pypdf gives up; PDFium rebuilds the table and opens both pages.
- :func:`trailer_without_root` — the trailer lost its ``/Root`` entry. pypdf searches the
  objects for the catalogue and reads both pages; PDFium refuses the file.
- :func:`page_tree_loop` — the page tree lists itself as its own first child. pypdf reports
  the cycle; PDFium never returns from loading it (the viewer would hang on it).
- :func:`oversized_page` — a well-formed page larger than the PDF format allows: both open it,
  but no viewer can draw it at a readable resolution (the bitmap would not fit in memory).
"""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

__all__ = [
    "cut_before_xref",
    "ordinary",
    "oversized_page",
    "page_tree_loop",
    "trailer_without_root",
]


def ordinary(
    pages: int = 2, text: str = "page", size: tuple[float, float] = (595.0, 842.0)
) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size, invariant=True)
    for number in range(1, pages + 1):
        pdf.drawString(100, 700, f"{text} {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def cut_before_xref() -> bytes:
    data = ordinary(text="cut short")
    return data[: data.rfind(b"xref")]


def trailer_without_root() -> bytes:
    data = ordinary(text="no root")
    broken = data.replace(b"/Root 5 0 R", b"")
    assert broken != data
    return broken


def page_tree_loop() -> bytes:
    data = ordinary(text="loop")
    broken = data.replace(b"/Kids [ 3 0 R 4 0 R ]", b"/Kids [ 7 0 R 4 0 R ]")
    assert broken != data
    return broken


def oversized_page() -> bytes:
    """One page of 200,000 x 10 points: drawn at 150 DPI that is a 1.6 GB bitmap."""
    return ordinary(pages=1, text="a ribbon", size=(200_000.0, 10.0))
