"""Requests for a licence's data, answered within three business days (M21; ETA s.21).

Someone — the holder, a bank, another agency — asks by e-mail or at the counter what a
licence says. The officer records the request against the register entry (by its number or
verification code); it is due three business days later, counted by the agency's calendar,
and stands on the worklist of those who deliver documents until it is answered. The answer
is the licence's own data: by e-mail, ``licence.xml`` and the signed PDF through the outbox;
at the counter, handed over (the officer prints it). Each step is an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import Agency, IssuedDocument, LicenceDataRequest
from services import outbox
from services.access.table import Action, require
from services.issuing.checking import find_issued
from services.issuing.paper import event_aggregate
from services.issuing.xmldata import XML_NAME, read_xml
from services.kernel.actors import Actor
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["DUE_DAYS", "DataRequestRow", "answer", "data_requests", "record"]

DUE_DAYS: Final = 3
"""Business days to answer (ETA s.21 as the DGA guidelines (draft) §6.7.2 read it)."""


@dataclass(frozen=True)
class DataRequestRow:
    request_id: str
    number: str
    """The licence's number."""
    requester: str
    email: str
    received_at: datetime
    due_at: datetime
    business_days_left: float
    answered_at: datetime | None
    channel: str
    """How it was answered (email | counter), empty while open."""


def record(
    uow: UnitOfWork, calendar: BusinessCalendar, reference: str, requester: str, email: str = ""
) -> LicenceDataRequest:
    """A request for the data of the licence named by ``reference`` (number or code)."""
    require(uow.actor, Action.DELIVER_DOCUMENT)
    who = " ".join(requester.split())
    if not who:
        raise InvalidInput(
            "ระบุชื่อผู้ขอข้อมูล (บุคคลหรือหน่วยงาน)",
            "Name who asks for the data (a person or an agency).",
        )
    address = outbox.check_address(email.strip()) if email.strip() else ""
    issued = find_issued(uow.session, reference)
    if issued is None:
        raise NotFound(
            f"ไม่พบใบอนุญาต “{reference.strip()}” ในทะเบียน — ตรวจเลขที่หรือรหัสตรวจสอบ",
            f"No licence “{reference.strip()}” in the register: check the number or code.",
        )
    if issued.application_id is None:
        raise InvalidInput(
            f"ใบอนุญาตเลขที่ {issued.document_number} ลงทะเบียนจากฉบับกระดาษ ระบบไม่มีไฟล์หรือข้อมูล XML "
            "ให้ส่ง — ตอบผู้ขอจากทะเบียนกระดาษของหน่วยงาน",
            f"Licence {issued.document_number} was registered from paper: the system has no file "
            "or XML data to send. Answer from the agency's paper register.",
        )
    received = calendar.deemed_received_at(uow.now)
    request = LicenceDataRequest(
        issued_document_id=issued.id,
        requester=who[:300],
        email=address,
        received_at=uow.now,
        due_at=calendar.sla_due_at(received, DUE_DAYS),
        recorded_by=uow.actor.username,
    )
    uow.session.add(request)
    uow.session.flush()
    uow.record(
        "licence.data_requested",
        *event_aggregate(issued),
        {"request": request.id, "number": issued.document_number,
         "due_at": request.due_at.isoformat(), "by_email": bool(address)},
    )  # fmt: skip
    return request


def answer(uow: UnitOfWork, blobs: BlobStore, request_id: str) -> str:
    """Answer it: by e-mail when an address was given, else handed over at the counter.

    Returns the channel. One conditional UPDATE claims the request, so two officers
    answering at once send one answer.
    """
    require(uow.actor, Action.DELIVER_DOCUMENT)
    request = uow.session.get(LicenceDataRequest, request_id)
    if request is None:
        raise NotFound("ไม่พบคำขอข้อมูลนี้", f"No data request {request_id}.")
    channel = "email" if request.email else "counter"
    claimed = uow.session.execute(
        update(LicenceDataRequest)
        .where(LicenceDataRequest.id == request_id, LicenceDataRequest.answered_at.is_(None))
        .values(answered_at=uow.now, answered_by_channel=channel)
        .returning(LicenceDataRequest.id),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    if claimed is None:
        raise InvalidInput("คำขอข้อมูลนี้ตอบไปแล้ว", "This data request has already been answered.")
    issued = uow.session.get(IssuedDocument, request.issued_document_id)
    assert issued is not None  # a foreign key
    outbox_id = _mail(uow, blobs, request, issued) if channel == "email" else None
    uow.session.execute(
        update(LicenceDataRequest)
        .where(LicenceDataRequest.id == request_id)
        .values(answer_outbox_id=outbox_id),
        execution_options={"synchronize_session": False},
    )
    uow.record(
        "licence.data_sent",
        *event_aggregate(issued),
        {"request": request_id, "number": issued.document_number, "channel": channel,
         "outbox_id": outbox_id},
    )  # fmt: skip
    return channel


def _mail(
    uow: UnitOfWork, blobs: BlobStore, request: LicenceDataRequest, issued: IssuedDocument
) -> str:
    pdf = blobs.get(issued.blob_sha256)
    xml = read_xml(pdf) or b""
    attachments = [outbox.OutgoingAttachment(issued.blob_sha256, issued.file_name,
                                             "application/pdf")]  # fmt: skip
    if xml:
        attachments.append(outbox.OutgoingAttachment(blobs.put(xml).sha256, XML_NAME,
                                                     "application/xml"))  # fmt: skip
    agency = uow.session.scalars(select(Agency)).one()
    body = (
        f"เรียน {request.requester}\n\n"
        f"{agency.name_th} ขอส่งข้อมูลของ{issued.subject_th} เลขที่ {issued.document_number} "
        "ตามที่ท่านขอ: ไฟล์ใบอนุญาตที่ลงลายมือชื่ออิเล็กทรอนิกส์ และข้อมูลในรูปแบบ XML\n\n"
        f"{agency.name_th}\n\n"
        f"As you asked, the data of licence {issued.document_number} ({issued.subject_en}): "
        "the signed licence and its data as XML are attached.\n"
    )
    queued = outbox.queue_message(
        uow,
        kind="licence_data",
        to_addr=request.email,
        subject=f"ข้อมูลใบอนุญาตเลขที่ {issued.document_number} / Licence data",
        body_text=body,
        application_id=issued.application_id,
        attachments=tuple(attachments),
        auto_submitted=None,
        domain=agency.email.rpartition("@")[2] or "anuyat.invalid",
    )
    return queued.id


def data_requests(
    session: Session, actor: Actor, calendar: BusinessCalendar, now: datetime, limit: int = 200
) -> list[DataRequestRow]:
    """Open requests first, soonest due first; then the latest answered."""
    require(actor, Action.DELIVER_DOCUMENT)
    query = (
        select(LicenceDataRequest, IssuedDocument.document_number)
        .join(IssuedDocument, IssuedDocument.id == LicenceDataRequest.issued_document_id)
        .order_by(LicenceDataRequest.answered_at.is_not(None), LicenceDataRequest.due_at)
        .limit(limit)
    )
    return [
        DataRequestRow(
            r.id, number, r.requester, r.email, r.received_at, r.due_at,
            round(calendar.business_days_left(r.due_at, now), 2), r.answered_at,
            r.answered_by_channel,
        )
        for r, number in session.execute(query).all()
    ]  # fmt: skip
