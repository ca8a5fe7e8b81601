"""Retention and destruction: nothing goes without the head of the agency's recorded order.

1. :func:`draft_list` lists the closed requests past their retention period
   (:mod:`.policy`; by default nothing ever is) as a numbered destruction list
   (ทะเบียนขอทำลาย), drawn by :mod:`.register` as PDF and CSV for the head's order.
2. :func:`record_order` records that order on the list: its number, who signed it, the day
   it is dated, and who recorded it. Once, with one conditional UPDATE.
3. :func:`destroy_listed` destroys what the ordered list names. Each request goes with one
   conditional UPDATE that only matches a request still closed as it was when listed and
   not yet destroyed, so a request is never destroyed twice (two officers, two stations),
   nor after it was reopened to be worked on. The application row stays as the tombstone
   (``destroyed_at``, its form data and message text emptied), with the list's item and an
   ``application.destroyed`` event naming the order. The audit events are never touched,
   so the chain still verifies.
4. :func:`discard_destroyed_files` then removes the blobs that only destroyed requests
   used. It runs after the commit and again at any later call, so a crash between the two
   leaves files to remove, never a destroyed request without its tombstone.

Backups made before the destruction still hold the files until the agency's backup media
are rotated; the README says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import (
    Agency,
    Application,
    DestructionItem,
    DestructionList,
    Document,
    InboundMessage,
    IssuedDocument,
    ServiceType,
)
from services.access.table import Action, require
from services.archive.policy import RetentionPolicy, past_period
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.statuses import STATUSES
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = [
    "DESTROYED_FLAG",
    "Destroyed",
    "discard_destroyed_files",
    "destroy_listed",
    "draft_list",
    "find_list",
    "past_their_period",
    "record_order",
]

DESTROYED_FLAG = "destroyed"
_CLOSED = [code for code, status in STATUSES.items() if status.closed]


@dataclass(frozen=True)
class Destroyed:
    list_number: int
    destroyed: tuple[str, ...]
    """Tracking numbers destroyed now."""
    kept: tuple[str, ...]
    """Tracking numbers left alone: reopened since the list, or already destroyed."""


_Candidate = tuple[str, str, str, datetime, datetime, int]


def past_their_period(session: Session, policy: RetentionPolicy, now: datetime) -> list[_Candidate]:
    """The closed requests past their period and on no open list: what a new list would name
    (id, tracking number, service code, received, closed, years kept)."""
    on_open_list = (
        select(DestructionItem.application_id)
        .join(DestructionList, DestructionList.id == DestructionItem.list_id)
        .where(DestructionItem.state == "listed")
    )
    rows = session.execute(
        select(
            Application.id,
            Application.tracking_number,
            ServiceType.code,
            Application.received_at,
            Application.closed_at,
        )
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .where(
            Application.closed_at.is_not(None),
            Application.destroyed_at.is_(None),
            Application.status.in_(_CLOSED),
            Application.id.not_in(on_open_list),
        )
        .order_by(Application.closed_at, Application.tracking_number)
    ).all()
    found: list[_Candidate] = []
    for app_id, tracking, code, received, closed in rows:
        years = policy.keep_years(code)
        if closed is not None and past_period(closed, years, now):
            found.append((app_id, tracking, code or "", received, closed, years))
    return found


def draft_list(uow: UnitOfWork, policy: RetentionPolicy) -> DestructionList:
    """A new numbered list of every closed request past its period and on no open list."""
    require(uow.actor, Action.LIST_FOR_DESTRUCTION)
    # Two stations drawing up a list at once: the second waits here, then finds the requests
    # on the first one's list and takes the next number (no list number read twice).
    uow.session.scalars(select(Agency.id).with_for_update()).one()
    found = past_their_period(uow.session, policy, uow.now)
    if not found:
        raise InvalidInput(
            "ไม่มีคำขอที่พ้นระยะเวลาเก็บรักษา (ค่าเริ่มต้นคือเก็บไว้ตลอดไป) จึงไม่มีทะเบียนขอทำลายให้จัดทำ",
            "No closed request is past its retention period (by default everything is kept "
            "for ever), so there is no destruction list to make.",
            code="nothing_to_destroy",
        )
    number = (uow.session.scalar(select(func.max(DestructionList.number))) or 0) + 1
    listing = DestructionList(number=number, created_at=uow.now, created_by=uow.actor.label)
    uow.session.add(listing)
    uow.session.flush()
    for app_id, tracking, code, received, closed, years in found:
        uow.session.add(
            DestructionItem(
                list_id=listing.id, application_id=app_id, tracking_number=tracking,
                service_code=code, received_at=received, closed_at=closed, keep_years=years,
                state="listed", files_removed=0,
            )
        )  # fmt: skip
    uow.record(
        "destruction.listed",
        "destruction_list",
        listing.id,
        {"number": number, "requests": [row[1] for row in found]},
    )
    return listing


def find_list(session: Session, number: int) -> DestructionList:
    listing = session.scalars(
        select(DestructionList).where(DestructionList.number == number)
    ).one_or_none()
    if listing is None:
        raise NotFound(
            f"ไม่พบทะเบียนขอทำลายลำดับที่ {number}",
            f"There is no destruction list number {number}.",
        )
    return listing


def record_order(
    uow: UnitOfWork, number: int, *, order_number: str, ordered_by: str, ordered_on: datetime
) -> None:
    """Record the head of agency's order allowing list ``number`` to be destroyed (once)."""
    require(uow.actor, Action.DESTROY_RECORDS)
    order_number, ordered_by = " ".join(order_number.split()), " ".join(ordered_by.split())
    if not order_number or not ordered_by:
        raise InvalidInput(
            "ต้องระบุเลขที่คำสั่งและชื่อผู้ลงนามในคำสั่ง (หัวหน้าส่วนราชการ)",
            "Give the order's number and the name of who signed it (the head of the agency).",
        )
    if ordered_on.date() > uow.now.astimezone(BANGKOK).date():
        raise InvalidInput(
            f"วันที่ของคำสั่ง ({format_thai_date(ordered_on)}) ยังมาไม่ถึง: ให้บันทึกคำสั่งที่ลงนามแล้ว "
            "ตรวจวันที่ที่พิมพ์",
            f"The order's date ({format_english_date(ordered_on)}) is in the future: record an "
            "order already signed. Check the date typed.",
        )
    listing = find_list(uow.session, number)
    taken = _list_holding(uow.session, order_number)
    if taken is not None:
        raise _order_taken(order_number, taken)
    try:
        # The check above cannot see another station's uncommitted order: should it record
        # the same number first, the unique constraint refuses ours here (PostgreSQL waits
        # for its commit). The savepoint keeps the officer's transaction usable to say so.
        with uow.session.begin_nested():
            changed = uow.session.execute(
                update(DestructionList)
                .where(DestructionList.id == listing.id, DestructionList.order_number.is_(None))
                .values(
                    order_number=order_number,
                    ordered_by=ordered_by,
                    ordered_on=ordered_on,
                    order_recorded_by=uow.actor.label,
                    order_recorded_at=uow.now,
                )
                .execution_options(synchronize_session=False)
            )
    except IntegrityError as exc:
        raise _order_taken(order_number, _list_holding(uow.session, order_number)) from exc
    if getattr(changed, "rowcount", 0) != 1:
        raise InvalidInput(
            f"ทะเบียนขอทำลายลำดับที่ {number} มีคำสั่งบันทึกไว้แล้ว",
            f"Destruction list {number} already has its order recorded.",
        )
    uow.record(
        "destruction.ordered",
        "destruction_list",
        listing.id,
        {"number": number, "order_number": order_number, "ordered_by": ordered_by,
         "ordered_on": ordered_on.date().isoformat()},
    )  # fmt: skip


