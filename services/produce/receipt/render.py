"""The counter receipt as a one-page A4 PDF, Thai first with English lines under it."""

from __future__ import annotations

from typing import Final

from services.produce.pdf.flow import Flow
from services.produce.receipt.content import (
    PRIVACY_NOTICE_EN,
    PRIVACY_NOTICE_TH,
    CounterReceipt,
)

__all__ = ["MAX_LISTED_DOCUMENTS", "render_receipt"]

MAX_LISTED_DOCUMENTS: Final = 8
"""Documents named one by one; the rest are counted, so the receipt stays one page."""
_SCALES: Final = (1.0, 0.9, 0.8, 0.72)


def render_receipt(receipt: CounterReceipt) -> bytes:
    """The PDF bytes; written smaller when the content would run onto a second page."""
    data = b""
    for scale in _SCALES:
        flow = Flow(f"ใบรับคำขอ {receipt.tracking_number}", scale=scale)
        _write(flow, receipt)
        data = flow.finish()
        if flow.pages == 1:
            break
    return data


def _documents(receipt: CounterReceipt) -> list[str]:
    lines = [
        f"{doc.filename} ({doc.pages} หน้า / pages)" if doc.pages else doc.filename
        for doc in receipt.documents[:MAX_LISTED_DOCUMENTS]
    ]
    left = len(receipt.documents) - MAX_LISTED_DOCUMENTS
    if left > 0:
        lines.append(f"และเอกสารอื่นอีก {left:,} รายการ / and {left:,} more")
    return lines or ["ไม่มีเอกสารแนบ / no documents"]


def _write(flow: Flow, r: CounterReceipt) -> None:
    flow.text(r.agency_th, size=13, bold=True, centred=True)
    flow.text(r.agency_en, size=9, grey=True, centred=True)
    flow.gap(6)
    flow.text("ใบรับคำขอ", size=20, bold=True, centred=True)
    flow.text("Receipt of request", size=10, grey=True, centred=True)
    flow.rule()
    flow.pair("เลขที่รับเรื่อง", r.tracking_number, size=14)
    flow.text("Tracking number", size=8, grey=True)
    if r.applicant_name:
        flow.pair("ผู้ยื่นคำขอ", r.applicant_name)
    flow.pair("เรื่อง", r.service_th)
    flow.text(f"Service: {r.service_en}", size=8.5, grey=True)
    flow.pair("ถือว่าได้รับเมื่อ", r.deemed_received_th)
    flow.text(f"Deemed received: {r.deemed_received_en}", size=8.5, grey=True)
    if r.sla_days is not None:
        flow.pair("ระยะเวลาดำเนินการ", f"{r.sla_days} วันทำการ (กำหนดแล้วเสร็จ {r.sla_due_th or '-'})")
        flow.text(
            f"Processing time: {r.sla_days} business days (due {r.sla_due_en or '-'})",
            size=8.5,
            grey=True,
        )
    else:
        flow.pair("ระยะเวลาดำเนินการ", "แจ้งเมื่อเจ้าหน้าที่จำแนกประเภทคำขอแล้ว")
        flow.text("Processing time: told once an officer has classified the request", size=8.5)
    flow.heading("เอกสารที่ได้รับ", size=11.5)
    flow.text("Documents received", size=8.5, grey=True)
    for line in _documents(r):
        flow.bullet(line, size=10)
    flow.heading("การติดตามคำขอ", size=11.5)
    flow.text("How to follow up", size=8.5, grey=True)
    contact = ", ".join(
        x for x in (r.agency_email, f"โทร {r.agency_phone}" if r.agency_phone else "") if x
    )
    flow.bullet(f"แจ้งเลขที่รับเรื่อง {r.tracking_number} ทุกครั้งที่ติดต่อสอบถาม", size=10)
    flow.bullet(f"ติดต่อเจ้าหน้าที่: {contact or r.agency_th}", size=10)
    if r.agency_email:
        flow.bullet(f'สอบถามสถานะทางอีเมล: ส่งข้อความ "สถานะ {r.tracking_number}"', size=10)
    flow.text(
        f"Quote tracking number {r.tracking_number} whenever you contact us"
        + (f": {r.agency_email}" if r.agency_email else "")
        + (f", phone {r.agency_phone}" if r.agency_phone else "")
        + (
            f'; for the status by e-mail send "status {r.tracking_number}".'
            if r.agency_email
            else "."
        ),
        size=8.5,
        grey=True,
        indent=12,
    )
    flow.heading("เงื่อนไขและข้อสงวนสิทธิ์", size=11.5)
    flow.text("Conditions and disclaimer", size=8.5, grey=True)
    flow.text(
        "ระยะเวลาดำเนินการนับเป็นวันทำการ และหยุดนับระหว่างรอเอกสารเพิ่มเติมจากท่าน "
        "ใบรับคำขอนี้เป็นหลักฐานการรับคำขอ ยังไม่ใช่การอนุมัติหรืออนุญาต",
        size=10,
    )
    flow.text(
        "Processing time counts business days and stops while we wait for documents from you. "
        "This receipt proves the request was received; it is not an approval or a permit.",
        size=8.5,
        grey=True,
    )
    flow.heading("การคุ้มครองข้อมูลส่วนบุคคล", size=11.5)
    flow.text("Privacy notice", size=8.5, grey=True)
    if r.lawful_basis_th:
        flow.pair("ฐานทางกฎหมาย", r.lawful_basis_th, size=10, label_width=110)
        flow.text(f"Lawful basis: {r.lawful_basis_en}", size=8.5, grey=True)
    if r.purpose_th:
        flow.pair("วัตถุประสงค์", r.purpose_th, size=10, label_width=110)
        flow.text(f"Purpose: {r.purpose_en}", size=8.5, grey=True)
    if r.consent_given is not None:
        flow.pair(
            "ความยินยอม",
            "ผู้ยื่นคำขอให้ความยินยอมแล้ว" if r.consent_given else "ผู้ยื่นคำขอไม่ได้ให้ความยินยอม",
            size=10,
            label_width=110,
        )
        flow.text(
            "Consent: " + ("given by the applicant" if r.consent_given else "not given"),
            size=8.5,
            grey=True,
        )
    flow.text(PRIVACY_NOTICE_TH, size=10)
    flow.text(PRIVACY_NOTICE_EN, size=8.5, grey=True)
