"""Building the MIME message for an outbox row: headers, Thai text, attachments, bytes."""

from __future__ import annotations

import email.policy
import email.utils
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Protocol, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, OutboxMessage
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput
from services.outbox.addresses import check_address, idna_domain, one_line, wire_address
from services.outbox.errors import invalid

MAIL_POLICY = email.policy.SMTP.clone(cte_type="7bit")
"""CRLF, RFC 2047/2231 encoding, and bodies chosen 7-bit clean (no 8BITMIME needed)."""

_HEADERS = ("In-Reply-To", "References", "Auto-Submitted")


@dataclass(frozen=True)
class Sender:
    """Who the agency's mail comes from."""

    name: str
    """Display name: the agency's Thai name."""
    address: str
    """The official address (``Agency.email``)."""
    domain: str
    """The address's domain as ASCII (IDNA), used for Message-IDs."""


class BlobReader(Protocol):
    def get(self, sha256: str) -> bytes: ...


def official_sender(session: Session) -> Sender:
    """The agency's name and official address, or :class:`InvalidInput` when it has none."""
    agency = session.scalars(select(Agency).order_by(Agency.created_at)).first()
    address = (agency.email if agency else "").strip()
    domain = idna_domain(address.rpartition("@")[2]) if address else None
    try:
        address = check_address(address)
    except InvalidInput:
        domain = None
    if agency is None or domain is None:
        raise invalid(
            "หน่วยงานยังไม่ได้ตั้งที่อยู่อีเมลราชการ จึงส่งอีเมลไม่ได้ — "
            "ให้ผู้ดูแลระบบตั้งที่อยู่อีเมลของหน่วยงาน ข้อความยังรออยู่ในกล่องขาออก",
            "The agency has no official e-mail address, so no mail can be sent. Ask the "
            "administrator to set the agency's address; the messages wait in the outbox.",
            "agency_email_missing",
        )
    return Sender(name=agency.name_th, address=address, domain=domain)


def _header_address(address: str, display_name: str = "") -> Address:
    # By parts: parsing an addr_spec refuses a Thai-script name (an EAI address).
    local, _, domain = wire_address(address).rpartition("@")
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
    message["From"] = _header_address(from_addr, one_line(from_name))
    message["To"] = _header_address(row.to_addr)
    message["Subject"] = row.subject
    for name in _HEADERS:
        value = (row.headers or {}).get(name)
        if value:
            message[name] = one_line(value)
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


def needs_smtputf8(message: EmailMessage, *addresses: str) -> bool:
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
