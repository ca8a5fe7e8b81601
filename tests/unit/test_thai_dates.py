from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.kernel.clock import BANGKOK
from services.kernel.thai_dates import (
    ENGLISH_MONTHS,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    be_year,
    format_english_date,
    format_thai_date,
)


def test_month_tables_have_twelve_months() -> None:
    assert len(THAI_MONTHS) == len(THAI_MONTHS_SHORT) == len(ENGLISH_MONTHS) == 12
    assert THAI_MONTHS[10] == "พฤศจิกายน"
    assert THAI_MONTHS_SHORT[10] == "พ.ย."


def test_be_year_of_a_date() -> None:
    assert be_year(date(2026, 11, 27)) == 2569
    assert be_year(date(2027, 1, 4)) == 2570


def test_be_year_of_a_moment_counts_in_bangkok() -> None:
    # 31 Dec 2026 20:00 UTC is already 1 Jan 2027 03:00 in Bangkok.
    assert be_year(datetime(2026, 12, 31, 20, 0, tzinfo=UTC)) == 2570


def test_thai_date_full() -> None:
    assert format_thai_date(date(2026, 11, 27)) == "27 พฤศจิกายน 2569"


def test_thai_date_short_with_time() -> None:
    moment = datetime(2026, 11, 27, 14, 5, tzinfo=BANGKOK)
    assert format_thai_date(moment, with_time=True, short=True) == "27 พ.ย. 2569 เวลา 14:05 น."
    assert format_thai_date(moment, with_time=True) == "27 พฤศจิกายน 2569 เวลา 14:05 น."


def test_thai_date_in_january_2027_is_2570() -> None:
    assert format_thai_date(datetime(2027, 1, 4, 9, 0, tzinfo=BANGKOK)) == "4 มกราคม 2570"


def test_utc_moment_is_shown_in_bangkok_time() -> None:
    moment = datetime(2026, 11, 27, 7, 5, tzinfo=UTC)  # 14:05 in Bangkok
    assert format_thai_date(moment, with_time=True, short=True) == "27 พ.ย. 2569 เวลา 14:05 น."
    assert format_english_date(moment, with_time=True) == "27 November 2026, 14:05"


def test_naive_moment_is_taken_as_utc() -> None:
    assert format_english_date(datetime(2026, 12, 31, 20, 0), with_time=True) == (
        "1 January 2027, 03:00"
    )


def test_english_date() -> None:
    moment = datetime(2026, 11, 27, 14, 5, tzinfo=BANGKOK)
    assert format_english_date(moment) == "27 November 2026"
    assert format_english_date(moment, with_time=True) == "27 November 2026, 14:05"
    assert format_english_date(moment, short=True) == "27 Nov 2026"


def test_time_of_a_plain_date_is_refused() -> None:
    with pytest.raises(ValueError):
        format_thai_date(date(2026, 11, 27), with_time=True)
