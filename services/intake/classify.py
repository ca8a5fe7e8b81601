"""Classifying a request that arrived without a known service (status "รอจำแนกประเภท").

Intake names the service and the kind of applicant (person or juristic). The request moves to
"received", its SLA runs from the deemed-received time it already had (not from the moment it
was classified), an event records it, and the applicant gets a follow-up acknowledgement that
carries the real SLA and due date — all in the caller's unit of work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sqlalchemy import select

from models import Application, Document, OutboxMessage, ServiceType
from services.access.table import Action, require
from services.cases.applications import change_status
from services.catalog.versions import version_for_new_request
from services.intake.acknowledgement import DEFAULT_TEMPLATE, AckDocument
from services.intake.replying import queue_acknowledgement
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.statuses import ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.outbox import check_address

__all__ = ["APPLICANT_KINDS", "classify", "queue_stored_acknowledgement"]

APPLICANT_KINDS: Final = ("person", "juristic")
FOLLOW_UP_KIND: Final = "acknowledgement_sla"


def classify(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application_id: str,
    service_code: str,
    applicant_kind: str,
) -> OutboxMessage | None:
    """Name the service of an unclassified request; returns the follow-up acknowledgement
    queued for the applicant (None without a usable address: the event says so)."""
    require(uow.actor, Action.CLASSIFY)
    application = uow.session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    if application.status != ApplicationStatus.UNCLASSIFIED:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ระบุประเภทบริการไว้แล้ว",
            f"Application {application.tracking_number} is already classified.",
        )
    if applicant_kind not in APPLICANT_KINDS:
        raise InvalidInput(
            "โปรดเลือกประเภทผู้ยื่น: บุคคลธรรมดา หรือ นิติบุคคล",
            "Choose the kind of applicant: a person or a juristic person.",
        )
    service = uow.session.scalar(select(ServiceType).where(ServiceType.code == service_code))
    if service is None:
        raise InvalidInput(
            f"ไม่พบบริการรหัส {service_code} ในคู่มือประชาชน",
            f"No service with code {service_code} in the catalog.",
        )
    application.service_type_id = service.id
    # From now on the request is held to the catalog as it is at classification.
    application.catalog_version = version_for_new_request(uow.session)
    if application.applicant is not None:
        application.applicant.kind = applicant_kind
    # The SLA counts from the deemed-received time (change_status recomputes it now that the
    # service is known): the days spent unclassified are the agency's, not the applicant's.
    change_status(uow, calendar, application.id, ApplicationStatus.RECEIVED, reason="classified")
    follow_up = queue_stored_acknowledgement(uow, application)
    uow.record(
        "application.classified",
        "application",
        application.id,
        {
            "service": service.code,
            "applicant_kind": applicant_kind,
            "deemed_received_at": application.deemed_received_at.isoformat(),
            "sla_due_at": application.sla_due_at.isoformat() if application.sla_due_at else None,
            "notice_outbox_id": follow_up.id if follow_up else None,
        },
    )
    return follow_up


def queue_stored_acknowledgement(
    uow: UnitOfWork,
    application: Application,
    *,
    kind: str = FOLLOW_UP_KIND,
    template: Path = DEFAULT_TEMPLATE,
    in_thread: bool = True,
) -> OutboxMessage | None:
    """An acknowledgement of ``application`` as the store has it now (its documents, service
    and SLA), to its reply address; None without a usable one. ``in_thread``: as a reply to
    the mail that brought it."""
    try:
        check_address(application.reply_to)
    except InvalidInput:
        return None
    documents = uow.session.scalars(
        select(Document)
        .where(Document.application_id == application.id, Document.derived_from.is_(None))
        .order_by(Document.received_at, Document.filename)
    ).all()
    listed = [
        AckDocument(d.filename, f"({d.pages} หน้า / pages)" if d.pages else "") for d in documents
    ]
    key = (application.source_key or "").split(" ", 1)[0]
    threaded = in_thread and application.channel == "email" and ":" not in key
    thread = key if threaded and key else None
    return queue_acknowledgement(
        uow, application, listed, (), in_reply_to=thread, kind=kind, template=template
    )
