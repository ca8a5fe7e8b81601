"""Issuing licences on a real encrypted profile, signed on a real SoftHSM2 token.

A request approved in the approval flow becomes a numbered licence PDF with its data as XML,
signed by the approver (PAdES) and registered; its QR code leads to its page in the exported
public register, which says revoked after revocation.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import io
import json
import subprocess
import threading

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from models import Application, Event, IssuedDocument, OutboxMessage, Payment
from services import fees
from services.api.approval import SigningChoice
from services.api.issuing import Issuing
from services.approval import BatchItem
from services.issuing.numbers import next_outgoing_number
from services.issuing.xmldata import parse_licence_xml, read_xml
from services.kernel.actors import SYSTEM, Actor
from services.kernel.errors import InvalidInput, PermissionDenied
from services.produce.sign import Pin, load_trust_roots, verify_pdf
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import reviewed, signing, token_choice
from tests.integration.test_review import users, ws
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact
from tests.peers.softhsm import SoftToken
from tests.peers.tools import require_tool

PREMISES = "เลขที่ 99 หมู่ 4 ตำบลหนองไผ่ อำเภอเมือง จังหวัดนครปฐม"


def approved(context, ws, users, signing, choice: SigningChoice, hour: int = 9) -> str:
    app_id = reviewed(context, ws, users, hour=hour)
    with context.store.sessions() as session, session.begin():
        app = session.get(Application, app_id)
        app.form_data = {**app.form_data, "shop_address": PREMISES}
    approver = users["approver"]
    summary = signing.open_approval(approver, app_id)
    conditions = (
        "ต้องจัดให้มีที่ล้างมือสำหรับผู้สัมผัสอาหารอย่างเพียงพอ และรักษาความสะอาดของห้องน้ำตลอดเวลาที่เปิดให้บริการ",
        "ห้ามวางปิ่นโตและภาชนะใส่อาหารบนพื้น",
    )
    outcome = signing.approve_batch(approver, [BatchItem(app_id, conditions)], choice)
    assert outcome.approved == (app_id,), outcome
    assert summary.detail.claimed_by_me
    # The fee falls due before issue: finance verifies it and the request is approved again.
    with context.read() as session:
        payment = session.scalars(select(Payment).where(Payment.application_id == app_id)).first()
    if payment is not None:
        with context.unit_of_work(Actor.from_user(users["finance"])) as uow:
            fees.verify(uow, context.calendar, context.store.blobs, payment.id)
    with context.read() as session:
        assert session.get(Application, app_id).status == "approved"
    return app_id


def test_an_approved_request_becomes_a_signed_licence_that_verifies_by_qr(
    context, ws, users, signing, softhsm: dict[str, SoftToken], tmp_path
) -> None:
    token = softhsm["approver"]
    app_id = approved(context, ws, users, signing, token_choice(softhsm))
    issuing = Issuing(context, signing.settings, verify_base="https://nongphai.go.th/verify")
    with pytest.raises(PermissionDenied):
        issuing.issue(users["reviewer"], app_id, token_choice(softhsm))
    issued = issuing.issue(users["approver"], app_id, token_choice(softhsm))
    assert issued.signature_type >= 2
    with context.read() as session:
        entry = session.get(IssuedDocument, issued.issued_id)
        app = session.get(Application, app_id)
        data = context.store.blobs.get(entry.blob_sha256)
        types = [e.type for e in session.scalars(select(Event).order_by(Event.seq))]
    assert app.status == "issued" and entry.status == "valid"
    assert "licence.numbered" in types and types[-1] == "licence.issued"
    # The outgoing register's number (running per Buddhist Era year) and the Saraban name.
    year = int(issued.number.split("/")[1])
    assert issued.number == f"1/{year}" and year > 2500
    assert issued.file_name.endswith(f"_{year}_0001.pdf") and " " not in issued.file_name
    # Signed by the approver's token, the signature valid against the agency's root.
    result = verify_pdf(data, load_trust_roots([token.root_pem]))
    assert result.signatures and all(s.intact and s.valid for s in result.signatures)
    path = save_artifact("licence_food_notice_signed.pdf", data)
    pdfsig = subprocess.run(
        [require_tool("pdfsig", "poppler-utils"), str(path)], capture_output=True, text=True
    )
    assert "Signature is Valid" in pdfsig.stdout
    # The XML inside equals the register entry, and survived signing.
    xml = parse_licence_xml(read_xml(data) or b"")
    assert (xml.number, xml.verification_code) == (entry.document_number, entry.verification_code)
    assert xml.licensee == entry.licensee == "นายสมชาย ใจดี" and xml.premises == PREMISES
    assert xml.valid_until == entry.valid_until.date().isoformat()
    assert "1234" not in (read_xml(data) or b"").decode()  # no national ID digits
    # Thai extracted exactly by both readers: each wrapped line as written.
    text = " ".join(pypdf_pages(data))
    layout = " ".join(pdftotext_pages(path))
    for phrase in ("หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร", "นายสมชาย ใจดี", PREMISES,
                   "ห้ามวางปิ่นโตและภาชนะใส่อาหารบนพื้น", "นายอนุมัติ รอบคอบ",
                   f"รหัสตรวจสอบ {issued.verification_code}"):  # fmt: skip
        assert folded(phrase) in text and folded(phrase) in layout, phrase
    # The QR on the rendered page reads back as the public page's address.
    subprocess.run(
        [require_tool("pdftoppm", "poppler-utils"), "-png", "-r", "150", "-singlefile",
         str(path), str(tmp_path / "page")], check=True,
    )  # fmt: skip
    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [c.text for c in codes] == [issued.verification_url]
    assert (
        issued.verification_url == f"https://nongphai.go.th/verify/{issued.verification_code}.html"
    )
    # The public register: the page the QR names, valid; no national ID; revoked after revocation.
    folder = tmp_path / "publish"
    first = issuing.publish(users["approver"], folder)
    page = (folder / f"{issued.verification_code}.html").read_text(encoding="utf-8")
    assert "ใช้ได้ / Valid" in page and "นายสมชาย ใจดี" in page and PREMISES not in page
    with context.read() as session:
        national_id = session.get(Application, app_id).applicant.national_id
    for name in ("register.json", "register.csv"):
        assert national_id not in (folder / name).read_text(encoding="utf-8-sig")
    again = issuing.publish(users["approver"], folder)
    assert first.written == 4 and again.written == 0  # idempotent
    with pytest.raises(InvalidInput, match="reason"):
        issuing.revoke(users["approver"], issued.issued_id, "  ")
    issuing.revoke(users["approver"], issued.issued_id, "ย้ายสถานที่โดยไม่ได้แจ้ง")
    after = issuing.publish(users["approver"], folder)
    page = (folder / f"{issued.verification_code}.html").read_text(encoding="utf-8")
    assert "ถูกเพิกถอน / Revoked" in page and "ย้ายสถานที่โดยไม่ได้แจ้ง" in page
    assert after.written == 4  # the page, the JSON, the CSV and the manifest
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest) == {f"{issued.verification_code}.html", "register.json", "register.csv"}
    with context.read() as session:
        letter = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "licence")).one()
    assert "ย้ายสถานที่โดยไม่ได้แจ้ง" in letter.body_text and letter.to_addr == "a9@example.co.th"


def test_only_an_approved_request_gets_a_licence(context, ws, users, signing) -> None:
    app_id = reviewed(context, ws, users, hour=10)
    issuing = Issuing(context, signing.settings)
    choice = SigningChoice("record", secret=Pin(STAFF_PASSWORD))
    with pytest.raises(InvalidInput, match="once it is approved"):
        issuing.issue(users["approver"], app_id, choice)
    with context.read() as session:
        assert session.scalars(select(IssuedDocument)).first() is None


def test_outgoing_numbers_never_repeat_across_threads(context) -> None:
    """Eight writers at once on the store: every number once, running 1..N in the year."""
    from datetime import UTC, datetime

    moment = datetime(2026, 12, 5, 3, tzinfo=UTC)
    got: list[int] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(5):
            with context.unit_of_work(SYSTEM) as uow:
                number, year = next_outgoing_number(uow, moment)
            assert year == 2569
            with lock:
                got.append(number)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == list(range(1, 41))


def record_choice() -> SigningChoice:
    return SigningChoice("record", secret=Pin(STAFF_PASSWORD))


def test_a_licence_reaches_the_applicant_by_e_mail_protected_by_a_password_given_once(
    context, ws, users, signing, tmp_path
) -> None:
    app_id = approved(context, ws, users, signing, record_choice(), hour=11)
    issuing = Issuing(context, signing.settings)
    issued = issuing.issue(users["approver"], app_id, record_choice())
    with pytest.raises(PermissionDenied):
        issuing.deliver(users["approver"], issued.issued_id)
    sent = issuing.deliver(users["intake"], issued.issued_id, protect=True)
    assert sent.channel == "email" and sent.password and len(sent.password) == 12
    with context.read() as session:
        app = session.get(Application, app_id)
        entry = session.get(IssuedDocument, issued.issued_id)
        letter = session.get(OutboxMessage, sent.outbox_id)
        signed = context.store.blobs.get(entry.blob_sha256)
        event = session.scalars(select(Event).where(Event.type == "licence.delivered")).one()
        logged = " ".join(e.payload for e in session.scalars(select(Event)))
    assert app.status == "delivered" and entry.delivery_channel == "email"
    assert letter.to_addr == "a11@example.co.th" and issued.number in letter.subject
    assert "รหัสผ่าน" in letter.body_text and sent.password not in letter.body_text
    assert json.loads(event.payload)["protected"] is True and sent.password not in logged
    (attachment,) = letter.attachments
    assert attachment["filename"] == issued.file_name.removesuffix(".pdf") + "_1.pdf"
    protected = context.store.blobs.get(attachment["sha256"])
    reader = PdfReader(io.BytesIO(protected))
    assert reader.is_encrypted and not reader.decrypt("wrong-password")
    assert reader.decrypt(sent.password)
    inner = reader.attachments[issued.file_name][0]
    assert inner == signed  # the licence inside is byte for byte the one issued
    with pytest.raises(InvalidInput, match="already been delivered"):
        issuing.deliver(users["intake"], issued.issued_id)


def test_a_counter_licence_is_handed_over_to_someone_named_and_a_drive_one_copied(
    context, ws, users, signing, tmp_path
) -> None:
    counter_id = approved(context, ws, users, signing, record_choice(), hour=12)
    drive_id = approved(context, ws, users, signing, record_choice(), hour=13)
    with context.store.sessions() as session, session.begin():
        session.get(Application, counter_id).channel = "counter"
        session.get(Application, drive_id).channel = "drive"
    issuing = Issuing(context, signing.settings, drive_root=tmp_path / "drive")
    at_counter = issuing.issue(users["approver"], counter_id, record_choice())
    on_drive = issuing.issue(users["approver"], drive_id, record_choice())
    with pytest.raises(InvalidInput, match="Name who received"):
        issuing.deliver(users["intake"], at_counter.issued_id)
    issuing.deliver(users["intake"], at_counter.issued_id, handed_to="นายสมชาย ใจดี")
    copied = issuing.deliver(users["reviewer"], on_drive.issued_id)
    assert copied.path is not None and copied.path.name == on_drive.file_name
    assert copied.path.parent.parent.name == "outgoing"
    rows = {r.number: r for r in issuing.issued(users["intake"])}
    assert rows[at_counter.number].channel == "counter" and rows[at_counter.number].delivered_at
    assert rows[on_drive.number].delivered_at and issuing.to_issue(users["intake"]) == []
    # Numbers run on through the year: 1 and 2, never repeated.
    assert {at_counter.number.split("/")[0], on_drive.number.split("/")[0]} == {"1", "2"}


def test_a_licence_that_says_where_it_holds_is_refused_without_premises(
    context, ws, users, signing
) -> None:
    """The officer emptied the premises field: nothing is issued, no number is spoilt, and
    the message says in Thai and English what to type; with the address it is issued and
    the address is in the XML, the register entry and the event."""
    app_id = approved(
        context, ws, users, signing, SigningChoice("record", secret=Pin(STAFF_PASSWORD))
    )
    issuing = Issuing(context, signing.settings)
    choice = SigningChoice("record", secret=Pin(STAFF_PASSWORD))
    with pytest.raises(InvalidInput) as refused:
        issuing.issue(users["approver"], app_id, choice, premises="   ")
    assert "ที่ตั้งสถานประกอบการ" in refused.value.th
    assert "premises address" in refused.value.en
    with context.read() as session:
        assert session.scalars(select(IssuedDocument)).first() is None
        numbered = session.scalars(select(Event).where(Event.type == "licence.numbered")).all()
        assert numbered == []  # refused before a number was taken
    typed = "  ร้านครัวใจดี   เลขที่ 12 ถนนเพชรเกษม ตำบลหนองไผ่ อำเภอเมือง จังหวัดนครปฐม "
    issued = issuing.issue(
        users["approver"], app_id, SigningChoice("record", secret=Pin(STAFF_PASSWORD)),
        premises=typed,
    )  # fmt: skip
    tidy = " ".join(typed.split())
    with context.read() as session:
        entry = session.get(IssuedDocument, issued.issued_id)
        data = context.store.blobs.get(entry.blob_sha256)
        event = session.scalars(select(Event).where(Event.type == "licence.numbered")).one()
    assert entry.premises == tidy and json.loads(event.payload)["premises"] == tidy
    assert parse_licence_xml(read_xml(data) or b"").premises == tidy
    text = " ".join(pypdf_pages(data))
    assert f"ณ {tidy} แล้ว" in text and "ณ -" not in text
