"""The optional daily digest: one e-mail a business day to each officer who asked for it,
saying what waits in their queue — in officer wording, for the officer only.

Queued through the outbox (:func:`services.outbox.queue_message`) in the caller's
transaction, once per officer per day: the Message-ID is made from the day and the
officer, so a second run the same day (another workstation, a restart) finds the message
already queued and adds nothing. The digest names requests by tracking number and SLA only,
never the applicant (the mail leaves the store; the officer opens the request to see more).
An approver's digest also lists, first come first, the reviewed requests waiting for their
approval (tracking number, when it was received, the service) — the seed's "schedule or
alerts" for approvers who are not at their desk every day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Application, ServiceType, User
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.kernel.calendar import BusinessCalendar
from services.kernel.statuses import ApplicationStatus
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.addresses import idna_domain
from services.outbox.queue import queue_message
from services.review.queue import queue_statuses
from services.store.context import AppContext
from services.worklist.alerts import AT_RISK_DAYS, mine_or_free
from services.worklist.listing import open_statuses
from services.worklist.officer_settings import wants_digest

__all__ = [
    "DigestFigures",
    "digest_figures",
    "digest_text",
    "queue_daily_digests",
    "queue_digests_now",
]

_LISTED: Final = 20


@dataclass(frozen=True)
class DigestFigures:
    day: date
    held: int  # requests the officer holds
    waiting: int  # free in their queue
    at_risk: tuple[tuple[str, float], ...]  # (tracking number, business days left)
    awaiting_approval: tuple[tuple[str, date, str, str], ...] = ()
    """For an approver: (tracking number, received day, service Thai, English), oldest first."""


def digest_figures(
    session: Session, actor: Actor, now: datetime, calendar: BusinessCalendar
) -> DigestFigures:
    assert actor.user_id is not None
    rows = session.execute(
        select(Application.tracking_number, Application.assignee_id, Application.sla_due_at)
        .where(Application.status.in_(open_statuses()), mine_or_free(session, actor))
        .order_by(Application.sla_due_at)
    ).all()
    held = sum(1 for r in rows if r.assignee_id == actor.user_id)
    at_risk = []
    for number, _assignee, due in rows:
        if due is None:
            continue
        left = calendar.business_days_left(due, now)
        if left <= AT_RISK_DAYS:
            at_risk.append((number, round(left, 1)))
    return DigestFigures(
        now.astimezone(calendar.tz).date(),
        held,
        len(rows) - held,
        tuple(at_risk),
        _awaiting_approval(session, actor, calendar),
    )


def _awaiting_approval(
    session: Session, actor: Actor, calendar: BusinessCalendar
) -> tuple[tuple[str, date, str, str], ...]:
    """The reviewed requests this officer may approve, in the approval queue's order."""
    if ApplicationStatus.READY_FOR_APPROVAL not in queue_statuses(actor.roles):
        return ()
    rows = session.execute(
        select(
            Application.tracking_number,
            Application.deemed_received_at,
            ServiceType.name_th,
            ServiceType.name_en,
        )
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .where(
            Application.status == ApplicationStatus.READY_FOR_APPROVAL,
            mine_or_free(session, actor),
        )
        .order_by(Application.deemed_received_at, Application.tracking_number)
        .limit(_LISTED + 1)
    ).all()
    return tuple(
        (number, received.astimezone(calendar.tz).date(), name_th or "-", name_en or "-")
        for number, received, name_th, name_en in rows
    )


