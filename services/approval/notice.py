"""The letter that tells the applicant a request was approved, naming the approver's position.

Written for the applicant only: the conditions the approver set, what happens next, who
approved. Officers' notes (the review note, returns, the memo's checks) never go in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from models import Application, ServiceType
from services.catalog.loader import ServiceSpec
from services.catalog.versions import spec_for
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.letters.templates import RequiredPart, render_letter
from services.store.agency import pinned_agency

__all__ = ["APPROVED_TEMPLATE", "render_approval"]

APPROVED_TEMPLATE: Final = (
    Path(__file__).resolve().parents[2] / "resources" / "templates" / "result_approved.txt"
)
_PLACEHOLDERS: Final = frozenset(
    {
        "tracking_number", "applicant_name", "agency_th", "agency_en", "agency_email",
        "agency_phone", "service_th", "service_en", "approver_name", "approver_position",
        "decided_th", "decided_en", "conditions_th", "conditions_en", "next_th", "next_en",
    }
)  # fmt: skip
_REQUIRED: Final = (
    RequiredPart("ตำแหน่งผู้อนุมัติ", "the approver's position", (("$approver_position",),)),
    RequiredPart("เงื่อนไข", "the conditions", (("$conditions_th",), ("$conditions_en",))),
)


def _next_steps(spec: ServiceSpec | None) -> tuple[str, str]:
    # The fee of the catalog version the request was received under, not today's.
    if spec is not None and spec.fee.due == "before_issue" and spec.fee.amount_satang > 0:
        baht = f"{spec.fee.amount_satang / 100:,.2f}"
        return (
            f"ชำระค่าธรรมเนียม {baht} บาท หน่วยงานจะแจ้งช่องทางชำระเงิน แล้วจึงออกเอกสารให้",
            f"pay the fee of {baht} baht; the agency will tell you how, then issue the document.",
        )
    if spec is not None and spec.licence_template:
        return (
            "หน่วยงานจะออกเอกสารและส่งให้ท่าน",
            "the agency will issue the document and send it to you.",
        )
    return "ไม่มีสิ่งที่ท่านต้องดำเนินการเพิ่ม", "nothing more is needed from you."


def render_approval(
    session: Session,
    application: Application,
    approver: tuple[str, str],
    conditions: Sequence[str],
    decided_at: datetime,
    template: Path = APPROVED_TEMPLATE,
) -> tuple[str, str]:
    """(subject, body) of the approval notice; ``approver``: (name, position), Thai."""
    agency = pinned_agency(session)
    service = (
        session.get(ServiceType, application.service_type_id)
        if application.service_type_id
        else None
    )
    applicant = application.applicant
    name = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
    listed = "\n".join(f"  {n}. {c}" for n, c in enumerate(conditions, 1))
    next_th, next_en = _next_steps(spec_for(session, application))
    values = {
        "tracking_number": application.tracking_number,
        "applicant_name": echo_name(name) or "ผู้ยื่นคำขอ / Applicant",
        "agency_th": agency.name_th,
        "agency_en": agency.name_en,
        "agency_email": agency.email,
        "agency_phone": agency.phone or "-",
        "service_th": service.name_th if service else application.subject,
        "service_en": service.name_en if service else application.subject,
        "approver_name": approver[0],
        "approver_position": approver[1] or "ผู้มีอำนาจอนุมัติ",
        "decided_th": format_thai_date(decided_at),
        "decided_en": format_english_date(decided_at),
        "conditions_th": f"\nโดยมีเงื่อนไขดังนี้\n{listed}\n" if conditions else "",
        "conditions_en": f"\nThe approval carries these conditions (in Thai):\n{listed}\n"
        if conditions
        else "",
        "next_th": next_th,
        "next_en": next_en,
    }
    return render_letter(
        template,
        _PLACEHOLDERS,
        values,
        _REQUIRED,
        ("แจ้งผู้ยื่นตามแนวปฏิบัติ (ร่าง) ข้อ 6.4.3", "the applicant is told, DGA guidelines (draft) §6.4.3"),
    )
