"""Work queues, first come first served (requirements P4, M12), and who holds an application.

Each role works a queue of statuses. Officers take the *oldest* open item of their queue
(earliest deemed-received time, then tracking number); taking one out of turn needs a reason,
which goes into the audit log. Taking an item *claims* it: only its holder may record
verdicts or decide it; others may read it.

A claim counts only while its holder is an active officer with a role that works the item's
current status: a reviewer's claim on an item that has gone on to the approver, or the claim
of an officer who has left, holds nothing back.

Two officers may press "Next" (or open the same item, or an administrator may reassign it
while its holder releases it) at the same moment. On the agency's PostgreSQL server "Next"
locks the oldest free row with ``SELECT … FOR UPDATE SKIP LOCKED``: a second officer's Next
passes over it to the following row at once instead of waiting or taking it too. On a
station's SQLite file, and for every other change of holder, each change is a
compare-and-set in one statement — ``UPDATE … SET assignee_id = … WHERE id = … AND
assignee_id IS <what we saw> AND status = <what we saw>`` — and only the writer whose
statement changed the row goes on (records the event, starts the review); the other sees
zero rows changed and takes the next item, or is told who got there first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.orm import Session

from models import Application, Document, User, UserRole
from models.ordering import insertion_order
from services.access.table import Action, may, require
from services.cases.applications import change_status
from services.kernel.actors import Actor
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import AnuyatError, InvalidInput, NotFound, PermissionDenied
from services.kernel.statuses import STATUSES
from services.kernel.unit_of_work import UnitOfWork
from services.review.views import Officer

__all__ = [
    "QUEUES",
    "ClaimedByOther",
    "NotClaimed",
    "OutOfOrder",
    "claim",
    "clear_claim",
    "current_holder",
    "earlier_waiting",
    "free_in",
    "holder_roles",
    "load_application",
    "next_application",
    "officers",
    "upcoming",
    "open_for",
    "queue_statuses",
    "reassign",
    "release_claim",
    "require_holder",
]

# The statuses each role takes work from, in the order the guidelines' processes run.
QUEUES: Final[Mapping[str, tuple[str, ...]]] = {
    "intake": ("unclassified", "received"),
    "reviewer": ("received", "in_review"),
    "finance": ("payment_due", "payment_to_verify"),
    "approver": ("ready_for_approval",),
}
# Statuses no queue offers but an officer keeps holding: the reviewer who asked for documents
# gets the reply back; an approved item waits for whoever issues it.
_ALSO_HELD: Final[Mapping[str, tuple[str, ...]]] = {
    "waiting_applicant": ("reviewer",),
    "approved": ("approver", "reviewer"),
}


class OutOfOrder(AnuyatError):
    """Older requests of the same queue wait: the DGA guidelines (draft) want them first."""

    code = "out_of_order"

    def __init__(self, waiting: int) -> None:
        super().__init__(
            f"มีคำขอที่ยื่นก่อนหน้านี้รออยู่ {waiting} รายการ — แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง) "
            "กำหนดให้พิจารณาคำขอที่ยื่นก่อนก่อน หากจำเป็นต้องเปิดคำขอนี้ก่อน "
            "โปรดระบุเหตุผล (บันทึกไว้ในประวัติการตรวจสอบ)",
            f"There are {waiting} earlier requests waiting; the DGA guidelines (draft) require "
            "earlier requests to be considered first. Give a reason to open this one (it is "
            "kept in the audit trail).",
        )
        self.waiting = waiting


class ClaimedByOther(AnuyatError):
    """Another officer holds the application; it is read-only for everyone else."""

    code = "claimed_by_other"

    def __init__(self, tracking_number: str, holder: str) -> None:
        super().__init__(
            f"คำขอ {tracking_number} อยู่ในความรับผิดชอบของ {holder} — เปิดดูได้อย่างเดียว "
            "หากต้องการดำเนินการ ให้ผู้นั้นปล่อยคำขอคืนคิว หรือให้ผู้ดูแลระบบมอบหมายใหม่",
            f"Application {tracking_number} is held by {holder}; you can only read it. "
            "Ask them to release it, or the administrator to reassign it.",
        )
        self.holder = holder


class NotClaimed(AnuyatError):
    """Verdicts and decisions are recorded only by the officer who took the application."""

    code = "not_claimed"

    def __init__(self, tracking_number: str) -> None:
        super().__init__(
            f"ยังไม่ได้รับคำขอ {tracking_number} มาดำเนินการ — เปิดคำขอจากคิวงานก่อน แล้วจึงบันทึกผล",
            f"You have not taken application {tracking_number}; open it from your queue "
            "first, then record.",
        )


def queue_statuses(roles: Iterable[str]) -> tuple[str, ...]:
    """The statuses the holder of ``roles`` takes work from (no duplicates, stable order)."""
    held = set(roles)
    seen: dict[str, None] = {}
    for role, statuses in QUEUES.items():
        if role in held:
            seen.update(dict.fromkeys(statuses))
    return tuple(seen)


def holder_roles(status: str) -> frozenset[str]:
    """The roles whose claim on an application in ``status`` counts."""
    roles = {role for role, statuses in QUEUES.items() if status in statuses}
    roles.update(_ALSO_HELD.get(status, ()))
    return frozenset(roles)


def _me(uow: UnitOfWork) -> str:
    if uow.actor.user_id is None:
        raise PermissionDenied(
            "รายการนี้ต้องทำโดยเจ้าหน้าที่ที่ลงชื่อเข้าใช้", "Only a signed-in officer can do this."
        )
    return uow.actor.user_id


def load_application(session: Session, application_id: str, *, lock: bool = True) -> Application:
    """The application an action is about, locked for the rest of the transaction.

    ``FOR UPDATE`` holds the row on a server database until the action commits, so a
    holder's check and the write that follows it see the same row; SQLite serialises
    writers already (models.store). Reading only, pass ``lock=False``.
    """
    # ``of``: only the application's row (PostgreSQL refuses to lock the outer-joined
    # applicant, which may be absent).
    application = session.get(
        Application, application_id, with_for_update={"of": Application} if lock else None
    )
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    return application


def current_holder(session: Session, application: Application) -> User | None:
    """The officer whose claim on ``application`` counts (see the module docstring)."""
    if application.assignee_id is None:
        return None
    user = session.get(User, application.assignee_id)
    if user is None or not user.active:
        return None
    if not user.role_names & holder_roles(application.status):
        return None
    return user


def _free(statuses: Iterable[str], me: str | None) -> ColumnElement[bool]:
    """SQL: the application is in one of ``statuses`` and nobody else's claim counts."""
    parts: list[ColumnElement[bool]] = []
    for status in statuses:
        held = (
            select(UserRole.user_id)
            .join(User, User.id == UserRole.user_id)
            .where(
                UserRole.user_id == Application.assignee_id,
                User.active.is_(True),
                UserRole.role.in_(sorted(holder_roles(status))),
            )
            .exists()
        )
        free = or_(Application.assignee_id.is_(None), ~held)
        if me is not None:
            free = or_(free, Application.assignee_id == me)
        parts.append(and_(Application.status == status, free))
    return or_(*parts) if parts else Application.id.is_(None)


