"""Create a profile (agency, local station, first administrator) and open it for work."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, CatalogVersion, Event, Station
from services.access import auth
from services.catalog.holidays import seed_calendar
from services.catalog.loader import Catalog, default_catalog_path, load_catalog
from services.catalog.store_sync import catalog_from_store, sync_catalog
from services.kernel.actors import SYSTEM
from services.kernel.calendar import DEFAULT_HOLIDAYS_PATH, BusinessCalendar, BusinessHours
from services.kernel.clock import Clock
from services.kernel.errors import AnuyatError, InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.store.agency import (
    CODE_PATTERN,
    FREE_MAIL_DOMAINS,
    FreeMailAddress,
    agency_problems,
    free_mail_domain,
    refuse,
)
from services.store.context import AppContext
from services.store.engine import DB_FILE, Store, is_profile, open_store
from services.store.server_link import read_link

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


class ProfileNotInitialised(AnuyatError):
    code = "profile_not_initialised"


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
        """The rules of :mod:`services.store.agency`, plus the station code."""
        problems = agency_problems(
            name_th=self.name_th,
            code=self.code,
            email=self.email,
            opens_at=self.opens_at,
            closes_at=self.closes_at,
        )
        if not CODE_PATTERN.match(self.station_code):
            problems.append(
                (
                    "รหัสสถานีต้องเป็นอักษรโรมันตัวใหญ่ 2–10 ตัว",
                    "station code: 2–10 capital Roman letters/digits",
                )
            )
        refuse(problems)
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
        if session.scalar(select(Agency.id).limit(1)) is not None:
            store.close()  # an agency server already set up: its stations join it instead
            raise InvalidInput(
                "ฐานข้อมูลบนเครื่องแม่ข่ายนี้ตั้งค่าหน่วยงานไว้แล้ว — ไม่ได้เปลี่ยนแปลงอะไร "
                "(เครื่องใหม่ให้เข้าร่วมด้วย anuyat join FILE)",
                "The server's database already holds an agency; nothing was changed. "
                "A new workstation joins it with 'anuyat join FILE'.",
            )
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


def _sync_catalog_file(context: AppContext, path: Path) -> None:
    """Sync the catalog file named in the settings, unless this very content was synced
    before (an edit made since in the window is then not undone at every start)."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""  # load_catalog below says what is wrong with the file
    if digest:
        with context.read() as session:
            seen = session.scalar(
                select(CatalogVersion.number).where(CatalogVersion.source_sha256 == digest)
            )
        if seen is not None:
            return
    catalog = load_catalog(path)  # raises a clear error; the store is untouched
    with context.unit_of_work(SYSTEM) as uow:
        sync_catalog(uow, catalog, source="file", source_sha256=digest, note=str(path))


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
    if not is_profile(data_dir):
        raise ProfileNotInitialised(
            f"ยังไม่ได้ตั้งค่าโฟลเดอร์ข้อมูล {data_dir} — สั่ง 'anuyat init' หรือ 'anuyat demo'",
            f"{data_dir} is not set up yet. Run 'anuyat init' (or 'anuyat demo' to try it out).",
        )
    store = open_store(data_dir)
    link = read_link(data_dir)
    # On the agency's server every station shares the database: this one is named by the
    # profile's link; a station's own store holds exactly one local station.
    which = Station.is_local.is_(True) if link is None else Station.code == link.station_code
    with store.reads() as session:
        station = session.scalars(select(Station).where(which)).one_or_none()
        if station is None:
            raise ProfileNotInitialised(
                f"ฐานข้อมูลไม่รู้จักสถานี {link.station_code if link else ''} ของเครื่องนี้ — "
                "ให้ผู้ดูแลระบบออกไฟล์ลงทะเบียนเครื่องใหม่ (anuyat server enrol-station)",
                "The store does not know this workstation's station. Ask the administrator "
                "for a new enrolment file (anuyat server enrol-station).",
                detail=f"no station matches {which}",
            )
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
    context = AppContext(
        store=store,
        clock=clock,
        calendar=BusinessCalendar(hours, ()),
        catalog=Catalog(()),
        station_id=station_id,
        station_code=station_code,
        agency_code=agency_code,
    )
    # The store keeps the calendar's versions; the file seeds it the first time (a file named
    # in the settings that changed later is taken by services.cases.sla_moves, which also
    # moves the due dates). A broken file raises a clear error here.
    with context.unit_of_work(SYSTEM) as uow:
        holidays = seed_calendar(uow, holidays_path or DEFAULT_HOLIDAYS_PATH)
    context.calendar = BusinessCalendar(hours, holidays)
    if catalog_path is not None:
        _sync_catalog_file(context, catalog_path)
    with context.read() as session:
        context.catalog = catalog_from_store(session)
    return context
