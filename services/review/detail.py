"""The read side of review: one application as the review screen shows it.

The national ID is masked (PDPA, M08: show only what is needed); form fields carry the
labels of the service's citizen-manual entry; the checklist merges the required documents
with the latest verdict on each.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Application, Document, ServiceType, User
from models.ordering import insertion_order
from services.access.table import Action, may
from services.cases.queries import sla_state_of
from services.cases.views import ApplicationRow, DocumentInfo
from services.kernel.calendar import BusinessCalendar
from services.kernel.channels import Channel
from services.kernel.statuses import STATUSES, TRANSITIONS, ApplicationStatus
from services.kernel.thai_id import mask_national_id
from services.review.checks import (
    MUST_ACCEPT,
    REVIEWABLE_STATUSES,
    na_refused,
    required_identity_checks,
    review_state,
)
from services.review.decisions import DECIDABLE_STATUS
from services.review.queue import current_holder
from services.review.returns import RETURNABLE_STATUSES, returned_notes
from services.review.views import ApplicationDetail

__all__ = ["application_detail", "application_row", "document_info"]


def _applicant_name(application: Application) -> str:
    applicant = application.applicant
    if applicant is None:
        return application.reply_to
    return f"{applicant.title_th}{applicant.name_th}".strip()


def _masked_id(application: Application) -> str:
    applicant = application.applicant
    if applicant is None or not applicant.national_id:
        return ""
    return mask_national_id(applicant.national_id)


def application_row(
    session: Session, calendar: BusinessCalendar, now: datetime, application: Application
) -> ApplicationRow:
    """The list row of one application (same shape as the queue lists)."""
    service = (
        session.get(ServiceType, application.service_type_id)
        if application.service_type_id
        else None
    )
    assignee = session.get(User, application.assignee_id) if application.assignee_id else None
    documents = session.scalar(
        select(func.count()).where(Document.application_id == application.id)
    )
    state, left = sla_state_of(application.status, application.sla_due_at, now, calendar)
    status = STATUSES[application.status]
    return ApplicationRow(
        id=application.id,
        tracking_number=application.tracking_number,
        service_code=service.code if service else "",
        service_name_th=service.name_th if service else "ยังไม่จำแนก",
        service_name_en=service.name_en if service else "Unclassified",
        applicant_name=_applicant_name(application),
        applicant_id_masked=_masked_id(application),
        channel=Channel(application.channel),
        subject=application.subject,
        status=ApplicationStatus(application.status),
        status_label_th=status.label_th,
        status_label_en=status.label_en,
        received_at=application.received_at,
        deemed_received_at=application.deemed_received_at,
        sla_due_at=application.sla_due_at,
        sla_state=state,
        business_days_left=left,
        assignee=assignee.display_name if assignee else None,
        document_count=int(documents or 0),
    )


def document_info(document: Document) -> DocumentInfo:
    flags = tuple(document.flags or ())
    return DocumentInfo(
        id=document.id,
        filename=document.filename,
        content_type=document.content_type,
        size=document.size,
        pages=document.pages,
        width_px=document.width_px,
        height_px=document.height_px,
        dpi=document.dpi,
        flags=flags,
        origin=Channel(document.origin),
        received_at=document.received_at,
        derived_from=document.derived_from,
        withdrawn_at=document.withdrawn_at,
        withdrawn_reason=document.withdrawn_reason or "",
    )


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ใช่ / Yes" if value else "ไม่ใช่ / No"
    return str(value)


def application_detail(
    session: Session,
    calendar: BusinessCalendar,
    now: datetime,
    application: Application,
    user_id: str | None,
    roles: frozenset[str],
) -> ApplicationDetail:
    """Everything the review screen shows about ``application`` for the officer ``user_id``
    holding ``roles``, with what they may do on it."""
    state = review_state(session, application)
    spec = state.spec
    form_data: dict[str, Any] = application.form_data or {}
    fields = (
        tuple((f.label_th, f.label_en, _shown(form_data.get(f.key))) for f in spec.form_fields)
        if spec
        else ()
    )
    documents = session.scalars(
        select(Document)
        .where(Document.application_id == application.id)
        # ties: the order the files came in, among files received together.
        .order_by(Document.received_at, insertion_order("document"))
    ).all()
    holder = current_holder(session, application)
    mine = holder is not None and holder.id == user_id
    applicant = application.applicant
    notes = form_data.get("intake_notes") or []
    return ApplicationDetail(
        row=application_row(session, calendar, now, application),
        applicant_kind=state.applicant_kind,
        applicant_name=_applicant_name(application),
        applicant_id_masked=_masked_id(application),
        applicant_email=applicant.email if applicant else application.reply_to,
        applicant_phone=applicant.phone if applicant else "",
        applicant_address=applicant.address_th if applicant else "",
        representative=applicant.representative_th if applicant else "",
        body_text=application.body_text,
        form_fields=fields,
        documents=tuple(document_info(d) for d in documents),
        checklist=state.checklist,
        identity_checks=state.identity,
        # As the catalog version it was received under has them, not as they are today.
        required_ial=spec.ial if spec else 1,
        risk_level=spec.risk_level if spec else "standard",
        fee_satang=spec.fee.amount_satang if spec else 0,
        fee_due=spec.fee.due if spec else "none",
        claimed_by=holder.display_name if holder else None,
        claimed_by_me=mine,
        checklist_complete=spec is not None and not state.missing_items,
        missing_items=state.missing_items,
        intake_notes=tuple(str(n) for n in notes) if isinstance(notes, list) else (str(notes),),
        required_checks=state.required_checks,
        missing_checks=state.missing_checks,
        review_complete=state.complete,
        delegation_checks=(
            required_identity_checks(spec.ial, True, juristic=state.applicant_kind == "juristic")
            if spec
            else ()
        ),
        delegated=state.delegated,
        declared_delegated=state.declared_delegated,
        must_checks=tuple(sorted(MUST_ACCEPT)),
        not_applicable_refused=na_refused(state),
        company_certificate_max_months=spec.company_certificate_max_months if spec else 6,
        allowed=allowed_actions(application.status, roles, held_by_me=mine),
        returned=_returned(session, form_data),
        catalog_version=application.catalog_version if spec else None,
    )


def _returned(session: Session, form_data: dict[str, Any]) -> tuple[tuple[datetime, str, str], ...]:
    names = dict(session.execute(select(User.username, User.display_name)).all())
    out: list[tuple[datetime, str, str]] = []
    for at, by, note in returned_notes(form_data):
        try:
            when = datetime.fromisoformat(at)
        except ValueError:
            continue
        out.append((when, names.get(by, by), note))
    return tuple(out)


def allowed_actions(status: str, roles: frozenset[str], *, held_by_me: bool) -> frozenset[Action]:
    """What the holder of ``roles`` may do on a request in ``status``: the access table, and
    for verdicts and decisions the same conditions the services enforce (holding the request,
    the status the step needs)."""
    allowed = {a for a in _ON_A_REQUEST if may(roles, a)}
    if not (held_by_me and status in REVIEWABLE_STATUSES):
        allowed.discard(Action.RECORD_CHECKS)
    if not (held_by_me and status == DECIDABLE_STATUS):
        allowed.discard(Action.DECIDE_REVIEW)
    if status != ApplicationStatus.UNCLASSIFIED:
        allowed.discard(Action.CLASSIFY)
    if (status, ApplicationStatus.WITHDRAWN) not in TRANSITIONS:
        allowed.discard(Action.WITHDRAW)
    if not (held_by_me and status == ApplicationStatus.READY_FOR_APPROVAL):
        allowed.discard(Action.APPROVE)
    role = RETURNABLE_STATUSES.get(ApplicationStatus(status))
    if not (held_by_me and role is not None and role in roles):
        allowed.discard(Action.RETURN_TO_REVIEW)
    return frozenset(allowed)


_ON_A_REQUEST = (
    Action.READ_DOCUMENTS,
    Action.RECORD_CHECKS,
    Action.DECIDE_REVIEW,
    Action.CERTIFY_COPY,
    Action.REASSIGN,
    Action.CLASSIFY,
    Action.WITHDRAW,
    Action.RETURN_TO_REVIEW,
    Action.APPROVE,
)
