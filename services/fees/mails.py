"""The letters finance sends the applicant: the receipt with what happens next, the
request for new payment evidence, and the news that an overpayment was paid back. Applicant
wording only: the officer's notes never go here except the reason the officer wrote for the
applicant (and the bank's or voucher's reference of a refund, which the payer needs to find
the money)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sqlalchemy import select

from models import Agency, Application, Payment, ServiceType
from services import outbox
from services.cases.documents import attach_document
from services.fees.receipt_pdf import receipt_content, render_receipt_pdf
from services.fees.receipts import received_satang
from services.fees.thai_baht import baht_figures, baht_text
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.letters.templates import RequiredPart, render_letter
from services.outbox.applicant_mail import applicant_address, mail_applicant
from services.store.blobstore import BlobStore

__all__ = ["REFUND_TEMPLATE", "ask_for_new_slip", "send_receipt", "tell_refund_paid"]

REFUND_TEMPLATE: Final = (
    Path(__file__).resolve().parents[2] / "resources" / "templates" / "refund_paid.txt"
)
_REFUND_PLACEHOLDERS: Final = frozenset(
    {
        "tracking_number", "applicant_name", "service_th", "service_en", "amount_figures",
        "amount_words", "method_th", "method_en", "paid_th", "paid_en", "reference_th",
        "reference_en", "reference", "receipt_number", "agency_th", "agency_en",
        "agency_email", "agency_phone",
    }
)  # fmt: skip
_REFUND_REQUIRED: Final = (
    RequiredPart("จำนวนเงินที่คืน", "the amount paid back", (("$amount_figures",),)),
    RequiredPart("วันที่คืนเงิน", "the day it was paid back", (("$paid_th",), ("$paid_en",))),
    RequiredPart("เลขอ้างอิง", "the reference", (("$reference",),)),
)
# How the money went back, as the payer reads it: (how th, how en, reference th, reference en).
_REFUND_WAYS: Final = {
    "transfer": ("การโอนเข้าบัญชีของท่าน", "by bank transfer", "เลขอ้างอิงการโอน",
                 "Transfer reference"),
    "cash": ("การจ่ายเป็นเงินสด", "in cash", "เลขที่ใบสำคัญจ่าย", "Payment voucher number"),
}  # fmt: skip


def send_receipt(
    uow: UnitOfWork,
    blobs: BlobStore,
    application: Application,
    payment: Payment,
    *,
    next_step: tuple[str, str] = ("", ""),
) -> tuple[str, str | None]:
    """The receipt PDF kept with the request and mailed to the applicant (with the news that
    the request goes on): (document id, outbox id or None without an address)."""
    uow.session.flush()
    pdf = render_receipt_pdf(receipt_content(uow.session, payment))
    name = f"receipt_{payment.receipt_number.replace('/', '-')}.pdf"
    document = attach_document(
        uow, blobs, application.id, filename=name, content_type="application/pdf", data=pdf,
        origin="produced",
    )  # fmt: skip
    to_addr = applicant_address(application)
    if to_addr is None:
        return document.id, None
    received = received_satang(payment)
    amount = baht_figures(received)
    next_th, next_en = (
        ("หน่วยงานจะออกเอกสารให้ท่านต่อไป", "the agency will now issue your document")
        if payment.stage == "before_issue"
        else ("คำขอของท่านจะเข้าสู่การพิจารณาอนุมัติต่อไป", "your request now goes for approval")
    )
    body = (
        f"ได้รับค่าธรรมเนียม {amount} บาท ({baht_text(received)}) สำหรับคำขอเลขที่ "
        f"{application.tracking_number} แล้ว ใบเสร็จรับเงินเลขที่ {payment.receipt_number} แนบมากับอีเมลนี้ "
        f"{next_step[0] or next_th}\n\n"
        f"We have received the fee of {amount} baht for request {application.tracking_number}. "
        f"Receipt {payment.receipt_number} is attached; {next_step[1] or next_en}.\n"
    )
    queued = mail_applicant(
        uow,
        application,
        to_addr,
        kind="payment_receipt",
        subject=(
            f"ได้รับชำระค่าธรรมเนียม คำขอเลขที่ {application.tracking_number} / Fee received for "
            f"request {application.tracking_number}"
        ),
        body=body,
        auto_submitted="auto-generated",
        attachments=[outbox.OutgoingAttachment(document.blob_sha256, name, "application/pdf")],
        signed=True,
    )
    return document.id, queued.id


def ask_for_new_slip(
    uow: UnitOfWork, application: Application, payment: Payment, reason: str
) -> str | None:
    """The applicant's letter: the reason (the officer wrote it for them), and what to do."""
    to_addr = applicant_address(application)
    if to_addr is None:
        return None
    amount = baht_figures(payment.amount_satang)
    due = payment.due_at or uow.now
    body = (
        f"หลักฐานการชำระค่าธรรมเนียมสำหรับคำขอเลขที่ {application.tracking_number} ที่ท่านส่งมา "
        f"ยังใช้ไม่ได้ เนื่องจาก: {reason}\n"
        f"โปรดชำระหรือส่งหลักฐานใหม่ จำนวน {amount} บาท (รหัสอ้างอิง {payment.transaction_id}) "
        f"ภายในวันที่ {format_thai_date(due)} โดยตอบกลับอีเมลนี้พร้อมแนบสลิป\n\n"
        f"The payment evidence you sent for request {application.tracking_number} cannot be "
        f"accepted. The reason (in Thai above) is: {reason}\n"
        f"Please pay or send new evidence of {amount} baht (Transaction ID "
        f"{payment.transaction_id}) by {format_english_date(due)}, replying to this e-mail "
        f"with the slip attached.\n"
    )
    queued = mail_applicant(
        uow,
        application,
        to_addr,
        kind="payment_evidence",
        subject=(
            f"ขอหลักฐานการชำระใหม่ คำขอเลขที่ {application.tracking_number} / New payment "
            f"evidence needed for request {application.tracking_number}"
        ),
        body=body,
        auto_submitted=None,
        signed=True,
    )
    return queued.id


