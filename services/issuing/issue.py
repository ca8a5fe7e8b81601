"""Issuing a licence: number it, draw it with its data attached, sign it, register it.

Three steps so that nothing slow happens inside a transaction and nothing is half-written,
as in approval (:mod:`services.approval.decisions`):

1. :func:`prepare_licence` (one transaction) checks the request is approved, takes the next
   number of the outgoing register and a verification code, and draws the PDF with its XML.
   The number is taken even if signing then fails: the register keeps it as spoilt, as a
   paper register would (event ``licence.numbered``), and no two licences ever share one.
2. The caller signs the PDF with the approver's way of signing (a token may take a while).
3. :func:`record_licence` (one transaction) stores the signed PDF, the register entry, the
   status *issued* and its event, together or not at all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from models import Agency, Application, Approval, IssuedDocument, ServiceType, User
from services.access.table import Action, require
from services.approval.summary import service_spec_of
from services.cases.applications import change_status
from services.cases.documents import FileFacts, attach_document
from services.issuing.numbers import file_name, next_outgoing_number, verification_code
from services.issuing.premises import checked_premises, suggested_premises
from services.issuing.render import LicenceContent, render_licence
from services.issuing.renewal import renewable, supersede
from services.issuing.templates import LICENCE_DIR, load_templates
from services.issuing.xmldata import LicenceData, licence_pdfa, licence_xml
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput
from services.kernel.statuses import STATUSES, ApplicationStatus
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.produce.sign.errors import SignatureTooWeak
from services.produce.sign.later import TIMESTAMP_PENDING
from services.produce.sign.strength import TYPE_NAMES, SignatureType
from services.review import load_application
from services.store.blobstore import BlobStore

__all__ = ["LicenceDraft", "prepare_licence", "record_licence", "verification_url"]


@dataclass(frozen=True)
class LicenceDraft:
    application_id: str
    number: str
    file_name: str
    verification_code: str
    valid_until: datetime | None
    data: LicenceData
    xml: bytes
    pdf: bytes
    """Unsigned, with ``licence.xml`` attached: the caller signs it."""
    renews_id: str | None = None
    """The licence this one renews (superseded when this one is recorded)."""


def verification_url(base: str, code: str) -> str:
    """The public page of the licence with ``code`` (``base``: where the register is published)."""
    return f"{base.rstrip('/')}/{code}.html"


def _approval(uow: UnitOfWork, application: Application) -> tuple[Approval, User]:
    approval = uow.session.scalars(
        select(Approval)
        .where(Approval.application_id == application.id, Approval.decision == "approved")
        .order_by(Approval.decided_at.desc())
    ).first()
    approver = uow.session.get(User, approval.approver_id) if approval else None
    if approval is None or approver is None:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ยังไม่มีบันทึกการอนุมัติ จึงออกใบอนุญาตไม่ได้",
            f"Application {application.tracking_number} has no approval record, so no licence "
            "can be issued.",
        )
    return approval, approver


def _approved(application: Application) -> None:
    if application.status != ApplicationStatus.APPROVED:
        status = STATUSES[application.status]
        raise InvalidInput(
            f"คำขอ {application.tracking_number} อยู่ในสถานะ “{status.label_th}” "
            "ออกใบอนุญาตได้เมื่ออนุมัติแล้ว (และชำระค่าธรรมเนียมแล้วถ้ามี)",
            f"Application {application.tracking_number} is “{status.label_en}”; a licence is "
            "issued once it is approved (and any fee paid).",
        )


def _strong_enough(service: ServiceType, needed: int, offered: int) -> None:
    """The licence is signed at least as strongly as the service's risk asks (DGA table 4.1),
    checked before a number is taken, so a too-weak attempt spoils no number."""
    if offered >= needed:
        return
    need_th, need_en = TYPE_NAMES[SignatureType(needed)]
    got_th, got_en = TYPE_NAMES[SignatureType(offered)]
    raise SignatureTooWeak(
        f"ใบอนุญาตของบริการ “{service.name_th}” ต้องลงนามอย่างน้อย{need_th} แต่เลือกวิธีที่เป็น"
        f"{got_th} ยังไม่ได้ออกใบอนุญาต — ลงนามด้วยโทเคน USB",
        f"A licence for “{service.name_en}” needs at least a {need_en} signature; the way "
        f"chosen gives {got_en}. Nothing was issued: sign with the USB token.",
    )


def prepare_licence(
    uow: UnitOfWork,
    application_id: str,
    verify_base: str,
    signature_type: int = 1,
    renews: str = "",
    premises: str | None = None,
) -> LicenceDraft:
    """``signature_type``: the type the caller's way of signing gives (1, 2 or 3);
    ``renews``: the number or code of the licence this one renews, if any; ``premises``: the
    address the officer confirmed (None: the suggestion, for callers without a dialog)."""
    require(uow.actor, Action.ISSUE_LICENCE)
    application = load_application(uow.session, application_id)
    _approved(application)
    service, spec = service_spec_of(uow.session, application)
    _strong_enough(service, spec.min_signature_type, signature_type)
    renewed = renewable(uow, renews, service.code) if renews.strip() else None
    templates = load_templates()
    template = templates.get(service.code)
    if template is None:
        raise InvalidInput(
            f"บริการ “{service.name_th}” ยังไม่มีแบบใบอนุญาต ให้ผู้ดูแลระบบเพิ่มไฟล์ "
            f"{LICENCE_DIR / (service.code + '.toml')}",
            f"The service “{service.name_en}” has no licence template yet; ask the "
            f"administrator to add {LICENCE_DIR / (service.code + '.toml')}.",
        )
    if premises is None:
        premises = suggested_premises(application)
    # Checked before a number is taken, so a missing address spoils no number.
    premises = checked_premises(template, service, premises)
    approval, approver = _approval(uow, application)
    agency = uow.session.scalars(select(Agency)).one()
    running, year = next_outgoing_number(uow, uow.now)
    number = f"{running}/{year}"
    code = verification_code()
    validity = spec.validity_days
    valid_until = uow.now + timedelta(days=validity - 1) if validity else None
    applicant = application.applicant
    holder = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else "-"
    signatory = applicant.representative_th.strip() if applicant else ""
    conditions = tuple(approval.conditions or ())
    position = approver.position_th or "ผู้มีอำนาจอนุมัติ"
    data = LicenceData(
        number=number,
        verification_code=code,
        service_code=service.code,
        subject_th=template.title_th,
        subject_en=template.title_en,
        licensee=holder,
        premises=premises,
        granted=uow.now.date().isoformat(),
        valid_until=valid_until.date().isoformat() if valid_until else "",
        conditions=conditions,
        agency_th=agency.name_th,
        agency_code=agency.code,
        approver=approver.display_name,
        position=position,
    )
    content = LicenceContent(
        agency_th=agency.name_th,
        agency_en=agency.name_en,
        number=number,
        service_th=template.title_th,
        service_en=template.title_en,
        applicant=signatory or holder,
        licensee=holder,
        premises=premises,
        granted_th=format_thai_date(uow.now),
        granted_en=format_english_date(uow.now),
        valid_until_th=format_thai_date(valid_until) if valid_until else "",
        valid_until_en=format_english_date(valid_until) if valid_until else "",
        conditions=conditions,
        approver=approver.display_name,
        position=position,
        verification_code=code,
        verification_url=verification_url(verify_base, code),
        emblem=template.emblem,
    )
    xml = licence_xml(data)
    pdf = licence_pdfa(render_licence(template, content), xml, data, uow.now)
    name = file_name(agency.code, agency.number, year, running)
    uow.record(
        "licence.numbered",
        "application",
        application.id,
        {"number": number, "file_name": name, "service": service.code, "premises": premises},
    )
    return LicenceDraft(application.id, number, name, code, valid_until, data, xml, pdf,
                        renewed.id if renewed else None)  # fmt: skip


def record_licence(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    draft: LicenceDraft,
    signed_pdf: bytes,
    signature_type: int,
    timestamp_pending: bool = False,
) -> IssuedDocument:
    """The signed licence kept (blob store, indefinitely), registered, the request *issued*.
    ``timestamp_pending``: signed without the time-stamp the agency wants (its TSA did not
    answer); the file is flagged for :mod:`services.issuing.timestamps` to stamp later."""
    require(uow.actor, Action.ISSUE_LICENCE)
    application = load_application(uow.session, draft.application_id)
    _approved(application)
    document = attach_document(
        uow,
        blobs,
        application.id,
        filename=draft.file_name,
        content_type="application/pdf",
        data=signed_pdf,
        origin="produced",
        facts=FileFacts(pages=None, flags=(TIMESTAMP_PENDING,) if timestamp_pending else ()),
    )
    issued = IssuedDocument(
        application_id=application.id,
        document_number=draft.number,
        file_name=draft.file_name,
        blob_sha256=document.blob_sha256,
        issued_at=uow.now,
        valid_until=draft.valid_until,
        verification_code=draft.verification_code,
        status="valid",
        service_code=draft.data.service_code,
        subject_th=draft.data.subject_th,
        subject_en=draft.data.subject_en,
        licensee=draft.data.licensee,
        premises=draft.data.premises,
        xml_sha256=hashlib.sha256(draft.xml).hexdigest(),
    )
    uow.session.add(issued)
    uow.session.flush()
    if draft.renews_id is not None:
        supersede(uow, draft.renews_id, issued)
    change_status(uow, calendar, application.id, ApplicationStatus.ISSUED, reason="issued")
    uow.session.flush()
    uow.record(
        "licence.issued",
        "application",
        application.id,
        {
            "issued_document": issued.id,
            "number": draft.number,
            "file_name": draft.file_name,
            "document": document.id,
            "document_sha256": document.blob_sha256,
            "xml_sha256": issued.xml_sha256,
            "signature_type": signature_type,
            "timestamp_pending": timestamp_pending,
        },
    )
    return issued
