from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from services.kernel.calendar import BusinessCalendar, BusinessHours, Holiday
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput

THAI = re.compile("[\u0e00-\u0e7f]")


def bkk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BANGKOK)


def local(moment: datetime) -> datetime:
    assert moment.tzinfo is UTC, "the calendar hands out aware UTC datetimes"
    return moment.astimezone(BANGKOK)


@pytest.fixture
def plain() -> BusinessCalendar:
    """Mon–Fri 08:30–16:30 with no holidays at all."""
    return BusinessCalendar(BusinessHours(), [])


@pytest.fixture(scope="module")
def thai() -> BusinessCalendar:
    """The calendar with the shipped Thai holiday list."""
    return BusinessCalendar.default()


# ---------------------------------------------------------------------- deemed receipt


def test_friday_after_closing_is_deemed_monday_opening(plain: BusinessCalendar) -> None:
    # 27 Nov 2026 is a Friday.
    assert local(plain.deemed_received_at(bkk(2026, 11, 27, 17, 45))) == bkk(2026, 11, 30, 8, 30)


def test_friday_exactly_at_closing_is_deemed_monday_opening(plain: BusinessCalendar) -> None:
    assert local(plain.deemed_received_at(bkk(2026, 11, 27, 16, 30))) == bkk(2026, 11, 30, 8, 30)


def test_exactly_at_opening_is_unchanged(plain: BusinessCalendar) -> None:
    assert local(plain.deemed_received_at(bkk(2026, 11, 25, 8, 30))) == bkk(2026, 11, 25, 8, 30)


def test_inside_hours_is_unchanged(plain: BusinessCalendar) -> None:
    moment = datetime(2026, 11, 25, 16, 29, 59, tzinfo=BANGKOK)
    assert plain.deemed_received_at(moment) == moment


def test_before_opening_is_deemed_same_day_opening(plain: BusinessCalendar) -> None:
    assert local(plain.deemed_received_at(bkk(2026, 11, 25, 6, 10))) == bkk(2026, 11, 25, 8, 30)


def test_saturday_is_deemed_monday_opening(plain: BusinessCalendar) -> None:
    assert local(plain.deemed_received_at(bkk(2026, 11, 28, 11, 0))) == bkk(2026, 11, 30, 8, 30)


def test_utc_input_gives_utc_output(plain: BusinessCalendar) -> None:
    # 2026-11-27 10:00 UTC is Friday 17:00 in Bangkok, after closing.
    deemed = plain.deemed_received_at(datetime(2026, 11, 27, 10, 0, tzinfo=UTC))
    assert deemed == datetime(2026, 11, 30, 1, 30, tzinfo=UTC)
    assert deemed.tzinfo is UTC


def test_eve_of_songkran_is_deemed_after_the_long_holiday(thai: BusinessCalendar) -> None:
    # Fri 10 Apr 2026 evening; weekend, then Songkran Mon 13 – Wed 15 Apr.
    assert local(thai.deemed_received_at(bkk(2026, 4, 10, 18, 0))) == bkk(2026, 4, 16, 8, 30)


def test_chakri_day_after_a_weekend(thai: BusinessCalendar) -> None:
    # Fri 3 Apr 2026 evening; weekend, then Chakri Day on Mon 6 Apr.
    assert local(thai.deemed_received_at(bkk(2026, 4, 3, 16, 45))) == bkk(2026, 4, 7, 8, 30)


def test_new_years_eve_evening_rolls_into_the_new_year(thai: BusinessCalendar) -> None:
    # Thu 31 Dec 2026 and Fri 1 Jan 2027 are holidays; Mon 4 Jan 2027 is the next business day.
    assert local(thai.deemed_received_at(bkk(2026, 12, 31, 19, 0))) == bkk(2027, 1, 4, 8, 30)
    assert local(thai.deemed_received_at(bkk(2026, 12, 30, 17, 0))) == bkk(2027, 1, 4, 8, 30)


def test_agency_specific_hours() -> None:
    saturday_counter = BusinessCalendar(
        BusinessHours(opens=time(9, 0), closes=time(12, 0), workdays=frozenset({1, 5})), []
    )
    # Wed 25 Nov 2026 → next workday is Sat 28 Nov (Tuesday and Saturday only).
    deemed = saturday_counter.deemed_received_at(bkk(2026, 11, 25, 10, 0))
    assert local(deemed) == bkk(2026, 11, 28, 9, 0)


# ---------------------------------------------------------------------- days and hours


