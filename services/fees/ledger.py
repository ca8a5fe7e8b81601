"""The fee ledger for the finance system: every receipt in a period, as CSV and as XLSX.

A period is one day or one month of the Thai fiscal year (Bangkok time). Each row is one
receipt (number, date, tracking number, payer, service, Transaction ID, amount, the slip's
bank reference, the officer); the last row is the total, which equals the sum of the
receipts' amounts — what the tests check against the receipts themselves. Satang are kept
as integers until the file is written, so no rounding creeps in.

An overpayment is not income: its receipt is for the fee, and what was paid over it goes in
the last column (money held, to be refunded, a positive figure). A refund paid back in the
period (:mod:`services.fees.refunds`) follows the receipts as a row of its own — the receipt
it refunds, the day, nothing in the amount column, the refund as a negative figure in the
last column, and how it went back ("คืนเงิน (Refund)", the method and reference, in the slip
column). So the amount column's total stays the fees received, and the last column's total
is what the period added to (or took from) the money owed back; the two together are what
moved through the account.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, Payment, ServiceType, User
from services.fees.receipts import received_satang
from services.fees.thai_baht import baht_figures
from services.kernel.clock import BANGKOK
from services.kernel.text import echo_name

__all__ = [
    "HEADERS",
    "LedgerRow",
    "ledger_csv",
    "ledger_entries",
    "ledger_rows",
    "ledger_xlsx",
    "refund_rows",
]

HEADERS: Final = (
    "เลขที่ใบเสร็จ (Receipt)",
    "วันที่ (Date)",
    "เลขที่รับเรื่อง (Tracking number)",
    "ผู้ชำระ (Payer)",
    "รหัสบริการ (Service code)",
    "รหัสอ้างอิง (Transaction ID)",
    "จำนวนเงิน บาท (Amount, baht)",
    "ธนาคาร/เลขอ้างอิงสลิป (Slip bank/reference)",
    "ผู้รับเงิน (Received by)",
    "รับเกินต้องคืน (+) / คืนแล้ว (−) บาท (Overpaid to refund + / refunded −, baht)",
)


@dataclass(frozen=True)
class LedgerRow:
    receipt_number: str
    verified_at: datetime
    tracking_number: str
    payer: str
    service_code: str
    transaction_id: str
    amount_satang: int
    slip: str
    officer: str
    kind: str = "receipt"
    """receipt (a fee received) | refund (an overpayment paid back)"""
    refund_satang: int = 0
    """Paid over the fee on a receipt (positive), or paid back on a refund (negative)."""


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    start = datetime.combine(first, time(0), tzinfo=BANGKOK)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=BANGKOK)
    return start, end


def ledger_rows(session: Session, first: date, last: date) -> list[LedgerRow]:
    """Receipts taken from ``first`` to ``last`` inclusive (Bangkok days), in number order."""
    start, end = _bounds(first, last)
    rows = session.execute(
        select(Payment, Application, ServiceType, User)
        .join(Application, Application.id == Payment.application_id)
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .outerjoin(User, User.id == Payment.verified_by)
        .where(
            Payment.status.in_(("verified", "short")),
            Payment.verified_at >= start,
            Payment.verified_at < end,
        )
        .order_by(Payment.receipt_number)
    ).all()
    out: list[LedgerRow] = []
    for payment, application, service, officer in rows:
        applicant = application.applicant
        payer = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
        slip = f"{payment.slip_bank}/{payment.slip_reference}" if payment.slip_reference else ""
        out.append(
            LedgerRow(
                receipt_number=payment.receipt_number,
                verified_at=payment.verified_at or payment.created_at,
                tracking_number=application.tracking_number,
                payer=echo_name(payer),
                service_code=service.code if service else "",
                transaction_id=payment.transaction_id,
                amount_satang=received_satang(payment),
                slip=slip,
                officer=officer.display_name if officer else "",
                refund_satang=max((payment.paid_satang or 0) - payment.amount_satang, 0),
            )
        )
    return out


_REFUND_METHODS: Final = {"transfer": "โอนเงิน (Transfer)", "cash": "เงินสด (Cash)"}


def refund_rows(session: Session, first: date, last: date) -> list[LedgerRow]:
    """Refunds paid back from ``first`` to ``last`` inclusive, by day then receipt number."""
    rows = session.execute(
        select(Payment, Application, ServiceType, User)
        .join(Application, Application.id == Payment.application_id)
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .outerjoin(User, User.id == Payment.refunded_by)
        .where(Payment.refunded_on >= first, Payment.refunded_on <= last)
        .order_by(Payment.refunded_on, Payment.receipt_number)
    ).all()
    out: list[LedgerRow] = []
    for payment, application, service, officer in rows:
        assert payment.refunded_on is not None
        applicant = application.applicant
        payer = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
        method = _REFUND_METHODS.get(payment.refund_method, payment.refund_method)
        out.append(
            LedgerRow(
                receipt_number=payment.receipt_number,
                verified_at=datetime.combine(payment.refunded_on, time(0), tzinfo=BANGKOK),
                tracking_number=application.tracking_number,
                payer=echo_name(payer),
                service_code=service.code if service else "",
                transaction_id=payment.transaction_id,
                amount_satang=0,
                slip=f"คืนเงิน (Refund): {method} {payment.refund_reference}",
                officer=officer.display_name if officer else "",
                kind="refund",
                refund_satang=-((payment.paid_satang or 0) - payment.amount_satang),
            )
        )
    return out


def ledger_entries(session: Session, first: date, last: date) -> list[LedgerRow]:
    """What the ledger file of a period holds: its receipts, then its refunds paid back."""
    return ledger_rows(session, first, last) + refund_rows(session, first, last)


def _money(satang: int) -> str:
    return ("-" if satang < 0 else "") + baht_figures(abs(satang)).replace(",", "")


def _refund(satang: int) -> str:
    return _money(satang) if satang else ""


def _cells(row: LedgerRow) -> list[str]:
    local = row.verified_at.astimezone(BANGKOK)
    when = f"{local:%Y-%m-%d}" if row.kind == "refund" else f"{local:%Y-%m-%d %H:%M}"
    return [row.receipt_number, when, row.tracking_number, row.payer,
            row.service_code, row.transaction_id, _money(row.amount_satang), row.slip,
            row.officer, _refund(row.refund_satang)]  # fmt: skip


def ledger_csv(rows: list[LedgerRow]) -> bytes:
    """UTF-8 with a byte-order mark (a spreadsheet then reads the Thai right), total last."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(_cells(row))
    total = sum(r.amount_satang for r in rows)
    held = sum(r.refund_satang for r in rows)
    writer.writerow(["รวม (Total)", "", "", "", "", f"{len(rows)}",
                     _money(total), "", "", _money(held)])  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def ledger_xlsx(rows: list[LedgerRow]) -> bytes:
    """One sheet: the header, a row per receipt (amounts as numbers), and a SUM total row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ledger"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        cells: list[object] = list(_cells(row))
        cells[6] = row.amount_satang / 100
        cells[9] = row.refund_satang / 100 if row.refund_satang else None
        sheet.append(cells)
    last = len(rows) + 1
    sheet.append(["รวม (Total)", "", "", "", "", len(rows), f"=SUM(G2:G{last})", "", "",
                  f"=SUM(J2:J{last})"])  # fmt: skip
    for money in (7, 10):
        for line in sheet.iter_rows(min_row=2, min_col=money, max_col=money):
            line[0].number_format = "#,##0.00"
    widths = (14, 18, 22, 28, 14, 18, 16, 26, 24, 22)
    for column, width in zip("ABCDEFGHIJ", widths, strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
