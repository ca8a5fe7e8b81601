"""The catalog's rules for a service's fee: the amount or the rule that computes it, when it is
due, and its deadline and reminder in business days (requirements P6).

Kept apart from ``checker`` so each stays small; the problems land in the same collector, on
the service's line, with a dotted path such as ``fee.tiers[2].up_to``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, cast

from services.catalog.loader import FEE_DUE, FEE_RULES, Fee, FeeDue, FeeRule, FeeTier, FormField
from services.catalog.problems import ProblemCollector

__all__ = ["check_fee", "FEE_KEYS"]

FEE_KEYS: Final = (
    "amount_satang", "due", "description_th", "description_en", "rule", "basis",
    "rate_satang", "tiers", "choices", "deadline_business_days", "reminder_business_days",
)  # fmt: skip
_MAX_DEADLINE: Final = 90


def check_fee(c: ProblemCollector, value: object, fields: Sequence[FormField]) -> Fee:
    """The service's :class:`Fee`, with every problem found added to ``c``."""
    if value is None:
        c.missing("fee")
        return Fee(0, "none")
    if not isinstance(value, dict):
        c.wrong_type("fee", value, dict)
        return Fee(0, "none")
    c.unknown_keys(value, FEE_KEYS, "fee.")
    amount = _satang(c, value, "amount_satang", need=True)
    due = c.get(value, "due", "fee.due", str, True)
    if due is not None and due not in FEE_DUE:
        c.not_one_of("fee.due", due, FEE_DUE, ("payment time", "กำหนดชำระ"))
        due = None
    if amount is not None and due is not None and (amount == 0) != (due == "none"):
        c.problem(
            "fee.due",
            'ค่าธรรมเนียม 0 ต้องใช้ due = "none" และค่าธรรมเนียมที่มากกว่า 0 ต้องกำหนดเวลาชำระ '
            '("at_submission", "before_approval" หรือ "before_issue")',
            'a fee of 0 needs due = "none", and a fee above 0 needs a payment time '
            '("at_submission", "before_approval" or "before_issue").',
        )
    rule = c.get(value, "rule", "fee.rule", str, False) or "fixed"
    if rule not in FEE_RULES:
        c.not_one_of("fee.rule", rule, FEE_RULES, ("fee rule", "วิธีคิดค่าธรรมเนียม"))
        rule = "fixed"
    if rule != "fixed" and amount == 0:
        c.problem(
            "fee.rule",
            "บริการที่ไม่มีค่าธรรมเนียม (amount_satang = 0) ต้องไม่มีวิธีคิดค่าธรรมเนียม ให้ลบ rule ออก "
            "หรือใส่ค่าธรรมเนียมขั้นต่ำที่มากกว่า 0",
            "a free service (amount_satang = 0) has no fee rule: remove rule, or give the "
            "least fee above 0.",
        )
    basis = _basis(c, value, cast(FeeRule, rule), fields)
    rate = _satang(c, value, "rate_satang", need=rule == "per_unit") or 0
    tiers = _tiers(c, value.get("tiers"), need=rule == "tiers")
    wants_choices = rule == "by_choice"
    choices = _choices(c, value.get("choices"), need=wants_choices, fields=fields, basis=basis)
    deadline = _days(c, value, "deadline_business_days", 15, low=1)
    reminder = _days(c, value, "reminder_business_days", 3, low=0)
    if reminder >= deadline:
        c.problem(
            "fee.reminder_business_days",
            f"การเตือนต้องมาก่อนครบกำหนด ({reminder} วันก่อนครบกำหนด แต่กำหนดชำระมีเพียง {deadline} วัน"
            "ทำการ) ให้ลดจำนวนวัน",
            f"the reminder must come before the deadline ({reminder} days before a deadline of "
            f"{deadline} business days); make it fewer days.",
        )
    return Fee(
        amount_satang=amount or 0,
        due=cast(FeeDue, due or "none"),
        description_th=c.text(value, "description_th", "fee.description_th", need=False),
        description_en=c.text(value, "description_en", "fee.description_en", need=False),
        rule=cast(FeeRule, rule),
        basis=basis,
        rate_satang=rate,
        tiers=tiers,
        choices=choices,
        deadline_business_days=deadline,
        reminder_business_days=reminder,
    )


def _satang(c: ProblemCollector, table: Mapping[str, Any], key: str, *, need: bool) -> int | None:
    path = f"fee.{key}"
    amount = c.get(table, key, path, int, need)
    if amount is not None and amount < 0:
        c.problem(
            path,
            f"ค่าธรรมเนียมต้องไม่ติดลบ แต่พบ {amount} ให้ใส่เป็นสตางค์ (100 สตางค์ = 1 บาท) "
            "เช่น 50000 สำหรับ 500 บาท หรือ 0 ถ้าไม่มีค่าธรรมเนียม",
            f"the fee must not be negative, but is {amount}. Write it in satang (100 satang "
            "= 1 baht), e.g. 50000 for 500 baht, or 0 for no fee.",
        )
        return None
    return cast(int | None, amount)