def _list_holding(session: Session, order_number: str) -> int | None:
    """The number of the list that already carries ``order_number``, if one does."""
    return session.scalar(
        select(DestructionList.number).where(DestructionList.order_number == order_number)
    )


def _order_taken(order_number: str, taken: int | None) -> InvalidInput:
    # ``taken`` is None only if the list that won the race was undone since: same words.
    where_th = f"กับทะเบียนลำดับที่ {taken} " if taken is not None else ""
    where_en = f" on destruction list {taken}" if taken is not None else ""
    return InvalidInput(
        f"คำสั่งเลขที่ {order_number} บันทึกไว้{where_th}แล้ว",
        f"Order {order_number} is already recorded{where_en}.",
    )


def destroy_listed(uow: UnitOfWork, number: int) -> Destroyed:
    """Destroy what ordered list ``number`` still names (the files go after the commit)."""
    require(uow.actor, Action.DESTROY_RECORDS)
    listing = find_list(uow.session, number)
    if listing.order_number is None:
        raise InvalidInput(
            f"ยังทำลายไม่ได้: ยังไม่ได้บันทึกคำสั่งของหัวหน้าส่วนราชการสำหรับทะเบียนขอทำลายลำดับที่ {number} "
            "ให้บันทึกเลขที่คำสั่ง ผู้ลงนาม และวันที่ก่อน",
            f"Nothing destroyed: no order of the head of the agency is recorded for destruction "
            f"list {number}. Record the order's number, signer and date first.",
            code="no_destruction_order",
        )
    items = uow.session.scalars(
        select(DestructionItem)
        .where(DestructionItem.list_id == listing.id, DestructionItem.state == "listed")
        .order_by(DestructionItem.tracking_number)
    ).all()
    destroyed, kept = [], []
    for item in items:
        # One statement decides: still closed as listed, and not destroyed by anyone yet.
        matched = uow.session.execute(
            update(Application)
            .where(
                Application.id == item.application_id,
                Application.destroyed_at.is_(None),
                Application.closed_at == item.closed_at,
                Application.status.in_(_CLOSED),
            )
            .values(destroyed_at=uow.now, form_data={}, body_text="")
            .execution_options(synchronize_session=False)
        )
        if getattr(matched, "rowcount", 0) != 1:
            item.state = "kept"
            kept.append(item.tracking_number)
            continue
        files = _mark_documents(uow.session, item.application_id)
        item.state, item.destroyed_at, item.files_removed = "destroyed", uow.now, files
        destroyed.append(item.tracking_number)
        uow.record(
            "application.destroyed",
            "application",
            item.application_id,
            {"list": number, "order_number": listing.order_number, "files": files},
        )
    return Destroyed(number, tuple(destroyed), tuple(kept))


