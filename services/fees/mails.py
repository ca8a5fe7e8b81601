"""The letters finance sends the applicant: the receipt with what happens next, and the
request for new payment evidence. Applicant wording only: the officer's notes never go here
except the reason the officer wrote for the applicant."""

from __future__ import annotations

from sqlalchemy import select

from models import Agency, Application, Payment
from services import outbox
from services.cases.documents import attach_document
from services.fees.receipt_pdf import receipt_content, render_receipt_pdf
from services.fees.receipts import received_satang
from services.fees.thai_baht import baht_figures, baht_text
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.review.decisions import applicant_address, applicant_thread, mail_domain
from services.store.blobstore import BlobStore

__all__ = ["ask_for_new_slip", "send_receipt"]


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
    agency = uow.session.scalars(select(Agency)).one()
    queued = outbox.queue_message(
        uow,
        kind="payment_receipt",
        to_addr=to_addr,
        subject=(
            f"ได้รับชำระค่าธรรมเนียม คำขอเลขที่ {application.tracking_number} / Fee received for "
            f"request {application.tracking_number}"
        ),
        body_text=body + f"\n{agency.name_th}\n{agency.name_en}\n",
        application_id=application.id,
        attachments=[outbox.OutgoingAttachment(document.blob_sha256, name, "application/pdf")],
        in_reply_to=applicant_thread(application),
        auto_submitted="auto-generated",
        domain=mail_domain(agency.email),
    )
    return document.id, queued.id


def ask_for_new_slip(
    uow: UnitOfWork, application: Application, payment: Payment, reason: str
) -> str | None:
    """The applicant's letter: the reason (the officer wrote it for them), and what to do."""
    to_addr = applicant_address(application)
    if to_addr is None:
        return None
    agency = uow.session.scalars(select(Agency)).one()
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
        f"with the slip attached.\n\n{agency.name_th}\n{agency.name_en}\n"
    )
    queued = outbox.queue_message(
        uow,
        kind="payment_evidence",
        to_addr=to_addr,
        subject=(
            f"ขอหลักฐานการชำระใหม่ คำขอเลขที่ {application.tracking_number} / New payment "
            f"evidence needed for request {application.tracking_number}"
        ),
        body_text=body,
        application_id=application.id,
        in_reply_to=applicant_thread(application),
        auto_submitted=None,
        domain=mail_domain(agency.email),
    )
    return queued.id
