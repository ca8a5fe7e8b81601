"""Who wrote a request that someone else forwarded inline ("Forwarded message", "Begin
forwarded message:", Thai "ข้อความที่ส่งต่อ").

A clerk who forwards a citizen's mail to the intake address is not the applicant. A forward
sent as an attachment (``message/rfc822``) names its sender in its own headers (see
:mod:`.parts`); an inline forward only in the quoted header block under the marker line,
which is read here. What is found is a proposal: intake confirms it before any mail goes
to that address (:mod:`services.intake.forwarded`).
"""

from __future__ import annotations

import re

from services.intake.mail.headers import addresses
from services.kernel.text import clean_name

__all__ = ["forwarded_sender"]

_MARKER = re.compile(
    r"^[ \t>]*(?:-{3,}\s*(?:Forwarded message|ข้อความที่ส่งต่อ)\s*-{3,}"
    r"|Begin forwarded message:|ข้อความที่ส่งต่อ\s*:?|-{3,}\s*Forwarded by\b.*)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_FROM_LINE = re.compile(r"^[ \t>]*(?:From|จาก)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]", re.IGNORECASE)
_LOOK_AHEAD = 12  # lines after the marker in which the quoted From: must appear
_SEARCHED = 20_000  # characters of the body read: a forward's header block is near its top


def forwarded_sender(body_text: str) -> tuple[str, str] | None:
    """(name, lower-case address) of the first inline-forwarded message, or None."""
    text = body_text[:_SEARCHED]
    for marker in _MARKER.finditer(text):
        lines = text[marker.end() :].lstrip("\r\n").splitlines()[:_LOOK_AHEAD]
        for line in lines:
            found = _FROM_LINE.match(line)
            if found is None:
                continue
            # Outlook writes "Name [mailto:a@b]"; the address parser wants "Name <a@b>".
            value = _MAILTO.sub(r"<\1>", found.group(1))
            pairs = addresses(value)
            if pairs and pairs[0][1]:
                return clean_name(pairs[0][0]), pairs[0][1]
            break
    return None
