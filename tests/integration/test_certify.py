"""Certified true copies (สำเนาถูกต้อง): a stamped, derived PDF; the original never changes.

Real peers throughout: the encrypted profile and blob store, pypdf and poppler's ``pdftotext``
and ``pdftoppm`` (poppler-utils, in installer/debian-packages-test.txt) to read back what was
drawn; without them the tests fail with the install hint.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from models import Document, Event
from services.cases.applications import create_application
from services.cases.documents import attach_document
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, register_thai_font
from services.produce.certify import certify_copy, certify_copy_as_actor
from tests.peers.tools import require_tool

OFFICER = "นายตรวจ ละเอียด"
POSITION = "นักวิชาการสาธารณสุขปฏิบัติการ"
AGENCY = "เทศบาลตำบลทดสอบ"
DATE_TH = "25 พฤศจิกายน 2569"  # the clock fixture: 25 November 2026, Bangkok
DATE_EN = "25 November 2026"
BODY = "ข้าพเจ้าผู้ขออนุญาต ขอรับรองว่าข้อความข้างต้นเป็นความจริงทุกประการ"

# --- source files ----------------------------------------------------------------------------


def _thai_pdf(
    pages: int = 3,
    *,
    size: tuple[float, float] = A4,
    rotate: tuple[int, ...] = (),
    lines: int = 12,
) -> bytes:
    """A Thai text PDF: a title and ``lines`` body lines at the top of each page."""
    face = register_thai_font(
        "CertifyTest-serif", "Norasi.ttf", BUNDLED_FONTS_DIR / "Sarabun-Regular.ttf"
    )
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    width, height = size
    for number in range(1, pages + 1):
        canvas.setFont(face.name, 18)
        canvas.drawString(60, height - 60, face.glyphs(f"สำเนาทะเบียนบ้าน หน้า {number}"))
        canvas.setFont(face.name, 12)
        for i in range(lines):
            canvas.drawString(60, height - 90 - 17 * i, face.glyphs(f"{i + 1}. {BODY}"))
        canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    for page, angle in zip(writer.pages, rotate, strict=False):
        page.rotate(angle)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _jpeg_turned_by_exif() -> bytes:
    """400×300 pixels, left half red, right half blue, EXIF orientation 6 (turn 90° clockwise).

    Shown upright it is 300×400: red on top, blue below.
    """
    image = Image.new("RGB", (400, 300), (220, 0, 0))
    image.paste((0, 0, 220), (200, 0, 400, 300))
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif)
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


# --- helpers ----------------------------------------------------------------------------------


@pytest.fixture
def application_id(context, actors) -> str:
    with context.unit_of_work(actors["intake"]) as uow:
        application = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=context.clock.now(),
            subject="ขอใบอนุญาตจำหน่ายอาหาร",
            service_code="FOOD-SHOP",
        )
        return application.id


def _attach(context, actors, application_id, filename, content_type, data) -> str:
    with context.unit_of_work(actors["intake"]) as uow:
        document = attach_document(
            uow,
            context.store.blobs,
            application_id,
            filename=filename,
            content_type=content_type,
            data=data,
            origin="email",
        )
        return document.id


def _certify(context, actor, document_id) -> dict:
    """Certify in one unit of work; the copy's row as plain data."""
    with context.unit_of_work(actor) as uow:
        copy = certify_copy(
            uow,
            context.store.blobs,
            document_id,
            officer_name=OFFICER,
            officer_position=POSITION,
            agency_name=AGENCY,
        )
        return _row(copy)


def _row(document: Document) -> dict:
    return {
        "id": document.id,
        "application_id": document.application_id,
        "blob_sha256": document.blob_sha256,
        "filename": document.filename,
        "content_type": document.content_type,
        "size": document.size,
        "pages": document.pages,
        "origin": document.origin,
        "flags": list(document.flags),
        "derived_from": document.derived_from,
    }


def _document(context, document_id) -> dict:
    with context.read() as session:
        document = session.get(Document, document_id)
        assert document is not None
        return _row(document)


