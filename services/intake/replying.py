"""Automatic mail to applicants: whether an address can take it, and the acknowledgement.

The acknowledgement of a request is rendered from the application as the store has it (its
service, SLA, deemed-received time, documents) with the agency's template and queued in the
outbox in the caller's unit of work, so it commits with the decision behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from models import Application, OutboxMessage, ServiceType
from services import outbox
from services.intake.acknowledgement import (
    DEFAULT_TEMPLATE,
    AckDocument,
    privacy_values,
    render_acknowledgement,
    sla_texts,
)
from services.kernel.errors import InvalidInput
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.applicant_mail import mail_domain
from services.store.agency import pinned_agency

__all__ = ["queue_acknowledgement", "replyable"]


def replyable(address: str) -> bool:
    """A malformed address must not cost the request itself: it only skips the reply."""
    if not address:
        return False
    try:
        outbox.check_address(address)
    except InvalidInput:
        return False
    return True


def queue_acknowledgement(
    uow: UnitOfWork,
    application: Application,
    documents: Sequence[AckDocument],
    held: Sequence[tuple[str, str, str]],
    *,
    sender_name: str = "",
    in_reply_to: str | None = None,
    template: Path = DEFAULT_TEMPLATE,
    kind: str = "acknowledgement",
) -> OutboxMessage:
    """Render the acknowledgement of ``application`` as it stands and queue it in ``uow``.

    ``held`` is (file name, applicant's Thai, applicant's English). An unclassified request
    is told that the SLA follows once the service is known; classifying it sends this again
    (``kind`` "acknowledgement_sla") with the real SLA.
    """
    agency = pinned_agency(uow.session)
    service = (
        uow.session.get(ServiceType, application.service_type_id)
        if application.service_type_id
        else None
    )
    applicant = application.applicant
    # Only a short name without links is repeated to whoever is at the sender's address.
    name = f"{applicant.title_th}{applicant.name_th}" if applicant else sender_name
    due_th = format_thai_date(application.sla_due_at) if application.sla_due_at else "-"
    due_en = format_english_date(application.sla_due_at) if application.sla_due_at else "-"
    sla_th, sla_en = sla_texts(service.sla_business_days if service else None, due_th, due_en)
    values = {
        "tracking_number": application.tracking_number,
        "applicant_name": echo_name(name) or "ผู้ยื่นคำขอ / Applicant",
        "agency_th": agency.name_th,
        "agency_en": agency.name_en,
        "agency_email": agency.email,
        "agency_phone": agency.phone or "-",
        "service_th": service.name_th if service else "รอเจ้าหน้าที่ระบุประเภทบริการ",
        "service_en": service.name_en if service else "to be identified by an officer",
        "received_th": format_thai_date(application.received_at, with_time=True),
        "received_en": format_english_date(application.received_at, with_time=True),
        "deemed_received_th": format_thai_date(application.deemed_received_at, with_time=True),
        "deemed_received_en": format_english_date(application.deemed_received_at, with_time=True),
        "sla_days": str(service.sla_business_days) if service else "-",
        "sla_th": sla_th,
        "sla_en": sla_en,
        "sla_due_th": due_th,
        "sla_due_en": due_en,
        **privacy_values(service.spec if service else None),
    }
    subject, body = render_acknowledgement(values, documents, held, template)
    return outbox.queue_message(
        uow,
        kind=kind,
        to_addr=application.reply_to,
        subject=subject,
        body_text=body,
        application_id=application.id,
        in_reply_to=in_reply_to,
        auto_submitted="auto-replied",
        domain=mail_domain(agency.email),
    )
