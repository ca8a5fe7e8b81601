"""Which MIME parts are the message's text, and that text decoded and cleaned.

A ``multipart/alternative`` gives its plain text when it has words (phones often send an
empty one beside the HTML), else its richest part; HTML is reduced to text by
:func:`services.intake.mail.html_text.html_to_text`, never rendered or fetched.
"""

from __future__ import annotations

import re
from email.message import Message

from services.intake.mail.charsets import clean_text, decode_bytes
from services.intake.mail.html_text import html_to_text

__all__ = ["payload", "text_of", "is_body_text", "choose_alternative"]

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8", errors="surrogateescape")
    return b""


def text_of(part: Message) -> tuple[str, str | None]:
    """The part's text, and a note when its charset was unknown or wrong (as decode_bytes)."""
    data = payload(part)
    charset = part.get_content_charset()
    if charset is None and part.get_content_type() == "text/html":
        meta = _META_CHARSET.search(data[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", errors="replace")
    text, problem = decode_bytes(data, charset)
    if part.get_content_type() == "text/html":
        return clean_text(html_to_text(text)), problem
    return clean_text(text).strip(), problem


def is_body_text(part: Message, filename: str) -> bool:
    return (
        part.get_content_type() in ("text/plain", "text/html")
        and part.get_content_disposition() != "attachment"
        and not filename
    )


def choose_alternative(children: list[Message]) -> Message | None:
    """Plain text if it has words, else the last (richest) alternative."""
    for child in children:
        if (
            child.get_content_type() == "text/plain"
            and child.get_content_disposition() != "attachment"
        ):
            data = payload(child)
            if data.strip():
                return child
    return children[-1] if children else None
