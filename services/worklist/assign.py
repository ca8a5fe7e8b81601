"""Handing requests out: a supervisor (or the administrator) assigns a request, or a batch,
to a named officer, or routes it to a section, with a note.

The first-come rule (M12) still holds: assigning a request while older ones of the same
status wait unassigned passes them over, so it needs a reason, exactly as opening one out
of turn does; the reason and how many were passed over go into the audit log.

Every change of holder is one compare-and-set statement (``UPDATE … WHERE id = … AND
status = <seen> AND assignee_id IS <seen>``) on a row read ``FOR UPDATE``: an officer who
presses "Next" at the same moment either took the request first (the assignment then sees
the new holder and decides again, so its event names who really held it) or finds it gone.
A batch is one transaction: all of it is assigned, or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from models import Application, User
from services.access.table import Action, require
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.statuses import STATUSES
from services.kernel.unit_of_work import UnitOfWork
from services.review.queue import (
    OutOfOrder,
    current_holder,
    free_in,
    holder_roles,
    load_application,
)
from services.worklist.notes import check_note, store_note
from services.worklist.views import AssignResult

__all__ = ["MAX_BATCH", "assign", "sections"]

MAX_BATCH: Final = 200
_MAX_SECTION: Final = 100


@dataclass(frozen=True)
class _Target:
    user: User | None
    section: str | None


def sections(session: Session) -> list[str]:
    """The sections active officers belong to, by name."""
    names = session.scalars(
        select(User.section).where(User.active.is_(True), User.section != "").distinct()
    ).all()
    return sorted(names)


def _target(session: Session, to_officer: str | None, to_section: str | None) -> _Target:
    if (to_officer is None) == (to_section is None):
        raise InvalidInput(
            "เลือกผู้รับงาน: เจ้าหน้าที่หนึ่งคน หรือฝ่ายหนึ่งฝ่าย",
            "Choose who gets the work: one officer, or one section.",
        )
    if to_officer is not None:
        name = to_officer.strip().lower()
        user = session.scalar(select(User).where(User.username == name))
        if user is None or not user.active:
            raise NotFound(f"ไม่พบเจ้าหน้าที่ชื่อผู้ใช้ {name}", f"No active officer named {name}.")
        return _Target(user, None)
    section = " ".join((to_section or "").split())[:_MAX_SECTION]
    if section not in sections(session):
        raise NotFound(
            f"ไม่มีเจ้าหน้าที่ในฝ่าย “{section}” — เลือกฝ่ายจากรายการ",
            f"No officer works in section “{section}”; choose one from the list.",
        )
    return _Target(None, section)


def _check_suitable(application: Application, target: _Target) -> None:
    status = STATUSES[application.status]
    suitable = holder_roles(application.status)
    if status.closed or not suitable:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} อยู่ในสถานะ “{status.label_th}” "
            "ซึ่งไม่มีผู้รับผิดชอบ — มอบหมายไม่ได้",
            f"Application {application.tracking_number} is “{status.label_en}”; nobody "
            "works it in that status, so it cannot be assigned.",
        )
    user = target.user
    if user is not None and not user.role_names & suitable:
        wanted = ", ".join(sorted(suitable))
        raise InvalidInput(
            f"{user.display_name} ไม่มีบทบาทที่ทำงานในสถานะ “{status.label_th}” "
            f"ของคำขอ {application.tracking_number} (ต้องมีบทบาท: {wanted})",
            f"{user.display_name} has no role that works “{status.label_en}” "
            f"(application {application.tracking_number}; needs role: {wanted}).",
        )


def _passed_over(session: Session, batch: Sequence[Application], free_ids: set[str]) -> int:
    """Older requests nobody holds, of the statuses of the batch's free ones, left waiting."""
    ids = [a.id for a in batch]
    total = 0
    for status in sorted({a.status for a in batch if a.id in free_ids}):
        newest = max(
            (a for a in batch if a.id in free_ids and a.status == status),
            key=lambda a: (a.deemed_received_at, a.tracking_number),
        )
        older = or_(
            Application.deemed_received_at < newest.deemed_received_at,
            and_(
                Application.deemed_received_at == newest.deemed_received_at,
                Application.tracking_number < newest.tracking_number,
            ),
        )
        total += int(
            session.scalar(
                select(func.count())
                .select_from(Application)
                .where(free_in([status]), older, Application.id.not_in(ids))
            )
            or 0
        )
    return total


