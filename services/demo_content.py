"""Fictional applicants, requests and their attachments for the demo agency.

``anuyat demo`` fills a new profile with these: about a dozen made-up applicants
(:func:`demo_applicants`), twenty-two requests spread over the agency's services
(:func:`demo_requests`) and, for each request, real files produced in memory
(:func:`render_attachments`): PDF forms, copies and maps drawn with reportlab, and
JPEG photos drawn with Pillow. Everything is deterministic: the same inputs give
byte-identical files, so a demo profile can be rebuilt and compared.

The people, companies, addresses and numbers are invented and live in the made-up
province ทองธารา (resources/demo/*.toml). National id numbers carry the province code
99, which no real number has, and a valid check digit; e-mail addresses use example
domains only; every document says it is a sample.

Thai text in the PDFs must be right to the eye *and* extract to the exact string
(``/work/shared/testing.md``). reportlab does not shape Thai, so the PDFs use the TLWG
fonts (Garuda, Norasi, Purisa), which carry the legacy "PUA" glyph variants for marks
(lowered tone marks, marks moved left of a tall consonant, ญ and ฐ without their
tails). :func:`thai_presentation_forms` picks those variants with HarfBuzz's fallback
rules for fonts without OpenType tables, and each font's ToUnicode map sends the
variants back to the plain letters, so text extraction returns what was written.
Without the TLWG fonts the bundled Sarabun is used unshaped: still extractable, but
stacked marks overlap.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import re
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Literal

from PIL import Image, ImageDraw, ImageFilter, ImageFont, features
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from services.clock import BANGKOK

__all__ = [
    "AttachmentKind",
    "DEMO_KINDS",
    "DEMO_NOW",
    "DemoAddress",
    "DemoApplicant",
    "DemoAttachment",
    "DemoPerson",
    "DemoRequest",
    "ID_CARD_DPI",
    "ID_CARD_SIZE",
    "LOW_RES_DPI",
    "LOW_RES_SIZE",
    "SLIP_DPI",
    "SLIP_SIZE",
    "assign_service_codes",
    "demo_applicants",
    "demo_requests",
    "is_valid_national_id",
    "national_id_check_digit",
    "pdf_fonts_are_shaped",
    "render_attachments",
    "thai_presentation_forms",
]

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"
_FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# Where the TLWG fonts may be: beside the demo data (if ever bundled), then Linux packages.
_TLWG_DIRS = (
    DEMO_DIR / "fonts",
    Path("/usr/share/fonts/truetype/tlwg"),
    Path("/usr/share/fonts/tlwg"),
    Path("/usr/share/fonts/TTF"),
)

#: The moment ``demo_requests`` and ``render_attachments`` count back from when no
#: ``now`` is given: a Monday morning in Bangkok.
DEMO_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BANGKOK)

#: The kinds of request in the demo, in the order they claim service codes.
DEMO_KINDS = ("certificate", "petition", "hazard", "building", "food")
_KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "certificate": ("CERT", "NOTI"),
    "petition": ("PETITION", "COMPLAIN", "GENERAL"),
    "hazard": ("HAZARD", "HEALTH"),
    "building": ("BUILD", "CONSTRUCT"),
    "food": ("FOOD",),
}

ID_CARD_SIZE = (1012, 638)  # 85.6 × 54 mm at 300 dpi
ID_CARD_DPI = 300
SLIP_SIZE = (720, 1280)  # a phone screenshot
SLIP_DPI = 72
LOW_RES_SIZE = (600, 848)  # an A4 page photographed and squeezed by a chat app: ~72 dpi
LOW_RES_DPI = 72


class AttachmentKind(StrEnum):
    """The files a demo request can carry."""

    APPLICATION_FORM = "application_form"  # PDF: the service's form, filled in
    HOUSE_REGISTRATION = "house_registration"  # PDF: copy of a house registration page
    SITE_MAP = "site_map"  # PDF: hand-made map of the premises
    POWER_OF_ATTORNEY = "power_of_attorney"  # PDF: หนังสือมอบอำนาจ for the delegate
    COMPANY_CERTIFICATE = "company_certificate"  # PDF: juristic registration, signatories
    ID_CARD_PHOTO = "id_card_photo"  # JPEG: the signer's (sample) identity card
    DELEGATE_ID_CARD_PHOTO = "delegate_id_card_photo"  # JPEG: the delegate's card
    PAYMENT_SLIP = "payment_slip"  # JPEG: a bank-app transfer screenshot
    LOW_RES_PHOTO = "low_res_photo"  # JPEG: the form photographed, too small to read well


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class DemoAddress:
    """A Thai postal address (all parts fictional)."""

    house_no: str
    tambon: str
    amphoe: str
    changwat: str
    postcode: str
    moo: str = ""
    soi: str = ""
    road: str = ""

    @property
    def text_th(self) -> str:
        """One line, as written on forms: ``45/2 หมู่ 3 ถนนริมธาร ตำบลท่าน้ำใส …``."""
        parts = [self.house_no]
        if self.moo:
            parts.append(f"หมู่ {self.moo}")
        if self.soi:
            parts.append(f"ซอย{self.soi}")
        if self.road:
            parts.append(f"ถนน{self.road}")
        parts += [
            f"ตำบล{self.tambon}",
            f"อำเภอ{self.amphoe}",
            f"จังหวัด{self.changwat}",
            self.postcode,
        ]
        return " ".join(parts)


@dataclass(frozen=True)
class DemoPerson:
    """A natural person: an applicant, a juristic person's signatory, a delegate."""

    title_th: str
    first_name_th: str
    last_name_th: str
    title_en: str
    first_name_en: str
    last_name_en: str
    national_id: str
    birth_date: date
    address: DemoAddress
    nationality_th: str = "ไทย"
    nationality_en: str = "Thai"

    @property
    def name_th(self) -> str:
        """The title joined to the first name, as Thai documents write it."""
        return f"{self.title_th}{self.first_name_th} {self.last_name_th}"

    @property
    def name_en(self) -> str:
        return f"{self.title_en} {self.first_name_en} {self.last_name_en}"


@dataclass(frozen=True)
class DemoApplicant:
    """An applicant: a person, or a juristic person acting through ``signer``."""

    key: str
    kind: Literal["person", "juristic"]
    name_th: str
    name_en: str
    #: 13 digits with a valid check digit: the national id of a person, the juristic
    #: registration number of a company or partnership.
    national_id: str
    address: DemoAddress
    phone: str
    email: str
    #: Who signs: the applicant themself, or the juristic person's authorised signatory.
    signer: DemoPerson
    signer_position_th: str = ""
    signer_position_en: str = ""
    registered_on: date | None = None
    capital_baht: int | None = None

    @property
    def is_juristic(self) -> bool:
        return self.kind == "juristic"


@dataclass(frozen=True)
class DemoRequest:
    """One request as it reaches the agency: who, for which service, when, what is attached."""

    key: str
    kind: str
    applicant_index: int
    service_code: str
    subject: str
    body: str
    #: How long before ``now`` it arrived (``now`` as passed to :func:`demo_requests`).
    received_offset: timedelta
    channel: Literal["email", "drive", "counter"]
    attachments: tuple[AttachmentKind, ...]
    language: Literal["th", "en"] = "th"
    #: Index of the applicant acting under a power of attorney (sends the mail), if any.
    delegate_index: int | None = None
    business_name: str = ""
    activity: str = ""
    area_sqm: int | None = None
    #: The fee shown on the payment slip, if one is attached.
    payment_baht: int = 0
    #: The petition's details as written on the form (petitions only).
    details: str = ""

    def received_at(self, now: datetime) -> datetime:
        """When it arrived, given the same ``now`` that :func:`demo_requests` was given."""
        return now - self.received_offset


@dataclass(frozen=True)
class DemoAttachment:
    filename: str
    content_type: str
    data: bytes


# --------------------------------------------------------------------------- national ids


