"""Turn what arrives (a mail, a shared-drive item, a counter visit) into applications.

One arrival = one transaction: the inbound record (the idempotency key), the
application or the documents appended to one, quarantined files, the
acknowledgement in the outbox and the audit events all commit together, or not
at all. Re-running intake on the same arrival finds its key and does nothing,
so a crash at any point, a re-sync or a UIDVALIDITY change never loses or
duplicates a request.

The arrival's shape is :mod:`.arrival`; an applicant's status or cancel mail is answered by
:mod:`.enquiry`; the acknowledgement is rendered and queued by :mod:`.replying`; mail that is
not a request is set aside by :mod:`.set_aside`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from models import (
    Application,
    InboundMessage,
    MailboxCursor,
    OutboxMessage,
    QuarantineItem,
    new_id,
)
from services.cases.applications import (
    CONSENT_KEY,
    NewApplicant,
    change_status,
    create_application,
    find_or_create_applicant,
)
from services.cases.documents import FileFacts, attach_document
from services.intake.acknowledgement import (
    DEFAULT_TEMPLATE,
    AckDocument,
)
from services.intake.arrival import (
    Arrival,
    IntakeOutcome,
    MailboxPosition,
    OutcomeKind,
    arrival_from_mail,
)
from services.intake.dedup import resolve_key
from services.intake.enquiry import answer_enquiry, answers_our_reply, enquiry_kind
from services.intake.holds import hold_unauthenticated
from services.intake.inspect import inspect_attachments
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.inspect.reasons import applicant_texts
from services.intake.payment_mail import route_payment_mail, to_finance_inbox
from services.intake.reading import (
    DEFAULT_LIMITS,
    bounded_arrival,
    inspect_arrival,
    set_aside_mail,
)
from services.intake.replying import queue_acknowledgement, replyable
from services.intake.set_aside import set_aside
from services.intake.types import InspectedFile, Limits
from services.kernel.actors import Actor
from services.kernel.text import (
    clean_filename,
    clean_line,
    clean_name,
)
from services.kernel.unit_of_work import UnitOfWork
from services.store.context import AppContext

__all__ = [
    "FORWARDED_KEY",
    "INTAKE",
    "Arrival",
    "IntakeOutcome",
    "TRACKING_RE",
    "MailboxPosition",
    "act_on",
    "advance_cursor",
    "arrival_from_mail",
    "hold_unprocessable",
    "ingest",
    "inspect_arrival",
    "queue_acknowledgement",
    "quarantine_unprocessable",
    "record_arrival",
]

log = logging.getLogger(__name__)

INTAKE = Actor.system("intake")
FORWARDED_KEY = "forwarded"
"""In an application's form data: the original sender a forwarded request names, proposed as
the applicant, and intake's decision on it (``services.intake.forwarded``)."""
TRACKING_RE = re.compile(r"\b([A-Z]{2,10}-[A-Z0-9]{2,10}-25\d\d-\d{6})\b")


def ingest(
    context: AppContext,
    arrival: Arrival,
    *,
    limits: Limits = DEFAULT_LIMITS,
    ack_template: Path = DEFAULT_TEMPLATE,
    actor: Actor = INTAKE,
    cursor: MailboxPosition | None = None,
    pdf_probe: PdfOpenProbe | None = None,
) -> IntakeOutcome:
    """Record one arrival; safe to call again with the same arrival (returns "duplicate").

    ``cursor`` moves the mailbox folder's read position in the same transaction, so
    the position never runs ahead of what the store holds. A duplicate leaves it
    alone: the caller marks that copy on the server first, then moves past it.
    ``pdf_probe`` asks the viewer's engine about each PDF (see
    :mod:`services.intake.inspect.pdf_probe`); without it pypdf judges alone.
    Several arrivals in one transaction: :mod:`services.intake.group`.
    """
    arrival, inspected = inspect_arrival(arrival, limits, pdf_probe)
    with context.unit_of_work(actor) as uow:
        return record_arrival(uow, context, arrival, inspected, ack_template, cursor)


