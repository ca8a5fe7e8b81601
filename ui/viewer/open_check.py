"""The viewer's PDF engine as intake's judge: ``python -m ui.viewer.open_check``.

Intake asks whether the viewer will open a PDF before it accepts one. This module opens it the
way the viewer does (:func:`load_pdf`, which :mod:`ui.viewer.render` uses too: a
``QPdfDocument`` over an in-memory ``QBuffer``), checks page 1's size, and draws page 1 at
:data:`JUDGE_DPI`. It runs in a subprocess of its own (``app/pdf_probe.py`` starts it),
because a PDF can hang PDFium or crash it: then only this process is stopped, never the
workstation or its sync.

Protocol on the pipes, one PDF after another: the process writes ``ready`` once started; each
request is an 8-byte big-endian length and the PDF's bytes; each answer is one JSON line
``{"outcome": "opens"|"refused", "pages": n, "detail": "…"}``. End of input ends the process.
It imports only Qt (no services, no store), so it starts quickly and can reach nothing else.

Why page 1 is drawn at 48 DPI and not at the viewer's 150: what the judge must catch is a PDF
on which the engine refuses to load, hangs or crashes, and none of that depends on the size of
the output. PDFium interprets the whole content stream and decodes every image of the page in
full whatever size it draws it (measured on the bench's scan: decoding is ~3 ms of the judge at
any resolution, loading 0.2 ms; drawing at 150 DPI 7.9 ms, at 48 DPI 3.3 ms), fonts are loaded
and glyphs rasterised all the same, and a looping or crashing page does so at any size. What a
smaller drawing no longer exercises is the work that grows with pixels: the output bitmap's
allocation and filling a large area (a tiling pattern repeated per pixel). The bitmap's
allocation was never proved by the judge (it drew no larger than 2,500 px a side), and the
viewer's own ``QPdfView`` draws at the screen's zoom, not at a fixed resolution. What would
make that bitmap impossible — a page larger than the PDF format allows — is caught before
drawing, by :func:`_page_size_problem`, and refused.
"""

from __future__ import annotations

import json
import math
import os
import sys
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize
from PySide6.QtPdf import QPdfDocument

__all__ = [
    "JUDGE_DPI",
    "MAX_PAGE_POINTS",
    "PAGE_RENDER_DPI",
    "judge",
    "load_pdf",
    "load_pdf_unread",
    "main",
]

PAGE_RENDER_DPI = 150
"""Resolution of a PDF page drawn as an image (rotated view): sharp up to about 150 % zoom."""
JUDGE_DPI = 48
"""Resolution at which the judge draws page 1 (why not the viewer's: the module's docstring)."""
MAX_PAGE_POINTS = 14_400.0
"""The longest page side the PDF format allows (200 inches, ISO 32000-1 annex C); at
:data:`PAGE_RENDER_DPI` that is 30,000 px, within the 32,767 px Qt's raster painter draws."""
_LONGEST_SIDE_PX = 2500  # page 1 is drawn no larger: a poster-size page still gets rendered


def load_pdf_unread(data: bytes, parent: QObject | None) -> tuple[QPdfDocument, QBuffer]:
    """A ``QPdfDocument`` over ``data`` in a ``QBuffer`` (its child), not parsed yet: parse it
    with ``load(buffer)`` after opening the buffer for reading."""
    # Qt's constructor takes a parent and no default.
    document: QPdfDocument = QPdfDocument(parent)  # type: ignore[arg-type]
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    return document, buffer


def load_pdf(data: bytes, *, buffer_in_document: bool = False) -> tuple[QPdfDocument, QBuffer]:
    """A ``QPdfDocument`` loaded from ``data`` as the viewer loads it (check its status).

    ``buffer_in_document``: the buffer is the document's child and goes where it goes (to
    hand the document to another thread); otherwise the caller closes both.
    """
    # Qt's constructor takes a parent and no default.
    document: QPdfDocument = QPdfDocument(None)  # type: ignore[call-overload]
    buffer = QBuffer(document) if buffer_in_document else QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)  # a QBuffer is random-access: loading is synchronous
    return document, buffer


def judge(data: bytes) -> dict[str, object]:
    """Open ``data`` as the viewer would, check page 1's size and draw it; what happened, as a
    JSON object."""
    document, buffer = load_pdf(data)
    try:
        status = document.status()
        if status != QPdfDocument.Status.Ready:
            return {"outcome": "refused", "detail": f"{status.name}/{document.error().name}"}
        pages = document.pageCount()
        if pages < 1:
            return {"outcome": "refused", "detail": "no pages"}
        points = document.pagePointSize(0)
        problem = _page_size_problem(points.width(), points.height())
        if problem:
            return {"outcome": "refused", "pages": pages, "detail": problem}
        scale = JUDGE_DPI / 72
        width, height = max(1.0, points.width() * scale), max(1.0, points.height() * scale)
        shrink = min(1.0, _LONGEST_SIDE_PX / max(width, height))
        image = document.render(0, QSize(round(width * shrink) or 1, round(height * shrink) or 1))
        if image.isNull():
            return {"outcome": "refused", "pages": pages, "detail": "page 1 did not render"}
        return {"outcome": "opens", "pages": pages}
    finally:
        document.close()
        buffer.close()


def _page_size_problem(width: float, height: float) -> str:
    """Why the viewer could not draw a page of this size (in points), or "" when it can."""
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        return f"page 1 has no usable size ({width:g} x {height:g} pt)"
    if max(width, height) > MAX_PAGE_POINTS:
        return f"page 1 is {width:g} x {height:g} pt, larger than a PDF page may be"
    return ""


def _read_exact(stream: BinaryIO, size: int) -> bytes | None:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def main() -> int:
    # No window system: the judge draws into an image only.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    stdin, stdout = sys.stdin.buffer, sys.stdout
    stdout.write("ready\n")
    stdout.flush()
    while True:
        head = _read_exact(stdin, 8)
        if head is None:
            return 0
        data = _read_exact(stdin, int.from_bytes(head, "big"))
        if data is None:
            return 0
        stdout.write(json.dumps(judge(data)) + "\n")
        stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
