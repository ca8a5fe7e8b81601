"""Create a profile (agency, local station, first administrator) and open it for work."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, Event, Station
from services.access import auth
from services.catalog.loader import Catalog, default_catalog_path, load_catalog
from services.catalog.store_sync import catalog_from_store, sync_catalog
from services.kernel.actors import SYSTEM
from services.kernel.calendar import BusinessCalendar, BusinessHours
from services.kernel.clock import Clock
from services.kernel.errors import AnuyatError, InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.store.context import AppContext
from services.store.engine import DB_FILE, Store, open_store

__all__ = [
    "DEMO_EVENT",
    "AgencySetup",
    "FREE_MAIL_DOMAINS",
    "FreeMailAddress",
    "free_mail_domain",
    "initialise_profile",
    "is_demo_store",
    "load_context",
    "ProfileNotInitialised",
]

DEMO_EVENT = "profile.marked_demo"
"""Recorded once, at creation, in a demo profile's store: fictional data only."""

log = logging.getLogger(__name__)

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")


class ProfileNotInitialised(AnuyatError):
    code = "profile_not_initialised"


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


@dataclass(frozen=True)
class AgencySetup:
    name_th: str
    name_en: str
    code: str  # Roman letters, e.g. "NKK"
    number: str  # official agency number, e.g. "นค 52001"
    station_code: str = "ST1"
    station_name: str = "Back office 1"
    address_th: str = ""
    email: str = ""
    phone: str = ""
    opens_at: time = time(8, 30)
    closes_at: time = time(16, 30)
    allow_free_mail: bool = False  # only when the agency really has no address of its own

    def validate(self) -> None:
        problems = []
        if self.email:
            try:
                # Syntax only: no DNS lookup (the workstation may be offline).
                validate_email(self.email, check_deliverability=False)
            except EmailNotValidError as exc:
                problems.append(
                    (
                        f"อีเมลของหน่วยงาน '{self.email}' ไม่ใช่ที่อยู่อีเมลที่ถูกต้อง "
                        "(ตัวอย่างที่ถูก: saraban@ชื่อหน่วยงาน.go.th)",
                        f"the agency's e-mail '{self.email}' is not a valid address ({exc}; "
                        "e.g. saraban@yourtown.go.th)",
                    )
                )
        if not self.name_th.strip():
            problems.append(("ต้องระบุชื่อหน่วยงานภาษาไทย", "the Thai agency name is required"))
        if not _CODE.match(self.code):
            problems.append(
                (
                    "รหัสหน่วยงานต้องเป็นอักษรโรมันตัวใหญ่ 2–10 ตัว",
                    "agency code: 2–10 capital Roman letters/digits",
                )
            )
        if not _CODE.match(self.station_code):
            problems.append(
                (
                    "รหัสสถานีต้องเป็นอักษรโรมันตัวใหญ่ 2–10 ตัว",
                    "station code: 2–10 capital Roman letters/digits",
                )
            )
        if self.opens_at >= self.closes_at:
            problems.append(("เวลาเปิดต้องก่อนเวลาปิด", "opening time must be before closing time"))
        if problems:
            raise InvalidInput(
                "ข้อมูลหน่วยงานไม่ถูกต้อง: " + "; ".join(p[0] for p in problems),
                "The agency details are not valid: " + "; ".join(p[1] for p in problems) + ".",
            )
        domain = free_mail_domain(self.email)
        if domain and not self.allow_free_mail:
            raise FreeMailAddress(self.email, domain)


