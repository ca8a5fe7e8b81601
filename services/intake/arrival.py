"""What arrived, in one shape for every channel (mail, shared drive, counter), and what intake
made of it.

:func:`arrival_from_mail` turns a parsed mail into an :class:`Arrival`, with the notes the
officer should see (a Reply-To naming someone else, a failed sender check, a received time
after the arrival); :mod:`services.intake.pipeline` records it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from services.intake.received_time import settle_received_time
from services.intake.types import InspectedFile, ParsedAttachment, ParsedMail, SenderAuth
from services.kernel.text import MAX_NAME, clean_line

if TYPE_CHECKING:  # a plain record; importing its module would load the store's models
    from services.cases.applications import NewApplicant

__all__ = ["Arrival", "IntakeOutcome", "MailboxPosition", "OutcomeKind", "arrival_from_mail"]

OutcomeKind = Literal[
    "new",
    "appended",
    "duplicate",
    "held",
    "status_enquiry",
    "cancel_request",
    "not_request",
    "finance_inbox",
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
    # Where the business is (drive sidecar): the issue dialog offers it for the licence.
    premises_address: str = ""
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


@dataclass(frozen=True)
class MailboxPosition:
    source: str  # mailbox and folder, e.g. "imap:intake@host/INBOX"
    uidvalidity: int
    uid: int
