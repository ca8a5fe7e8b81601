"""The outbox: mail to applicants, queued with the decision behind it, sent when SMTP answers.

Queueing
    :func:`queue_message` adds a row (status ``queued``) and an ``outbox.queued`` event in the
    caller's unit of work, so a message exists exactly when the decision behind it was
    committed. Nothing touches the network there.

Sending
    :func:`send_due` takes the due rows oldest first and hands each to a :class:`Transport`:
    :class:`SmtpTransport` (the agency's server) or :class:`MaildirTransport` (a local "sent"
    Maildir: the demo, when no SMTP server is configured). Each outcome commits in its own
    unit of work:

    * accepted → ``sent`` (event ``outbox.sent``);
    * the server cannot be reached, answers 421, or refuses the login → the message backs off
      (1, 2, 4 … minutes, at most :data:`BACKOFF_CAP`) and the run stops: the link is down,
      so every other due message is held until that same moment instead of each one knocking
      on a dead link in turn (event ``outbox.deferred``). When the link returns, the held
      messages go out together, oldest first;
    * a temporary refusal of this one message (4xx such as greylisting) → that message backs
      off and the run goes on;
    * a permanent refusal (5xx) or an attachment that cannot be read → ``failed`` with the
      reason in both languages (event ``outbox.failed``). Officers see these in
      :func:`failed_messages` and may :func:`requeue_message` once the cause is fixed.

Delivery guarantee: at least once, never silently lost
    The row is committed before any attempt and marked ``sent`` only after the server has
    accepted the message. A crash (power cut, killed process) between the server's acceptance
    and that commit leaves the row ``queued``; after a restart it is sent again with the
    **same Message-ID** once its claim (:data:`CLAIM_LEASE`) has run out. A recipient may
    therefore, rarely, get a message twice; mail clients and :class:`MaildirTransport`
    de-duplicate by Message-ID. A message is never lost while the database survives.

    Before each attempt a row is *claimed*: its ``next_attempt_at`` moves one lease ahead in a
    committed, conditional update. Two runs at once (the background loop and a "send now"
    click) therefore never send the same row together.

Mail format
    UTF-8 throughout and 7-bit clean on the wire: RFC 2047 encoded Subject and display names,
    RFC 2231 attachment names, base64 Thai text, ``Content-Language: th``, a Message-ID on the
    agency's domain, ``Date`` in Bangkok time (the moment of the decision), ``Auto-Submitted``
    (RFC 3834): ``auto-replied`` on acknowledgements and answers to status enquiries,
    ``auto-generated`` on other automatic notices. Thai-script addresses (EAI, such as
    ``สมชาย@ตัวอย่าง.ไทย``) go out with SMTPUTF8 when the server offers it; a Thai domain after an
    ASCII name is written as its IDNA A-label (``xn--…``) and needs nothing special.

    The envelope sender is the official address, not the null sender RFC 3834 suggests for
    automatic replies: submission servers commonly refuse ``MAIL FROM:<>`` from an
    authenticated account, and bounces must reach the agency's mailbox so an officer learns
    that an applicant's address does not work. ``Auto-Submitted`` and
    ``X-Auto-Response-Suppress`` stop auto-reply loops instead.

Secrets and personal data
    The SMTP password comes from the keyring (:data:`SMTP_PASSWORD_SECRET`) through the
    caller and is never logged or shown in ``repr``. Events carry no body text. The demo's
    Maildir holds plain messages, as an SMTP server would receive them: do not point it at
    real applicants' mail.
"""

from __future__ import annotations

import contextlib
import email.policy
import email.utils
import hashlib
import ipaddress
import logging
import mailbox
import os
import re
import smtplib
import socket
import ssl
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal, Protocol, cast

from sqlalchemy import CursorResult, Select, func, literal_column, or_, select, update
from sqlalchemy.orm import Session

from models import Agency, Application, OutboxMessage, new_id
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from services.kernel.errors import AnuyatError, IllegalTransition, InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork
from services.store.context import AppContext

__all__ = [
    "AUTO_SUBMITTED_VALUES",
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "CLAIM_LEASE",
    "MAIL_POLICY",
    "SMTP_PASSWORD_SECRET",
    "BlobReader",
    "DeliveryDeferred",
    "MaildirTransport",
    "OutboxRow",
    "OutgoingAttachment",
    "RecipientRefused",
    "SendReport",
    "Sender",
    "SmtpSettings",
    "SmtpTransport",
    "TemporaryFailure",
    "Transport",
    "TransportUnavailable",
    "backoff_delay",
    "build_email",
    "check_address",
    "failed_messages",
    "make_message_id",
    "message_bytes",
    "official_sender",
    "outbox_summary",
    "queue_message",
    "requeue_message",
    "send_due",
    "sent_log",
]

log = logging.getLogger(__name__)

SMTP_PASSWORD_SECRET = "smtp-password"
"""Name of the SMTP password in the keyring (``keys.load_secret(SMTP_PASSWORD_SECRET)``)."""

BACKOFF_BASE = timedelta(minutes=1)
"""Wait after the first failed attempt; doubled after each further one."""
BACKOFF_CAP = timedelta(hours=1)
"""Longest wait between attempts. It bounds how long mail waits after a long outage ends
(Postfix's ``maximal_backoff_time`` is about the same)."""
CLAIM_LEASE = timedelta(minutes=15)
"""How long a claimed row is kept from other runs; after a crash it is retried then."""

AUTO_SUBMITTED_VALUES = ("auto-generated", "auto-replied")

