"""Reading a fetched mail: parsed, cleaned, and its files judged — before any transaction.

What intake does with a mail's bytes alone, apart from what it records
(:mod:`.group`, :mod:`.pipeline`): a reader thread or process (:mod:`.read_ahead`,
:mod:`.read_process`) runs it ahead of the recording. It imports no store, no models and no
database library, so the reader process starts quickly (half its start-up was those imports).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from services.intake.arrival import Arrival, MailboxPosition, arrival_from_mail
from services.intake.inspect import inspect_attachments
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.mail.parse import parse_mail
from services.intake.types import InspectedFile, Limits, RawMail
from services.kernel.errors import DiskFull, is_disk_full
from services.kernel.text import clean_filename, clean_name, clean_subject

__all__ = [
    "DEFAULT_LIMITS",
    "Checkpoint",
    "Fetched",
    "Prepared",
    "bounded_arrival",
    "inspect_arrival",
    "parse_fetched",
    "prepare_mail",
    "set_aside_mail",
]

log = logging.getLogger(__name__)

DEFAULT_LIMITS = Limits()

Checkpoint = Callable[[str], None]
"""Told each step of a group as it is passed — "arrival" (one more recorded, uncommitted),
"recorded" (all of them), "durable" (their files in place), "committed" — a trace for the
log, and where the crash test aims its kills."""


@dataclass(frozen=True)
class Prepared:
    """A mail parsed and its files judged, ready to be recorded in a group."""

    uid: str
    size: int
    arrival: Arrival
    inspected: list[InspectedFile]
    position: MailboxPosition | None
    problem: BaseException | None = None
    """Judging its files failed: the mail is held whole in quarantine."""


@dataclass(frozen=True)
class Fetched:
    """A fetched mail, parsed: what :func:`prepare_mail` judges."""

    uid: str
    size: int
    arrival: Arrival
    position: MailboxPosition | None


def parse_fetched(
    raw: RawMail, source: str, uidvalidity: int, now: datetime, authserv_id: str = ""
) -> Fetched:
    """Parse one fetched mail (``now``: when the workstation took it)."""
    # IMAP UIDs move the cursor with each message, in the group's transaction.
    position = MailboxPosition(source, uidvalidity, int(raw.uid)) if raw.uid.isdigit() else None
    mail = parse_mail(raw.data, authserv_id=authserv_id)
    arrival = arrival_from_mail(mail, raw.internal_date, raw.data, source, raw.uid, now=now)
    return Fetched(raw.uid, len(raw.data), arrival, position)


def prepare_mail(
    fetched: Fetched, limits: Limits, pdf_probe: PdfOpenProbe | None = None
) -> Prepared:
    """Judge one parsed mail's files (outside any transaction)."""
    try:
        arrival, inspected = inspect_arrival(fetched.arrival, limits, pdf_probe)
    except Exception as exc:  # noqa: BLE001 — keep the message whole, move on
        if is_disk_full(exc):
            raise DiskFull(detail=f"{type(exc).__name__}: {exc}") from exc
        log.exception("the files of a message could not be judged; quarantined whole")
        return Prepared(fetched.uid, fetched.size, fetched.arrival, [], fetched.position, exc)
    return Prepared(fetched.uid, fetched.size, arrival, inspected, fetched.position)


def inspect_arrival(
    arrival: Arrival, limits: Limits = DEFAULT_LIMITS, pdf_probe: PdfOpenProbe | None = None
) -> tuple[Arrival, list[InspectedFile]]:
    """The arrival cleaned and bounded, and its files judged — before any transaction.

    Files are judged outside the transaction: the viewer's engine may take seconds on a PDF,
    and no other writer (the officers' database worker) should wait for that. Mail set aside
    (a bounce, an auto-reply) has no files judged: none is kept as a document.
    """
    arrival = bounded_arrival(arrival)
    if set_aside_mail(arrival):
        return arrival, []
    return arrival, inspect_attachments(arrival.attachments, limits, pdf_probe)


def set_aside_mail(arrival: Arrival) -> bool:
    return arrival.not_request is not None and arrival.channel == "email"


def bounded_arrival(arrival: Arrival) -> Arrival:
    """Names, subjects and file names cleaned and bounded, whatever channel brought them."""
    applicant = arrival.applicant
    if applicant is not None:
        applicant = replace(applicant, name_th=clean_name(applicant.name_th))
    return replace(
        arrival,
        subject=clean_subject(arrival.subject),
        sender_name=clean_name(arrival.sender_name),
        applicant=applicant,
        attachments=tuple(
            replace(a, filename=clean_filename(a.filename) or "attachment")
            for a in arrival.attachments
        ),
    )
