"""Which open requests' SLA due dates a change of the holidays moves, and moving them.

A new holiday inside a request's SLA pushes its due date one business day later (a holiday
removed pulls it earlier). Before saving a change of the calendar the administrator sees the
requests it moves (:func:`preview_moves`); saving it (:func:`apply_calendar`) moves them, each
with an event in the request's history, and records the new calendar version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, ServiceType
from services.access.table import Action, require
from services.catalog.holidays import changed_holiday_file, record_calendar
from services.catalog.versions import spec_for
from services.kernel.actors import SYSTEM
from services.kernel.calendar import BusinessCalendar, Holiday
from services.kernel.statuses import OPEN_STATUSES
from services.kernel.unit_of_work import UnitOfWork
from services.store.context import AppContext

__all__ = ["SlaMove", "apply_calendar", "apply_holiday_file", "preview_moves"]


@dataclass(frozen=True, slots=True)
class SlaMove:
    """One open request whose due date the new calendar moves."""

    application_id: str
    tracking_number: str
    service_code: str
    old_due: datetime
    new_due: datetime


def _due(calendar: BusinessCalendar, app: Application, days: int, now: datetime) -> datetime:
    pauses = [(p.started_at, p.ended_at) for p in app.pauses]
    return calendar.sla_due_at(app.deemed_received_at, days, pauses, now=now)


def preview_moves(
    session: Session, current: BusinessCalendar, proposed: BusinessCalendar, now: datetime
) -> list[SlaMove]:
    """The open requests whose due date differs under ``proposed``, earliest due first.

    Both dates are worked out the same way at the same moment, so a request waiting for the
    applicant (whose date runs on while it waits) is listed only if the holidays move it.
    """
    rows = session.execute(
        select(Application, ServiceType.code)
        .join(ServiceType, ServiceType.id == Application.service_type_id)
        .where(Application.status.in_(OPEN_STATUSES), Application.sla_due_at.is_not(None))
        .order_by(Application.sla_due_at, Application.tracking_number)
    ).all()
    moves: list[SlaMove] = []
    for app, code in rows:
        spec = spec_for(session, app)
        if spec is None:
            continue
        old = _due(current, app, spec.sla_business_days, now)
        new = _due(proposed, app, spec.sla_business_days, now)
        if old != new:
            moves.append(SlaMove(app.id, app.tracking_number, code, old, new))
    return moves


def apply_calendar(
    uow: UnitOfWork,
    current: BusinessCalendar,
    holidays: Iterable[Holiday],
    *,
    source: str,
    note: str,
    base_version: int | None,
    source_sha256: str = "",
) -> tuple[BusinessCalendar, list[SlaMove]]:
    """Save ``holidays`` as the next calendar version and move the due dates it moves.

    Returns the new calendar (for the workstation to use from now on) and the moves made.
    """
    require(uow.actor, Action.EDIT_CALENDAR)
    proposed = BusinessCalendar(current.hours, holidays, current.tz)
    moves = preview_moves(uow.session, current, proposed, uow.now)
    for move in moves:
        app = uow.session.get(Application, move.application_id)
        assert app is not None  # just read in this transaction
        app.sla_due_at = move.new_due
        app.updated_at = uow.now
        uow.record(
            "application.sla_moved",
            "application",
            app.id,
            {
                "tracking_number": app.tracking_number,
                "old_due": move.old_due.isoformat(),
                "new_due": move.new_due.isoformat(),
                "reason": "calendar",
            },
        )
    record_calendar(
        uow,
        proposed.holidays,
        source=source,
        note=note,
        base_version=base_version,
        moved=[m.tracking_number for m in moves],
        source_sha256=source_sha256,
    )
    return proposed, moves


def apply_holiday_file(context: AppContext, path: Path) -> list[SlaMove] | None:
    """Take a holiday file named in the settings if its content changed since it was last
    taken: a new calendar version, the due dates it moves moved (as from the window).
    None when there was nothing to take."""
    with context.read() as session:
        changed = changed_holiday_file(session, path)
    if changed is None:
        return None
    with context.unit_of_work(SYSTEM) as uow:
        calendar, moves = apply_calendar(
            uow,
            context.calendar,
            changed.holidays,
            source="file",
            note=path.name,
            base_version=changed.base_version,
            source_sha256=changed.sha256,
        )
    context.calendar = calendar
    return moves
