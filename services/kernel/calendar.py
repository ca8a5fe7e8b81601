"""The agency's business calendar: open hours, public holidays, deemed receipt and SLA clocks.

The DGA guidelines (draft) ask that anything received outside business days and hours is *deemed
received* at the next business opening (P1), that service levels are counted in business days
(P3), and that the SLA clock stops while the agency waits for the applicant.

All arithmetic happens on aware datetimes: moments go in and come out as aware UTC (a naive
value is taken as UTC, as in :func:`services.kernel.clock.utc`), while hours and holidays are
read in the calendar's zone (Asia/Bangkok). Durations count only *open time*, the time inside
business hours on business days; a "business day" of SLA is one full day of open hours
(:attr:`BusinessHours.day_length`).

Holidays are data (``resources/calendar/holidays_th.toml``), edited by the agency each year. A
year the data does not cover simply has no holidays; :func:`holiday_data_warning` says so, in
Thai and English, whenever the current year is missing and, from October, when next year is
(``anuyat doctor`` prints it; the window can show it).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from services.kernel.clock import BANGKOK, utc
from services.kernel.errors import InvalidInput

__all__ = [
    "DEFAULT_HOLIDAYS_PATH",
    "NEXT_YEAR_WARNING_MONTH",
    "BusinessHours",
    "Holiday",
    "BusinessCalendar",
    "HolidayDataWarning",
    "SlaState",
    "holiday_data_warning",
    "holidays_from_bytes",
]

DEFAULT_HOLIDAYS_PATH = (
    Path(__file__).resolve().parents[2] / "resources" / "calendar" / "holidays_th.toml"
)
"""The holiday list shipped with the program, edited by the agency."""


class SlaState(StrEnum):
    """Where an application stands against its due date (the list's badge)."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    PAUSED = "paused"  # waiting for the applicant: the clock stands still
    CLOSED = "closed"  # issued or closed: no clock any more


_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)
_ENTRY_KEYS = ("date", "name_th", "name_en")
_OPTIONAL_KEYS = ("confirmed",)
# A Buddhist Era year typed by mistake (2569 for 2026) is still a valid Python date.
_FIRST_SUSPICIOUS_YEAR = 2400


@dataclass(frozen=True)
class BusinessHours:
    """When the agency's counter is open, in the calendar's local zone."""

    opens: time = time(8, 30)
    """Opening time (naive, local). A moment exactly at opening is open."""
    closes: time = time(16, 30)
    """Closing time (naive, local). A moment exactly at closing is closed."""
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    """Working weekdays, Monday = 0 … Sunday = 6."""

    def __post_init__(self) -> None:
        if self.opens.tzinfo is not None or self.closes.tzinfo is not None:
            raise InvalidInput(
                "เวลาเปิด-ปิดทำการต้องเป็นเวลาท้องถิ่น ไม่ระบุเขตเวลา",
                "Opening and closing times must be local times without a time zone.",
            )
        if self.opens >= self.closes:
            raise InvalidInput(
                f"เวลาเปิดทำการ ({self.opens:%H:%M}) ต้องก่อนเวลาปิดทำการ ({self.closes:%H:%M}) "
                "กรุณาแก้ไขการตั้งค่าเวลาทำการ",
                f"The opening time ({self.opens:%H:%M}) must be before the closing time "
                f"({self.closes:%H:%M}). Please correct the business hours setting.",
            )
        if not self.workdays or not self.workdays <= frozenset(range(7)):
            raise InvalidInput(
                "วันทำการต้องมีอย่างน้อยหนึ่งวัน และเป็นเลข 0 (จันทร์) ถึง 6 (อาทิตย์) กรุณาแก้ไขการตั้งค่าวันทำการ",
                "Working days must list at least one weekday, numbered 0 (Monday) to "
                "6 (Sunday). Please correct the working days setting.",
            )

    @property
    def day_length(self) -> timedelta:
        """Open time in one business day: the unit of SLA "business days"."""
        day = date(2000, 1, 1)
        return datetime.combine(day, self.closes) - datetime.combine(day, self.opens)


