"""Walking a message's MIME tree: body parts, attachments, forwarded messages, winmail.dat.

Every failure inside one part becomes a line in ``problems`` and the rest of the message is
still read; nesting and part counts are bounded, so a hostile message cannot exhaust the
stack or the worker. A forwarded message (``message/rfc822``) contributes its attachments
and, when it is on the body's path, its text under a header naming its subject and sender.
Outlook's ``winmail.dat`` (TNEF) is kept as an attachment and reported, not unpacked.
"""

from __future__ import annotations

import base64
import binascii
import email
import logging
import re
from dataclasses import dataclass, field
from email.message import Message
from email.policy import compat32

from services.intake.mail.body import choose_alternative, is_body_text, payload, text_of
from services.intake.mail.charsets import clean_text, decode_bytes
from services.intake.mail.headers import (
    addresses,
    decode_header_value,
    first_header,
    header_map,
    header_param,
    norm_id,
    raw_header,
)
from services.intake.types import ParsedAttachment
from services.kernel.text import clean_filename, clean_name, clean_subject

__all__ = ["TNEF_PROBLEM", "Collected", "walk", "safe_filename"]

log = logging.getLogger(__name__)

TNEF_PROBLEM = "winmail.dat (TNEF) could not be unpacked"

_MAX_DEPTH = 12  # nesting of multiparts and forwards; deeper parts are reported, not read
_MAX_PARTS = 1000
_SIGNATURE_TYPES = frozenset(
    {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
)
_TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})


@dataclass
class Collected:
    body: list[str] = field(default_factory=list)
    attachments: list[ParsedAttachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    parts_seen: int = 0
    # The sender (name, address) of the first message forwarded whole (message/rfc822).
    forwarded_from: tuple[str, str] | None = None

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)


def safe_filename(name: str | None) -> str:
    """Only the last path element, no control or bidi characters, no Windows-reserved marks,
    at most 255 bytes (:func:`services.kernel.text.clean_filename`)."""
    return clean_filename(name)


def _add_attachment(part: Message, filename: str, collected: Collected) -> None:
    content_type = part.get_content_type()
    content_id = norm_id(raw_header(part, "content-id"))
    inline = content_type.startswith("image/") and (
        part.get_content_disposition() == "inline" or content_id is not None
    )
    data = payload(part)
    is_tnef = content_type in _TNEF_TYPES or filename.lower() == "winmail.dat"
    if is_tnef:
        filename = filename or "winmail.dat"
        collected.problem(TNEF_PROBLEM)
    if not filename:
        filename = f"attachment-{len(collected.attachments) + 1}"
    collected.attachments.append(
        ParsedAttachment(
            filename=filename,
            declared_type=content_type,
            data=data,
            inline=inline,
            content_id=content_id,
        )
    )


def walk(part: Message, collected: Collected, depth: int, want_body: bool) -> None:
    collected.parts_seen += 1
    if collected.parts_seen > _MAX_PARTS:
        collected.problem(f"more than {_MAX_PARTS} MIME parts; the rest was not read")
        return
    if depth > _MAX_DEPTH:
        collected.problem(f"MIME nesting deeper than {_MAX_DEPTH}; the deeper parts were not read")
        return
    try:
        content_type = part.get_content_type()
        if content_type in ("message/rfc822", "message/global"):
            _walk_forward(part, collected, depth, want_body)
            return
        if content_type == "message/delivery-status":
            if want_body:
                blocks = part.get_payload()
                if isinstance(blocks, list):
                    text = "\n".join(str(b) for b in blocks if isinstance(b, Message))
                    collected.body.append(text.strip())
            return
        if part.is_multipart():
            children = [c for c in part.get_payload() if isinstance(c, Message)]
            if content_type == "multipart/alternative":
                chosen = choose_alternative(children)
                for child in children:
                    walk(child, collected, depth + 1, want_body and child is chosen)
            else:
                for child in children:
                    walk(child, collected, depth + 1, want_body)
            return
        if part.get_content_maintype() == "multipart":  # no usable boundary: show the raw text
            collected.problem("a multipart section had no usable boundary; shown as raw text")
            if want_body:
                text, _ = decode_bytes(payload(part), part.get_content_charset())
                collected.body.append(clean_text(text).strip())
            return
        if content_type in _SIGNATURE_TYPES:
            collected.problem("digital signature part not kept (not checked)")
            return
        if content_type == "text/rfc822-headers":
            if want_body:
                collected.body.append(clean_text(decode_bytes(payload(part), None)[0]).strip())
            return
        filename = safe_filename(header_param(part, "content-disposition", "filename"))
        filename = filename or safe_filename(header_param(part, "content-type", "name"))
        if is_body_text(part, filename):
            if want_body:
                text, problem = text_of(part)
                if problem:
                    collected.problem(problem)
                if text:
                    collected.body.append(text)
            return
        _add_attachment(part, filename, collected)
    except Exception as exc:  # one broken part must not lose the rest of the message
        log.info("mail part could not be read: %s", type(exc).__name__)
        collected.problem(f"a MIME part could not be read ({type(exc).__name__})")


def _forwarded_message(part: Message) -> Message | None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else payload
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    if isinstance(inner, Message) and cte not in ("base64", "quoted-printable"):
        return inner
    # Encoded message/rfc822 is not allowed (RFC 2046 5.2.1) but some clients send it.
    if isinstance(inner, Message):
        raw = inner.as_bytes()
    elif isinstance(inner, str):
        raw = inner.encode("utf-8", errors="surrogateescape")
    else:
        return None
    if cte == "base64":
        raw = base64.b64decode(re.sub(rb"[^A-Za-z0-9+/=]", b"", raw) + b"==", validate=False)
    elif cte == "quoted-printable":
        raw = binascii.a2b_qp(raw)
    return email.message_from_bytes(raw, policy=compat32)


def _walk_forward(part: Message, collected: Collected, depth: int, want_body: bool) -> None:
    inner = _forwarded_message(part)
    if inner is None:
        collected.problem("a forwarded message was empty")
        return
    headers = header_map(inner)
    subject = clean_subject(decode_header_value(first_header(headers, "subject"))) or "(no subject)"
    senders = addresses(first_header(headers, "from"))
    sender = "(unknown sender)"
    if senders:
        name, address = clean_name(senders[0][0]), senders[0][1]
        sender = f"{name} <{address}>" if name and address else (address or name)
        if address and collected.forwarded_from is None:
            collected.forwarded_from = (name, address)
    sub = Collected(parts_seen=collected.parts_seen)
    walk(inner, sub, depth + 1, want_body)
    collected.parts_seen = sub.parts_seen
    collected.attachments.extend(sub.attachments)
    for problem in sub.problems:
        collected.problem(problem)
    if want_body:
        text = "\n\n".join(t for t in sub.body if t)
        header = f"---- Forwarded message: {subject} from {sender} ----"
        collected.body.append(f"{header}\n{text}\n---- End of forwarded message ----")
