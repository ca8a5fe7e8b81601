"""The holiday calendar as the store keeps it: numbered versions of the whole list.

The holiday file (``resources/calendar/holidays_th.toml``, or the one named in the settings)
seeds the store the first time a profile opens; from then on the store's latest version is
the calendar, changed in the window by the administrator (a year imported from the Cabinet's
announcement, a day added, a date confirmed) or by a changed file named in the settings.
Each change is a :class:`~models.CalendarVersion` with an event; the requests whose due
dates it moved are listed on it (:mod:`services.cases.sla_moves` moves them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import CalendarVersion
from services.access.table import Action, require
from services.kernel.calendar import Holiday, holidays_from_bytes
from services.kernel.errors import AnuyatError
from services.kernel.unit_of_work import UnitOfWork

__all__ = [
    "CalendarChanged",
    "CalendarVersionInfo",
    "ChangedFile",
    "calendar_versions",
    "changed_holiday_file",
    "holiday_rows",
    "holidays_of",
    "latest_calendar",
    "record_calendar",
    "seed_calendar",
]


class CalendarChanged(AnuyatError):
    """Another change of the holidays was saved since this one was started."""

    code = "calendar_changed"

    def __init__(self, base: int, now: int) -> None:
        super().__init__(
            f"มีผู้บันทึกการแก้ไขวันหยุดไปก่อนแล้ว (ฉบับที่ {now} แทนฉบับที่ {base} ที่เปิดไว้) "
            "จึงยังไม่ได้บันทึกการแก้ไขนี้ ให้เปิดหน้าวันหยุดใหม่แล้วทำอีกครั้ง",
            f"Someone else saved a change of the holidays first (version {now}; you started "
            f"from version {base}), so this change was not saved. Reopen the holidays and "
            "make the change again.",
            detail=f"calendar version moved from {base} to {now}",
        )


@dataclass(frozen=True, slots=True)
class CalendarVersionInfo:
    number: int
    created_at: datetime
    created_by: str
    source: str
    note: str
    moved: tuple[str, ...]


def holiday_rows(holidays: Iterable[Holiday]) -> list[dict[str, Any]]:
    """JSON-ready rows, earliest first."""
    return [
        {
            "date": h.day.isoformat(),
            "name_th": h.name_th,
            "name_en": h.name_en,
            "confirmed": h.confirmed,
        }
        for h in sorted(holidays, key=lambda h: h.day)
    ]


def holidays_of(rows: Iterable[dict[str, Any]]) -> tuple[Holiday, ...]:
    return tuple(
        Holiday(
            day=date.fromisoformat(r["date"]),
            name_th=r["name_th"],
            name_en=r["name_en"],
            confirmed=bool(r.get("confirmed", True)),
        )
        for r in rows
    )


def latest_calendar(session: Session) -> CalendarVersion | None:
    return session.scalars(
        select(CalendarVersion).order_by(CalendarVersion.number.desc()).limit(1)
    ).first()


def record_calendar(
    uow: UnitOfWork,
    holidays: Iterable[Holiday],
    *,
    source: str,
    note: str,
    base_version: int | None,
    moved: Iterable[str] = (),
    source_sha256: str = "",
) -> int:
    """Save ``holidays`` as the next calendar version (with an event); returns its number.

    ``base_version``: the version the change was made from; if another was saved since,
    :class:`CalendarChanged` is raised and nothing changes.
    """
    require(uow.actor, Action.EDIT_CALENDAR)
    current = int(uow.session.scalar(select(func.max(CalendarVersion.number))) or 0)
    if base_version is not None and base_version != current:
        raise CalendarChanged(base_version, current)
    rows = holiday_rows(holidays)
    moved_list = sorted(moved)
    number = current + 1
    uow.session.add(
        CalendarVersion(
            number=number,
            created_at=uow.now,
            created_by=uow.actor.label,
            source=source,
            source_sha256=source_sha256,
            note=note[:500],
            holidays=rows,
            moved=moved_list,
        )
    )
    try:
        # The number is the primary key: of two changes saved at once from the same version,
        # the second fails here on SQLite and PostgreSQL alike.
        uow.session.flush()
    except IntegrityError as exc:
        raise CalendarChanged(current, number) from exc
    uow.record(
        "calendar.version_created",
        "calendar_version",
        str(number),
        {
            "number": number,
            "source": source,
            "note": note[:500],
            "holidays": len(rows),
            "years": sorted({r["date"][:4] for r in rows}),
            "moved": moved_list,
        },
    )
    return number


def seed_calendar(uow: UnitOfWork, path: Path) -> tuple[Holiday, ...]:
    """The store's calendar, seeded from the holiday file the first time the profile opens."""
    latest = latest_calendar(uow.session)
    if latest is not None:
        return holidays_of(latest.holidays)
    raw = path.read_bytes()
    holidays = holidays_from_bytes(raw, path)
    record_calendar(
        uow,
        holidays,
        source="file",
        note=path.name,
        base_version=None,
        source_sha256=hashlib.sha256(raw).hexdigest(),
    )
    return tuple(holidays)


@dataclass(frozen=True, slots=True)
class ChangedFile:
    """A holiday file named in the settings whose content the store has not taken yet."""

    holidays: tuple[Holiday, ...]
    sha256: str
    base_version: int


def changed_holiday_file(session: Session, path: Path) -> ChangedFile | None:
    """The file's holidays when this content was never taken and differs from the calendar
    in force; None otherwise (an edit made since in the window is then not undone)."""
    latest = latest_calendar(session)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if session.scalar(select(func.count()).where(CalendarVersion.source_sha256 == digest)):
        return None
    holidays = holidays_from_bytes(raw, path)
    if latest is not None and holiday_rows(holidays) == latest.holidays:
        return None
    return ChangedFile(tuple(holidays), digest, latest.number if latest else 0)


def calendar_versions(session: Session, limit: int = 50) -> list[CalendarVersionInfo]:
    rows = session.scalars(
        select(CalendarVersion).order_by(CalendarVersion.number.desc()).limit(limit)
    )
    return [
        CalendarVersionInfo(
            number=r.number,
            created_at=r.created_at,
            created_by=r.created_by,
            source=r.source,
            note=r.note,
            moved=tuple(r.moved or ()),
        )
        for r in rows
    ]
