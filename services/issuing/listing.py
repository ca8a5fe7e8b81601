"""Find licences in the register the way officers look them up, one page at a time.

The issuing page's "Licences issued" list grows with every licence and every paper one
registered from before the system, so an old entry must be found, not scrolled to. One
search box takes what the officer has in hand:

* a 13-digit national ID or juristic registration number (spaces, dashes, Thai digits
  allowed) → the licences of the applicant holding exactly that ID. IDs are matched whole,
  never by part, and a number failing its check digit finds nothing (no near matches);
* the start of a licence number (``15/25`` finds ``15/2565``), when some number starts so:
  read off the number's unique index;
* otherwise every word must appear, in any case, in the licensee's name or the subject
  (Thai or English). Thai is compared as typed, after NFC and without invisible marks.

Filters narrow it further: the status (valid, expired, revoked, superseded, or paper: those
registered by hand), the service, expiring within N days, and date ranges on issue and
expiry (Bangkok days). The list runs newest issued first, paged by offset like the request
list, with the count of all that match (the page says "N of M"). Each filter is a condition
on ``issued_document`` that an index of migration 0028 serves; the name words are a
substring scan, which over a register of ten thousand entries stays a few milliseconds (see
``tests/bench/issuing.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from models import Applicant, Application, IssuedDocument, ServiceType
from services.issuing.views import IssuedRow, issued_row, require_lists, with_request
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from services.kernel.text import clean_line
from services.kernel.thai_id import is_valid_national_id

__all__ = [
    "STATUS_FILTERS",
    "IssuedPage",
    "IssuedService",
    "LicenceQuery",
    "find_issued",
    "issued_services",
]

STATUS_FILTERS: Final = ("valid", "expired", "revoked", "superseded", "paper")
"""What the status filter offers; "valid" means in force today (not past its expiry)."""

_THAI_DIGITS: Final = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ID_INPUT: Final = re.compile(r"^[0-9\u0e50-\u0e59\s\-\u2010-\u2014.]+$")
_MAX_TEXT: Final = 200
_MAX_WORDS: Final = 8


@dataclass(frozen=True)
class LicenceQuery:
    """What the officer typed and chose; empty fields do not filter."""

    text: str = ""
    status: str = ""
    """One of :data:`STATUS_FILTERS`, or empty for all."""
    service_code: str = ""
    expiring_within_days: int | None = None
    """In force now and expiring within this many days (the soonest first)."""
    issued_from: date | None = None
    issued_to: date | None = None
    expires_from: date | None = None
    expires_to: date | None = None


@dataclass(frozen=True)
class IssuedPage:
    rows: list[IssuedRow]
    total: int
    """How many entries match in all (the rows are one page of them)."""
    offset: int = 0

    @property
    def more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class IssuedService:
    code: str
    name_th: str
    name_en: str


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=BANGKOK)


def _id_digits(text: str) -> str | None:
    """The 13 digits of an ID-shaped query, "" for a 13-digit number failing its check,
    ``None`` when the query is not ID-shaped (then it is searched as text)."""
    if not _ID_INPUT.match(text):
        return None
    digits = "".join(c for c in text.translate(_THAI_DIGITS) if c.isdigit())
    if len(digits) != 13:
        return None
    # Juristic registration numbers share the national ID's check digit.
    return digits if is_valid_national_id(digits) else ""


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_condition(session: Session, text: str) -> ColumnElement[bool] | None:
    typed = clean_line(text, _MAX_TEXT)
    if not typed:
        return None
    digits = _id_digits(typed)
    if digits is not None:
        if not digits:
            return false()  # a mistyped ID: say nothing rather than guess at near matches
        holder = (
            select(Application.id)
            .join(Applicant, Applicant.id == Application.applicant_id)
            .where(Applicant.national_id == digits)
        )
        return IssuedDocument.application_id.in_(holder)
    # The number by its start, on its unique index (a range: LIKE would not use it). Tried
    # first, as the house's search does: a number typed is found without reading every name.
    number = and_(
        IssuedDocument.document_number >= typed,
        IssuedDocument.document_number < typed + "\uffff",
    )
    if session.scalar(select(IssuedDocument.id).where(number).limit(1)) is not None:
        return number
    words = list(dict.fromkeys(typed.split()))[:_MAX_WORDS]
    # ILIKE: case-insensitive for Latin letters on both stores (Thai has no case).
    name_words = and_(
        *(
            or_(
                *(
                    column.ilike(f"%{_escape_like(w)}%", escape="\\")
                    for column in (
                        IssuedDocument.licensee,
                        IssuedDocument.subject_th,
                        IssuedDocument.subject_en,
                    )
                )
            )
            for w in words
        )
    )
    return name_words


def _conditions(session: Session, query: LicenceQuery, now: datetime) -> list[ColumnElement[bool]]:
    d = IssuedDocument
    in_force = and_(d.status == "valid", or_(d.valid_until.is_(None), d.valid_until >= now))
    where: list[ColumnElement[bool]] = []
    text = _text_condition(session, query.text)
    if text is not None:
        where.append(text)
    if query.status == "valid":
        where.append(in_force)
    elif query.status == "expired":
        where += [d.status == "valid", d.valid_until < now]
    elif query.status in ("revoked", "superseded"):
        where.append(d.status == query.status)
    elif query.status == "paper":
        where.append(d.origin == "paper")
    if query.service_code:
        where.append(d.service_code == query.service_code)
    if query.expiring_within_days is not None:
        where += [in_force, d.valid_until < now + timedelta(days=query.expiring_within_days)]
    if query.issued_from is not None:
        where.append(d.issued_at >= _day_start(query.issued_from))
    if query.issued_to is not None:
        where.append(d.issued_at < _day_start(query.issued_to + timedelta(days=1)))
    if query.expires_from is not None:
        where.append(d.valid_until >= _day_start(query.expires_from))
    if query.expires_to is not None:
        where.append(d.valid_until < _day_start(query.expires_to + timedelta(days=1)))
    return where


def find_issued(
    session: Session,
    actor: Actor,
    now: datetime,
    query: LicenceQuery,
    *,
    offset: int = 0,
    limit: int = 100,
) -> IssuedPage:
    """One page of the register's entries matching ``query``, newest issued first (expiring
    soonest first when filtering on expiry), with the count of all that match."""
    require_lists(actor)
    where = _conditions(session, query, now)
    d = IssuedDocument
    order: list[Any]
    if query.expiring_within_days is not None:
        order = [d.valid_until, d.document_number]
    else:
        order = [d.issued_at.desc(), d.document_number]
    page = with_request().where(*where).order_by(*order).offset(max(offset, 0)).limit(max(limit, 0))
    rows = [issued_row(*row, actor, now) for row in session.execute(page)]
    total = session.scalar(select(func.count()).select_from(d).where(*where)) or 0
    return IssuedPage(rows, int(total), max(offset, 0))


def issued_services(session: Session, actor: Actor) -> list[IssuedService]:
    """The services licences were issued for, for the service filter (by Thai name)."""
    require_lists(actor)
    codes = select(IssuedDocument.service_code).where(IssuedDocument.service_code != "").distinct()
    query = (
        select(ServiceType.code, ServiceType.name_th, ServiceType.name_en)
        .where(ServiceType.code.in_(codes))
        .order_by(ServiceType.name_th)
    )
    return [IssuedService(code, th, en) for code, th, en in session.execute(query)]
