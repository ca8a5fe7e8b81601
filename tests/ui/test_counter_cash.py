"""Cash at the counter on real widgets over a real profile: a request registered at the
counter for a service whose fee is due at submission; the finance officer types its tracking
number and the amount counted, presses Enter, and the receipt number is shown with the print
dialog open at once."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from models import Payment
from services.api.intake import CounterRequest
from tests.catalog_changes import change_service
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.integration.test_fees import with_account
from tests.integration.test_review import users, ws
from tests.ui.conftest import SCREENSHOTS
from ui.common import i18n
from ui.fees.page import FeesPage


def test_cash_typed_at_the_counter_gives_the_receipt_to_print(
    gui, qtbot, runner, context, ws, users, tmp_path: Path
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
    finance = ws.shell.sign_in("finance", STAFF_PASSWORD)
    page = FeesPage(ws.fees, finance, runner)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    assert page.table.item(0, 0).text() == tracking
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.cash.reference.setFocus()
    QTest.keyClicks(page.cash.reference, tracking)
    QTest.keyClicks(page.cash.amount, "200")
    assert page.grab().save(str(SCREENSHOTS / "fees_page_cash_th.png"))
    QTest.keyClick(page.cash.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "2570/000001" in page.error.text(), timeout=30_000)
    qtbot.waitUntil(lambda: page.cash.print_dialog is not None
                    and page.cash.print_dialog.isVisible(), timeout=10_000)  # fmt: skip
    page.cash.print_dialog.reject()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=30_000)
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
    assert (payment.status, payment.channel) == ("verified", "cash")
    assert page.cash.reference.text() == "" and page.cash.amount.text() == ""
    # The ledger of the month, saved from the page: the cash receipt and the total.
    page.ledger.first.setDate(QDate(2026, 11, 1))
    page.ledger.last.setDate(QDate(2026, 11, 30))
    assert page.ledger.suggested_name("xlsx") == "fee-ledger_2026-11-01_2026-11-30.xlsx"
    for kind in ("csv", "xlsx"):
        target = tmp_path / f"ledger.{kind}"
        page.ledger.export_to(target, kind)
        qtbot.waitUntil(lambda target=target: target.exists(), timeout=30_000)
    qtbot.waitUntil(lambda: "ledger.xlsx" in page.error.text(), timeout=10_000)
    lines = (tmp_path / "ledger.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and "2570/000001" in lines[1] and lines[2].split(",")[6] == "200.00"
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx").active
    assert sheet["A2"].value == "2570/000001" and sheet["G2"].value == 200.0
    assert sheet["G3"].value == "=SUM(G2:G2)"
    i18n.apply_language("en")
    try:
        qtbot.waitUntil(lambda: page.cash.title() == "Cash at the counter", timeout=10_000)
        assert page.grab().save(str(SCREENSHOTS / "fees_page_cash_en.png"))
    finally:
        i18n.apply_language("th")
