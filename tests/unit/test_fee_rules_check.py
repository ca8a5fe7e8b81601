"""The catalog's fee rules: each mistake is one problem on the service's line, in Thai and
English, naming the field (``fee.tiers[2].up_to`` …); good rules load as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.catalog.loader import CatalogError, FeeTier, load_catalog

BASE = Path(__file__).resolve().parents[1] / "data" / "catalog" / "valid_minimal.toml"
FREE = 'fee = { amount_satang = 0, due = "none" }'
AREA = '\n[[services.form_fields]]\nkey = "area"\nlabel_th = "พื้นที่ (ตร.ม.)"\nlabel_en = "Area (m²)"\ntype = "number"\nrequired = true\n'  # noqa: E501
SIZE = '\n[[services.form_fields]]\nkey = "size"\nlabel_th = "ขนาดกิจการ"\nlabel_en = "Business size"\ntype = "choice"\nchoices = ["small", "large"]\nrequired = true\n'  # noqa: E501


def catalog(tmp_path: Path, fee: str, extra: str = AREA) -> Path:
    text = BASE.read_text(encoding="utf-8")
    assert FREE in text
    path = tmp_path / "services.toml"
    path.write_text(text.replace(FREE, fee) + extra, encoding="utf-8")
    return path


def test_rules_load_with_their_deadline_and_reminder(tmp_path: Path) -> None:
    fee = (
        'fee = { amount_satang = 50000, due = "before_issue", rule = "tiers", basis = "area", '
        "deadline_business_days = 10, reminder_business_days = 2, tiers = ["
        "{ up_to = 200, amount_satang = 100000 }, { amount_satang = 300000 }] }"
    )
    spec = load_catalog(catalog(tmp_path, fee)).services[0]
    assert spec.fee.rule == "tiers" and spec.fee.basis == "area"
    assert spec.fee.tiers == (FeeTier(200.0, 100000), FeeTier(None, 300000))
    assert (spec.fee.deadline_business_days, spec.fee.reminder_business_days) == (10, 2)
    # kept in the store as JSON and rebuilt the same
    again = type(spec).from_dict(spec.as_dict())
    assert again.fee == spec.fee
    by_size = (
        'fee = { amount_satang = 50000, due = "before_approval", rule = "by_choice", '
        'basis = "size", choices = { small = 50000, large = 150000 } }'
    )
    spec = load_catalog(catalog(tmp_path, by_size, SIZE)).services[0]
    assert dict(spec.fee.choices) == {"small": 50000, "large": 150000}


CASES = [
    (
        'fee = { amount_satang = 100, due = "before_issue", rule = "per_unit", basis = "rooms", '
        "rate_satang = 100 }",
        "fee.basis",
        "must be a number field",
        "ชนิดตัวเลข",
    ),
    (
        'fee = { amount_satang = 100, due = "before_issue", rule = "tiers", basis = "area", '
        "tiers = [{ up_to = 500, amount_satang = 1 }, { up_to = 200, amount_satang = 2 }] }",
        "fee.tiers[2].up_to",
        "tiers must rise",
        "เรียงจากน้อยไปมาก",
    ),
    (
        'fee = { amount_satang = 100, due = "before_issue", deadline_business_days = 3, '
        "reminder_business_days = 3 }",
        "fee.reminder_business_days",
        "reminder must come before the deadline",
        "การเตือนต้องมาก่อนครบกำหนด",
    ),
    (
        'fee = { amount_satang = 100, due = "before_issue", rule = "by_area" }',
        "fee.rule",
        "unknown fee rule 'by_area'",
        "วิธีคิดค่าธรรมเนียม",
    ),
    (
        'fee = { amount_satang = 100, due = "before_issue", rule = "per_unit", basis = "area" }',
        "fee.rate_satang",
        "required field is missing",
        "ไม่มีช่องที่จำเป็น",
    ),
    (
        'fee = { amount_satang = 0, due = "none", rule = "tiers", basis = "area", '
        "tiers = [{ amount_satang = 1 }] }",
        "fee.rule",
        "a free service (amount_satang = 0) has no fee rule",
        "ไม่มีค่าธรรมเนียม",
    ),
]


@pytest.mark.parametrize(("fee", "field", "en", "th"), CASES, ids=[c[1] for c in CASES])
def test_each_fee_mistake_is_one_clear_problem_on_the_services_line(
    tmp_path: Path, fee: str, field: str, en: str, th: str
) -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(catalog(tmp_path, fee))
    problems = caught.value.problems
    assert [p.field for p in problems] == [field], [p.text_en() for p in problems]
    assert en in problems[0].en and th in problems[0].th
    lines = (tmp_path / "services.toml").read_text(encoding="utf-8").splitlines()
    assert problems[0].line == lines.index("[[services]]") + 1
