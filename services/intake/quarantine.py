"""Files held back at intake: list them, release one as a document, or discard it.

Nothing held is ever deleted here: a discarded file stays in the encrypted blob
store as evidence (the event says who discarded it and why).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Application, InboundMessage, QuarantineItem
from services.access.table import Action, require
from services.cases.documents import attach_document, inspect_file
from services.intake.inspect.pdf_probe import VIEWER_UNSAFE, VIEWER_UNSAFE_REASONS
from services.intake.views import QuarantineRow
from services.kernel.channels import Channel
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["count_quarantine", "list_quarantine", "release", "discard"]


def list_quarantine(session: Session, status: str = "held") -> list[QuarantineRow]:
    """The items in ``status``, oldest hold first, each with its message's received time."""
    # The message row (one per source_key) holds the time the mail reached the server; the
    # item's created_at is only when the sync read it, hours or days later after an outage.
    query = (
        select(QuarantineItem, Application.tracking_number, InboundMessage.received_at)
        .outerjoin(Application, Application.id == QuarantineItem.application_id)
        .outerjoin(InboundMessage, InboundMessage.source_key == QuarantineItem.source_key)
        .where(QuarantineItem.status == status)
        .order_by(QuarantineItem.created_at)
    )
    return [
        QuarantineRow(
            id=item.id,
            filename=item.filename,
            content_type=item.content_type,
            size=item.size,
            reason_code=item.reason_code,
            reason_th=item.reason_th,
            reason_en=item.reason_en,
            channel=Channel(item.channel),
            tracking_number=number,
            created_at=item.created_at,
            status=item.status,
            received_at=received,
        )
        for item, number, received in session.execute(query)
    ]


def count_quarantine(session: Session, status: str = "held") -> int:
    """How many items are in ``status``: the queue pane's badge, without reading the rows."""
    query = select(func.count()).select_from(QuarantineItem).where(QuarantineItem.status == status)
    return int(session.scalar(query) or 0)


def _held(uow: UnitOfWork, item_id: str, reason: str) -> QuarantineItem:
    require(uow.actor, Action.HANDLE_QUARANTINE)
    item = uow.session.get(QuarantineItem, item_id)
    if item is None:
        raise NotFound("ไม่พบรายการที่กักไว้", "No such quarantined item.")
    if item.status != "held":
        raise InvalidInput(
            "รายการนี้ได้รับการตัดสินใจไปแล้ว — ไม่มีอะไรเปลี่ยนแปลง",
            "This item was already decided; nothing was changed.",
        )
    if not reason.strip():
        raise InvalidInput(
            "โปรดระบุเหตุผลสั้น ๆ (บันทึกไว้ในประวัติการตรวจสอบ)",
            "Please give a short reason (it goes into the audit trail).",
        )
    return item


def release(uow: UnitOfWork, blobs: BlobStore, item_id: str, reason: str) -> None:
    """Accept a held file as a document of its application, after an officer looked at it."""
    item = _held(uow, item_id, reason)
    if item.application_id is None or item.blob_sha256 is None:
        raise InvalidInput(
            "ข้อความนี้ยังไม่ผูกกับคำขอ — เปิดดูแล้วลงทะเบียนคำขอที่หน้าจอรับเรื่อง",
            "This message is not linked to an application; open it and register the request "
            "with the counter form.",
        )
    data = blobs.get(item.blob_sha256)
    facts = inspect_file(item.content_type, data)
    flags = (*facts.flags, "released")
    if item.reason_code in VIEWER_UNSAFE_REASONS:
        flags = (*flags, VIEWER_UNSAFE)
    attach_document(
        uow,
        blobs,
        item.application_id,
        filename=item.filename.rpartition("/")[2],
        content_type=item.content_type,
        data=data,
        origin=item.channel,
        facts=type(facts)(facts.pages, facts.width_px, facts.height_px, facts.dpi, flags),
    )
    item.status = "released"
    item.decided_by = uow.actor.label
    item.decided_at = uow.now
    uow.record(
        "quarantine.released",
        "application",
        item.application_id,
        {"quarantine_id": item.id, "reason": reason.strip()},
    )


def discard(uow: UnitOfWork, item_id: str, reason: str) -> None:
    item = _held(uow, item_id, reason)
    item.status = "discarded"
    item.decided_by = uow.actor.label
    item.decided_at = uow.now
    uow.record(
        "quarantine.discarded",
        "application" if item.application_id else "inbound",
        item.application_id or item.id,
        {"quarantine_id": item.id, "reason": reason.strip()},
    )
