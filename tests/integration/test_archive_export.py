"""The archive export on a real encrypted profile: a request that went through intake and
review, with a PDF and a photographed scan, exported as one PDF/A-3 for the archives.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import hashlib
import io
import json

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import ContentStream
from sqlalchemy import select

from models import Application, Document, Event
from services.archive.export import export_case
from services.archive.render import MIN_DPI
from services.cases.documents import attach_document
from services.kernel.actors import Actor
from services.kernel.errors import NotFound, PermissionDenied
from services.kernel.events import verify_chain
from services.produce.pdf.pdfa import unembedded_fonts
from tests.data import mail_corpus as corpus
from tests.integration.test_approval import memo_like_pdf
from tests.integration.test_review import submit, users, ws
from tests.pdf_reading import pdftotext_pages, pypdf_pages, save_artifact


def _scan() -> bytes:
    """A photographed form: A4 at 200 dpi, with lines a reader would look for."""
    image = Image.new("RGB", (1654, 2339), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    for y in range(200, 2200, 120):
        draw.line((150, y, 1500, y), fill=(40, 40, 40), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", dpi=(200, 200), quality=90)
    return out.getvalue()


@pytest.fixture
def request_with_files(context, ws, users) -> tuple[str, str, dict[str, bytes]]:
    files = {"บันทึก.pdf": memo_like_pdf()}
    app_id = submit(context, hour=10, files=tuple(files.items()))
    scan = _scan()
    with context.unit_of_work(Actor.from_user(users["intake"])) as uow:
        attach_document(
            uow, context.store.blobs, app_id, filename="แบบคำขอ.jpg",
            content_type="image/jpeg", data=scan, origin="counter",
        )  # fmt: skip
    files["แบบคำขอ.jpg"] = scan
    odd = {"หมายเหตุ.txt": ("text/plain", "ขอรับที่เคาน์เตอร์".encode()),
           "เสีย.pdf": ("application/pdf", corpus.file_pdf_corrupt())}  # fmt: skip
    with context.unit_of_work(Actor.from_user(users["intake"])) as uow:
        for name, (kind, data) in odd.items():
            attach_document(uow, context.store.blobs, app_id, filename=name,
                            content_type=kind, data=data, origin="counter")  # fmt: skip
            files[name] = data
    with context.read() as session:
        tracking = session.get(Application, app_id).tracking_number
    return app_id, tracking, files


def _drawn_images(page) -> list[tuple[int, float]]:
    """(pixels wide, points wide) of every image the page draws."""
    images = {
        name: obj.get_object()["/Width"]
        for name, obj in page["/Resources"].get("/XObject", {}).items()
        if obj.get_object()["/Subtype"] == "/Image"
    }
    found, matrix = [], None
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"cm":
            matrix = [float(v) for v in operands]
        elif operator == b"Do" and operands[0] in images:
            assert matrix is not None
            found.append((int(images[operands[0]]), matrix[0]))
    return found


def test_a_request_exports_as_pdfa3_with_its_pages_originals_and_history(
    context, ws, users, request_with_files, tmp_path
) -> None:
    app_id, tracking, files = request_with_files
    out = tmp_path / "file.pdf"

    with pytest.raises(PermissionDenied):
        export_case(context, Actor.from_user(users["reviewer"]), tracking, out)
    assert not out.exists()
    done = export_case(context, Actor.from_user(users["approver"]), tracking, out)

    data = out.read_bytes()
    path = save_artifact("archive-export.pdf", data)
    assert done.sha256 == hashlib.sha256(data).hexdigest() and done.files == 4
    reader = PdfReader(io.BytesIO(data))
    assert b"<pdfaid:part>3</pdfaid:part>" in reader.trailer["/Root"]["/Metadata"].get_data()
    assert unembedded_fonts(reader) == set()
    # the originals ride along byte for byte, with the audit events as CSV
    attached = reader.attachments
    by_name = {name.partition("-")[2]: attached[name] for name in attached}
    assert by_name["บันทึก.pdf"] == [files["บันทึก.pdf"]]
    assert by_name["แบบคำขอ.jpg"] == [files["แบบคำขอ.jpg"]]
    events_csv = attached["events.csv"][0].decode("utf-8-sig")
    assert "document.attached" in events_csv and "application.received" in events_csv
    relationships = {
        spec.get_object()["/UF"].partition("-")[2] or "events.csv": spec.get_object()[
            "/AFRelationship"
        ]
        for spec in reader.trailer["/Root"]["/AF"]
    }
    assert relationships["events.csv"] == "/Data"
    assert relationships["แบบคำขอ.jpg"] == "/Source"

    # Thai reads back exactly, in pypdf and in pdftotext
    for pages in (pypdf_pages(data), pdftotext_pages(path)):
        cover = pages[0]
        assert f"แฟ้มคำขอเลขที่ {tracking}" in cover
        assert "สมชาย ใจดี" in cover and "แบบคำขอ.jpg" in cover
        assert "บันทึกการพิจารณาอนุมัติคำขอ" not in cover  # the memo is a picture now
        assert any("ประวัติการดำเนินการ" in p for p in pages)
        assert any("แนบเอกสาร" in p or "เอกสาร" in p for p in pages[1:])
    # every page drawn from a file has 150 dpi or more where it lands
    drawn = [d for page in reader.pages for d in _drawn_images(page)]
    assert len(drawn) == 2  # the memo's page and the scan
    # a text file and a damaged PDF cannot be pictures: a page says so, the original rides along
    for pages in (pypdf_pages(data),):
        assert sum("cannot be shown as pages; the original is attached" in p for p in pages) == 2
    assert by_name["เสีย.pdf"] == [files["เสีย.pdf"]]
    for pixels, points in drawn:
        assert pixels / (points / 72) >= MIN_DPI - 0.5

    with context.read() as session:
        event = session.scalars(
            select(Event).where(Event.type == "archive.exported", Event.aggregate_id == app_id)
        ).one()
        assert json.loads(event.payload)["sha256"] == done.sha256
        assert event.actor == "approver"
        assert verify_chain(session).ok


def test_an_unknown_tracking_number_is_a_clear_error(context, users, tmp_path) -> None:
    with pytest.raises(NotFound) as raised:
        export_case(context, Actor.from_user(users["approver"]), "XX-0000", tmp_path / "x.pdf")
    assert "XX-0000" in raised.value.th and "Check the number" in raised.value.en


def test_the_cli_exports_for_an_approver_and_refuses_the_administrator(
    context, data_dir, request_with_files, tmp_path, monkeypatch, capsys
) -> None:
    from app.cli import main
    from tests.conftest import STAFF_PASSWORD

    _, tracking, _ = request_with_files
    context.store.close()  # the command opens the profile itself
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    out = tmp_path / "court.pdf"
    base = ["--data-dir", str(data_dir), "archive"]

    assert main([*base, "--as", "admin", "export", tracking, "--out", str(out)]) == 2
    assert "approver" in capsys.readouterr().err and not out.exists()
    assert main([*base, "export", tracking, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"ส่งออกแฟ้มคำขอ {tracking}" in printed and "PDF/A-3" in printed
    assert PdfReader(out).attachments["events.csv"]
