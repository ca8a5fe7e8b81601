"""PDFs on which pypdf and the viewer's engine (QtPdf / PDFium) disagree, found by experiment.

Each starts from an ordinary two-page PDF written by reportlab and breaks one thing:

- :func:`cut_before_xref` — the file ends before its cross-reference table and trailer (a
  download or a copy cut short). pypdf gives up; PDFium rebuilds the table and opens both pages.
- :func:`trailer_without_root` — the trailer lost its ``/Root`` entry. pypdf searches the
  objects for the catalogue and reads both pages; PDFium refuses the file.
- :func:`page_tree_loop` — the page tree lists itself as its own first child. pypdf reports
  the cycle; PDFium never returns from loading it (the viewer would hang on it).
"""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

__all__ = ["cut_before_xref", "ordinary", "page_tree_loop", "trailer_without_root"]


def ordinary(pages: int = 2, text: str = "page") -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
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