@dataclass(frozen=True)
class Holiday:
    """A day the agency is closed although it is a working weekday (or a listed weekend day)."""

    day: date
    name_th: str
    name_en: str
    confirmed: bool = True
    """False while the date is announced or computed but not yet checked against the final
    announcement (a lunar holiday, Royal Ploughing Day): the calendar page flags it."""


class BusinessCalendar:
    """Business days and hours of one agency, and the clocks that run on them."""

    def __init__(
        self,
        hours: BusinessHours,
        holidays: Iterable[Holiday],
        tz: ZoneInfo = BANGKOK,
    ) -> None:
        self._hours = hours
        self._tz = tz
        self._holidays: dict[date, Holiday] = {}
        for holiday in holidays:
            if holiday.day in self._holidays:
                raise ValueError(f"holiday {holiday.day.isoformat()} is listed twice")
            self._holidays[holiday.day] = holiday
        # Each date's opening and closing, worked out once: a list page judges 200 rows'
        # SLA clocks, each walking the days to its due date (the calendar never changes: a
        # new holiday list is a new calendar).
        self._windows: dict[date, tuple[datetime, datetime] | None] = {}

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_toml(cls, path: Path, hours: BusinessHours | None = None) -> BusinessCalendar:
        """Load holidays from a TOML file of ``[[holiday]]`` blocks (date, name_th, name_en).

        Raises :class:`InvalidInput` naming the file, the entry and the problem when the file
        cannot be read or is not in the expected shape.
        """
        return cls(hours or BusinessHours(), _load_holidays(path))

    @classmethod
    def default(cls, hours: BusinessHours | None = None) -> BusinessCalendar:
        """The calendar with the holiday list shipped with the program."""
        return cls.from_toml(DEFAULT_HOLIDAYS_PATH, hours)

    # ------------------------------------------------------------------ facts

    @property
    def hours(self) -> BusinessHours:
        return self._hours

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    @property
    def holidays(self) -> tuple[Holiday, ...]:
        """All known holidays, earliest first."""
        return tuple(sorted(self._holidays.values(), key=lambda h: h.day))

    @property
    def covered_years(self) -> frozenset[int]:
        """Years with at least one holiday in the data; other years are assumed to have none."""
        return frozenset(day.year for day in self._holidays)

    @property
    def day_length(self) -> timedelta:
        """Open time in one business day."""
        return self._hours.day_length

    def holiday(self, d: date) -> Holiday | None:
        """The holiday on ``d``, if any."""
        return self._holidays.get(d)

    def is_business_day(self, d: date) -> bool:
        """``d`` is a working weekday and not a holiday."""
        return d.weekday() in self._hours.workdays and d not in self._holidays

    def is_open(self, moment: datetime) -> bool:
        """The counter is open at ``moment``: opening time inclusive, closing time exclusive."""
        local = utc(moment).astimezone(self._tz)
        return (
            self.is_business_day(local.date())
            and self._hours.opens <= local.time() < self._hours.closes
        )

    # ------------------------------------------------------------------ deemed receipt

    def deemed_received_at(self, received: datetime) -> datetime:
        """When something received at ``received`` counts as received (aware UTC).

        Inside business hours: unchanged. Before opening on a business day: that day's opening.
        After closing, or on a weekend or holiday: the opening of the next business day.
        """
        received = utc(received)
        d = self._local_date(received)
        while True:
            window = self._window(d)
            if window is not None:
                opens, closes = window
                if received < closes:
                    return max(opens, received)
            d += _ONE_DAY

    # ------------------------------------------------------------------ open-time arithmetic

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment when ``amount`` of open time has passed since ``start`` (aware UTC).

        Closed time is skipped; the result lies inside open hours or exactly at a closing time
        (one business day from an opening ends at that day's closing, not the next opening).
        """
        if amount < _ZERO:
            raise ValueError("amount of business time must not be negative")
        start = utc(start)
        if amount == _ZERO:
            return start
        remaining = amount
        d = self._local_date(start)
        # Day by day, never minute by minute: a 100-day SLA is ~140 iterations.
        while True:
            window = self._window(d)
            if window is not None:
                opens, closes = window
                begin = max(opens, start)
                if begin < closes:
                    available = closes - begin
                    if remaining <= available:
                        return begin + remaining
                    remaining -= available
            d += _ONE_DAY

    def business_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Open time between ``a`` and ``b``; zero when ``b`` is not after ``a``."""
        a, b = utc(a), utc(b)
        if b <= a:
            return _ZERO
        total = _ZERO
        d, last = self._local_date(a), self._local_date(b)
        while d <= last:
            window = self._window(d)
            if window is not None:
                begin, end = max(window[0], a), min(window[1], b)
                if end > begin:
                    total += end - begin
            d += _ONE_DAY
        return total

    # ------------------------------------------------------------------ SLA

    def sla_due_at(
        self,
        deemed_received: datetime,
        business_days: int,
        pauses: Sequence[tuple[datetime, datetime | None]] = (),
        now: datetime | None = None,
    ) -> datetime:
        """When an SLA of ``business_days`` runs out (aware UTC).

        The SLA clock runs only during open time after ``deemed_received`` and stops during
        ``pauses`` (waiting for the applicant), so the due moment moves later by the open time
        spent inside pauses that start before it. A pause whose end is ``None`` is still running
        and counts until ``now`` (required then): the result is the due moment if the applicant
        answered now. A pause starting after the due moment changes nothing: the case is late.
        """
        if business_days < 0:
            raise ValueError("business_days must not be negative")
        cursor = utc(deemed_received)
        remaining = self.day_length * business_days
        for begin, end in self._pause_intervals(pauses, now):
            if end <= cursor:
                continue
            if begin > cursor:
                running = self.business_time_between(cursor, begin)
                if running >= remaining:
                    break
                remaining -= running
            cursor = end
        return self.add_business_time(cursor, remaining)

    def business_days_left(self, due: datetime, now: datetime) -> float:
        """Open time from ``now`` to ``due`` in business days; negative once overdue."""
        due, now = utc(due), utc(now)
        if now <= due:
            return self.business_time_between(now, due) / self.day_length
        return -(self.business_time_between(due, now) / self.day_length)

    def sla_state(self, due: datetime, now: datetime, at_risk_days: float = 1.0) -> SlaState:
        """``overdue`` once ``now`` is past ``due`` (even outside hours), ``at_risk`` with at
        most ``at_risk_days`` business days left, else ``on_track``."""
        if utc(now) > utc(due):
            return SlaState.OVERDUE
        if self.business_days_left(due, now) <= at_risk_days:
            return SlaState.AT_RISK
        return SlaState.ON_TRACK

    # ------------------------------------------------------------------ helpers

    def _local_date(self, moment: datetime) -> date:
        return moment.astimezone(self._tz).date()

    def _window(self, d: date) -> tuple[datetime, datetime] | None:
        """Opening and closing of ``d`` in UTC, or ``None`` when ``d`` is not a business day."""
        try:
            return self._windows[d]
        except KeyError:
            pass
        window: tuple[datetime, datetime] | None = None
        if self.is_business_day(d):
            opens = datetime.combine(d, self._hours.opens, tzinfo=self._tz).astimezone(UTC)
            closes = datetime.combine(d, self._hours.closes, tzinfo=self._tz).astimezone(UTC)
            window = (opens, closes)
        self._windows[d] = window
        return window

    @staticmethod
    def _pause_intervals(
        pauses: Sequence[tuple[datetime, datetime | None]], now: datetime | None
    ) -> list[tuple[datetime, datetime]]:
        intervals: list[tuple[datetime, datetime]] = []
        for begin, end in pauses:
            if end is None:
                if now is None:
                    raise ValueError("a pause that has not ended needs `now`")
                end = now
            begin, end = utc(begin), utc(end)
            if end < begin:
                raise ValueError(f"pause ends ({end.isoformat()}) before it starts")
            intervals.append((begin, end))
        intervals.sort()
        return intervals


# ---------------------------------------------------------------------- is the data there?

NEXT_YEAR_WARNING_MONTH = 10
"""From this month on, a missing next year is warned about (the Cabinet announces in autumn)."""

_BE_OFFSET = 543


@dataclass(frozen=True)
class HolidayDataWarning:
    """Years the holiday list does not cover although they matter now."""

    missing_years: tuple[int, ...]
    current_year_missing: bool
    """True when even today's year is missing: SLA dates are already being computed wrongly."""
    th: str
    en: str


def holiday_data_warning(calendar: BusinessCalendar, today: date) -> HolidayDataWarning | None:
    """A bilingual warning when the holiday data lacks this year, or next year from October.

    Without a year's holidays every weekday of it counts as a business day, so SLA due dates
    and deemed-received times come out too early. ``None`` when nothing is missing.
    """
    covered = calendar.covered_years
    current_missing = today.year not in covered
    missing = [today.year] if current_missing else []
    if today.month >= NEXT_YEAR_WARNING_MONTH and today.year + 1 not in covered:
        missing.append(today.year + 1)
    if not missing:
        return None
    years_th = " และ ".join(f"พ.ศ. {y + _BE_OFFSET} (ค.ศ. {y})" for y in missing)
    years_en = " and ".join(f"{y} (B.E. {y + _BE_OFFSET})" for y in missing)
    if current_missing:
        effect_th = "ขณะนี้กำหนดเสร็จตาม SLA และเวลาที่ถือว่าได้รับคำขอจึงนับวันหยุดราชการเป็นวันทำการ"
        effect_en = (
            "SLA due dates and deemed-received times are already counting that year's "
            "holidays as business days"
        )
    else:
        effect_th = "เมื่อถึงปีนั้น กำหนดเสร็จตาม SLA จะนับวันหยุดราชการเป็นวันทำการ"
        effect_en = "once it starts, SLA due dates would count its holidays as business days"
    return HolidayDataWarning(
        missing_years=tuple(missing),
        current_year_missing=current_missing,
        th=(
            f"รายการวันหยุดราชการยังไม่มีปี {years_th} — {effect_th} "
            "ให้ผู้ดูแลระบบเพิ่มวันหยุดตามประกาศคณะรัฐมนตรี "
            "ที่หน้า 'รายการบริการและวันหยุด' แถบ 'วันหยุด' (Alt+K)"
        ),
        en=(
            f"The list of government holidays has nothing for {years_en}: {effect_en}. "
            "Ask the administrator to add that year's holidays from the Cabinet's announcement "
            "on the 'Catalog and holidays' page, 'Holidays' tab (Alt+K)."
        ),
    )


# ---------------------------------------------------------------------- loading the data

_TODO_TH = "กรุณาแก้ไขไฟล์ตามคำอธิบายที่หัวไฟล์ หรือขอไฟล์ต้นฉบับจากผู้ดูแลระบบ"
_TODO_EN = (
    "Please correct the file as described in its header comment, "
    "or ask the administrator for the original file."
)


def _broken(
    path: Path, problem_th: str, problem_en: str, detail: str | None = None
) -> InvalidInput:
    return InvalidInput(
        f"ไฟล์วันหยุด {path} ไม่ถูกต้อง: {problem_th} {_TODO_TH}",
        f"The holiday file {path} is not valid: {problem_en}. {_TODO_EN}",
        detail=detail or f"{path}: {problem_en}",
    )


def _load_holidays(path: Path) -> list[Holiday]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"เปิดไฟล์วันหยุด {path} ไม่ได้ ({exc.strerror or exc}) "
            "กรุณาตรวจสอบว่ามีไฟล์นี้และอ่านได้ หรือขอไฟล์จากผู้ดูแลระบบ",
            f"Cannot open the holiday file {path} ({exc.strerror or exc}). "
            "Please check that the file exists and can be read, or ask the administrator for it.",
            detail=repr(exc),
        ) from exc
    return holidays_from_bytes(raw, path)


