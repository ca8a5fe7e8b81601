"""The report's dates and durations: local days, Buddhist-year typos, the nearest-rank P90,
business days without the wait for the applicant."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput
from services.reports import ReportPeriod, last_month, parse_day
from services.reports.durations import business_days_taken, mean, percentile


def test_a_period_is_whole_bangkok_days() -> None:
    start, end = ReportPeriod(date(2026, 10, 1), date(2026, 10, 31)).bounds()
    assert start == datetime(2026, 9, 30, 17, 0, tzinfo=UTC)  # 1 Oct 00:00 in Bangkok
    assert end == datetime(2026, 10, 31, 17, 0, tzinfo=UTC)  # 1 Nov 00:00 in Bangkok


def test_last_month_crosses_the_year() -> None:
    period = last_month(datetime(2027, 1, 1, 0, 5, tzinfo=BANGKOK))
    assert (period.first, period.last) == (date(2026, 12, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("typed", "words"),
    [("2569-10-01", "Buddhist Era"), ("1/10/2026", "year-month-day"), ("", "is not a date")],
)
def test_a_mistyped_day_is_explained(typed: str, words: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_day(typed, "วันเริ่มต้น", "The start date")
    assert words in refused.value.en and refused.value.th


def test_a_range_longer_than_three_years_is_refused() -> None:
    with pytest.raises(InvalidInput):
        ReportPeriod(date(2020, 1, 1), date(2026, 1, 1))


def test_the_90th_percentile_is_one_requests_own_time() -> None:
    values = [float(n) for n in range(1, 11)]  # 1 … 10
    assert percentile(values, 0.9) == 9.0  # nearest rank: the 9th of 10
    assert percentile([4.5], 0.9) == 4.5
    assert percentile([], 0.9) is None and mean([]) is None
    assert mean([1.0, 2.0]) == 1.5


def test_business_days_leave_out_the_wait_for_the_applicant() -> None:
    calendar = BusinessCalendar.default()
    monday = datetime(2026, 11, 2, 8, 30, tzinfo=BANGKOK)
    next_monday = datetime(2026, 11, 9, 8, 30, tzinfo=BANGKOK)
    assert business_days_taken(calendar, monday, next_monday) == pytest.approx(5.0)
    # Waiting Tuesday 08:30 to Thursday 08:30 (two business days) is not the agency's time;
    # a pause still open at the end counts only up to the end.
    tuesday = datetime(2026, 11, 3, 8, 30, tzinfo=BANGKOK)
    thursday = datetime(2026, 11, 5, 8, 30, tzinfo=BANGKOK)
    assert business_days_taken(
        calendar, monday, next_monday, [(tuesday, thursday)]
    ) == pytest.approx(3.0)
    assert business_days_taken(calendar, monday, thursday, [(tuesday, None)]) == pytest.approx(1.0)