def record_arrival(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    inspected: list[InspectedFile],
    ack_template: Path = DEFAULT_TEMPLATE,
    cursor: MailboxPosition | None = None,
) -> IntakeOutcome:
    """Record an arrival judged by :func:`inspect_arrival` in ``uow`` (see :func:`ingest`)."""
    arrival, seen = resolve_key(uow, context.store.blobs, arrival)
    if seen is not None:
        return IntakeOutcome("duplicate", seen.application_id, None)
    if cursor is not None:
        advance_cursor(uow, cursor)
    raw_sha = context.store.blobs.put(arrival.raw).sha256 if arrival.raw else None
    if set_aside_mail(arrival):
        # A bounce, an auto-reply, a newsletter: its own tray, no application, no reply.
        set_aside(uow, arrival, raw_sha)
        outcome = IntakeOutcome("not_request", None, None)
    else:
        outcome = act_on(uow, context, arrival, DEFAULT_LIMITS, ack_template, inspected)
    uow.session.add(
        InboundMessage(
            source_key=arrival.source_key,
            application_id=outcome.application_id,
            channel=arrival.channel,
            sender=arrival.sender_address,
            subject=arrival.subject[:500],
            raw_blob_sha256=raw_sha,
            received_at=arrival.received_at,
            outcome=outcome.kind,
            mailbox_source=arrival.mailbox_source,
            mailbox_uid=arrival.mailbox_uid,
            action_pending=bool(arrival.mailbox_source),
        )
    )
    if arrival.reused_message_id is not None:
        uow.record(
            "inbound.message_id_reused",
            "application",
            outcome.application_id or "",
            {"message_id": arrival.reused_message_id, "source_key": arrival.source_key},
        )
    return outcome


def act_on(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    limits: Limits = DEFAULT_LIMITS,
    ack_template: Path = DEFAULT_TEMPLATE,
    inspected: list[InspectedFile] | None = None,
) -> IntakeOutcome:
    """What a request does in ``uow``: append to its application, answer an enquiry, be held,
    or become a new application (with its acknowledgement).

    ``inspected``: the arrival's files as already judged (outside the transaction, with the
    viewer's engine); when None they are judged here by pypdf alone, under ``limits``."""
    arrival = bounded_arrival(arrival)
    if inspected is None:
        inspected = inspect_attachments(arrival.attachments, limits)
    target = _matching_application(uow, arrival)
    enquiry = None if answers_our_reply(uow, arrival) else enquiry_kind(arrival, target)
    if target is not None and arrival.sender_auth == "fail":
        # Claims to be the applicant but the agency's server says it is not proven:
        # nothing is added to her request or done for it until an officer decides.
        ids = hold_unauthenticated(uow, context.store.blobs, arrival, target)
        return IntakeOutcome("held", target.id, target.tracking_number, quarantined=len(ids))
    if target is not None and enquiry is not None:
        replied = answer_enquiry(uow, context, arrival, target, enquiry)
        kind: OutcomeKind = "cancel_request" if enquiry == "cancel_request" else "status_enquiry"
        return IntakeOutcome(kind, target.id, target.tracking_number, replied=replied)
    service_code = arrival.service_code or _classify(context, arrival)
    fee_mail = route_payment_mail(uow, arrival, inspected, target, bool(service_code))
    if fee_mail is not None and fee_mail.application is not None:
        target = fee_mail.application  # it names a payment of another of her requests
    elif fee_mail is not None:
        ids = to_finance_inbox(uow, context.store.blobs, arrival, inspected, fee_mail)
        return IntakeOutcome("finance_inbox", None, None, quarantined=len(ids))
    if target is not None:
        return _append(uow, context, arrival, target, inspected)
    return _create(uow, context, arrival, inspected, ack_template, service_code)


