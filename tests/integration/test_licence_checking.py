"""Checking a licence someone shows, on a real profile with a real SoftHSM2 token (M20).

A licence for a service whose risk needs a type-2 signature cannot be issued with the
sign-in password (no number is spoilt); signed on the token, it is then checked the four ways
an officer meets it: its PDF, a phone photo of the printed page, a scan of the paper as a PDF,
and its number or code typed off the paper. After revocation every way says revoked.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from models import Event, IssuedDocument
from services.api.issuing import Issuing
from services.issuing.checking import code_in_qr
from services.kernel.errors import InvalidInput, PermissionDenied
from services.produce.pdf.flow import Flow
from services.produce.sign import SignatureTooWeak
from tests.integration.test_approval import set_risk, signing, token_choice
from tests.integration.test_issuing import approved, record_choice
from tests.integration.test_review import users, ws
from tests.pdf_reading import save_artifact
from tests.peers.softhsm import SoftToken
from tests.peers.tools import require_tool


def _photo_of(pdf: Path, tmp_path: Path) -> bytes:
    """The printed licence as a phone sees it: 100 dpi, a little askew, JPEG-compressed."""
    subprocess.run(
        [require_tool("pdftoppm", "poppler-utils"), "-png", "-r", "100", "-singlefile",
         str(pdf), str(tmp_path / "page")], check=True,
    )  # fmt: skip
    with Image.open(tmp_path / "page.png") as page:
        askew = page.convert("RGB").rotate(4, expand=True, fillcolor=(235, 230, 220))
    out = io.BytesIO()
    askew.save(out, "JPEG", quality=65)
    return out.getvalue()


def test_a_type_2_licence_is_checked_by_pdf_photo_scan_and_number_then_shows_revoked(
    context, ws, users, signing, softhsm: dict[str, SoftToken], tmp_path
) -> None:
    set_risk(context, "FOOD-NOTICE", "advanced")
    app_id = approved(context, ws, users, signing, token_choice(softhsm))
    issuing = Issuing(context, signing.settings, verify_base="https://nongphai.go.th/verify")
    (row,) = issuing.to_issue(users["approver"])
    assert row.min_signature_type == 2
    # The sign-in password is a type-1 signature: refused before a number is taken.
    with pytest.raises(SignatureTooWeak, match="Nothing was issued"):
        issuing.issue(users["approver"], app_id, record_choice())
    with context.read() as session:
        assert session.scalars(select(Event).where(Event.type == "licence.numbered")).all() == []
    issued = issuing.issue(users["approver"], app_id, token_choice(softhsm))
    assert issued.signature_type >= 2 and issued.number.startswith("1/")
    with context.read() as session:
        entry = session.get(IssuedDocument, issued.issued_id)
        pdf = context.store.blobs.get(entry.blob_sha256)
    path = save_artifact("licence_checked.pdf", pdf)
    pdf_file = tmp_path / issued.file_name
    pdf_file.write_bytes(pdf)

    # 1. The PDF: read by its attached data; signature valid and trusted; in the register.
    by_pdf = issuing.check_file(users["intake"], pdf_file)
    assert by_pdf.read_from == "xml" and by_pdf.ok and by_pdf.data_matches is True
    assert by_pdf.signature is not None and by_pdf.signature.ok
    assert by_pdf.lines()[0][1] == "VALID: it matches the agency's register."
    assert by_pdf.entry is not None and by_pdf.entry.number == issued.number
    # 2. A phone photo of the printed page: the QR read, the register entry found.
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(_photo_of(path, tmp_path))
    by_photo = issuing.check_file(users["reviewer"], photo)
    assert by_photo.read_from == "qr" and by_photo.reference == issued.verification_code
    assert by_photo.ok and by_photo.signature is None
    assert any("a picture carries no signature" in en for _, en in by_photo.lines())
    # 3. A scan of the paper, as a PDF of one picture: the QR inside read the same way.
    scan = tmp_path / "scan.pdf"
    with Image.open(photo) as picture:
        picture.save(scan, "PDF", resolution=100)
    by_scan = issuing.check_file(users["intake"], scan)
    assert by_scan.read_from == "qr" and by_scan.ok
    # 4. Typed off the paper: the number, or the code as people type it.
    assert issuing.check_typed(users["intake"], f" {issued.number} ").ok
    sloppy = issued.verification_code.replace("-", " ").lower()
    assert issuing.check_typed(users["approver"], sloppy).ok

    # Revoked: every way now says so, with the reason.
    issuing.revoke(users["approver"], issued.issued_id, "ย้ายสถานที่โดยไม่ได้แจ้ง")
    for check in (
        issuing.check_file(users["intake"], pdf_file),
        issuing.check_file(users["intake"], photo),
        issuing.check_typed(users["intake"], issued.number),
    ):
        assert not check.ok and check.entry is not None and check.entry.status == "revoked"
        th, en = check.lines()[0]
        assert th.startswith("ถูกเพิกถอน") and en.startswith("REVOKED")
        assert ("เหตุผลการเพิกถอน: ย้ายสถานที่โดยไม่ได้แจ้ง",
                "Reason revoked: ย้ายสถานที่โดยไม่ได้แจ้ง") in check.lines()  # fmt: skip


def test_what_is_not_a_licence_of_the_agency_says_so(context, ws, users, signing, tmp_path) -> None:
    issuing = Issuing(context, signing.settings)
    unknown = issuing.check_typed(users["intake"], "ZZZZ-ZZZZ-ZZZZ")
    assert unknown.entry is None and not unknown.ok
    assert "is not in the agency's register" in unknown.lines()[0][1]
    flow = Flow("other")
    flow.text("หนังสืออื่นที่ไม่มี QR")
    other = tmp_path / "other.pdf"
    other.write_bytes(flow.finish())
    nothing = issuing.check_file(users["intake"], other)
    assert nothing.read_from == "none" and nothing.entry is None and not nothing.ok
    assert nothing.lines()[0][1].startswith("No licence verification code or QR code")
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not a picture")
    with pytest.raises(InvalidInput, match="cannot be opened") as raised:
        issuing.check_file(users["intake"], junk)
    assert "พิมพ์เลขที่หรือรหัสตรวจสอบ" in raised.value.th
    with pytest.raises(InvalidInput, match="cannot be read"):
        issuing.check_file(users["intake"], tmp_path / "gone.pdf")
    with pytest.raises(InvalidInput, match="Type the licence number"):
        issuing.check_typed(users["intake"], "   ")
    with pytest.raises(PermissionDenied):  # finance does not check licences
        issuing.check_typed(users["finance"], "1/2569")


def test_the_code_is_found_in_the_qr_text_whatever_the_address() -> None:
    assert code_in_qr("https://nongphai.go.th/verify/AB12-CD34-EF56.html") == "AB12-CD34-EF56"
    assert code_in_qr("http://x/verify/ab12-cd34-ef56.html") == "AB12-CD34-EF56"
    assert code_in_qr("https://example.com/promo") == ""


def test_the_signed_licence_is_pdfa_3b_with_its_data_as_an_associated_file(
    context, ws, users, signing, softhsm: dict[str, SoftToken], tmp_path
) -> None:
    """veraPDF is not installable here (no Maven Central; not in Debian or PyPI): the clauses
    a licence could break are checked on the signed bytes, after the incremental signature."""
    from services.produce.sign import load_trust_roots, verify_pdf

    app_id = approved(context, ws, users, signing, token_choice(softhsm), hour=14)
    issuing = Issuing(context, signing.settings, verify_base="https://nongphai.go.th/verify")
    issued = issuing.issue(users["approver"], app_id, token_choice(softhsm))
    with context.read() as session:
        entry = session.get(IssuedDocument, issued.issued_id)
        pdf = context.store.blobs.get(entry.blob_sha256)
    path = save_artifact("licence_pdfa_signed.pdf", pdf)
    assert_pdfa_3b(pdf, issued.number)
    # The signature covers the whole file and is valid against the agency's root.
    result = verify_pdf(pdf, load_trust_roots([softhsm["approver"].root_pem]))
    assert result.ok and all(s.covers_whole_file for s in result.signatures)
    pdfsig = subprocess.run(
        [require_tool("pdfsig", "poppler-utils"), str(path)], capture_output=True, text=True
    )
    assert "Signature is Valid" in pdfsig.stdout


def assert_pdfa_3b(pdf: bytes, number: str) -> None:
    """The PDF/A-3b clauses a licence could break, checked on the bytes as stored (after the
    incremental signature, and after a later time-stamp): identification, metadata that
    agrees, the output intent, the XML as an associated file, every font embedded."""
    import xml.etree.ElementTree as ET

    from pypdf import PdfReader

    from services.issuing.xmldata import parse_licence_xml, read_xml
    from services.produce.pdf.pdfa import unembedded_fonts

    assert pdf.startswith(b"%PDF-1.7\n%")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    packet = root["/Metadata"].get_object().get_data()
    xmp = ET.fromstring(packet[packet.index(b"<x:xmpmeta") :
                               packet.index(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")])  # fmt: skip
    ns = {"pdfaid": "http://www.aiim.org/pdfa/ns/id/",
          "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "dc": "http://purl.org/dc/elements/1.1/"}  # fmt: skip
    description = xmp.find(".//rdf:Description", ns)
    assert description is not None

    def said(prefix: str, name: str) -> str | None:
        """An XMP property, as an attribute (pyHanko rewrites it so) or as an element."""
        uri = ns.get(prefix) or "http://ns.adobe.com/pdf/1.3/"
        return description.get(f"{{{uri}}}{name}") or description.findtext(f"{{{uri}}}{name}")

    assert said("pdfaid", "part") == "3" and said("pdfaid", "conformance") == "B"
    assert number in (description.findtext("dc:title/rdf:Alt/rdf:li", namespaces=ns) or "")
    # Info and XMP agree after signing (ISO 19005 6.6.3): the producer is said once, alike.
    info = reader.metadata
    assert info is not None and info["/Producer"] == said("pdf", "Producer")
    assert info["/Title"] == description.findtext("dc:title/rdf:Alt/rdf:li", namespaces=ns)
    (intent,) = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1" and intent["/DestOutputProfile"].get_object()["/N"] == 3
    # The XML is the document's associated file, as Data, and still there after signing.
    (spec,) = [s.get_object() for s in root["/AF"]]
    assert spec["/AFRelationship"] == "/Data" and spec["/F"] == spec["/UF"] == "licence.xml"
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application#2Fxml"
    xml = read_xml(pdf)
    assert xml is not None and parse_licence_xml(xml).number == number
    assert unembedded_fonts(reader) == set()  # the signature added no unembedded font
