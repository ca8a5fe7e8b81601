"""The Qt binding the project pins must not leak references to None (PySide6 6.12.0 did)."""

from __future__ import annotations

import io
import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("ใบอนุญาต")
    # A leaking binding loses one reference per call (2,000 here; many more would abort
    # the interpreter instead of failing the test); normal churn is tiny.
    assert before - sys.getrefcount(None) < 100


def test_qtpdf_opens_a_pdf(qapp) -> None:
    # QtPdf comes from PySide6-Addons below 6.12: this fails if the pin loses it.
    from pypdf import PdfWriter
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(595, 842)
    raw = io.BytesIO()
    writer.write(raw)
    buffer = QBuffer()
    buffer.setData(QByteArray(raw.getvalue()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == 3
