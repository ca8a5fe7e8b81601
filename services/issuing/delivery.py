"""Delivering an issued document by the channel the request came by (M23, requirements P8).

* ``email`` — the licence attached to a letter through the outbox (it retries and records
  bounces like every letter). For a personal document the officer may protect it: the signed
  licence goes inside a small PDF encrypted with AES-256, so the signature inside stays
  byte-for-byte what was signed; the password is returned once for the officer to give by
  phone or SMS and is never stored or logged.
* ``drive`` — the PDF copied to ``outgoing/<tracking number>/`` on the shared drive.
* ``counter`` — printed and handed over; the officer records who received it.

Each ends the request at *delivered*, with an event naming the channel.
"""

from __future__ import annotations

import io
import secrets
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pypdf import PdfWriter
from sqlalchemy import select

from models import Agency, Application, IssuedDocument
from services import outbox
from services.access.table import Action, require
from services.cases.applications import change_status
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.fsutil import write_atomically
from services.kernel.statuses import ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.produce.pdf.flow import Flow
from services.store.blobstore import BlobStore

__all__ = ["Delivery", "deliver", "protected_pdf"]

_PASSWORD_ALPHABET: Final = "".join(
    c for c in string.ascii_letters + string.digits if c not in "Il1O0o"
)


@dataclass(frozen=True)
class Delivery:
    channel: str
    outbox_id: str | None = None
    path: Path | None = None
    password: str | None = None
    """Only for a protected e-mail: to tell the applicant now; it is kept nowhere."""


def protected_pdf(signed: bytes, file_name: str, password: str) -> bytes:
    """A one-page PDF, AES-256 encrypted with ``password``, carrying ``signed`` as-is."""
    flow = Flow("เอกสารที่ป้องกันด้วยรหัสผ่าน / Password-protected document")
    flow.text("เอกสารของท่านแนบอยู่ในไฟล์นี้", size=16, bold=True)
    flow.text(f"เปิดไฟล์แนบ {file_name} จากแถบไฟล์แนบของโปรแกรมอ่าน PDF", size=12)
    flow.text(
        f"Your document is attached to this file: open {file_name} from the PDF reader's "
        "attachments panel.",
        size=10,
        grey=True,
    )
    writer = PdfWriter(clone_from=io.BytesIO(flow.finish()))
    writer.add_attachment(file_name, signed)
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CHANNELS: Final = ("email", "counter", "drive")


def _issued(uow: UnitOfWork, issued_id: str) -> tuple[IssuedDocument, Application]:
    issued = uow.session.get(IssuedDocument, issued_id, with_for_update=True)
    application = uow.session.get(Application, issued.application_id) if issued else None
    if issued is None or application is None:
        raise NotFound("ไม่พบเอกสารที่ออกแล้วนี้", f"No issued document {issued_id}.")
    if issued.delivered_at is not None:
        raise InvalidInput(
            f"ใบอนุญาตเลขที่ {issued.document_number} ส่งมอบไปแล้ว",
            f"Licence {issued.document_number} has already been delivered.",
        )
    if issued.status == "revoked":
        raise InvalidInput(
            f"ใบอนุญาตเลขที่ {issued.document_number} ถูกเพิกถอนแล้ว จึงส่งมอบไม่ได้",
            f"Licence {issued.document_number} is revoked, so it cannot be delivered.",
        )
    return issued, application