def free_in(statuses: Iterable[str]) -> ColumnElement[bool]:
    """SQL: the application is in one of ``statuses`` and nobody's claim on it counts."""
    return _free(statuses, None)


def _section_of(session: Session, user_id: str) -> str:
    return session.scalar(select(User.section).where(User.id == user_id)) or ""


def earlier_waiting(session: Session, application: Application) -> int:
    """How many older items of the same status and section nobody holds."""
    older = or_(
        Application.deemed_received_at < application.deemed_received_at,
        and_(
            Application.deemed_received_at == application.deemed_received_at,
            Application.tracking_number < application.tracking_number,
        ),
    )
    query = (
        select(func.count())
        .select_from(Application)
        .where(
            _free([application.status], None),
            older,
            Application.id != application.id,
            # A request routed to another section is in that section's queue, not this one's.
            Application.section.in_(sorted({"", application.section})),
        )
    )
    return int(session.scalar(query) or 0)


def _no_queue(username: str) -> PermissionDenied:
    return PermissionDenied(
        f"ผู้ใช้ {username} ไม่มีคิวงาน (คิวงานมีสำหรับบทบาทรับเรื่อง ตรวจสอบ การเงิน และอนุมัติ)",
        f"User {username} has no work queue (queues are for intake, reviewer, finance and "
        "approver roles).",
    )


