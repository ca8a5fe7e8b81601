"""The Transaction ID an applicant quotes when paying (reference 1 of a PromptPay bill payment).

The rule, printed on the payment notice so a bank or finance system can check it:

    station code + last two digits of the Buddhist Era year + six-digit number (all from the
    tracking number) + the payment's sequence on the request (1 for the first notice, 2 for a
    request for a difference, …) + one check character, Luhn mod 36 over 0-9 A-Z.

``DEMO-01-2569-000042`` paying for the first time: ``01`` ``69`` ``000042`` ``1`` and the
check character ``2`` give ``016900004212``. Luhn mod N catches every single mistyped
character and every swap of two neighbours; the result is at most 20 characters of 0-9 A-Z,
which fits reference 1 of the Thai QR bill payment.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["transaction_id", "is_valid_transaction_id", "check_character", "find_transaction_ids"]

_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_N: Final = len(_ALPHABET)
_TRACKING: Final = re.compile(r"^[A-Z0-9-]+-([A-Z0-9]{1,10})-(\d{4})-(\d{6})$")
_CANDIDATE: Final = re.compile(r"\b[0-9A-Z]{12,20}\b")


def _luhn_sum(text: str, *, with_check: bool) -> int:
    total = 0
    factor = 1 if with_check else 2
    for ch in reversed(text):
        addend = factor * _ALPHABET.index(ch)
        total += addend // _N + addend % _N
        factor = 3 - factor
    return total


def check_character(text: str) -> str:
    """The Luhn mod 36 check character of ``text`` (0-9 A-Z)."""
    return _ALPHABET[(_N - _luhn_sum(text, with_check=False) % _N) % _N]


def transaction_id(tracking_number: str, sequence: int = 1) -> str:
    """The Transaction ID of payment ``sequence`` (1-9) of the request ``tracking_number``."""
    match = _TRACKING.match(tracking_number.strip().upper())
    if match is None:
        raise ValueError(f"not a tracking number: {tracking_number!r}")
    if not 1 <= sequence <= 9:
        raise ValueError("a request has at most nine payments")
    station, year, number = match.groups()
    body = f"{station}{year[2:]}{number}{sequence}"
    return body + check_character(body)


def is_valid_transaction_id(text: str) -> bool:
    """True when ``text`` is made of 0-9 A-Z and its last character checks."""
    value = text.strip().upper()
    if len(value) < 2 or any(ch not in _ALPHABET for ch in value):
        return False
    return _luhn_sum(value, with_check=True) % _N == 0


def find_transaction_ids(text: str) -> list[str]:
    """Transaction IDs written in ``text`` (a mail subject, body or file name), first first;
    spaces and dashes a payer may type inside the ID are not allowed for (the check digit
    would accept too much noise)."""
    return [m for m in _CANDIDATE.findall(text.upper()) if is_valid_transaction_id(m)]
