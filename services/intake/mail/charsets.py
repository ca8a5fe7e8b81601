"""Charsets of untrusted mail: Thai aliases the stdlib does not know; decoding never raises.

Thai Windows machines write TIS-620 / windows-874 with or without declaring it, and Thai
text labelled UTF-8 is common; everything that is really TIS-620 is read as cp874.
"""

from __future__ import annotations

import codecs
import unicodedata

__all__ = ["normalize_charset", "decode_bytes", "raw_to_text", "text_to_bytes", "clean_text"]

# Everything that is really TIS-620 goes to cp874, its Windows superset (adds € … ‘ ’ “ ” • – —).
_THAI_ALIASES = frozenset(
    {"tis-620", "tis620", "tis_620", "tis-620-0", "tis620-0", "tis620.2529-1", "tis-620-2533",
     "iso-8859-11", "iso8859-11", "iso_8859-11", "iso885911", "windows-874", "x-windows-874",
     "cp874", "ms874", "x-cp874", "thai", "ibm874"}
)  # fmt: skip
_NO_CHARSET = frozenset({"", "unknown-8bit", "x-unknown", "unknown", "default", "8bit"})


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


def raw_to_text(value: str) -> str:
    """Header text from the parser: raw 8-bit bytes (kept as surrogates) → UTF-8 or cp874."""
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    raw = value.encode("utf-8", errors="surrogateescape")
    text, _ = decode_bytes(raw, None)
    return text


def text_to_bytes(value: str) -> bytes:
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


def clean_text(text: str) -> str:
    """Body text without control characters other than line breaks and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")
    )
