"""The decision record: a one- or two-page Thai memo of the decision, the PDF that is signed.

It names the request, the applicant (ID masked), what the reviewer checked and on which
document and page, the identity checks, the fee, the conditions, the decision and the
approver, and ends with the visible stamp (name, position, date in the Buddhist Era, the
signature type, how to verify). Drawn with :class:`services.produce.pdf.flow.Flow`, so its
Thai is right to the eye and extracts exactly. It is an officers' document: it is kept with
the request, never sent to the applicant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from services.kernel.thai_dates import format_thai_date
from services.produce.pdf.flow import Flow

__all__ = ["MemoContent", "memo_document", "memo_pdf"]

_VERDICTS = {"accepted": "ถูกต้อง", "rejected": "ไม่ถูกต้อง", "not_applicable": "ไม่ต้องใช้"}


@dataclass(frozen=True)
class MemoContent:
    agency_th: str
    tracking_number: str
    service_th: str
    applicant: str
    applicant_id_masked: str
    received_th: str
    reviewed_by: str
    checklist: tuple[tuple[str, str, str, str], ...]
    """(document, verdict code, file and page, checked by)."""
    identity: tuple[tuple[str, str, str], ...]
    """(check, verdict code, checked by)."""
    fee_th: str
    criteria_th: str
    conditions: tuple[str, ...]
    approver: str
    position: str
    decided_at: datetime
    signature_type_th: str
    reference: str
    """Printed under the stamp, so a paper copy can be matched to the stored record."""


def _stamp(flow: Flow, memo: MemoContent) -> None:
    flow.rule()
    flow.text("ลงนามอนุมัติโดย", size=10, grey=True)
    flow.text(memo.approver, size=14, bold=True)
    flow.text(f"ตำแหน่ง {memo.position}", size=11)
    flow.text(f"วันที่ {format_thai_date(memo.decided_at)}", size=11)
    flow.text(f"ลายมือชื่ออิเล็กทรอนิกส์ {memo.signature_type_th}", size=10)
    flow.text(
        f"ตรวจสอบลายมือชื่อได้ด้วยโปรแกรมอ่าน PDF หรือคำสั่ง anuyat verify รหัสอ้างอิง {memo.reference}",
        size=9,
        grey=True,
    )


def memo_pdf(memo: MemoContent, extra_lines: Sequence[str] = ()) -> bytes:
    """The memo as PDF bytes (A4; a second page only when the checklist is long)."""
    return memo_document(memo, extra_lines)[0]


def memo_document(memo: MemoContent, extra_lines: Sequence[str] = ()) -> tuple[bytes, str]:
    """The memo as PDF bytes, and its text as drawn (for the search index)."""
    flow = Flow(f"บันทึกการพิจารณา {memo.tracking_number}")
    flow.text("บันทึกการพิจารณาอนุมัติคำขอ", size=17, bold=True)
    flow.text(memo.agency_th, size=11, grey=True)
    flow.gap(4)
    flow.pair("เลขที่คำขอ", memo.tracking_number)
    flow.pair("บริการ", memo.service_th)
    flow.pair("ผู้ยื่นคำขอ", f"{memo.applicant} ({memo.applicant_id_masked})")
    flow.pair("วันที่ถือว่ารับคำขอ", memo.received_th)
    flow.pair("ผู้ตรวจสอบ", memo.reviewed_by or "-")
    flow.heading("ผลการตรวจเอกสาร")
    for name, verdict, where, by in memo.checklist:
        where_text = f" — {where}" if where else ""
        flow.bullet(f"{name}: {_VERDICTS.get(verdict, verdict)}{where_text} ({by})")
    if memo.identity:
        flow.heading("การตรวจสอบตัวตนและการมอบอำนาจ")
        for name, verdict, by in memo.identity:
            flow.bullet(f"{name}: {_VERDICTS.get(verdict, verdict)} ({by})")
    flow.heading("ค่าธรรมเนียม")
    flow.text(memo.fee_th, indent=12)
    if memo.criteria_th:
        flow.heading("หลักเกณฑ์การพิจารณา")
        flow.text(memo.criteria_th, indent=12)
    flow.heading("ผลการพิจารณา")
    flow.text("อนุมัติคำขอ" + (" โดยมีเงื่อนไขดังนี้" if memo.conditions else ""), indent=12)
    for n, condition in enumerate(memo.conditions, 1):
        flow.text(f"{n}. {condition}", indent=24)
    for line in extra_lines:
        flow.text(line, indent=12)
    flow.gap(10)
    _stamp(flow, memo)
    return flow.finish(), flow.plain_text
