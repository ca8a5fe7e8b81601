"""Every hold reason speaks to two audiences; the applicant's text never talks like an officer."""

from __future__ import annotations

import re

import pytest

from services.intake.holds import HOLD_REASONS
from services.intake.inspect.reasons import GENERIC_APPLICANT, REASONS, applicant_texts

# Officer wording: the applicant in the third person, or an instruction to an officer.
OFFICER_WORDING = re.compile(
    r"ผู้ยื่น|ขอให้ผู้|ขอให้ส่ง|ขอภาพใหม่|ให้เจ้าหน้าที่ตรวจ|โจมตี|"
    r"\bthe applicant\b|\bapplicant's\b|\bask (the|for)\b|\bfor an officer\b|\battack",
    re.IGNORECASE,
)
THAI = re.compile("[\u0e00-\u0e7f]")

ALL = [
    *((code, r.applicant_th, r.applicant_en, r.officer_th, r.officer_en) for code, r in
      REASONS.items()),
    *((code, r.applicant_th, r.applicant_en, r.officer_th, r.officer_en) for code, r in
      HOLD_REASONS.items()),
    ("generic", *GENERIC_APPLICANT, "ทั่วไป", "generic"),
]  # fmt: skip
FIELDS = {k: "X" for k in ("size", "limit", "member", "ratio", "what_th", "what_en", "named_th",
                           "named_en", "detail", "min_dpi", "ext", "tracking_number", "named",
                           "accepted", "seconds", "pages")}  # fmt: skip


@pytest.mark.parametrize(("code", "to_th", "to_en", "officer_th", "officer_en"), ALL)
def test_every_reason_has_an_applicant_text_without_officer_wording(
    code: str, to_th: str, to_en: str, officer_th: str, officer_en: str
) -> None:
    assert officer_th and officer_en and to_th and to_en, code
    assert THAI.search(to_th) and THAI.search(officer_th), code
    for text in (to_th, to_en):
        assert not OFFICER_WORDING.search(text.format(**FIELDS)), (code, text)
        assert text != officer_th and text != officer_en, code


def test_the_oversized_file_tells_the_applicant_to_make_it_smaller() -> None:
    th, en = applicant_texts("file_too_large", {"size": "30.1 MB", "limit": "25 MB"})
    assert "30.1 MB" in th and "25 MB" in en
    assert "โปรดย่อขนาด" in th and "please make it smaller" in en
    assert applicant_texts("no_such_code", {}) == GENERIC_APPLICANT


def test_the_officer_wording_check_catches_the_old_text() -> None:
    assert OFFICER_WORDING.search(REASONS["file_too_large"].officer_en)
    assert OFFICER_WORDING.search(REASONS["file_too_large"].officer_th)
