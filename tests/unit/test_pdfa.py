"""PDF/A machinery: what the file claims, what it carries, and what it refuses.

veraPDF cannot be installed here (not in Debian, PyPI or npm); these tests check the
clauses of ISO 19005-2/-3 that our files could break, one by one, on the bytes written:
header, XMP identification and its agreement with the document information, the output
intent's ICC profile, embedded fonts, associated files and Thai that extracts exactly.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from services.produce.pdf.flow import document_faces
from services.produce.pdf.pdfa import (
    ArchivalInfo,
    AssociatedFile,
    NotArchivable,
    archival_canvas,
    make_pdfa,
    unembedded_fonts,
)
from tests.pdf_reading import pdftotext_pages, pypdf_pages, save_artifact

BANGKOK = timezone(timedelta(hours=7))
SENTENCE = "ผู้ขออนุญาตยื่นคำขอ ปู่ ญาติ ฐานข้อมูล"
INFO = ArchivalInfo(
    title="แฟ้มคำขอ AN-2026-000123",
    author="สำนักงานเขตทดสอบ",
    created=datetime(2026, 12, 5, 10, 30, tzinfo=BANGKOK),
    subject="แฟ้มทั้งฉบับเพื่อการเก็บรักษา",
)
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


def _thai_page() -> bytes:
    face = document_faces().regular
    buffer = io.BytesIO()
    canvas = archival_canvas(buffer, face)
    canvas.setFont(face.name, 16)
    canvas.drawString(72, 700, face.glyphs(SENTENCE))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _xmp(reader: PdfReader) -> ET.Element:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream
    data = stream.get_data()
    assert b'begin="\xef\xbb\xbf"' in data and b"bytes=" not in data
    start, end = data.index(b"<x:xmpmeta"), data.index(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    return ET.fromstring(data[start:end])


def test_a_thai_document_becomes_pdfa3b_with_metadata_intent_and_fonts(tmp_path) -> None:
    out = make_pdfa(_thai_page(), INFO)

    assert out.startswith(b"%PDF-1.7\n%")
    assert all(byte > 127 for byte in out[10:14])  # the binary comment line
    reader = PdfReader(io.BytesIO(out))
    assert not reader.is_encrypted and reader.trailer["/ID"]
    description = _xmp(reader).find(".//rdf:Description", NS)
    assert description is not None
    assert description.findtext("pdfaid:part", namespaces=NS) == "3"
    assert description.findtext("pdfaid:conformance", namespaces=NS) == "B"
    # every fact of the document information is the same in the XMP packet
    info = reader.metadata
    assert info is not None
    assert info["/Title"] == description.findtext("dc:title/rdf:Alt/rdf:li", namespaces=NS)
    assert info["/Author"] == description.findtext("dc:creator/rdf:Seq/rdf:li", namespaces=NS)
    assert info["/Subject"] == description.findtext("dc:description/rdf:Alt/rdf:li", namespaces=NS)
    assert info["/Producer"] == description.findtext("pdf:Producer", namespaces=NS)
    assert info["/Creator"] == description.findtext("xmp:CreatorTool", namespaces=NS)
    assert info["/CreationDate"] == "D:20261205103000+07'00'"
    assert description.findtext("xmp:CreateDate", namespaces=NS) == "2026-12-05T10:30:00+07:00"
    assert set(info) == {
        "/Title", "/Author", "/Subject", "/Creator", "/Producer", "/CreationDate", "/ModDate",
    }  # fmt: skip

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "th-TH"
    (intent,) = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    icc = profile.get_data()
    assert profile["/N"] == 3 and icc[12:20] == b"mntrRGB " and icc[36:40] == b"acsp"
    assert icc[8] == 2  # ICC v2: what every PDF/A part accepts
    assert int.from_bytes(icc[:4], "big") == len(icc)
    assert unembedded_fonts(reader) == set()

    path = save_artifact("pdfa-thai.pdf", out)
    assert pypdf_pages(out) == [SENTENCE]
    assert pdftotext_pages(path) == [SENTENCE]


def test_associated_files_read_back_with_their_relationship() -> None:
    csv = "เวลา,เหตุการณ์\n2026-12-05,รับคำขอ\n".encode()
    xml = b"<file tracking='AN-2026-000123'/>"
    out = make_pdfa(
        _thai_page(),
        INFO,
        attachments=[
            AssociatedFile("events.csv", csv, "text/csv", "Data", "ประวัติ", INFO.created),
            AssociatedFile("file.xml", xml, "application/xml", "Source", "ข้อมูล", INFO.created),
        ],
    )

    reader = PdfReader(io.BytesIO(out))
    root = reader.trailer["/Root"]
    specs = [ref.get_object() for ref in root["/AF"]]
    assert [(s["/UF"], s["/AFRelationship"]) for s in specs] == [
        ("events.csv", "/Data"),
        ("file.xml", "/Source"),
    ]
    embedded = specs[0]["/EF"]["/F"].get_object()
    assert embedded["/Subtype"] == "/text#2Fcsv" or embedded["/Subtype"] == "/text/csv"
    assert embedded["/Params"]["/ModDate"] == "D:20261205103000+07'00'"
    assert reader.attachments == {"events.csv": [csv], "file.xml": [xml]}
    assert reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"][0] == "events.csv"


def test_a_font_left_out_of_the_file_is_refused_by_name() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)  # reportlab's default: Helvetica, never embedded
    canvas.drawString(72, 700, "hello")
    canvas.showPage()
    canvas.save()

    with pytest.raises(NotArchivable, match="Helvetica"):
        make_pdfa(buffer.getvalue(), INFO)


def test_encrypted_input_and_files_on_part_2_are_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_thai_page())))
    writer.encrypt("secret")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(NotArchivable, match="encrypted"):
        make_pdfa(locked.getvalue(), INFO)

    extra = AssociatedFile("a.txt", b"a", "text/plain", "Data", "a", INFO.created)
    with pytest.raises(NotArchivable, match="PDF/A-3"):
        make_pdfa(_thai_page(), INFO, part=2, attachments=[extra])


def test_part_2_is_claimed_when_asked_and_dates_need_a_time_zone() -> None:
    description = _xmp(PdfReader(io.BytesIO(make_pdfa(_thai_page(), INFO, part=2)))).find(
        ".//rdf:Description", NS
    )
    assert description is not None
    assert description.findtext("pdfaid:part", namespaces=NS) == "2"

    naive = ArchivalInfo(title="t", author="a", created=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="time zone"):
        make_pdfa(_thai_page(), naive)
    utc = ArchivalInfo(title="t", author="a", created=datetime(2026, 1, 1, tzinfo=UTC))
    written = PdfReader(io.BytesIO(make_pdfa(_thai_page(), utc))).metadata
    assert written is not None and written["/ModDate"] == "D:20260101000000+00'00'"


def test_a_flow_document_is_archivable_as_it_is() -> None:
    from services.produce.pdf.flow import Flow

    flow = Flow("ใบรับคำขอ")
    flow.text(SENTENCE)
    archived = make_pdfa(flow.finish(), INFO)

    assert unembedded_fonts(PdfReader(io.BytesIO(archived))) == set()
    assert pypdf_pages(archived) == [SENTENCE]
