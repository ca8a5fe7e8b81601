"""Mail headers read from compat32's raw values: RFC 2047 words, RFC 2231 parameters,
addresses and display names, message ids and dates; never raises.

compat32 keeps raw 8-bit header bytes (as surrogates) where the modern policy would put
replacement characters, so the words, parameters and charsets are decoded here, with the
Thai aliases of :mod:`services.intake.mail.charsets`.
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import logging
import re
import unicodedata
from datetime import UTC, datetime
from email.message import Message

from services.intake.mail.charsets import decode_bytes, raw_to_text, text_to_bytes
from services.kernel.text import clean_line

__all__ = [
    "decode_header_value",
    "clean_header",
    "header_map",
    "first_header",
    "raw_header",
    "header_param",
    "norm_id",
    "id_list",
    "addresses",
    "header_date",
]

log = logging.getLogger(__name__)

_MAX_HEADER = 10_000  # characters kept of any one decoded header; names/subjects get less
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
FOLD = re.compile(r"\r?\n(?=[ \t])")
_ID_IN_BRACKETS = re.compile(r"<([^<>]*)>")
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+$")


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
        text = raw_to_text(FOLD.sub("", value))
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
        return clean_header("".join(out))
    except Exception as exc:  # a header must never stop the parse
        log.info("header could not be decoded: %s", type(exc).__name__)
        return clean_header(value.encode("utf-8", errors="replace").decode("utf-8"))


def clean_header(text: str) -> str:
    return clean_line(text, _MAX_HEADER)


def header_map(msg: Message) -> dict[str, list[str]]:
    """Header values as the parser stored them (raw 8-bit kept), by lower-case name."""
    table: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        table.setdefault(str(name).strip().lower(), []).append(str(value))
    return table


def first_header(headers: dict[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0] if values else None


def raw_header(part: Message, header: str) -> str | None:
    """A header as stored (raw 8-bit kept as surrogates), not compat32's sanitised copy."""
    for key, value in part.raw_items():
        if str(key).strip().lower() == header:
            return str(value)
    return None


def header_param(part: Message, header: str, name: str) -> str | None:
    """A header parameter with RFC 2231 and RFC 2047 decoded, raw 8-bit read as UTF-8 or cp874."""
    raw = raw_header(part, header)
    if raw is None:
        return None
    holder = Message()
    holder[header] = raw_to_text(FOLD.sub("", raw))
    value = holder.get_param(name, None, header=header)
    if value is None:
        return None
    if isinstance(value, tuple):
        charset, _language, text = value
        data = text_to_bytes(email.utils.unquote(text))
        return decode_bytes(data, charset or "utf-8")[0]
    return decode_header_value(value)


def norm_id(value: str | None) -> str | None:
    if not value:
        return None
    text = raw_to_text(FOLD.sub("", value))
    match = _ID_IN_BRACKETS.search(text)
    inner = match.group(1) if match else text.strip().strip("<>")
    inner = re.sub(r"\s+", "", inner)
    inner = "".join(ch for ch in inner if unicodedata.category(ch)[0] != "C")
    return inner or None


def id_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    text = raw_to_text(FOLD.sub("", value))
    found = [re.sub(r"\s+", "", m) for m in _ID_IN_BRACKETS.findall(text)]
    if not found:
        found = [part.strip("<>") for part in re.split(r"[\s,]+", text)]
    ids: list[str] = []
    for item in found:
        if item and item not in ids:
            ids.append(item)
    return tuple(ids)


def addresses(value: str | None) -> list[tuple[str, str]]:
    """(decoded display name, lower-case address) pairs; broken headers give what they can."""
    if not value:
        return []
    text = FOLD.sub("", value).replace("\r", " ").replace("\n", " ")
    pairs: list[tuple[str, str]] = []
    for name, address in email.utils.getaddresses([text]):
        address = clean_header(raw_to_text(address)).lower().strip("<>")
        if not _ADDRESS.match(address):
            address = ""
        name = decode_header_value(name)
        if address or name:
            pairs.append((name, address))
    return pairs


def header_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(clean_header(raw_to_text(value)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:  # "-0000": the time is UTC, the zone unknown (RFC 5322 3.3)
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
