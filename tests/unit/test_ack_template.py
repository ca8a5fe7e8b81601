"""M03: an edited acknowledgement template must keep the SLA, conditions, disclaimer and the rest.

Each case removes one part from the shipped template, as an agency editing it might, and the
template is refused with a message, in Thai and English, that names what is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from services.intake.acknowledgement import DEFAULT_TEMPLATE, check_template, render_acknowledgement
from services.kernel.errors import InvalidInput

SHIPPED = DEFAULT_TEMPLATE.read_text(encoding="utf-8")


def _without_lines(*needles: str) -> str:
    return "\n".join(line for line in SHIPPED.splitlines() if not any(n in line for n in needles))


def _without_section(heading: str) -> str:
    """Drop the paragraph that starts with ``heading`` (up to the next blank line)."""
    out, skipping = [], False
    for line in SHIPPED.splitlines():
        if line.startswith(heading):
            skipping = True
        elif skipping and not line.strip():
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out)


def _refusal(tmp_path: Path, text: str) -> InvalidInput:
    template = tmp_path / "acknowledgement.txt"
    template.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        check_template(template)
    return refused.value


def test_the_shipped_template_has_every_required_part() -> None:
    check_template(DEFAULT_TEMPLATE)


CASES = {
    "sla dropped": (_without_lines("$sla_th", "$sla_en"),
                    ["$sla_th", "$sla_en", "$sla_due_th", "$sla_due_en"]),
    "thai sla dropped": (_without_lines("$sla_th"), ["$sla_th", "$sla_due_th"]),
    "older spelling without the thai due date": (
        SHIPPED.replace("$sla_th", "$sla_days วันทำการ").replace(
            "$sla_en", "$sla_days business days (due $sla_due_en)"),
        ["$sla_due_th"],
    ),
    "deemed time dropped": (
        _without_lines("$deemed_received_th", "$deemed_received_en"),
        ["$deemed_received_th", "$deemed_received_en"],
    ),
    "thai conditions dropped": (_without_section("เงื่อนไข"), ["the conditions in Thai"]),
    "english conditions dropped": (_without_section("Conditions"), ["the conditions in English"]),
    "thai disclaimer dropped": (_without_section("ข้อสงวนสิทธิ์"), ["the disclaimer in Thai"]),
    "english disclaimer dropped": (_without_section("Disclaimer"), ["the disclaimer in English"]),
    "thai tracking dropped": (
        _without_section("การติดตาม ยกเลิก"),
        ["how to track, cancel or correct it, in Thai"],
    ),
    "english tracking dropped": (
        _without_section("To track, cancel"),
        ["how to track, cancel or correct it, in English"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_template_missing_a_required_part_is_refused(tmp_path: Path, case: str) -> None:
    text, named = CASES[case]
    assert text != SHIPPED
    refused = _refusal(tmp_path, text)
    assert "lacks required parts" in refused.en and "ขาดส่วนที่ต้องมี" in refused.th
    for part in named:
        assert part in refused.en, (part, refused.en)
    assert "DGA guidelines (draft) §6.1.2" in refused.en
    assert "แนวปฏิบัติกระบวนการทางดิจิทัลภาครัฐ (ร่าง)" in refused.th


def test_only_the_missing_parts_are_named(tmp_path: Path) -> None:
    refused = _refusal(tmp_path, _without_section("Disclaimer"))
    assert "Thai" not in refused.en.split("lacks required parts:")[1].split(".")[0]


def test_the_disclaimer_may_use_the_guidelines_own_thai_term(tmp_path: Path) -> None:
    template = tmp_path / "acknowledgement.txt"
    template.write_text(SHIPPED.replace("ข้อสงวนสิทธิ์:", "ข้อจำกัดความรับผิดชอบ:"), encoding="utf-8")
    check_template(template)


def test_a_placeholder_in_braces_counts(tmp_path: Path) -> None:
    template = tmp_path / "acknowledgement.txt"
    template.write_text(SHIPPED.replace("$sla_th", "${sla_th}"), encoding="utf-8")
    check_template(template)
    _, body = render_acknowledgement({"sla_th": "15 วันทำการ"}, [], [], template)
    assert "15 วันทำการ" in body


def test_the_older_spelling_of_the_sla_still_counts(tmp_path: Path) -> None:
    template = tmp_path / "acknowledgement.txt"
    template.write_text(
        SHIPPED.replace("$sla_th", "$sla_days วันทำการ (กำหนดแล้วเสร็จ $sla_due_th)").replace(
            "$sla_en", "$sla_days business days (due $sla_due_en)"
        ),
        encoding="utf-8",
    )
    check_template(template)


def test_an_unclassified_request_is_told_the_sla_follows() -> None:
    from services.intake.acknowledgement import sla_texts

    th, en = sla_texts(None, "-", "-")
    _, body = render_acknowledgement({"sla_th": th, "sla_en": en}, [], [], DEFAULT_TEMPLATE)
    assert "- วันทำการ" not in body and "กำหนดแล้วเสร็จ -" not in body
    assert "เมื่อเจ้าหน้าที่ระบุประเภทบริการ" in body
    assert "once an officer has identified the service" in body
    th, en = sla_texts(15, "1 ธ.ค. 2569", "1 Dec 2026")
    _, body = render_acknowledgement({"sla_th": th, "sla_en": en}, [], [], DEFAULT_TEMPLATE)
    assert "15 วันทำการ (กำหนดแล้วเสร็จ 1 ธ.ค. 2569)" in body and "15 business days" in body


def test_an_edited_template_is_read_again_and_a_broken_edit_refused(tmp_path: Path) -> None:
    # The checked template is kept between mails (services.letters.templates); an agency's edit
    # must still take effect on the next mail, and an edit that breaks it must still be refused.
    template = tmp_path / "acknowledgement.txt"
    template.write_text(SHIPPED, encoding="utf-8")
    subject, _ = render_acknowledgement({"tracking_number": "X-1"}, [], [], template)
    template.write_text(SHIPPED.replace("$tracking_number", "[$tracking_number]", 1), "utf-8")
    edited, _ = render_acknowledgement({"tracking_number": "X-1"}, [], [], template)
    assert "[X-1]" in edited and "[X-1]" not in subject
    # Same size, new words: the file's version (inode, time, size) tells the two apart.
    moved = tmp_path / "next.txt"
    moved.write_text(SHIPPED.replace("$tracking_number", "$tracking_numbex", 1), "utf-8")
    moved.replace(template)
    with pytest.raises(InvalidInput) as refused:
        render_acknowledgement({"tracking_number": "X-1"}, [], [], template)
    assert "tracking_numbex" in refused.value.en
    template.write_text(SHIPPED, encoding="utf-8")
    again, _ = render_acknowledgement({"tracking_number": "X-1"}, [], [], template)
    assert again == subject
