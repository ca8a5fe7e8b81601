"""The approver's summary of one request and the approval queue (first come, first served).

The queue is the review queue's approver part (:data:`services.review.queue.QUEUES`): the
same first-come order and the same compare-and-set claims, so two approvers pressing "Next"
never take the same request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Application, Approval, Event, Payment, ServiceType, User
from services.approval.views import ApprovalRecord, ApprovalSummary
from services.cases.views import ApplicationRow
from services.catalog.loader import ServiceSpec
from services.catalog.versions import spec_for
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput
from services.kernel.statuses import ApplicationStatus
from services.review import application_detail, application_row, load_application
from services.review.checks import IDENTITY_NAMES

__all__ = [
    "approval_queue",
    "approval_queue_count",
    "approval_summary",
    "latest_approval",
    "payment_text",
    "review_completed",
    "service_spec_of",
]


def approval_queue(
    session: Session, calendar: BusinessCalendar, now: datetime, limit: int = 500
) -> list[ApplicationRow]:
    """Requests waiting for approval, oldest (deemed received) first."""
    rows = session.scalars(
        select(Application)
        .where(Application.status == ApplicationStatus.READY_FOR_APPROVAL)
        .order_by(Application.deemed_received_at, Application.tracking_number)
        .limit(limit)
    ).all()
    return [application_row(session, calendar, now, a) for a in rows]


def approval_queue_count(session: Session) -> int:
    """How many requests wait for approval: the queue pane's badge, without their rows."""
    query = (
        select(func.count())
        .select_from(Application)
        .where(Application.status == ApplicationStatus.READY_FOR_APPROVAL)
    )
    return int(session.scalar(query) or 0)


def service_spec_of(session: Session, application: Application) -> tuple[ServiceType, ServiceSpec]:
    service = (
        session.get(ServiceType, application.service_type_id)
        if application.service_type_id
        else None
    )
    if service is None:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ยังไม่ได้ระบุบริการ จึงพิจารณาอนุมัติไม่ได้",
            f"Application {application.tracking_number} has no service, so it cannot be approved.",
        )
    # The rules of the catalog version the request was received under (its risk, fee).
    return service, spec_for(session, application) or ServiceSpec.from_dict(service.spec)


def review_completed(
    session: Session, application_id: str, known_names: Mapping[str, str] | None = None
) -> tuple[str, datetime | None, str]:
    """(reviewer's name, when, note) of the last completed review; ``known_names``: officers'
    display names by username already read in this action."""
    event = session.scalars(
        select(Event)
        .where(Event.aggregate_id == application_id, Event.type == "review.completed")
        .order_by(Event.seq.desc())
        .limit(1)
    ).first()
    if event is None:
        return "", None, ""
    note = str(json.loads(event.payload).get("note", ""))
    if known_names and event.actor in known_names:
        return known_names[event.actor], event.occurred_at, note
    user = session.scalar(select(User).where(User.username == event.actor))
    return (user.display_name if user else event.actor), event.occurred_at, note


def payment_text(session: Session, application: Application, spec: ServiceSpec) -> tuple[str, str]:
    if spec.fee.amount_satang <= 0:
        return "ไม่มีค่าธรรมเนียม", "No fee"
    baht = f"{spec.fee.amount_satang / 100:,.2f}"
    paid = session.scalars(
        select(Payment)
        .where(Payment.application_id == application.id, Payment.status == "verified")
        .limit(1)
    ).first()
    if paid is not None:
        return (
            f"{baht} บาท — ชำระแล้ว ใบเสร็จ {paid.receipt_number}",
            f"{baht} baht, paid (receipt {paid.receipt_number})",
        )
    if spec.fee.due == "before_issue":
        return (
            f"{baht} บาท — ชำระหลังอนุมัติ ก่อนออกเอกสาร",
            f"{baht} baht, due after approval, before issue",
        )
    return f"{baht} บาท — ยังไม่พบการชำระ", f"{baht} baht, no payment recorded"


def latest_approval(session: Session, application_id: str) -> ApprovalRecord | None:
    approval = session.scalars(
        select(Approval)
        .where(Approval.application_id == application_id)
        .order_by(Approval.decided_at.desc())
        .limit(1)
    ).first()
    if approval is None:
        return None
    user = session.get(User, approval.approver_id)
    return ApprovalRecord(
        decision=approval.decision,
        approver=user.display_name if user else "",
        position=user.position_th if user else "",
        decided_at=approval.decided_at,
        signature_type=approval.signature_type,
        certificate_subject=approval.certificate_subject,
        conditions=tuple(approval.conditions or ()),
        reason=approval.reason,
        document_id=approval.document_id,
    )


def approval_summary(
    session: Session,
    calendar: BusinessCalendar,
    now: datetime,
    application_id: str,
    user_id: str | None,
    roles: frozenset[str],
) -> ApprovalSummary:
    application = load_application(session, application_id, lock=False)
    detail = application_detail(session, calendar, now, application, user_id, roles)
    service, spec = service_spec_of(session, application)
    reviewed_by, reviewed_at, note = review_completed(session, application.id)
    payment_th, payment_en = payment_text(session, application, spec)
    return ApprovalSummary(
        detail=detail,
        reviewed_by=reviewed_by,
        reviewed_at=reviewed_at,
        review_note=note,
        criteria_th=spec.approval_criteria_th,
        criteria_en=spec.approval_criteria_en,
        default_conditions=spec.approval_conditions_th,
        min_signature_type=spec.min_signature_type,
        payment_th=payment_th,
        payment_en=payment_en,
        decision=latest_approval(session, application.id),
        identity_names=tuple(
            (c.kind, *IDENTITY_NAMES.get(c.kind, (c.kind, c.kind))) for c in detail.identity_checks
        ),
    )
