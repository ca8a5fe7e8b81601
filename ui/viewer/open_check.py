"""The viewer's PDF engine as intake's judge: ``python -m ui.viewer.open_check``.

Intake asks whether the viewer will open a PDF before it accepts one. This module opens it the
way the viewer does (:func:`load_pdf`, which :mod:`ui.viewer.render` uses too: a
``QPdfDocument`` over an in-memory ``QBuffer``) and draws page 1 at the viewer's resolution.
It runs in a subprocess of its own (``app/pdf_probe.py`` starts it), because a PDF can hang
PDFium or crash it: then only this process is stopped, never the workstation or its sync.

Protocol on the pipes, one PDF after another: the process writes ``ready`` once started; each
request is an 8-byte big-endian length and the PDF's bytes; each answer is one JSON line
``{"outcome": "opens"|"refused", "pages": n, "detail": "…"}``. End of input ends the process.
It imports only Qt (no services, no store), so it starts quickly and can reach nothing else.
"""

from __future__ import annotations

import json
import os
import sys
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument

__all__ = ["PAGE_RENDER_DPI", "judge", "load_pdf", "main"]

PAGE_RENDER_DPI = 150
"""Resolution of a PDF page drawn as an image (rotated view): sharp up to about 150 % zoom."""
_LONGEST_SIDE_PX = 2500  # page 1 is drawn no larger: a poster-size page still gets rendered


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
    """Open ``data`` and draw page 1 as the viewer would; what happened, as a JSON object."""
    document, buffer = load_pdf(data)
    try:
        status = document.status()
        if status != QPdfDocument.Status.Ready:
            return {"outcome": "refused", "detail": f"{status.name}/{document.error().name}"}
        pages = document.pageCount()
        if pages < 1:
            return {"outcome": "refused", "detail": "no pages"}
        points = document.pagePointSize(0)
        scale = PAGE_RENDER_DPI / 72
        width, height = max(1.0, points.width() * scale), max(1.0, points.height() * scale)
        shrink = min(1.0, _LONGEST_SIDE_PX / max(width, height))
        image = document.render(0, QSize(round(width * shrink) or 1, round(height * shrink) or 1))
        if image.isNull():
            return {"outcome": "refused", "pages": pages, "detail": "page 1 did not render"}
        return {"outcome": "opens", "pages": pages}
    finally:
        document.close()
        buffer.close()


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