def deliver(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    issued_id: str,
    *,
    protect: bool = False,
    drive_root: Path | None = None,
    handed_to: str = "",
    channel: str = "",
) -> Delivery:
    """``channel``: another channel than the request's (after a bounce, say); empty: its own."""
    require(uow.actor, Action.DELIVER_DOCUMENT)
    issued, application = _issued(uow, issued_id)
    signed = blobs.get(issued.blob_sha256)
    if channel and channel not in CHANNELS:
        raise InvalidInput(
            f"ช่องทางส่งมอบ “{channel}” ไม่มีในระบบ — เลือกอีเมล เคาน์เตอร์ หรือไดรฟ์",
            f"There is no delivery channel “{channel}”: choose e-mail, counter or drive.",
        )
    channel = channel or application.channel
    result: Delivery
    if channel == "email":
        result = _by_email(uow, blobs, issued, application, signed, protect)
    elif channel == "drive":
        if drive_root is None:
            raise InvalidInput(
                "ยังไม่ได้ตั้งค่าโฟลเดอร์ไดรฟ์ที่ใช้ร่วมกัน ให้ผู้ดูแลระบบตั้งค่าในหน้าการตั้งค่า",
                "No shared drive folder is set; ask the administrator to set it on the "
                "Settings page.",
            )
        folder = drive_root / "outgoing" / application.tracking_number.replace("/", "_")
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / issued.file_name, signed)
        result = Delivery("drive", path=folder / issued.file_name)
    else:
        name = " ".join(handed_to.split())
        if not name:
            raise InvalidInput(
                "ระบุชื่อผู้รับใบอนุญาตที่เคาน์เตอร์ (ผู้ยื่นคำขอหรือผู้รับมอบอำนาจ)",
                "Name who received the licence at the counter (the applicant or their proxy).",
            )
        result = Delivery("counter")
    issued.delivery_channel = result.channel
    issued.delivered_at = uow.now
    issued.delivery_failed_at = None  # sent again after a bounce: no longer failed
    issued.delivery_failure = ""
    change_status(uow, calendar, application.id, ApplicationStatus.DELIVERED, reason="delivered")
    uow.record(
        "licence.delivered",
        "application",
        application.id,
        {
            "issued_document": issued.id,
            "channel": result.channel,
            "outbox_id": result.outbox_id,
            "path": str(result.path) if result.path else None,
            "protected": result.password is not None,
            "handed_to": " ".join(handed_to.split())[:200] or None,
        },
    )
    return result


def _by_email(
    uow: UnitOfWork,
    blobs: BlobStore,
    issued: IssuedDocument,
    application: Application,
    signed: bytes,
    protect: bool,
) -> Delivery:
    address = application.reply_to or (application.applicant.email if application.applicant else "")
    if not address:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ไม่มีอีเมลของผู้ยื่น ให้ส่งมอบที่เคาน์เตอร์แทน",
            f"Application {application.tracking_number} has no applicant e-mail; hand the "
            "licence over at the counter instead.",
        )
    password = None
    data, name = signed, issued.file_name
    if protect:
        password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(12))
        data = protected_pdf(signed, issued.file_name, password)
        name = issued.file_name.removesuffix(".pdf") + "_1.pdf"  # Saraban: an attachment
    ref = blobs.put(data)
    agency = uow.session.scalars(select(Agency)).one()
    body = (
        f"เรียน {issued.licensee}\n\n"
        f"{agency.name_th} ขอส่ง{issued.subject_th} เลขที่ {issued.document_number} "
        f"ตามคำขอเลขที่ {application.tracking_number} มาพร้อมนี้\n"
        + ("ไฟล์แนบป้องกันด้วยรหัสผ่าน ซึ่งเจ้าหน้าที่จะแจ้งท่านทางโทรศัพท์หรือ SMS\n" if protect else "")
        + "ตรวจสอบสถานะใบอนุญาตได้จากคิวอาร์โค้ดบนใบอนุญาต\n\n"
        f"{agency.name_th}\n\n"
        f"Please find attached licence {issued.document_number} ({issued.subject_en}) for "
        f"request {application.tracking_number}.\n"
        + ("The attachment is password-protected; an officer will give you the password by "
           "phone or SMS.\n" if protect else "")
        + "The QR code on the licence leads to its current status.\n"
    )  # fmt: skip
    queued = outbox.queue_message(
        uow,
        kind="licence",
        to_addr=outbox.check_address(address),
        subject=f"ส่ง{issued.subject_th} เลขที่ {issued.document_number} / Your licence",
        body_text=body,
        application_id=application.id,
        attachments=(outbox.OutgoingAttachment(ref.sha256, name, "application/pdf"),),
        auto_submitted=None,
        domain=agency.email.rpartition("@")[2] or "anuyat.invalid",
    )
    return Delivery("email", outbox_id=queued.id, password=password)