def national_id_check_digit(first12: str) -> str:
    """The 13th digit of a Thai national id (also of a juristic registration number)."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"need 12 digits, got {first12!r}")
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return str((11 - total % 11) % 10)


def is_valid_national_id(number: str) -> bool:
    return (
        len(number) == 13
        and number.isdigit()
        and national_id_check_digit(number[:12]) == number[12]
    )


def _digits(seed: str, count: int) -> str:
    digest = hashlib.sha256(f"anuyat-demo:{seed}".encode()).hexdigest()
    return str(int(digest, 16))[-count:].zfill(count)


def _fictional_id(seed: str, first_digit: str) -> str:
    """A valid-looking number that cannot be real: province code 99 does not exist."""
    first12 = first_digit + "99" + _digits(seed, 9)
    return first12 + national_id_check_digit(first12)


def _format_id(number: str) -> str:
    return f"{number[0]} {number[1:5]} {number[5:10]} {number[10:12]} {number[12]}"


# --------------------------------------------------------------------------- loading


def _text(table: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"demo data: {key!r} must be text, got {value!r}")
    return value


def _int(table: Mapping[str, Any], key: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, int):
        raise ValueError(f"demo data: {key!r} must be a whole number, got {value!r}")
    return value


def _date(table: Mapping[str, Any], key: str) -> date:
    value = table.get(key)
    if not isinstance(value, date):
        raise ValueError(f"demo data: {key!r} must be a date, got {value!r}")
    return value


def _address(table: Mapping[str, Any]) -> DemoAddress:
    return DemoAddress(
        house_no=_text(table, "house_no"),
        moo=_text(table, "moo", ""),
        soi=_text(table, "soi", ""),
        road=_text(table, "road", ""),
        tambon=_text(table, "tambon"),
        amphoe=_text(table, "amphoe"),
        changwat=_text(table, "changwat"),
        postcode=_text(table, "postcode"),
    )


def _person(table: Mapping[str, Any], seed: str, address: DemoAddress | None = None) -> DemoPerson:
    born = _date(table, "birth_date")
    # Numbers handed out before the 1984 id reform start with 3; births since, with 1.
    first_digit = _text(table, "id_type", "3" if born.year < 1984 else "1")
    return DemoPerson(
        title_th=_text(table, "title_th"),
        first_name_th=_text(table, "first_th"),
        last_name_th=_text(table, "last_th"),
        title_en=_text(table, "title_en"),
        first_name_en=_text(table, "first_en"),
        last_name_en=_text(table, "last_en"),
        national_id=_fictional_id(seed, first_digit),
        birth_date=born,
        address=address if address is not None else _address(table["address"]),
        nationality_th=_text(table, "nationality_th", "ไทย"),
        nationality_en=_text(table, "nationality_en", "Thai"),
    )


def _load(source_dir: Path, name: str) -> dict[str, Any]:
    with (source_dir / name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def _applicants(source_dir: Path) -> tuple[DemoApplicant, ...]:
    result = []
    for row in _load(source_dir, "applicants.toml")["applicant"]:
        key = _text(row, "key")
        address = _address(row["address"])
        if row["kind"] == "person":
            person = _person(row, key, address)
            result.append(
                DemoApplicant(
                    key=key,
                    kind="person",
                    name_th=person.name_th,
                    name_en=person.name_en,
                    national_id=person.national_id,
                    address=address,
                    phone=_text(row, "phone"),
                    email=_text(row, "email"),
                    signer=person,
                )
            )
        else:
            signer_row = row["signer"]
            result.append(
                DemoApplicant(
                    key=key,
                    kind="juristic",
                    name_th=_text(row, "name_th"),
                    name_en=_text(row, "name_en"),
                    national_id=_fictional_id(key, "0"),
                    address=address,
                    phone=_text(row, "phone"),
                    email=_text(row, "email"),
                    signer=_person(signer_row, f"{key}/signer"),
                    signer_position_th=_text(signer_row, "position_th"),
                    signer_position_en=_text(signer_row, "position_en"),
                    registered_on=_date(row, "registered_on"),
                    capital_baht=_int(row, "capital_baht"),
                )
            )
    return tuple(result)


def demo_applicants(*, source_dir: Path = DEMO_DIR) -> list[DemoApplicant]:
    """The fictional applicants, always in the same order (requests refer to them by index)."""
    return list(_applicants(source_dir))


def assign_service_codes(service_codes: Sequence[str]) -> dict[str, str]:
    """Which catalog code each demo kind uses.

    A kind takes the first unclaimed code that contains one of its keywords (``CERT``,
    ``PETITION``, ``HAZARD``/``HEALTH``, ``FOOD``), else the first unclaimed code, else
    the code at its own position; so any non-empty catalog gets every request a code.
    """
    codes = list(dict.fromkeys(service_codes))
    if not codes:
        raise ValueError("the demo needs at least one service code")
    claimed: dict[str, str] = {}
    for kind in DEMO_KINDS:
        keywords = _KIND_KEYWORDS[kind]
        for code in codes:
            if code not in claimed.values() and any(k in code.upper() for k in keywords):
                claimed[kind] = code
                break
    for position, kind in enumerate(DEMO_KINDS):
        if kind not in claimed:
            free = [code for code in codes if code not in claimed.values()]
            claimed[kind] = free[0] if free else codes[position % len(codes)]
    return claimed


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _arrival(spec: Mapping[str, Any], now: datetime) -> datetime:
    """The Bangkok wall-clock moment a request arrived, always on a day before today."""
    at = spec["at"]
    if not isinstance(at, time):
        raise ValueError(f"demo data: 'at' must be a time, got {at!r}")
    today = now.astimezone(BANGKOK).date()
    if "business_days_ago" in spec:
        day, left = today, int(spec["business_days_ago"])
        while left > 0:
            day -= timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
    elif "days_ago" in spec:
        day = today - timedelta(days=int(spec["days_ago"]))
    else:
        weekday = _WEEKDAYS.index(str(spec["weekday"]))
        back = (today.weekday() - weekday) % 7 or 7
        day = today - timedelta(days=back + 7 * (int(spec.get("weeks_ago", 1)) - 1))
    return datetime.combine(day, at, tzinfo=BANGKOK)


def demo_requests(
    service_codes: Sequence[str],
    *,
    now: datetime = DEMO_NOW,
    source_dir: Path = DEMO_DIR,
) -> list[DemoRequest]:
    """The demo requests, oldest first, for a catalog with ``service_codes``.

    ``received_offset`` is counted back from ``now`` so that, whatever day it is, some
    requests arrive in business hours, some in the evening or early morning and some
    at the weekend. Pass the clock's ``now`` and use ``now - received_offset`` (or
    :meth:`DemoRequest.received_at`) with that same ``now``.
    """
    kinds = assign_service_codes(service_codes)
    index = {a.key: i for i, a in enumerate(_applicants(source_dir))}
    people = _applicants(source_dir)
    result = []
    for row in _load(source_dir, "requests.toml")["request"]:
        applicant = index[_text(row, "applicant")]
        delegate = index[_text(row, "delegate")] if "delegate" in row else None
        sender = people[delegate].signer if delegate is not None else people[applicant].signer
        words = {
            "sender": sender.name_th,
            "sender_phone": people[delegate if delegate is not None else applicant].phone,
            "applicant": people[applicant].name_th,
            "address": people[applicant].address.text_th,
            "business": _text(row, "business", ""),
            "area": str(row.get("area_sqm", "")),
        }
        kind = _text(row, "kind")
        channel = _text(row, "channel")
        language = _text(row, "language", "th")
        if channel not in ("email", "drive", "counter") or language not in ("th", "en"):
            raise ValueError(f"demo data: bad channel or language in {row['key']!r}")
        result.append(
            DemoRequest(
                key=_text(row, "key"),
                kind=kind,
                applicant_index=applicant,
                service_code=kinds[kind],
                subject=_text(row, "subject").format_map(words),
                body=_text(row, "body").strip().format_map(words) + "\n",
                received_offset=now - _arrival(row["arrived"], now),
                channel=channel,  # type: ignore[arg-type]
                language=language,  # type: ignore[arg-type]
                attachments=tuple(AttachmentKind(a) for a in row["attachments"]),
                delegate_index=delegate,
                business_name=words["business"],
                activity=_text(row, "activity", ""),
                area_sqm=_int(row, "area_sqm"),
                payment_baht=_int(row, "payment_baht") or 0,
                details=_text(row, "details", ""),
            )
        )
    result.sort(key=lambda r: r.received_offset, reverse=True)
    return result


# --------------------------------------------------------------------------- Thai glyphs

# HarfBuzz's fallback for Thai fonts without OpenType tables (hb-ot-shaper-thai.cc):
# the Windows PUA variants of marks and of ญ/ฐ, chosen by a small state machine.
_TONES = [ord(ch) for ch in "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"]  # ่ ้ ๊ ๋ ์
_ABOVE_VOWELS = [ord(ch) for ch in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d"]  # ั ิ ี ึ ื ็ ํ
_SHIFT_DOWN = dict(zip(_TONES, range(0xF70A, 0xF70F), strict=True))
_SHIFT_DOWN |= {0x0E38: 0xF718, 0x0E39: 0xF719, 0x0E3A: 0xF71A}  # ุ ู ฺ
_SHIFT_DOWN_LEFT = dict(zip(_TONES, range(0xF705, 0xF70A), strict=True))
_SHIFT_LEFT = dict(zip(_TONES, range(0xF713, 0xF718), strict=True))
_SHIFT_LEFT |= dict(
    zip(_ABOVE_VOWELS, (0xF710, 0xF701, 0xF702, 0xF703, 0xF704, 0xF712, 0xF711), strict=True)
)
_REMOVE_DESCENDER = {0x0E0D: 0xF70F, 0x0E10: 0xF700}
_PUA_TO_THAI = {
    pua: thai
    for table in (_SHIFT_DOWN, _SHIFT_DOWN_LEFT, _SHIFT_LEFT, _REMOVE_DESCENDER)
    for thai, pua in table.items()
}
_ACTIONS = {"SD": _SHIFT_DOWN, "SDL": _SHIFT_DOWN_LEFT, "SL": _SHIFT_LEFT}
# Above-base state machine: state -> (action, next) for an above vowel, below vowel, tone.
_ABOVE = (
    (("", 3), ("", 0), ("SD", 3)),
    (("SL", 2), ("", 1), ("SDL", 2)),
    (("", 3), ("", 2), ("SL", 3)),
    (("", 3), ("", 3), ("", 3)),
)
_BELOW = (
    (("", 0), ("", 2), ("", 0)),
    (("", 1), ("RD", 2), ("", 1)),
    (("", 2), ("SD", 2), ("", 2)),
)
_SARA_AM = 0x0E33


def _consonant_type(u: int) -> int:
    if u in (0x0E1B, 0x0E1D, 0x0E1F):  # ป ฝ ฟ: tall, marks move left
        return 1
    if u in (0x0E0D, 0x0E10):  # ญ ฐ: lose the tail under a below vowel
        return 2
    if u in (0x0E0E, 0x0E0F):  # ฎ ฏ: below vowels move down
        return 3
    return 0 if 0x0E01 <= u <= 0x0E2E else 4


def _mark_type(u: int) -> int | None:
    if u == 0x0E31 or 0x0E34 <= u <= 0x0E37 or u == 0x0E47 or 0x0E4D <= u <= 0x0E4E:
        return 0
    if 0x0E38 <= u <= 0x0E3A:
        return 1
    if 0x0E48 <= u <= 0x0E4C:
        return 2
    return None


_ABOVE_START = (0, 1, 0, 0, 3)
_BELOW_START = (0, 0, 1, 2, 2)


def thai_presentation_forms(text: str) -> str:
    """``text`` with Thai marks (and ญ ฐ) swapped for the positioned PUA variants.

    One character in, one out, so a ToUnicode map can undo it exactly.
    """
    out = [ord(ch) for ch in text]
    above, below, base = 3, 2, 0
    for i, u in enumerate(out):
        mark = _mark_type(u)
        if mark is None:
            consonant = _consonant_type(u)
            above, below, base = _ABOVE_START[consonant], _BELOW_START[consonant], i
            continue
        if mark == 2 and i + 1 < len(out) and out[i + 1] == _SARA_AM:
            # The nikhahit of SARA AM sits above like a vowel: keep the tone mark high.
            action, above = ("SL" if above in (1, 2) else ""), 3
        else:
            action, above = _ABOVE[above][mark]
        below_action, below = _BELOW[below][mark]
        action = action or below_action
        if action == "RD":
            out[base] = _REMOVE_DESCENDER.get(out[base], out[base])
        elif action:
            out[i] = _ACTIONS[action].get(u, u)
    return "".join(map(chr, out))


_CMAP_TARGET = re.compile(r"<(F7[01][0-9A-F])>")


class _ThaiTTFont(TTFont):  # type: ignore[misc]  # reportlab has no type hints
    """A TTFont whose ToUnicode map reads the PUA variants as the plain Thai letters."""

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        super().addObjects(doc)
        for name, obj in list(doc.idToObject.items()):
            content = getattr(obj, "content", None)
            if str(name).startswith("toUnicodeCMap:") and isinstance(content, str):
                obj.content = _CMAP_TARGET.sub(_cmap_plain, content)


def _cmap_plain(match: re.Match[str]) -> str:
    code = int(match[1], 16)
    return f"<{_PUA_TO_THAI.get(code, code):04X}>"


@dataclass(frozen=True)
class _Face:
    name: str  # registered with reportlab
    path: Path
    pua: bool  # apply thai_presentation_forms before drawing


_ROLES = {
    "sans": ("Garuda.ttf", "Sarabun-Regular.ttf"),
    "sans_bold": ("Garuda-Bold.ttf", "Sarabun-Bold.ttf"),
    "serif": ("Norasi.ttf", "Sarabun-Regular.ttf"),
    "serif_bold": ("Norasi-Bold.ttf", "Sarabun-Bold.ttf"),
    "hand": ("Purisa.ttf", "Sarabun-Regular.ttf"),
}


@cache
def _faces() -> dict[str, _Face]:
    faces = {}
    for role, (tlwg, fallback) in _ROLES.items():
        found = next((d / tlwg for d in _TLWG_DIRS if (d / tlwg).is_file()), None)
        face = _Face(
            name=f"AnuyatDemo-{role}",
            path=found or _FONTS_DIR / fallback,
            pua=found is not None,
        )
        if face.name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_ThaiTTFont(face.name, str(face.path)))
        faces[role] = face
    return faces


def pdf_fonts_are_shaped() -> bool:
    """True when the TLWG fonts were found, so marks in the PDFs sit where they should."""
    return all(face.pua for face in _faces().values())


# --------------------------------------------------------------------------- PDF drawing

_THAI_MONTHS = (
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม"
).split()
_INK = (0.08, 0.16, 0.55)  # ballpoint blue
_GREY = (0.45, 0.45, 0.45)
_SAMPLE_NOTE = "เอกสารตัวอย่าง ข้อมูลสมมติ ใช้สาธิตโปรแกรมอนุญาตเท่านั้น / SAMPLE - FICTIONAL DATA"
# reportlab fonts keep per-document state and FreeType faces are not thread-safe: one at a time.
_RENDER_LOCK = threading.Lock()


def _thai_date(day: date) -> str:
    return f"{day.day} {_THAI_MONTHS[day.month - 1]} {day.year + 543}"


class _Page:
    """A reportlab canvas with Thai-aware text helpers; one instance per PDF."""

    def __init__(self, title: str, seed: str, family: Literal["sans", "serif"] = "sans") -> None:
        self.family = family  # footer and watermark use it: fewer fonts, smaller files
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Anuyat demo")
        self.canvas.setCreator("Anuyat demo content")
        self.faces = _faces()
        self.random = random.Random(seed)
        self.width, self.height = A4

    def glyphs(self, text: str, role: str) -> str:
        return thai_presentation_forms(text) if self.faces[role].pua else text

    def text_width(self, text: str, role: str, size: float) -> float:
        width: float = pdfmetrics.stringWidth(self.glyphs(text, role), self.faces[role].name, size)
        return width

    def text(
        self,
        x: float,
        y: float,
        text: str,
        role: str = "sans",
        size: float = 13,
        *,
        align: Literal["left", "centre", "right"] = "left",
        colour: tuple[float, float, float] = (0, 0, 0),
    ) -> float:
        """Draw one line; return the x just after it."""
        c = self.canvas
        width = self.text_width(text, role, size)
        if align == "centre":
            x -= width / 2
        elif align == "right":
            x -= width
        c.setFillColorRGB(*colour)
        c.setFont(self.faces[role].name, size)
        c.drawString(x, y, self.glyphs(text, role))
        c.setFillColorRGB(0, 0, 0)
        return x + width

    def field(self, x: float, y: float, label: str, value: str, right: float) -> None:
        """A printed label, a dotted line to ``right`` and a handwritten value on it."""
        after = self.text(x, y, label, "sans", 13) + 4 if label else x
        self.canvas.setDash(1, 2)
        self.canvas.setStrokeColorRGB(*_GREY)
        self.canvas.line(after, y - 2, right, y - 2)
        self.canvas.setDash()
        self.canvas.setStrokeColorRGB(0, 0, 0)
        size = 13.0
        while size > 7 and self.text_width(value, "hand", size) > right - after - 8:
            size -= 0.5  # people write smaller when the line is short
        self.text(after + 6, y + 1, value, "hand", size, colour=_INK)

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        width: float,
        role: str = "serif",
        size: float = 14,
        leading: float = 21,
        *,
        keep: Iterable[str] = (),
        indent: float = 0,
        colour: tuple[float, float, float] = (0, 0, 0),
    ) -> float:
        """Draw ``text`` wrapped at spaces (never inside a phrase in ``keep``); return next y."""
        for n, line in enumerate(self.wrap(text, role, size, width, keep, indent)):
            self.text(x + (indent if n == 0 else 0), y, line, role, size, colour=colour)
            y -= leading
        return y

    def wrap(
        self, text: str, role: str, size: float, width: float, keep: Iterable[str], indent: float
    ) -> list[str]:
        for phrase in keep:
            text = text.replace(phrase, phrase.replace(" ", "\0"))
        lines: list[str] = []
        line = ""
        for word in text.split(" "):
            trial = f"{line} {word}" if line else word
            room = width - (indent if not lines else 0)
            if line and self.text_width(trial.replace("\0", " "), role, size) > room:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        return [ln.replace("\0", " ") for ln in lines]

    def signature(self, x: float, y: float, width: float = 90) -> None:
        """A scribble in blue ink: humps, a loop or two and a tail; different for every seed."""
        c, rnd = self.canvas, self.random
        c.setStrokeColorRGB(*_INK)
        c.setLineWidth(1.1)
        path = c.beginPath()
        x0, y0 = x, y + rnd.uniform(0, 8)
        path.moveTo(x0, y0)
        strokes = rnd.randint(4, 6)
        step = width * 0.75 / (strokes * 1.2)  # humps overshoot by a fifth; the tail takes 1/4
        for _ in range(strokes):
            up, down = rnd.uniform(10, 24), rnd.uniform(2, 12)
            back = -0.5 * step if rnd.random() < 0.4 else 0.2 * step  # going back makes a loop
            x1 = x0 + step
            path.curveTo(x0 + back, y0 + up, x1 - back, y0 + up, x1, y0)
            path.curveTo(
                x1 + 0.1 * step, y0 - down, x1 + 0.3 * step, y0 - down, x1 + 0.2 * step, y0
            )
            x0, y0 = x1 + 0.2 * step, y0 + rnd.uniform(-3, 3)
        tail = width * 0.25
        path.curveTo(
            x0 + tail / 4, y0 - 6, x0 + tail * 0.7, y0 + 2, x0 + tail, y0 + rnd.uniform(-2, 6)
        )
        c.drawPath(path, stroke=1, fill=0)
        c.setLineWidth(1)
        c.setStrokeColorRGB(0, 0, 0)

    def sign_block(self, x: float, y: float, role_label: str, name: str) -> None:
        """``(ลงชื่อ) ~~~ role`` over ``(name)``, centred on ``x``."""
        self.text(x - 120, y, "(ลงชื่อ)", self.family, 13)
        self.signature(x - 65, y + 2, 80)
        self.text(x + 45, y, role_label, self.family, 13)
        self.text(x, y - 20, f"({name})", self.family, 13, align="centre")

    def sample_footer(self) -> None:
        self.text(self.width / 2, 28, _SAMPLE_NOTE, self.family, 9, align="centre", colour=_GREY)

    def watermark(self, text: str = "ตัวอย่าง  SAMPLE") -> None:
        c = self.canvas
        c.saveState()
        c.translate(self.width / 2, self.height / 2)
        c.rotate(35)
        c.setFillColorRGB(0.88, 0.88, 0.88)
        bold = f"{self.family}_bold"
        c.setFont(self.faces[bold].name, 64)
        c.drawCentredString(0, 0, self.glyphs(text, bold))
        c.restoreState()

    def finish(self) -> bytes:
        self.sample_footer()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


@dataclass(frozen=True)
class _Context:
    """Everything a renderer needs about one request."""

    request: DemoRequest
    applicant: DemoApplicant
    delegate: DemoApplicant | None
    received: datetime  # Bangkok wall clock

    @property
    def seed(self) -> str:
        return f"{self.request.key}/{self.applicant.key}"

    @property
    def day(self) -> date:
        return self.received.date()


_FORM_TITLES = {
    "food": "แบบคำขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
    "hazard": "แบบคำขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
    "certificate": "แบบคำขอรับหนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
    "building": "แบบคำขออนุญาตก่อสร้าง ดัดแปลง รื้อถอน หรือเคลื่อนย้ายอาคาร",
    "petition": "แบบคำร้องทั่วไป",
}
_ASK = {
    "food": "ขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
    "hazard": "ขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
    "certificate": "ขอแจ้งจัดตั้งสถานที่จำหน่ายอาหารและขอรับหนังสือรับรองการแจ้ง",
    "building": "ขออนุญาตก่อสร้าง ดัดแปลง รื้อถอน หรือเคลื่อนย้ายอาคาร",
    "petition": "ขอยื่นคำร้อง",
}
# What the form calls the activity and the premises: (activity, name, what the map shows).
_WORDS = {
    "building": ("ลักษณะงาน", "ใช้อาคารเป็น", "อาคาร"),
}
_BUSINESS_WORDS = ("ประเภทกิจการ", "ชื่อสถานประกอบการ", "สถานประกอบการ")
_ATTACHMENT_LABELS = {
    AttachmentKind.ID_CARD_PHOTO: "สำเนาบัตรประจำตัวประชาชน",
    AttachmentKind.HOUSE_REGISTRATION: "สำเนาทะเบียนบ้าน",
    AttachmentKind.SITE_MAP: "แผนที่ตั้งสถานประกอบการ",
    AttachmentKind.COMPANY_CERTIFICATE: "หนังสือรับรองการจดทะเบียนนิติบุคคล",
    AttachmentKind.POWER_OF_ATTORNEY: "หนังสือมอบอำนาจ",
    AttachmentKind.DELEGATE_ID_CARD_PHOTO: "สำเนาบัตรประจำตัวประชาชนของผู้รับมอบอำนาจ",
    AttachmentKind.PAYMENT_SLIP: "หลักฐานการชำระค่าธรรมเนียม",
}


_PETITION_ATTACHMENTS = {
    kind: _ATTACHMENT_LABELS[kind]
    for kind in (AttachmentKind.ID_CARD_PHOTO, AttachmentKind.HOUSE_REGISTRATION)
}


def _age(person: DemoPerson, on: date) -> int:
    born = person.birth_date
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _application_form(ctx: _Context) -> bytes:
    req, app = ctx.request, ctx.applicant
    page = _Page(_FORM_TITLES[req.kind], ctx.seed)
    c, w = page.canvas, page.width
    left, right = 60.0, w - 60
    page.text(right, 800, "เอกสารตัวอย่าง / SAMPLE", "sans", 10, align="right", colour=_GREY)
    page.text(w / 2, 770, _FORM_TITLES[req.kind], "sans_bold", 18, align="centre")
    y = 735.0
    page.field(300, y, "เขียนที่", f"บ้านเลขที่ {app.address.house_no}", right)
    y -= 24
    page.field(300, y, "วันที่", _thai_date(ctx.day), right)
    y -= 34
    signer = app.signer
    page.field(left, y, "1. ข้าพเจ้า", app.name_th, right)
    y -= 24
    if app.is_juristic:
        page.field(left + 14, y, "เลขทะเบียนนิติบุคคล", _format_id(app.national_id), right)
        y -= 24
        page.field(left + 14, y, "โดย", f"{signer.name_th} {app.signer_position_th}", right)
        y -= 24
        page.field(
            left + 14, y, "ผู้มีอำนาจลงนาม เลขประจำตัวประชาชน", _format_id(signer.national_id), right
        )
    else:
        page.field(left + 14, y, "อายุ", f"{_age(signer, ctx.day)} ปี", left + 95)
        page.field(left + 105, y, "สัญชาติ", signer.nationality_th, left + 205)
        page.field(left + 215, y, "เลขประจำตัวประชาชน", _format_id(signer.national_id), right)
    y -= 24
    address = app.address.text_th
    split = address.find(" ตำบล")
    page.field(left + 14, y, "ที่อยู่", address[:split], right)
    y -= 24
    page.field(left + 14, y, "", address[split + 1 :], right)
    y -= 24
    page.field(left + 14, y, "โทรศัพท์", app.phone, left + 190)
    page.field(left + 200, y, "อีเมล", app.email, right)
    y -= 34
    if req.kind == "petition":
        page.field(left, y, "2. เรื่อง", req.subject, right)
        y -= 24
        page.text(left + 14, y, "รายละเอียด", "sans", 13)
        y = page.paragraph(
            left + 90,
            y + 1,
            req.details or req.body.split("\n")[0],
            right - left - 90,
            "hand",
            13,
            22,
            colour=_INK,
        )
    else:
        page.field(left, y, "2. มีความประสงค์", _ASK[req.kind], right)
        y -= 24
        activity_label, name_label, _place = _WORDS.get(req.kind, _BUSINESS_WORDS)
        page.field(left + 14, y, activity_label, req.activity, right)
        y -= 24
        page.field(left + 14, y, name_label, req.business_name, left + 300)
        area = f"{req.area_sqm}" if req.area_sqm is not None else ""
        page.field(left + 310, y, "พื้นที่", area, right - 60)
        page.text(right - 55, y, "ตารางเมตร", "sans", 13)
        y -= 24
        page.field(left + 14, y, "ตั้งอยู่ที่", app.address.text_th, right)
    y -= 34
    page.text(left, y, "3. พร้อมคำขอนี้ ข้าพเจ้าได้แนบเอกสารมาด้วย ดังนี้", "sans", 13)
    listed = _ATTACHMENT_LABELS if req.kind != "petition" else _PETITION_ATTACHMENTS
    for kind, label in listed.items():
        y -= 21
        c.rect(left + 18, y - 1, 10, 10)
        if kind in req.attachments:
            c.setStrokeColorRGB(*_INK)
            c.setLineWidth(1.6)
            c.lines([(left + 19, y + 4, left + 23, y), (left + 23, y, left + 30, y + 11)])
            c.setLineWidth(1)
            c.setStrokeColorRGB(0, 0, 0)
        page.text(left + 36, y, label, "sans", 12)
    y -= 34
    page.text(left + 30, y, "ข้าพเจ้าขอรับรองว่าข้อความในแบบคำขอนี้เป็นความจริงทุกประการ", "sans", 13)
    y -= 48
    page.sign_block(w - 190, y, "ผู้ยื่นคำขอ", signer.name_th)
    if ctx.delegate is not None:
        y -= 46
        page.sign_block(w - 190, y, "ผู้รับมอบอำนาจ", ctx.delegate.signer.name_th)
    c.setStrokeColorRGB(*_GREY)
    c.rect(left, 50, 200, 70)  # clear of the signatures on the right
    c.setStrokeColorRGB(0, 0, 0)
    page.text(left + 8, 104, "สำหรับเจ้าหน้าที่", "sans_bold", 11, colour=_GREY)
    page.text(left + 8, 86, "เลขรับที่ ..................................", "sans", 11, colour=_GREY)
    page.text(
        left + 8, 68, "ผู้รับ .........................................", "sans", 11, colour=_GREY
    )
    return page.finish()


_FAMILY_FIRST = (
    ("นาย", "สมศักดิ์", "male"),
    ("นาง", "วันเพ็ญ", "female"),
    ("เด็กหญิง", "ปุณณิศา", "female"),
    ("เด็กชาย", "ภูผา", "male"),
    ("นางสาว", "ศิริพร", "female"),
    ("นาย", "ณัฐวุฒิ", "male"),
)


def _house_registration(ctx: _Context) -> bytes:
    app, signer = ctx.applicant, ctx.applicant.signer
    place = app.address
    page = _Page("สำเนาทะเบียนบ้าน", ctx.seed, "serif")
    w, left, right = page.width, 60.0, page.width - 60
    page.watermark()
    page.text(w / 2, 780, "ทะเบียนบ้าน (ตัวอย่าง)", "serif_bold", 22, align="centre")
    page.text(w / 2, 758, "สำนักทะเบียนท้องถิ่น" + f"เทศบาล{place.tambon}", "serif", 14, align="centre")
    code = _digits(app.key + "/house", 9)
    house_code = f"99{code[:2]}-{code[2:8]}-{code[8]}"
    rows = [
        ("เลขรหัสประจำบ้าน", house_code),
        ("บ้านเลขที่", place.house_no + (f"  หมู่ที่ {place.moo}" if place.moo else "")),
        (
            "ตรอก/ซอย/ถนน",
            " ".join(
                p for p in (place.soi and f"ซอย{place.soi}", place.road and f"ถนน{place.road}") if p
            )
            or "-",
        ),
        ("ตำบล/อำเภอ", f"ตำบล{place.tambon}  อำเภอ{place.amphoe}"),
        ("จังหวัด", f"{place.changwat}  {place.postcode}"),
        ("ประเภทของบ้าน", "อาคารพาณิชย์" if app.is_juristic else "บ้านเดี่ยว"),
        ("วันเดือนปีที่กำหนดบ้านเลขที่", _thai_date(date(2001 + int(_digits(app.key, 2)) % 20, 6, 12))),
    ]
    y = 715.0
    for label, value in rows:
        page.text(left, y, label, "serif_bold", 14)
        page.text(left + 190, y, value, "serif", 14)
        y -= 24
    y -= 12
    page.canvas.line(left, y + 14, right, y + 14)
    page.text(left, y - 6, "รายการคนในบ้าน", "serif_bold", 15)
    y -= 34
    columns = (left, left + 32, left + 230, left + 370)
    for x, head in zip(
        columns, ("ลำดับ", "ชื่อ - ชื่อสกุล", "เลขประจำตัวประชาชน", "สถานภาพ"), strict=True
    ):
        page.text(x, y, head, "serif_bold", 13)
    residents = [(signer.name_th, signer.national_id, "เจ้าบ้าน")]
    for n in range(1 + int(_digits(app.key + "/family", 1)) % 2):
        title, first, _sex = _FAMILY_FIRST[(int(_digits(app.key, 3)) + n * 2) % len(_FAMILY_FIRST)]
        seed = f"{app.key}/family/{n}"
        residents.append(
            (f"{title}{first} {signer.last_name_th}", _fictional_id(seed, "1"), "ผู้อาศัย")
        )
    for n, (name, number, status) in enumerate(residents, start=1):
        y -= 24
        page.text(columns[0] + 8, y, str(n), "serif", 13)
        page.text(columns[1], y, name, "serif", 13)
        page.text(columns[2], y, _format_id(number), "serif", 13)
        page.text(columns[3], y, status, "serif", 13)
    y -= 70
    page.text(w - 200, y, "สำเนาถูกต้อง", "hand", 18, align="centre", colour=_INK)
    page.signature(w - 245, y - 30)
    page.text(w - 200, y - 54, f"({signer.name_th})", "hand", 14, align="centre", colour=_INK)
    if app.is_juristic:
        page.text(
            w - 200,
            y - 76,
            f"ใช้ประกอบคำขอของ {app.name_th}",
            "hand",
            13,
            align="centre",
            colour=_INK,
        )
    return page.finish()


def _site_map(ctx: _Context) -> bytes:
    req, app = ctx.request, ctx.applicant
    place = _WORDS.get(req.kind, _BUSINESS_WORDS)[2]
    page = _Page(f"แผนที่ตั้ง{place}", ctx.seed)
    c, w, rnd = page.canvas, page.width, page.random
    left, right = 50.0, page.width - 50
    page.text(w / 2, 790, f"แผนที่ตั้ง{place} (โดยสังเขป)", "sans_bold", 18, align="centre")
    page.text(left, 760, f"ผู้ขออนุญาต: {app.name_th}", "sans", 13)
    page.text(left, 740, f"{place}: {req.business_name or '-'}", "sans", 13)
    page.text(left, 720, f"ที่ตั้ง: {app.address.text_th}", "sans", 12)
    top, bottom = 700.0, 110.0
    c.rect(left, bottom, right - left, top - bottom)
    c.saveState()
    path = c.beginPath()
    path.rect(left, bottom, right - left, top - bottom)
    c.clipPath(path, stroke=0, fill=0)
    # River along the top, main road across, a soi going up to the premises.
    c.setStrokeColorRGB(0.35, 0.6, 0.9)
    c.setLineWidth(14)
    river = c.beginPath()
    river.moveTo(left - 10, 640)
    for x in range(int(left), int(right) + 60, 60):
        river.curveTo(x + 20, 655, x + 40, 625, x + 60, 640)
    c.drawPath(river, stroke=1, fill=0)
    road_y = rnd.uniform(260, 330)
    soi_x = rnd.uniform(260, 380)
    c.setStrokeColorRGB(0.55, 0.55, 0.55)
    c.setLineWidth(26)
    c.line(left, road_y, right, road_y)
    c.setLineWidth(12)
    c.line(soi_x, road_y, soi_x, 600)
    c.setLineWidth(1)
    c.setStrokeColorRGB(0, 0, 0)
    c.restoreState()
    road_name = f"ถนน{app.address.road}" if app.address.road else "ถนนสายหลัก"
    page.text(left + 20, road_y - 4, road_name, "sans_bold", 11, colour=(1, 1, 1))
    soi = f"ซอย{app.address.soi}" if app.address.soi else "ซอย"
    page.text(soi_x - 12, 590, soi, "sans", 11, align="right")
    page.text(right - 140, 662, f"คลอง{app.address.tambon}", "sans", 11, colour=(0.1, 0.3, 0.6))
    # The premises, red, beside the soi.
    shop_y = rnd.uniform(road_y + 60, 520)
    c.setFillColorRGB(0.85, 0.2, 0.2)
    c.rect(soi_x + 14, shop_y, 70, 50, fill=1, stroke=1)
    page.text(
        soi_x + 49,
        shop_y + 58,
        "ที่ตั้งอาคาร" if place == "อาคาร" else "ที่ตั้งกิจการ",
        "sans_bold",
        13,
        align="centre",
        colour=(0.7, 0, 0),
    )
    # Landmarks: a temple, a school, a market, a shop.
    temple_x = rnd.uniform(left + 20, soi_x - 170)
    c.setFillColorRGB(0.95, 0.8, 0.3)
    temple = c.beginPath()
    temple.moveTo(temple_x, road_y + 40)
    temple.lineTo(temple_x + 80, road_y + 40)
    temple.lineTo(temple_x + 40, road_y + 100)
    temple.close()
    c.drawPath(temple, stroke=1, fill=1)
    page.text(temple_x + 40, road_y + 24, f"วัด{app.address.tambon}", "sans", 11, align="centre")
    school_x = rnd.uniform(soi_x + 60, right - 170)
    c.setFillColorRGB(0.7, 0.85, 0.7)
    c.rect(school_x, road_y - 110, 100, 60, fill=1, stroke=1)
    c.line(school_x + 10, road_y - 50, school_x + 10, road_y - 20)
    c.setFillColorRGB(0.2, 0.3, 0.8)
    c.rect(school_x + 10, road_y - 30, 18, 10, fill=1, stroke=0)
    school = f"โรงเรียนบ้าน{app.address.tambon}"
    page.text(school_x + 50, road_y - 128, school, "sans", 11, align="centre")
    c.setFillColorRGB(0.9, 0.6, 0.3)
    market_x = rnd.uniform(left + 60, soi_x - 60)
    c.circle(market_x, road_y - 80, 30, fill=1, stroke=1)
    page.text(market_x, road_y - 128, "ตลาดสด", "sans", 11, align="centre")
    c.setFillColorRGB(0.6, 0.6, 0.85)
    c.rect(soi_x - 60, road_y + 30, 40, 28, fill=1, stroke=1)
    page.text(soi_x - 40, road_y + 64, "ร้านค้า", "sans", 10, align="centre")
    c.setFillColorRGB(0, 0, 0)
    # North arrow and a rough scale.
    nx, ny = left + 40, 540  # below the river, left of everything else
    arrow = c.beginPath()
    arrow.moveTo(nx, ny + 40)
    arrow.lineTo(nx - 10, ny)
    arrow.lineTo(nx + 10, ny)
    arrow.close()
    c.drawPath(arrow, stroke=1, fill=1)
    page.text(nx, ny + 46, "N", "sans_bold", 12, align="centre")
    c.line(left + 20, bottom + 20, left + 120, bottom + 20)
    for tick in (left + 20, left + 70, left + 120):
        c.line(tick, bottom + 16, tick, bottom + 24)
    page.text(left + 20, bottom + 28, "0      50     100 เมตร (โดยประมาณ)", "sans", 9)
    page.text(left, 86, "วาดโดยผู้ขออนุญาต ไม่ได้ตามมาตราส่วน", "sans", 11, colour=_GREY)
    page.signature(right - 120, 80, 70)
    return page.finish()


_WITNESSES = ("นางสาวอรุณี ชื่นใจ", "นายสมศักดิ์ ดีงาม")


def _power_of_attorney(ctx: _Context) -> bytes:
    req, app, delegate = ctx.request, ctx.applicant, ctx.delegate
    if delegate is None:
        raise ValueError(f"request {req.key} has no delegate for a power of attorney")
    proxy = delegate.signer
    page = _Page("หนังสือมอบอำนาจ", ctx.seed, "serif")
    c, w = page.canvas, page.width
    left, right = 70.0, w - 70
    c.rect(right - 80, 740, 80, 70)
    page.text(right - 40, 785, "ติดอากร", "serif", 11, align="centre")
    page.text(right - 40, 770, "แสตมป์", "serif", 11, align="centre")
    page.text(right - 40, 755, "30 บาท", "serif", 11, align="centre")
    page.text(w / 2, 730, "หนังสือมอบอำนาจ", "serif_bold", 22, align="centre")
    page.text(right, 700, f"เขียนที่ {app.name_th}", "serif", 14, align="right")
    signed_on = ctx.day - timedelta(days=2)
    page.text(right, 680, f"วันที่ {_thai_date(signed_on)}", "serif", 14, align="right")
    principal = app.name_th
    if app.is_juristic:
        principal += f" โดย {app.signer.name_th} {app.signer_position_th} ผู้มีอำนาจกระทำการแทน"
    asked = _ASK[req.kind].removeprefix("ขอ")
    keep = (app.name_th, app.signer.name_th, proxy.name_th)
    y = page.paragraph(
        left,
        645,
        f"โดยหนังสือฉบับนี้ ข้าพเจ้า {principal} สำนักงานตั้งอยู่เลขที่ {app.address.text_th} "
        f"ขอมอบอำนาจให้ {proxy.name_th} เลขประจำตัวประชาชน {proxy.national_id} "
        f"อยู่บ้านเลขที่ {proxy.address.text_th} เป็นผู้มีอำนาจกระทำการแทนข้าพเจ้า "
        f'ในการยื่นคำขอ{asked} {_WORDS.get(req.kind, _BUSINESS_WORDS)[1]} "{req.business_name}" '
        "ต่อเจ้าพนักงานท้องถิ่น รวมทั้งลงนามในเอกสาร แก้ไขเพิ่มเติมเอกสาร ชำระค่าธรรมเนียม "
        "และรับใบอนุญาตแทนข้าพเจ้าจนเสร็จการ",
        right - left,
        keep=keep,
        indent=50,
    )
    y = page.paragraph(
        left,
        y - 6,
        "การใดที่ผู้รับมอบอำนาจได้กระทำไปภายในขอบเขตแห่งหนังสือมอบอำนาจนี้ "
        "ให้ถือเสมือนหนึ่งว่าข้าพเจ้าได้กระทำด้วยตนเองทุกประการ "
        "เพื่อเป็นหลักฐาน ข้าพเจ้าจึงได้ลงลายมือชื่อไว้เป็นสำคัญต่อหน้าพยาน",
        right - left,
        indent=50,
    )
    y -= 40
    page.sign_block(w / 2 + 40, y, "ผู้มอบอำนาจ", app.signer.name_th)
    if app.is_juristic:
        c.setStrokeColorRGB(0.8, 0.1, 0.1)
        c.setLineWidth(2)
        c.circle(left + 70, y - 10, 42)
        c.circle(left + 70, y - 10, 34)
        c.setLineWidth(1)
        c.setStrokeColorRGB(0, 0, 0)
        page.text(
            left + 70, y - 6, "ตราประทับ", "serif_bold", 11, align="centre", colour=(0.8, 0.1, 0.1)
        )
        page.text(left + 70, y - 20, "นิติบุคคล", "serif", 10, align="centre", colour=(0.8, 0.1, 0.1))
    y -= 70
    page.sign_block(w / 2 + 40, y, "ผู้รับมอบอำนาจ", proxy.name_th)
    for witness in _WITNESSES:
        y -= 70
        page.sign_block(w / 2 + 40, y, "พยาน", witness)
    page.text(left, 60, f"ผู้มอบอำนาจ: {app.name_th}", "serif", 11, colour=_GREY)
    return page.finish()


_CO_DIRECTORS = ("นายอนุชา ศักดิ์ดี", "นางสาวรัตนา มั่นคง", "นายกิตติ พรหมมา")


def _company_certificate(ctx: _Context) -> bytes:
    app = ctx.applicant
    if not app.is_juristic or app.registered_on is None:
        raise ValueError(f"{app.key} is not a juristic person")
    partnership = app.name_th.startswith("ห้างหุ้นส่วน")
    entity = "ห้างหุ้นส่วนจำกัด" if partnership else "บริษัท"
    officers = "หุ้นส่วนผู้จัดการ" if partnership else "กรรมการ"
    page = _Page("หนังสือรับรองการจดทะเบียน", ctx.seed, "serif")
    w, left, right = page.width, 70.0, page.width - 70
    page.watermark()
    page.text(w / 2, 780, "หนังสือรับรอง", "serif_bold", 22, align="centre")
    page.text(
        w / 2,
        756,
        f"สำนักงานทะเบียนหุ้นส่วนบริษัทจังหวัด{app.address.changwat} (ตัวอย่าง)",
        "serif",
        14,
        align="centre",
    )
    y = page.paragraph(
        left,
        720,
        f"ขอรับรองว่า{entity}นี้ ได้จดทะเบียนเป็นนิติบุคคล ตามประมวลกฎหมายแพ่งและพาณิชย์ "
        f"เมื่อวันที่ {_thai_date(app.registered_on)} ทะเบียนนิติบุคคลเลขที่ {app.national_id} "
        "ปรากฏข้อความในรายการตามเอกสารทะเบียนนิติบุคคล ณ วันออกหนังสือนี้ ดังนี้",
        right - left,
        indent=40,
    )
    y -= 10
    page.text(left, y, "1. ชื่อนิติบุคคล", "serif_bold", 14)
    page.text(left + 130, y, app.name_th, "serif", 14)
    y -= 28
    co_director = _CO_DIRECTORS[int(_digits(app.key, 2)) % len(_CO_DIRECTORS)]
    page.text(left, y, f"2. {officers}", "serif_bold", 14)
    for n, name in enumerate((app.signer.name_th, co_director), start=1):
        y -= 22
        page.text(left + 30, y, f"{n}. {name}", "serif", 14)
    y -= 28
    page.text(left, y, f"3. จำนวนหรือชื่อ{officers}ซึ่งลงชื่อผูกพัน{entity}ได้คือ", "serif_bold", 14)
    y = page.paragraph(
        left + 30,
        y - 22,
        f"{app.signer.name_th} ลงลายมือชื่อและประทับตราสำคัญของ{entity}",
        right - left - 30,
        keep=(app.signer.name_th,),
    )
    y -= 6
    capital = f"{app.capital_baht:,} บาท" if app.capital_baht else "-"
    page.text(left, y, "4. ทุนจดทะเบียน", "serif_bold", 14)
    page.text(left + 130, y, capital, "serif", 14)
    y -= 28
    page.text(left, y, "5. สำนักงานแห่งใหญ่ตั้งอยู่เลขที่", "serif_bold", 14)
    y = page.paragraph(left + 30, y - 22, app.address.text_th, right - left - 30)
    y -= 6
    page.text(left, y, "6. วัตถุประสงค์", "serif_bold", 14)
    page.text(left + 130, y, "ตามเอกสารแนบ (ไม่ได้แนบมาในตัวอย่างนี้)", "serif", 14)
    y -= 50
    issued = ctx.day - timedelta(days=9)
    page.text(w / 2 + 60, y, f"ออกให้ ณ วันที่ {_thai_date(issued)}", "serif", 14, align="centre")
    y -= 60
    page.text(
        w / 2 + 60, y, "(ลายมือชื่อนายทะเบียน - ตัวอย่าง)", "serif", 13, align="centre", colour=_GREY
    )
    y -= 70
    page.text(right, y, "สำเนาถูกต้อง", "hand", 16, align="right", colour=_INK)
    page.signature(right - 110, y - 30, 80)
    page.text(right, y - 50, f"({app.signer.name_th})", "hand", 13, align="right", colour=_INK)
    return page.finish()


# --------------------------------------------------------------------------- images


@cache
def _image_font_choice() -> tuple[Path, Path, ImageFont.Layout, bool]:
    """Regular path, bold path, Pillow layout engine, and whether to use the PUA forms."""
    if features.check("raqm"):
        # Pillow shapes Thai itself with libraqm: use the bundled Sarabun.
        return (
            _FONTS_DIR / "Sarabun-Regular.ttf",
            _FONTS_DIR / "Sarabun-Bold.ttf",
            ImageFont.Layout.RAQM,
            False,
        )
    faces = _faces()
    return faces["sans"].path, faces["sans_bold"].path, ImageFont.Layout.BASIC, faces["sans"].pua


@cache
def _image_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    regular, heavy, layout, _pua = _image_font_choice()
    return ImageFont.truetype(str(heavy if bold else regular), size, layout_engine=layout)


def _draw_text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    size: int,
    fill: tuple[int, ...] | str,
    *,
    bold: bool = False,
    anchor: str = "la",
) -> None:
    if _image_font_choice()[3]:
        text = thai_presentation_forms(text)
    draw.text(xy, text, font=_image_font(size, bold), fill=fill, anchor=anchor)


def _jpeg(image: Image.Image, dpi: int, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(
        buffer, "JPEG", quality=quality, dpi=(dpi, dpi), subsampling=2, optimize=False
    )
    return buffer.getvalue()


@cache
def _stamp_layer(text: str, size: int, angle: float) -> Image.Image:
    """Big, red, translucent text, rotated; made once and only read afterwards."""
    font = _image_font(size, True)
    glyphs = thai_presentation_forms(text) if _image_font_choice()[3] else text
    left, top, right, bottom = font.getbbox(glyphs)
    layer = Image.new("RGBA", (int(right - left) + 20, int(bottom - top) + 20), (0, 0, 0, 0))
    ImageDraw.Draw(layer).text((10 - left, 10 - top), glyphs, font=font, fill=(210, 30, 30, 110))
    return layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)


def _sample_stamp(image: Image.Image, text: str, size: int, angle: float) -> Image.Image:
    """``image`` with the diagonal sample stamp across its middle."""
    layer = _stamp_layer(text, size, angle)
    dx, dy = (image.width - layer.width) // 2, (image.height - layer.height) // 2
    if dx < 0 or dy < 0:  # larger than the image: keep the middle
        left, top = max(-dx, 0), max(-dy, 0)
        layer = layer.crop((left, top, left + image.width, top + image.height))
        dx, dy = max(dx, 0), max(dy, 0)
    result = image.convert("RGBA")
    result.alpha_composite(layer, (dx, dy))
    return result


def _english_date(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}. {day.year}"


@cache
def _id_card_blank() -> Image.Image:
    """The card without a person on it; made once and copied."""
    width, height = ID_CARD_SIZE
    card = Image.new("RGBA", ID_CARD_SIZE, (226, 240, 236, 255))
    draw = ImageDraw.Draw(card)
    # Fine guilloche-like waves: decoration only, unlike any real card.
    for n in range(0, height, 18):
        points = [(x, n + 6 * math.sin((x + n * 3) / 40)) for x in range(0, width + 20, 20)]
        draw.line(points, fill=(205, 226, 219, 255), width=2)
    draw.rectangle((0, 0, width, 92), fill=(44, 110, 96, 255))
    _draw_text(draw, (30, 22), "บัตรประจำตัวตัวอย่าง", 40, "white", bold=True)
    _draw_text(draw, (width - 30, 30), "SAMPLE IDENTITY CARD", 30, "white", bold=True, anchor="ra")
    note = "ข้อมูลสมมติเพื่อการสาธิตเท่านั้น / fictional demo data only"
    _draw_text(draw, (30, 104), note, 22, (90, 90, 90))
    return card


def _id_card(person: DemoPerson, seed: str) -> bytes:
    width = ID_CARD_SIZE[0]
    card = _id_card_blank().copy()
    draw = ImageDraw.Draw(card)
    dark = (25, 35, 40)
    _draw_text(draw, (30, 150), "เลขประจำตัว / Identification Number", 22, (70, 70, 70))
    _draw_text(draw, (30, 178), _format_id(person.national_id), 40, dark, bold=True)
    _draw_text(draw, (30, 248), "ชื่อตัวและชื่อสกุล", 22, (70, 70, 70))
    _draw_text(draw, (250, 238), person.name_th, 38, dark, bold=True)
    _draw_text(draw, (30, 300), "Name", 22, (70, 70, 70))
    _draw_text(draw, (250, 294), f"{person.title_en} {person.first_name_en}", 30, dark)
    _draw_text(draw, (30, 344), "Last name", 22, (70, 70, 70))
    _draw_text(draw, (250, 338), person.last_name_en, 30, dark)
    _draw_text(draw, (30, 398), f"เกิดวันที่ {_thai_date(person.birth_date)}", 28, dark)
    _draw_text(draw, (30, 436), f"Date of Birth {_english_date(person.birth_date)}", 24, dark)
    _draw_text(draw, (30, 486), "ที่อยู่", 22, (70, 70, 70))
    address = person.address.text_th
    split = address.find(" อำเภอ")
    _draw_text(draw, (110, 482), address[:split], 26, dark)
    _draw_text(draw, (110, 520), address[split + 1 :], 26, dark)
    # A face box: a blurred silhouette, never a face.
    box = (width - 250, 150, width - 40, 430)
    face = Image.new("RGBA", (box[2] - box[0], box[3] - box[1]), (185, 195, 200, 255))
    fdraw = ImageDraw.Draw(face)
    tone = 120 + int(_digits(seed, 2)) % 60
    fdraw.ellipse((55, 40, 155, 160), fill=(tone, tone - 10, tone - 20, 255))
    fdraw.ellipse((15, 170, 195, 360), fill=(60, 70, 90, 255))
    face = face.filter(ImageFilter.GaussianBlur(9))
    card.alpha_composite(face, (box[0], box[1]))
    draw.rectangle(box, outline=(90, 100, 100, 255), width=2)
    _draw_text(
        draw, ((box[0] + box[2]) / 2, box[3] + 10), "ภาพตัวอย่าง", 22, (70, 70, 70), anchor="ma"
    )
    card = _sample_stamp(card, "ตัวอย่าง / SAMPLE", 110, 22)
    return _jpeg(card, ID_CARD_DPI, 88)


def _payment_slip(ctx: _Context) -> bytes:
    req, app = ctx.request, ctx.applicant
    payer = ctx.delegate.signer if ctx.delegate is not None else app.signer
    width = SLIP_SIZE[0]
    slip = Image.new("RGBA", SLIP_SIZE, (246, 247, 250, 255))
    draw = ImageDraw.Draw(slip)
    draw.rectangle((0, 0, width, 170), fill=(52, 84, 160, 255))
    _draw_text(draw, (width / 2, 48), "ธนาคารตัวอย่าง", 44, "white", bold=True, anchor="ma")
    _draw_text(
        draw, (width / 2, 110), "SAMPLE BANK - not a real bank", 24, (220, 228, 245), anchor="ma"
    )
    draw.ellipse((width / 2 - 50, 200, width / 2 + 50, 300), fill=(46, 160, 90, 255))
    draw.line(
        [(width / 2 - 24, 252), (width / 2 - 6, 272), (width / 2 + 28, 228)], fill="white", width=10
    )
    _draw_text(draw, (width / 2, 320), "โอนเงินสำเร็จ", 40, (30, 30, 30), bold=True, anchor="ma")
    paid = ctx.received - timedelta(minutes=7 + int(_digits(ctx.seed, 2)) % 40)
    _draw_text(
        draw,
        (width / 2, 380),
        f"{_thai_date(paid.date())}  {paid:%H:%M} น.",
        26,
        (90, 90, 90),
        anchor="ma",
    )
    reference = _digits(ctx.seed + "/ref", 14)
    rows = (
        ("จาก", payer.name_th),
        ("", f"xxx-x-x{_digits(payer.national_id, 4)}-x"),
        ("ไปยัง", "เทศบาล (บัญชีตัวอย่าง)"),
        ("", "xxx-x-x0426-x"),
        ("จำนวนเงิน", f"{req.payment_baht:,.2f} บาท"),
        ("ค่าธรรมเนียม", "0.00 บาท"),
        ("เลขที่รายการ", reference),
        ("บันทึกช่วยจำ", f"ค่าธรรมเนียม {req.business_name}"[:34]),
    )
    y = 450
    for label, value in rows:
        if label:
            y += 18
            draw.line([(40, y - 12), (width - 40, y - 12)], fill=(220, 222, 228, 255), width=2)
        _draw_text(draw, (48, y), label, 26, (110, 110, 110))
        _draw_text(
            draw, (width - 48, y), value, 28, (20, 20, 20), bold=label == "จำนวนเงิน", anchor="ra"
        )
        y += 44
    # A pattern standing in for the verification code: deliberately not a QR code.
    rnd = random.Random(reference)
    left, top, cell = width / 2 - 90, y + 30, 12
    for row in range(15):
        for col in range(15):
            if rnd.random() < 0.5:
                x0, y0 = left + col * cell, top + row * cell
                draw.rectangle((x0, y0, x0 + cell - 1, y0 + cell - 1), fill=(20, 20, 20, 255))
    _draw_text(
        draw,
        (width / 2, top + 15 * cell + 16),
        "สแกนตรวจสอบสลิป (ตัวอย่าง)",
        22,
        (110, 110, 110),
        anchor="ma",
    )
    slip = _sample_stamp(slip, "ตัวอย่าง / SAMPLE", 90, 30)
    return _jpeg(slip, SLIP_DPI, 85)


def _low_res_photo(ctx: _Context) -> bytes:
    """The form photographed on a table and squeezed by a chat app: legible, barely."""
    req, app = ctx.request, ctx.applicant
    width, height = LOW_RES_SIZE
    paper = Image.new("RGBA", (int(width * 0.86), int(height * 0.88)), (250, 248, 240, 255))
    draw = ImageDraw.Draw(paper)
    ink, blue, rule = (50, 50, 55), (30, 50, 140), (175, 175, 175, 255)
    _draw_text(draw, (paper.width / 2, 28), _FORM_TITLES[req.kind], 19, ink, bold=True, anchor="ma")
    address = app.address.text_th
    split = address.find(" ตำบล")
    lines = [
        ("ข้าพเจ้า", app.name_th),
        ("เลขประจำตัว", _format_id(app.signer.national_id)),
        ("ที่อยู่", address[:split]),
        ("", address[split + 1 :]),
        ("โทรศัพท์", app.phone),
        (_WORDS.get(req.kind, _BUSINESS_WORDS)[1], req.business_name),
        ("พื้นที่", f"{req.area_sqm} ตารางเมตร" if req.area_sqm else ""),
    ]
    y = 86
    for label, value in lines:
        _draw_text(draw, (24, y), label, 15, ink)
        draw.line([(24, y + 22), (paper.width - 24, y + 22)], fill=rule, width=1)
        _draw_text(draw, (165 if label else 60, y - 1), value, 16, blue)
        y += 35
    for n in range(6):
        draw.line([(24, y + 30 * n), (paper.width - 24, y + 30 * n)], fill=rule, width=1)
    signer = f"({app.signer.name_th})"
    _draw_text(draw, (paper.width - 40, paper.height - 85), signer, 15, ink, anchor="ra")
    photo = Image.new("RGBA", LOW_RES_SIZE, (96, 72, 52, 255))
    tilted = paper.rotate(-3.5, resample=Image.Resampling.BILINEAR, expand=True)
    photo.alpha_composite(tilted, ((width - tilted.width) // 2, (height - tilted.height) // 2))
    # Uneven light from the phone: darker towards the bottom.
    shade = Image.linear_gradient("L").resize(LOW_RES_SIZE).point(lambda v: v * 70 // 255)
    dark = Image.new("RGBA", LOW_RES_SIZE, (0, 0, 0, 255))
    dark.putalpha(shade)
    photo = Image.alpha_composite(photo, dark).filter(ImageFilter.GaussianBlur(0.7))
    return _jpeg(photo, LOW_RES_DPI, 55)


# --------------------------------------------------------------------------- attachments

_Renderer = Callable[[_Context], bytes]
_PDF_RENDERERS: dict[AttachmentKind, _Renderer] = {
    AttachmentKind.APPLICATION_FORM: _application_form,
    AttachmentKind.HOUSE_REGISTRATION: _house_registration,
    AttachmentKind.SITE_MAP: _site_map,
    AttachmentKind.POWER_OF_ATTORNEY: _power_of_attorney,
    AttachmentKind.COMPANY_CERTIFICATE: _company_certificate,
}


def _render(kind: AttachmentKind, ctx: _Context) -> bytes:
    if kind in _PDF_RENDERERS:
        return _PDF_RENDERERS[kind](ctx)
    if kind is AttachmentKind.ID_CARD_PHOTO:
        return _id_card(ctx.applicant.signer, ctx.seed)
    if kind is AttachmentKind.DELEGATE_ID_CARD_PHOTO:
        if ctx.delegate is None:
            raise ValueError(f"request {ctx.request.key} has no delegate")
        return _id_card(ctx.delegate.signer, ctx.seed + "/delegate")
    if kind is AttachmentKind.PAYMENT_SLIP:
        return _payment_slip(ctx)
    return _low_res_photo(ctx)


def _filename(kind: AttachmentKind, ctx: _Context, number: int) -> str:
    req, app = ctx.request, ctx.applicant
    stamp = ctx.received - timedelta(minutes=3 + number)
    if req.channel == "counter":
        extension = "jpg" if kind.endswith("photo") or kind == "payment_slip" else "pdf"
        return f"SCAN_{stamp:%Y%m%d}_{req.key}_{number:02d}.{extension}"
    if req.channel == "drive" and kind.endswith("photo"):
        return f"LINE_ALBUM_{stamp:%Y%m%d}_{number}.jpg"
    english = req.language == "en"
    if english:
        form = "application_form.pdf"
    elif req.kind == "petition":
        form = "คำร้อง.pdf"
    else:
        form = f"แบบคำขอ_{app.key if app.is_juristic else app.signer.first_name_th}.pdf"
    place = "ตั้งอาคาร" if req.kind == "building" else "ร้าน"
    names = {
        AttachmentKind.APPLICATION_FORM: form,
        AttachmentKind.HOUSE_REGISTRATION: (
            "house_registration.pdf" if english else "สำเนาทะเบียนบ้าน.pdf"
        ),
        AttachmentKind.SITE_MAP: "site_map.pdf" if english else f"แผนที่{place}.pdf",
        AttachmentKind.POWER_OF_ATTORNEY: "หนังสือมอบอำนาจ.pdf",
        AttachmentKind.COMPANY_CERTIFICATE: "หนังสือรับรองนิติบุคคล.pdf",
        AttachmentKind.ID_CARD_PHOTO: f"IMG_{stamp:%Y%m%d_%H%M%S}.jpg",
        AttachmentKind.DELEGATE_ID_CARD_PHOTO: "บัตรผู้รับมอบอำนาจ.jpg",
        AttachmentKind.PAYMENT_SLIP: f"slip_{stamp:%Y%m%d%H%M}.jpg",
        AttachmentKind.LOW_RES_PHOTO: f"LINE_ALBUM_{stamp:%Y%m%d}_{number}.jpg",
    }
    return names[kind]


def render_attachments(
    request: DemoRequest,
    applicant: DemoApplicant,
    *,
    now: datetime = DEMO_NOW,
    source_dir: Path = DEMO_DIR,
) -> list[DemoAttachment]:
    """The files of ``request``, made in memory, in the order of ``request.attachments``.

    ``now`` should be the one given to :func:`demo_requests`: documents are dated from
    the request's arrival. The same arguments always give byte-identical files.
    """
    delegate = None
    if request.delegate_index is not None:
        delegate = _applicants(source_dir)[request.delegate_index]
    ctx = _Context(
        request=request,
        applicant=applicant,
        delegate=delegate,
        received=request.received_at(now).astimezone(BANGKOK),
    )
    result = []
    for number, kind in enumerate(request.attachments, start=1):
        with _RENDER_LOCK:
            data = _render(kind, ctx)
        content_type = "application/pdf" if data.startswith(b"%PDF") else "image/jpeg"
        result.append(DemoAttachment(_filename(kind, ctx, number), content_type, data))
    return result