def initialise_profile(
    data_dir: Path,
    setup: AgencySetup,
    *,
    admin_username: str,
    admin_password: str,
    admin_display_name: str,
    clock: Clock,
    catalog: Catalog | None = None,
    demo: bool = False,
) -> Store:
    """Create the encrypted store, the agency, this station and the first administrator.

    ``demo`` marks the store itself as a demo profile (fictional data only).
    """
    setup.validate()
    if (data_dir / DB_FILE).exists():
        raise InvalidInput(
            f"โฟลเดอร์ {data_dir} มีฐานข้อมูลอยู่แล้ว — ไม่ได้เปลี่ยนแปลงอะไร (ใช้โฟลเดอร์ใหม่ด้วย --data-dir)",
            f"{data_dir} already holds a store; nothing was changed. "
            "Choose another folder with --data-dir.",
        )
    catalog = catalog or load_catalog(default_catalog_path())
    store = open_store(data_dir, create=True)
    now = clock.now()
    with store.sessions() as session, session.begin():
        agency = Agency(
            name_th=setup.name_th,
            name_en=setup.name_en,
            code=setup.code,
            number=setup.number,
            address_th=setup.address_th,
            email=setup.email,
            phone=setup.phone,
            opens_at=setup.opens_at,
            closes_at=setup.closes_at,
            created_at=now,
        )
        session.add(agency)
        session.flush()
        station = Station(
            agency_id=agency.id,
            code=setup.station_code,
            name=setup.station_name,
            is_local=True,
            created_at=now,
        )
        session.add(station)
        session.flush()
        uow = UnitOfWork(session, SYSTEM, now, station.id)
        uow.record(
            "agency.created",
            "agency",
            agency.id,
            {"name_th": setup.name_th, "name_en": setup.name_en, "code": setup.code},
        )
        uow.record("station.created", "station", station.id, {"code": setup.station_code})
        if demo:
            uow.record(DEMO_EVENT, "agency", agency.id, {"fictional_data_only": True})
        auth.create_user(
            uow,
            username=admin_username,
            display_name=admin_display_name,
            password=admin_password,
            roles=["admin"],
        )
        sync_catalog(uow, catalog)
    return store


def is_demo_store(session: Session) -> bool:
    """Whether the store was created as a demo profile (the mark is in its audit chain)."""
    return session.scalar(select(Event.seq).where(Event.type == DEMO_EVENT).limit(1)) is not None


def load_context(
    data_dir: Path,
    clock: Clock,
    *,
    catalog_path: Path | None = None,
    holidays_path: Path | None = None,
) -> AppContext:
    """Open a profile for work. The catalog file, if given and valid, updates the store's."""
    if not (data_dir / DB_FILE).exists():
        raise ProfileNotInitialised(
            f"ยังไม่ได้ตั้งค่าโฟลเดอร์ข้อมูล {data_dir} — สั่ง 'anuyat init' หรือ 'anuyat demo'",
            f"{data_dir} is not set up yet. Run 'anuyat init' (or 'anuyat demo' to try it out).",
        )
    store = open_store(data_dir)
    with store.reads() as session:
        station = session.scalars(select(Station).where(Station.is_local.is_(True))).one()
        agency = session.get(Agency, station.agency_id)
        if agency is None:
            raise AnuyatError(
                "ข้อมูลของหน่วยงานในฐานข้อมูลหายไป ให้กู้คืนฐานข้อมูลจากสำเนาสำรอง",
                "The agency's record is missing from the store. Restore the store from a backup.",
                detail=f"station {station.id} names agency {station.agency_id}, which is absent",
                code="store_damaged",
            )
        hours = BusinessHours(
            opens=agency.opens_at,
            closes=agency.closes_at,
            workdays=frozenset(int(d) for d in agency.workdays.split(",") if d),
        )
        station_id, station_code, agency_code = station.id, station.code, agency.code
    calendar = (
        BusinessCalendar.from_toml(holidays_path, hours)
        if holidays_path
        else BusinessCalendar.default(hours)
    )
    context = AppContext(
        store=store,
        clock=clock,
        calendar=calendar,
        catalog=Catalog(()),
        station_id=station_id,
        station_code=station_code,
        agency_code=agency_code,
    )
    if catalog_path is not None:
        catalog = load_catalog(catalog_path)  # raises a clear error; the store is untouched
        with context.unit_of_work(SYSTEM) as uow:
            sync_catalog(uow, catalog)
    with context.read() as session:
        context.catalog = catalog_from_store(session)
    return context
