"""The agency's identity, official address and business hours: checked once, changed as events.

The rules here are the ones ``anuyat init`` applies (:class:`services.store.profile.AgencySetup`
calls :func:`agency_problems`) and the ones the administrator's settings page applies
(:func:`update_agency`): one set of rules for both.

M11 (receive requests on the agency's own official address): a malformed address is refused;
an address at a free-mail provider is refused unless the administrator says the agency
really has no address of its own, and then it is warned about every time
(:class:`FreeMailAddress`, :func:`free_mail_warning`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Station
from services.access.table import Action, require
from services.kernel.errors import AnuyatError, InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork

__all__ = [
    "AgencyDetails",
    "AgencyUpdate",
    "CODE_PATTERN",
    "FREE_MAIL_DOMAINS",
    "FreeMailAddress",
    "agency_problems",
    "free_mail_domain",
    "free_mail_warning",
    "pinned_agency",
    "read_agency",
    "refuse",
    "update_agency",
]

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
"""An agency or station code: 2–10 capital Roman letters/digits (used in file names)."""

# Public free-mail providers. The DGA guidelines (draft) §4.3: the agency's address must
# identify the agency (its own domain, e.g. saraban@town.go.th), not public or free mail.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.th",
        "outlook.com",
        "outlook.co.th",
        "live.com",
        "msn.com",
        "windowslive.com",
        "yahoo.com",
        "yahoo.co.th",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.net",
        "mail.com",
        "zoho.com",
        "yandex.com",
        "qq.com",
        "163.com",
    }
)


def free_mail_domain(email: str) -> str | None:
    """The free-mail domain of ``email`` (lower case), or ``None`` for any other domain."""
    domain = email.rpartition("@")[2].strip().lower().rstrip(".")
    return domain if domain in FREE_MAIL_DOMAINS else None


class FreeMailAddress(AnuyatError):
    """The agency's official address is at a free-mail provider."""

    code = "free_mail_address"

    def __init__(self, email: str, domain: str) -> None:
        super().__init__(
            f"ที่อยู่อีเมล {email} เป็นอีเมลฟรี ({domain}) ซึ่งไม่ระบุหน่วยงาน — แนวปฏิบัติกระบวนการทางดิจิทัล"
            "ภาครัฐ (ร่าง) ข้อ 4.3 ให้ใช้อีเมลภายใต้โดเมนของหน่วยงาน เช่น saraban@ชื่อหน่วยงาน.go.th "
            "และไม่ควรใช้อีเมลสาธารณะหรืออีเมลฟรี ให้ใช้อีเมลของหน่วยงาน หรือถ้ายังไม่มีจริง ๆ "
            "ให้สั่งใหม่พร้อม --allow-free-mail (จะมีคำเตือนทุกครั้ง)",
            f"The address {email} is free mail ({domain}) and does not identify the agency. The "
            "DGA guidelines (draft) §4.3 ask for an address under the agency's own domain (e.g. "
            "saraban@yourtown.go.th), not public or free mail. Use the agency's address; if it "
            "really has none yet, run the command again with --allow-free-mail.",
            detail=f"free-mail domain {domain}",
        )
        self.domain = domain


def free_mail_warning(email: str) -> tuple[str, str] | None:
    """The warning shown each time a free-mail official address is kept (Thai, English)."""
    domain = free_mail_domain(email)
    if domain is None:
        return None
    return (
        f"คำเตือน: ที่อยู่ราชการของหน่วยงานเป็นอีเมลฟรี ({domain}) ซึ่งไม่ระบุหน่วยงาน "
        "ให้เปลี่ยนเป็นอีเมลของหน่วยงานเอง (เช่น saraban@ชื่อหน่วยงาน.go.th) โดยเร็ว",
        f"Warning: the agency's official address is free mail ({domain}) and does not "
        "identify the agency. Change it to the agency's own address (e.g. "
        "saraban@yourtown.go.th) as soon as you can.",
    )


def agency_problems(
    *,
    name_th: str,
    code: str,
    email: str,
    opens_at: time,
    closes_at: time,
    workdays: tuple[int, ...] = (0, 1, 2, 3, 4),
) -> list[tuple[str, str]]:
    """Everything wrong with these agency details (Thai, English), empty when all is well.

    The free-mail rule is separate (:func:`free_mail_domain`): it is a choice, not an error.
    """
    problems: list[tuple[str, str]] = []
    if not name_th.strip():
        problems.append(("ต้องระบุชื่อหน่วยงานภาษาไทย", "the Thai agency name is required"))
    if not CODE_PATTERN.match(code):
        problems.append(
            (
                "รหัสหน่วยงานต้องเป็นอักษรโรมันตัวใหญ่ 2–10 ตัว",
                "agency code: 2–10 capital Roman letters/digits",
            )
        )
    if email:
        # Imported here: opening the profile imports this module; only an edit checks mail.
        from email_validator import EmailNotValidError, validate_email

        try:
            # Syntax only: no DNS lookup (the workstation may be offline).
            validate_email(email, check_deliverability=False)
        except EmailNotValidError as exc:
            problems.append(
                (
                    f"อีเมลของหน่วยงาน '{email}' ไม่ใช่ที่อยู่อีเมลที่ถูกต้อง "
                    "(ตัวอย่างที่ถูก: saraban@ชื่อหน่วยงาน.go.th)",
                    f"the agency's e-mail '{email}' is not a valid address ({exc}; "
                    "e.g. saraban@yourtown.go.th)",
                )
            )
    if opens_at >= closes_at:
        problems.append(("เวลาเปิดต้องก่อนเวลาปิด", "opening time must be before closing time"))
    if not workdays or not set(workdays) <= set(range(7)):
        problems.append(
            (
                "ต้องมีวันทำการอย่างน้อยหนึ่งวัน",
                "at least one working day is needed",
            )
        )
    return problems


