"""What a counter receipt says, read from the store for one tracking number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import select

from models import Agency, Application
from services.access.table import Action, require
from services.cases.applications import consent_of
from services.catalog.versions import spec_for
from services.kernel.actors import Actor
from services.kernel.errors import NotFound
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.store.context import AppContext

__all__ = ["CounterReceipt", "PRIVACY_NOTICE_EN", "PRIVACY_NOTICE_TH", "ReceiptDocument"]

PRIVACY_NOTICE_TH: Final = (
    "หน่วยงานเก็บและใช้ข้อมูลส่วนบุคคลของท่านเท่าที่จำเป็นเพื่อพิจารณาคำขอนี้เท่านั้น "
    "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 เก็บรักษาในระบบที่เข้ารหัส "
    "เปิดให้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ และไม่เปิดเผยแก่ผู้อื่นเว้นแต่กฎหมายกำหนด "
    "ท่านขอเข้าถึง แก้ไข หรือถอนความยินยอมได้ที่ช่องทางติดต่อข้างต้น"
)
PRIVACY_NOTICE_EN: Final = (
    "The agency collects and uses only the personal data needed to consider this request, "
    "under the Personal Data Protection Act B.E. 2562 (2019); it is kept encrypted, seen only "
    "by the officers responsible, and disclosed to no one unless the law requires it. You may "
    "ask to see or correct it, or withdraw consent, through the contact above."
)


@dataclass(frozen=True)
class ReceiptDocument:
    filename: str
    pages: int | None


@dataclass(frozen=True)
class CounterReceipt:
    """Everything the receipt prints, as text (dates already in Thai and English)."""

    tracking_number: str
    applicant_name: str
    agency_th: str
    agency_en: str
    agency_email: str
    agency_phone: str
    agency_address_th: str
    service_th: str
    service_en: str
    deemed_received_th: str
    """With a Buddhist Era year and the time: ``"5 ธันวาคม 2569 เวลา 09:14 น."``."""
    deemed_received_en: str
    sla_days: int | None
    sla_due_th: str
    sla_due_en: str
    documents: tuple[ReceiptDocument, ...]
    lawful_basis_th: str = ""
    lawful_basis_en: str = ""
    purpose_th: str = ""
    purpose_en: str = ""
    consent_given: bool | None = None
    """None when the service does not rest on consent; else whether the applicant gave it."""


def counter_receipt(context: AppContext, actor: Actor, tracking_number: str) -> CounterReceipt:
    """The receipt of one request (the intake officer's, like registering at the counter)."""
    require(context.verified(actor), Action.REGISTER_AT_COUNTER)
    with context.read(actor) as session:
        app = session.scalar(
            select(Application).where(Application.tracking_number == tracking_number.strip())
        )
        if app is None:
            raise NotFound(
                f"ไม่พบคำขอเลขที่ {tracking_number}", f"No application numbered {tracking_number}."
            )
        agency = session.scalars(select(Agency)).one()
        spec = spec_for(session, app)  # the catalog version it was received under
        applicant = app.applicant
        name = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
        consent = consent_of(app.form_data)
        return CounterReceipt(
            tracking_number=app.tracking_number,
            applicant_name=name,
            agency_th=agency.name_th,
            agency_en=agency.name_en,
            agency_email=agency.email,
            agency_phone=agency.phone,
            agency_address_th=agency.address_th,
            service_th=spec.name_th if spec else "รอเจ้าหน้าที่จำแนกประเภทคำขอ",
            service_en=spec.name_en if spec else "to be classified by an officer",
            deemed_received_th=format_thai_date(app.deemed_received_at, with_time=True),
            deemed_received_en=format_english_date(app.deemed_received_at, with_time=True),
            sla_days=spec.sla_business_days if spec else None,
            sla_due_th=format_thai_date(app.sla_due_at) if app.sla_due_at else "",
            sla_due_en=format_english_date(app.sla_due_at) if app.sla_due_at else "",
            documents=tuple(
                ReceiptDocument(d.filename, d.pages)
                for d in app.documents
                if d.origin != "produced"
            ),
            lawful_basis_th=spec.lawful_basis_th if spec else "",
            lawful_basis_en=spec.lawful_basis_en if spec else "",
            purpose_th=spec.purpose_th if spec else "",
            purpose_en=spec.purpose_en if spec else "",
            consent_given=consent if spec and spec.needs_consent else None,
        )
