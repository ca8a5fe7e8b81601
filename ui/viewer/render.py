"""Decoding and rendering for the document viewer: run these in the "io" pool, never on the GUI
thread.

Each function takes the document's bytes (as ``port.document_bytes`` returned them) and gives
back plain values or ``QImage`` (safe to make outside the GUI thread; ``QPixmap`` is not).
PDF rendering opens its own ``QPdfDocument`` in the worker, so the viewer's document on the GUI
thread is never shared between threads. Nothing here reaches the network or runs the file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

from services.api import AnuyatError, DocumentInfo
from ui.viewer.open_check import PAGE_RENDER_DPI, load_pdf, load_pdf_unread

__all__ = [
    "PAGE_RENDER_DPI",
    "decode_image",
    "decode_text",
    "docx_text",
    "document_kind",
    "PdfLoad",
    "pdf_page_image",
    "pdf_thumbnails",
]

_MAX_THUMBNAILS = 300
_MAX_DOCX_XML = 20 * 1024 * 1024  # an honest letter's document.xml is far smaller
_ROTATIONS = {
    0: QPdfDocumentRenderOptions.Rotation.None_,
    90: QPdfDocumentRenderOptions.Rotation.Clockwise90,
    180: QPdfDocumentRenderOptions.Rotation.Clockwise180,
    270: QPdfDocumentRenderOptions.Rotation.Clockwise270,
}
_TEXT_TYPES = ("text/plain", "text/csv")
_TEXT_SUFFIXES = (".txt", ".csv", ".text")
_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _unreadable(what_th: str, what_en: str) -> AnuyatError:
    return AnuyatError(
        f"เปิด{what_th}ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ชนิดที่ระบุ ลองเปิดด้วยโปรแกรมของเครื่อง หรือขอไฟล์ใหม่จากผู้ยื่น",
        f"This {what_en} cannot be opened; the file may be damaged or not what its name says. "
        "Try the system viewer, or ask the applicant for the file again.",
        code="unreadable_document",
    )


def document_kind(info: DocumentInfo) -> str:
    """How the viewer shows it: ``pdf``, ``image``, ``text``, ``docx``, ``doc`` or ``other``."""
    content_type = (info.content_type or "").lower()
    suffix = PurePath(info.filename).suffix.lower()
    if content_type == "application/pdf" or suffix == ".pdf":
        return "pdf"
    if content_type.startswith("image/") or suffix in (".jpg", ".jpeg", ".png", ".tif", ".tiff"):
        return "image"
    if content_type in _TEXT_TYPES or suffix in _TEXT_SUFFIXES:
        return "text"
    if suffix == ".docx" or "wordprocessingml" in content_type:
        return "docx"
    if suffix == ".doc" or content_type == "application/msword":
        return "doc"
    return "other"


def _open_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    # The same load as intake's judge (ui.viewer.open_check): what intake accepts opens here.
    document, buffer = load_pdf(data)  # belongs to this worker alone
    if document.status() != QPdfDocument.Status.Ready:
        raise _unreadable("เอกสาร PDF นี้", "PDF")
    return document, buffer


class PdfLoad:
    """A ``QPdfDocument`` made here on the GUI thread and parsed in a worker (:meth:`run`),
    for a ``QPdfView`` to show once :meth:`take` hands it over, back on the GUI thread.

    Parsing a large PDF takes long enough to freeze the window, so it never runs on the GUI
    thread. The document is not made in the worker and moved over: ``moveToThread`` from a
    worker runs holding Python's interpreter lock while it waits for Qt's signal lock, and the
    GUI thread may hold that lock while it waits for the interpreter (PySide, disconnecting a
    slot as a Python object goes), and the window froze. Made here, it never changes thread:
    the worker only reads the bytes into it, while nothing on the GUI thread touches it. Until
    taken it belongs to the application, so a worker dropping it never deletes it off the GUI
    thread; an answer nobody wants any more is let go with :meth:`drop`. Qt serialises every
    PDFium call behind one lock, which is what lets a worker parse (as the thumbnails do).
    """

    def __init__(self, data: bytes) -> None:
        # The buffer is the document's child: they go together.
        document, buffer = load_pdf_unread(data, parent=QCoreApplication.instance())
        self._document: QPdfDocument | None = document
        self._buffer = buffer

    def run(self) -> bool:
        """In the worker: parse it; whether PDFium can read it."""
        document = self._document
        if document is None:
            return False
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(self._buffer)  # a QBuffer is random-access: loading is synchronous
        return document.status() == QPdfDocument.Status.Ready

    def take(self) -> QPdfDocument | None:
        """On the GUI thread, once :meth:`run` is done: the document if PDFium read it (the
        caller gives it a parent), else None (it is let go)."""
        document, self._document = self._document, None
        if document is None:
            return None
        if document.status() != QPdfDocument.Status.Ready:
            document.close()
            document.deleteLater()
            return None
        return document

    def drop(self) -> None:
        """On the GUI thread, when nobody will take the document (the officer moved on, or
        the worker failed): it is let go now, not kept by the application until it quits."""
        document = self.take()
        if document is not None:
            document.close()
            document.deleteLater()


def pdf_thumbnails(
    data: bytes, width: int, first: int = 0, count: int = _MAX_THUMBNAILS
) -> list[QImage]:
    """Small images of the pages (at most the first 300), each ``width`` px wide; from page
    ``first`` (0-based), at most ``count`` of them."""
    document, buffer = _open_pdf(data)
    try:
        images = []
        last = min(document.pageCount(), _MAX_THUMBNAILS, first + count)
        for page in range(first, last):
            points = document.pagePointSize(page)
            ratio = points.height() / points.width() if points.width() > 0 else 1.414
            images.append(document.render(page, QSize(width, max(1, round(width * ratio)))))
        return images
    finally:
        document.close()
        buffer.close()


def pdf_page_image(data: bytes, page: int, rotation: int) -> QImage:
    """Page ``page`` (0-based) at :data:`PAGE_RENDER_DPI`, turned ``rotation`` degrees."""
    document, buffer = _open_pdf(data)
    try:
        if not 0 <= page < document.pageCount():
            raise _unreadable("หน้านี้", "page")
        points = document.pagePointSize(page)
        size = QSize(
            max(1, round(points.width() * PAGE_RENDER_DPI / 72)),
            max(1, round(points.height() * PAGE_RENDER_DPI / 72)),
        )
        if rotation % 180:
            size.transpose()  # the image is the turned page: its width is the page's height
        options = QPdfDocumentRenderOptions()
        options.setRotation(_ROTATIONS[rotation % 360])
        return document.render(page, size, options)
    finally:
        document.close()
        buffer.close()


def decode_image(data: bytes) -> QImage:
    image = QImage.fromData(data)
    if image.isNull():
        raise _unreadable("รูปภาพนี้", "image")
    return image


def decode_text(data: bytes) -> str:
    """Plain text as sent: UTF-8 (with or without BOM), else the Thai Windows code page."""
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def docx_text(data: bytes) -> str:
    """The paragraphs of a Word (.docx) file as plain text; formatting and images left out."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_DOCX_XML:
                raise _unreadable("เอกสาร Word นี้", "Word document")
            xml = archive.read(info)
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise _unreadable("เอกสาร Word นี้", "Word document") from exc
    paragraphs = []
    for paragraph in root.iter(f"{_WORD_NS}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_WORD_NS}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_WORD_NS}tab":
                parts.append("\t")
            elif node.tag in (f"{_WORD_NS}br", f"{_WORD_NS}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs).strip()