def advance_cursor(uow: UnitOfWork, position: MailboxPosition) -> None:
    row = uow.session.get(MailboxCursor, position.source)
    if row is None:
        uow.session.add(
            MailboxCursor(
                source=position.source,
                uidvalidity=position.uidvalidity,
                last_uid=position.uid,
                updated_at=uow.now,
            )
        )
        return
    if row.uidvalidity != position.uidvalidity or position.uid > row.last_uid:
        row.uidvalidity = position.uidvalidity
        row.last_uid = position.uid
        row.updated_at = uow.now


def quarantine_unprocessable(
    context: AppContext, arrival: Arrival, error: BaseException, cursor: MailboxPosition | None
) -> bool:
    """A message intake could not handle is kept whole in quarantine, never dropped.

    Returns False when it was recorded already (by another run) and nothing was held.
    """
    with context.unit_of_work(INTAKE) as uow:
        return hold_unprocessable(uow, context, arrival, error, cursor)


def hold_unprocessable(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    error: BaseException,
    cursor: MailboxPosition | None,
) -> bool:
    """:func:`quarantine_unprocessable` in ``uow`` (a group's transaction)."""
    arrival = bounded_arrival(arrival)
    if cursor is not None:
        advance_cursor(uow, cursor)
    arrival, seen = resolve_key(uow, context.store.blobs, arrival)
    if seen is not None:
        return False
    blob = context.store.blobs.put(arrival.raw) if arrival.raw else None
    item = QuarantineItem(
        source_key=arrival.source_key,
        channel=arrival.channel,
        application_id=None,
        filename=(arrival.subject or arrival.source_key)[:300],
        content_type="message/rfc822",
        blob_sha256=blob.sha256 if blob else None,
        size=len(arrival.raw or b""),
        reason_code="unprocessable",
        reason_th="ระบบอ่านข้อความนี้ไม่สำเร็จ — เจ้าหน้าที่โปรดเปิดดูและลงทะเบียนคำขอด้วยตนเอง",
        reason_en="The workstation could not process this message; an officer should open "
        "it and register the request by hand.",
        status="held",
        created_at=uow.now,
    )
    uow.session.add(item)
    uow.session.add(
        InboundMessage(
            source_key=arrival.source_key,
            application_id=None,
            channel=arrival.channel,
            sender=arrival.sender_address,
            subject=arrival.subject[:500],
            raw_blob_sha256=item.blob_sha256,
            received_at=arrival.received_at,
            outcome="quarantined",
            mailbox_source=arrival.mailbox_source,
            mailbox_uid=arrival.mailbox_uid,
            action_pending=bool(arrival.mailbox_source),
        )
    )
    uow.session.flush()
    uow.record(
        "quarantine.held",
        "inbound",
        item.id,
        {"reason": "unprocessable", "error": type(error).__name__},
    )
    return True


# --- matching ----------------------------------------------------------------------------


def _same_sender(application: Application, arrival: Arrival) -> bool:
    address = arrival.sender_address.lower()
    if not address:
        return False
    applicant = application.applicant
    known = {application.reply_to.lower(), applicant.email.lower() if applicant else ""}
    return address in known - {""}


