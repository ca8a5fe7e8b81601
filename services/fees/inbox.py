"""The finance inbox: slips intake could tie to no payment (``services.intake.payment_mail``).

The finance officer sees each with its sender and mail (:func:`inbox_rows`), the slip's
verification QR read offline once (:func:`read_inbox_slips`), and either attaches it to a
payment (:func:`attach_to_payment`: the file becomes a document of that request and the
payment's evidence, in one transaction) or sets it aside with a reason
(:func:`set_aside_slip`). Each decision takes the row with one conditional UPDATE, so two
officers deciding one slip at once cannot both win, on SQLite or PostgreSQL; a slip whose
bank and reference already prove a payment is refused, whichever request that was for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from models import Application, FeeInboxItem, Payment
from services.access.table import Action, require
from services.cases.documents import attach_document
from services.fees.gate import SLIP_CHECKED, record_evidence
from services.fees.slips import read_slip_qr
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.text import echo_name
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = [
    "InboxRow",
    "InboxTaken",
    "attach_to_payment",
    "inbox_file",
    "inbox_rows",
    "read_inbox_slips",
    "set_aside_slip",
]

_MAX_REASON: Final = 1000
_LIMIT: Final = 500


class InboxTaken(InvalidInput):
    """Another officer decided this slip first."""


@dataclass(frozen=True)
class InboxRow:
    item_id: str
    received_at: datetime
    sender_name: str
    sender_address: str
    subject: str
    body_text: str
    filename: str
    content_type: str
    has_file: bool
    reason_code: str
    """no_match | not_applicant"""
    suggested_reference: str
    """The Transaction ID of the payment the mail names, for the officer to confirm."""
    suggested_tracking: str
    slip_bank: str
    slip_reference: str
    used_by_tracking: str
    """The request whose payment this slip already proves ("" when none)."""


def read_inbox_slips(uow: UnitOfWork, blobs: BlobStore) -> int:
    """Read the QR of waiting slips not read yet (each once); returns how many had one."""
    found = 0
    for item in uow.session.scalars(
        select(FeeInboxItem).where(FeeInboxItem.status == "waiting", FeeInboxItem.qr_read == 0)
    ):
        item.qr_read = 1
        if item.blob_sha256 is None:
            continue
        slip = read_slip_qr(blobs.get(item.blob_sha256), item.content_type)
        if slip is not None:
            item.slip_bank, item.slip_reference = slip.bank[:10], slip.reference[:60]
            found += 1
    return found


def _used_by(session: Session, bank: str, reference: str) -> Payment | None:
    if not reference:
        return None
    return session.scalars(
        select(Payment)
        .where(Payment.slip_bank == bank, Payment.slip_reference == reference)
        .limit(1)
    ).first()


def _tracking(session: Session, payment: Payment | None) -> str:
    if payment is None:
        return ""
    application = session.get(Application, payment.application_id)
    return application.tracking_number if application else ""


def inbox_rows(session: Session) -> list[InboxRow]:
    """Waiting slips, oldest first (first come, first served)."""
    out: list[InboxRow] = []
    for item in session.scalars(
        select(FeeInboxItem)
        .where(FeeInboxItem.status == "waiting")
        .order_by(FeeInboxItem.received_at, FeeInboxItem.created_at, FeeInboxItem.filename)
        .limit(_LIMIT)
    ):
        suggested = (
            session.get(Payment, item.suggested_payment_id) if item.suggested_payment_id else None
        )
        out.append(
            InboxRow(
                item_id=item.id,
                received_at=item.received_at,
                sender_name=echo_name(item.sender_name),
                sender_address=item.sender_address,
                subject=item.subject,
                body_text=item.body_text,
                filename=item.filename,
                content_type=item.content_type,
                has_file=item.blob_sha256 is not None,
                reason_code=item.reason_code,
                suggested_reference=suggested.transaction_id if suggested else "",
                suggested_tracking=_tracking(session, suggested),
                slip_bank=item.slip_bank,
                slip_reference=item.slip_reference,
                used_by_tracking=_tracking(
                    session, _used_by(session, item.slip_bank, item.slip_reference)
                ),
            )
        )
    return out


def inbox_file(session: Session, blobs: BlobStore, item_id: str) -> tuple[str, str, bytes] | None:
    item = session.get(FeeInboxItem, item_id)
    if item is None:
        raise NotFound("ไม่พบสลิปในกล่องการเงิน", f"No finance inbox item {item_id}.")
    if item.blob_sha256 is None:
        return None
    return item.filename, item.content_type, blobs.get(item.blob_sha256)


def _take(uow: UnitOfWork, item_id: str, to: str) -> FeeInboxItem:
    moved = uow.session.execute(
        update(FeeInboxItem)
        .where(FeeInboxItem.id == item_id, FeeInboxItem.status == "waiting")
        .values(status=to, decided_by=uow.actor.username, decided_at=uow.now)
        .returning(FeeInboxItem.id),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    item = uow.session.get(FeeInboxItem, item_id, populate_existing=True)
    if moved is None or item is None:
        raise InboxTaken(
            "สลิปนี้ได้รับการจัดการไปแล้ว (อาจโดยเจ้าหน้าที่อีกคน) ไม่มีข้อมูลใดเปลี่ยนแปลง โปรดเปิดรายการใหม่",
            "This slip was already dealt with (perhaps by another officer). Nothing was "
            "changed; open the list again.",
        )
    return item


def _payment_for(uow: UnitOfWork, reference: str) -> Payment:
    """The due payment a Transaction ID or a tracking number names."""
    text = reference.strip().upper()
    payment = uow.session.scalars(
        select(Payment)
        .join(Application, Application.id == Payment.application_id)
        .where(
            or_(Payment.transaction_id == text, Application.tracking_number == text),
            Payment.status.in_(("due", "submitted")),
        )
        .order_by(Payment.created_at.desc())
        .limit(1)
    ).first()
    if payment is None:
        raise InvalidInput(
            f"ไม่พบการชำระเงินที่ค้างอยู่ของรหัสอ้างอิงหรือเลขที่รับเรื่อง {text or '(ว่าง)'} "
            "โปรดตรวจรหัสจากหนังสือแจ้งชำระ",
            f"No payment awaiting evidence has the Transaction ID or tracking number "
            f"{text or '(empty)'}. Check the code on the payment notice.",
        )
    if payment.status != "due":
        raise InvalidInput(
            "การชำระเงินนี้มีหลักฐานรอตรวจสอบอยู่แล้ว โปรดตรวจหลักฐานนั้นก่อน",
            "This payment already has evidence waiting to be checked; check that first.",
        )
    return payment


def attach_to_payment(
    uow: UnitOfWork, calendar: BusinessCalendar, blobs: BlobStore, item_id: str, reference: str
) -> Payment:
    """The slip becomes the evidence of the payment ``reference`` names (a Transaction ID or
    a tracking number); the request waits for verification."""
    require(uow.actor, Action.VERIFY_PAYMENT)
    payment = _payment_for(uow, reference)
    item = _take(uow, item_id, "attached")
    earlier = _used_by(uow.session, item.slip_bank, item.slip_reference)
    if earlier is not None:
        raise InvalidInput(
            f"สลิปนี้ (ธนาคาร {item.slip_bank} เลขอ้างอิง {item.slip_reference}) เคยใช้เป็นหลักฐาน"
            f"ของคำขอ {_tracking(uow.session, earlier)} แล้ว จึงใช้ซ้ำไม่ได้ โปรดตรวจกับธนาคาร "
            "แล้วพักสลิปนี้ไว้พร้อมเหตุผล",
            f"This slip (bank {item.slip_bank}, reference {item.slip_reference}) already proves "
            f"the payment of request {_tracking(uow.session, earlier)}; it cannot be used twice. "
            "Check with the bank, then set it aside with a reason.",
        )
    document_id: str | None = None
    if item.blob_sha256 is not None:
        document = attach_document(
            uow,
            blobs,
            payment.application_id,
            filename=item.filename or "slip",
            content_type=item.content_type,
            data=blobs.get(item.blob_sha256),
            origin="email",
        )
        # Matching must not look at it again: it is this payment's evidence already.
        document.flags = [*(document.flags or []), SLIP_CHECKED]
        document_id = document.id
    record_evidence(
        uow, calendar, payment.id, document_id,
        slip_bank=item.slip_bank, slip_reference=item.slip_reference,
    )  # fmt: skip
    item.payment_id, item.document_id = payment.id, document_id
    uow.record(
        "fees.inbox_attached",
        "application",
        payment.application_id,
        {"item": item.id, "payment": payment.id, "document": document_id,
         "source_key": item.source_key, "sender": item.sender_address},
    )  # fmt: skip
    return payment


def set_aside_slip(uow: UnitOfWork, item_id: str, reason: str) -> None:
    """The slip proves no payment of ours (a wrong agency, a test, spam): kept, with why."""
    require(uow.actor, Action.VERIFY_PAYMENT)
    text = reason.strip()
    if not text:
        raise InvalidInput(
            "โปรดระบุเหตุผลที่พักสลิปนี้ไว้", "Please give the reason for setting this slip aside."
        )
    if len(text) > _MAX_REASON:
        raise InvalidInput(
            "เหตุผลยาวเกิน 1,000 ตัวอักษร", "The reason is longer than 1,000 characters."
        )
    item = _take(uow, item_id, "set_aside")
    item.decision_reason = text
    uow.record(
        "fees.inbox_set_aside",
        "inbound",
        item.id,
        {"reason": text, "source_key": item.source_key, "sender": item.sender_address},
    )