def digest_text(name: str, figures: DigestFigures) -> tuple[str, str]:
    """(subject, body), Thai then English, for the officer."""
    day_th = format_thai_date(figures.day)
    day_en = format_english_date(figures.day)
    subject = f"สรุปงานประจำวัน {day_th} / Daily work summary {day_en}"
    lines = [
        f"เรียน {name}",
        "",
        f"งานของท่าน ณ วันที่ {day_th}",
        f"- คำขอที่ท่านรับผิดชอบ: {figures.held} รายการ",
        f"- คำขอในคิวของท่านที่ยังไม่มีผู้รับ: {figures.waiting} รายการ",
        f"- ใกล้ครบหรือเกินกำหนดระยะเวลาดำเนินการ: {len(figures.at_risk)} รายการ",
    ]
    for number, left in figures.at_risk[:_LISTED]:
        when = "เกินกำหนดแล้ว" if left < 0 else f"เหลือ {left:g} วันทำการ"
        lines.append(f"    {number}  {when}")
    waiting = figures.awaiting_approval
    if waiting:
        lines.append(f"- คำขอที่ตรวจแล้ว รอท่านพิจารณาอนุมัติ (ตามลำดับที่ยื่น): {_count(waiting)} รายการ")
        for number, received, service_th, _ in waiting[:_LISTED]:
            lines.append(f"    {number}  ยื่น {format_thai_date(received)}  {service_th}")
    lines += [
        "",
        f"Your work on {day_en}",
        f"- Requests you hold: {figures.held}",
        f"- Requests waiting in your queue, unassigned: {figures.waiting}",
        f"- At or past their SLA: {len(figures.at_risk)}",
    ]
    for number, left in figures.at_risk[:_LISTED]:
        when = "overdue" if left < 0 else f"{left:g} business days left"
        lines.append(f"    {number}  {when}")
    if waiting:
        lines.append(f"- Reviewed, waiting for your approval (first come first): {_count(waiting)}")
        for number, received, _, service_en in waiting[:_LISTED]:
            lines.append(f"    {number}  received {format_english_date(received)}  {service_en}")
    lines += [
        "",
        "อีเมลนี้สำหรับเจ้าหน้าที่เท่านั้น ส่งโดยระบบอนุญาต ยกเลิกได้ที่เมนูการแจ้งเตือน",
        "For officers only, sent by Anuyat; turn it off in the alerts menu.",
    ]
    return subject, "\n".join(lines) + "\n"


def _count(listed: tuple[object, ...]) -> str:
    """How many, or "more than N" when the list was cut at N (the mail stays short)."""
    return f"{_LISTED}+" if len(listed) > _LISTED else str(len(listed))


def _due(now: datetime, calendar: BusinessCalendar) -> bool:
    local = now.astimezone(calendar.tz)
    return calendar.is_business_day(local.date()) and local.time() >= calendar.hours.opens


def queue_daily_digests(uow: UnitOfWork, calendar: BusinessCalendar) -> list[str]:
    """Queue today's digest for every active officer who asked for one and has an e-mail
    address; returns their usernames. Nothing before opening time or on a holiday."""
    require(uow.actor, Action.QUEUE_DIGESTS)
    if not _due(uow.now, calendar):
        return []
    agency = uow.session.scalars(select(Agency)).one()
    domain = idna_domain(agency.email.rpartition("@")[2]) or "anuyat.invalid"
    day = uow.now.astimezone(calendar.tz).date()
    queued = []
    officers = uow.session.scalars(
        select(User).where(User.active.is_(True), User.email != "").order_by(User.username)
    ).all()
    for officer in officers:
        if not wants_digest(uow.session, officer.id):
            continue
        actor = Actor(officer.username, officer.role_names, officer.id)
        figures = digest_figures(uow.session, actor, uow.now, calendar)
        subject, body = digest_text(officer.display_name, figures)
        queue_message(
            uow,
            kind="officer_digest",
            to_addr=officer.email,
            subject=subject,
            body_text=body,
            application_id=None,
            message_id=f"<digest-{day:%Y%m%d}-{officer.id}@{domain}>",
            domain=domain,
        )
        queued.append(officer.username)
    return queued


def queue_digests_now(context: AppContext) -> list[str]:
    """Today's digests in one unit of work of the system (the sync runs call this first, so
    the same run sends them); idempotent, see :func:`queue_daily_digests`."""
    with context.unit_of_work(Actor.system("digest")) as uow:
        return queue_daily_digests(uow, context.calendar)
