"""The catalog and calendar page: the services and holidays in force, their versions, and
the administrator's changes, each checked in full before anything changes.

:class:`CatalogPort` is what the page may ask; :class:`CatalogFacade` is the real thing. A
change made in a form is written into the whole catalog and checked exactly as a catalog file
is (line-level problems, :class:`~services.catalog.problems.CatalogError`); an import is
checked the same way. A change of the holidays is first *proposed*: the proposal lists the
open requests whose due dates it would move, and only saving it changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol, cast

from services.access.table import Action, may, require
from services.cases.sla_moves import SlaMove, apply_calendar, preview_moves
from services.catalog.checker import services_from_bytes
from services.catalog.holidays import (
    CalendarVersionInfo,
    calendar_versions,
    holidays_of,
    latest_calendar,
)
from services.catalog.loader import Catalog, ServiceSpec
from services.catalog.store_sync import catalog_from_store, current_catalog_version, sync_catalog
from services.catalog.versions import CatalogVersionInfo, catalog_versions
from services.catalog.writer import catalog_toml
from services.kernel.actors import Actor, SignedInUser
from services.kernel.calendar import BusinessCalendar, Holiday, holidays_from_bytes
from services.kernel.errors import InvalidInput
from services.store.context import AppContext

__all__ = [
    "CalendarProposal",
    "CatalogChange",
    "CatalogFacade",
    "CatalogPort",
    "CatalogView",
    "HolidayView",
    "ServiceEdit",
]

_MAX_FILE = 2 * 1024 * 1024  # a catalog or holiday file is text: far below this


@dataclass(frozen=True, slots=True)
class CatalogView:
    version: int
    services: tuple[ServiceSpec, ...]
    versions: tuple[CatalogVersionInfo, ...]
    may_edit: bool


@dataclass(frozen=True, slots=True)
class ServiceEdit:
    """What the service form changes; the documents, form fields and keywords stay."""

    code: str
    name_th: str
    name_en: str
    fee_satang: int
    fee_due: str
    sla_business_days: int
    ial: int
    risk_level: str
    validity_days: int | None
    lawful_basis: str
    purpose_th: str
    purpose_en: str


@dataclass(frozen=True, slots=True)
class CatalogChange:
    version: int | None  # None: the catalog already said exactly this
    changed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HolidayView:
    version: int
    holidays: tuple[Holiday, ...]
    versions: tuple[CalendarVersionInfo, ...]
    may_edit: bool


@dataclass(frozen=True, slots=True)
class CalendarProposal:
    """A change of the holidays not saved yet, with what it would move."""

    base_version: int
    holidays: tuple[Holiday, ...]
    added: tuple[Holiday, ...]
    removed: tuple[Holiday, ...]
    moves: tuple[SlaMove, ...]
    source: str
    note: str


class CatalogPort(Protocol):
    def today(self) -> date:
        """The agency's today: the services' clock read in the agency's time zone (the year
        the holidays tab opens on)."""
        ...

    def catalog(self, user: SignedInUser) -> CatalogView: ...

    def save_service(self, user: SignedInUser, base: int, edit: ServiceEdit) -> CatalogChange:
        """Raises CatalogError (its ``problems`` say what and where) and changes nothing when
        the edited catalog breaks a rule; CatalogChanged when someone saved first."""
        ...

    def import_catalog(self, user: SignedInUser, base_version: int, path: Path) -> CatalogChange:
        """Replace the catalog with a file's (services not in it are retired), checked first."""
        ...

    def export_catalog(self, user: SignedInUser, path: Path) -> None: ...

    def calendar(self, user: SignedInUser) -> HolidayView: ...

    def propose_import(self, user: SignedInUser, base_version: int, path: Path) -> CalendarProposal:
        """The years in the file replace those years' holidays (the Cabinet announces a
        year's list whole); other years stay."""
        ...

    def propose_holiday(
        self, user: SignedInUser, base_version: int, holiday: Holiday
    ) -> CalendarProposal:
        """Add a day (or replace the one on that date: a name, a confirmation)."""
        ...

    def propose_removal(
        self, user: SignedInUser, base_version: int, day: date
    ) -> CalendarProposal: ...

    def save_calendar(self, user: SignedInUser, proposal: CalendarProposal) -> int:
        """Save it (a new calendar version) and move the due dates; returns the version.
        Raises CalendarChanged if someone saved another change first."""
        ...


