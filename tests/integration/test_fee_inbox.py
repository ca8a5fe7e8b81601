"""The finance inbox and payment mail at intake, on a real encrypted profile: a slip mail
tied to no payment lands in the inbox with its sender and mail and is attached to a payment
(or set aside) once; a mail naming another request's Transaction ID goes to that request's
payment; a slip used before is refused across requests; an amount that does not fit the fee
asks for the rest or records a refund, each with the applicant's letter."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from models import Application, Document, Event, FeeInboxItem, OutboxMessage, Payment
from services import fees
from services.fees.amounts import parse_baht
from services.fees.inbox import InboxTaken, read_inbox_slips
from services.intake.mail.parse import ParsedAttachment
from services.intake.pipeline import Arrival, ingest
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput
from services.reports.monthly import monthly_report
from services.reports.period import ReportPeriod
from tests.integration.test_fee_slips import encoded, match, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import accept_all, submit, users, ws


def slip_mail(
    key: str, sender: str, subject: str, *, slip: bytes | None, body: str = "โอนแล้วค่ะ",
    in_reply_to: str | None = None, minute: int = 0,
) -> Arrival:  # fmt: skip
    files = (ParsedAttachment("slip.jpg", "image/jpeg", slip),) if slip is not None else ()
    return Arrival(
        channel="email",
        source_key=f"{key}@example.co.th",
        received_at=datetime(2026, 11, 24, 14, minute, tzinfo=BANGKOK).astimezone(UTC),
        subject=subject,
        body_text=body,
        sender_name="ผู้ชำระ แทนกัน",
        sender_address=sender,
        reply_to=sender,
        attachments=files,
        in_reply_to=in_reply_to,
    )


def payment_of(context, app_id: str) -> Payment:
    with context.read() as session:
        return session.scalars(
            select(Payment)
            .where(Payment.application_id == app_id)
            .order_by(Payment.created_at.desc(), Payment.transaction_id.desc())
        ).first()


def test_a_slip_from_a_stranger_waits_in_the_inbox_and_is_attached_once(context, ws, users) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users)
    applications_before = _count(context, Application)
    slip = encoded(slip_image("014", "SCB2026112400077"), "JPEG", quality=80)
    outcome = ingest(
        context,
        slip_mail("stranger-1", "accounts@other.example.com", "สลิปโอนเงินค่าธรรมเนียม", slip=slip),
    )
    assert outcome.kind == "finance_inbox" and outcome.application_id is None
    assert _count(context, Application) == applications_before  # not a new request
    rows = ws.fees.inbox(users["finance"])
    assert len(rows) == 1
    row = rows[0]
    assert (row.sender_address, row.subject) == (
        "accounts@other.example.com", "สลิปโอนเงินค่าธรรมเนียม"
    )  # fmt: skip
    assert row.reason_code == "no_match" and row.has_file and row.body_text == "โอนแล้วค่ะ"
    name, kind, data = ws.fees.inbox_file(users["finance"], row.item_id)
    assert (name, kind, data) == ("slip.jpg", "image/jpeg", slip)
    # After the sync the QR is read: bank and reference shown to the officer.
    match(context)
    with context.unit_of_work(Actor.from_user(users["finance"])) as uow:
        read_inbox_slips(uow, context.store.blobs)
    row = ws.fees.inbox(users["finance"])[0]
    assert (row.slip_bank, row.slip_reference) == ("014", "SCB2026112400077")
    # A wrong code is refused with what to do; nothing moves.
    with pytest.raises(InvalidInput, match="Check the code on the payment notice"):
        ws.fees.attach_slip(users["finance"], row.item_id, "ZZ0000000000")
    payment = payment_of(context, app_id)
    tracking = ws.fees.attach_slip(users["finance"], row.item_id, payment.transaction_id.lower())
    with pytest.raises(InboxTaken, match="already dealt with"):
        ws.fees.set_aside_slip(users["finance"], row.item_id, "ซ้ำ")
    payment = payment_of(context, app_id)
    with context.read() as session:
        app = session.get(Application, app_id)
        evidence = session.get(Document, payment.evidence_document_id)
        item = session.get(FeeInboxItem, row.item_id)
        attached = [
            json.loads(e.payload)
            for e in session.scalars(select(Event).where(Event.type == "fees.inbox_attached"))
        ]
    assert tracking == app.tracking_number and app.status == "payment_to_verify"
    assert payment.status == "submitted" and context.store.blobs.get(evidence.blob_sha256) == slip
    assert (payment.slip_bank, payment.slip_reference) == ("014", "SCB2026112400077")
    assert "fee_slip_checked" in evidence.flags and evidence.application_id == app_id
    assert (item.status, item.payment_id, item.decided_by) == ("attached", payment.id, "finance")
    assert attached[0]["sender"] == "accounts@other.example.com"
    assert ws.fees.inbox(users["finance"]) == []
    assert match(context) == 0  # the attached slip is not matched a second time


def test_a_new_request_with_its_slip_among_the_files_is_a_request(context, ws, users) -> None:
    """An applicant who pays before submitting sends the slip with the form: the mail names
    a service, so it is a new request, not a slip for the finance inbox."""
    slip = encoded(slip_image("014", "SCB2026112400078"), "JPEG", quality=80)
    outcome = ingest(
        context,
        slip_mail(
            "new-with-slip", "somchai@example.co.th",
            "คำขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ (อู่ซ่อมรถยนต์)",
            slip=slip, body="แนบแบบคำขอและสลิปโอนค่าธรรมเนียมครับ",
        ),
    )  # fmt: skip
    assert outcome.kind == "new" and outcome.application_id is not None
    assert ws.fees.inbox(users["finance"]) == []


def test_a_slip_used_before_is_refused_from_the_inbox(context, ws, users) -> None:
    with_account(context)
    first = reviewed_with_fee(context, ws, users, hour=9)
    second = reviewed_with_fee(context, ws, users, hour=10)
    slip = encoded(slip_image("004", "KB2026112400001"), "PNG")
    for n in (1, 2):
        ingest(context, slip_mail(f"slip-{n}", "x@other.example.com", "payment slip", slip=slip))
    with context.unit_of_work(Actor.from_user(users["finance"])) as uow:
        read_inbox_slips(uow, context.store.blobs)
    one, two = ws.fees.inbox(users["finance"])
    ws.fees.attach_slip(users["finance"], one.item_id, payment_of(context, first).transaction_id)
    two = ws.fees.inbox(users["finance"])[0]
    first_tracking = _tracking(context, first)
    assert two.used_by_tracking == first_tracking
    with pytest.raises(
        InvalidInput, match=f"already proves the payment of request {first_tracking}"
    ):
        ws.fees.attach_slip(
            users["finance"], two.item_id, payment_of(context, second).transaction_id
        )
    assert payment_of(context, second).status == "due"
    with pytest.raises(InvalidInput, match="reason"):
        ws.fees.set_aside_slip(users["finance"], two.item_id, "   ")
    ws.fees.set_aside_slip(users["finance"], two.item_id, "สลิปซ้ำกับคำขออื่น")
    with context.read() as session:
        item = session.get(FeeInboxItem, two.item_id)
    assert (item.status, item.decision_reason) == ("set_aside", "สลิปซ้ำกับคำขออื่น")
    assert ws.fees.inbox(users["finance"]) == []


def test_a_mail_on_one_request_naming_anothers_transaction_id_pays_the_other(
    context, ws, users
) -> None:
    with_account(context)
    fees_first = reviewed_with_fee(context, ws, users, hour=9)
    other = submit(context, hour=11, email="p9@example.co.th")  # same applicant, in review
    wanted = payment_of(context, fees_first)
    slip = encoded(slip_image("006", "KTB2026112400042"), "JPEG", quality=80)
    outcome = ingest(
        context,
        slip_mail("cross-1", "p9@example.co.th", f"ชำระค่าธรรมเนียม {wanted.transaction_id}",
                  slip=slip, in_reply_to=_inbound_key(context, other)),
    )  # fmt: skip
    assert (outcome.kind, outcome.application_id) == ("appended", fees_first)
    assert match(context) == 1
    paid = payment_of(context, fees_first)
    assert paid.status == "submitted" and paid.slip_reference == "KTB2026112400042"
    # The same Transaction ID from someone else is not added to her request: the inbox.
    stranger = ingest(
        context,
        slip_mail("cross-2", "someone@else.example.com", f"โอนแล้ว {wanted.transaction_id}",
                  slip=encoded(slip_image("006", "KTB2026112400043"), "PNG")),
    )  # fmt: skip
    rows = ws.fees.inbox(users["finance"])
    assert stranger.kind == "finance_inbox" and rows[0].reason_code == "not_applicant"
    assert rows[0].suggested_reference == wanted.transaction_id


def test_underpaid_asks_for_the_rest_and_overpaid_records_a_refund(context, ws, users) -> None:
    with_account(context)
    short_app = reviewed_with_fee(context, ws, users, hour=9)
    over_app = reviewed_with_fee(context, ws, users, hour=10)
    finance = users["finance"]
    for app_id in (short_app, over_app):
        with context.unit_of_work(Actor.from_user(finance)) as uow:
            fees.record_evidence(uow, context.calendar, payment_of(context, app_id).id, None)
    with pytest.raises(InvalidInput, match="type it as a number"):
        ws.fees.verify(finance, payment_of(context, short_app).id, "สองร้อย")
    first = payment_of(context, short_app)
    receipt = ws.fees.verify(finance, first.id, "150.00")
    rest = payment_of(context, short_app)
    with context.read() as session:
        app = session.get(Application, short_app)
        short = session.get(Payment, first.id)
        letters = session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.application_id == short_app)
            .order_by(OutboxMessage.created_at, OutboxMessage.kind)
        ).all()
    assert (short.status, short.paid_satang, short.receipt_number) == ("short", 15000, receipt)
    assert app.status == "payment_due"
    assert (rest.status, rest.amount_satang) == ("due", 5000)
    assert rest.transaction_id != first.transaction_id and rest.transaction_id[-2] == "2"
    mail = next(m for m in letters if m.kind == "payment_receipt")
    assert "150.00 บาท" in mail.body_text and "50.00 บาท" in mail.body_text
    assert "50.00 baht is still to pay" in mail.body_text
    assert "short" not in mail.body_text  # the officer's word is not the applicant's
    assert sum(m.kind == "payment_notice" for m in letters) == 2
    # The rest paid: the request moves on.
    with context.unit_of_work(Actor.from_user(finance)) as uow:
        fees.record_evidence(uow, context.calendar, rest.id, None)
    ws.fees.verify(finance, rest.id)
    with context.read() as session:
        assert session.get(Application, short_app).status == "ready_for_approval"
    # Overpaid: verified for the fee, the refund owed recorded and told.
    over = payment_of(context, over_app)
    ws.fees.verify(finance, over.id, "1,200")
    over = payment_of(context, over_app)
    with context.read() as session:
        verified = [
            json.loads(e.payload)
            for e in session.scalars(select(Event).where(Event.type == "fees.verified"))
        ]
        letter = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.application_id == over_app, OutboxMessage.kind == "payment_receipt"
            )
        ).one()
    assert (over.status, over.paid_satang) == ("verified", 120000)
    assert verified[-1]["refund_satang"] == 100000
    assert "1,000.00 บาท" in letter.body_text and "refund" in letter.body_text
    # The ledger counts money received: 150 + 50 + 200 = 400 baht.
    rows = ws.fees.ledger_file(
        finance, datetime(2026, 11, 24).date(), datetime(2026, 11, 30).date(), "csv"
    )
    assert "400.00" in rows.decode("utf-8-sig").splitlines()[-1]
    # The month's report counts the same fees as the receipts.
    with context.read() as session:
        report = monthly_report(
            session, context.calendar, ReportPeriod(date(2026, 11, 1), date(2026, 11, 30)),
            datetime(2026, 12, 1, tzinfo=UTC),
        )  # fmt: skip
    assert report.total.fees_satang == 40000


def test_amounts_read_off_a_slip() -> None:
    assert parse_baht("1,000") == 100000
    assert parse_baht(" 1000.5 ") == 100050
    assert parse_baht("200.00 บาท") == 20000
    for bad in ("", "1.234", "-5", "12a", "0"):
        with pytest.raises(InvalidInput):
            parse_baht(bad)


def _count(context, model) -> int:
    with context.read() as session:
        return len(session.scalars(select(model.id)).all())


def _tracking(context, app_id: str) -> str:
    with context.read() as session:
        return session.get(Application, app_id).tracking_number


def _inbound_key(context, app_id: str) -> str:
    from models import InboundMessage

    with context.read() as session:
        return session.scalars(
            select(InboundMessage.source_key).where(InboundMessage.application_id == app_id)
        ).first()
