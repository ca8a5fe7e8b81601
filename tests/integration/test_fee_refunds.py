"""Refunds owed on overpayments, on a real encrypted profile (and with ANUYAT_TEST_DB=postgres
on an agency server): the list names what the agency owes, oldest first; finance records one
paid back once — how, the reference, the day — with an event; a second recording, a bad
reference or date, and any role but finance are refused in Thai and English; the ledger of
the period carries the refund as money going out."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from models import Agency, Application, Event, OutboxMessage, Payment
from services import fees
from services.fees.refunds import RefundTaken
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, PermissionDenied
from tests.integration.test_fee_inbox import payment_of
from tests.integration.test_fees import reviewed_with_fee, with_account
from tests.integration.test_review import accept_all, submit, users, ws


def _paid(context, ws, users, app_id: str, amount: str = "") -> None:
    finance = users["finance"]
    with context.unit_of_work(Actor.from_user(finance)) as uow:
        fees.record_evidence(uow, context.calendar, payment_of(context, app_id).id, None)
    ws.fees.verify(finance, payment_of(context, app_id).id, amount)


def test_an_overpayment_is_owed_until_finance_records_it_paid_back_once(context, ws, users) -> None:
    with_account(context)
    over, exact = (reviewed_with_fee(context, ws, users, hour=h) for h in (9, 10))
    _paid(context, ws, users, over, "1,250.50")  # the fee is 200 baht
    _paid(context, ws, users, exact)
    finance = users["finance"]
    owed = ws.fees.refunds_owed(finance)
    payment = payment_of(context, over)
    assert [(r.tracking_number, r.refund_satang) for r in owed] == [
        (owed[0].tracking_number, 105050)
    ]
    row = owed[0]
    assert row.payment_id == payment.id and row.receipt_number == payment.receipt_number
    assert row.payer and row.owed_since == payment.verified_at
    assert "1" not in "".join(c for c in row.payer if c.isdigit())  # no ID number shown
    # Only finance sees what is owed, and only finance records a refund.
    for role in ("reviewer", "intake"):
        with pytest.raises(PermissionDenied):
            ws.fees.refunds_owed(users[role])
        with pytest.raises(PermissionDenied):
            ws.fees.mark_refunded(users[role], payment.id, "transfer", "X1", _today(context))
    # Bad input: told what to do, nothing changed.
    today = _today(context)
    bad = [
        ("cheque", "REF-1", today, "transfer or cash"),
        ("transfer", "   ", today, "Type the transfer's reference"),
        ("transfer", "R" * 101, today, "longer than 100"),
        ("transfer", "REF-1", today + timedelta(days=1), "cannot be in the future"),
        ("cash", "PV-1", today - timedelta(days=30), "before the payment was taken"),
    ]
    for method, reference, day, words in bad:
        with pytest.raises(InvalidInput, match=words) as caught:
            ws.fees.mark_refunded(finance, payment.id, method, reference, day)
        assert caught.value.th  # the Thai message too
    assert len(ws.fees.refunds_owed(finance)) == 1
    # Paid back by transfer: recorded once, with its event; the list is empty.
    ws.fees.mark_refunded(finance, payment.id, "transfer", " KTB-20261124-0042 ", today)
    assert ws.fees.refunds_owed(finance) == []
    with pytest.raises(RefundTaken, match="already recorded") as again:
        ws.fees.mark_refunded(finance, payment.id, "cash", "PV-2", today)
    assert "บันทึกไว้แล้ว" in again.value.th
    # A payment that was never over the fee has nothing to refund.
    with pytest.raises(RefundTaken):
        ws.fees.mark_refunded(finance, payment_of(context, exact).id, "cash", "PV-3", today)
    with context.read() as session:
        stored = session.get(Payment, payment.id)
        events = [
            json.loads(e.payload)
            for e in session.scalars(select(Event).where(Event.type == "fees.refunded"))
        ]
    assert (stored.refunded_on, stored.refund_method, stored.refund_reference) == (
        today, "transfer", "KTB-20261124-0042"
    )  # fmt: skip
    assert stored.refunded_by == finance.user_id and stored.refund_recorded_at is not None
    assert len(events) == 1 and events[0]["refund_satang"] == 105050
    assert events[0]["reference"] == "KTB-20261124-0042"
    # The ledger of the day: two receipts of the fee (200 each), the 1,050.50 paid over it
    # held, then paid back: fees received 400, money held for refunds back to nothing.
    for kind in ("csv", "xlsx"):
        data = ws.fees.ledger_file(finance, today, today, kind)
        if kind == "csv":
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            assert rows[0][9].startswith("รับเกินต้องคืน")
            assert [r[9] for r in rows[1:3]] == ["1050.50", ""]
            refund = rows[-2]
            assert refund[0] == stored.receipt_number and refund[1] == today.isoformat()
            assert (refund[6], refund[9]) == ("0.00", "-1050.50")
            assert refund[7].startswith("คืนเงิน (Refund): โอนเงิน (Transfer) KTB-20261124-0042")
            assert rows[-1][0] == "รวม (Total)" and (rows[-1][6], rows[-1][9]) == ("400.00", "0.00")
        else:
            sheet = load_workbook(io.BytesIO(data)).active
            amounts = [sheet.cell(row=r, column=7).value for r in (2, 3, 4)]
            held = [sheet.cell(row=r, column=10).value for r in (2, 3, 4)]
            assert amounts == [200.0, 200.0, 0.0] and held == [10.505e2, None, -10.505e2]
            assert sheet["G5"].value == "=SUM(G2:G4)" and sheet["J5"].value == "=SUM(J2:J4)"
    # A period without the refund day does not carry it.
    earlier = ws.fees.ledger_file(
        finance, today - timedelta(days=3), today - timedelta(days=1), "csv"
    )
    assert "Refund" not in earlier.decode("utf-8-sig")


def _today(context):
    return context.clock.now().astimezone(BANGKOK).date()


def test_the_payer_is_told_by_letter_how_and_when_the_refund_went_back(context, ws, users) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users, hour=9)
    _paid(context, ws, users, app_id, "1,250.50")  # the fee is 200 baht
    payment = payment_of(context, app_id)
    with context.read() as session:
        before = session.scalars(select(OutboxMessage.id)).all()
    ws.fees.mark_refunded(users["finance"], payment.id, "cash", "PV-2569/0042", _today(context))
    with context.read() as session:
        app = session.get(Application, app_id)
        (letter,) = session.scalars(
            select(OutboxMessage).where(OutboxMessage.id.not_in(before))
        ).all()
        event = session.scalars(select(Event).where(Event.type == "fees.refunded")).one()
    assert json.loads(event.payload)["letter_outbox_id"] == letter.id
    assert (letter.kind, letter.to_addr, letter.application_id) == (
        "refund_paid", "p9@example.co.th", app_id
    )  # fmt: skip
    assert app.tracking_number == "TST-ST1-2569-000001"
    assert letter.subject == (
        "คืนเงินที่ชำระเกิน คำขอเลขที่ TST-ST1-2569-000001 / Overpayment refunded for request "
        "TST-ST1-2569-000001"
    )
    # The payer's words only: the amount, how, the day, the reference, whom to ask — no
    # officer's name, no internal note.
    assert letter.body_text == (
        "เรียน นายสมชาย ใจดี\n\n"
        "ท่านชำระค่าธรรมเนียมคำขอ “หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร "
        "(พื้นที่ไม่เกิน 200 ตารางเมตร)” เลขที่ TST-ST1-2569-000001 เกินจำนวนที่ต้องชำระ\n"
        "เทศบาลตำบลทดสอบ ได้คืนเงินส่วนที่เกิน 1,050.50 บาท (หนึ่งพันห้าสิบบาทห้าสิบสตางค์) ให้ท่านแล้ว\n"
        "โดยการจ่ายเป็นเงินสด เมื่อวันที่ 25 พฤศจิกายน 2569\n"
        "เลขที่ใบสำคัญจ่าย: PV-2569/0042\n"
        "ใบเสร็จรับเงินค่าธรรมเนียมเลขที่ 2570/000001\n\n"
        "หากท่านยังไม่ได้รับเงิน หรือมีข้อสงสัย โปรดติดต่อ saraban@test-municipality.example.go.th "
        "โทร 042-000-001\n"
        "พร้อมแจ้งเลขที่คำขอ\n\n"
        "เทศบาลตำบลทดสอบ\n" + "-" * 74 + "\n"
        "Dear นายสมชาย ใจดี,\n\n"
        "You paid more than the fee for your request TST-ST1-2569-000001 (“Certificate of "
        "notification for a food shop or food storage premises (up to 200 square metres)”).\n"
        "Test Subdistrict Municipality has paid the difference of 1,050.50 baht back to you\n"
        "in cash on 25 November 2026.\n"
        "Payment voucher number: PV-2569/0042\n"
        "Fee receipt: 2570/000001\n\n"
        "If you have not received the money, or have a question, please contact "
        "saraban@test-municipality.example.go.th,\n"
        "phone 042-000-001, quoting the request number.\n\n"
        "Test Subdistrict Municipality"
    )
    for officer in users.values():
        assert officer.display_name not in letter.body_text


def test_a_refund_by_transfer_names_the_transfer_and_its_reference(context, ws, users) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users, hour=9)
    _paid(context, ws, users, app_id, "300")
    payment = payment_of(context, app_id)
    ws.fees.mark_refunded(users["finance"], payment.id, "transfer", "KTB-0042", _today(context))
    with context.read() as session:
        body = session.scalars(
            select(OutboxMessage.body_text).where(OutboxMessage.kind == "refund_paid")
        ).one()
    assert "คืนเงินส่วนที่เกิน 100.00 บาท (หนึ่งร้อยบาทถ้วน)" in body
    assert "โดยการโอนเข้าบัญชีของท่าน เมื่อวันที่ 25 พฤศจิกายน 2569\nเลขอ้างอิงการโอน: KTB-0042\n" in body
    assert "by bank transfer on 25 November 2026.\nTransfer reference: KTB-0042\n" in body
