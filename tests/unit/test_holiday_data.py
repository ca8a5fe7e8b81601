"""The holiday list: what it holds, and the warning when a year that matters is missing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.kernel.calendar import (
    BusinessCalendar,
    BusinessHours,
    Holiday,
    holiday_data_warning,
)
from services.kernel.clock import BANGKOK, FixedClock


def _calendar(*years: int) -> BusinessCalendar:
    return BusinessCalendar(
        BusinessHours(), [Holiday(date(y, 1, 1), "วันขึ้นปีใหม่", "New Year's Day") for y in years]
    )


def _today(clock: FixedClock) -> date:
    return clock.now().astimezone(BANGKOK).date()


def test_shipped_list_has_the_special_holiday_and_royal_ploughing_day() -> None:
    thai = BusinessCalendar.default()
    special = thai.holiday(date(2026, 1, 2))
    assert special is not None and "พิเศษ" in special.name_th
    ploughing = [h for h in thai.holidays if h.name_th == "วันพืชมงคล"]
    assert [h.day.year for h in ploughing] == [2026]
    assert not thai.is_business_day(date(2026, 1, 2))


def test_no_warning_before_october_when_this_year_is_there() -> None:
    clock = FixedClock(datetime(2026, 9, 30, 16, 59, tzinfo=UTC))  # 23:59 in Bangkok
    assert holiday_data_warning(_calendar(2026), _today(clock)) is None


def test_from_october_next_year_is_warned_about() -> None:
    clock = FixedClock(datetime(2026, 9, 30, 17, 0, tzinfo=UTC))  # 1 October, 00:00 Bangkok
    warning = holiday_data_warning(_calendar(2026), _today(clock))
    assert warning is not None
    assert warning.missing_years == (2027,) and not warning.current_year_missing
    assert "พ.ศ. 2570 (ค.ศ. 2027)" in warning.th and "ประกาศคณะรัฐมนตรี" in warning.th
    assert "2027 (B.E. 2570)" in warning.en and "Cabinet" in warning.en


def test_next_year_present_means_no_warning_in_december() -> None:
    assert holiday_data_warning(_calendar(2026, 2027), date(2026, 12, 31)) is None


def test_a_missing_current_year_is_always_warned_about() -> None:
    warning = holiday_data_warning(_calendar(2026), date(2027, 1, 4))
    assert warning is not None
    assert warning.current_year_missing and warning.missing_years == (2027,)
    assert "already" in warning.en and "ขณะนี้" in warning.th


def test_late_in_a_missing_year_both_years_are_named() -> None:
    warning = holiday_data_warning(_calendar(), date(2027, 11, 1))
    assert warning is not None
    assert warning.missing_years == (2027, 2028)
    assert "2027 (B.E. 2570) and 2028 (B.E. 2571)" in warning.en


@pytest.mark.parametrize("today", [date(2026, 12, 5), date(2027, 9, 30)])
def test_the_shipped_list_needs_no_warning_now(today: date) -> None:
    assert holiday_data_warning(BusinessCalendar.default(), today) is None