def holidays_from_bytes(raw: bytes, path: Path) -> list[Holiday]:
    """The holidays of a holiday file's content (``path`` names it in the messages); raises
    :class:`InvalidInput` saying which entry is wrong and how, before anything is used."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        where_th = f" ที่บรรทัด {found.group(1)}" if found else ""
        raise _broken(
            path,
            f"เขียนผิดรูปแบบ TOML{where_th} ({exc})",
            f"it is not valid TOML ({exc})",
            detail=repr(exc),
        ) from exc

    unknown = sorted(set(data) - {"holiday"})
    if unknown:
        raise _broken(
            path,
            f"มีหัวข้อที่ไม่รู้จัก {', '.join(unknown)} (ใช้ได้เฉพาะ [[holiday]])",
            f"unknown top-level key(s) {', '.join(unknown)} (only [[holiday]] is allowed)",
        )
    entries = data.get("holiday")
    if entries is None:
        raise _broken(
            path,
            "ไม่พบรายการ [[holiday]] เลย (ถ้าไม่มีวันหยุดจริง ให้เขียน holiday = [])",
            "it has no [[holiday]] entries (write holiday = [] if there really are none)",
        )
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _broken(
            path,
            "holiday ต้องเป็นรายการแบบ [[holiday]]",
            "holiday must be a list of [[holiday]] blocks",
        )

    holidays: list[Holiday] = []
    seen: dict[date, int] = {}
    for number, entry in enumerate(entries, start=1):
        holiday = _parse_entry(path, number, entry)
        if holiday.day in seen:
            raise _broken(
                path,
                f"รายการที่ {number}: วันที่ {holiday.day.isoformat()} ซ้ำกับรายการที่ "
                f"{seen[holiday.day]} ให้รวมเป็นรายการเดียว",
                f"entry {number}: the date {holiday.day.isoformat()} is already listed in "
                f"entry {seen[holiday.day]}; merge them into one entry",
            )
        seen[holiday.day] = number
        holidays.append(holiday)
    return holidays


def _parse_entry(path: Path, number: int, entry: Mapping[str, object]) -> Holiday:
    raw_date = entry.get("date")
    label = f" ({raw_date})" if raw_date is not None else ""
    where_th = f"รายการที่ {number}{label}"
    where_en = f"entry {number}{label}"

    unknown = sorted(set(entry) - set(_ENTRY_KEYS) - set(_OPTIONAL_KEYS))
    if unknown:
        raise _broken(
            path,
            f"{where_th}: มีช่องที่ไม่รู้จัก {', '.join(unknown)} "
            "(ใช้ได้เฉพาะ date, name_th, name_en, confirmed)",
            f"{where_en}: unknown key(s) {', '.join(unknown)} "
            "(only date, name_th, name_en, confirmed are allowed)",
        )
    confirmed = entry.get("confirmed", True)
    if not isinstance(confirmed, bool):
        raise _broken(
            path,
            f"{where_th}: confirmed ต้องเป็น true หรือ false (ไม่มีเครื่องหมายคำพูด)",
            f"{where_en}: confirmed must be true or false (without quotes)",
        )
    for key in _ENTRY_KEYS:
        if key not in entry:
            raise _broken(path, f"{where_th}: ไม่มีช่อง {key}", f"{where_en}: {key} is missing")

    day = _parse_day(raw_date)
    if day is None:
        raise _broken(
            path,
            f"{where_th}: วันที่ไม่ถูกต้อง ต้องเขียนเป็น ปี-เดือน-วัน แบบ ค.ศ. เช่น 2026-04-13",
            f"{where_en}: the date is not valid; write it as year-month-day in the Common Era, "
            "e.g. 2026-04-13",
        )
    if day.year >= _FIRST_SUSPICIOUS_YEAR:
        raise _broken(
            path,
            f"{where_th}: ปี {day.year} ดูเหมือนเป็น พ.ศ. ให้ใช้ปี ค.ศ. (ลบ 543) เช่น {day.year - 543}",
            f"{where_en}: the year {day.year} looks like a Buddhist Era year; use the Common "
            f"Era year (subtract 543), e.g. {day.year - 543}",
        )

    names: dict[str, str] = {}
    for key in ("name_th", "name_en"):
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise _broken(
                path,
                f"{where_th}: {key} ต้องเป็นข้อความที่ไม่ว่าง ในเครื่องหมายคำพูด",
                f"{where_en}: {key} must be non-empty text in quotes",
            )
        names[key] = value.strip()
    return Holiday(day=day, name_th=names["name_th"], name_en=names["name_en"], confirmed=confirmed)


def _parse_day(value: object) -> date | None:
    """A TOML local date, or an ISO ``YYYY-MM-DD`` string; ``None`` for anything else."""
    if isinstance(value, datetime):  # a date with a time is a mistake, not a day
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
