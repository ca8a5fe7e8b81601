"""The service catalog: the shipped citizen manual and its lookups.

The checks of a catalog file and their messages: test_catalog_check.py.
"""

from __future__ import annotations

import json
import re

import pytest

from services.catalog.loader import (
    Catalog,
    DocumentRequirement,
    Fee,
    ServiceSpec,
    default_catalog_path,
    load_catalog,
    signature_type_for,
)

THAI = re.compile(r"[\u0E00-\u0E7F]")
ROMAN_CODE = re.compile(r"[A-Z][A-Z0-9]*(-[A-Z0-9]+)*")


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog(default_catalog_path())


# --- the shipped catalog ---------------------------------------------------------------------


def test_default_path_points_into_resources() -> None:
    path = default_catalog_path()
    assert path.is_file()
    assert path.parts[-3:] == ("resources", "catalog", "services.toml")


def test_shipped_catalog_has_at_least_four_thai_services(shipped: Catalog) -> None:
    assert len(shipped) >= 4
    for spec in shipped:
        assert THAI.search(spec.name_th), spec.code
        assert spec.name_en and not THAI.search(spec.name_en)
        assert ROMAN_CODE.fullmatch(spec.code)
        assert spec.keywords
        assert any(THAI.search(k) for k in spec.keywords)
        assert any(not THAI.search(k) for k in spec.keywords)


def test_shipped_catalog_covers_the_intended_services(shipped: Catalog) -> None:
    assert {"FOOD-SHOP", "FOOD-NOTICE", "HEALTH-HAZARD", "PETITION"} <= set(shipped.codes)
    food = shipped.get("FOOD-SHOP")
    assert food is not None
    assert food.risk_level == "advanced" and food.ial == 2
    assert food.validity_days == 365 and food.issues_licence
    assert food.fee.amount_satang > 0 and food.fee.due != "none"
    petition = shipped.get("PETITION")
    assert petition is not None
    assert petition.fee.is_free and petition.fee.due == "none"
    assert not petition.issues_licence and petition.validity_days is None
    assert petition.risk_level == "standard" and petition.min_signature_type == 1


def test_every_shipped_service_announces_delegation_documents(shipped: Catalog) -> None:
    # DGA §6.3.1 (M09): forms, required documents and delegation documents are announced.
    for spec in shipped:
        assert any(d.for_delegation for d in spec.required_documents), spec.code
        assert spec.form_fields, spec.code


def test_shipped_risk_levels_map_to_signature_types(shipped: Catalog) -> None:
    for spec in shipped:
        expected = {"standard": 1, "advanced": 2, "sensitive": 3}[spec.risk_level]
        assert spec.min_signature_type == expected
        assert spec.ial >= (2 if spec.risk_level != "standard" else 1)
    assert {s.min_signature_type for s in shipped} == {1, 2, 3}


def test_signature_type_for() -> None:
    assert signature_type_for("standard") == 1
    assert signature_type_for("advanced") == 2
    assert signature_type_for("sensitive") == 3


def test_spec_is_json_ready_for_storage(shipped: Catalog) -> None:
    for spec in shipped:
        data = spec.as_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        assert data["code"] == spec.code
        assert isinstance(data["required_documents"], list)
        assert data["fee"]["amount_satang"] == spec.fee.amount_satang
        assert ServiceSpec.from_dict(json.loads(json.dumps(data))) == spec


def test_documents_for_applicant_kind_and_proxy(shipped: Catalog) -> None:
    food = shipped.get("FOOD-SHOP")
    assert food is not None
    person = {d.code for d in food.documents_for("person")}
    juristic = {d.code for d in food.documents_for("juristic")}
    by_proxy = {d.code for d in food.documents_for("person", delegated=True)}
    assert "ID-CARD" in person and "ID-CARD" not in juristic
    assert "COMPANY-CERT" in juristic and "COMPANY-CERT" not in person
    assert "POWER-OF-ATTORNEY" not in person
    assert {"POWER-OF-ATTORNEY", "PROXY-ID"} <= by_proxy
    assert person < by_proxy


def test_fee_in_baht_is_exact() -> None:
    assert str(Fee(200000, "before_issue").baht) == "2000.00"
    assert str(Fee(1999, "before_issue").baht) == "19.99"
    assert Fee(0, "none").is_free