def _prefix(context, document_id: str) -> str:
    """What the stamp shows of the original's SHA-256."""
    return _document(context, document_id)["blob_sha256"][:16]


def _pdftotext_pages(path: Path) -> list[str]:
    result = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8").split("\f")[:-1]  # one form feed after each page


def _render(path: Path, page: int, out: Path, dpi: int = 80) -> Image.Image:
    prefix = out / f"page{page}"
    subprocess.run(
        [
            require_tool("pdftoppm", "poppler-utils"),
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    return Image.open(f"{prefix}.png").convert("RGB")


def _stamp_box(image: Image.Image) -> tuple[int, int, int, int]:
    """Bounding box of the stamp's blue ink (the test documents are black on white)."""
    red, _, blue = image.split()
    ink = Image.composite(
        Image.eval(blue, lambda v: 255 if v > 110 else 0),
        Image.new("L", image.size),
        Image.eval(red, lambda v: 255 if v < 90 else 0),
    )
    box = ink.getbbox()
    assert box is not None, "no stamp ink on the page"
    return box


def _assert_stamp_text(text: str, sha_prefix: str) -> None:
    for expected in ("สำเนาถูกต้อง", OFFICER, POSITION, AGENCY, DATE_TH, DATE_EN, sha_prefix):
        assert expected in text, f"{expected!r} not in {text!r}"


# --- PDFs -------------------------------------------------------------------------------------


def test_pdf_copy_stamps_every_page_and_leaves_the_original_alone(
    context, actors, application_id, tmp_path
) -> None:
    source = _thai_pdf(pages=3)
    original_id = _attach(
        context, actors, application_id, "ทะเบียนบ้าน.pdf", "application/pdf", source
    )
    before = _document(context, original_id)

    copy = _certify(context, actors["reviewer"], original_id)

    assert copy["id"] != original_id
    assert copy["application_id"] == application_id
    assert copy["filename"] == "ทะเบียนบ้าน_สำเนาถูกต้อง.pdf"
    assert copy["content_type"] == "application/pdf"
    assert copy["origin"] == "produced"
    assert copy["flags"] == []
    assert copy["derived_from"] == original_id
    assert copy["pages"] == 3
    assert copy["blob_sha256"] != before["blob_sha256"]

    # The original: same row, same bytes, same address.
    assert _document(context, original_id) == before
    stored = context.store.blobs.get(before["blob_sha256"])
    assert stored == source
    assert hashlib.sha256(stored).hexdigest() == before["blob_sha256"]

    data = context.store.blobs.get(copy["blob_sha256"])
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 3
    prefix = before["blob_sha256"][:16]
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        _assert_stamp_text(text, prefix)
        assert f"สำเนาทะเบียนบ้าน หน้า {number}" in text and BODY in text  # content kept
    assert reader.metadata is not None
    assert reader.metadata["/AnuyatCertifiedCopyOf"] == before["blob_sha256"]

    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    pages = _pdftotext_pages(path)
    assert len(pages) == 3
    for text in pages:
        _assert_stamp_text(text, prefix)

    # Page 1 as a person sees it: the stamp bottom right, clear of the text at the top.
    image = _render(path, 1, tmp_path)
    left, top, right, bottom = _stamp_box(image)
    assert left > image.width / 2 and top > image.height / 2
    assert right - left > bottom - top  # upright: wider than tall


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_page_gets_an_upright_stamp_where_it_is_seen(
    context, actors, application_id, tmp_path, angle
) -> None:
    source = _thai_pdf(pages=1, rotate=(angle,), lines=3)
    original_id = _attach(context, actors, application_id, "rotated.pdf", "application/pdf", source)
    copy = _certify(context, actors["reviewer"], original_id)
    data = context.store.blobs.get(copy["blob_sha256"])
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert page.rotation == angle  # the page itself is as it was
    assert page.mediabox == PdfReader(io.BytesIO(source)).pages[0].mediabox
    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    _assert_stamp_text(page.extract_text(), _prefix(context, original_id))
    _assert_stamp_text(_pdftotext_pages(path)[0], _prefix(context, original_id))

    image = _render(path, 1, tmp_path)
    left, top, right, bottom = _stamp_box(image)
    assert left > image.width / 2 and top > image.height / 2, (angle, (left, top, right, bottom))
    assert right - left > bottom - top, "the stamp is turned"


def test_landscape_page_and_a_page_with_an_offset_crop_box(
    context, actors, application_id, tmp_path
) -> None:
    source = _thai_pdf(pages=2, size=landscape(A4), lines=4)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    # Page 2: only a window of the sheet is shown; the stamp must fall inside that window.
    writer.pages[1].cropbox.lower_left = (100, 80)
    writer.pages[1].cropbox.upper_right = (700, 560)
    buffer = io.BytesIO()
    writer.write(buffer)
    original_id = _attach(
        context, actors, application_id, "landscape.pdf", "application/pdf", buffer.getvalue()
    )
    copy = _certify(context, actors["reviewer"], original_id)
    data = context.store.blobs.get(copy["blob_sha256"])
    reader = PdfReader(io.BytesIO(data))
    assert [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages] == [
        (842, 595)
    ] * 2
    assert tuple(reader.pages[1].cropbox) == (100, 80, 700, 560)
    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    for number in (1, 2):
        _assert_stamp_text(reader.pages[number - 1].extract_text(), _prefix(context, original_id))
        image = _render(path, number, tmp_path)
        left, top, right, bottom = _stamp_box(image)
        assert image.width > image.height
        assert left > image.width / 2 and top > image.height / 2
        assert right < image.width and bottom < image.height


def _scanned_page() -> bytes:
    """One A4 page that is a greyish scan: writing at the top, a signature block bottom right.

    Drawn over a white page-sized fill, as some PDF printers do: neither the fill nor the
    blank paper of the scan may count as something the stamp would cover.
    """
    scan = Image.new("L", (620, 877), 236)  # about 75 dpi, paper a little grey
    for row in range(12):
        scan.paste(40, (60, 60 + 26 * row, 560, 72 + 26 * row))
    scan.paste(20, (340, 700, 600, 860))  # signature and seal, bottom right
    encoded = io.BytesIO()
    scan.save(encoded, "JPEG", quality=85)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, *A4, stroke=0, fill=1)
    canvas.drawImage(ImageReader(io.BytesIO(encoded.getvalue())), 0, 0, *A4)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_on_a_scanned_page_the_stamp_avoids_the_writing(
    context, actors, application_id, tmp_path
) -> None:
    original_id = _attach(
        context, actors, application_id, "SCAN_0001.pdf", "application/pdf", _scanned_page()
    )
    copy = _certify(context, actors["reviewer"], original_id)
    path = tmp_path / "copy.pdf"
    path.write_bytes(context.store.blobs.get(copy["blob_sha256"]))
    image = _render(path, 1, tmp_path)
    left, top, right, bottom = _stamp_box(image)
    scale = image.width / 620  # the scan's pixels to the rendering's
    signature = (340 * scale, 700 * scale, 600 * scale, 860 * scale)
    writing_ends = (60 + 26 * 11 + 12) * scale
    assert right < signature[0] or bottom < signature[1], "the stamp covers the signature"
    assert top > writing_ends, "the stamp covers the writing"


def test_encrypted_pdf_is_refused_with_a_message(context, actors, application_id) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_thai_pdf(pages=1))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    original_id = _attach(
        context, actors, application_id, "locked.pdf", "application/pdf", buffer.getvalue()
    )
    count = _documents(context)

    with pytest.raises(InvalidInput) as raised:
        _certify(context, actors["reviewer"], original_id)

    assert raised.value.code == "certify_pdf_encrypted"
    assert "รหัสผ่าน" in raised.value.th and "locked.pdf" in raised.value.th
    assert "password" in raised.value.en and "print it to PDF" in raised.value.en
    assert _documents(context) == count


