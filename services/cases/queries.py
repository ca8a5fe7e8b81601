"""Read side: the application lists and counts the queues show, as plain rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from models import Applicant, Application, Document, Event, ServiceType, User
from services.cases.views import ApplicationRow, SlaState, StatusCount
from services.kernel.calendar import BusinessCalendar
from services.kernel.channels import Channel
from services.kernel.errors import NotFound
from services.kernel.statuses import PAUSED_STATUSES, STATUSES, ApplicationStatus
from services.kernel.thai_dates import format_thai_date
from services.kernel.thai_id import mask_national_id

__all__ = [
    "application_detail",
    "application_rows",
    "count_applications",
    "list_applications",
    "sla_state_of",
    "status_counts",
]


def sla_state_of(
    status: str, due: datetime | None, now: datetime, calendar: BusinessCalendar
) -> tuple[SlaState, float | None]:
    if STATUSES[status].closed or status == ApplicationStatus.ISSUED:
        return SlaState.CLOSED, None
    if due is None:
        return SlaState.ON_TRACK, None
    left = calendar.business_days_left(due, now)
    if status in PAUSED_STATUSES:
        return SlaState.PAUSED, left
    return calendar.sla_state(due, now), left


def count_applications(session: Session, status: str | None = None) -> int:
    query = select(func.count()).select_from(Application)
    if status:
        query = query.where(Application.status == status)
    return int(session.scalar(query) or 0)


def status_counts(session: Session) -> list[StatusCount]:
    grouped = session.execute(select(Application.status, func.count()).group_by(Application.status))
    counts: dict[str, int] = {status: int(n) for status, n in grouped}
    return [
        StatusCount(s.code, s.label_th, s.label_en, int(counts.get(code, 0)))
        for code, s in STATUSES.items()
    ]


def list_applications(
    session: Session,
    calendar: BusinessCalendar,
    now: datetime,
    *,
    status: str | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[ApplicationRow]:
    """One page in first-come order: earliest deemed-received first (requirements P4, M12)."""
    conditions = [Application.status == status] if status else []
    return application_rows(session, calendar, now, *conditions, offset=offset, limit=limit)


def application_rows(
    session: Session,
    calendar: BusinessCalendar,
    now: datetime,
    *conditions: ColumnElement[bool],
    offset: int = 0,
    limit: int | None = 200,
    order: Sequence[Any] = (),
) -> list[ApplicationRow]:
    """Applications matching ``conditions`` as list rows (national ID masked), first come first
    (or in ``order``, which should end in a unique column and follow an index).

    The one place list rows are built, so the queue, search results and any other list show
    the same columns the same way.
    """
    assignee = aliased(User)
    doc_count = (
        select(func.count())
        .where(Document.application_id == Application.id)
        .correlate(Application)
        .scalar_subquery()
    )
    first_come = tuple(order) or (Application.deemed_received_at, Application.tracking_number)
    # The page is chosen on the (deemed, tracking number) index alone, and only its rows are
    # joined: with OFFSET on the joined query, SQLite would join every skipped row too (the
    # last of 100,000 took seconds).
    page = (
        select(Application.id)
        .where(*conditions)
        .order_by(*first_come)
        .offset(offset)
        .limit(limit)
        .correlate(None)
    )
    # Plain columns, not entities: a list needs a dozen values per row, and whole objects
    # would decode every row's form data and the service's catalog entry (JSON) for nothing.
    query = (
        select(
            Application.id,
            Application.tracking_number,
            Application.status,
            Application.channel,
            Application.subject,
            Application.reply_to,
            Application.received_at,
            Application.deemed_received_at,
            Application.sla_due_at,
            ServiceType.code,
            ServiceType.name_th.label("service_name_th"),
            ServiceType.name_en.label("service_name_en"),
            Applicant.title_th,
            Applicant.name_th.label("applicant_name_th"),
            Applicant.national_id,
            assignee.display_name,
            doc_count.label("documents"),
        )
        .outerjoin(ServiceType, ServiceType.id == Application.service_type_id)
        .outerjoin(Applicant, Applicant.id == Application.applicant_id)
        .outerjoin(assignee, assignee.id == Application.assignee_id)
        .where(Application.id.in_(page))
        .order_by(*first_come)
    )
    rows: list[ApplicationRow] = []
    for row in session.execute(query):
        state, left = sla_state_of(row.status, row.sla_due_at, now, calendar)
        status_info = STATUSES[row.status]
        has_service = row.code is not None
        rows.append(
            ApplicationRow(
                id=row.id,
                tracking_number=row.tracking_number,
                service_code=row.code if has_service else "",
                service_name_th=row.service_name_th if has_service else "ยังไม่จำแนก",
                service_name_en=row.service_name_en if has_service else "Unclassified",
                applicant_name=(
                    f"{row.title_th}{row.applicant_name_th}".strip()
                    if row.applicant_name_th is not None
                    else row.reply_to
                ),
                applicant_id_masked=(mask_national_id(row.national_id) if row.national_id else ""),
                channel=Channel(row.channel),
                subject=row.subject,
                status=ApplicationStatus(row.status),
                status_label_th=status_info.label_th,
                status_label_en=status_info.label_en,
                received_at=row.received_at,
                deemed_received_at=row.deemed_received_at,
                sla_due_at=row.sla_due_at,
                sla_state=state,
                business_days_left=left,
                assignee=row.display_name,
                document_count=int(row.documents or 0),
            )
        )
    return rows


def _applicant_name(applicant: Applicant | None, fallback: str) -> str:
    if applicant is None:
        return fallback
    return f"{applicant.title_th}{applicant.name_th}".strip()


def application_detail(
    session: Session, calendar: BusinessCalendar, now: datetime, tracking_number: str
) -> dict[str, object]:
    """Everything the CLI shows about one application (national ID masked)."""
    app = session.scalar(select(Application).where(Application.tracking_number == tracking_number))
    if app is None:
        raise NotFound(
            f"ไม่พบคำขอเลขที่ {tracking_number}", f"No application numbered {tracking_number}."
        )
    service = session.get(ServiceType, app.service_type_id) if app.service_type_id else None
    state, left = sla_state_of(app.status, app.sla_due_at, now, calendar)
    history = session.scalars(
        select(Event).where(Event.aggregate_id == app.id).order_by(Event.seq)
    ).all()
    applicant = app.applicant
    return {
        "tracking_number": app.tracking_number,
        "service": service.code if service else None,
        "service_name_th": service.name_th if service else "ยังไม่จำแนก",
        "applicant": _applicant_name(applicant, app.reply_to),
        "national_id": (
            mask_national_id(applicant.national_id) if applicant and applicant.national_id else ""
        ),
        "channel": app.channel,
        "subject": app.subject,
        "status": app.status,
        "status_th": STATUSES[app.status].label_th,
        "received_at": app.received_at.isoformat(),
        "deemed_received_at": app.deemed_received_at.isoformat(),
        "deemed_received_th": format_thai_date(app.deemed_received_at, with_time=True),
        "sla_due_at": app.sla_due_at.isoformat() if app.sla_due_at else None,
        "sla_state": state,
        "business_days_left": round(left, 2) if left is not None else None,
        "documents": [
            {
                "filename": d.filename,
                "content_type": d.content_type,
                "size": d.size,
                "pages": d.pages,
                "sha256": d.blob_sha256,
            }
            for d in app.documents
        ],
        "history": [
            {"at": e.occurred_at.isoformat(), "type": e.type, "actor": e.actor} for e in history
        ],
    }
