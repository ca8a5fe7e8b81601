"""Untrusted e-mail bytes turned into a :class:`ParsedMail`, without ever raising.

Mail reaches an agency from every kind of client: Thai Windows machines that write
TIS-620 / windows-874 with or without declaring it, phones that send HTML only,
Outlook's ``winmail.dat``, forwards of forwards. The parser uses the stdlib
:mod:`email` package with the ``compat32`` policy, because it keeps raw 8-bit header
bytes (which the modern policy turns into replacement characters) and never raises
when a header is read; the header words, parameters and charsets are then decoded
here, with Thai aliases the stdlib does not know. Every failure inside one part
becomes a line in ``problems`` and the rest of the message is still read; a message
that cannot be parsed at all still yields a ``ParsedMail`` with its raw text as body.

Nothing is fetched from the network: HTML goes through
:func:`services.intake.mail.html_text.html_to_text`.

This module is the entry (callers import from here) and assembles the result; the work is
in ``charsets`` (Thai aliases, decoding), ``headers`` (encoded words, parameters,
addresses and display names, ids, dates), ``body`` (which parts are the text),
``parts`` (the MIME walk: attachments, forwarded messages, winmail.dat), ``auto_reply``
(RFC 3834), ``auth_results`` (the receiving server's verdict) and ``fingerprint``.
:class:`ParsedMail` itself is in :mod:`services.intake.types`, shared with the other channels.
"""

from __future__ import annotations

import email
import hashlib
import logging
from dataclasses import replace
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from services.intake.mail.auth_results import sender_authentication
from services.intake.mail.auto_reply import auto_reply_reason
from services.intake.mail.charsets import clean_text, decode_bytes, normalize_charset
from services.intake.mail.fingerprint import content_fingerprint
from services.intake.mail.forwarded import forwarded_sender
from services.intake.mail.headers import (
    addresses,
    decode_header_value,
    first_header,
    header_date,
    header_map,
    id_list,
    norm_id,
)
from services.intake.mail.not_request import not_request_reason
from services.intake.mail.parts import TNEF_PROBLEM, Collected, safe_filename, walk
from services.intake.types import ParsedAttachment, ParsedMail
from services.kernel.text import clean_name, clean_subject

__all__ = [
    "parse_mail",
    "content_fingerprint",
    "sender_authentication",
    "decode_bytes",
    "decode_header_value",
    "normalize_charset",
    "auto_reply_reason",
    "safe_filename",
    "TNEF_PROBLEM",
]

log = logging.getLogger(__name__)


def _fallback_text(raw: bytes) -> str:
    text, _ = decode_bytes(raw, None)
    return clean_text(text)


def _unparseable(raw: bytes, exc: BaseException, authserv_id: str = "") -> ParsedMail:
    """The message as raw text, with whatever its headers still tell (they rarely break)."""
    log.warning("mail could not be parsed: %s", type(exc).__name__)
    headers: dict[str, list[str]] = {}
    body = raw
    try:
        msg = BytesParser(policy=compat32).parsebytes(raw, headersonly=True)
        headers = header_map(msg)
        payload = msg.get_payload()
        if isinstance(payload, str):
            body = payload.encode("utf-8", errors="surrogateescape")
    except Exception:  # the raw bytes as they are, then
        headers, body = {}, raw
    problem = f"the message could not be parsed ({type(exc).__name__}); shown as raw text"
    mail = _assemble(raw, headers, _fallback_text(body).strip(), (), (problem,), authserv_id)
    if mail.auto_reply_blocked is None:
        mail = replace(mail, auto_reply_blocked="the message could not be parsed")
    return mail


def _defects(msg: Message) -> list[str]:
    names: list[str] = []
    for part in msg.walk():
        for defect in getattr(part, "defects", []):
            name = type(defect).__name__
            if name not in names:
                names.append(name)
    return names


def _assemble(
    raw: bytes,
    headers: dict[str, list[str]],
    body_text: str,
    attachments: tuple[ParsedAttachment, ...],
    problems: tuple[str, ...],
    authserv_id: str = "",
    forwarded: tuple[str, str] | None = None,
) -> ParsedMail:
    message_id = norm_id(first_header(headers, "message-id"))
    auth, auth_detail = sender_authentication(headers, authserv_id)
    senders = addresses(first_header(headers, "from"))
    sender_name, sender_address = senders[0] if senders else ("", "")
    reply_pairs = addresses(first_header(headers, "reply-to"))
    in_reply_to_ids = id_list(first_header(headers, "in-reply-to"))
    subject = clean_subject(decode_header_value(first_header(headers, "subject")))
    judged = not_request_reason(headers, sender_address, subject)
    original = forwarded or forwarded_sender(body_text)
    return ParsedMail(
        message_id=message_id,
        idempotency_key=message_id or "sha256:" + hashlib.sha256(raw).hexdigest(),
        content_sha256=content_fingerprint(raw),
        in_reply_to=in_reply_to_ids[0] if in_reply_to_ids else None,
        references=id_list(" ".join(headers.get("references", []))),
        subject=subject,
        sender_name=clean_name(sender_name),
        sender_address=sender_address,
        reply_to=next((a for _, a in reply_pairs if a), sender_address),
        to=tuple(a for _, a in addresses(", ".join(headers.get("to", []))) if a),
        date=header_date(first_header(headers, "date")),
        body_text=body_text,
        attachments=attachments,
        auto_reply_blocked=auto_reply_reason(headers, sender_address),
        problems=problems,
        sender_auth=auth,
        sender_auth_detail=auth_detail,
        not_request=(judged.code, judged.detail) if judged else None,
        # Someone else's mail passed on is the other person's request (to be confirmed).
        forwarded_from=original if original and original[1] != sender_address else None,
    )


def _parse(raw: bytes, msg: Message, authserv_id: str) -> ParsedMail:
    headers = header_map(msg)
    collected = Collected()
    if not headers:
        collected.problem("no mail headers found")
    walk(msg, collected, 0, want_body=True)
    try:
        defects = _defects(msg)
    except RecursionError:
        defects = ["RecursionError"]
    if defects:
        collected.problem("mail structure defects: " + ", ".join(defects[:8]))
    body = "\n\n".join(t for t in collected.body if t).strip()
    attachments, problems = tuple(collected.attachments), tuple(collected.problems)
    return _assemble(
        raw, headers, body, attachments, problems, authserv_id, collected.forwarded_from
    )


def parse_mail(raw: bytes, *, authserv_id: str = "") -> ParsedMail:
    """Parse one message as received; never raises, whatever the bytes are.

    ``authserv_id`` names the agency's receiving server, whose Authentication-Results
    header alone is trusted (see :func:`sender_authentication`); "" trusts none.
    """
    try:
        msg = email.message_from_bytes(raw, policy=compat32)
        return _parse(raw, msg, authserv_id)
    except Exception as exc:  # includes RecursionError from absurd nesting
        return _unparseable(raw, exc, authserv_id)