def tell_refund_paid(
    uow: UnitOfWork, application: Application, payment: Payment, template: Path = REFUND_TEMPLATE
) -> str | None:
    """The payer's letter once the refund is recorded: how much went back, how, on which day,
    the reference to find it by, and whom to ask. Returns the outbox id (None without an
    address: the payer at the counter is told there)."""
    to_addr = applicant_address(application)
    if to_addr is None:
        return None
    assert payment.refunded_on is not None
    agency = uow.session.scalars(select(Agency)).one()
    service = uow.session.get(ServiceType, application.service_type_id or "")
    applicant = application.applicant
    name = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
    refund = (payment.paid_satang or 0) - payment.amount_satang
    how_th, how_en, reference_th, reference_en = _REFUND_WAYS[payment.refund_method]
    values = {
        "tracking_number": application.tracking_number,
        "applicant_name": echo_name(name) or "ผู้ยื่นคำขอ / Applicant",
        "service_th": service.name_th if service else application.subject,
        "service_en": service.name_en if service else application.subject,
        "amount_figures": baht_figures(refund),
        "amount_words": baht_text(refund),
        "method_th": how_th,
        "method_en": how_en,
        "paid_th": format_thai_date(payment.refunded_on),
        "paid_en": format_english_date(payment.refunded_on),
        "reference_th": reference_th,
        "reference_en": reference_en,
        "reference": payment.refund_reference or "-",
        "receipt_number": payment.receipt_number,
        "agency_th": agency.name_th,
        "agency_en": agency.name_en,
        "agency_email": agency.email,
        "agency_phone": agency.phone or "-",
    }
    subject, body = render_letter(
        template, _REFUND_PLACEHOLDERS, values, _REFUND_REQUIRED,
        ("ผู้ชำระต้องรู้ว่าได้รับคืนเท่าใด เมื่อใด และตรวจสอบได้จากเลขอ้างอิงใด",
         "the payer must know how much came back, when, and the reference to trace it by."),
    )  # fmt: skip
    queued = mail_applicant(
        uow, application, to_addr, kind="refund_paid", subject=subject, body=body,
        auto_submitted="auto-generated",
    )  # fmt: skip
    return queued.id