def _move(uow: UnitOfWork, application: Application, target: _Target) -> User | None:
    """Compare-and-set the holder (and section); returns the previous holder.

    Retries on what is there now when another writer changed the row first.
    """
    while True:
        _check_suitable(application, target)  # again: the status may have moved on
        previous = current_holder(uow.session, application)
        values: dict[str, object]
        if target.user is not None:
            values = {"assignee_id": target.user.id, "claimed_at": uow.now}
        else:
            # Routed to a section: its officers take it in turn; a holder from that section
            # keeps it, anyone else's claim ends.
            keeps = previous is not None and previous.section == target.section
            values = {"section": target.section}
            if not keeps:
                values.update(assignee_id=None, claimed_at=None)
        seen = application.assignee_id
        result = uow.session.execute(
            update(Application)
            .where(
                Application.id == application.id,
                Application.status == application.status,
                Application.assignee_id.is_(None)
                if seen is None
                else Application.assignee_id == seen,
            )
            .values(**values),
            execution_options={"synchronize_session": False},
        )
        uow.session.refresh(application)
        if getattr(result, "rowcount", 0) == 1:
            return previous


def assign(
    uow: UnitOfWork,
    application_ids: Sequence[str],
    *,
    to_officer: str | None = None,
    to_section: str | None = None,
    note: str = "",
    out_of_order_reason: str | None = None,
) -> AssignResult:
    """Assign ``application_ids`` to the officer ``to_officer`` (a username) or route them
    to ``to_section``; ``note`` (optional) is kept as an internal note on each.

    Raises :class:`~services.review.queue.OutOfOrder` when older unassigned requests of the
    same status wait and no ``out_of_order_reason`` is given.
    """
    require(uow.actor, Action.ASSIGN)
    unique = list(dict.fromkeys(application_ids))
    if not unique:
        raise InvalidInput("เลือกคำขออย่างน้อยหนึ่งรายการ", "Choose at least one request.")
    if len(unique) > MAX_BATCH:
        raise InvalidInput(
            f"มอบหมายได้ครั้งละไม่เกิน {MAX_BATCH} รายการ",
            f"Assign at most {MAX_BATCH} requests at a time.",
        )
    text = check_note(note) if note.strip() else ""
    reason = (out_of_order_reason or "").strip()
    if len(reason) > 1000:
        raise InvalidInput(
            "เหตุผลยาวเกิน 1,000 ตัวอักษร", "The reason is longer than 1,000 characters."
        )
    target = _target(uow.session, to_officer, to_section)
    # Locked in first-come order, the order "Next" takes them in (no lock-order deadlock).
    batch = sorted(
        (load_application(uow.session, i) for i in unique),
        key=lambda a: (a.deemed_received_at, a.tracking_number),
    )
    for application in batch:
        _check_suitable(application, target)
    free_ids = {a.id for a in batch if current_holder(uow.session, a) is None}
    skipped = _passed_over(uow.session, batch, free_ids)
    if skipped and not reason:
        raise OutOfOrder(skipped)
    for application in batch:
        previous = _move(uow, application, target)
        note_id = store_note(uow, application.id, text).id if text else None
        # Who holds it now, for the audit replay (services.kernel.state_check): a section
        # route can leave it with its holder or with nobody.
        holder = uow.session.get(User, application.assignee_id) if application.assignee_id else None
        payload: dict[str, object] = {
            "from": previous.username if previous else None,
            "to": target.user.username if target.user else None,
            "holder": holder.username if holder else None,
            "section": target.section,
            "note_id": note_id,
            "batch": len(batch),
        }
        if skipped and application.id in free_ids:
            payload.update(out_of_order_reason=reason, skipped=skipped)
        uow.record("application.assigned", "application", application.id, payload)
    return AssignResult(
        assigned=tuple(a.tracking_number for a in batch),
        to_officer=target.user.display_name if target.user else None,
        to_section=target.section,
        skipped_earlier=skipped if reason else 0,
    )
