"""Checking a catalog file: every problem found at once, each said in Thai and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from services.catalog.loader import CatalogError, load_catalog
from services.kernel.errors import InvalidInput

DATA = Path(__file__).resolve().parents[1] / "data" / "catalog"
THAI = re.compile(r"[\u0E00-\u0E7F]")


def broken(name: str) -> CatalogError:
    with pytest.raises(CatalogError) as caught:
        load_catalog(DATA / f"{name}.toml")
    return caught.value


def test_valid_minimal_sample_loads() -> None:
    catalog = load_catalog(DATA / "valid_minimal.toml")
    assert catalog.codes == ("SAMPLE",)
    assert catalog.source == DATA / "valid_minimal.toml"
    spec = catalog.services[0]
    assert spec.approver_role == "approver"
    assert spec.licence_template == "" and spec.validity_days is None and spec.mail_alias is None


# (file, field, service number, service code, English fragment, Thai fragment)
CASES = [
    ("missing_field", "name_en", 1, "SAMPLE", "required field is missing", "ไม่มีช่องที่จำเป็น"),
    ("wrong_type", "sla_business_days", 1, "SAMPLE", "must be a whole number", "จำนวนเต็ม"),
    ("unknown_risk", "risk_level", 1, "SAMPLE", "unknown risk level 'high'", "ระดับความเสี่ยง"),
    ("duplicate_service_code", "code", 2, "SAMPLE", "already used by service #1", "ซ้ำ"),
    (
        "duplicate_document_code",
        "required_documents[3].code",
        1,
        "SAMPLE",
        "already used by document #1",
        "รหัสเอกสาร 'ID-CARD' ซ้ำ",
    ),
    ("negative_fee", "fee.amount_satang", 1, "SAMPLE", "must not be negative", "ไม่ติดลบ"),
    ("sla_zero", "sla_business_days", 1, "SAMPLE", "at least 1 business day", "1 วันทำการ"),
    ("ial_out_of_range", "ial", 1, "SAMPLE", "must be 1, 2 or 3, not 4", "1, 2 หรือ 3"),
    ("ial_below_risk", "ial", 1, "SAMPLE", "needs IAL 2 or higher", "IAL อย่างน้อย 2"),
    ("non_roman_code", "code", 1, "ตัวอย่าง", "capital Roman letters", "อักษรโรมัน"),
    ("unknown_top_key", "format_verison", None, None, "Did you mean 'format_version'", "พิมพ์ผิด"),
    ("unknown_service_key", "mail_alais", 1, "SAMPLE", "Did you mean 'mail_alias'", "mail_alias"),
    ("no_delegation_document", "required_documents", 1, "SAMPLE", "delegation", "มอบอำนาจ"),
    ("single_brackets", "services", None, None, "double brackets", "สองชั้น"),
    ("no_services", "services", None, None, "no services are defined", "ยังไม่มีบริการ"),
    ("fee_due_mismatch", "fee.due", 1, "SAMPLE", 'needs due = "none"', "กำหนดเวลาชำระ"),
    ("no_lawful_basis", "lawful_basis", 1, "SAMPLE", 'lawful_basis = "public_task"', "ไม่มีช่อง"),
    (
        "unknown_lawful_basis",
        "lawful_basis",
        1,
        "SAMPLE",
        "unknown lawful basis 'because_we_can'",
        "ฐานทางกฎหมาย",
    ),
    ("no_purpose", "purpose_en", 1, "SAMPLE", "required field is missing", "ไม่มีช่องที่จำเป็น"),
]


@pytest.mark.parametrize(
    ("name", "field", "number", "code", "en", "th"), CASES, ids=[c[0] for c in CASES]
)
def test_each_broken_sample_reports_one_clear_problem(
    name: str, field: str, number: int | None, code: str | None, en: str, th: str
) -> None:
    error = broken(name)
    assert len(error.problems) == 1, [p.text_en() for p in error.problems]
    problem = error.problems[0]
    assert problem.field == field
    assert problem.service_number == number
    assert problem.service_code == code
    assert en in problem.en
    assert th in problem.th
    # What the person sees names the file, the service and the field, in both languages.
    assert f"{name}.toml" in error.en and f"{name}.toml" in error.th
    assert field in error.en and field in error.th
    if number is not None:
        assert f"service #{number}" in error.en
        assert f"บริการลำดับที่ {number}" in error.th
        lines = (DATA / f"{name}.toml").read_text(encoding="utf-8").splitlines()
        headers = [i for i, line in enumerate(lines, start=1) if line == "[[services]]"]
        assert problem.line == headers[number - 1]  # where that service's block starts
        assert f"line {problem.line}" in error.en and f"บรรทัดที่ {problem.line}" in error.th


def test_errors_are_invalid_input_with_the_catalog_code() -> None:
    error = broken("negative_fee")
    assert isinstance(error, InvalidInput)
    assert error.code == "catalog_invalid"
    assert THAI.search(error.th)
    assert not THAI.search(error.en.replace(str(error.path), ""))
    assert error.detail is not None and "fee.amount_satang" in error.detail
    assert error.bilingual() == f"{error.th}\n{error.en}"


def test_syntax_error_gives_line_and_column() -> None:
    error = broken("syntax_error")
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert (problem.line, problem.column) == (10, 19)
    assert "line 10, column 19" in error.en
    assert "บรรทัดที่ 10 คอลัมน์ 19" in error.th
    assert "Expected '='" in problem.en  # tomllib's own words, for the curious


def test_syntax_error_at_end_of_file(tmp_path: Path) -> None:
    path = tmp_path / "services.toml"
    path.write_text("format_version = 1\nservices = [", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    problem = caught.value.problems[0]
    assert problem.line is None
    assert "at the end of the file" in problem.en and "ที่ท้ายไฟล์" in problem.th


def test_form_field_problems() -> None:
    error = broken("bad_form_field")
    fields = [p.field for p in error.problems]
    assert fields == ["form_fields[2].choices", "form_fields[3].type"]
    assert "choices = [" in error.problems[0].en
    assert "unknown field type 'datetime'" in error.problems[1].en


def test_all_problems_are_reported_together() -> None:
    error = broken("many_problems")
    found = {(p.service_number, p.service_code, p.field) for p in error.problems}
    assert found == {
        (1, "SAMPLE", "name_en"),
        (1, "SAMPLE", "sla_business_days"),
        (2, "OTHER", "fee.amount_satang"),
        (2, "OTHER", "ial"),  # sensitive with IAL 1
        (3, "SAMPLE", "ial"),  # IAL 7
        (3, "SAMPLE", "code"),  # duplicate of #1
    }
    assert "6" in error.en and "6" in error.th
    assert error.detail is not None and len(error.detail.splitlines()) == 6
    assert [p.line for p in error.problems if p.service_number == 2] == [37, 37]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "services.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "valid_minimal.toml").read_bytes())
    assert load_catalog(path).codes == ("SAMPLE",)


def test_file_saved_in_thai_windows_encoding(tmp_path: Path) -> None:
    path = tmp_path / "services.toml"
    text = (DATA / "valid_minimal.toml").read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp874"))
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    problem = caught.value.problems[0]
    assert "UTF-8" in problem.en and "UTF-8" in problem.th
    first_thai = next(i for i, line in enumerate(text.splitlines(), 1) if THAI.search(line))
    assert problem.line == first_thai  # where the first non-UTF-8 byte is


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path / "nowhere.toml")
    assert "does not exist" in caught.value.en
    assert "ไม่พบไฟล์" in caught.value.th
    assert caught.value.code == "catalog_invalid"


def test_many_problems_are_summarised_not_flooded(tmp_path: Path) -> None:
    base = (DATA / "valid_minimal.toml").read_text(encoding="utf-8")
    path = tmp_path / "services.toml"
    head, block = base.split("[[services]]", 1)
    block = block.replace("sla_business_days = 5", "sla_business_days = 0")
    text = head + "".join(
        "[[services]]" + block.replace('code = "SAMPLE"', f'code = "S{i}"') for i in range(20)
    )
    path.write_text(text, "utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    error = caught.value
    assert len(error.problems) == 20
    assert "and 5 more" in error.en and "และอีก 5 รายการ" in error.th
    assert error.detail is not None and len(error.detail.splitlines()) == 20
