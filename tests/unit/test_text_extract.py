"""Text out of received files: PDF text layer, DOCX paragraphs, plain text; never an error."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfWriter
from reportlab.pdfgen.canvas import Canvas

from services.cases.text_extract import extract_text
from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, register_thai_font

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
THAI = "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร ผู้ขออนุญาต นายสมชาย ทองดี"


def thai_pdf(*lines: str) -> bytes:
    face = register_thai_font(
        "Extract-test", "Garuda.ttf", BUNDLED_FONTS_DIR / "Sarabun-Regular.ttf"
    )
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(face.name, 14)
    for n, line in enumerate(lines):
        canvas.drawString(72, 760 - 24 * n, face.glyphs(line))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def docx(*paragraphs: str, extra: bytes = b"") -> bytes:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + extra
        + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + f"<w:body>{body}</w:body></w:document>".encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def test_pdf_text_layer_in_thai() -> None:
    text = extract_text("application/pdf", thai_pdf(THAI, "Somchai Thongdee"))
    assert THAI in text
    assert "Somchai Thongdee" in text


def test_scanned_pdf_gives_nothing() -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert extract_text("application/pdf", out.getvalue()) == ""


def test_pdf_with_a_password_to_open_gives_nothing() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(thai_pdf(THAI)))
    writer.encrypt("secret-to-open")
    out = io.BytesIO()
    writer.write(out)
    assert extract_text("application/pdf", out.getvalue()) == ""


def test_broken_files_never_raise() -> None:
    assert extract_text("application/pdf", b"%PDF-1.7\nnot really") == ""
    assert extract_text(DOCX, b"PK\x03\x04 broken zip") == ""
    assert extract_text(DOCX, b"") == ""


def test_docx_paragraphs() -> None:
    text = extract_text(DOCX, docx(THAI, "second paragraph &amp; more"))
    assert text.splitlines() == [THAI, "second paragraph & more"]


def test_docx_with_entity_declarations_is_refused() -> None:
    bomb = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    assert extract_text(DOCX, docx("&lol2;", extra=bomb)) == ""


@pytest.mark.parametrize(
    ("content_type", "encoding"),
    [
        ("text/plain", "utf-8"),
        ("text/plain; charset=utf-8", "utf-8"),
        ("text/plain", "utf-8-sig"),
        ("text/plain", "cp874"),  # Thai Windows, no charset given
        ('text/plain; charset="TIS-620"', "tis-620"),
        ("text/plain; charset=windows-874", "cp874"),
        ("text/plain; charset=utf-8", "cp874"),  # a wrong label does not lose the text
        ("text/plain; charset=x-unknown", "utf-8"),
    ],
)
def test_plain_text_in_thai_encodings(content_type: str, encoding: str) -> None:
    assert extract_text(content_type, THAI.encode(encoding)) == THAI


def test_doc_and_images_give_nothing() -> None:
    assert extract_text("application/msword", b"\xd0\xcf\x11\xe0" + b"\0" * 100) == ""
    assert extract_text("image/jpeg", b"\xff\xd8\xff") == ""


def test_max_chars_cuts_long_text() -> None:
    text = extract_text("text/plain", ("ก" * 1000).encode(), max_chars=10)
    assert text == "ก" * 10
    # A cut in the middle of a UTF-8 character is not an encoding error.
    assert extract_text("text/plain", ("ก" * 1000).encode(), max_chars=5) == "ก" * 5
