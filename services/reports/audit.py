"""The audit viewer's read side: events by request, officer, kind and date, and the chain's
verification status.

Rows carry the event's data with every national ID number masked
(:func:`services.kernel.thai_id.mask_national_ids_in`): the viewer and its exports show who
did what, not the applicant's identity. A request's events are those recorded on it and on
its documents; an officer's are those they caused and those about their account.

:func:`chain_status` walks the whole hash chain (:func:`services.kernel.events.verify_chain`)
and compares it with the checkpoints kept outside the store
(:func:`services.store.anchors.check_anchors`): "intact up to event N", or where it breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from models import Application, Document, Event, Station, User
from services.kernel.clock import BANGKOK
from services.kernel.errors import NotFound
from services.kernel.events import BrokenLink, verify_chain
from services.kernel.thai_id import mask_national_ids_in
from services.reports.period import ReportPeriod
from services.reports.views import AuditFilter, AuditRow, ChainStatus
from services.store.anchors import check_anchors

__all__ = ["MAX_EXPORT_ROWS", "audit_rows", "chain_status", "count_audit_rows", "event_kinds"]

MAX_EXPORT_ROWS: Final = 200_000
"""An export holds at most this many events (a year of a busy office is far fewer)."""

_PROBLEMS_TH: Final = {
    "altered": "เนื้อหาไม่ตรงกับค่าแฮช (มีการแก้ไขแถวนี้)",
    "missing": "เหตุการณ์ก่อนหน้าหายไป (มีการลบแถว)",
    "reordered": "ไม่ต่อกับเหตุการณ์ก่อนหน้า",
    "truncated": "เหตุการณ์ท้ายห่วงโซ่หายไป (มีการลบแถว)",
    "head_missing": "ไม่พบหัวของห่วงโซ่ที่บันทึกไว้",
}


def _conditions(session: Session, flt: AuditFilter, tz: ZoneInfo) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.first_day is not None or flt.last_day is not None:
        first = flt.first_day or flt.last_day
        last = flt.last_day or flt.first_day
        assert first is not None and last is not None
        start, end = ReportPeriod(first, last).bounds(tz)
        conditions += [Event.occurred_at >= start, Event.occurred_at < end]
    kind = flt.kind.strip()
    if kind:
        conditions.append(or_(Event.type == kind, Event.type.startswith(f"{kind}.")))
    officer = flt.officer.strip()
    if officer:
        user_id = session.scalar(select(User.id).where(User.username == officer))
        about_them = (
            and_(Event.aggregate_type == "user", Event.aggregate_id == user_id)
            if user_id is not None
            else false()
        )
        conditions.append(or_(Event.actor == officer, about_them))
    tracking = flt.tracking_number.strip()
    if tracking:
        app_id = session.scalar(
            select(Application.id).where(Application.tracking_number == tracking)
        )
        if app_id is None:
            raise NotFound(
                f"ไม่พบคำขอเลขที่ {tracking} — ตรวจเลขที่คำขออีกครั้ง",
                f"There is no request {tracking}. Check the tracking number.",
            )
        documents = select(Document.id).where(Document.application_id == app_id)
        conditions.append(or_(Event.aggregate_id == app_id, Event.aggregate_id.in_(documents)))
    return conditions


def count_audit_rows(session: Session, flt: AuditFilter, tz: ZoneInfo = BANGKOK) -> int:
    query = select(func.count()).select_from(Event).where(*_conditions(session, flt, tz))
    return int(session.scalar(query) or 0)


def audit_rows(
    session: Session,
    flt: AuditFilter,
    *,
    limit: int,
    verified_up_to: int | None,
    newest_first: bool = True,
    tz: ZoneInfo = BANGKOK,
) -> list[AuditRow]:
    """The matching events (at most ``limit``); ``verified_up_to``: the last row number the
    chain check vouched for (``None``: not checked, nothing is marked verified)."""
    order = Event.seq.desc() if newest_first else Event.seq.asc()
    query = (
        select(Event, Station.code)
        .outerjoin(Station, Station.id == Event.station_id)
        .where(*_conditions(session, flt, tz))
        .order_by(order)
        .limit(limit)
    )
    found = session.execute(query).all()
    subjects = _subjects(session, [event for event, _code in found])
    return [
        AuditRow(
            seq=event.seq,
            station_code=code or event.station_id[:8],
            station_seq=event.station_seq,
            occurred_at=event.occurred_at,
            actor=event.actor,
            kind=event.type,
            subject=subjects.get((event.aggregate_type, event.aggregate_id))
            or f"{event.aggregate_type} {event.aggregate_id[:8]}",
            details=mask_national_ids_in(event.payload),
            verified=verified_up_to is not None and event.seq <= verified_up_to,
        )
        for event, code in found
    ]


def _subjects(session: Session, events: Sequence[Event]) -> dict[tuple[str, str], str]:
    """Tracking numbers and user names for the events' aggregates, in two queries."""
    app_ids = {e.aggregate_id for e in events if e.aggregate_type == "application"}
    user_ids = {e.aggregate_id for e in events if e.aggregate_type == "user"}
    names: dict[tuple[str, str], str] = {}
    if app_ids:
        for app_id, tracking in session.execute(
            select(Application.id, Application.tracking_number).where(Application.id.in_(app_ids))
        ):
            names[("application", app_id)] = tracking
    if user_ids:
        for user_id, username in session.execute(
            select(User.id, User.username).where(User.id.in_(user_ids))
        ):
            names[("user", user_id)] = username
    return names


def event_kinds(session: Session) -> list[str]:
    """Every event type in the store, sorted (for the viewer's "kind" list)."""
    return sorted(kind for kind in session.scalars(select(Event.type).distinct()))


def chain_status(session: Session, anchor_key: bytes, anchor_dirs: list[Path]) -> ChainStatus:
    """Verify the chain and its checkpoints now; "intact up to event N" or where it breaks."""
    report = verify_chain(session)
    anchors = check_anchors(session, anchor_key, anchor_dirs)
    last_seq = session.scalar(select(func.max(Event.seq))) or 0
    broken = report.broken
    problem_th = problem_en = ""
    broken_at: int | None = None
    if broken is not None:
        broken_at = broken.seq
        problem_th, problem_en = _describe(broken)
    return ChainStatus(
        checked=report.checked,
        intact=broken is None,
        broken_at_seq=broken_at,
        last_verified_seq=(broken_at - 1) if broken_at is not None else int(last_seq),
        problem_th=problem_th,
        problem_en=problem_en,
        anchors_used=len(anchors.used),
        anchor_problems=tuple(p.describe() for p in anchors.problems),
    )


def _describe(broken: BrokenLink) -> tuple[str, str]:
    where_th = f"สถานี {broken.station_id[:8]} เหตุการณ์ลำดับที่ {broken.station_seq}"
    if broken.seq is not None:
        where_th += f" (แถวที่ {broken.seq})"
    return f"{where_th}: {_PROBLEMS_TH[broken.problem]}", broken.describe()
