"""A fee end to end through a real Dovecot and a real SMTP server: the notice goes out by
SMTP when the review ends; the applicant answers it from her mail program with a photo of the
slip carrying the bank's verification QR, APPENDed to Dovecot; the next sync takes the reply
onto her request and matches the slip to the payment offline; finance verifies; the receipt
goes out in the same thread with the PDF. Nothing is faked but the clock."""

# ruff: noqa: F401, F811  (fixtures imported from test_review and the peers)
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from app.bootstrap import match_slips_quietly
from models import Agency, Application, Payment
from services import fees
from services.intake.sync import run_sync
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from tests.data import mail_corpus as corpus
from tests.integration.test_fee_inbox import payment_of
from tests.integration.test_fee_slips import encoded, slip_image
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_intake_e2e import OFFICIAL, body, make_plan, to
from tests.integration.test_review import accept_all, submit, users, ws
from tests.pdf_reading import folded, pypdf_pages
from tests.peers.dovecot import DovecotServer
from tests.peers.smtp import SmtpSink

pytestmark = pytest.mark.peer


def test_notice_slip_reply_match_verify_receipt_through_real_mail(
    context, ws, users, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = OFFICIAL
    with_account(context)
    applicant = "p9@example.co.th"
    app_id = reviewed_with_fee(context, ws, users, hour=9)  # the notice is queued
    plan = make_plan(dovecot, smtp_sink)
    assert run_sync(context, plan).ok
    notice = next(m for m in to(smtp_sink, applicant) if "แจ้งชำระ" in str(m["Subject"]))
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
        tracking = session.get(Application, app_id).tracking_number
    assert payment.transaction_id in str(notice["Subject"])
    assert any(p.get_filename() == f"payment_notice_{tracking.replace('/', '_')}.pdf"
               for p in notice.iter_attachments())  # fmt: skip
    # The applicant answers the notice with a photo of the slip.
    slip = encoded(
        slip_image("004", "KB2026112415300077").rotate(7, expand=True, fillcolor="white"),
        "JPEG", quality=70,
    )  # fmt: skip
    reply = corpus.mail_with_files(
        [("สลิปโอนเงิน.jpg", slip)],
        subject=f"Re: {corpus.encoded_word('ชำระค่าธรรมเนียมแล้ว', 'utf-8')}",
        sender=f"{corpus.encoded_word('สมชาย ใจดี', 'utf-8')} <{applicant}>",
        message_id="<slip-reply-1@example.co.th>",
        extra=[f"In-Reply-To: {notice['Message-ID']}", f"References: {notice['Message-ID']}"],
    )
    dovecot.append("INBOX", reply, datetime(2026, 11, 24, 15, 30, tzinfo=BANGKOK))
    report = run_sync(context, plan)
    assert report.ok and [p.outcomes for p in report.parts if p.component.startswith("mail:")] == [
        {"appended": 1}
    ]
    match_slips_quietly(context)  # what the sync loop runs next
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
        app = session.get(Application, app_id)
    assert (payment.status, payment.slip_bank, payment.slip_reference) == (
        "submitted", "004", "KB2026112415300077"
    )  # fmt: skip
    assert app.status == "payment_to_verify"
    # Finance verifies; the receipt goes out with the next sync, in the applicant's thread.
    number = ws.fees.verify(users["finance"], payment.id)
    assert run_sync(context, plan).ok
    receipt = next(m for m in to(smtp_sink, applicant) if number in body(m))
    assert receipt["From"].addresses[0].addr_spec == OFFICIAL
    assert tracking in str(receipt["Subject"])
    (pdf,) = [p for p in receipt.iter_attachments() if p.get_content_type() == "application/pdf"]
    text = " ".join(pypdf_pages(pdf.get_content()))
    for phrase in ("ใบเสร็จรับเงิน", f"เลขที่ {number}", "สองร้อยบาทถ้วน", tracking):
        assert folded(phrase) in text, phrase
    with context.read() as session:
        assert session.get(Application, app_id).status == "ready_for_approval"


def test_the_refund_paid_back_reaches_the_payer_through_real_smtp(
    context, ws, users, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = OFFICIAL
    with_account(context)
    applicant = "p9@example.co.th"
    app_id = reviewed_with_fee(context, ws, users, hour=9)
    finance = users["finance"]
    with context.unit_of_work(Actor.from_user(finance)) as uow:
        fees.record_evidence(uow, context.calendar, payment_of(context, app_id).id, None)
    ws.fees.verify(finance, payment_of(context, app_id).id, "250")  # the fee is 200 baht
    today = context.clock.now().astimezone(BANGKOK).date()
    ws.fees.mark_refunded(finance, payment_of(context, app_id).id, "transfer", "SCB-77", today)
    assert run_sync(context, make_plan(dovecot, smtp_sink)).ok
    (letter,) = [m for m in to(smtp_sink, applicant) if "คืนเงินที่ชำระเกิน" in str(m["Subject"])]
    assert letter["From"].addresses[0].addr_spec == OFFICIAL
    text = body(letter).replace("\r\n", "\n")  # SMTP carries CRLF line ends
    assert "ได้คืนเงินส่วนที่เกิน 50.00 บาท (ห้าสิบบาทถ้วน) ให้ท่านแล้ว\n" in text
    assert "โดยการโอนเข้าบัญชีของท่าน เมื่อวันที่ 25 พฤศจิกายน 2569\nเลขอ้างอิงการโอน: SCB-77\n" in text
    assert "by bank transfer on 25 November 2026.\nTransfer reference: SCB-77\n" in text
