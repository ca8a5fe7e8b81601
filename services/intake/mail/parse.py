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
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import email.utils
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from services.intake.mail.auth_results import sender_authentication
from services.intake.mail.fingerprint import content_fingerprint
from services.intake.mail.html_text import html_to_text
from services.intake.types import ParsedAttachment, ParsedMail
from services.kernel.text import clean_filename, clean_line, clean_name, clean_subject

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

TNEF_PROBLEM = "winmail.dat (TNEF) could not be unpacked"

# Everything that is really TIS-620 goes to cp874, its Windows superset (adds € … ‘ ’ “ ” • – —).
_THAI_ALIASES = frozenset(
    {"tis-620", "tis620", "tis_620", "tis-620-0", "tis620-0", "tis620.2529-1", "tis-620-2533",
     "iso-8859-11", "iso8859-11", "iso_8859-11", "iso885911", "windows-874", "x-windows-874",
     "cp874", "ms874", "x-cp874", "thai", "ibm874"}
)  # fmt: skip
_NO_CHARSET = frozenset({"", "unknown-8bit", "x-unknown", "unknown", "default", "8bit"})

_MAX_DEPTH = 12  # nesting of multiparts and forwards; deeper parts are reported, not read
_MAX_PARTS = 1000
_MAX_HEADER = 10_000  # characters kept of any one decoded header; names/subjects get less
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ID_IN_BRACKETS = re.compile(r"<([^<>]*)>")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SIGNATURE_TYPES = frozenset(
    {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
)
_TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
_NOREPLY_LOCAL = re.compile(
    r"(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?)"
    r"($|[-_.+])",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+$")
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply", "auto-reply"})
_SUPPRESS_VALUES = frozenset({"all", "autoreply", "oof"})


# -- charsets ----------------------------------------------------------------------------------


def normalize_charset(charset: str | None) -> str | None:
    """The Python codec for a MIME charset name, Thai aliases mapped to cp874; None if unknown."""
    if charset is None:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in _NO_CHARSET:
        return None
    if name in _THAI_ALIASES or name.replace("_", "-") in _THAI_ALIASES:
        return "cp874"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Decode text in its declared charset, else UTF-8, else cp874; never raises.

    Returns the text and a problem note when the declared charset was unknown, did not
    fit the bytes (Thai mail labelled UTF-8 is common), or characters had to be replaced.
    """
    codec = normalize_charset(charset)
    declared = (charset or "").strip().strip("\"'").lower()
    unknown = codec is None and declared not in _NO_CHARSET
    tried: list[str] = []
    for candidate in (codec, "utf-8", "cp874"):
        if candidate is None or candidate in tried:
            continue
        tried.append(candidate)
        try:
            text = data.decode(candidate).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
        if unknown:
            return text, f"unknown charset {charset!r}, read as {candidate}"
        if codec is not None and candidate != codec:
            return text, f"text declared as {charset} was read as {candidate}"
        return text, None
    fallback = codec or "utf-8"
    text = data.decode(fallback, errors="replace")
    return text, f"text in charset {charset or 'undeclared'!r} had undecodable bytes"


def _raw_to_text(value: str) -> str:
    """Header text from the parser: raw 8-bit bytes (kept as surrogates) → UTF-8 or cp874."""
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    raw = value.encode("utf-8", errors="surrogateescape")
    text, _ = decode_bytes(raw, None)
    return text


def _text_to_bytes(value: str) -> bytes:
    """RFC 2231 values come back as latin-1 code points (one per byte); undo that."""
    out = bytearray()
    for ch in value:
        code = ord(ch)
        if code < 256:
            out.append(code)
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(code - 0xDC00)
        else:
            out.extend(ch.encode("utf-8"))
    return bytes(out)


def _decode_word(encoding: str, payload: str) -> bytes:
    if encoding.upper() == "B":
        cleaned = re.sub(r"[^A-Za-z0-9+/]", "", payload)
        cleaned += "=" * (-len(cleaned) % 4)
        try:
            return base64.b64decode(cleaned)
        except (binascii.Error, ValueError):
            return payload.encode("ascii", errors="replace")
    raw = payload.replace("_", " ").encode("ascii", errors="surrogateescape")
    return binascii.a2b_qp(raw)


def decode_header_value(value: str | None) -> str:
    """Decode a header: RFC 2047 words in any charset (Thai aliases too) and raw 8-bit text.

    Adjacent encoded words in the same charset are joined before decoding, because
    some clients split one UTF-8 character across two words. Line breaks and tabs
    become spaces; other control characters and bidi overrides are removed
    (:func:`services.kernel.text.clean_line`). Never raises.
    """
    if not value:
        return ""
    try:
        text = _raw_to_text(_FOLD.sub("", value))
        pieces: list[tuple[str | None, bytes | str]] = []  # (charset, bytes) or (None, literal)
        pos = 0
        for match in _ENCODED_WORD.finditer(text):
            literal = text[pos : match.start()]
            follows_word = bool(pieces) and pieces[-1][0] is not None
            if literal and not (follows_word and not literal.strip()):
                pieces.append((None, literal))
            charset = match.group(1).split("*", 1)[0]  # RFC 2231 language suffix: utf-8*th
            data = _decode_word(match.group(2), match.group(3))
            if pieces and pieces[-1][0] is not None and pieces[-1][0] == charset.lower():
                previous = pieces[-1][1]
                assert isinstance(previous, bytes)
                pieces[-1] = (charset.lower(), previous + data)
            else:
                pieces.append((charset.lower(), data))
            pos = match.end()
        if pos < len(text):
            pieces.append((None, text[pos:]))
        out: list[str] = []
        for charset, piece in pieces:
            if isinstance(piece, bytes):
                out.append(decode_bytes(piece, charset)[0])
            else:
                out.append(piece)
        return _clean_line("".join(out))
    except Exception as exc:  # a header must never stop the parse
        log.info("header could not be decoded: %s", type(exc).__name__)
        return _clean_line(value.encode("utf-8", errors="replace").decode("utf-8"))


def _clean_text(text: str) -> str:
    """Body text without control characters other than line breaks and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def _clean_line(text: str) -> str:
    return clean_line(text, _MAX_HEADER)


# -- headers -----------------------------------------------------------------------------------


def _headers(msg: Message) -> dict[str, list[str]]:
    """Header values as the parser stored them (raw 8-bit kept), by lower-case name."""
    table: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        table.setdefault(str(name).strip().lower(), []).append(str(value))
    return table


def _first(headers: dict[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0] if values else None


def _norm_id(value: str | None) -> str | None:
    if not value:
        return None
    text = _raw_to_text(_FOLD.sub("", value))
    match = _ID_IN_BRACKETS.search(text)
    inner = match.group(1) if match else text.strip().strip("<>")
    inner = re.sub(r"\s+", "", inner)
    inner = "".join(ch for ch in inner if unicodedata.category(ch)[0] != "C")
    return inner or None


def _id_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    text = _raw_to_text(_FOLD.sub("", value))
    found = [re.sub(r"\s+", "", m) for m in _ID_IN_BRACKETS.findall(text)]
    if not found:
        found = [part.strip("<>") for part in re.split(r"[\s,]+", text)]
    ids: list[str] = []
    for item in found:
        if item and item not in ids:
            ids.append(item)
    return tuple(ids)


def _addresses(value: str | None) -> list[tuple[str, str]]:
    """(decoded display name, lower-case address) pairs; broken headers give what they can."""
    if not value:
        return []
    text = _FOLD.sub("", value).replace("\r", " ").replace("\n", " ")
    pairs: list[tuple[str, str]] = []
    for name, address in email.utils.getaddresses([text]):
        address = _clean_line(_raw_to_text(address)).lower().strip("<>")
        if not _ADDRESS.match(address):
            address = ""
        name = decode_header_value(name)
        if address or name:
            pairs.append((name, address))
    return pairs


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(_clean_line(_raw_to_text(value)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:  # "-0000": the time is UTC, the zone unknown (RFC 5322 3.3)
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def auto_reply_reason(headers: dict[str, list[str]], sender_address: str) -> str | None:
    """Why an automatic reply must not go to this message (RFC 3834 and common practice)."""
    auto = (_first(headers, "auto-submitted") or "").strip().lower()
    if auto and auto.split(";", 1)[0].strip() != "no":
        return f"Auto-Submitted: {auto[:40]}"
    precedence = (_first(headers, "precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("list-id", "list-unsubscribe"):
        if name in headers:
            return f"mailing list ({name})"
    suppress = (_first(headers, "x-auto-response-suppress") or "").lower()
    if {v.strip() for v in re.split(r"[,\s]+", suppress)} & _SUPPRESS_VALUES:
        return "X-Auto-Response-Suppress"
    for name in ("x-autoreply", "x-autorespond"):
        if name in headers:
            return f"automatic reply ({name})"
    return_path = _first(headers, "return-path")
    if return_path is not None and return_path.strip() in ("<>", ""):
        return "empty Return-Path (a bounce)"
    if not sender_address or "@" not in sender_address:
        return "no sender address"
    local = sender_address.rsplit("@", 1)[0]
    if _NOREPLY_LOCAL.search(local):
        return f"sender does not take replies ({local[:40]})"
    content_type = (_first(headers, "content-type") or "").lower()
    if content_type.strip().startswith("multipart/report"):
        return "delivery or read report"
    return None


# -- parts -------------------------------------------------------------------------------------


@dataclass
class _Collected:
    body: list[str] = field(default_factory=list)
    attachments: list[ParsedAttachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    parts_seen: int = 0

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)


def _raw_header(part: Message, header: str) -> str | None:
    """A header as stored (raw 8-bit kept as surrogates), not compat32's sanitised copy."""
    for key, value in part.raw_items():
        if str(key).strip().lower() == header:
            return str(value)
    return None


def _param(part: Message, header: str, name: str) -> str | None:
    """A header parameter with RFC 2231 and RFC 2047 decoded, raw 8-bit read as UTF-8 or cp874."""
    raw = _raw_header(part, header)
    if raw is None:
        return None
    holder = Message()
    holder[header] = _raw_to_text(_FOLD.sub("", raw))
    value = holder.get_param(name, None, header=header)
    if value is None:
        return None
    if isinstance(value, tuple):
        charset, _language, text = value
        data = _text_to_bytes(email.utils.unquote(text))
        return decode_bytes(data, charset or "utf-8")[0]
    return decode_header_value(value)


def safe_filename(name: str | None) -> str:
    """Only the last path element, no control or bidi characters, no Windows-reserved marks,
    at most 255 bytes (:func:`services.kernel.text.clean_filename`)."""
    return clean_filename(name)


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8", errors="surrogateescape")
    return b""


def _text_of(part: Message, collected: _Collected) -> str:
    data = _payload(part)
    charset = part.get_content_charset()
    if charset is None and part.get_content_type() == "text/html":
        meta = _META_CHARSET.search(data[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", errors="replace")
    text, problem = decode_bytes(data, charset)
    if problem:
        collected.problem(problem)
    if part.get_content_type() == "text/html":
        return _clean_text(html_to_text(text))
    return _clean_text(text).strip()


def _is_body_text(part: Message, filename: str) -> bool:
    return (
        part.get_content_type() in ("text/plain", "text/html")
        and part.get_content_disposition() != "attachment"
        and not filename
    )


def _add_attachment(part: Message, filename: str, collected: _Collected) -> None:
    content_type = part.get_content_type()
    content_id = _norm_id(_raw_header(part, "content-id"))
    inline = content_type.startswith("image/") and (
        part.get_content_disposition() == "inline" or content_id is not None
    )
    data = _payload(part)
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


def _walk(part: Message, collected: _Collected, depth: int, want_body: bool) -> None:
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
                chosen = _choose_alternative(children)
                for child in children:
                    _walk(child, collected, depth + 1, want_body and child is chosen)
            else:
                for child in children:
                    _walk(child, collected, depth + 1, want_body)
            return
        if part.get_content_maintype() == "multipart":  # no usable boundary: show the raw text
            collected.problem("a multipart section had no usable boundary; shown as raw text")
            if want_body:
                text, _ = decode_bytes(_payload(part), part.get_content_charset())
                collected.body.append(_clean_text(text).strip())
            return
        if content_type in _SIGNATURE_TYPES:
            collected.problem("digital signature part not kept (not checked)")
            return
        if content_type == "text/rfc822-headers":
            if want_body:
                collected.body.append(_clean_text(decode_bytes(_payload(part), None)[0]).strip())
            return
        filename = safe_filename(_param(part, "content-disposition", "filename"))
        filename = filename or safe_filename(_param(part, "content-type", "name"))
        if _is_body_text(part, filename):
            if want_body:
                text = _text_of(part, collected)
                if text:
                    collected.body.append(text)
            return
        _add_attachment(part, filename, collected)
    except Exception as exc:  # one broken part must not lose the rest of the message
        log.info("mail part could not be read: %s", type(exc).__name__)
        collected.problem(f"a MIME part could not be read ({type(exc).__name__})")


def _choose_alternative(children: list[Message]) -> Message | None:
    """Plain text if it has words, else the last (richest) alternative."""
    for child in children:
        if (
            child.get_content_type() == "text/plain"
            and child.get_content_disposition() != "attachment"
        ):
            data = _payload(child)
            if data.strip():
                return child
    return children[-1] if children else None


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


def _walk_forward(part: Message, collected: _Collected, depth: int, want_body: bool) -> None:
    inner = _forwarded_message(part)
    if inner is None:
        collected.problem("a forwarded message was empty")
        return
    headers = _headers(inner)
    subject = clean_subject(decode_header_value(_first(headers, "subject"))) or "(no subject)"
    senders = _addresses(_first(headers, "from"))
    sender = "(unknown sender)"
    if senders:
        name, address = clean_name(senders[0][0]), senders[0][1]
        sender = f"{name} <{address}>" if name and address else (address or name)
    sub = _Collected(parts_seen=collected.parts_seen)
    _walk(inner, sub, depth + 1, want_body)
    collected.parts_seen = sub.parts_seen
    collected.attachments.extend(sub.attachments)
    for problem in sub.problems:
        collected.problem(problem)
    if want_body:
        text = "\n\n".join(t for t in sub.body if t)
        header = f"---- Forwarded message: {subject} from {sender} ----"
        collected.body.append(f"{header}\n{text}\n---- End of forwarded message ----")


# -- the message -------------------------------------------------------------------------------


def _fallback_text(raw: bytes) -> str:
    text, _ = decode_bytes(raw, None)
    return _clean_text(text)


def _unparseable(raw: bytes, exc: BaseException, authserv_id: str = "") -> ParsedMail:
    """The message as raw text, with whatever its headers still tell (they rarely break)."""
    log.warning("mail could not be parsed: %s", type(exc).__name__)
    headers: dict[str, list[str]] = {}
    body = raw
    try:
        msg = BytesParser(policy=compat32).parsebytes(raw, headersonly=True)
        headers = _headers(msg)
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
) -> ParsedMail:
    message_id = _norm_id(_first(headers, "message-id"))
    auth, auth_detail = sender_authentication(headers, authserv_id)
    senders = _addresses(_first(headers, "from"))
    sender_name, sender_address = senders[0] if senders else ("", "")
    reply_pairs = _addresses(_first(headers, "reply-to"))
    in_reply_to_ids = _id_list(_first(headers, "in-reply-to"))
    return ParsedMail(
        message_id=message_id,
        idempotency_key=message_id or "sha256:" + hashlib.sha256(raw).hexdigest(),
        content_sha256=content_fingerprint(raw),
        in_reply_to=in_reply_to_ids[0] if in_reply_to_ids else None,
        references=_id_list(" ".join(headers.get("references", []))),
        subject=clean_subject(decode_header_value(_first(headers, "subject"))),
        sender_name=clean_name(sender_name),
        sender_address=sender_address,
        reply_to=next((a for _, a in reply_pairs if a), sender_address),
        to=tuple(a for _, a in _addresses(", ".join(headers.get("to", []))) if a),
        date=_date(_first(headers, "date")),
        body_text=body_text,
        attachments=attachments,
        auto_reply_blocked=auto_reply_reason(headers, sender_address),
        problems=problems,
        sender_auth=auth,
        sender_auth_detail=auth_detail,
    )


def _parse(raw: bytes, msg: Message, authserv_id: str) -> ParsedMail:
    headers = _headers(msg)
    collected = _Collected()
    if not headers:
        collected.problem("no mail headers found")
    _walk(msg, collected, 0, want_body=True)
    try:
        defects = _defects(msg)
    except RecursionError:
        defects = ["RecursionError"]
    if defects:
        collected.problem("mail structure defects: " + ", ".join(defects[:8]))
    body = "\n\n".join(t for t in collected.body if t).strip()
    attachments, problems = tuple(collected.attachments), tuple(collected.problems)
    return _assemble(raw, headers, body, attachments, problems, authserv_id)


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
