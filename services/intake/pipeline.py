"""Turn what arrives (a mail, a shared-drive item, a counter visit) into applications.

One arrival = one transaction: the inbound record (the idempotency key), the
application or the documents appended to one, quarantined files, the
acknowledgement in the outbox and the audit events all commit together, or not
at all. Re-running intake on the same arrival finds its key and does nothing,
so a crash at any point, a re-sync or a UIDVALIDITY change never loses or
duplicates a request.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from models import (
    Agency,
    Application,
    InboundMessage,
    MailboxCursor,
    OutboxMessage,
    QuarantineItem,
    ServiceType,
    User,
)
from services import outbox
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
    privacy_values,
    render_acknowledgement,
    sla_texts,
)
from services.intake.dedup import resolve_key
from services.intake.holds import hold_unauthenticated
from services.intake.inspect import inspect_attachments
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.inspect.reasons import applicant_texts
from services.intake.received_time import settle_received_time
from services.intake.set_aside import set_aside
from services.intake.types import InspectedFile, Limits, ParsedAttachment, ParsedMail, SenderAuth
from services.intake.withdrawal import can_withdraw, withdraw_by_mail
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput
from services.kernel.statuses import STATUSES
from services.kernel.text import (
    MAX_NAME,
    clean_filename,
    clean_line,
    clean_name,
    clean_subject,
    echo_name,
)
from services.kernel.thai_dates import format_english_date, format_thai_date
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
    "ingest",
    "queue_acknowledgement",
    "quarantine_unprocessable",
]

log = logging.getLogger(__name__)

INTAKE = Actor.system("intake")
FORWARDED_KEY = "forwarded"
"""In an application's form data: the original sender a forwarded request names, proposed as
the applicant, and intake's decision on it (``services.intake.forwarded``)."""
DEFAULT_LIMITS = Limits()
TRACKING_RE = re.compile(r"\b([A-Z]{2,10}-[A-Z0-9]{2,10}-25\d\d-\d{6})\b")
_STATUS_WORDS = re.compile(r"สถานะ|ติดตาม|ความคืบหน้า|\bstatus\b|\bprogress\b", re.IGNORECASE)
_CANCEL_WORDS = re.compile(r"ยกเลิก|ถอนคำขอ|\bcancel\b|\bwithdraw\b", re.IGNORECASE)

OutcomeKind = Literal[
    "new", "appended", "duplicate", "held", "status_enquiry", "cancel_request", "not_request"
]


@dataclass(frozen=True)
class Arrival:
    """Anything that arrived, in one shape for every channel."""

    channel: Literal["email", "drive", "counter"]
    source_key: str  # idempotency key: Message-ID, content hash, or drive item key
    received_at: datetime  # server INTERNALDATE / file mtime / counter time, aware UTC
    subject: str
    body_text: str
    sender_name: str
    sender_address: str  # "" when unknown (drive, counter without e-mail)
    reply_to: str  # where automatic mail goes: the sender's own address, never a Reply-To
    attachments: tuple[ParsedAttachment, ...]
    to: tuple[str, ...] = ()
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    message_id: str | None = None
    auto_reply_blocked: str | None = None
    service_code: str | None = None  # known service (counter, drive sidecar)
    applicant: NewApplicant | None = None  # known applicant (counter, drive sidecar)
    notes: tuple[str, ...] = ()  # problems to show the officer (parser, sidecar)
    raw: bytes | None = None  # the original message, kept as evidence
    mailbox_source: str = ""
    mailbox_uid: str = ""
    refused: tuple[InspectedFile, ...] = ()  # files refused before inspection (too large)
    # A Reply-To naming another address: kept for the officer (a human reply may use it),
    # never used by automatic mail, which anyone could aim at a third party with it.
    requested_reply_to: str = ""
    content_sha256: str | None = None  # mail: sender's headers + body (see content_fingerprint)
    reused_message_id: str | None = None  # set when another mail already came under this id
    sender_auth: SenderAuth = "none"  # the agency's server's verdict on the sender (RFC 8601)
    sender_auth_detail: str = ""
    # The applicant's answer to the consent box (counter, consent-based services; PDPA s.19):
    # recorded with the application in its own transaction, never in a second one after it.
    consent: bool | None = None
    # Not a request (a bounce, an auto-reply, a newsletter, a notice): (reason code, sign).
    not_request: tuple[str, str] | None = None
    # Forwarded by someone else: the original sender (name, address), proposed as applicant.
    forwarded_from: tuple[str, str] | None = None


