"""Plain data passed between the intake pieces: mail sources, the parser, the inspector.

Nothing here touches the store; ``services.intake`` turns these into applications.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from services.kernel.sizes import MB

__all__ = [
    "RawMail",
    "ParsedAttachment",
    "ParsedMail",
    "InspectedFile",
    "Limits",
    "Verdict",
    "SenderAuth",
]

Verdict = Literal["accepted", "rejected"]
SenderAuth = Literal["pass", "fail", "none"]


@dataclass(frozen=True)
class RawMail:
    """One message as a mailbox gave it: untouched bytes and the server's receive time."""

    source: str  # "imap:<user>@<host>/<folder>" or "maildir:<path>"
    uid: str  # IMAP UID (as text) or the Maildir key
    internal_date: datetime  # server receive time (IMAP INTERNALDATE / file mtime), aware UTC
    data: bytes


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str  # decoded (RFC 2047/2231, TIS-620/windows-874), never a path
    declared_type: str  # what the sender claimed; never trusted for decisions
    data: bytes
    inline: bool = False
    content_id: str | None = None


@dataclass(frozen=True)
class ParsedMail:
    message_id: str | None
    idempotency_key: str  # the Message-ID, or "sha256:<hex>" of the raw bytes when absent
    content_sha256: str  # the sender's headers and body: tells a re-delivery from a reused id
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    sender_name: str
    sender_address: str  # lower-case
    reply_to: str  # where replies go (Reply-To, else From), lower-case
    to: tuple[str, ...]
    date: datetime | None  # the Date header (sender's claim), aware UTC
    body_text: str  # plain text; HTML reduced to safe text, nothing remote fetched
    attachments: tuple[ParsedAttachment, ...]
    auto_reply_blocked: str | None  # why no auto reply may go (RFC 3834), else None
    problems: tuple[str, ...] = field(default_factory=tuple)  # e.g. "winmail.dat flagged"
    # What the agency's own server found of the sender (RFC 8601: SPF, DKIM, DMARC).
    sender_auth: SenderAuth = "none"
    sender_auth_detail: str = ""  # e.g. "dkim=none dmarc=fail spf=fail"
    # Not a request at all (services.intake.mail.not_request): (reason code, the sign seen).
    not_request: tuple[str, str] | None = None
    # A request forwarded by someone else: the original sender (name, address) it names.
    forwarded_from: tuple[str, str] | None = None


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 25 * MB  # decimal megabytes, as the texts say (kernel.sizes)
    max_application_bytes: int = 60 * MB
    max_files: int = 50
    zip_max_members: int = 200
    zip_max_total_bytes: int = 100 * MB
    zip_max_ratio: float = 100.0
    zip_max_depth: int = 2
    min_image_dpi: int = 150  # below this an A4 scan is hard to read (requirements P3)
    min_image_width_px: int = 1000


@dataclass(frozen=True)
class InspectedFile:
    """A file after inspection: sniffed type, facts, and whether it is accepted."""

    filename: str
    content_type: str  # sniffed from content
    data: bytes
    verdict: Verdict
    reason_code: str | None = None  # why rejected (or flagged), e.g. "zip_traversal"
    reason_th: str = ""
    reason_en: str = ""
    # What the applicant is told about a held file (never the officer's text above).
    applicant_th: str = ""
    applicant_en: str = ""
    pages: int | None = None
    width_px: int | None = None
    height_px: int | None = None
    dpi: int | None = None
    flags: tuple[str, ...] = ()  # e.g. "low_resolution", "pdf_javascript"
    origin_path: str = ""  # where it came from, e.g. "docs.zip/scan1.pdf"
    text: str | None = None
    """Its words for the search index, read while it was judged (None: not read yet)."""
