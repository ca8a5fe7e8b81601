"""Slips matched offline: the verification QR read from PNG, JPEG, a photo at an angle, a
low-resolution picture and a PDF; a slip used twice is caught and held; a slip without a
QR still becomes the payment's evidence on its request (the officer reads it); an unreadable
file loses nothing."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import io
import json

import pytest
import segno
from PIL import Image, ImageDraw
from sqlalchemy import select

from models import Application, Document, Event, Payment
from services.cases.documents import attach_document
from services.fees.promptpay import crc16_ccitt_false
from services.fees.slips import SlipQr, match_slips, parse_slip_qr, read_slip_qr
from services.kernel.actors import SYSTEM
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import accept_all, submit, users, ws


def slip_qr_text(bank: str, reference: str) -> str:
    inner = f"000600000101{len(bank):02d}{bank}02{len(reference):02d}{reference}"
    body = f"00{len(inner):02d}{inner}5102TH9104"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def slip_image(bank: str, reference: str, *, scale: int = 4) -> Image.Image:
    """A slip-like picture: some text lines and the mini-QR at the bottom right."""
    page = Image.new("RGB", (640, 900), "white")
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(("Transfer successful", "200.00 THB", f"Ref {reference}")):
        draw.text((40, 60 + 40 * i), line, fill="black")
    qr = io.BytesIO()
    segno.make(slip_qr_text(bank, reference), error="m").save(qr, kind="png", scale=scale)
    page.paste(Image.open(qr), (360, 560))
    return page


def encoded(image: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def test_the_slip_qr_is_read_from_every_kind_of_picture() -> None:
    image = slip_image("004", "2026112414253012345")
    expected = SlipQr("004", "2026112414253012345")
    angled = image.rotate(11, expand=True, fillcolor="white")
    small = image.resize((400, 562))
    cases = {
        "png": (encoded(image, "PNG"), "image/png"),
        "jpeg": (encoded(image, "JPEG", quality=60), "image/jpeg"),
        "angled photo": (encoded(angled, "JPEG", quality=70), "image/jpeg"),
        "low resolution": (encoded(small, "PNG"), "image/png"),
        "pdf": (encoded(image, "PDF", resolution=150), "application/pdf"),
    }
    for name, (data, kind) in cases.items():
        assert read_slip_qr(data, kind) == expected, name
    assert parse_slip_qr(slip_qr_text("004", "X")[:-1] + "0") in (None,)  # CRC broken
    assert read_slip_qr(b"not an image", "image/png") is None
    assert read_slip_qr(encoded(Image.new("RGB", (50, 50), "white"), "PNG"), "image/png") is None


def reply_with(context, app_id: str, name: str, data: bytes, kind: str) -> str:
    with context.unit_of_work(SYSTEM) as uow:
        document = attach_document(
            uow, context.store.blobs, app_id, filename=name, content_type=kind, data=data,
            origin="email",
        )  # fmt: skip
        return document.id


def match(context) -> int:
    with context.unit_of_work(SYSTEM) as uow:
        return match_slips(uow, context.calendar, context.store.blobs)


def test_a_slip_becomes_the_evidence_and_the_same_slip_again_is_caught(context, ws, users) -> None:
    with_account(context)
    first = reviewed_with_fee(context, ws, users, hour=9)
    second = reviewed_with_fee(context, ws, users, hour=10)
    slip = encoded(slip_image("014", "SCB2026112400001"), "JPEG", quality=75)
    doc = reply_with(context, first, "slip.jpg", slip, "image/jpeg")
    assert match(context) == 1
    assert match(context) == 0  # each file is looked at once
    # The same slip sent for the other request: flagged, held for finance, nothing moves.
    again = reply_with(context, second, "สลิป.jpg", slip, "image/jpeg")
    assert match(context) == 0
    with context.read() as session:
        paid = session.scalars(select(Payment).where(Payment.application_id == first)).one()
        other = session.scalars(select(Payment).where(Payment.application_id == second)).one()
        statuses = [session.get(Application, i).status for i in (first, second)]
        flags = session.get(Document, again).flags
        reused = [
            json.loads(e.payload)
            for e in session.scalars(select(Event).where(Event.type == "fees.slip_reused"))
        ]
    assert (paid.status, paid.evidence_document_id) == ("submitted", doc)
    assert (paid.slip_bank, paid.slip_reference) == ("014", "SCB2026112400001")
    assert other.status == "due" and statuses == ["payment_to_verify", "payment_due"]
    assert "fee_slip_reused" in flags
    assert reused == [
        {"payment": other.id, "document": again, "slip_bank": "014",
         "slip_reference": "SCB2026112400001", "used_by_payment": paid.id}
    ]  # fmt: skip


def test_a_slip_without_a_qr_is_evidence_for_the_officer_to_read(context, ws, users) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users)
    plain = encoded(Image.new("RGB", (300, 400), "white"), "PNG")
    doc = reply_with(context, app_id, "payment.png", plain, "image/png")
    assert match(context) == 1
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
        flags = session.get(Document, doc).flags
    assert payment.status == "submitted" and payment.slip_reference == ""
    assert "fee_slip_no_qr" in flags