def _matching_application(uow: UnitOfWork, arrival: Arrival) -> Application | None:
    """A reply to one of ours, or a mail quoting a tracking number, from the same sender.

    The sender must match the application's address: anyone can quote a number,
    and documents must not be added to someone else's request.
    """
    if arrival.channel != "email":
        return None
    # The parser gives ids without angle brackets (as inbound keys are stored); the
    # outbox keeps its own Message-IDs with them.
    ids = [i.strip().strip("<>") for i in (arrival.in_reply_to, *arrival.references) if i]
    candidate: Application | None = None
    if ids:
        ours = [f"<{i}>" for i in ids]
        app_id = uow.session.scalar(
            select(OutboxMessage.application_id).where(OutboxMessage.message_id.in_(ours)).limit(1)
        ) or uow.session.scalar(
            select(InboundMessage.application_id)
            .where(InboundMessage.source_key.in_(ids), InboundMessage.application_id.is_not(None))
            .limit(1)
        )
        candidate = uow.session.get(Application, app_id) if app_id else None
    if candidate is None:
        found = TRACKING_RE.search(arrival.subject) or TRACKING_RE.search(arrival.body_text[:2000])
        if found:
            candidate = uow.session.scalar(
                select(Application).where(Application.tracking_number == found.group(1))
            )
    if candidate is not None and _same_sender(candidate, arrival):
        return candidate
    return None


# --- the three outcomes ------------------------------------------------------------------


def _create(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    inspected: list[InspectedFile],
    ack_template: Path,
    service_code: str | None,
) -> IntakeOutcome:
    applicant = find_or_create_applicant(
        uow,
        arrival.applicant
        or NewApplicant(
            kind="person",
            name_th=arrival.sender_name or arrival.sender_address or "ไม่ระบุชื่อ",
            email=arrival.sender_address,
        ),
    )
    application = create_application(
        uow,
        context.calendar,
        agency_code=context.agency_code,
        station_code=context.station_code,
        channel=arrival.channel,
        received_at=arrival.received_at,
        subject=arrival.subject or "(ไม่มีหัวเรื่อง / no subject)",
        body_text=arrival.body_text,
        applicant=applicant,
        service_code=service_code,
        source_key=arrival.source_key,
        reply_to=arrival.reply_to,
        form_data=_intake_form_data(arrival, uow),
    )
    # Not flushed here: the rows that name it (documents, held files, the inbound message, the
    # outbox) declare a relationship to it, so the arrival's one flush — when its SAVEPOINT is
    # released — writes it first.
    if arrival.consent is not None:
        uow.record(
            "application.consent_recorded",
            "application",
            application.id,
            {"given": arrival.consent, "basis": "consent"},
        )
    accepted, held = _store_files(uow, context, arrival, application, inspected)
    replied = False
    if arrival.auto_reply_blocked:
        log.info("no acknowledgement: %s", arrival.auto_reply_blocked)
    elif arrival.forwarded_from is not None:
        # The forwarder is not the applicant: intake confirms who is, and the
        # acknowledgement goes to that person then (services.intake.forwarded).
        log.info("no acknowledgement yet: forwarded, applicant to be confirmed")
    elif replyable(application.reply_to):
        _queue_acknowledgement(uow, context, application, accepted, held, arrival, ack_template)
        replied = True
    if not replied:
        uow.record(
            "application.not_acknowledged",
            "application",
            application.id,
            {
                "reason": arrival.auto_reply_blocked
                or ("forwarded: applicant to be confirmed" if arrival.forwarded_from else None)
                or "no usable reply address"
            },  # fmt: skip
        )
    return IntakeOutcome(
        "new", application.id, application.tracking_number, len(accepted), len(held), replied
    )


def _intake_form_data(arrival: Arrival, uow: UnitOfWork) -> dict[str, object] | None:
    data: dict[str, object] = {}
    if arrival.consent is not None:
        data[CONSENT_KEY] = {
            "given": arrival.consent,
            "at": uow.now.isoformat(),
            "by": uow.actor.username,
        }
    if arrival.notes:
        data["intake_notes"] = list(arrival.notes)
    if arrival.requested_reply_to:
        data["requested_reply_to"] = arrival.requested_reply_to
    if arrival.premises_address:
        data["premises_address"] = arrival.premises_address  # services.issuing.premises
    if arrival.forwarded_from is not None:
        name, address = arrival.forwarded_from
        data[FORWARDED_KEY] = {
            "name": clean_name(name),
            "address": address,
            "forwarder_name": arrival.sender_name,
            "forwarder_address": arrival.sender_address,
            "decision": None,
        }
    return data or None