# --- lookups ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "code"),
    [
        ("ขอใบอนุญาตจำหน่ายอาหาร", "FOOD-SHOP"),
        ("ขอ ใบอนุญาต จำหน่ายอาหาร ร้านครัวคุณแม่", "FOOD-SHOP"),  # spaces between Thai words
        ("RE: Food shop licence application", "FOOD-SHOP"),
        ("Complaint about noise", "PETITION"),
        ("COMPLAINT: NOISE FROM THE MARKET", "PETITION"),
        ("ร้องเรียนร้านอาหารเสียงดังหลังเที่ยงคืน", "PETITION"),  # complaint beats food words
        ("ขอหนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร", "FOOD-NOTICE"),
        ("ยื่นขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ (อู่ซ่อมรถ)", "HEALTH-HAZARD"),
        ("Request for a building permit, 2 storeys", "BUILDING"),
        ("ขออนุญาตต่อเติมบ้าน", "BUILDING"),
    ],
)
def test_classify_known_subjects(shipped: Catalog, subject: str, code: str) -> None:
    spec = shipped.classify(subject)
    assert spec is not None and spec.code == code


@pytest.mark.parametrize(
    "subject",
    ["สวัสดีครับ สอบถามเวลาเปิดทำการ", "Meeting next Tuesday", "", "   ", "coffee fees"],
)
def test_classify_returns_none_without_a_match(shipped: Catalog, subject: str) -> None:
    assert shipped.classify(subject) is None


def _spec(code: str, keywords: tuple[str, ...], alias: str | None = None) -> ServiceSpec:
    return ServiceSpec(
        code=code,
        name_th="บริการ " + code,
        name_en="Service " + code,
        keywords=keywords,
        required_documents=(
            DocumentRequirement("POA", "หนังสือมอบอำนาจ", "Power of attorney", True, True),
        ),
        form_fields=(),
        fee=Fee(0, "none"),
        sla_business_days=5,
        ial=1,
        risk_level="standard",
        applicant_kinds=("person",),
        mail_alias=alias,
    )


def test_classify_tie_returns_none() -> None:
    catalog = Catalog((_spec("A", ("ใบอนุญาต", "permit")), _spec("B", ("ใบอนุญาต", "licence"))))
    assert catalog.classify("ขอใบอนุญาต") is None
    assert catalog.classify("ขอใบอนุญาต permit") is not None
    assert catalog.classify("ขอใบอนุญาต permit").code == "A"  # type: ignore[union-attr]


def test_classify_prefers_the_longer_match() -> None:
    catalog = Catalog((_spec("SHORT", ("อาหาร",)), _spec("LONG", ("ใบอนุญาตจำหน่ายอาหาร",))))
    result = catalog.classify("ขอใบอนุญาตจำหน่ายอาหาร")
    assert result is not None and result.code == "LONG"


def test_classify_english_keywords_start_a_word() -> None:
    catalog = Catalog((_spec("FEE", ("fee",)),))
    assert catalog.classify("coffee") is None
    assert catalog.classify("Fees for 2025") is not None


def test_classify_accepts_both_spellings_of_sara_am() -> None:
    catalog = Catalog((_spec("PETITION", ("คำร้อง",)),))
    # NIKHAHIT + SARA AA, as some keyboards type "ำ".
    assert catalog.classify("ค\u0e4d\u0e32ร้องขอความช่วยเหลือ") is not None


def test_get_and_by_alias(shipped: Catalog) -> None:
    food = shipped.get("FOOD-SHOP")
    assert food is not None and food.mail_alias == "food"
    assert shipped.get("NO-SUCH-SERVICE") is None
    assert "FOOD-SHOP" in shipped and "NOPE" not in shipped
    assert shipped.by_alias("food") is food
    assert shipped.by_alias("Food@municipality.go.th") is food
    assert shipped.by_alias("nobody") is None
    assert shipped.by_alias("") is None


def test_catalog_keeps_file_order(shipped: Catalog) -> None:
    assert list(shipped.codes) == [s.code for s in shipped]
    assert shipped.codes[0] == "FOOD-SHOP"


def test_catalog_refuses_duplicates_in_code() -> None:
    with pytest.raises(ValueError):
        Catalog((_spec("A", ("x",)), _spec("A", ("y",))))
    with pytest.raises(ValueError):
        Catalog((_spec("A", ("x",), alias="a"), _spec("B", ("y",), alias="a")))