def test_is_open_includes_opening_and_excludes_closing(plain: BusinessCalendar) -> None:
    assert plain.is_open(bkk(2026, 11, 25, 8, 30))
    assert plain.is_open(bkk(2026, 11, 25, 16, 29))
    assert not plain.is_open(bkk(2026, 11, 25, 16, 30))
    assert not plain.is_open(bkk(2026, 11, 25, 8, 29))
    assert not plain.is_open(bkk(2026, 11, 28, 10, 0))  # Saturday


def test_holidays_from_the_shipped_list(thai: BusinessCalendar) -> None:
    songkran = thai.holiday(date(2026, 4, 14))
    assert songkran is not None
    assert songkran.name_en == "Songkran Festival"
    assert THAI.search(songkran.name_th)
    assert not thai.is_business_day(date(2026, 4, 14))
    assert thai.is_business_day(date(2026, 4, 16))
    assert thai.holiday(date(2026, 4, 16)) is None
    assert not thai.is_business_day(date(2026, 12, 7))  # substitution for Sat 5 Dec


def test_shipped_list_covers_2026_and_2027(thai: BusinessCalendar) -> None:
    assert {2026, 2027} <= thai.covered_years
    fixed = [(1, 1), (4, 6), (4, 13), (4, 14), (4, 15), (5, 4), (6, 3), (7, 28), (8, 12)]
    fixed += [(10, 13), (10, 23), (12, 5), (12, 10), (12, 31)]
    for year in (2026, 2027):
        for month, day in fixed:
            assert thai.holiday(date(year, month, day)) is not None, (year, month, day)


def test_shipped_weekend_holidays_have_a_substitution_day(thai: BusinessCalendar) -> None:
    substitutions = [h.day for h in thai.holidays if h.name_en.startswith("Substitution")]
    for holiday in thai.holidays:
        if holiday.day.weekday() >= 5:
            window = holiday.day + timedelta(days=4)
            assert any(holiday.day < d <= window for d in substitutions), holiday


def test_years_beyond_the_data_have_no_holidays(thai: BusinessCalendar) -> None:
    assert 2031 not in thai.covered_years
    assert thai.is_business_day(date(2031, 1, 1))  # a Wednesday, not known as a holiday
    assert local(thai.deemed_received_at(bkk(2031, 1, 1, 7, 0))) == bkk(2031, 1, 1, 8, 30)


# ---------------------------------------------------------------------- open-time arithmetic


def test_one_business_day_from_opening_ends_at_closing(plain: BusinessCalendar) -> None:
    end = plain.add_business_time(bkk(2026, 11, 30, 8, 30), plain.day_length)
    assert local(end) == bkk(2026, 11, 30, 16, 30)


def test_adding_time_skips_the_weekend(plain: BusinessCalendar) -> None:
    end = plain.add_business_time(bkk(2026, 11, 27, 15, 30), timedelta(hours=2))
    assert local(end) == bkk(2026, 11, 30, 9, 30)


def test_adding_time_from_a_closed_moment_starts_at_opening(plain: BusinessCalendar) -> None:
    end = plain.add_business_time(bkk(2026, 11, 28, 12, 0), timedelta(minutes=30))
    assert local(end) == bkk(2026, 11, 30, 9, 0)


def test_adding_a_hundred_business_days(plain: BusinessCalendar) -> None:
    start = bkk(2026, 11, 30, 8, 30)  # a Monday: 100 business days are exactly 20 weeks
    end = plain.add_business_time(start, plain.day_length * 100)
    assert local(end) == bkk(2026, 11, 30, 16, 30) + timedelta(weeks=19, days=4)
    assert plain.business_time_between(start, end) == plain.day_length * 100


def test_adding_many_years_is_fast_enough(thai: BusinessCalendar) -> None:
    # Ten years of business days; minute-by-minute walking would take far too long here.
    end = thai.add_business_time(bkk(2026, 1, 5, 8, 30), thai.day_length * 2500)
    assert end.year >= 2035


def test_negative_amount_is_refused(plain: BusinessCalendar) -> None:
    with pytest.raises(ValueError):
        plain.add_business_time(bkk(2026, 11, 30, 9, 0), timedelta(hours=-1))


def test_business_time_between(plain: BusinessCalendar) -> None:
    # Fri 15:30 → Mon 09:30: one hour on Friday, one on Monday.
    assert plain.business_time_between(bkk(2026, 11, 27, 15, 30), bkk(2026, 11, 30, 9, 30)) == (
        timedelta(hours=2)
    )
    assert plain.business_time_between(bkk(2026, 11, 28, 0, 0), bkk(2026, 11, 29, 23, 0)) == (
        timedelta(0)
    )
    assert plain.business_time_between(bkk(2026, 11, 30, 10, 0), bkk(2026, 11, 30, 9, 0)) == (
        timedelta(0)
    )