def _append(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    target: Application,
    inspected: list[InspectedFile],
) -> IntakeOutcome:
    accepted, held = _store_files(uow, context, arrival, target, inspected)
    uow.record(
        "application.applicant_replied",
        "application",
        target.id,
        {"documents": len(accepted), "quarantined": len(held), "source_key": arrival.source_key},
    )
    if target.status == "waiting_applicant":
        # The applicant answered a request for documents: back to the reviewer's queue.
        change_status(uow, context.calendar, target.id, "in_review", reason="applicant replied")
    return IntakeOutcome(
        "appended", target.id, target.tracking_number, len(accepted), len(held), False
    )


# --- files and acknowledgement -----------------------------------------------------------


def _store_files(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    application: Application,
    inspected: list[InspectedFile],
) -> tuple[list[InspectedFile], list[InspectedFile]]:
    application_id = application.id
    accepted = [f for f in inspected if f.verdict == "accepted"]
    held = [f for f in inspected if f.verdict != "accepted"] + list(arrival.refused)
    for item in accepted:
        attach_document(
            uow,
            context.store.blobs,
            application_id,
            filename=item.filename,
            content_type=item.content_type,
            data=item.data,
            origin=arrival.channel,
            facts=FileFacts(item.pages, item.width_px, item.height_px, item.dpi, item.flags),
            text=item.text,
            application=application,
        )
    for item in held:
        # Held files are kept encrypted like any other: the officer may release them.
        blob = context.store.blobs.put(item.data) if item.data else None
        quarantined = QuarantineItem(
            id=new_id(),  # known now: the event names it, and no flush is needed to learn it
            source_key=arrival.source_key,
            channel=arrival.channel,
            application_id=application_id,
            filename=_shown_path(item.origin_path) or item.filename,
            content_type=item.content_type,
            blob_sha256=blob.sha256 if blob else None,
            size=len(item.data),
            reason_code=item.reason_code or "rejected",
            reason_th=item.reason_th,
            reason_en=item.reason_en,
            status="held",
            created_at=uow.now,
        )
        uow.session.add(quarantined)
        uow.record(
            "quarantine.held",
            "application",
            application_id,
            {"quarantine_id": quarantined.id, "reason": quarantined.reason_code},
        )
    return accepted, held


def _shown_path(path: str) -> str:
    """Where a held file sat (``docs.zip/scans/1.pdf``), each part cleaned, the whole bounded."""
    parts = [clean_filename(p) for p in path.replace("\\", "/").split("/")]
    return clean_line("/".join(p for p in parts if p), 300)


def _classify(context: AppContext, arrival: Arrival) -> str | None:
    for address in arrival.to:
        spec = context.catalog.by_alias(address)
        if spec is not None:
            return spec.code
    spec = context.catalog.classify(arrival.subject)
    return spec.code if spec is not None else None


def _told_applicant(held: InspectedFile) -> tuple[str, str, str]:
    """(file name, Thai, English) as the applicant reads it: the applicant's text, never the
    officer's (which may say "ask the applicant…")."""
    th, en = held.applicant_th, held.applicant_en
    if not (th and en):
        th, en = applicant_texts(None, {})
    return held.filename, th, en


def _queue_acknowledgement(
    uow: UnitOfWork,
    context: AppContext,
    application: Application,
    accepted: Sequence[InspectedFile],
    held: Sequence[InspectedFile],
    arrival: Arrival,
    template: Path,
) -> OutboxMessage:
    docs = [
        AckDocument(f.filename, f"({f.pages} หน้า / pages)" if f.pages else "") for f in accepted
    ]
    return queue_acknowledgement(
        uow,
        application,
        docs,
        [_told_applicant(f) for f in held],
        sender_name=arrival.sender_name,
        in_reply_to=arrival.message_id,
        template=template,
    )