def next_application(
    uow: UnitOfWork, calendar: BusinessCalendar, status: str | None
) -> Application | None:
    """Claim and return the oldest item of the officer's queue(s) nobody else holds."""
    me = _me(uow)
    statuses = queue_statuses(uow.actor.roles)
    if not statuses:
        raise _no_queue(uow.actor.username)
    if status is not None:
        if status not in statuses:
            label = STATUSES[status].label_th if status in STATUSES else status
            label_en = STATUSES[status].label_en if status in STATUSES else status
            raise PermissionDenied(
                f"สถานะ “{label}” ไม่อยู่ในคิวงานของท่าน",
                f"“{label_en}” is not one of your queues.",
            )
        statuses = (status,)
    # Requests a supervisor routed to a section are that section's; first come, first
    # served holds within each (services.worklist.assign).
    section = _section_of(uow.session, me)
    oldest = (
        select(Application)
        .where(_free(statuses, me), Application.section.in_(sorted({"", section})))
        .order_by(Application.deemed_received_at, Application.tracking_number)
    )
    if uow.session.get_bind().dialect.name == "postgresql":
        return _next_skipping_locked(uow, calendar, oldest)
    return _next_by_compare_and_set(uow, calendar, oldest)


def _next_skipping_locked(
    uow: UnitOfWork, calendar: BusinessCalendar, oldest: Select[Application]
) -> Application | None:
    """On the agency's server: lock the oldest free row, passing over rows another
    officer's Next has locked (``FOR UPDATE SKIP LOCKED``), so nobody waits for another
    station's transaction and no two get the same row. The compare-and-set in ``_take``
    stays as a guard; it cannot lose while this transaction holds the row."""
    query = (
        oldest.limit(1)
        .with_for_update(skip_locked=True, of=Application)
        .execution_options(populate_existing=True)
    )
    passed: list[str] = []
    while (application := uow.session.scalars(query).first()) is not None:
        try:
            if _take(uow, calendar, application, via="next"):
                return application
        except ClaimedByOther:
            pass  # another officer's claim counts after all: the following row
        passed.append(application.id)
        query = query.where(Application.id.not_in(passed))
    return None


def _next_by_compare_and_set(
    uow: UnitOfWork, calendar: BusinessCalendar, oldest: Select[Application]
) -> Application | None:
    """On a station's SQLite file (one writer at a time, no row locks): read a few
    candidates, claim the first whose compare-and-set wins."""
    query = oldest.limit(_CANDIDATES)
    while True:
        candidates = uow.session.scalars(query).all()
        if not candidates:
            return None
        for application in candidates:
            try:
                if _take(uow, calendar, application, via="next"):
                    return application
            except ClaimedByOther:
                pass  # taken since the list was read: the next one
        # Every candidate went to someone else meanwhile; their claims are committed, so
        # the next read leaves them out.


_CANDIDATES: Final = 8


def upcoming(
    session: Session, actor: Actor, status: str | None, after: str | None
) -> tuple[str, tuple[str, ...]] | None:
    """The request "Next" would most likely give ``actor`` once the one in hand (``after``)
    is done, and its documents' ids in the viewer's order; None when the queue looks empty.

    For reading ahead only: nothing is claimed or recorded, and a guess that another officer
    takes first costs nothing (``next_application`` decides, with its compare-and-set).
    """
    if actor.user_id is None or not may(actor.roles, Action.READ_DOCUMENTS):
        return None
    statuses = queue_statuses(actor.roles)
    if status is not None:
        statuses = (status,) if status in statuses else ()
    if not statuses:
        return None
    section = _section_of(session, actor.user_id)
    query = (
        select(Application.id)
        .where(_free(statuses, actor.user_id), Application.section.in_(sorted({"", section})))
        .order_by(Application.deemed_received_at, Application.tracking_number)
        .limit(1)
    )
    if after is not None:
        query = query.where(Application.id != after)
    application_id = session.scalar(query)
    if application_id is None:
        return None
    documents = session.scalars(
        select(Document.id)
        .where(Document.application_id == application_id)
        # The order the review screen lists them in (services.review.detail).
        .order_by(Document.received_at, insertion_order("document"))
    ).all()
    return application_id, tuple(documents)


