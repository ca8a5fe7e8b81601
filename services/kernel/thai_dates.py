"""Dates as Thai officials write them: Buddhist Era years, Thai month names, Bangkok time.

Stored moments are aware UTC; everything shown to people is in Asia/Bangkok. A naive
``datetime`` is taken as UTC (the same rule as :func:`services.kernel.clock.utc`), because that
is how stored values come back from some databases. A plain ``date`` is a calendar day and is
shown as is.
"""

from __future__ import annotations

from datetime import date, datetime

from services.kernel.clock import BANGKOK, utc

__all__ = [
    "BE_OFFSET",
    "THAI_MONTHS",
    "THAI_MONTHS_SHORT",
    "ENGLISH_MONTHS",
    "ENGLISH_MONTHS_SHORT",
    "be_year",
    "format_thai_date",
    "format_english_date",
]

BE_OFFSET = 543
"""Years between the Common Era and the Buddhist Era as used in Thailand (2026 CE = 2569 BE)."""

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
"""Full Thai month names, January first (index ``month - 1``)."""

THAI_MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
"""Abbreviated Thai month names as in official letters, January first."""

# Spelled out rather than taken from ``calendar.month_name``, which follows the process locale.
ENGLISH_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Full English month names, January first."""

ENGLISH_MONTHS_SHORT: tuple[str, ...] = tuple(name[:3] for name in ENGLISH_MONTHS)
"""Three-letter English month names, January first."""


def _local(moment: date | datetime) -> date | datetime:
    """A datetime moved to Bangkok time; a plain date unchanged."""
    if isinstance(moment, datetime):
        return utc(moment).astimezone(BANGKOK)
    return moment


def be_year(moment: date | datetime) -> int:
    """The Buddhist Era year of ``moment`` (CE + 543); a datetime counts in Bangkok time."""
    return _local(moment).year + BE_OFFSET


def _time_of(local: date | datetime, with_time: bool) -> datetime | None:
    if not with_time:
        return None
    if not isinstance(local, datetime):
        raise ValueError("with_time=True needs a datetime, not a date")
    return local


def format_thai_date(moment: date | datetime, with_time: bool = False, short: bool = False) -> str:
    """``moment`` in Thai with a Buddhist Era year, in Bangkok time.

    ``"27 พฤศจิกายน 2569"``, or with ``short=True`` and ``with_time=True``
    ``"27 พ.ย. 2569 เวลา 14:05 น."``.
    """
    local = _local(moment)
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{local.day} {months[local.month - 1]} {local.year + BE_OFFSET}"
    clock = _time_of(local, with_time)
    if clock is not None:
        text += f" เวลา {clock:%H:%M} น."
    return text


def format_english_date(
    moment: date | datetime, with_time: bool = False, short: bool = False
) -> str:
    """``moment`` in English with a Common Era year, in Bangkok time.

    ``"27 November 2026"``, or with ``short=True`` and ``with_time=True`` ``"27 Nov 2026, 14:05"``.
    """
    local = _local(moment)
    months = ENGLISH_MONTHS_SHORT if short else ENGLISH_MONTHS
    text = f"{local.day} {months[local.month - 1]} {local.year}"
    clock = _time_of(local, with_time)
    if clock is not None:
        text += f", {clock:%H:%M}"
    return text