MAIL_POLICY = email.policy.SMTP.clone(cte_type="7bit")
"""CRLF, RFC 2047/2231 encoding, and bodies chosen 7-bit clean (no 8BITMIME needed)."""

_STATUSES = ("queued", "sent", "failed")
_KIND = re.compile(r"[a-z][a-z0-9_]{0,29}")
_LOCAL_PART = re.compile(r"[^\s@<>()\[\],;:\\\"]+")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_MSG_ID = re.compile(r"<[^<>\s@]+@[^<>\s@]+>")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CONTENT_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
_HOSTNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*")
_HEADERS = ("In-Reply-To", "References", "Auto-Submitted")


# --- errors ------------------------------------------------------------------------------


class TemporaryFailure(AnuyatError):
    """Not sent now, worth trying again later; the message stays queued."""

    code = "mail_temporary_failure"


class TransportUnavailable(TemporaryFailure):
    """The mail server cannot take anything now (no link, 421, login refused …).

    :func:`send_due` stops its run on this: every further message would fail the same way.
    """

    code = "mail_transport_unavailable"


class DeliveryDeferred(TemporaryFailure):
    """The server took the connection but asked to try *this* message later (4xx)."""

    code = "mail_delivery_deferred"


class RecipientRefused(AnuyatError):
    """The server refused this message for good (5xx): it will not be retried by itself."""

    code = "mail_recipient_refused"


def _reply_text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return " ".join(text.split())[:200]


def _invalid(th: str, en: str, code: str, detail: str | None = None) -> InvalidInput:
    return InvalidInput(th, en, code=code, detail=detail)


# --- values ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutgoingAttachment:
    """A file to attach; its bytes are already in the blob store."""

    sha256: str
    """Blob address (SHA-256 of the plaintext)."""
    filename: str
    """Name the applicant sees; Thai is fine (sent RFC 2231 encoded)."""
    content_type: str = "application/octet-stream"
    """MIME type, e.g. ``application/pdf``."""

    def as_json(self) -> dict[str, str]:
        sha = self.sha256.strip().lower()
        if _SHA256.fullmatch(sha) is None:
            raise _invalid(
                "ไฟล์แนบอ้างถึงรหัสไฟล์ที่ไม่ถูกต้อง",
                "An attachment refers to an invalid file address.",
                "bad_attachment",
                detail=f"sha256 {self.sha256!r:.80}",
            )
        # Only a base name, no control characters: the name is shown and saved by clients.
        name = re.split(r"[\\/]", self.filename)[-1]
        name = "".join(c for c in name if c.isprintable()).strip() or "file"
        content_type = self.content_type.strip().lower()
        if _CONTENT_TYPE.fullmatch(content_type) is None:
            content_type = "application/octet-stream"
        return {"sha256": sha, "filename": name[:200], "content_type": content_type}


@dataclass(frozen=True)
class Sender:
    """Who the agency's mail comes from."""

    name: str
    """Display name: the agency's Thai name."""
    address: str
    """The official address (``Agency.email``)."""
    domain: str
    """The address's domain as ASCII (IDNA), used for Message-IDs."""


@dataclass(frozen=True)
class SendReport:
    """What one :func:`send_due` run did."""

    sent: int
    failed: int
    deferred: int
    """Messages tried and put back for later (held, untried messages are not counted)."""
    last_error: str | None
    """The last problem, in English (rows keep both languages in ``last_error``)."""
    last_error_th: str | None = None
    """The same problem in Thai."""


@dataclass(frozen=True)
class OutboxRow:
    """A message as the outbox and "sent" views show it."""

    id: str
    message_id: str
    application_id: str | None
    tracking_number: str | None
    kind: str
    to_addr: str
    subject: str
    status: str
    attempts: int
    attachment_count: int
    created_at: datetime
    next_attempt_at: datetime | None
    sent_at: datetime | None
    last_error: str


# --- addresses and ids -------------------------------------------------------------------


def _ascii_domain(domain: str) -> str | None:
    """The domain as lowercase ASCII (IDNA A-labels), or ``None`` when it is not one."""
    text = domain.strip().lower()
    if not text.isascii():
        try:
            text = text.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = text.split(".")
    if len(text) > 253 or len(labels) < 2 or labels[-1].isdigit():
        return None
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        return None
    return text


def _bad_address(address: str) -> InvalidInput:
    shown = address.strip()[:100] or "(ว่าง / empty)"
    return _invalid(
        f"ที่อยู่อีเมล “{shown}” ไม่ถูกต้อง — ตรวจสอบที่อยู่อีเมลของผู้รับแล้วลองใหม่",
        f"“{shown}” is not a valid e-mail address. Check the recipient's address and try again.",
        "bad_email_address",
    )


def check_address(address: str) -> str:
    """``address`` trimmed, or a bilingual :class:`InvalidInput` when it is obviously bad.

    Thai-script names and domains (EAI) are accepted; lists, display names, spaces and
    control characters are not.
    """
    text = address.strip() if isinstance(address, str) else ""
    local, at, domain = text.rpartition("@")
    if (
        not at
        or len(text) > 254
        or not 0 < len(local) <= 64
        or _LOCAL_PART.fullmatch(local) is None
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or not all(c.isprintable() for c in text)
        or _ascii_domain(domain) is None
    ):
        raise _bad_address(address if isinstance(address, str) else "")
    return text


