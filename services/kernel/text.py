"""Names, subjects and file names from outside, made safe to store, show and repeat.

Everything a sender chooses (a display name, a subject, a file name, a shared-drive
folder name, what an officer types at the counter) may carry characters that change how
the text *looks* without being seen: right-to-left overrides (``U+202E`` turns
``invoice‮fdp.exe`` into "invoiceexe.pdf"), isolates and marks, NULs and other control
characters that cut strings in other programs. It may also be absurdly long: a
20,000-character display name repeated in every letter. One set of rules, used by every
channel (mail, shared drive, counter):

- bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are removed;
- C0/C1 control characters are removed, except that line breaks and tabs become spaces;
- runs of white space become one space, and the ends are trimmed;
- the length is bounded: names :data:`MAX_NAME` characters, subjects :data:`MAX_SUBJECT`
  characters, file names :data:`MAX_FILENAME_BYTES` bytes of UTF-8 (the limit of most
  file systems), keeping a file's extension.

What the agency *repeats* to a stranger is bounded harder: :func:`echo_name` is what
an automatic letter may say back ("Dear …"): at most :data:`MAX_ECHOED_NAME`
characters, with links and addresses taken out, so the official address never carries a
third party's advertisement or link.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "BIDI_CONTROLS",
    "MAX_ECHOED_NAME",
    "MAX_FILENAME_BYTES",
    "MAX_NAME",
    "MAX_SUBJECT",
    "bounded",
    "clean_filename",
    "clean_line",
    "clean_name",
    "clean_subject",
    "echo_name",
]

MAX_NAME = 200
MAX_SUBJECT = 300
MAX_FILENAME_BYTES = 255
MAX_ECHOED_NAME = 80
ELLIPSIS = "…"

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SPACES = frozenset("\t\n\r\v\f\x85\u2028\u2029")
_WHITE = re.compile(r"\s+")
# Zero-width space and joiners carry meaning (Thai word breaks, emoji); other format
# characters only hide things.
_KEPT_FORMAT = frozenset("\u200b\u200c\u200d")
_URL = re.compile(
    r"[a-z][a-z0-9+.\-]{1,20}:/*\S+"  # scheme:… (https://, mailto:, javascript:)
    r"|www\d?\.\S+"
    r"|\S+@\S+"  # addresses
    r"|[\w\-]+(?:\.[\w\-]+)+/\S*"  # a host with a path: bit.ly/x
    r"|\b(?:[\w\-]+\.)+(?:com|net|org|info|biz|io|co|th|ly|me|xyz|top|link|click|site|online"
    r"|app|ru|cn|tk|gl|gd|to|us|uk|de|cc|ws|sh|gov|edu|ac|go|in)\b",
    re.IGNORECASE,
)
_DOTS_ONLY = re.compile(r"^[.\s]*$")


def _strip_invisible(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in BIDI_CONTROLS:
            continue
        if ch in _SPACES:
            out.append(" ")
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or (category == "Cf" and ch not in _KEPT_FORMAT):
            continue  # NUL and the other controls, lone surrogates, invisible marks
        out.append(ch)
    return "".join(out)


def bounded(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def clean_line(text: str | None, limit: int) -> str:
    """One line of untrusted text: no controls, no bidi overrides, at most ``limit`` chars."""
    if not text:
        return ""
    # Cut a first time before the character walk, so a megabyte costs nothing.
    text = _strip_invisible(unicodedata.normalize("NFC", text[: limit * 4 + 64]))
    return bounded(_WHITE.sub(" ", text).strip(), limit)


def clean_name(text: str | None) -> str:
    """A person's or organisation's name as received (display name, sidecar, counter)."""
    return clean_line(text, MAX_NAME)


def clean_subject(text: str | None) -> str:
    return clean_line(text, MAX_SUBJECT)


def clean_filename(name: str | None, max_bytes: int = MAX_FILENAME_BYTES) -> str:
    """A file name (never a path): clean, no Windows-reserved marks, at most ``max_bytes``.

    The extension is kept when the name is cut, so the officer still sees what it claims
    to be. Returns "" when nothing usable is left.
    """
    if not name:
        return ""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in _strip_invisible(name) if unicodedata.category(ch) != "Cf")
    name = name.translate(_UNSAFE_NAME_CHARS)
    name = _WHITE.sub(" ", name).strip().rstrip(". ")
    if _DOTS_ONLY.match(name):
        return ""
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    stem, dot, ext = name.rpartition(".")
    if not (dot and stem and 0 < len(ext.encode("utf-8")) <= 16):
        stem, ext = name, ""
    suffix = f"{ELLIPSIS}.{ext}" if ext else ELLIPSIS
    room = max_bytes - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", errors="ignore").rstrip(". ")
    return cut + suffix


_UNSAFE_NAME_CHARS = str.maketrans({c: "_" for c in ':*?"<>|'})


def echo_name(text: str | None, limit: int = MAX_ECHOED_NAME) -> str:
    """What an automatic letter may repeat of a name it was given: no links, short.

    Web addresses, mail addresses and host names are taken out (a display name such as
    "Prize! claim at bit.ly/x" must not travel in the agency's mail); "" when nothing
    is left, so the caller falls back to a neutral greeting.
    """
    cleaned = clean_line(text, MAX_NAME)
    cleaned = _URL.sub(" ", cleaned)
    cleaned = _WHITE.sub(" ", cleaned).strip(" -–—:;,.|/<>()[]\"'")
    return bounded(cleaned, limit)