class CatalogFacade:
    """The real :class:`CatalogPort` over one opened profile."""

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def today(self) -> date:
        return self.context.today()

    # ------------------------------------------------------------------ the catalog

    def catalog(self, user: SignedInUser) -> CatalogView:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VIEW_CATALOG)
        with self.context.read() as session:
            return CatalogView(
                version=current_catalog_version(session),
                services=catalog_from_store(session).services,
                versions=tuple(catalog_versions(session)),
                may_edit=may(actor.roles, Action.SYNC_CATALOG),
            )

    def save_service(self, user: SignedInUser, base: int, edit: ServiceEdit) -> CatalogChange:
        with self.context.read() as session:
            current = catalog_from_store(session)
        spec = current.get(edit.code)
        if spec is None:
            raise InvalidInput(
                f"ไม่พบบริการรหัส {edit.code} ในรายการบริการแล้ว ให้เปิดรายการบริการใหม่",
                f"The catalog no longer has a service {edit.code}. Reopen the catalog.",
            )
        edited = _edited(spec, edit)
        services = tuple(edited if s.code == edit.code else s for s in current)
        # Checked as a file would be: the same rules, the same line-level problems.
        text = catalog_toml(services).encode("utf-8")
        checked = Catalog(tuple(services_from_bytes(text, Path(f"{edit.code} (form)"))))
        return self._save(user, checked, base, "form", f"{edit.code}: form")

    def import_catalog(self, user: SignedInUser, base_version: int, path: Path) -> CatalogChange:
        raw = _read(path)
        checked = Catalog(tuple(services_from_bytes(raw, path)), source=path)
        return self._save(user, checked, base_version, "import", path.name)

    def export_catalog(self, user: SignedInUser, path: Path) -> None:
        view = self.catalog(user)
        path.write_text(catalog_toml(view.services), encoding="utf-8")

    def _save(
        self, user: SignedInUser, catalog: Catalog, base: int, source: str, note: str
    ) -> CatalogChange:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            changed = sync_catalog(uow, catalog, source=source, note=note, base_version=base)
            version = current_catalog_version(uow.session) if changed else None
        with self.context.read() as session:
            self.context.catalog = catalog_from_store(session)
        return CatalogChange(version, tuple(changed))

    # ------------------------------------------------------------------ the calendar

    def calendar(self, user: SignedInUser) -> HolidayView:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.VIEW_CATALOG)
        with self.context.read() as session:
            latest = latest_calendar(session)
            return HolidayView(
                version=latest.number if latest else 0,
                holidays=holidays_of(latest.holidays) if latest else (),
                versions=tuple(calendar_versions(session)),
                may_edit=may(actor.roles, Action.EDIT_CALENDAR),
            )

    def propose_import(self, user: SignedInUser, base_version: int, path: Path) -> CalendarProposal:
        incoming = holidays_from_bytes(_read(path), path)
        if not incoming:
            raise InvalidInput(
                f"ไฟล์ {path.name} ไม่มีวันหยุดเลย จึงไม่ได้เปลี่ยนแปลงอะไร",
                f"The file {path.name} lists no holidays, so nothing was changed.",
            )
        years = {h.day.year for h in incoming}
        kept = [h for h in self.context.calendar.holidays if h.day.year not in years]
        note = f"{path.name}: " + ", ".join(str(y) for y in sorted(years))
        return self._propose(user, base_version, [*kept, *incoming], "import", note)

    def propose_holiday(
        self, user: SignedInUser, base_version: int, holiday: Holiday
    ) -> CalendarProposal:
        if not holiday.name_th.strip() or not holiday.name_en.strip():
            raise InvalidInput(
                "กรุณากรอกชื่อวันหยุดทั้งภาษาไทยและภาษาอังกฤษ",
                "Please enter the holiday's name in both Thai and English.",
            )
        others = [h for h in self.context.calendar.holidays if h.day != holiday.day]
        note = f"{holiday.day.isoformat()}: {holiday.name_en}"
        return self._propose(user, base_version, [*others, holiday], "form", note)

    def propose_removal(self, user: SignedInUser, base_version: int, day: date) -> CalendarProposal:
        kept = [h for h in self.context.calendar.holidays if h.day != day]
        return self._propose(user, base_version, kept, "form", f"{day.isoformat()}: removed")

    def _propose(
        self,
        user: SignedInUser,
        base: int,
        holidays: list[Holiday],
        source: str,
        note: str,
    ) -> CalendarProposal:
        actor = self.context.verified(Actor.from_user(user))
        require(actor, Action.EDIT_CALENDAR)
        current = self.context.calendar
        proposed = BusinessCalendar(current.hours, holidays, current.tz)
        before = set(current.holidays)
        after = set(proposed.holidays)
        with self.context.read() as session:
            moves = preview_moves(session, current, proposed, self.context.clock.now())
        return CalendarProposal(
            base_version=base,
            holidays=proposed.holidays,
            added=tuple(sorted(after - before, key=lambda h: h.day)),
            removed=tuple(sorted(before - after, key=lambda h: h.day)),
            moves=tuple(moves),
            source=source,
            note=note,
        )

    def save_calendar(self, user: SignedInUser, proposal: CalendarProposal) -> int:
        with self.context.unit_of_work(Actor.from_user(user)) as uow:
            calendar, _moves = apply_calendar(
                uow,
                self.context.calendar,
                proposal.holidays,
                source=proposal.source,
                note=proposal.note,
                base_version=proposal.base_version,
            )
            number = proposal.base_version + 1
        self.context.calendar = calendar
        return number


def _edited(spec: ServiceSpec, edit: ServiceEdit) -> ServiceSpec:
    # Strings from the form go in as they are: the checker says what is not allowed.
    changes: dict[str, Any] = {
        "name_th": edit.name_th,
        "name_en": edit.name_en,
        "sla_business_days": edit.sla_business_days,
        "ial": edit.ial,
        "risk_level": edit.risk_level,
        "validity_days": edit.validity_days,
        "lawful_basis": edit.lawful_basis,
        "purpose_th": edit.purpose_th,
        "purpose_en": edit.purpose_en,
        "fee": replace(spec.fee, amount_satang=edit.fee_satang, due=cast(Any, edit.fee_due)),
    }
    return replace(spec, **changes)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > _MAX_FILE:
            raise InvalidInput(
                f"ไฟล์ {path.name} ใหญ่เกินกว่าจะเป็นไฟล์รายการบริการหรือวันหยุด",
                f"The file {path.name} is too large to be a catalog or holiday file.",
            )
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"เปิดไฟล์ {path.name} ไม่ได้ ({exc.strerror or exc}) ตรวจว่ามีไฟล์และมีสิทธิ์อ่าน",
            f"Cannot open the file {path.name} ({exc.strerror or exc}). Check that it exists "
            "and can be read.",
            detail=repr(exc),
        ) from exc