def _days(c: ProblemCollector, table: Mapping[str, Any], key: str, default: int, low: int) -> int:
    path = f"fee.{key}"
    days = c.get(table, key, path, int, False)
    if days is None:
        return default
    if not low <= days <= _MAX_DEADLINE:
        c.problem(
            path,
            f"ต้องเป็นจำนวนวันทำการตั้งแต่ {low} ถึง {_MAX_DEADLINE} แต่พบ {days}",
            f"must be between {low} and {_MAX_DEADLINE} business days, not {days}.",
        )
        return default
    return cast(int, days)


def _basis(
    c: ProblemCollector, table: Mapping[str, Any], rule: FeeRule, fields: Sequence[FormField]
) -> str:
    need = rule != "fixed"
    basis = c.get(table, "basis", "fee.basis", str, need) or ""
    if not need or not basis:
        return cast(str, basis)
    want = "choice" if rule == "by_choice" else "number"
    found = {f.key: f for f in fields}.get(basis)
    if found is None or found.type != want:
        kind_th = "แบบเลือก (choice)" if want == "choice" else "ตัวเลข (number)"
        c.problem(
            "fee.basis",
            f"ค่าธรรมเนียมคิดจากช่อง {basis!r} ซึ่งต้องเป็นช่องในแบบคำขอชนิด{kind_th} "
            "ให้เพิ่มช่องนั้นใน [[services.form_fields]] หรือแก้ชื่อให้ตรง",
            f"the fee is computed from the form field {basis!r}, which must be a {want} field "
            "of this service; add it under [[services.form_fields]] or correct the name.",
        )
    return cast(str, basis)


def _tiers(c: ProblemCollector, value: object, *, need: bool) -> tuple[FeeTier, ...]:
    if value is None:
        if need:
            c.missing("fee.tiers")
        return ()
    if not isinstance(value, list) or not value:
        c.wrong_type("fee.tiers", value, list)
        return ()
    out: list[FeeTier] = []
    last: float | None = None
    for n, raw in enumerate(value, 1):
        path = f"fee.tiers[{n}]"
        if not isinstance(raw, dict):
            c.wrong_type(path, raw, dict)
            continue
        c.unknown_keys(raw, ("up_to", "amount_satang"), path + ".")
        up_to = raw.get("up_to")
        amount = c.get(raw, "amount_satang", path + ".amount_satang", int, True)
        open_end = up_to is None
        if not open_end and (not isinstance(up_to, int | float) or isinstance(up_to, bool)):
            c.wrong_type(path + ".up_to", up_to, int)
            continue
        bound = None if up_to is None else float(up_to)
        if open_end and n != len(value):
            c.problem(
                path + ".up_to",
                "เฉพาะขั้นสุดท้ายเท่านั้นที่ไม่ต้องมี up_to (ขั้นที่เกินทุกขั้นก่อนหน้า)",
                "only the last tier may leave out up_to (it takes everything above the others).",
            )
        if bound is not None and last is not None and bound <= last:
            c.problem(
                path + ".up_to",
                f"ขั้นต้องเรียงจากน้อยไปมาก แต่ {up_to} ไม่มากกว่าขั้นก่อนหน้า ({last:g})",
                f"tiers must rise: {up_to} is not above the tier before ({last:g}).",
            )
        if amount is not None and amount >= 0:
            out.append(FeeTier(bound, int(amount)))
        last = bound
    return tuple(out)


def _choices(
    c: ProblemCollector,
    value: object,
    *,
    need: bool,
    fields: Sequence[FormField],
    basis: str,
) -> tuple[tuple[str, int], ...]:
    if value is None:
        if need:
            c.missing("fee.choices")
        return ()
    if not isinstance(value, dict) or not value:
        c.wrong_type("fee.choices", value, dict)
        return ()
    field = {f.key: f for f in fields}.get(basis)
    out: list[tuple[str, int]] = []
    for choice, amount in value.items():
        path = f"fee.choices.{choice}"
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
            c.wrong_type(path, amount, int)
            continue
        if field is not None and field.choices and choice not in field.choices:
            c.not_one_of(path, choice, field.choices, ("choice", "ตัวเลือก"))
            continue
        out.append((str(choice), amount))
    if field is not None and field.choices:
        left = [x for x in field.choices if x not in dict(out)]
        if left and len(out) == len(value):
            c.problem(
                "fee.choices",
                f"ยังไม่ได้กำหนดค่าธรรมเนียมของตัวเลือก {', '.join(left)}",
                f"no fee is given for the choice(s) {', '.join(left)}.",
            )
    return tuple(out)