def _set_holder(uow: UnitOfWork, application: Application, assignee_id: str | None) -> bool:
    """Compare-and-set the holder: only if holder and status are still what was read.

    Returns False (and forgets the stale copy) when another writer changed the row first.
    """
    seen = application.assignee_id
    result = uow.session.execute(
        update(Application)
        .where(
            Application.id == application.id,
            Application.status == application.status,
            Application.assignee_id.is_(None) if seen is None else Application.assignee_id == seen,
        )
        .values(assignee_id=assignee_id, claimed_at=uow.now if assignee_id else None),
        execution_options={"synchronize_session": False},
    )
    if getattr(result, "rowcount", 0) != 1:
        uow.session.refresh(application)
        return False
    # The row changed in the store; the session's copy follows without a second UPDATE.
    uow.session.refresh(application, ["assignee_id", "claimed_at"])
    return True


def _take(
    uow: UnitOfWork, calendar: BusinessCalendar, application: Application, *, via: str
) -> bool:
    """Claim for the actor; a reviewer taking a received item starts its review.

    False when another officer's claim won the race (the copy is then re-read).
    """
    me = _me(uow)
    holder = current_holder(uow.session, application)
    if holder is not None and holder.id != me:
        raise ClaimedByOther(application.tracking_number, holder.display_name)
    if holder is None:
        stale = application.assignee_id
        if not _set_holder(uow, application, me):
            return False
        uow.record(
            "application.claimed",
            "application",
            application.id,
            {"assignee": uow.actor.username, "via": via, "replaced_stale_claim": bool(stale)},
        )
    if application.status == "received" and "reviewer" in uow.actor.roles:
        change_status(uow, calendar, application.id, "in_review", reason="review started")
    return True


def _lost(uow: UnitOfWork, application: Application) -> ClaimedByOther | None:
    """After a lost compare-and-set: who holds the (re-read) application now, if not me."""
    holder = current_holder(uow.session, application)
    if holder is not None and holder.id != _me(uow):
        return ClaimedByOther(application.tracking_number, holder.display_name)
    return None


def open_for(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application_id: str,
    out_of_order_reason: str | None,
) -> Application:
    """Open an application: claim it when it is free and in the officer's queue.

    Items held by someone else, or outside the officer's queues, open read-only. Taking a
    free item while older ones of the same status wait needs ``out_of_order_reason``.
    """
    application = load_application(uow.session, application_id)
    me = _me(uow)
    if application.status not in queue_statuses(uow.actor.roles):
        return application
    holder = current_holder(uow.session, application)
    if holder is not None:
        if holder.id == me:
            _take(uow, calendar, application, via="open")
        return application
    _check_turn(uow, application, out_of_order_reason)
    _take(uow, calendar, application, via="open")  # lost to another officer: read-only
    return application


def _check_turn(uow: UnitOfWork, application: Application, reason: str | None) -> None:
    waiting = earlier_waiting(uow.session, application)
    if not waiting:
        return
    given = (reason or "").strip()
    if not given:
        raise OutOfOrder(waiting)
    if len(given) > 1000:
        raise InvalidInput(
            "เหตุผลยาวเกิน 1,000 ตัวอักษร", "The reason is longer than 1,000 characters."
        )
    uow.record(
        "application.opened_out_of_order",
        "application",
        application.id,
        {"reason": given, "skipped": waiting},
    )


def claim(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application_id: str,
    out_of_order_reason: str | None = None,
) -> Application:
    """Take an application without opening it; the same first-come rule as opening."""
    application = load_application(uow.session, application_id)
    if application.status not in queue_statuses(uow.actor.roles):
        raise PermissionDenied(
            f"คำขอ {application.tracking_number} ไม่อยู่ในคิวงานของท่าน "
            f"(สถานะ “{STATUSES[application.status].label_th}”)",
            f"Application {application.tracking_number} is not in your queues "
            f"(status “{STATUSES[application.status].label_en}”).",
        )
    holder = current_holder(uow.session, application)
    if holder is None:
        _check_turn(uow, application, out_of_order_reason)
    if not _take(uow, calendar, application, via="claim"):
        raise _lost(uow, application) or _changed(application)
    return application


