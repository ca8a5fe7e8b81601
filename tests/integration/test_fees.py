"""Fees on a real encrypted profile: the fee falls due with the decision that causes it (a
Payment, the notice mail and its PDF with a PromptPay QR that decodes from the rendered
page), the gate holds until finance verifies, receipts are numbered per fiscal year, and two
officers deciding one payment at once cannot both win."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select

from models import Application, Document, Event, OutboxMessage, Payment, ServiceType
from services import fees
from services.api.approval import Approval as ApprovalFacade
from services.api.approval import SigningChoice, SigningSettings
from services.approval import BatchItem
from services.cases.applications import change_status
from services.catalog.loader import Fee
from services.fees.account import AccountDetails, set_account
from services.fees.promptpay import read_payload
from services.fees.receipts import next_receipt_number
from services.fees.transaction_id import is_valid_transaction_id
from services.kernel.actors import SYSTEM, Actor
from services.kernel.clock import BANGKOK
from services.kernel.errors import IllegalTransition, InvalidInput, PermissionDenied
from services.produce.sign import Pin
from tests.catalog_changes import change_service
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_review import accept_all, submit, users, ws
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact
from tests.peers.tools import require_tool

BILLER = "099400015804500"


def with_account(context, kind: str = "bill_payment", promptpay_id: str = BILLER) -> None:
    with context.unit_of_work(SYSTEM) as uow:
        set_account(
            uow,
            AccountDetails(
                bank_name_th="ธนาคารกรุงไทย สาขานครพนม",
                bank_name_en="Krung Thai Bank, Nakhon Phanom",
                account_number="123-4-56789-0",
                account_name_th="เทศบาลตำบลทดสอบ (เงินรายได้)",
                promptpay_kind=kind,
                promptpay_id=promptpay_id,
            ),
        )


def fee_before_approval(context, code: str = "FOOD-NOTICE") -> None:
    if context.catalog.get(code).fee.due != "before_approval":
        change_service(context, code, fee_due="before_approval")


def reviewed_with_fee(context, ws, users, hour: int = 9) -> str:
    fee_before_approval(context)
    app_id = submit(context, hour=hour, email=f"p{hour}@example.co.th")
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "payment_due"
    return app_id


def test_the_fee_falls_due_with_a_notice_whose_qr_decodes_from_the_page(context, ws, users) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users)
    with context.read() as session:
        app = session.get(Application, app_id)
        payment = session.scalars(select(Payment)).one()
        mail = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "payment_notice")
        ).one()
        pdf_doc = session.scalars(
            select(Document).where(Document.filename.like("payment_notice_%"))
        ).one()
        due_event = session.scalars(select(Event).where(Event.type == "fees.due")).one()
        data = context.store.blobs.get(pdf_doc.blob_sha256)
    assert payment.status == "due" and payment.amount_satang == 20000
    assert payment.stage == "before_approval" and is_valid_transaction_id(payment.transaction_id)
    assert payment.due_at is not None and payment.due_at > payment.created_at
    assert payment.notice_outbox_id == mail.id
    assert json.loads(due_event.payload)["notice_outbox_id"] == mail.id
    # The mail: Thai first then English, to the applicant, the PDF attached, in the thread.
    assert mail.to_addr == "p9@example.co.th"
    assert payment.transaction_id in mail.subject and app.tracking_number in mail.subject
    body = mail.body_text
    assert body.index("โปรดชำระค่าธรรมเนียม 200.00 บาท (สองร้อยบาทถ้วน)") < body.index("Please pay")
    assert "123-4-56789-0" in body and BILLER in body
    # The evidence it accepts, named (the guidelines' P6: accepted evidence types).
    assert "(สลิป) เป็นไฟล์ JPG, PNG หรือ PDF" in body and "slip (JPG, PNG or PDF)" in body
    assert mail.attachments[0]["sha256"] == pdf_doc.blob_sha256
    # The PDF: Thai extracts exactly with both readers; the QR decodes from the rendered page.
    path = save_artifact("payment_notice.pdf", data)
    text = " ".join(pypdf_pages(data))
    layout = " ".join(pdftotext_pages(path))
    expected = ("หนังสือแจ้งชำระค่าธรรมเนียม", "สองร้อยบาทถ้วน", "200.00 บาท",
                payment.transaction_id, "ธนาคารกรุงไทย สาขานครพนม", "เทศบาลตำบลทดสอบ",
                "สลิปการโอน (JPG, PNG หรือ PDF)", "transfer slip (JPG, PNG or PDF)")  # fmt: skip
    for phrase in expected:
        assert folded(phrase) in text and folded(phrase) in layout, phrase
    page = path.with_name("payment_notice-150")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(page)], check=True
    )
    found = zxingcpp.read_barcodes(Image.open(page.with_suffix(".png")))
    assert len(found) == 1
    assert read_payload(found[0].text) == {
        "kind": "bill_payment",
        "target": BILLER,
        "reference_1": payment.transaction_id,
        "amount": "200.00",
    }


def test_the_gate_holds_until_finance_verifies_then_the_request_moves_on(
    context, ws, users
) -> None:
    with_account(context, "credit_transfer", "0801234567")
    app_id = reviewed_with_fee(context, ws, users)
    finance = Actor.from_user(users["finance"])
    with context.unit_of_work(finance) as uow:
        change_status(uow, context.calendar, app_id, "payment_to_verify", reason="slip seen")
    with pytest.raises(IllegalTransition, match="verified payment"):
        with context.unit_of_work(finance) as uow:
            change_status(uow, context.calendar, app_id, "ready_for_approval")
    with context.read() as session:
        payment_id = session.scalars(select(Payment.id)).one()
    with pytest.raises(PermissionDenied):
        with context.unit_of_work(Actor.from_user(users["reviewer"])) as uow:
            fees.verify(uow, context.calendar, context.store.blobs, payment_id)
    with context.unit_of_work(finance) as uow:
        fees.verify(uow, context.calendar, context.store.blobs, payment_id)
    with pytest.raises(fees.PaymentTaken, match="already decided"):
        with context.unit_of_work(finance) as uow:
            fees.verify(uow, context.calendar, context.store.blobs, payment_id)
    with context.read() as session:
        app = session.get(Application, app_id)
        payment = session.get(Payment, payment_id)
    assert app.status == "ready_for_approval" and payment.status == "verified"
    assert payment.receipt_number == "2570/000001"  # 24 Nov 2026 is in fiscal year 2570
    assert payment.verified_by == users["finance"].user_id
    # The receipt: kept with the request, mailed to the applicant; Thai exact in both readers.
    with context.read() as session:
        receipt = session.scalars(
            select(Document).where(Document.filename == "receipt_2570-000001.pdf")
        ).one()
        letter = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "payment_receipt")
        ).one()
        data = context.store.blobs.get(receipt.blob_sha256)
    assert letter.attachments[0]["sha256"] == receipt.blob_sha256
    assert "2570/000001" in letter.body_text and "approval" in letter.body_text
    path = save_artifact("fee_receipt.pdf", data)
    text, layout = " ".join(pypdf_pages(data)), " ".join(pdftotext_pages(path))
    for phrase in ("ใบเสร็จรับเงิน", "เลขที่ 2570/000001", "นายสมชาย ใจดี", "สองร้อยบาทถ้วน",
                   "ปีงบประมาณ 2570", app.tracking_number):  # fmt: skip
        assert folded(phrase) in text and folded(phrase) in layout, phrase


def test_evidence_rejected_with_a_reason_makes_the_fee_due_again(context, ws, users) -> None:
    with_account(context)
    app_id = reviewed_with_fee(context, ws, users)
    finance = Actor.from_user(users["finance"])
    with context.read() as session:
        payment_id = session.scalars(select(Payment.id)).one()
    with context.unit_of_work(finance) as uow:
        fees.record_evidence(uow, context.calendar, payment_id, None, slip_bank="006",
                             slip_reference="2026112412345")  # fmt: skip
    with pytest.raises(InvalidInput, match="reason"):
        with context.unit_of_work(finance) as uow:
            fees.reject_evidence(uow, context.calendar, payment_id, "  ")
    with context.unit_of_work(finance) as uow:
        fees.reject_evidence(uow, context.calendar, payment_id, "ยอดเงินในสลิปไม่ตรง")
    with context.read() as session:
        assert session.get(Application, app_id).status == "payment_due"
        payment = session.get(Payment, payment_id)
    assert payment.status == "due" and payment.reason == "ยอดเงินในสลิปไม่ตรง"
    with context.read() as session:
        letter = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "payment_evidence")
        ).one()
    # The applicant reads the reason and what to do; nothing meant for officers.
    assert "ยอดเงินในสลิปไม่ตรง" in letter.body_text and payment.transaction_id in letter.body_text
    assert letter.to_addr == "p9@example.co.th" and "officer" not in letter.body_text.lower()


def test_receipt_numbers_run_per_fiscal_year_and_restart_on_the_first_of_october(
    context,
) -> None:
    last_of_year = datetime(2026, 9, 30, 16, 59, tzinfo=UTC)  # 23:59 Bangkok
    first_of_next = datetime(2026, 9, 30, 17, 0, tzinfo=UTC)  # 1 Oct 00:00 Bangkok
    with context.unit_of_work(SYSTEM) as uow:
        numbers = [next_receipt_number(uow, last_of_year) for _ in range(2)]
        numbers += [next_receipt_number(uow, first_of_next) for _ in range(2)]
    assert numbers == ["2569/000001", "2569/000002", "2570/000001", "2570/000002"]


def test_a_free_service_never_shows_a_fee_step(context, ws, users) -> None:
    change_service(context, "FOOD-NOTICE", fee=Fee(0, "none"))
    app_id = submit(context, hour=9)
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "ready_for_approval"
    with context.unit_of_work(SYSTEM) as uow:
        assert fees.fee_falls_due(uow, context.calendar, context.store.blobs, app_id, "x") is None
    with context.read() as session:
        assert session.scalars(select(Payment)).all() == []


def test_approval_makes_a_fee_before_issue_due_with_its_notice(context, ws, users) -> None:
    with_account(context)
    app_id = submit(context, hour=9, email="q9@example.co.th")
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "ready_for_approval"
    approver = users["approver"]
    facade = ApprovalFacade(context, SigningSettings())
    facade.open_approval(approver, app_id)
    outcome = facade.approve_batch(
        approver, [BatchItem(app_id, ())], SigningChoice("record", secret=Pin(STAFF_PASSWORD))
    )
    assert outcome.approved == (app_id,)
    with context.read() as session:
        app = session.get(Application, app_id)
        payment = session.scalars(select(Payment)).one()
        kinds = [m.kind for m in session.scalars(select(OutboxMessage))]
    assert app.status == "payment_due" and payment.stage == "before_issue"
    assert "result" in kinds and "payment_notice" in kinds
    # Issuing waits for the fee.
    with context.unit_of_work(Actor.from_user(users["finance"])) as uow:
        fees.verify(uow, context.calendar, context.store.blobs, payment.id)
    with context.read() as session:
        assert session.get(Application, app_id).status == "approved"


def test_the_ledger_for_a_day_and_a_fiscal_month_totals_the_receipts(context, ws, users) -> None:
    import csv
    import io
    from datetime import date

    from openpyxl import load_workbook

    from services.fees.ledger import ledger_csv, ledger_rows, ledger_xlsx

    with_account(context)
    ids = [reviewed_with_fee(context, ws, users, hour=h) for h in (9, 10)]
    finance = Actor.from_user(users["finance"])
    with context.read() as session:
        payments = session.scalars(select(Payment).order_by(Payment.transaction_id)).all()
    for payment in payments:
        with context.unit_of_work(finance) as uow:
            fees.verify(uow, context.calendar, context.store.blobs, payment.id)
    today = context.clock.now().astimezone(BANGKOK).date()
    with context.read() as session:
        day = ledger_rows(session, today, today)
        month = ledger_rows(session, today.replace(day=1), date(today.year, today.month, 28))
        receipts = session.scalars(select(Payment).where(Payment.status == "verified")).all()
    assert [r.receipt_number for r in day] == ["2570/000001", "2570/000002"] and month == day
    total = sum(p.amount_satang for p in receipts)
    rows = list(csv.reader(io.StringIO(ledger_csv(day).decode("utf-8-sig"))))
    assert rows[0][0].startswith("เลขที่ใบเสร็จ") and rows[-1][0] == "รวม (Total)"
    assert rows[-1][6] == f"{total / 100:.2f}" == "400.00"
    assert sum(float(r[6]) for r in rows[1:-1]) * 100 == total
    sheet = load_workbook(io.BytesIO(ledger_xlsx(day))).active
    amounts = [sheet.cell(row=r, column=7).value for r in range(2, 4)]
    assert sum(amounts) * 100 == total and sheet.cell(row=4, column=7).value == "=SUM(G2:G3)"
    assert {r.tracking_number for r in day} == {
        session_app.tracking_number for session_app in _apps(context, ids)
    }
    save_artifact("fee_ledger.xlsx", ledger_xlsx(day), png=False)


def _apps(context, ids):
    with context.read() as session:
        return [session.get(Application, i) for i in ids]


def test_one_reminder_near_the_deadline_then_the_request_lapses_with_a_letter(
    context, ws, users
) -> None:
    from datetime import timedelta

    from services.fees.deadlines import run_deadlines

    with_account(context)
    app_id = reviewed_with_fee(context, ws, users)
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
    start = context.clock.now()

    def run(at) -> tuple[int, int]:
        context.clock.set(at)
        with context.unit_of_work(SYSTEM) as uow:
            return run_deadlines(uow, context.calendar)

    assert run(start + timedelta(days=1)) == (0, 0)  # 15 business days: far off
    near = payment.due_at - timedelta(days=2)  # within the 3 business days before it
    assert run(near) == (1, 0)
    assert run(near + timedelta(hours=1)) == (0, 0)  # reminded once
    assert run(payment.due_at + timedelta(days=1)) == (0, 1)
    assert run(payment.due_at + timedelta(days=2)) == (0, 0)
    with context.read() as session:
        app = session.get(Application, app_id)
        lapsed = session.get(Payment, payment.id)
        kinds = [
            m.kind
            for m in session.scalars(select(OutboxMessage).order_by(OutboxMessage.created_at))
        ]
        letter = session.scalars(
            select(OutboxMessage).where(OutboxMessage.subject.like("%lapsed%"))
        ).one()
    assert app.status == "rejected" and lapsed.status == "lapsed"
    assert kinds.count("payment_reminder") == 1 and "สิ้นผล" in letter.body_text
