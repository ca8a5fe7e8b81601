"""Licences issued on paper before the system, registered by hand (M20: checked like the rest).

An agency switching to Anuyat holds licences it issued on paper; a holder shows one, and
"Check a licence" by its number must find it. :func:`register_paper` records a register
entry from what is printed on the paper — number, licensee, subject, dates, premises — marked
``origin = "paper"`` with who typed it in and when, and a verification code so it has a page
in the published register like every other entry. There is no request and no file behind it
(``application_id`` and ``blob_sha256`` are empty).

The number must not be one the system issued or another paper one: the register's unique
constraint on ``document_number`` decides, in the same transaction (no check-then-write), and
a duplicate is told in Thai and English. A paper number written like the system's own
(``12/2569``) also moves that year's outgoing counter past it in one conditional UPDATE, so
the system never issues it later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from sqlalchemy.exc import IntegrityError

from models import IssuedDocument, User
from services.access.table import Action, require
from services.issuing.numbers import keep_counter_past, verification_code
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["PaperLicence", "event_aggregate", "paper_date", "register_paper"]

_SYSTEM_LIKE: Final = re.compile(r"^(\d{1,6})/(\d{4})$")
_ISO: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_THAI_STYLE: Final = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_BE_OFFSET: Final = 543


@dataclass(frozen=True)
class PaperLicence:
    """What is printed on the paper licence, as the officer typed it."""

    number: str
    licensee: str
    subject: str
    issued: str
    """YYYY-MM-DD or D/M/YYYY; a year above 2400 is a Buddhist Era year."""
    expires: str = ""
    """Empty: the paper says no expiry."""
    premises: str = ""


def event_aggregate(issued: IssuedDocument) -> tuple[str, str]:
    """What a register entry's events are recorded under: its request, or for a paper
    licence (no request) the entry itself."""
    if issued.application_id is None:
        return "licence", issued.id
    return "application", issued.application_id


def paper_date(text: str, field_th: str, field_en: str) -> date:
    """A date typed off the paper: ``2565-03-01`` or ``1/3/2565`` (Buddhist Era or common
    era, as officers write them)."""
    typed = text.strip()
    if not typed:
        raise InvalidInput(
            f"ต้องกรอก{field_th} — พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 1/3/2565",
            f"{field_en} is missing: type it as day/month/year, e.g. 1/3/2565 (B.E.).",
        )
    iso, thai = _ISO.match(typed), _THAI_STYLE.match(typed)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif thai:
        day, month, year = (int(g) for g in thai.groups())
    else:
        raise _bad_date(typed, field_th, field_en)
    if year > 2400:
        year -= _BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _bad_date(typed, field_th, field_en) from exc


def _bad_date(typed: str, field_th: str, field_en: str) -> InvalidInput:
    return InvalidInput(
        f"{field_th} “{typed}” ไม่ใช่วันที่ — พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 1/3/2565 หรือ 2022-03-01",
        f"{field_en} “{typed}” is not a date: type it as day/month/year, e.g. 1/3/2565 (B.E.), "
        "or 2022-03-01.",
    )


def _text(value: str, limit: int, field_th: str, field_en: str, required: bool = True) -> str:
    text = " ".join(value.split())
    if required and not text:
        raise InvalidInput(
            f"ต้องกรอก{field_th}ตามที่พิมพ์อยู่บนใบอนุญาตฉบับกระดาษ",
            f"Type the {field_en} as printed on the paper licence.",
        )
    if len(text) > limit:
        raise InvalidInput(
            f"{field_th}ยาวเกิน {limit} ตัวอักษร — ตรวจว่าพิมพ์ถูกช่อง",
            f"The {field_en} is longer than {limit} characters: check it went in the right box.",
        )
    return text


def _local_moment(day: date, end_of_day: bool) -> datetime:
    """A paper date as a moment: issued at the start of the day in Bangkok, valid to its end."""
    moment = datetime.combine(day, time.min, tzinfo=BANGKOK)
    return moment + timedelta(days=1, microseconds=-1) if end_of_day else moment


def register_paper(uow: UnitOfWork, paper: PaperLicence) -> IssuedDocument:
    """The register entry of a paper licence, with its event; the number refused if taken."""
    require(uow.actor, Action.REGISTER_PAPER_LICENCE)
    number = _text(paper.number, 60, "เลขที่ใบอนุญาต", "licence number")
    licensee = _text(paper.licensee, 300, "ชื่อผู้ได้รับใบอนุญาต", "licensee's name")
    subject = _text(paper.subject, 500, "เรื่อง (ชนิดของใบอนุญาต)", "subject (kind of licence)")
    premises = _text(paper.premises, 500, "สถานที่", "premises", required=False)
    issued_on = paper_date(paper.issued, "วันที่ออก", "The date issued")
    expires_on = (
        paper_date(paper.expires, "วันหมดอายุ", "The expiry date") if paper.expires.strip() else None
    )
    if issued_on > uow.now.astimezone(BANGKOK).date():
        raise InvalidInput(
            f"วันที่ออก {format_thai_date(issued_on)} ยังไม่มาถึง — ใบอนุญาตฉบับกระดาษต้องออกไปแล้ว",
            f"The date issued, {format_english_date(issued_on)}, is in the future: a paper "
            "licence was issued already.",
        )
    if expires_on is not None and expires_on < issued_on:
        raise InvalidInput(
            "วันหมดอายุอยู่ก่อนวันที่ออก — ตรวจวันที่ทั้งสองช่อง",
            "The expiry date is before the date issued: check both dates.",
        )
    officer = uow.session.get(User, uow.actor.user_id) if uow.actor.user_id else None
    entry = IssuedDocument(
        application_id=None,
        document_number=number,
        file_name="",
        blob_sha256="",
        issued_at=_local_moment(issued_on, end_of_day=False),
        valid_until=_local_moment(expires_on, end_of_day=True) if expires_on else None,
        verification_code=verification_code(),
        status="valid",
        subject_th=subject,
        subject_en=subject,
        licensee=licensee,
        premises=premises,
        origin="paper",
        registered_by=(officer.display_name if officer else uow.actor.label)[:200],
        registered_at=uow.now,
    )
    try:
        with uow.session.begin_nested():
            uow.session.add(entry)
            uow.session.flush()
    except IntegrityError as exc:
        raise InvalidInput(
            f"เลขที่ {number} มีอยู่ในทะเบียนแล้ว (ออกโดยระบบหรือลงทะเบียนจากกระดาษไปแล้ว) "
            "ยังไม่ได้บันทึก — ตรวจเลขที่บนใบอนุญาต หรือค้นด้วย “ตรวจสอบใบอนุญาต”",
            f"Number {number} is already in the register (issued by the system or registered "
            "from paper before); nothing was saved. Check the number on the paper, or look it "
            "up with “Check a licence”.",
            detail=repr(exc.orig),
        ) from exc
    _keep_counter_past(uow, number)
    uow.record(
        "licence.registered_from_paper",
        *event_aggregate(entry),
        {"number": number, "licensee": licensee, "subject": subject,
         "issued": issued_on.isoformat(),
         "valid_until": expires_on.isoformat() if expires_on else "",
         "premises": premises, "verification_code": entry.verification_code},
    )  # fmt: skip
    return entry


def _keep_counter_past(uow: UnitOfWork, number: str) -> None:
    """A paper number like the system's (``running/B.E. year``): the year's counter moves past
    it in one statement (raised, never lowered), so the system never issues it later."""
    found = _SYSTEM_LIKE.match(number)
    if found is None:
        return
    keep_counter_past(uow, year=int(found.group(2)), running=int(found.group(1)))
