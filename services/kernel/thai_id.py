"""Thai 13-digit identification numbers: check, normalise, format, mask, generate.

The national ID (เลขประจำตัวประชาชน) and the juristic-person registration number
(เลขทะเบียนนิติบุคคล) share one check digit: with d0..d11 the first twelve digits,
``check = (11 - sum(d[i] * (13 - i)) % 11) % 10``.

People type these numbers with spaces, dashes and sometimes Thai digits (๐-๙); everything
here accepts that, and stores or compares only the plain 13 Arabic digits.
"""

from __future__ import annotations

import random
import re
from typing import Final

from services.kernel.errors import InvalidInput

__all__ = [
    "check_digit",
    "is_valid_national_id",
    "juristic_id_valid",
    "normalize_national_id",
    "normalize_juristic_id",
    "format_national_id",
    "mask_national_id",
    "mask_national_ids_in",
    "NATIONAL_ID_LIKE",
    "generate_valid_id",
]

_THAI_DIGITS: Final = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Whitespace (incl. no-break and zero-width spaces from copy-paste) and dash-like characters.
_SEPARATORS: Final = re.compile(r"[\s\u200b\u00a0\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_GROUPS: Final = (1, 4, 5, 2, 1)
_DIGIT: Final = "[0-9\u0e50-\u0e59]"
NATIONAL_ID_LIKE: Final = re.compile(
    rf"(?<!{_DIGIT}){_DIGIT}(?:[ \-\u2010-\u2014.]?{_DIGIT}){{12}}(?!{_DIGIT})"
)
"""Thirteen digits (Arabic or Thai), at most one separator between two, not part of a longer
number: anything in free text that may be a national ID."""


def check_digit(first_twelve: str) -> int:
    """The check digit for the first twelve digits of a 13-digit number."""
    if len(first_twelve) != 12 or not first_twelve.isascii() or not first_twelve.isdigit():
        raise ValueError("check_digit needs exactly 12 ASCII digits")
    total = sum(int(d) * (13 - i) for i, d in enumerate(first_twelve))
    return (11 - total % 11) % 10


def _digits(value: str) -> str:
    """``value`` without separators and with Thai digits made Arabic (not checked)."""
    return _SEPARATORS.sub("", value.translate(_THAI_DIGITS))


def _problem(value: str, what_th: str, what_en: str) -> InvalidInput | None:
    """The reason ``value`` is not a valid 13-digit number, or None if it is."""
    digits = _digits(value)
    if not digits:
        return InvalidInput(
            f"ยังไม่ได้กรอก{what_th}",
            f"The {what_en} is empty; enter the 13 digits.",
            code="invalid_id",
        )
    if not (digits.isascii() and digits.isdigit()):
        return InvalidInput(
            f"{what_th}ต้องเป็นตัวเลขเท่านั้น แต่มีตัวอักษรอื่นปนอยู่ ให้ตรวจและพิมพ์ใหม่",
            f"The {what_en} may contain only digits, but has other characters; check and "
            "retype it.",
            code="invalid_id",
        )
    if len(digits) != 13:
        return InvalidInput(
            f"{what_th}ต้องมี 13 หลัก แต่กรอกมา {len(digits)} หลัก ให้ตรวจกับบัตรแล้วพิมพ์ใหม่",
            f"The {what_en} must have 13 digits, but {len(digits)} were entered; check it "
            "against the card and retype it.",
            code="invalid_id",
        )
    if check_digit(digits[:12]) != int(digits[12]):
        return InvalidInput(
            f"{what_th}ไม่ถูกต้อง: หลักสุดท้าย (หลักตรวจสอบ) ไม่ตรงกับ 12 หลักแรก "
            "แสดงว่าน่าจะพิมพ์ผิดบางหลัก ให้ตรวจกับบัตรทีละหลัก",
            f"The {what_en} is not valid: the last (check) digit does not match the first 12 "
            "digits, so a digit was probably mistyped; compare it with the card digit by digit.",
            code="invalid_id",
        )
    return None


def is_valid_national_id(value: str) -> bool:
    """True if ``value`` is 13 digits (separators allowed) with a correct check digit."""
    return _problem(value, "", "") is None


def juristic_id_valid(value: str) -> bool:
    """True if ``value`` is a valid 13-digit juristic-person registration number."""
    return _problem(value, "", "") is None


def normalize_national_id(value: str) -> str:
    """The 13 plain digits of a national ID; :class:`InvalidInput` saying what is wrong."""
    problem = _problem(value, "เลขประจำตัวประชาชน", "national ID number")
    if problem is not None:
        raise problem
    return _digits(value)


def normalize_juristic_id(value: str) -> str:
    """The 13 plain digits of a juristic-person registration number (same check digit)."""
    problem = _problem(value, "เลขทะเบียนนิติบุคคล", "juristic person registration number")
    if problem is not None:
        raise problem
    return _digits(value)


def _thirteen(value: str) -> str:
    digits = _digits(value)
    if len(digits) != 13 or not (digits.isascii() and digits.isdigit()):
        raise InvalidInput(
            "เลขประจำตัวต้องเป็นตัวเลข 13 หลัก",
            "An identification number must be 13 digits.",
            code="invalid_id",
        )
    return digits


def _grouped(digits: str) -> str:
    parts: list[str] = []
    start = 0
    for size in _GROUPS:
        parts.append(digits[start : start + size])
        start += size
    return "-".join(parts)


def format_national_id(value: str) -> str:
    """``"1234567890121"`` → ``"1-2345-67890-12-1"``; needs 13 digits, the check is not tested."""
    return _grouped(_thirteen(value))


def mask_national_id(value: str) -> str:
    """Hide all but the last three digits, in the card's grouping: ``"X-XXXX-XXXXX-12-1"``.

    For lists, receipts and logs (PDPA: show only what is needed). Needs 13 digits; the check
    digit is not tested, so old records with a typo still display.
    """
    digits = _thirteen(value)
    return _grouped("X" * 10 + digits[10:])


def mask_national_ids_in(text: str) -> str:
    """``text`` with every run shaped like a national ID (:data:`NATIONAL_ID_LIKE`) masked as
    :func:`mask_national_id` masks one; the check digit is not tested (a typo is hidden too)."""
    return NATIONAL_ID_LIKE.sub(_mask_match, text)


def _mask_match(match: re.Match[str]) -> str:
    digits = "".join(c for c in match.group(0).translate(_THAI_DIGITS) if c.isdigit())
    return _grouped("X" * 10 + digits[10:])


def generate_valid_id(rng: random.Random, first_digit: int = 1) -> str:
    """A random 13-digit number with a correct check digit, for demo data and tests.

    ``first_digit`` is the category (1-8 for persons; 0 starts juristic registration numbers).
    """
    if not 0 <= first_digit <= 9:
        raise ValueError("first_digit must be 0..9")
    first_twelve = str(first_digit) + "".join(str(rng.randrange(10)) for _ in range(11))
    return first_twelve + str(check_digit(first_twelve))
