"""The payment notice as a one-page A4 PDF with the PromptPay QR (Thai first, then English).

The QR is drawn by segno at error-correction level M with a four-module quiet zone, as a PNG
placed at 4.5 cm: large enough for a phone to read from paper or from a screen.
"""

from __future__ import annotations

import io
from typing import Final

from services.fees.notice import TXID_RULE_EN, TXID_RULE_TH, NoticeContent
from services.produce.pdf.flow import Flow

__all__ = ["render_notice_pdf", "qr_png"]

_QR_POINTS: Final = 128.0  # 4.5 cm
_SCALES: Final = (1.0, 0.9, 0.8)


def qr_png(text: str, *, scale: int = 8) -> bytes:
    """The QR code of ``text`` as a black-on-white PNG."""
    import segno  # here: an approval imports this module, few of them draw a notice

    out = io.BytesIO()
    segno.make_qr(text, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def render_notice_pdf(content: NoticeContent) -> bytes:
    data = b""
    for scale in _SCALES:
        flow = Flow(f"หนังสือแจ้งชำระค่าธรรมเนียม {content.tracking_number}", scale=scale)
        _write(flow, content)
        data = flow.finish()
        if flow.pages == 1:
            break
    return data


def _write(flow: Flow, c: NoticeContent) -> None:
    flow.text(c.agency_th, size=13, bold=True, centred=True)
    flow.text(c.agency_en, size=9, grey=True, centred=True)
    flow.gap(6)
    flow.text("หนังสือแจ้งชำระค่าธรรมเนียม", size=19, bold=True, centred=True)
    flow.text("Payment notice", size=10, grey=True, centred=True)
    flow.rule()
    flow.pair("เลขที่รับเรื่อง", c.tracking_number, size=12)
    flow.text(f"Tracking number (notice of {c.issued_en})", size=8.5, grey=True)
    flow.pair("ผู้ยื่นคำขอ", c.applicant_name)
    flow.pair("เรื่อง", c.service_th)
    flow.text(f"Service: {c.service_en}", size=8.5, grey=True)
    flow.pair("จำนวนเงิน", f"{c.amount_figures} บาท", size=14)
    flow.pair("", f"({c.amount_words})", size=11)
    flow.text(f"Amount: {c.amount_figures} baht", size=8.5, grey=True)
    flow.pair("ชำระภายในวันที่", c.deadline_th, size=12)
    flow.text(f"Pay by {c.deadline_en}", size=8.5, grey=True)
    flow.pair("รหัสอ้างอิง", c.transaction_id, size=14)
    flow.text(f"Transaction ID: {c.transaction_id}", size=8.5, grey=True)
    flow.text(TXID_RULE_TH, size=8.5, grey=True)
    flow.text(TXID_RULE_EN, size=8, grey=True)
    if c.qr_payload:
        flow.heading("สแกนเพื่อชำระด้วยพร้อมเพย์", size=11.5)
        flow.text("Scan to pay with PromptPay (the amount is filled in)", size=8.5, grey=True)
        flow.picture(qr_png(c.qr_payload), width=_QR_POINTS)
    flow.heading("ช่องทางชำระเงิน", size=11.5)
    flow.text("How to pay", size=8.5, grey=True)
    channels_th, channels_en = c.channels()
    for line in channels_th:
        flow.bullet(line.removeprefix("- "), size=10)
    for line in channels_en:
        flow.bullet(line.removeprefix("- "), size=8.5, grey=True)
    flow.heading("เมื่อชำระแล้ว", size=11.5)
    flow.text("Once you have paid", size=8.5, grey=True)
    flow.text(
        f"ตอบกลับอีเมลที่แจ้งชำระนี้ พร้อมแนบภาพหรือไฟล์สลิปการโอน (JPG, PNG หรือ PDF) "
        f"หรือส่งอีเมลถึง {c.agency_email} "
        f"โดยระบุรหัสอ้างอิง {c.transaction_id} หน่วยงานจะตรวจสอบและออกใบเสร็จรับเงินให้ "
        "หากไม่ชำระภายในกำหนด หน่วยงานจะแจ้งเตือนหนึ่งครั้ง แล้วคำขอจะสิ้นผล",
        size=10,
    )
    flow.text(
        f"Reply to the notice's e-mail with a photo or file of the transfer slip (JPG, PNG or "
        f"PDF), or write to "
        f"{c.agency_email} quoting {c.transaction_id}. We check it and send you the receipt. "
        "If the fee is not paid in time we remind you once, then the request lapses.",
        size=8.5,
        grey=True,
    )
    flow.text(f"ติดต่อ {c.agency_email} โทร {c.agency_phone}", size=9, grey=True)