def test_damaged_pdf_is_refused_with_a_message(context, actors, application_id) -> None:
    original_id = _attach(
        context, actors, application_id, "broken.pdf", "application/pdf", b"%PDF-1.7\nnot a pdf"
    )
    with pytest.raises(InvalidInput) as raised:
        _certify(context, actors["reviewer"], original_id)
    assert raised.value.code == "certify_pdf_unreadable"
    assert "เสียหาย" in raised.value.th and "damaged" in raised.value.en


def _documents(context) -> int:
    with context.read() as session:
        return session.scalar(select(func.count()).select_from(Document)) or 0


def _signed_pdf(source: bytes):  # -> (signed bytes, trust root)
    """``source`` signed with pyHanko by a self-signed test registrar."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Registrar")])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    private = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=private,
        cert_registry=SimpleCertificateStore.from_certs([cert]),
    )
    signed = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(source)),
        signers.PdfSignatureMetadata(field_name="Registrar"),
        signer=signer,
    )
    return signed.getvalue(), cert


def test_signed_pdf_keeps_its_signature_verifiable_in_the_copy(
    context, actors, application_id
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    signed, root = _signed_pdf(_thai_pdf(pages=2))
    original_id = _attach(context, actors, application_id, "e-cert.pdf", "application/pdf", signed)
    copy = _certify(context, actors["reviewer"], original_id)
    data = context.store.blobs.get(copy["blob_sha256"])

    # The stamp is an update after the signed bytes, which are kept exactly.
    assert data.startswith(signed)
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid
    assert status.modification_level == ModificationLevel.OTHER  # honestly: stamped afterwards
    for page in PdfReader(io.BytesIO(data)).pages:
        _assert_stamp_text(page.extract_text(), _prefix(context, original_id))


# --- images, text and what is refused ---------------------------------------------------------


def test_jpeg_is_laid_upright_on_a4_and_stamped_below_it(
    context, actors, application_id, tmp_path
) -> None:
    source = _jpeg_turned_by_exif()
    original_id = _attach(context, actors, application_id, "IMG_0001.jpg", "image/jpeg", source)
    copy = _certify(context, actors["intake"], original_id)  # intake may certify too

    assert copy["filename"] == "IMG_0001_สำเนาถูกต้อง.pdf" and copy["pages"] == 1
    assert context.store.blobs.get(_document(context, original_id)["blob_sha256"]) == source
    data = context.store.blobs.get(copy["blob_sha256"])
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    _assert_stamp_text(page.extract_text(), _prefix(context, original_id))

    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    _assert_stamp_text(_pdftotext_pages(path)[0], _prefix(context, original_id))
    image = _render(path, 1, tmp_path)
    centre = image.width // 2
    top_half = image.getpixel((centre, int(image.height * 0.25)))
    lower_half = image.getpixel((centre, int(image.height * 0.55)))
    assert top_half[0] > 150 and top_half[2] < 80, top_half  # red on top: EXIF turn applied
    assert lower_half[2] > 150 and lower_half[0] < 80, lower_half
    left, top, right, bottom = _stamp_box(
        image.crop((0, int(image.height * 0.8), image.width, image.height))
    )
    assert left > image.width / 2  # in the band below the photo, on the right


def test_text_file_is_typeset_and_stamped(context, actors, application_id) -> None:
    text = "บันทึกข้อความ\nเรื่อง ขอรับใบอนุญาต ปั้นน้ำ ผู้ขออนุญาต\n"
    original_id = _attach(
        context, actors, application_id, "note.txt", "text/plain", text.encode("utf-8")
    )
    copy = _certify(context, actors["reviewer"], original_id)
    page = PdfReader(io.BytesIO(context.store.blobs.get(copy["blob_sha256"]))).pages[0]
    extracted = page.extract_text()
    assert "บันทึกข้อความ" in extracted and "เรื่อง ขอรับใบอนุญาต ปั้นน้ำ ผู้ขออนุญาต" in extracted
    _assert_stamp_text(extracted, _prefix(context, original_id))


def test_word_file_is_refused_with_how_to_convert_it(context, actors, application_id) -> None:
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    original_id = _attach(context, actors, application_id, "คำขอ.docx", docx, _docx())
    count = _documents(context)
    with pytest.raises(InvalidInput) as raised:
        _certify(context, actors["reviewer"], original_id)
    assert raised.value.code == "certify_unsupported_type"
    assert "PDF" in raised.value.th and "คำขอ.docx" in raised.value.th
    assert "print it to PDF" in raised.value.en
    assert _documents(context) == count


def test_a_certified_copy_is_not_certified_again(context, actors, application_id) -> None:
    original_id = _attach(context, actors, application_id, "a.pdf", "application/pdf", _thai_pdf(1))
    copy = _certify(context, actors["reviewer"], original_id)
    with pytest.raises(InvalidInput) as raised:
        _certify(context, actors["reviewer"], copy["id"])
    assert raised.value.code == "already_certified"


# --- who may, and what is recorded -------------------------------------------------------------


@pytest.mark.parametrize("role", ["finance", "approver", "admin"])
def test_only_reviewers_and_intake_officers_certify(context, actors, application_id, role) -> None:
    original_id = _attach(context, actors, application_id, "a.pdf", "application/pdf", _thai_pdf(1))
    count = _documents(context)
    with pytest.raises(PermissionDenied):
        _certify(context, actors[role], original_id)
    assert _documents(context) == count


def test_event_is_recorded_and_the_audit_chain_verifies(context, actors, application_id) -> None:
    original_id = _attach(context, actors, application_id, "a.pdf", "application/pdf", _thai_pdf(2))
    copy = _certify(context, actors["reviewer"], original_id)
    with context.read() as session:
        event = session.scalars(select(Event).where(Event.type == "document.certified")).one()
        assert event.actor == "reviewer"
        assert event.aggregate_id == application_id
        payload = json.loads(event.payload)
        assert payload["original"] == original_id
        assert payload["copy"] == copy["id"]
        assert payload["officer"] == OFFICER
        assert payload["copy_sha256"] == copy["blob_sha256"]
        attached = session.scalars(
            select(Event).where(Event.type == "document.attached").order_by(Event.seq.desc())
        ).first()
        assert attached is not None and "produced" in str(attached.payload)
        report = verify_chain(session)
    assert report.ok, report.broken and report.broken.describe()


def test_certify_as_the_signed_in_officer(context, actors, application_id) -> None:
    original_id = _attach(context, actors, application_id, "a.pdf", "application/pdf", _thai_pdf(1))
    with context.unit_of_work(actors["reviewer"]) as uow:
        copy = _row(certify_copy_as_actor(uow, context.store.blobs, original_id))
    text = (
        PdfReader(io.BytesIO(context.store.blobs.get(copy["blob_sha256"]))).pages[0].extract_text()
    )
    assert "นายตรวจ ละเอียด" in text  # tests/conftest.py STAFF["reviewer"]
    assert "เทศบาลตำบลทดสอบ" in text  # the profile's agency


# --- the original's id in its own column (migration 0005) ---------------------------------------


def test_migration_0005_moves_the_originals_id_from_the_flags_to_a_column(
    context, actors, application_id
) -> None:
    from alembic import command
    from sqlalchemy import text

    from services.store.engine import _alembic_config

    original_id = _attach(context, actors, application_id, "a.pdf", "application/pdf", _thai_pdf(1))
    copy = _certify(context, actors["reviewer"], original_id)
    config = _alembic_config()
    with context.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(document)"))]
        assert "derived_from" not in columns
        # A store written before 0005: the copy names its original in a flag, beside another.
        flags = conn.execute(text("SELECT flags FROM document WHERE id = :id"), {"id": copy["id"]})
        assert flags.scalar_one() == f'["certified_copy:{original_id}"]'
        conn.execute(
            text("UPDATE document SET flags = :flags WHERE id = :id"),
            {"flags": f'["low_resolution", "certified_copy:{original_id}"]', "id": copy["id"]},
        )
        command.upgrade(config, "head")

    assert _document(context, copy["id"])["derived_from"] == original_id
    assert _document(context, copy["id"])["flags"] == ["low_resolution"]
    assert _document(context, original_id)["derived_from"] is None
    with pytest.raises(InvalidInput) as raised:
        _certify(context, actors["reviewer"], copy["id"])
    assert raised.value.code == "already_certified"