@dataclass(frozen=True)
class IntakeOutcome:
    kind: OutcomeKind
    application_id: str | None
    tracking_number: str | None
    documents: int = 0
    quarantined: int = 0
    replied: bool = False


def _reply_to_note(address: str) -> tuple[str, str]:
    shown = clean_line(address, MAX_NAME)
    return (
        f"ผู้ส่งขอให้ตอบกลับไปที่ {shown} (Reply-To) ซึ่งไม่ใช่ที่อยู่ผู้ส่ง — ระบบส่งจดหมายอัตโนมัติ"
        " ไปที่ผู้ส่งเท่านั้น หากจะตอบไปที่อยู่นี้ โปรดตรวจสอบก่อนว่าเป็นของผู้ยื่นจริง",
        f"The sender asked for replies to go to {shown} (Reply-To), not to the sender's own "
        "address. Automatic mail goes to the sender only; check that this address belongs to "
        "the applicant before replying to it.",
    )


def _unauthenticated_note(detail: str) -> tuple[str, str]:
    return (
        f"อีเมลนี้ไม่ผ่านการตรวจผู้ส่งของเซิร์ฟเวอร์อีเมลหน่วยงาน ({detail}) — ผู้ส่งอาจไม่ใช่เจ้าของที่อยู่นี้"
        " โปรดยืนยันตัวผู้ยื่นก่อนดำเนินการ",
        f"This mail failed the agency mail server's sender check ({detail}); the sender may "
        "not own this address. Confirm who the applicant is before acting on it.",
    )


