"""A licence's delivery mail that bounced: the delivery is marked failed, to be sent again.

Intake sets delivery reports aside in the "Not requests" tray (reason ``delivery_report``)
with their raw bytes. After each sync, :func:`note_bounces` reads those it has not looked at,
finds the Message-ID of the mail that failed (in the report's returned message or headers),
and, when that mail was the latest delivery of a licence, marks the delivery failed: the
licence is no longer *delivered*, the request goes back to *issued* with an event, and the
issuing page offers to send it again — by e-mail or by another channel.
"""

from __future__ import annotations

import email
import email.policy
import json
import logging
from email.message import Message
from typing import Final

from sqlalchemy import select

from models import Application, Event, IssuedDocument, NotRequestMail, OutboxMessage
from services.cases.applications import change_status
from services.issuing.paper import event_aggregate
from services.kernel.calendar import BusinessCalendar
from services.kernel.statuses import ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["failed_message_ids", "note_bounces"]

log = logging.getLogger(__name__)

_REPORT: Final = "delivery_report"
_LOOKED: Final = "licence.bounce_examined"
_MAX_PER_RUN: Final = 200


def failed_message_ids(raw: bytes) -> list[str]:
    """The Message-IDs of the mail a delivery report returns (RFC 3464 and the usual forms)."""
    report = email.message_from_bytes(raw, policy=email.policy.compat32)
    found: list[str] = []
    for part in report.walk():
        kind = part.get_content_type()
        returned: Message | None = None
        if kind in ("message/rfc822", "message/global"):
            payload = part.get_payload()
            first = payload[0] if isinstance(payload, list) and payload else None
            returned = first if isinstance(first, Message) else None
        elif kind == "text/rfc822-headers":
            body = part.get_payload(decode=True)
            if isinstance(body, bytes):
                returned = email.message_from_bytes(body, policy=email.policy.compat32)
        if returned is not None and returned.get("Message-ID"):
            found.append(str(returned["Message-ID"]).strip())
    return found


def _latest_delivery(uow: UnitOfWork, application_id: str) -> dict[str, object] | None:
    event = uow.session.scalars(
        select(Event)
        .where(Event.aggregate_id == application_id, Event.type == "licence.delivered")
        .order_by(Event.seq.desc())
        .limit(1)
    ).first()
    return json.loads(event.payload) if event else None


def note_bounces(uow: UnitOfWork, calendar: BusinessCalendar, blobs: BlobStore) -> int:
    """Mark the deliveries whose mail bounced; returns how many. Each report is read once."""
    looked = select(Event.aggregate_id).where(Event.type == _LOOKED)
    reports = uow.session.scalars(
        select(NotRequestMail)
        .where(NotRequestMail.reason_code == _REPORT, NotRequestMail.id.not_in(looked))
        .order_by(NotRequestMail.received_at)
        .limit(_MAX_PER_RUN)
    ).all()
    failed = 0
    for report in reports:
        ids: list[str] = []
        if report.raw_blob_sha256:
            try:
                ids = failed_message_ids(blobs.get(report.raw_blob_sha256))
            except (ValueError, LookupError, OSError) as exc:
                log.info("delivery report %s not readable: %s", report.id, type(exc).__name__)
        matched = _fail_delivery(uow, calendar, report, ids)
        failed += matched
        uow.record(_LOOKED, "inbound", report.id, {"licence_delivery_failed": bool(matched)})
    return failed


def _fail_delivery(
    uow: UnitOfWork, calendar: BusinessCalendar, report: NotRequestMail, ids: list[str]
) -> bool:
    if not ids:
        return False
    sent = uow.session.scalars(
        select(OutboxMessage).where(OutboxMessage.message_id.in_(ids),
                                    OutboxMessage.kind == "licence")
    ).first()  # fmt: skip
    if sent is None or sent.application_id is None:
        return False
    latest = _latest_delivery(uow, sent.application_id)
    if latest is None or latest.get("outbox_id") != sent.id:
        return False  # an earlier delivery's bounce: the licence was sent again since
    issued = uow.session.get(IssuedDocument, latest.get("issued_document"), with_for_update=True)
    if issued is None or issued.delivered_at is None:
        return False
    issued.delivered_at = None
    issued.delivery_failed_at = report.received_at
    issued.delivery_failure = (report.subject or report.reason_en)[:500]
    application = uow.session.get(Application, issued.application_id)
    if application is not None and application.status == ApplicationStatus.DELIVERED:
        change_status(uow, calendar, application.id, ApplicationStatus.ISSUED,
                      reason="delivery failed")  # fmt: skip
    uow.record(
        "licence.delivery_failed",
        *event_aggregate(issued),
        {"issued_document": issued.id, "number": issued.document_number,
         "outbox_id": sent.id, "report": report.id},
    )  # fmt: skip
    return True