def _wire_address(address: str) -> str:
    """The address as written on the wire: an ASCII name keeps ASCII (IDNA domain)."""
    local, _, domain = address.rpartition("@")
    if local.isascii():
        return f"{local}@{_ascii_domain(domain) or domain}"
    return address  # a Thai-script name needs SMTPUTF8 anyway; keep the domain as typed


def make_message_id(domain: str) -> str:
    """A new ``<uuid@domain>`` Message-ID on the agency's domain."""
    ascii_domain = _ascii_domain(domain)
    if ascii_domain is None:
        raise _invalid(
            f"โดเมน “{domain[:100]}” ใช้สร้างรหัสข้อความ (Message-ID) ไม่ได้ — "
            "ให้ผู้ดูแลระบบตรวจสอบที่อยู่อีเมลราชการของหน่วยงาน",
            f"“{domain[:100]}” cannot be used as the Message-ID domain. "
            "Ask the administrator to check the agency's official e-mail address.",
            "bad_message_id_domain",
        )
    return f"<{uuid.uuid4()}@{ascii_domain}>"


def _own_message_id(value: str) -> str:
    text = value.strip()
    if not text.startswith("<"):
        text = f"<{text}>"
    if _MSG_ID.fullmatch(text) is None or len(text) > 300 or not text.isascii():
        raise _invalid(
            "รหัสข้อความ (Message-ID) ไม่ถูกต้อง",
            "The Message-ID is not valid.",
            "bad_message_id",
            detail=f"message_id {value!r:.120}",
        )
    return text


def _reply_ids(value: str | None) -> str | None:
    """The msg-ids in an inbound In-Reply-To, or ``None``; junk is dropped, never refused.

    A malformed id in the applicant's mail must not stop the acknowledgement.
    """
    if not value:
        return None
    ids = [i for i in _MSG_ID.findall(value) if i.isascii()][:1]
    if not ids:
        bare = value.strip()
        if bare.isascii() and _MSG_ID.fullmatch(f"<{bare}>"):
            ids = [f"<{bare}>"]
    if not ids:
        log.info("outbox: in_reply_to %r is not a Message-ID; left out", value[:120])
        return None
    return str(ids[0])[:300]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


# --- queueing ----------------------------------------------------------------------------


def _aggregate(row: OutboxMessage) -> tuple[str, str]:
    # Mail about an application belongs in that application's history.
    if row.application_id:
        return "application", row.application_id
    return "outbox_message", row.id


def queue_message(
    uow: UnitOfWork,
    *,
    kind: str,
    to_addr: str,
    subject: str,
    body_text: str,
    application_id: str | None,
    attachments: Sequence[OutgoingAttachment] = (),
    in_reply_to: str | None = None,
    auto_submitted: str | None = "auto-generated",
    message_id: str | None = None,
    domain: str,
    from_addr: str = "",
) -> OutboxMessage:
    """Put a message in the outbox in the caller's transaction (nothing is sent here).

    ``kind`` names the notice (``acknowledgement``, ``request``, ``result``, ``licence`` …).
    ``auto_submitted`` is ``"auto-replied"`` for acknowledgements and answers to status
    enquiries, ``"auto-generated"`` for other automatic notices, ``None`` for a message an
    officer wrote. ``message_id`` (optional) makes queueing idempotent: queueing the same id
    again returns the existing row. ``domain`` is the agency's mail domain; ``from_addr``
    (optional) fixes the sending address, otherwise the agency's address at send time.
    Raises a bilingual :class:`InvalidInput` for an obviously bad address or subject.
    """
    if _KIND.fullmatch(kind) is None:
        raise ValueError(f"bad outbox kind {kind!r}")
    if auto_submitted == "no":
        auto_submitted = None
    if auto_submitted is not None and auto_submitted not in AUTO_SUBMITTED_VALUES:
        raise ValueError(f"Auto-Submitted must be one of {AUTO_SUBMITTED_VALUES} or None")
    to = check_address(to_addr)
    sender = check_address(from_addr) if from_addr else ""
    subject_line = _one_line(subject)
    if not subject_line:
        raise _invalid(
            "ข้อความที่จะส่งต้องมีหัวเรื่อง", "A message to send needs a subject.", "empty_subject"
        )
    files = [a.as_json() for a in attachments]
    if message_id is not None:
        mid = _own_message_id(message_id)
        existing = uow.session.scalar(select(OutboxMessage).where(OutboxMessage.message_id == mid))
        if existing is not None:
            if existing.to_addr != to or existing.kind != kind:
                raise _invalid(
                    "มีข้อความอื่นที่ใช้รหัสข้อความ (Message-ID) นี้อยู่แล้ว — ไม่ได้เพิ่มข้อความใหม่",
                    "Another message already uses this Message-ID; nothing was queued.",
                    "message_id_conflict",
                    detail=f"{mid} is outbox row {existing.id}",
                )
            return existing
    else:
        mid = make_message_id(domain)
    headers: dict[str, str] = {}
    reply_to_id = _reply_ids(in_reply_to)
    if reply_to_id:
        headers["In-Reply-To"] = reply_to_id
        headers["References"] = reply_to_id
    if auto_submitted:
        headers["Auto-Submitted"] = auto_submitted
    row = OutboxMessage(
        id=new_id(),
        message_id=mid,
        application_id=application_id,
        kind=kind,
        to_addr=to,
        subject=subject_line[:500],
        body_text=body_text,
        attachments=files,
        from_addr=sender,
        headers=headers,
        status="queued",
        attempts=0,
        next_attempt_at=uow.now,
        last_error="",
        created_at=uow.now,
    )
    uow.session.add(row)
    # No body text: it is personal data, and the row keeps it.
    uow.record(
        "outbox.queued",
        *_aggregate(row),
        {
            "outbox_id": row.id,
            "message_id": mid,
            "kind": kind,
            "to": to,
            "subject": row.subject,
            "attachments": [f["sha256"] for f in files],
            "auto_submitted": auto_submitted,
            "in_reply_to": reply_to_id,
        },
    )
    return row


