"""What the viewer's workers do with real files: PDF pages drawn and turned, thumbnails,
Word text, Thai text in the Windows code page, and files that are not what they say."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest

from services.cases.views import DocumentInfo
from services.kernel.errors import AnuyatError
from tests.ui.conftest import jpeg_bytes, pdf_bytes
from ui.viewer.render import (
    PdfLoad,
    decode_image,
    decode_text,
    document_kind,
    docx_text,
    pdf_page_image,
    pdf_thumbnails,
)

_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(paragraphs: list[str]) -> bytes:
    """A minimal but real .docx (Word opens it): content types, relationships, document."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_WORD}">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return buffer.getvalue()


def _info(filename: str, content_type: str) -> DocumentInfo:
    return DocumentInfo(
        id="d1",
        filename=filename,
        content_type=content_type,
        size=1,
        pages=None,
        width_px=None,
        height_px=None,
        dpi=None,
        flags=(),
        origin="email",
        received_at=datetime(2026, 11, 25, tzinfo=UTC),
    )


def test_pdf_pages_are_drawn_and_turned(qapp) -> None:
    data = pdf_bytes(2, "Form")
    upright = pdf_page_image(data, 0, 0)
    assert upright.height() > upright.width()  # A4 portrait at 150 dpi
    assert upright.width() == round(595.28 * 150 / 72)
    turned = pdf_page_image(data, 1, 90)
    assert (turned.width(), turned.height()) == (upright.height(), upright.width())
    thumbs = pdf_thumbnails(data, 84)
    assert len(thumbs) == 2 and all(t.width() == 84 for t in thumbs)


def test_a_broken_pdf_is_told_in_thai_and_english(qapp) -> None:
    with pytest.raises(AnuyatError) as caught:
        pdf_thumbnails(b"%PDF-1.4\n%broken", 84)
    assert caught.value.th.startswith("เปิดเอกสาร PDF นี้ไม่ได้")
    assert "cannot be opened" in caught.value.en


def test_images_decode_and_rubbish_does_not(qapp) -> None:
    assert decode_image(jpeg_bytes(300, 200)).width() == 300
    with pytest.raises(AnuyatError):
        decode_image(b"MZ\x90\x00 not an image")


def test_word_text_and_thai_code_pages() -> None:
    assert docx_text(_docx(["เรียน นายกเทศมนตรี", "ขอใบอนุญาต"])) == ("เรียน นายกเทศมนตรี\nขอใบอนุญาต")
    with pytest.raises(AnuyatError):
        docx_text(b"PK\x03\x04 not really a zip")
    assert decode_text("ทดสอบ".encode("cp874")) == "ทดสอบ"
    assert decode_text("\ufeffทดสอบ".encode()) == "ทดสอบ"


def test_kinds_follow_the_type_then_the_name() -> None:
    assert document_kind(_info("a.pdf", "application/pdf")) == "pdf"
    assert document_kind(_info("scan.JPG", "application/octet-stream")) == "image"
    assert document_kind(_info("note.txt", "text/plain")) == "text"
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert document_kind(_info("letter.docx", docx_type)) == "docx"
    assert document_kind(_info("old.doc", "application/msword")) == "doc"
    assert document_kind(_info("data.xlsx", "application/vnd.ms-excel")) == "other"


def test_a_pdf_is_parsed_in_a_worker_and_never_changes_thread(qapp) -> None:
    import threading

    from PySide6.QtPdf import QPdfDocument

    gui_thread = qapp.thread()
    taken: list[QPdfDocument | None] = []
    workers: list[object] = []
    for data in (pdf_bytes(3, "Parsed away from the window"), b"%PDF-1.4\nbroken"):
        load = PdfLoad(data)  # made here, on the GUI thread
        read: list[bool] = []

        def work(load: PdfLoad = load, read: list[bool] = read) -> None:
            workers.append(threading.current_thread())
            read.append(load.run())

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        taken.append(load.take())
        assert read == [taken[-1] is not None]
    document, broken = taken
    assert all(worker is not threading.main_thread() for worker in workers)
    assert document is not None and broken is None
    # Made on the GUI thread and never moved (a move from a worker could deadlock the window).
    assert document.thread() is gui_thread
    assert document.status() == QPdfDocument.Status.Ready and document.pageCount() == 3
    document.close()


def test_a_parsed_pdf_nobody_takes_is_let_go_not_kept_until_quit(qapp) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtPdf import QPdfDocument

    def held_by_application() -> list[QPdfDocument]:
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        return qapp.findChildren(QPdfDocument, options=direct)

    before = held_by_application()
    load = PdfLoad(pdf_bytes(2, "Parsed for a document the officer has left"))
    (document,) = [held for held in held_by_application() if all(held is not b for b in before)]
    assert load.run() and document.pageCount() == 2  # the application holds it until taken
    load.drop()  # the officer moved on before the answer came
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(document)
    assert all(held is not document for held in held_by_application())
    assert load.take() is None  # nothing left to hand over