def arrival_from_mail(mail: ParsedMail, received_at: datetime, raw: bytes, source: str = "",
                      uid: str = "", *, now: datetime | None = None) -> Arrival:  # fmt: skip
    """``now`` is when the workstation took the mail: a server time or Date after it cannot
    be true, so the received time is clamped to it and the officer is told (M02)."""
    requested = mail.reply_to if mail.reply_to and mail.reply_to != mail.sender_address else ""
    notes = (*mail.problems, *(_reply_to_note(requested) if requested else ()))
    if now is not None:
        received_at, time_notes = settle_received_time(received_at, mail.date, now)
        notes = (*notes, *time_notes)
    if mail.sender_auth == "fail":
        notes = (*notes, *_unauthenticated_note(mail.sender_auth_detail))
    return Arrival(
        channel="email",
        source_key=mail.idempotency_key,
        received_at=received_at,
        subject=mail.subject,
        body_text=mail.body_text,
        sender_name=mail.sender_name,
        sender_address=mail.sender_address,
        reply_to=mail.sender_address,
        requested_reply_to=requested,
        content_sha256=mail.content_sha256,
        sender_auth=mail.sender_auth,
        sender_auth_detail=mail.sender_auth_detail,
        attachments=mail.attachments,
        to=mail.to,
        in_reply_to=mail.in_reply_to,
        references=mail.references,
        message_id=mail.message_id,
        auto_reply_blocked=mail.auto_reply_blocked,
        notes=notes,
        raw=raw,
        mailbox_source=source,
        mailbox_uid=uid,
        not_request=mail.not_request,
        forwarded_from=mail.forwarded_from,
    )


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
    """
    arrival = _bounded(arrival)
    # Files are judged before the transaction: the viewer's engine may take seconds on a PDF,
    # and no other writer (the officers' database worker) should wait for that.
    set_aside_mail = arrival.not_request is not None and arrival.channel == "email"
    inspected = (
        [] if set_aside_mail else inspect_attachments(arrival.attachments, limits, pdf_probe)
    )
    with context.unit_of_work(actor) as uow:
        arrival, seen = resolve_key(uow, context.store.blobs, arrival)
        if seen is not None:
            return IntakeOutcome("duplicate", seen.application_id, None)
        if cursor is not None:
            advance_cursor(uow, cursor)
        raw_sha = context.store.blobs.put(arrival.raw).sha256 if arrival.raw else None
        if set_aside_mail:
            # A bounce, an auto-reply, a newsletter: its own tray, no application, no reply.
            set_aside(uow, arrival, raw_sha)
            outcome = IntakeOutcome("not_request", None, None)
        else:
            outcome = act_on(uow, context, arrival, limits, ack_template, inspected)
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
    arrival = _bounded(arrival)
    if inspected is None:
        inspected = inspect_attachments(arrival.attachments, limits)
    target = _matching_application(uow, arrival)
    enquiry = None if _answers_our_reply(uow, arrival) else _enquiry_kind(arrival, target)
    if target is not None and arrival.sender_auth == "fail":
        # Claims to be the applicant but the agency's server says it is not proven:
        # nothing is added to her request or done for it until an officer decides.
        ids = hold_unauthenticated(uow, context.store.blobs, arrival, target)
        return IntakeOutcome("held", target.id, target.tracking_number, quarantined=len(ids))
    if target is not None and enquiry is not None:
        return _answer_enquiry(uow, context, arrival, target, enquiry)
    if target is not None:
        return _append(uow, context, arrival, target, inspected)
    return _create(uow, context, arrival, inspected, ack_template)


def _bounded(arrival: Arrival) -> Arrival:
    """Names, subjects and file names cleaned and bounded, whatever channel brought them."""
    applicant = arrival.applicant
    if applicant is not None:
        applicant = replace(applicant, name_th=clean_name(applicant.name_th))
    return replace(
        arrival,
        subject=clean_subject(arrival.subject),
        sender_name=clean_name(arrival.sender_name),
        applicant=applicant,
        attachments=tuple(
            replace(a, filename=clean_filename(a.filename) or "attachment")
            for a in arrival.attachments
        ),
    )


@dataclass(frozen=True)
class MailboxPosition:
    source: str  # mailbox and folder, e.g. "imap:intake@host/INBOX"
    uidvalidity: int
    uid: int


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
    arrival = _bounded(arrival)
    with context.unit_of_work(INTAKE) as uow:
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


def _answers_our_reply(uow: UnitOfWork, arrival: Arrival) -> bool:
    """A reply to one of our status/cancel answers or withdrawal letters ("thank you") is not
    a new enquiry: answering it again would send one automatic mail per human reply."""
    ids = [i for i in (arrival.in_reply_to, *arrival.references) if i]
    if not ids:
        return False
    bracketed = ids + [f"<{i.strip('<>')}>" for i in ids]
    return (
        uow.session.scalar(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.message_id.in_(bracketed),
                OutboxMessage.kind.in_(("status_enquiry", "cancel_request", "withdrawn")),
            )
            .limit(1)
        )
        is not None
    )


def _enquiry_kind(arrival: Arrival, target: Application | None) -> str | None:
    if target is None or arrival.attachments:
        return None
    text = f"{arrival.subject}\n{arrival.body_text[:500]}"
    if _CANCEL_WORDS.search(text):
        return "cancel_request"
    if _STATUS_WORDS.search(text):
        return "status_enquiry"
    return None


# --- the three outcomes ------------------------------------------------------------------


def _create(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    inspected: list[InspectedFile],
    ack_template: Path,
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
    service_code = arrival.service_code or _classify(context, arrival)
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
    if arrival.consent is not None:
        uow.record(
            "application.consent_recorded",
            "application",
            application.id,
            {"given": arrival.consent, "basis": "consent"},
        )
    accepted, held = _store_files(uow, context, arrival, application.id, inspected)
    replied = False
    if arrival.auto_reply_blocked:
        log.info("no acknowledgement: %s", arrival.auto_reply_blocked)
    elif arrival.forwarded_from is not None:
        # The forwarder is not the applicant: intake confirms who is, and the
        # acknowledgement goes to that person then (services.intake.forwarded).
        log.info("no acknowledgement yet: forwarded, applicant to be confirmed")
    elif _replyable(application.reply_to):
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
    accepted, held = _store_files(uow, context, arrival, target.id, inspected)
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


def _answer_enquiry(
    uow: UnitOfWork, context: AppContext, arrival: Arrival, target: Application, kind: str
) -> IntakeOutcome:
    """Status goes only to the address registered on the application (PDPA, M04).

    A request to cancel, from that address on the request's thread or quoting its number
    (see :func:`_matching_application`), withdraws the request; the confirmation is the reply.
    """
    agency = uow.session.scalars(select(Agency)).one()
    to_addr = target.reply_to or arrival.sender_address
    may_reply = arrival.auto_reply_blocked is None and _replyable(to_addr)
    if kind == "cancel_request":
        uow.record(
            "application.cancel_requested", "application", target.id, {"by": "applicant e-mail"}
        )
        if can_withdraw(target.status):
            letter = withdraw_by_mail(
                uow, context.calendar, target, arrival.message_id, reply=may_reply
            )
            return IntakeOutcome(
                "cancel_request", target.id, target.tracking_number, replied=bool(letter)
            )
        status = STATUSES[target.status]
        subject = f"คำขอยกเลิก {target.tracking_number} / Cancellation of {target.tracking_number}"
        body = (
            f"คำขอเลขที่ {target.tracking_number} อยู่ในสถานะ “{status.label_th}” จึงยกเลิกไม่ได้แล้ว "
            f"หากมีข้อสงสัย โปรดติดต่อ {agency.email} โทร {agency.phone or '-'}\n\n"
            f"Request {target.tracking_number} is “{status.label_en}” and can no longer be "
            f"cancelled. For questions, contact {agency.email}, phone {agency.phone or '-'}.\n"
        )
    else:
        subject, body = _status_answer(uow, agency, target)
        uow.record("application.status_enquiry_answered", "application", target.id, {})
    replied = False
    if may_reply:
        outbox.queue_message(
            uow,
            kind=kind,
            to_addr=to_addr,
            subject=subject,
            body_text=body,
            application_id=target.id,
            in_reply_to=arrival.message_id,
            auto_submitted="auto-replied",
            domain=_domain(agency.email),
        )
        replied = True
    return IntakeOutcome(kind, target.id, target.tracking_number, replied=replied)  # type: ignore[arg-type]


def _status_answer(uow: UnitOfWork, agency: Agency, target: Application) -> tuple[str, str]:
    """The automatic status answer: status, due date, the officer handling the request
    (name and position, or not yet assigned) and how to reach the agency (seed P1)."""
    status = STATUSES[target.status]
    due_th = format_thai_date(target.sla_due_at) if target.sla_due_at else "-"
    due_en = format_english_date(target.sla_due_at) if target.sla_due_at else "-"
    officer = uow.session.get(User, target.assignee_id) if target.assignee_id else None
    if officer is not None:
        officer_th = " ".join(p for p in (officer.display_name, officer.position_th) if p)
        officer_en = " ".join(
            p for p in (officer.display_name_en or officer.display_name, officer.position_th) if p
        )
    else:
        officer_th, officer_en = "ยังไม่ได้มอบหมายเจ้าหน้าที่", "not yet assigned"
    phone = agency.phone or "-"
    subject = f"สถานะคำขอ {target.tracking_number} / Status of {target.tracking_number}"
    body = (
        f"คำขอเลขที่ {target.tracking_number}\nสถานะ: {status.label_th}\n"
        f"กำหนดแล้วเสร็จ: {due_th}\n"
        f"เจ้าหน้าที่ผู้รับผิดชอบ: {officer_th}\n"
        f"ติดต่อ: {agency.name_th} อีเมล {agency.email} โทร {phone}\n\n"
        f"Request {target.tracking_number}\nStatus: {status.label_en}\nDue: {due_en}\n"
        f"Officer handling it: {officer_en}\n"
        f"Contact: {agency.name_en}, e-mail {agency.email}, phone {phone}\n"
    )
    return subject, body


# --- files and acknowledgement -----------------------------------------------------------


def _store_files(
    uow: UnitOfWork,
    context: AppContext,
    arrival: Arrival,
    application_id: str,
    inspected: list[InspectedFile],
) -> tuple[list[InspectedFile], list[InspectedFile]]:
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
        )
    for item in held:
        # Held files are kept encrypted like any other: the officer may release them.
        blob = context.store.blobs.put(item.data) if item.data else None
        quarantined = QuarantineItem(
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
        uow.session.flush()
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


def _replyable(address: str) -> bool:
    """A malformed address must not cost the request itself: it only skips the reply."""
    if not address:
        return False
    try:
        outbox.check_address(address)
    except InvalidInput:
        return False
    return True


def _domain(address: str) -> str:
    return address.rpartition("@")[2] or "anuyat.invalid"


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
    agency = uow.session.scalars(select(Agency)).one()
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
        domain=_domain(agency.email),
    )