def test_business_time_between_skips_holidays(thai: BusinessCalendar) -> None:
    # Fri 10 Apr 2026 opening → Thu 16 Apr 2026 opening: only Friday counts.
    assert thai.business_time_between(bkk(2026, 4, 10, 8, 30), bkk(2026, 4, 16, 8, 30)) == (
        thai.day_length
    )


# ---------------------------------------------------------------------- SLA


def test_sla_over_a_weekend(plain: BusinessCalendar) -> None:
    due = plain.sla_due_at(bkk(2026, 11, 27, 10, 0), 1)  # Friday 10:00
    assert local(due) == bkk(2026, 11, 30, 10, 0)


def test_sla_over_weekend_and_songkran(thai: BusinessCalendar) -> None:
    # Thu 9 Apr 10:00 + 3 business days: rest of Thu, Fri 10, (weekend, Songkran 13–15),
    # Thu 16, and 1.5 h of Fri 17.
    due = thai.sla_due_at(bkk(2026, 4, 9, 10, 0), 3)
    assert local(due) == bkk(2026, 4, 17, 10, 0)


def test_zero_day_sla_is_due_on_receipt(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 10, 0)
    assert plain.sla_due_at(received, 0) == received


def test_closed_pause_extends_the_due_date(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 8, 30)  # Monday
    assert local(plain.sla_due_at(received, 5)) == bkk(2026, 12, 4, 16, 30)
    # Waiting for the applicant all of Tuesday and Wednesday: two more business days.
    pause = (bkk(2026, 12, 1, 8, 30), bkk(2026, 12, 2, 16, 30))
    assert local(plain.sla_due_at(received, 5, [pause])) == bkk(2026, 12, 8, 16, 30)


def test_pause_outside_open_hours_changes_nothing(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 8, 30)
    weekend = (bkk(2026, 12, 4, 17, 0), bkk(2026, 12, 7, 8, 0))
    assert local(plain.sla_due_at(received, 5, [weekend])) == bkk(2026, 12, 4, 16, 30)


def test_open_pause_runs_until_now(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 8, 30)
    pause = (bkk(2026, 12, 1, 12, 30), None)
    due = plain.sla_due_at(received, 5, [pause], now=bkk(2026, 12, 2, 12, 30))
    assert local(due) == bkk(2026, 12, 7, 16, 30)  # one business day later (over the weekend)


def test_open_pause_needs_now(plain: BusinessCalendar) -> None:
    with pytest.raises(ValueError):
        plain.sla_due_at(bkk(2026, 11, 30, 8, 30), 5, [(bkk(2026, 12, 1, 9, 0), None)])


def test_pause_after_the_due_date_does_not_revive_the_sla(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 8, 30)
    late = (bkk(2026, 12, 8, 9, 0), bkk(2026, 12, 10, 9, 0))
    assert local(plain.sla_due_at(received, 5, [late])) == bkk(2026, 12, 4, 16, 30)


def test_overlapping_pauses_count_once(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 8, 30)
    pauses = [
        (bkk(2026, 12, 1, 8, 30), bkk(2026, 12, 1, 16, 30)),
        (bkk(2026, 12, 1, 12, 30), bkk(2026, 12, 1, 14, 30)),  # inside the first
    ]
    assert local(plain.sla_due_at(received, 5, pauses)) == bkk(2026, 12, 7, 16, 30)


def test_pause_started_before_receipt_delays_the_start(plain: BusinessCalendar) -> None:
    received = bkk(2026, 11, 30, 8, 30)
    pause = (bkk(2026, 11, 29, 9, 0), bkk(2026, 11, 30, 12, 30))
    assert local(plain.sla_due_at(received, 5, [pause])) == bkk(2026, 12, 7, 12, 30)


