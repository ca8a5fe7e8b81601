"""Numbers of an issued document: the outgoing register's, its file name, its check code.

* The outgoing register (ทะเบียนหนังสือส่ง) runs per Buddhist Era year and moves in one
  statement (``last_number = last_number + 1 … RETURNING``), so two officers issuing at the
  same moment on a server database never get the same number.
* File names follow the Saraban regulation, appendix 7: Arabic numerals, underscores for
  spaces, none of the reserved characters, the Buddhist Era year, the agency's Roman-letter
  code and number, the document number; an attachment takes the same name and a sequence.
* The verification code is short enough to type from paper and unguessable (60 random bits):
  the public register's page is named after it, so nobody can walk the register by number.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Final

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from models import OutgoingCounter
from services.kernel.thai_dates import be_year
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["file_name", "keep_counter_past", "next_outgoing_number", "verification_code"]

# Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not misread.
_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RESERVED: Final = re.compile(r"[^A-Za-z0-9_\-]")


def next_outgoing_number(uow: UnitOfWork, moment: datetime) -> tuple[int, int]:
    """(running number, Buddhist Era year) for a document issued at ``moment``."""
    year = be_year(moment)
    number = _bump(uow, year)
    if number is None:
        # The year's first number: create its row. Should another writer create it first,
        # the savepoint drops ours and the bump takes the next number after theirs.
        try:
            with uow.session.begin_nested():
                uow.session.add(OutgoingCounter(be_year=year, last_number=1))
            number = 1
        except IntegrityError:
            number = _bump(uow, year)
            assert number is not None
    return number, year


def _bump(uow: UnitOfWork, year: int) -> int | None:
    with uow.session.no_autoflush:
        bumped: int | None = uow.session.execute(
            update(OutgoingCounter)
            .where(OutgoingCounter.be_year == year)
            .values(last_number=OutgoingCounter.last_number + 1)
            .returning(OutgoingCounter.last_number),
            execution_options={"synchronize_session": False},
        ).scalar_one_or_none()
    return bumped


def keep_counter_past(uow: UnitOfWork, year: int, running: int) -> None:
    """Raise ``year``'s counter to ``running`` if it is below (never lower it), in one
    conditional statement, so a number registered by hand is never issued again later. Like
    :func:`next_outgoing_number`, a missing year's row is created, and a row another writer
    created meanwhile is raised instead."""

    def raise_to() -> int:
        moved = uow.session.execute(
            update(OutgoingCounter)
            .where(OutgoingCounter.be_year == year, OutgoingCounter.last_number < running)
            .values(last_number=running),
            execution_options={"synchronize_session": False},
        )
        return int(getattr(moved, "rowcount", 0) or 0)

    if raise_to() == 1 or uow.session.get(OutgoingCounter, year) is not None:
        return
    try:
        with uow.session.begin_nested():
            uow.session.add(OutgoingCounter(be_year=year, last_number=running))
    except IntegrityError:
        raise_to()


def verification_code() -> str:
    """``XXXX-XXXX-XXXX``: 12 symbols of Crockford base 32 (60 bits from ``secrets``)."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normal_code(code: str) -> str:
    """A code as typed (lower case, spaces, O for 0) in the form it is stored."""
    cleaned = code.strip().upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    return f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}" if len(cleaned) == 12 else cleaned


def file_name(
    agency_code: str, agency_number: str, year: int, number: int, *, attachment: int = 0
) -> str:
    """``NPH52001_2569_0012.pdf`` (attachment 1: ``NPH52001_2569_0012_1.pdf``).

    The agency number's Thai letters are left out (its Roman-letter code stands for them);
    its digits stay.
    """
    digits = "".join(ch for ch in agency_number if ch.isascii() and ch.isdigit())
    head = _RESERVED.sub("", agency_code.replace(" ", "_")) + digits
    name = f"{head}_{year}_{number:04d}"
    if attachment:
        name += f"_{attachment}"
    return name + ".pdf"