def _mark_documents(session: Session, application_id: str) -> int:
    documents = session.scalars(
        select(Document).where(Document.application_id == application_id)
    ).all()
    for document in documents:
        document.flags = [*(document.flags or []), DESTROYED_FLAG]
    issued = session.scalar(
        select(func.count())
        .select_from(IssuedDocument)
        .where(IssuedDocument.application_id == application_id)
    )
    return len(documents) + (issued or 0)


def _shas_of(session: Session, destroyed: bool) -> set[str]:
    gone = (
        Application.destroyed_at.is_not(None) if destroyed else Application.destroyed_at.is_(None)
    )
    shas: set[str] = set()
    for column, owner in (
        (Document.blob_sha256, Document.application_id),
        (IssuedDocument.blob_sha256, IssuedDocument.application_id),
        (InboundMessage.raw_blob_sha256, InboundMessage.application_id),
    ):
        shas.update(
            sha
            for sha in session.scalars(
                select(column).join(Application, Application.id == owner).where(gone)
            )
            if sha
        )
    return shas


def discard_destroyed_files(session: Session, blobs: BlobStore) -> int:
    """Remove every blob only destroyed requests use; how many were removed now."""
    only_destroyed = _shas_of(session, True) - _shas_of(session, False)
    return sum(1 for sha in sorted(only_destroyed) if blobs.discard(sha))
