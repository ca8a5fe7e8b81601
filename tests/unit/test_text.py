"""Untrusted names, subjects and file names: cleaned and bounded by one set of rules."""

from __future__ import annotations

import pytest

from services.kernel.text import (
    MAX_ECHOED_NAME,
    MAX_FILENAME_BYTES,
    MAX_NAME,
    MAX_SUBJECT,
    clean_filename,
    clean_name,
    clean_subject,
    echo_name,
)


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\x00", "\x07", "\x1b", "\x7f",
                "\x9b", "\ufeff"],
)  # fmt: skip
def test_bidi_and_control_characters_are_removed(control: str) -> None:
    for clean in (clean_name, clean_subject, clean_filename):
        assert clean(f"ใบ{control}อนุญาต.pdf") == "ใบอนุญาต.pdf"


def test_line_breaks_and_tabs_become_one_space() -> None:
    assert clean_subject("  ขอ\r\n\tใบอนุญาต \u2028 ร้านอาหาร  ") == "ขอ ใบอนุญาต ร้านอาหาร"


def test_thai_word_breaks_are_kept() -> None:
    assert clean_name("สมชาย\u200bใจดี") == "สมชาย\u200bใจดี"


def test_lengths_are_bounded() -> None:
    assert len(clean_name("ก" * 20_003)) == MAX_NAME
    assert clean_name("ก" * 20_003).endswith("…")
    assert len(clean_subject("x" * 40_000)) == MAX_SUBJECT
    assert clean_subject("x" * MAX_SUBJECT) == "x" * MAX_SUBJECT


def test_long_file_names_keep_their_extension_within_255_bytes() -> None:
    name = clean_filename("ก" * 300 + ".pdf")
    assert len(name.encode()) <= MAX_FILENAME_BYTES and name.endswith("….pdf")
    assert name.startswith("ก" * 80)
    assert clean_filename("a" * 300).endswith("…") and len(clean_filename("a" * 300)) <= 255


def test_echoed_names_carry_no_links_and_are_short() -> None:
    assert (
        echo_name("Somchai (claim your prize: https://evil.example/x)")
        == "Somchai (claim your prize"
    )
    assert echo_name("Prize at bit.ly/abc and www.evil.example now") == "Prize at and now"
    assert echo_name("write to boss@evil.example") == "write to"
    assert echo_name("visit evil.com today") == "visit today"
    assert echo_name("นาย ก.ไก่ ใจดี") == "นาย ก.ไก่ ใจดี"
    assert echo_name("Mr.John Smith") == "Mr.John Smith"
    assert len(echo_name("A" * 20_003)) == MAX_ECHOED_NAME
    assert echo_name("https://only.example/link") == ""