def requeue_message(uow: UnitOfWork, outbox_id: str) -> OutboxMessage:
    """Put a failed message back in the queue (after the officer fixed the cause)."""
    uow.actor.require("intake", "reviewer", "admin")
    row = uow.session.get(OutboxMessage, outbox_id)
    if row is None:
        raise NotFound("ไม่พบข้อความในกล่องขาออก", f"No outbox message {outbox_id}.")
    if row.status != "failed":
        raise IllegalTransition(
            "ส่งใหม่ได้เฉพาะข้อความที่ส่งไม่สำเร็จ", "Only a failed message can be sent again."
        )
    row.status = "queued"
    row.next_attempt_at = uow.now
    uow.record(
        "outbox.requeued",
        *_aggregate(row),
        {"outbox_id": row.id, "message_id": row.message_id},
    )
    return row


# --- building the mail -------------------------------------------------------------------


class BlobReader(Protocol):
    def get(self, sha256: str) -> bytes: ...


def official_sender(session: Session) -> Sender:
    """The agency's name and official address, or :class:`InvalidInput` when it has none."""
    agency = session.scalars(select(Agency).order_by(Agency.created_at)).first()
    address = (agency.email if agency else "").strip()
    domain = _ascii_domain(address.rpartition("@")[2]) if address else None
    try:
        address = check_address(address)
    except InvalidInput:
        domain = None
    if agency is None or domain is None:
        raise _invalid(
            "หน่วยงานยังไม่ได้ตั้งที่อยู่อีเมลราชการ จึงส่งอีเมลไม่ได้ — "
            "ให้ผู้ดูแลระบบตั้งที่อยู่อีเมลของหน่วยงาน ข้อความยังรออยู่ในกล่องขาออก",
            "The agency has no official e-mail address, so no mail can be sent. Ask the "
            "administrator to set the agency's address; the messages wait in the outbox.",
            "agency_email_missing",
        )
    return Sender(name=agency.name_th, address=address, domain=domain)


def _header_address(address: str, display_name: str = "") -> Address:
    # By parts: parsing an addr_spec refuses a Thai-script name (an EAI address).
    local, _, domain = _wire_address(address).rpartition("@")
    return Address(display_name=display_name, username=local, domain=domain)


def build_email(
    row: OutboxMessage, blobs: BlobReader, from_addr: str, from_name: str
) -> EmailMessage:
    """The message for ``row``, ready for any transport.

    Raises ``NotFound``/``BlobCorrupted`` when an attachment cannot be read.
    """
    message = EmailMessage(policy=MAIL_POLICY)
    message["Message-ID"] = row.message_id
    message["Date"] = email.utils.format_datetime(row.created_at.astimezone(BANGKOK))
    message["From"] = _header_address(from_addr, _one_line(from_name))
    message["To"] = _header_address(row.to_addr)
    message["Subject"] = row.subject
    for name in _HEADERS:
        value = (row.headers or {}).get(name)
        if value:
            message[name] = _one_line(value)
    if (row.headers or {}).get("Auto-Submitted"):
        message["X-Auto-Response-Suppress"] = "All"  # Exchange: no out-of-office replies
    message.set_content(row.body_text)
    for item in row.attachments or []:
        data = blobs.get(str(item["sha256"]))
        maintype, _, subtype = str(item.get("content_type", "")).partition("/")
        if not (maintype and subtype):
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=str(item["filename"])
        )
    for part in message.iter_parts():
        del part["MIME-Version"]  # the library repeats it on each part; once is enough
    # Last: set_content() and add_attachment() move or drop Content-* headers set before.
    message["Content-Language"] = "th"
    return message


def _needs_smtputf8(message: EmailMessage, *addresses: str) -> bool:
    specs = [*addresses]
    for name in ("From", "To"):
        header = message[name]
        specs.extend(a.addr_spec for a in getattr(header, "addresses", ()))
    return not all(spec.isascii() for spec in specs)


def message_bytes(
    message: EmailMessage, *, international: bool = False, linesep: str = "\r\n"
) -> bytes:
    """The message serialised; ``international`` writes UTF-8 headers (SMTPUTF8 only)."""
    policy = cast(email.policy.EmailPolicy, message.policy).clone(linesep=linesep)
    if international:
        # Raw UTF-8 headers fold only at spaces, and Thai puts none between words: at 78
        # columns a Thai subject would start on a continuation line ("Subject:" CRLF SP …),
        # which readers show with a leading space. 240 characters of at most 4 bytes each
        # stay under the 998-octet line limit (RFC 5322).
        policy = policy.clone(utf8=True, max_line_length=240)
    return message.as_bytes(policy=policy)


# --- transports --------------------------------------------------------------------------


class Transport(Protocol):
    """Something that delivers a built message (SMTP, or the demo's Maildir)."""

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        """Deliver or raise :class:`TemporaryFailure` / :class:`RecipientRefused`."""
        ...

    def close(self) -> None:
        """Let go of any open connection (called at the end of each run)."""
        ...


Security = Literal["tls", "starttls", "plain"]
_SECURITY: tuple[Security, ...] = ("tls", "starttls", "plain")


