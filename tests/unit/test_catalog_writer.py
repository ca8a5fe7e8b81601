"""The catalog written back as a file reads back the same, fee rules and all: a form edit is
checked by writing the whole catalog and reading it through the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.catalog.checker import services_from_bytes
from services.catalog.loader import default_catalog_path, load_catalog
from services.catalog.writer import catalog_toml
from tests.unit.test_fee_rules_check import AREA, SIZE, catalog


def _round_trip(path: Path) -> None:
    shipped = load_catalog(path)
    text = catalog_toml(shipped)
    assert tuple(services_from_bytes(text.encode("utf-8"), Path("written"))) == shipped.services


def test_the_shipped_catalog_reads_back_the_same() -> None:
    _round_trip(default_catalog_path())


@pytest.mark.parametrize(
    ("fee", "extra"),
    [
        (
            'fee = { amount_satang = 50000, due = "before_issue", rule = "tiers", basis = "area", '
            "deadline_business_days = 10, reminder_business_days = 2, tiers = ["
            "{ up_to = 200, amount_satang = 100000 }, { amount_satang = 300000 }] }",
            AREA,
        ),
        (
            'fee = { amount_satang = 50000, due = "before_approval", rule = "by_choice", '
            'basis = "size", choices = { small = 50000, large = 150000 } }',
            SIZE,
        ),
        (
            'fee = { amount_satang = 100, due = "before_issue", rule = "per_unit", '
            'basis = "area", rate_satang = 1500 }',
            AREA,
        ),
    ],
    ids=["tiers", "by_choice", "per_unit"],
)
def test_fee_rules_read_back_the_same(tmp_path: Path, fee: str, extra: str) -> None:
    _round_trip(catalog(tmp_path, fee, extra))
