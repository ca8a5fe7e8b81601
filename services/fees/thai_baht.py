"""An amount in Thai words, as cheques, receipts and notices write it (บาทถ้วน / สตางค์).

The rules (those of Excel's BAHTTEXT): a one in the units place after a higher digit is
"เอ็ด" (101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด); a one or two in the tens place is "สิบ" or
"ยี่สิบ"; millions repeat the six-place words before "ล้าน"; whole baht end "บาทถ้วน".
"""

from __future__ import annotations

from typing import Final

__all__ = ["baht_text", "baht_figures"]

_DIGITS: Final = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES: Final = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _below_million(n: int, *, after_higher: bool) -> str:
    """1 ≤ n < 1,000,000; ``after_higher`` when millions come before (for "เอ็ด")."""
    out: list[str] = []
    digits = str(n)
    size = len(digits)
    for i, ch in enumerate(digits):
        d = int(ch)
        place = size - 1 - i
        if d == 0:
            continue
        if place == 0:
            out.append("เอ็ด" if d == 1 and (n > 9 or after_higher) else _DIGITS[d])
        elif place == 1:
            out.append({1: "", 2: "ยี่"}.get(d, _DIGITS[d]) + "สิบ")
        else:
            out.append(_DIGITS[d] + _PLACES[place])
    return "".join(out)


def _number(n: int, *, after_higher: bool = False) -> str:
    if n >= 1_000_000:
        high, low = divmod(n, 1_000_000)
        return _number(high) + "ล้าน" + (_below_million(low, after_higher=True) if low else "")
    return _below_million(n, after_higher=after_higher)


def baht_text(satang: int) -> str:
    """``satang`` (integer, ≥ 0) in words: 123456 → "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบหกสตางค์"."""
    if satang < 0:
        raise ValueError("an amount in words cannot be negative")
    baht, rest = divmod(satang, 100)
    if baht == 0 and rest == 0:
        return "ศูนย์บาทถ้วน"
    words = _number(baht) + "บาท" if baht else ""
    return words + (_number(rest) + "สตางค์" if rest else "ถ้วน")


def baht_figures(satang: int) -> str:
    """``satang`` in figures with thousands separators and two decimals: 1234500 → "12,345.00"."""
    baht, rest = divmod(satang, 100)
    return f"{baht:,}.{rest:02d}"