def refuse(problems: list[tuple[str, str]]) -> None:
    """Raise one :class:`InvalidInput` listing ``problems``; nothing when there are none."""
    if problems:
        raise InvalidInput(
            "ข้อมูลหน่วยงานไม่ถูกต้อง: " + "; ".join(p[0] for p in problems),
            "The agency details are not valid: " + "; ".join(p[1] for p in problems) + ".",
        )


@dataclass(frozen=True)
class AgencyDetails:
    """What the administrator sees and edits of the agency (the ``agency`` row)."""

    name_th: str
    name_en: str
    code: str
    """Roman letters, e.g. ``NKK``: in file names and tracking numbers."""
    number: str
    """The official agency number, e.g. ``นค 52001`` (on letters)."""
    email: str
    """The official address requests are received on and replies sent from (M11)."""
    address_th: str
    """The official postal address, as on letters."""
    phone: str
    opens_at: time
    closes_at: time
    workdays: tuple[int, ...]
    """Working weekdays, Monday = 0."""


@dataclass(frozen=True)
class AgencyUpdate:
    """What :func:`update_agency` changed: field names, and the free-mail warning if any."""

    changed: tuple[str, ...]
    warning: tuple[str, str] | None = None


def _local_agency(session: Session, *, for_update: bool = False) -> Agency:
    station = session.scalars(select(Station).where(Station.is_local.is_(True))).one()
    # Changing it: the row is locked first (PostgreSQL; SQLite has one writer anyway), so two
    # administrators saving at once cannot both compute their "from" values from one read.
    agency = session.get(Agency, station.agency_id, with_for_update=for_update)
    if agency is None:
        raise NotFound("ไม่พบข้อมูลหน่วยงานในฐานข้อมูล", "The agency's record is missing from the store.")
    return agency


def pinned_agency(session: Session) -> Agency:
    """The agency's row, read once per transaction: one approval's letter, its fee notice and
    their mails each name the agency, and a group of arrivals acknowledges each with it.
    Pinned in ``session.info``, which :mod:`models.store` empties when the transaction ends
    (another station may change the agency next)."""
    pinned: dict[str, Agency] = session.info.setdefault("agency", {})
    if "row" not in pinned:
        pinned["row"] = session.scalars(select(Agency)).one()
    return pinned["row"]


def read_agency(session: Session) -> AgencyDetails:
    """The agency this station belongs to."""
    agency = _local_agency(session)
    return AgencyDetails(
        name_th=agency.name_th,
        name_en=agency.name_en,
        code=agency.code,
        number=agency.number,
        email=agency.email,
        address_th=agency.address_th,
        phone=agency.phone,
        opens_at=agency.opens_at,
        closes_at=agency.closes_at,
        workdays=tuple(int(d) for d in agency.workdays.split(",") if d),
    )


def _stored(name: str, value: Any) -> Any:
    if name == "workdays":
        return ",".join(str(d) for d in sorted(set(value)))
    return value.strip() if isinstance(value, str) else value


def _shown(value: Any) -> Any:
    return value.strftime("%H:%M") if isinstance(value, time) else value


def update_agency(
    uow: UnitOfWork, details: AgencyDetails, *, allow_free_mail: bool = False
) -> AgencyUpdate:
    """Change the agency's details (administrator only), as one ``agency.updated`` event.

    Refuses (:class:`InvalidInput`) what :func:`agency_problems` finds, and a free-mail
    address (:class:`FreeMailAddress`) unless ``allow_free_mail``; nothing is changed then.
    The event names each changed field with its old and new value.
    """
    require(uow.actor, Action.MANAGE_SETTINGS)
    cleaned = AgencyDetails(
        **{f.name: _clean(getattr(details, f.name)) for f in fields(AgencyDetails)}
    )
    refuse(
        agency_problems(
            name_th=cleaned.name_th,
            code=cleaned.code,
            email=cleaned.email,
            opens_at=cleaned.opens_at,
            closes_at=cleaned.closes_at,
            workdays=cleaned.workdays,
        )
    )
    domain = free_mail_domain(cleaned.email)
    if domain and not allow_free_mail:
        raise FreeMailAddress(cleaned.email, domain)
    agency = _local_agency(uow.session, for_update=True)
    changes: dict[str, dict[str, Any]] = {}
    for field in fields(AgencyDetails):
        new = _stored(field.name, getattr(cleaned, field.name))
        old = getattr(agency, field.name)
        if new != old:
            changes[field.name] = {"from": _shown(old), "to": _shown(new)}
            setattr(agency, field.name, new)
    if changes:
        payload: dict[str, Any] = {"changed": changes}
        if domain:
            payload["free_mail_accepted"] = domain
        uow.record("agency.updated", "agency", agency.id, payload)
    return AgencyUpdate(tuple(changes), free_mail_warning(cleaned.email))


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, tuple):
        return tuple(sorted(set(value)))
    return value
