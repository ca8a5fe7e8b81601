"""Made-up numbers for the demo, derived from a seed so every run gives the same ones."""

from __future__ import annotations

import hashlib

from services.kernel.thai_id import check_digit

__all__ = ["fictional_id", "seeded_digits", "spaced_id"]


def seeded_digits(seed: str, count: int) -> str:
    """``count`` decimal digits that depend only on ``seed``."""
    digest = hashlib.sha256(f"anuyat-demo:{seed}".encode()).hexdigest()
    return str(int(digest, 16))[-count:].zfill(count)


def fictional_id(seed: str, first_digit: str) -> str:
    """A valid 13-digit id that cannot be real: province code 99 does not exist.

    ``first_digit`` is the category, e.g. 1 or 3 for Thai people (born after or before the
    1984 reform), 0 for a juristic person's registration number.
    """
    first12 = first_digit + "99" + seeded_digits(seed, 9)
    return first12 + str(check_digit(first12))


def spaced_id(number: str) -> str:
    """A 13-digit id grouped as on the card: ``1 9912 34567 89 0``."""
    return f"{number[0]} {number[1:5]} {number[5:10]} {number[10:12]} {number[12]}"
