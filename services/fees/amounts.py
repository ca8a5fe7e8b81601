"""What a request owes: the catalog's fee rule applied to the request's form (requirements P6).

A fixed fee is the amount; a rule reads one form field: ``per_unit`` multiplies its number
(square metres, rooms …) by the rate and rounds up to the whole satang, ``tiers`` takes the
first tier whose ``up_to`` holds it, ``by_choice`` the amount of the choice made (e.g. the
business size). A rule never gives less than the catalog's ``amount_satang``. A form without
the number the rule needs cannot be charged: the officer is told which field to fill.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from services.catalog.loader import Fee
from services.kernel.errors import InvalidInput

__all__ = ["fee_amount", "parse_baht"]


def _number(form: Mapping[str, Any], fee: Fee) -> Decimal:
    raw = form.get(fee.basis)
    try:
        value = Decimal(str(raw).replace(",", "").strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if raw is None or raw == "" or not value.is_finite() or value < 0:
        raise InvalidInput(
            f"คิดค่าธรรมเนียมไม่ได้ เพราะช่อง “{fee.basis}” ในแบบคำขอไม่มีตัวเลขที่ใช้ได้ (พบ {raw!r}) "
            "ให้ผู้ตรวจกรอกช่องนั้นก่อน",
            f"The fee cannot be worked out: the form field “{fee.basis}” holds no usable number "
            f"({raw!r}). Have the reviewer fill it in first.",
        )
    return value


def fee_amount(fee: Fee, form: Mapping[str, Any]) -> int:
    """The fee in satang for a request whose form holds ``form``; 0 for a free service."""
    if fee.is_free:
        return 0
    if fee.rule == "fixed":
        return fee.amount_satang
    if fee.rule == "per_unit":
        amount = math.ceil(_number(form, fee) * fee.rate_satang)
    elif fee.rule == "tiers":
        units = _number(form, fee)
        amount = next(
            (t.amount_satang for t in fee.tiers if t.up_to is None or units <= Decimal(t.up_to)),
            fee.tiers[-1].amount_satang if fee.tiers else fee.amount_satang,
        )
    else:
        chosen = str(form.get(fee.basis, "")).strip()
        amounts = dict(fee.choices)
        if chosen not in amounts:
            raise InvalidInput(
                f"คิดค่าธรรมเนียมไม่ได้ เพราะยังไม่ได้เลือกช่อง “{fee.basis}” ในแบบคำขอ (พบ {chosen!r}) "
                f"ให้เลือกหนึ่งใน {', '.join(amounts)}",
                f"The fee cannot be worked out: the form field “{fee.basis}” has no valid "
                f"choice ({chosen!r}); choose one of {', '.join(amounts)}.",
            )
        amount = amounts[chosen]
    return max(int(amount), fee.amount_satang)


def parse_baht(text: str) -> int:
    """Satang from what the officer read on a slip: ``1,000``, ``1000.5``, ``1,000.50``."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    if cleaned.endswith(("บาท", "THB")):
        cleaned = cleaned.removesuffix("บาท").removesuffix("THB")
    whole, dot, part = cleaned.partition(".")
    if not whole.isdigit() or len(whole) > 9 or (dot and (not part.isdigit() or len(part) > 2)):
        raise InvalidInput(
            f"จำนวนเงิน “{text.strip()[:40]}” อ่านไม่ได้ โปรดพิมพ์เป็นตัวเลข เช่น 1,000.00",
            f"The amount “{text.strip()[:40]}” cannot be read; type it as a number, for "
            "example 1,000.00.",
        )
    satang = int(whole) * 100 + int(part.ljust(2, "0") if part else 0)
    if satang <= 0:
        raise InvalidInput("จำนวนเงินที่ชำระต้องมากกว่าศูนย์", "The amount paid must be more than zero.")
    return satang
