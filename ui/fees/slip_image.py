"""A slip drawn for the finance officer: an image scaled to the column, or a PDF's first page."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument

__all__ = ["SLIP_WIDTH", "slip_pixmap"]

SLIP_WIDTH = 420


def slip_pixmap(kind: str, data: bytes, width: int = SLIP_WIDTH) -> QPixmap:
    """The slip drawn ``width`` pixels wide (a PDF's first page); null when unreadable."""
    if kind == "application/pdf" or data[:5] == b"%PDF-":
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.pageCount() < 1:
            return QPixmap()
        size = document.pagePointSize(0)
        height = int(width * size.height() / max(size.width(), 1))
        image: QImage = document.render(0, QSize(width, height))
        return QPixmap.fromImage(image)
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    if pixmap.isNull():
        return pixmap
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