def _changed(application: Application) -> AnuyatError:
    return InvalidInput(
        f"คำขอ {application.tracking_number} เพิ่งถูกเปลี่ยนโดยผู้อื่น — โหลดรายการใหม่แล้วลองอีกครั้ง",
        f"Application {application.tracking_number} was changed by someone else just now; "
        "reload and try again.",
    )


def require_holder(uow: UnitOfWork, application: Application) -> None:
    """Raise unless the actor holds ``application`` (ClaimedByOther names the holder)."""
    me = _me(uow)
    if application.assignee_id == me and uow.actor.roles & holder_roles(application.status):
        # The actor's account was read at the start of this action (active, these roles:
        # services.access.sessions), so their own claim counts without reading it again.
        return
    holder = current_holder(uow.session, application)
    if holder is None:
        raise NotClaimed(application.tracking_number)
    if holder.id != me:
        raise ClaimedByOther(application.tracking_number, holder.display_name)


def clear_claim(application: Application) -> None:
    """Forget the holder (the item leaves the holder's queue); the caller records why."""
    application.assignee_id = None
    application.claimed_at = None


def release_claim(uow: UnitOfWork, application_id: str) -> None:
    """Put the application back in its queue; by its holder, or by an administrator."""
    me = _me(uow)
    application = load_application(uow.session, application_id)
    while True:
        if application.assignee_id is None:
            return
        holder = current_holder(uow.session, application)
        if holder is not None and holder.id != me and not may(uow.actor.roles, Action.REASSIGN):
            raise ClaimedByOther(application.tracking_number, holder.display_name)
        previous = uow.session.get(User, application.assignee_id)
        if _set_holder(uow, application, None):
            break
        # Claimed, released or reassigned meanwhile: decide again on what is there now.
    uow.record(
        "application.released",
        "application",
        application.id,
        {"holder": previous.username if previous else None},
    )


def reassign(uow: UnitOfWork, application_id: str, to_username: str) -> None:
    """Administrator only: give the application to an officer whose role works its status."""
    require(uow.actor, Action.REASSIGN)
    application = load_application(uow.session, application_id)
    name = to_username.strip().lower()
    target = uow.session.scalar(select(User).where(User.username == name))
    if target is None or not target.active:
        raise NotFound(f"ไม่พบเจ้าหน้าที่ชื่อผู้ใช้ {name}", f"No active officer named {name}.")
    while True:
        status = STATUSES[application.status]
        suitable = holder_roles(application.status)
        if status.closed or not suitable:
            raise InvalidInput(
                f"คำขอ {application.tracking_number} อยู่ในสถานะ “{status.label_th}” "
                "ซึ่งไม่มีผู้รับผิดชอบ — มอบหมายไม่ได้",
                f"Application {application.tracking_number} is “{status.label_en}”; nobody "
                "works it in that status, so it cannot be reassigned.",
            )
        if not target.role_names & suitable:
            wanted = ", ".join(sorted(suitable))
            raise InvalidInput(
                f"{target.display_name} ไม่มีบทบาทที่ทำงานในสถานะ “{status.label_th}” "
                f"(ต้องมีบทบาท: {wanted})",
                f"{target.display_name} has no role that works “{status.label_en}” "
                f"(needs role: {wanted}).",
            )
        previous = (
            uow.session.get(User, application.assignee_id) if application.assignee_id else None
        )
        if _set_holder(uow, application, target.id):
            break
        # Taken, released or moved on meanwhile: decide again on what is there now, so the
        # event names who really held it.
    uow.record(
        "application.reassigned",
        "application",
        application.id,
        {"from": previous.username if previous else None, "to": target.username},
    )


def officers(session: Session) -> list[Officer]:
    """Active officers, by display name (for reassigning and for showing who holds what)."""
    users = session.scalars(
        select(User).where(User.active.is_(True)).order_by(User.display_name)
    ).all()
    return [Officer(u.username, u.display_name, u.role_names) for u in users]
