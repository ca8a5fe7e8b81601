"""How far a 13-digit number typed at the counter is from valid, as the officer types it.

Kept apart from :mod:`ui.intake.counter_form` (which re-exports it): a pure function with no
widgets, so it is tested on its own.
"""

from __future__ import annotations

import re

from services.api import is_valid_national_id, juristic_id_valid

__all__ = ["IdCheck", "check_id"]

_SEPARATORS = re.compile(r"[\s\u200b\u00a0\-\u2010\u2011\u2012\u2013\u2014\u2212]+")

IdCheck = str
"""``empty`` | ``partial`` | ``too_long`` | ``not_digits`` | ``bad_check`` | ``valid``."""


def check_id(text: str, kind: str = "person") -> tuple[IdCheck, int]:
    """How far a typed 13-digit number is from valid, and how many digits it has so far.

    Thai digits, spaces and dashes are accepted as people type them; the check digit is
    tested with :func:`services.kernel.thai_id.is_valid_national_id` (or the juristic variant).
    """
    compact = _SEPARATORS.sub("", text)
    if not compact:
        return "empty", 0
    if not all(ch.isdigit() for ch in compact):
        return "not_digits", sum(ch.isdigit() for ch in compact)
    count = len(compact)
    if count < 13:
        return "partial", count
    if count > 13:
        return "too_long", count
    valid = juristic_id_valid(text) if kind == "juristic" else is_valid_national_id(text)
    return ("valid" if valid else "bad_check"), count
