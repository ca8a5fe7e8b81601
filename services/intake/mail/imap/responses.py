"""Reading imaplib's server responses: FETCH items, bodies, INTERNALDATE, LIST lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

# --- parsing server responses ----------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
# Parsed by hand: strptime's %b follows the process locale, and Qt sets a Thai one.
_INTERNALDATE = re.compile(
    rb'INTERNALDATE "\s?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([-+])(\d\d)(\d\d)"'
)
UID_ITEM = re.compile(rb"[(\s]UID (\d+)")
SIZE_ITEM = re.compile(rb"[(\s]RFC822\.SIZE (\d+)")
_BODY_LITERAL = re.compile(rb"BODY\[\]\s*\{\d+\+?\}\s*$")
_BODY_QUOTED = re.compile(rb'BODY\[\] "((?:\\.|[^"\\])*)"')
LIST_LINE = re.compile(rb'\((?P<flags>[^)]*)\) (?P<delim>"(?:\\.|[^"\\])"|NIL) ')


def parse_internaldate(text: bytes) -> datetime | None:
    m = _INTERNALDATE.search(text)
    if m is None:
        return None
    month = _MONTHS.get(m.group(2).decode("ascii").upper())
    if month is None:
        return None
    offset = timedelta(hours=int(m.group(8)), minutes=int(m.group(9)))
    if m.group(7) == b"-":
        offset = -offset
    local = datetime(
        int(m.group(3)),
        month,
        int(m.group(1)),
        int(m.group(4)),
        int(m.group(5)),
        int(m.group(6)),
        tzinfo=timezone(offset),
    )
    return local.astimezone(UTC)


@dataclass
class FetchItem:
    text: bytes  # the response without its literals
    literals: list[tuple[bytes, bytes]]  # (text just before the literal, literal)


def fetch_items(data: Sequence[object]) -> list[FetchItem]:
    """Group imaplib's flat FETCH data into one item per ``* n FETCH`` response.

    imaplib gives a response with literals as ``(text-before, literal)`` tuples
    followed by the bytes that end the line; one without literals as bytes.
    """
    items: list[FetchItem] = []
    current = FetchItem(b"", [])
    for part in data:
        if isinstance(part, tuple) and len(part) == 2:
            head, literal = part
            if isinstance(head, bytes) and isinstance(literal, bytes):
                current.text += head
                current.literals.append((head, literal))
        elif isinstance(part, bytes):
            current.text += part
            items.append(current)
            current = FetchItem(b"", [])
    if current.text:
        items.append(current)
    return items


def bytes_only(data: Sequence[object]) -> list[bytes]:
    return [d for d in data if isinstance(d, bytes)]


def response_text(data: Sequence[object]) -> str:
    return b" ".join(bytes_only(data)).decode("utf-8", "replace")[:300]


def body_of(item: FetchItem) -> bytes | None:
    """The message bytes of a ``BODY[]`` FETCH item (a literal, or a quoted string)."""
    for head, literal in item.literals:
        if _BODY_LITERAL.search(head):
            return literal
    quoted = _BODY_QUOTED.search(item.text)
    if quoted is not None:
        return re.sub(rb"\\(.)", rb"\1", quoted.group(1))
    return None


def server_text(exc: BaseException) -> str:
    """What the server said in an ``imaplib`` error (its ``NO``/``BAD`` text), as text.

    imaplib raises with the server's line as bytes; ``str()`` of that would show ``b'…'``.
    """
    said = exc.args[0] if exc.args else ""
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    return " ".join(text.split())[:300]
