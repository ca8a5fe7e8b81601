"""Licence templates are checked on load, every problem named at its line; Thai paragraphs
wrap between words, never inside one."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.issuing.numbers import file_name, normal_code, verification_code
from services.issuing.templates import LicenceTemplateError, load_templates, parse_template
from services.produce.pdf.a4 import wrap_text
from services.produce.pdf.flow import document_faces
from services.produce.pdf.words import words


def test_every_service_that_grants_something_has_a_valid_template() -> None:
    assert set(load_templates()) == {"FOOD-SHOP", "FOOD-NOTICE", "HEALTH-HAZARD", "BUILDING"}


def test_a_broken_template_names_each_problem_at_its_line(tmp_path: Path) -> None:
    text = (
        'service = "FOOD-SHOP"\n'
        'title_th = "ใบอนุญาต"\n'
        "title_en = 5\n"
        'grant_th = "อนุญาตให้ {licensee} ณ {address}"\n'
        'grant_en = "Permits {licensee"\n'
        'emblem = "missing.png"\n'
        'colour = "red"\n'
    )
    with pytest.raises(LicenceTemplateError) as caught:
        parse_template(text, tmp_path / "FOOD-SHOP.toml")
    where = {(p.field, p.line) for p in caught.value.problems}
    assert where == {("title_en", 3), ("grant_th", 4), ("grant_en", 5), ("emblem", 6),
                     ("colour", 7)}  # fmt: skip
    assert "{address}" in caught.value.en and "บรรทัดที่ 4" in caught.value.th
    with pytest.raises(LicenceTemplateError, match="line 1"):
        parse_template('service = "X\n', tmp_path / "X.toml")


def test_thai_wraps_between_dictionary_words_and_joins_back_exactly() -> None:
    face = document_faces().regular
    line = (
        "ผู้ได้รับใบอนุญาตต้องจัดให้มีที่ล้างมือสำหรับผู้ยื่นคำขอและผู้สัมผัสอาหารอย่างเพียงพอ "
        "ห้ามวางปิ่นโตบนพื้น และต้องรักษาความสะอาดของน้ำดื่มร้านอาหารญี่ปุ่นตลอดเวลา"
    )
    segmented = words(line)
    assert "".join(segmented) == line
    boundaries = {sum(len(w) for w in segmented[:i]) for i in range(len(segmented) + 1)}
    rows = wrap_text(line, face, 11, 150)
    assert len(rows) > 3
    # Each row ends at a word boundary (a dropped space included); joined back it is the line.
    offset = 0
    for row in rows:
        offset = line.index(row, offset) + len(row)
        assert offset in boundaries, row
    assert "".join(rows).replace(" ", "") == line.replace(" ", "")
    for word in ("ผู้ยื่น", "ปิ่นโต", "น้ำดื่ม", "ญี่ปุ่น"):
        assert any(word in row for row in rows), word


def test_saraban_file_names_and_codes() -> None:
    assert file_name("NPH", "นภ 52001", 2569, 12) == "NPH52001_2569_0012.pdf"
    assert file_name("N P/H.", "52001", 2569, 12, attachment=2) == "N_PH52001_2569_0012_2.pdf"
    code = verification_code()
    assert len(code) == 14 and code.count("-") == 2 and not set(code) & set("ILOU")
    assert normal_code(code.lower().replace("-", " ")) == code
    assert verification_code() != code
