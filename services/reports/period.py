"""The dates a report covers: whole local days, the first and last included.

Reports count by the agency's calendar day (Asia/Bangkok), so a request that arrived at
23:59 on the last day of the month belongs to that month even though, being after hours,
it is *deemed* received the next business morning. :meth:`ReportPeriod.bounds` turns the
days into the half-open range of UTC moments ``[start, end)`` the SQL compares with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.kernel.clock import BANGKOK, utc
from services.kernel.errors import InvalidInput
from services.kernel.thai_dates import format_english_date, format_thai_date

__all__ = ["MAX_DAYS", "ReportPeriod", "last_month", "parse_day"]

MAX_DAYS = 3 * 366
"""The longest range a report or an audit search may cover (three years)."""


@dataclass(frozen=True)
class ReportPeriod:
    """``first`` to ``last``, both days included, as the agency's calendar counts them."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(
                f"วันสิ้นสุด ({format_thai_date(self.last)}) อยู่ก่อนวันเริ่มต้น "
                f"({format_thai_date(self.first)}) — กรุณาเลือกช่วงวันที่ใหม่",
                f"The end date ({format_english_date(self.last)}) is before the start date "
                f"({format_english_date(self.first)}). Please choose the dates again.",
            )
        if (self.last - self.first).days + 1 > MAX_DAYS:
            raise InvalidInput(
                "ช่วงวันที่ยาวเกินไป (ไม่เกิน 3 ปี) — กรุณาเลือกช่วงที่สั้นลง",
                "The date range is too long (three years at most). Please choose a shorter one.",
            )

    def bounds(self, tz: ZoneInfo = BANGKOK) -> tuple[datetime, datetime]:
        """``[start, end)`` in aware UTC: local midnight of ``first`` to that after ``last``."""
        start = datetime.combine(self.first, time(0), tzinfo=tz)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=tz)
        return utc(start), utc(end)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def label_th(self) -> str:
        return f"{format_thai_date(self.first)} ถึง {format_thai_date(self.last)}"

    def label_en(self) -> str:
        return f"{format_english_date(self.first)} to {format_english_date(self.last)}"


def last_month(now: datetime, tz: ZoneInfo = BANGKOK) -> ReportPeriod:
    """The calendar month before the one ``now`` falls in, in the agency's zone."""
    today = utc(now).astimezone(tz).date()
    last = today.replace(day=1) - timedelta(days=1)
    return ReportPeriod(last.replace(day=1), last)


def parse_day(text: str, what_th: str, what_en: str) -> date:
    """``YYYY-MM-DD`` (Common Era) as typed on the command line; a clear message otherwise."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidInput(
            f"{what_th} “{text}” ไม่ใช่วันที่ — พิมพ์เป็น ปี-เดือน-วัน แบบ ค.ศ. เช่น 2026-11-30",
            f"{what_en} “{text}” is not a date. Type it as year-month-day (Common Era), "
            "for example 2026-11-30.",
        ) from exc
    if day.year > 2400:
        # A Buddhist Era year (2569) is still a valid date, a long way in the future.
        raise InvalidInput(
            f"{what_th} {text} ใช้ปี พ.ศ. — กรุณาใช้ปี ค.ศ. (พ.ศ. ลบ 543) เช่น 2026-11-30",
            f"{what_en} {text} has a Buddhist Era year. Use the Common Era year "
            "(B.E. minus 543), for example 2026-11-30.",
        )
    return day
