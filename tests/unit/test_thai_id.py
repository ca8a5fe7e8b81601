"""Thai 13-digit identification numbers: check digit, normalising, formatting, masking."""

from __future__ import annotations

import random

import pytest

from services.kernel.errors import InvalidInput
from services.kernel.thai_id import (
    check_digit,
    format_national_id,
    generate_valid_id,
    is_valid_national_id,
    juristic_id_valid,
    mask_national_id,
    mask_national_ids_in,
    normalize_juristic_id,
    normalize_national_id,
)


def reference_check_digit(first_twelve: str) -> int:
    """The rule as the Department of Provincial Administration states it, written out plainly."""
    total = 0
    weight = 13
    for ch in first_twelve:
        total += int(ch) * weight
        weight -= 1
    remainder = total % 11
    return (11 - remainder) % 10


# Worked by hand: 1*13+2*12+3*11+4*10+5*9+6*8+7*7+8*6+9*5+0*4+1*3+2*2 = 352, 352 % 11 = 0 → 1.
VALID = [
    "1234567890121",
    "1103700012346",
    "3100600123450",  # sum % 11 == 1 → check digit 0
    "3202786838731",  # sum % 11 == 0 → (11 - 0) % 10 == 1
    "3595748906821",  # sum % 11 == 10 → check digit 1
]


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers(number: str) -> None:
    assert is_valid_national_id(number)
    assert normalize_national_id(number) == number
    assert check_digit(number[:12]) == reference_check_digit(number[:12]) == int(number[12])


@pytest.mark.parametrize(
    "typed",
    [
        "1-2345-67890-12-1",
        "1 2345 67890 12 1",
        " 1234567890121 ",
        "1\u00a02345\u200b67890–12–1",  # no-break space, zero-width space, en dashes
        "๑๒๓๔๕๖๗๘๙๐๑๒๑",  # Thai digits
    ],
)
def test_separators_and_thai_digits_are_accepted(typed: str) -> None:
    assert is_valid_national_id(typed)
    assert normalize_national_id(typed) == "1234567890121"


@pytest.mark.parametrize("wrong_last", ["0", "2", "3", "9"])
def test_wrong_check_digit_is_rejected_and_said_so(wrong_last: str) -> None:
    number = "123456789012" + wrong_last
    assert not is_valid_national_id(number)
    with pytest.raises(InvalidInput) as caught:
        normalize_national_id(number)
    assert "check" in caught.value.en
    assert "หลักตรวจสอบ" in caught.value.th
    # The number itself is personal data: it must not leak into messages or the log.
    assert number not in str(caught.value) and number not in (caught.value.detail or "")


def test_swapped_digits_are_caught() -> None:
    assert not is_valid_national_id("1234567809121")


@pytest.mark.parametrize(
    ("typed", "en_fragment", "th_fragment"),
    [
        ("123456789012", "12 were entered", "12 หลัก"),
        ("12345678901234", "14 were entered", "14 หลัก"),
        ("1234567890l21", "only digits", "ตัวเลขเท่านั้น"),
        ("", "empty", "ยังไม่ได้กรอก"),
        ("  - ", "empty", "ยังไม่ได้กรอก"),
    ],
)
def test_malformed_numbers_say_what_is_wrong(
    typed: str, en_fragment: str, th_fragment: str
) -> None:
    assert not is_valid_national_id(typed)
    with pytest.raises(InvalidInput) as caught:
        normalize_national_id(typed)
    assert en_fragment in caught.value.en
    assert th_fragment in caught.value.th
    assert "national ID" in caught.value.en
    assert "เลขประจำตัวประชาชน" in caught.value.th


def test_format_and_mask() -> None:
    assert format_national_id("1234567890121") == "1-2345-67890-12-1"
    assert format_national_id("1 2345 67890 12 1") == "1-2345-67890-12-1"
    assert mask_national_id("1234567890121") == "X-XXXX-XXXXX-12-1"
    assert mask_national_id("1-2345-67890-12-1") == "X-XXXX-XXXXX-12-1"


def test_format_and_mask_do_not_test_the_check_digit() -> None:
    # Display must not fail on an old record with a typo; validation is normalize's job.
    assert format_national_id("1234567890123") == "1-2345-67890-12-3"
    assert mask_national_id("1234567890123") == "X-XXXX-XXXXX-12-3"


@pytest.mark.parametrize("bad", ["12345", "12345678901234", "abcdefghijklm"])
def test_format_and_mask_need_thirteen_digits(bad: str) -> None:
    with pytest.raises(InvalidInput):
        format_national_id(bad)
    with pytest.raises(InvalidInput):
        mask_national_id(bad)


def test_juristic_numbers_use_the_same_check_digit() -> None:
    assert juristic_id_valid("0105556000319")
    assert juristic_id_valid("0-1055-56000-31-9")
    assert not juristic_id_valid("0105556000310")
    assert normalize_juristic_id("0 1055 56000 31 9") == "0105556000319"
    with pytest.raises(InvalidInput) as caught:
        normalize_juristic_id("0105556000310")
    assert "juristic" in caught.value.en
    assert "นิติบุคคล" in caught.value.th


def test_generated_ids_are_valid_and_reproducible() -> None:
    rng = random.Random(2024)
    ids = [generate_valid_id(rng) for _ in range(500)]
    assert all(is_valid_national_id(i) and len(i) == 13 and i[0] == "1" for i in ids)
    assert len(set(ids)) == len(ids)
    again = random.Random(2024)
    assert [generate_valid_id(again) for _ in range(500)] == ids


@pytest.mark.parametrize("first", [0, 3, 8])
def test_generate_honours_the_first_digit(first: int) -> None:
    number = generate_valid_id(random.Random(first), first_digit=first)
    assert number[0] == str(first)
    assert juristic_id_valid(number)


def test_generated_ids_agree_with_the_reference_rule() -> None:
    rng = random.Random(7)
    for _ in range(200):
        number = generate_valid_id(rng, first_digit=rng.randrange(10))
        assert int(number[12]) == reference_check_digit(number[:12])


def test_programming_errors_raise_value_error() -> None:
    with pytest.raises(ValueError):
        generate_valid_id(random.Random(1), first_digit=10)
    with pytest.raises(ValueError):
        check_digit("12345")
    with pytest.raises(ValueError):
        check_digit("๑๒๓๔๕๖๗๘๙๐๑๒")


def test_ids_in_free_text_are_masked_like_a_single_id() -> None:
    text = "เลขบัตร 1 2345 67890 12 1 และ ๑๒๓๔๕๖๗๘๙๐๑๒๓ โทร 0812345678"
    assert mask_national_ids_in(text) == (
        "เลขบัตร X-XXXX-XXXXX-12-1 และ X-XXXX-XXXXX-12-3 โทร 0812345678"
    )
    assert mask_national_ids_in("1234567890121") == mask_national_id("1234567890121")


def test_longer_numbers_are_not_taken_for_ids() -> None:
    assert mask_national_ids_in("12345678901234") == "12345678901234"
    assert mask_national_ids_in("order 123456789012") == "order 123456789012"