@dataclass(frozen=True)
class SmtpSettings:
    """The agency's SMTP server. The password is not here: it lives in the keyring."""

    host: str
    """Server name or address."""
    port: int = 587
    """465 for ``tls``, 587 for ``starttls``."""
    security: Security = "starttls"
    """``tls`` (TLS from the start), ``starttls``, or ``plain`` (loopback relays only)."""
    username: str | None = None
    """Login, usually the official address; ``None`` for a relay without login."""
    cafile: str | None = None
    """Extra CA certificates (PEM) for a server with a certificate from a private CA."""
    timeout_s: float = 30.0
    """Seconds to wait for the server at each step."""

    def transport(self, password: str | None) -> SmtpTransport:
        """A transport for these settings; ``password`` from ``keys.load_secret``."""
        context = ssl.create_default_context(cafile=self.cafile) if self.cafile else None
        return SmtpTransport(
            self.host,
            self.port,
            self.security,
            self.username,
            password,
            self.timeout_s,
            ssl_context=context,
        )


def _is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _helo_name() -> str:
    # socket.getfqdn() (smtplib's default) asks DNS, which can hang for long on a bad link.
    name = socket.gethostname()
    return name if name.isascii() and _HOSTNAME.fullmatch(name) else "localhost"


class SmtpTransport:
    """Sends through the agency's SMTP server; one connection is reused within a run."""

    def __init__(
        self,
        host: str,
        port: int,
        security: Security,
        username: str | None,
        password: str | None,
        timeout_s: float = 30.0,
        *,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if security not in _SECURITY:
            raise _invalid(
                "การตั้งค่าความปลอดภัย SMTP ต้องเป็น tls, starttls หรือ plain",
                "SMTP security must be 'tls', 'starttls' or 'plain'.",
                "bad_smtp_settings",
            )
        if not host.strip() or not 0 < port < 65536:
            raise _invalid(
                "ต้องระบุชื่อเซิร์ฟเวอร์และพอร์ต SMTP ให้ถูกต้อง",
                "The SMTP server name and port are required.",
                "bad_smtp_settings",
            )
        if security == "plain" and not _is_loopback(host):
            raise _invalid(
                f"ส่งอีเมลแบบไม่เข้ารหัส (plain) ได้เฉพาะไปยังเครื่องนี้เอง ไม่ใช่ {host} — "
                "ให้ใช้ tls หรือ starttls",
                f"Unencrypted SMTP ('plain') is allowed only to this computer, not to {host}. "
                "Use 'tls' or 'starttls'.",
                "smtp_plain_not_loopback",
            )
        if username and not password:
            raise _invalid(
                "ไม่พบรหัสผ่าน SMTP ในที่เก็บกุญแจของเครื่อง — ให้ผู้ดูแลระบบบันทึกรหัสผ่านก่อน",
                "There is no SMTP password in this computer's keyring. "
                "Ask the administrator to store it first.",
                "smtp_password_missing",
            )
        self.host = host.strip()
        self.port = port
        self.security: Security = security
        self.username = username or None
        self._password = password
        self.timeout_s = timeout_s
        self._context = ssl_context or ssl.create_default_context()
        self._connection: smtplib.SMTP | None = None

    def __repr__(self) -> str:
        return (
            f"SmtpTransport({self.host!r}, {self.port}, {self.security!r}, "
            f"username={self.username!r})"
        )

    # --- errors ---

    @property
    def _where(self) -> str:
        return f"{self.host}:{self.port}"

    def _unreachable(self, exc: BaseException) -> TransportUnavailable:
        return TransportUnavailable(
            f"ติดต่อเซิร์ฟเวอร์อีเมล {self._where} ไม่ได้ (เครือข่ายขัดข้องหรือเซิร์ฟเวอร์ไม่ทำงาน) — "
            "ข้อความยังอยู่ในกล่องขาออกและจะส่งใหม่โดยอัตโนมัติ",
            f"Cannot reach the mail server {self._where} (network down or server not "
            "running). The messages stay in the outbox and will be sent automatically.",
            detail=repr(exc),
        )

    def _refused_now(self, code: int, text: str) -> TransportUnavailable:
        return TransportUnavailable(
            f"เซิร์ฟเวอร์อีเมล {self._where} ไม่รับอีเมลในขณะนี้ ({code} {text}) — จะส่งใหม่โดยอัตโนมัติ",
            f"The mail server {self._where} is not taking mail now ({code} {text}). "
            "It will be retried automatically.",
            detail=f"{code} {text}",
        )

    def _classify(self, code: int, text: str, to: str) -> AnuyatError:
        if code == 421 or code < 400:
            return self._refused_now(code, text)
        if code < 500:
            return DeliveryDeferred(
                f"เซิร์ฟเวอร์ปลายทางขอให้ส่งถึง {to} ใหม่ภายหลัง ({code} {text}) — จะลองใหม่โดยอัตโนมัติ",
                f"The server asked to try the message to {to} later ({code} {text}). "
                "It will be retried automatically.",
                detail=f"{code} {text}",
            )
        return RecipientRefused(
            f"เซิร์ฟเวอร์อีเมลปฏิเสธข้อความถึง {to} ({code} {text}) — ตรวจสอบที่อยู่อีเมลของผู้รับ แล้วสั่งส่งใหม่",
            f"The mail server refused the message to {to} ({code} {text}). "
            "Check the recipient's address, then send it again.",
            detail=f"{code} {text}",
        )

    # --- connection ---

    def _connect(self) -> smtplib.SMTP:
        helo = _helo_name()
        try:
            connection: smtplib.SMTP
            if self.security == "tls":
                connection = smtplib.SMTP_SSL(
                    self.host,
                    self.port,
                    local_hostname=helo,
                    timeout=self.timeout_s,
                    context=self._context,
                )
            else:
                connection = smtplib.SMTP(
                    self.host, self.port, local_hostname=helo, timeout=self.timeout_s
                )
        except ssl.SSLError as exc:
            raise self._tls_failed(exc) from exc
        except smtplib.SMTPConnectError as exc:
            raise self._refused_now(exc.smtp_code, _reply_text(exc.smtp_error)) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise self._unreachable(exc) from exc
        try:
            connection.ehlo()
            if self.security == "starttls":
                if not connection.has_extn("starttls"):
                    raise TransportUnavailable(
                        f"เซิร์ฟเวอร์อีเมล {self._where} ไม่รองรับ STARTTLS จึงไม่ส่งรหัสผ่านและอีเมล"
                        "แบบไม่เข้ารหัส — ให้ผู้ดูแลระบบตรวจสอบการตั้งค่า SMTP",
                        f"The mail server {self._where} does not offer STARTTLS; Anuyat will "
                        "not send the password or mail unencrypted. Ask the administrator to "
                        "check the SMTP settings.",
                        detail="no STARTTLS in EHLO",
                    )
                connection.starttls(context=self._context)
                connection.ehlo()
            if self.username:
                connection.login(self.username, self._password or "")
        except TransportUnavailable:
            _quietly_close(connection)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            _quietly_close(connection)
            raise TransportUnavailable(
                f"เซิร์ฟเวอร์อีเมล {self._where} ไม่ยอมรับชื่อผู้ใช้หรือรหัสผ่าน ({self.username}) — "
                "ให้ผู้ดูแลระบบตรวจสอบการตั้งค่า SMTP และรหัสผ่านในที่เก็บกุญแจ "
                "ข้อความยังอยู่ในกล่องขาออก",
                f"The mail server {self._where} refused the login ({self.username}). Ask the "
                "administrator to check the SMTP settings and the password in the keyring; "
                "the messages stay in the outbox.",
                detail=f"{exc.smtp_code} {_reply_text(exc.smtp_error)}",
            ) from exc
        except ssl.SSLError as exc:
            _quietly_close(connection)
            raise self._tls_failed(exc) from exc
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_close(connection)
            raise self._unreachable(exc) from exc
        return connection

    def _tls_failed(self, exc: BaseException) -> TransportUnavailable:
        return TransportUnavailable(
            f"เชื่อมต่อแบบเข้ารหัสกับเซิร์ฟเวอร์อีเมล {self._where} ไม่สำเร็จ (ใบรับรองไม่น่าเชื่อถือ "
            "หรือตั้งค่าความปลอดภัยไม่ตรงกัน) — ให้ผู้ดูแลระบบตรวจสอบการตั้งค่า SMTP",
            f"The secure connection to the mail server {self._where} failed (untrusted "
            "certificate or wrong security setting). Ask the administrator to check the SMTP "
            "settings; the messages stay in the outbox.",
            detail=repr(exc),
        )

    def _open(self) -> smtplib.SMTP:
        if self._connection is not None:
            try:
                if self._connection.noop()[0] == 250:
                    return self._connection
            except (OSError, smtplib.SMTPException):
                pass
            self.close()
        self._connection = self._connect()
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                connection.quit()
            except (OSError, smtplib.SMTPException):
                _quietly_close(connection)

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        """Deliver ``message`` to ``to``; see :class:`Transport`."""
        sender, recipient = _wire_address(envelope_from), _wire_address(to)
        international = _needs_smtputf8(message, sender, recipient)
        connection = self._open()
        if international and not connection.has_extn("smtputf8"):
            raise RecipientRefused(
                f"ที่อยู่ {to} เป็นอักษรไทย แต่เซิร์ฟเวอร์อีเมลของหน่วยงานไม่รองรับ (SMTPUTF8) — "
                "ขอที่อยู่อีเมลอื่นจากผู้ยื่น หรือแจ้งผลทางช่องทางอื่น",
                f"The address {to} is in Thai script, but the agency's mail server does not "
                "support it (SMTPUTF8). Ask the applicant for another address or notify them "
                "another way.",
                detail="server lacks SMTPUTF8",
            )
        data = message_bytes(message, international=international)
        options = ["SMTPUTF8", "BODY=8BITMIME"] if international else []
        try:
            connection.sendmail(sender, [recipient], data, mail_options=options)
        except smtplib.SMTPRecipientsRefused as exc:
            self.close()
            code, reply = next(iter(exc.recipients.values()), (451, b"refused"))
            raise self._classify(code, _reply_text(reply), to) from exc
        except smtplib.SMTPSenderRefused as exc:
            self.close()
            text = _reply_text(exc.smtp_error)
            if exc.smtp_code == 421 or exc.smtp_code < 500:
                raise self._refused_now(exc.smtp_code, text) from exc
            # A refused sender is a setting to fix, not the message's fault: keep it queued.
            raise TransportUnavailable(
                f"เซิร์ฟเวอร์อีเมลไม่ยอมให้ส่งในนาม {envelope_from} ({exc.smtp_code} {text}) — "
                "ให้ผู้ดูแลระบบตรวจสอบว่าบัญชี SMTP ส่งในนามที่อยู่ราชการนี้ได้",
                f"The mail server does not allow sending as {envelope_from} "
                f"({exc.smtp_code} {text}). Ask the administrator to check that the SMTP "
                "account may send as the official address.",
                detail=f"{exc.smtp_code} {text}",
            ) from exc
        except smtplib.SMTPDataError as exc:
            self.close()
            raise self._classify(exc.smtp_code, _reply_text(exc.smtp_error), to) from exc
        except ssl.SSLError as exc:
            self.close()
            raise self._tls_failed(exc) from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise self._unreachable(exc) from exc


def _quietly_close(connection: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):
        connection.close()


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals renames.
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class MaildirTransport:
    """Delivers into a local Maildir (the demo's "sent" folder), once per Message-ID.

    Each message's file is named after a hash of its Message-ID, so delivering the same
    message again (the at-least-once retry after a crash) writes nothing. Messages are
    filed as read (``cur/…:2,S``), as a "sent" folder holds them; any Maildir reader
    (``mailbox.Maildir``, mail clients) opens it.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._box: mailbox.Maildir | None = None

    def __repr__(self) -> str:
        return f"MaildirTransport({str(self.path)!r})"

    def _maildir(self) -> mailbox.Maildir:
        if self._box is None:
            try:
                self._box = mailbox.Maildir(self.path, create=True)
            except OSError as exc:
                raise self._unwritable(exc) from exc
        return self._box

    def _unwritable(self, exc: BaseException) -> TransportUnavailable:
        return TransportUnavailable(
            f"เขียนอีเมลลงโฟลเดอร์ {self.path} ไม่ได้ (พื้นที่เต็มหรือไม่มีสิทธิ์เขียน) — ข้อความยังอยู่ในกล่องขาออก",
            f"Cannot write mail into {self.path} (disk full or no permission). "
            "The messages stay in the outbox.",
            detail=repr(exc),
        )

    @staticmethod
    def key_for(message_id: str) -> str:
        """The file name stem used for a Message-ID."""
        normal = message_id.strip().strip("<>").strip()
        return "anuyat-" + hashlib.sha256(normal.encode("utf-8")).hexdigest()

    def contains(self, message_id: str) -> bool:
        """Whether a message with this Message-ID is already in the folder."""
        box = self._maildir()
        key = self.key_for(message_id)
        if (self.path / "new" / key).exists():
            return True
        prefix = key + box.colon
        with os.scandir(self.path / "cur") as entries:
            return any(e.name == key or e.name.startswith(prefix) for e in entries)

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        message_id = message["Message-ID"]
        if not message_id:
            raise ValueError("a message without a Message-ID cannot be filed idempotently")
        box = self._maildir()
        if self.contains(str(message_id)):
            log.info("outbox: %s already in %s; not filed again", message_id, self.path)
            return
        key = self.key_for(str(message_id))
        international = _needs_smtputf8(message, envelope_from, to)
        data = message_bytes(message, international=international, linesep="\n")
        target = self.path / "cur" / f"{key}{box.colon}2,S"
        try:
            fd, tmp_name = tempfile.mkstemp(dir=self.path / "tmp", prefix=f"{key}.")
            tmp = Path(tmp_name)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                try:
                    os.link(tmp, target)  # fails if another run filed it meanwhile
                except FileExistsError:
                    pass
                except OSError:
                    # No hard links (FAT): exclusive create instead.
                    with contextlib.suppress(FileExistsError), open(target, "xb") as out:
                        out.write(data)
                        out.flush()
                        os.fsync(out.fileno())
            finally:
                tmp.unlink(missing_ok=True)
            _fsync_dir(target.parent)
        except OSError as exc:
            raise self._unwritable(exc) from exc

    def close(self) -> None:
        pass


# --- sending the queue -------------------------------------------------------------------


def backoff_delay(attempts: int) -> timedelta:
    """Wait after ``attempts`` failed attempts: 1, 2, 4 … minutes, capped at BACKOFF_CAP."""
    exponent = max(0, min(attempts - 1, 30))
    return min(BACKOFF_BASE * (1 << exponent), BACKOFF_CAP)


def _due(now: datetime) -> Any:
    return (OutboxMessage.status == "queued") & or_(
        OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now
    )


def _reason(exc: AnuyatError) -> str:
    return exc.bilingual()[:1000]


def _claim(context: AppContext, actor: Actor, outbox_id: str) -> OutboxMessage | None:
    with context.unit_of_work(actor) as uow:
        result = cast(
            CursorResult[Any],
            uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == outbox_id, _due(uow.now))
                .values(next_attempt_at=uow.now + CLAIM_LEASE)
                .execution_options(synchronize_session=False)
            ),
        )
        if result.rowcount != 1:
            return None  # sent, failed or claimed by another run meanwhile
        return uow.session.get(OutboxMessage, outbox_id)


def _mark_sent(context: AppContext, actor: Actor, outbox_id: str) -> None:
    with context.unit_of_work(actor) as uow:
        row = uow.session.get(OutboxMessage, outbox_id)
        if row is None or row.status != "queued":
            return
        row.status = "sent"
        row.sent_at = uow.now
        row.attempts += 1
        row.next_attempt_at = None
        row.last_error = ""
        uow.record(
            "outbox.sent",
            *_aggregate(row),
            {
                "outbox_id": row.id,
                "message_id": row.message_id,
                "kind": row.kind,
                "attempts": row.attempts,
            },
        )


def _defer(
    context: AppContext, actor: Actor, outbox_id: str, exc: AnuyatError, *, hold_queue: bool
) -> None:
    with context.unit_of_work(actor) as uow:
        row = uow.session.get(OutboxMessage, outbox_id)
        if row is None or row.status != "queued":
            return
        row.attempts += 1
        row.last_error = _reason(exc)
        retry_at = uow.now + backoff_delay(row.attempts)
        row.next_attempt_at = retry_at
        if hold_queue:
            # The link is down: nothing else is tried before this message's next attempt.
            uow.session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.status == "queued",
                    OutboxMessage.id != row.id,
                    or_(
                        OutboxMessage.next_attempt_at.is_(None),
                        OutboxMessage.next_attempt_at < retry_at,
                    ),
                )
                .values(next_attempt_at=retry_at)
                .execution_options(synchronize_session=False)
            )
        uow.record(
            "outbox.deferred",
            *_aggregate(row),
            {
                "outbox_id": row.id,
                "message_id": row.message_id,
                "attempts": row.attempts,
                "next_attempt_at": retry_at.isoformat(),
                "reason": exc.en,
                "code": exc.code,
            },
        )


def _fail(context: AppContext, actor: Actor, outbox_id: str, exc: AnuyatError) -> None:
    with context.unit_of_work(actor) as uow:
        row = uow.session.get(OutboxMessage, outbox_id)
        if row is None or row.status != "queued":
            return
        row.status = "failed"
        row.attempts += 1
        row.next_attempt_at = None
        row.last_error = _reason(exc)
        uow.record(
            "outbox.failed",
            *_aggregate(row),
            {
                "outbox_id": row.id,
                "message_id": row.message_id,
                "kind": row.kind,
                "attempts": row.attempts,
                "code": exc.code,
                "reason_th": exc.th,
                "reason_en": exc.en,
            },
        )


def send_due(context: AppContext, transport: Transport, *, limit: int = 100) -> SendReport:
    """Send up to ``limit`` due messages, oldest first; see the module docstring.

    Raises :class:`InvalidInput` (before sending anything) when messages are due but the
    agency has no official address. Other problems are recorded on the rows and summed up in
    the report.
    """
    actor = Actor.system("outbox")
    with context.read() as session:
        now = context.clock.now()
        due = list(
            session.scalars(
                select(OutboxMessage.id)
                .where(_due(now))
                # rowid: insertion order among messages queued in the same transaction
                .order_by(OutboxMessage.created_at, literal_column("outbox_message.rowid"))
                .limit(limit)
            )
        )
        if not due:
            return SendReport(0, 0, 0, None)
        sender = official_sender(session)
    sent = failed = deferred = 0
    problem: AnuyatError | None = None
    try:
        for outbox_id in due:
            row = _claim(context, actor, outbox_id)
            if row is None:
                continue
            from_addr = row.from_addr or sender.address
            try:
                message = build_email(row, context.store.blobs, from_addr, sender.name)
                transport.send(message, from_addr, row.to_addr)
            except TransportUnavailable as exc:
                log.warning("outbox: %s not sent, link down: %s", row.message_id, exc.detail)
                _defer(context, actor, row.id, exc, hold_queue=True)
                deferred += 1
                problem = exc
                break
            except TemporaryFailure as exc:
                log.info("outbox: %s deferred: %s", row.message_id, exc.detail)
                _defer(context, actor, row.id, exc, hold_queue=False)
                deferred += 1
                problem = exc
            except AnuyatError as exc:  # refused for good, or an attachment is unreadable
                log.warning("outbox: %s failed: %s %s", row.message_id, exc.code, exc.detail)
                _fail(context, actor, row.id, exc)
                failed += 1
                problem = exc
            else:
                _mark_sent(context, actor, row.id)
                sent += 1
    finally:
        transport.close()
    return SendReport(
        sent,
        failed,
        deferred,
        problem.en if problem else None,
        problem.th if problem else None,
    )


# --- read side ---------------------------------------------------------------------------


def outbox_summary(session: Session) -> dict[str, int]:
    """How many messages are queued, sent and failed (every status present, zero or not)."""
    counts = dict.fromkeys(_STATUSES, 0)
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    for status, count in rows:
        counts[str(status)] = int(count)
    return counts


def _rows(session: Session, query: Select[OutboxMessage, str]) -> list[OutboxRow]:
    return [
        OutboxRow(
            id=m.id,
            message_id=m.message_id,
            application_id=m.application_id,
            tracking_number=tracking,
            kind=m.kind,
            to_addr=m.to_addr,
            subject=m.subject,
            status=m.status,
            attempts=m.attempts,
            attachment_count=len(m.attachments or []),
            created_at=m.created_at,
            next_attempt_at=m.next_attempt_at,
            sent_at=m.sent_at,
            last_error=m.last_error,
        )
        for m, tracking in session.execute(query)
    ]


def _listing(status: str) -> Select[OutboxMessage, str]:
    return (
        select(OutboxMessage, Application.tracking_number)
        .outerjoin(Application, Application.id == OutboxMessage.application_id)
        .where(OutboxMessage.status == status)
    )


def sent_log(session: Session, limit: int = 100) -> list[OutboxRow]:
    """The most recently sent messages, newest first."""
    query = _listing("sent").order_by(OutboxMessage.sent_at.desc(), OutboxMessage.id)
    return _rows(session, query.limit(limit))


def failed_messages(session: Session, limit: int = 100) -> list[OutboxRow]:
    """Messages refused for good, newest first: an officer has to act on each."""
    query = _listing("failed").order_by(OutboxMessage.created_at.desc(), OutboxMessage.id)
    return _rows(session, query.limit(limit))
