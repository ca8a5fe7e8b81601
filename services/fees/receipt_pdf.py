"""The official receipt (ใบเสร็จรับเงิน) as a one-page A4 PDF, Thai first with English under it.

It names the receipt number (running per Thai fiscal year), the date in the Buddhist Era,
whom the money came from and for what (the service and the tracking number), the amount in
figures and Thai words, the Transaction ID, and the finance officer who received it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Application, Payment, ServiceType, User
from services.fees.receipts import received_satang
from services.fees.thai_baht import baht_figures, baht_text
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.produce.pdf.flow import Flow

__all__ = ["ReceiptContent", "receipt_content", "render_receipt_pdf"]


@dataclass(frozen=True)
class ReceiptContent:
    number: str
    fiscal_year: str
    date_th: str
    date_en: str
    payer: str
    tracking_number: str
    service_th: str
    service_en: str
    amount_satang: int
    transaction_id: str
    officer_name: str
    officer_position: str
    agency_th: str
    agency_en: str
    agency_address: str


def receipt_content(session: Session, payment: Payment) -> ReceiptContent:
    application = session.get(Application, payment.application_id)
    assert application is not None
    agency = session.scalars(select(Agency)).one()
    service = session.get(ServiceType, application.service_type_id or "")
    officer = session.get(User, payment.verified_by or "")
    applicant = application.applicant
    payer = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
    when = payment.verified_at or payment.created_at
    return ReceiptContent(
        number=payment.receipt_number,
        fiscal_year=payment.receipt_number.partition("/")[0],
        date_th=format_thai_date(when),
        date_en=format_english_date(when),
        payer=echo_name(payer) or "-",
        tracking_number=application.tracking_number,
        service_th=service.name_th if service else "",
        service_en=service.name_en if service else "",
        amount_satang=received_satang(payment),
        transaction_id=payment.transaction_id,
        officer_name=officer.display_name if officer else "",
        officer_position=officer.position_th if officer else "",
        agency_th=agency.name_th,
        agency_en=agency.name_en,
        agency_address=agency.address_th,
    )


def render_receipt_pdf(r: ReceiptContent) -> bytes:
    flow = Flow(f"ใบเสร็จรับเงิน เลขที่ {r.number}")
    flow.text(r.agency_th, size=13, bold=True, centred=True)
    flow.text(r.agency_en, size=9, grey=True, centred=True)
    if r.agency_address:
        flow.text(r.agency_address, size=9, centred=True)
    flow.gap(6)
    flow.text("ใบเสร็จรับเงิน", size=20, bold=True, centred=True)
    flow.text("Official receipt", size=10, grey=True, centred=True)
    flow.rule()
    flow.pair("เลขที่", r.number, size=13)
    flow.text(f"Receipt number (fiscal year B.E. {r.fiscal_year})", size=8.5, grey=True)
    flow.pair("ปีงบประมาณ", r.fiscal_year)
    flow.pair("วันที่", r.date_th)
    flow.text(f"Date: {r.date_en}", size=8.5, grey=True)
    flow.pair("ได้รับเงินจาก", r.payer)
    flow.text("Received from", size=8.5, grey=True)
    flow.pair("เป็นค่า", f"ค่าธรรมเนียม{r.service_th}")
    flow.pair("", f"คำขอเลขที่ {r.tracking_number}")
    flow.text(f"For: the fee of {r.service_en}, request {r.tracking_number}", size=8.5, grey=True)
    flow.pair("จำนวนเงิน", f"{baht_figures(r.amount_satang)} บาท", size=14)
    flow.pair("", f"({baht_text(r.amount_satang)})")
    flow.text(f"Amount: {baht_figures(r.amount_satang)} baht", size=8.5, grey=True)
    flow.pair("รหัสอ้างอิง", r.transaction_id)
    flow.text(f"Transaction ID: {r.transaction_id}", size=8.5, grey=True)
    flow.gap(18)
    flow.text(f"ผู้รับเงิน {r.officer_name}", size=11)
    if r.officer_position:
        flow.text(f"ตำแหน่ง {r.officer_position}", size=11)
    flow.text("Received by the finance officer named above", size=8.5, grey=True)
    flow.gap(8)
    flow.text(
        "ใบเสร็จรับเงินนี้ออกโดยระบบของหน่วยงาน เลขที่ใบเสร็จเรียงต่อเนื่องตามปีงบประมาณ (1 ตุลาคม ถึง 30 กันยายน)",
        size=9,
        grey=True,
    )
    return flow.finish()