def test_business_days_left_and_state(plain: BusinessCalendar) -> None:
    due = bkk(2026, 12, 4, 16, 30)  # Friday closing
    assert plain.business_days_left(due, bkk(2026, 12, 2, 12, 30)) == 2.5
    assert plain.sla_state(due, bkk(2026, 12, 2, 12, 30)) == "on_track"

    assert plain.business_days_left(due, bkk(2026, 12, 3, 16, 30)) == 1.0
    assert plain.sla_state(due, bkk(2026, 12, 3, 16, 30)) == "at_risk"
    assert plain.sla_state(due, bkk(2026, 12, 2, 12, 30), at_risk_days=3) == "at_risk"
    assert plain.sla_state(due, due) == "at_risk"

    assert plain.business_days_left(due, bkk(2026, 12, 7, 12, 30)) == -0.5
    assert plain.sla_state(due, bkk(2026, 12, 7, 12, 30)) == "overdue"


def test_overdue_as_soon_as_the_due_moment_passes(plain: BusinessCalendar) -> None:
    due = bkk(2026, 12, 4, 16, 30)
    evening = bkk(2026, 12, 4, 20, 0)  # no open time has passed since the due moment
    assert plain.business_days_left(due, evening) == 0
    assert plain.sla_state(due, evening) == "overdue"


# ---------------------------------------------------------------------- configuration and data


def test_business_hours_must_make_sense() -> None:
    with pytest.raises(InvalidInput) as caught:
        BusinessHours(opens=time(17, 0), closes=time(8, 0))
    assert THAI.search(caught.value.th)
    assert "opening time" in caught.value.en
    with pytest.raises(InvalidInput):
        BusinessHours(workdays=frozenset())
    with pytest.raises(InvalidInput):
        BusinessHours(workdays=frozenset({7}))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "holidays.toml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        BusinessCalendar.from_toml(path)
    error = caught.value
    assert THAI.search(error.th), error.th
    assert "holidays.toml" in error.th and "holidays.toml" in error.en
    return error


GOOD_ENTRY = '[[holiday]]\ndate = 2026-04-13\nname_th = "วันสงกรานต์"\nname_en = "Songkran"\n'


def test_a_small_valid_file_loads(tmp_path: Path) -> None:
    calendar = BusinessCalendar.from_toml(
        write(
            tmp_path,
            GOOD_ENTRY + '[[holiday]]\ndate = "2026-04-14"\nname_th = "ก"\nname_en = "B"\n',
        )
    )
    assert calendar.holidays == (
        Holiday(date(2026, 4, 13), "วันสงกรานต์", "Songkran"),
        Holiday(date(2026, 4, 14), "ก", "B"),
    )
    assert calendar.covered_years == frozenset({2026})


def test_bad_date_string_is_reported_with_its_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path, GOOD_ENTRY + '[[holiday]]\ndate = "2026-02-30"\nname_th = "ก"\nname_en = "B"\n'
    )
    error = load_error(path)
    assert "รายการที่ 2" in error.th and "2026-02-30" in error.th
    assert "entry 2" in error.en and "year-month-day" in error.en


def test_bad_date_literal_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[[holiday]]\ndate = 2026-13-01\nname_th = "ก"\nname_en = "B"\n')
    error = load_error(path)
    assert "บรรทัด 2" in error.th
    assert "line 2" in error.en and "TOML" in error.en


def test_missing_name_is_reported(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, '[[holiday]]\ndate = 2026-04-13\nname_th = "ก"\n'))
    assert "name_en" in error.th and "name_en is missing" in error.en
    assert "entry 1 (2026-04-13)" in error.en


def test_empty_name_is_reported(tmp_path: Path) -> None:
    error = load_error(
        write(tmp_path, '[[holiday]]\ndate = 2026-04-13\nname_th = "  "\nname_en = "B"\n')
    )
    assert "name_th" in error.en


def test_buddhist_era_year_is_caught(tmp_path: Path) -> None:
    error = load_error(
        write(tmp_path, '[[holiday]]\ndate = 2569-04-13\nname_th = "ก"\nname_en = "B"\n')
    )
    assert "พ.ศ." in error.th and "2026" in error.th
    assert "Buddhist Era" in error.en


def test_misspelt_key_is_reported(tmp_path: Path) -> None:
    error = load_error(
        write(tmp_path, '[[holiday]]\ndate = 2026-04-13\nname_th = "ก"\nname-en = "B"\n')
    )
    assert "name-en" in error.en


def test_misspelt_table_is_reported(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, GOOD_ENTRY.replace("[[holiday]]", "[[holidays]]")))
    assert "holidays" in error.en


def test_duplicate_date_is_reported(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, GOOD_ENTRY + GOOD_ENTRY))
    assert "entry 2" in error.en and "entry 1" in error.en


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        BusinessCalendar.from_toml(tmp_path / "nowhere.toml")
    assert THAI.search(caught.value.th)
    assert "nowhere.toml" in caught.value.en
