"""Fees due at submission and cash at the counter, on a real encrypted profile: a request of
such a service gets its payment and notice when it is registered (by mail after the sync, at
the counter at once), once; the review's end waits for the fee only while it is unpaid; the
finance officer takes cash at the counter and gets the receipt PDF to print at once."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import match_slips_quietly
from models import Application, Event, OutboxMessage, Payment
from services.api.intake import CounterRequest
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput, PermissionDenied
from tests.catalog_changes import change_service
from tests.data import mail_corpus as corpus
from tests.integration.test_fees import with_account
from tests.integration.test_review import accept_all, submit, users, ws
from tests.pdf_reading import folded, pypdf_pages


def payments(context, app_id: str) -> list[Payment]:
    with context.read() as session:
        return list(
            session.scalars(
                select(Payment).where(Payment.application_id == app_id).order_by(Payment.created_at)
            )
        )


def notices(context, app_id: str) -> int:
    with context.read() as session:
        return len(
            session.scalars(
                select(OutboxMessage.id).where(
                    OutboxMessage.application_id == app_id,
                    OutboxMessage.kind == "payment_notice",
                )
            ).all()
        )


def test_a_fee_due_at_submission_is_asked_for_at_registration_and_holds_the_review_end(
    context, ws, users
) -> None:
    with_account(context)
    change_service(context, "FOOD-NOTICE", fee_due="at_submission")
    unpaid = submit(context, hour=9, email="a@example.co.th")
    paid_early = submit(context, hour=10, email="b@example.co.th")
    match_slips_quietly(context)  # what runs after each sync
    match_slips_quietly(context)  # and again: nothing more
    for app_id in (unpaid, paid_early):
        (payment,) = payments(context, app_id)
        assert (payment.stage, payment.status, payment.amount_satang) == (
            "at_submission", "due", 20000
        )  # fmt: skip
        assert notices(context, app_id) == 1
    with context.read() as session:
        mail = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.application_id == unpaid, OutboxMessage.kind == "payment_notice"
            )
        ).one()
    assert "ค่าธรรมเนียมของงานบริการนี้ชำระเมื่อยื่นคำขอ" in mail.body_text
    # Paid in cash before the review ends: the request stays in review, then goes on.
    finance = users["finance"]
    number, name, pdf = ws.fees.record_cash(
        finance, payments(context, paid_early)[0].transaction_id, "200"
    )
    with context.read() as session:
        assert session.get(Application, paid_early).status == "received"
    # Unpaid at the review's end: payment due, with no second notice.
    accept_all(ws, users["reviewer"], unpaid)
    assert ws.review.mark_reviewed(users["reviewer"], unpaid) == "payment_due"
    assert len(payments(context, unpaid)) == 1 and notices(context, unpaid) == 1
    # The one paid early goes straight on.
    accept_all(ws, users["reviewer"], paid_early)
    assert ws.review.mark_reviewed(users["reviewer"], paid_early) == "ready_for_approval"


def test_cash_at_the_counter_is_verified_with_the_receipt_to_print_at_once(
    context, ws, users, tmp_path: Path
) -> None:
    with_account(context)
    change_service(context, "FOOD-NOTICE", fee_due="at_submission")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(corpus.file_pdf(1))
    tracking = ws.intake.register_counter_request(
        users["intake"],
        CounterRequest(
            applicant_kind="person", applicant_name="นางสาวสมหญิง ใจดี", national_id="",
            email="somying@example.co.th", phone="081-000-0000", service_code="FOOD-NOTICE",
            subject="ยื่นคำขอที่เคาน์เตอร์", note="", files=(str(scan),),
        ),
    )  # fmt: skip
    with context.read() as session:
        app_id = session.scalars(
            select(Application.id).where(Application.tracking_number == tracking)
        ).one()
    (payment,) = payments(context, app_id)  # at once, while the applicant is at the counter
    assert payment.stage == "at_submission" and notices(context, app_id) == 1
    with pytest.raises(PermissionDenied):
        ws.fees.record_cash(users["intake"], tracking, "200")
    with pytest.raises(InvalidInput, match="type it as a number"):
        ws.fees.record_cash(users["finance"], tracking, "200 baht")
    with pytest.raises(InvalidInput, match="Check the code on the payment notice"):
        ws.fees.record_cash(users["finance"], "TST-ST1-2569-999999", "200")
    number, name, pdf = ws.fees.record_cash(users["finance"], tracking, "200.00")
    (payment,) = payments(context, app_id)
    assert (payment.status, payment.channel, payment.receipt_number) == ("verified", "cash", number)
    assert name == f"receipt_{number.replace('/', '-')}.pdf" and pdf.startswith(b"%PDF-")
    text = " ".join(pypdf_pages(pdf))
    for phrase in ("ใบเสร็จรับเงิน", f"เลขที่ {number}", "นางสาวสมหญิง ใจดี", "สองร้อยบาทถ้วน"):
        assert folded(phrase) in text, phrase
    with context.read() as session:
        cash = [
            json.loads(e.payload)
            for e in session.scalars(select(Event).where(Event.type == "fees.cash_received"))
        ]
        receipt_mail = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.application_id == app_id, OutboxMessage.kind == "payment_receipt"
            )
        ).one()
    assert cash == [{"payment": payment.id, "amount_satang": 20000, "receipt_number": number}]
    assert "your request goes on being reviewed" in receipt_mail.body_text
    with pytest.raises(InvalidInput, match="No fee is awaiting payment"):
        ws.fees.record_cash(users["finance"], tracking, "200")  # once only
