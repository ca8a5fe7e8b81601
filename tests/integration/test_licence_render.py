"""Every licence template, drawn: Thai right to the eye (pdftoppm PNGs in artifacts/ to look
at) and extracted by pypdf and pdftotext exactly as each wrapped row was written."""

from __future__ import annotations

import pytest

from services.issuing.render import LicenceContent, render_licence
from services.issuing.templates import load_templates
from services.produce.pdf.a4 import wrap_text
from services.produce.pdf.flow import document_faces
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact

TEMPLATES = load_templates()


def _content(title_th: str) -> LicenceContent:
    return LicenceContent(
        agency_th="องค์การบริหารส่วนตำบลหนองไผ่",
        agency_en="Nong Phai Subdistrict Administrative Organization",
        number="12/2569",
        service_th=title_th,
        service_en="Licence",
        applicant="นางสาวผู้ยื่น ญี่ปุ่นดี",
        licensee="บริษัท น้ำใสญี่ปุ่น จำกัด",
        premises="เลขที่ 99 หมู่ 4 ตำบลหนองไผ่ อำเภอเมือง จังหวัดนครปฐม",
        granted_th="5 ธันวาคม 2569",
        granted_en="5 December 2026",
        valid_until_th="4 ธันวาคม 2570",
        valid_until_en="4 December 2027",
        conditions=(
            "ต้องจัดให้มีที่ล้างมือสำหรับผู้สัมผัสอาหารที่ผู้ยื่นคำขอแจ้งไว้อย่างเพียงพอและต้องรักษาความสะอาดของห้องน้ำตลอดเวลาที่เปิดให้บริการ",
            "ห้ามวางปิ่นโตและภาชนะใส่น้ำดื่มบนพื้น",
        ),
        approver="นายอนุมัติ รอบคอบ",
        position="นายกองค์การบริหารส่วนตำบลหนองไผ่",
        verification_code="K7QF-3MZP-X2AB",
        verification_url="https://nongphai.go.th/verify/K7QF-3MZP-X2AB.html",
    )


@pytest.mark.parametrize("service", sorted(TEMPLATES))
def test_every_template_reads_right_and_extracts_each_row_exactly(service: str) -> None:
    template = TEMPLATES[service]
    content = _content(template.title_th)
    data = render_licence(template, content)
    path = save_artifact(f"licence_{service}.pdf", data)
    text = " ".join(pypdf_pages(data))
    layout = " ".join(pdftotext_pages(path))
    face = document_faces().regular
    width = 595.2756 - 2 * 48
    grant = template.grant("th", {"licensee": content.licensee, "premises": content.premises,
                                  "valid_until": content.valid_until_th})  # fmt: skip
    rows = wrap_text(grant, face, 11.5, width)
    condition_rows = wrap_text(f"1. {content.conditions[0]}", face, 11, width - 8)
    assert len(rows) >= 2 and len(condition_rows) >= 2  # real wrapped paragraphs
    expected = [*rows, *condition_rows, template.title_th, "ห้ามวางปิ่นโตและภาชนะใส่น้ำดื่มบนพื้น",
                "นางสาวผู้ยื่น ญี่ปุ่นดี", "บริษัท น้ำใสญี่ปุ่น จำกัด", "รหัสตรวจสอบ K7QF-3MZP-X2AB"]  # fmt: skip
    for phrase in expected:
        assert folded(phrase) in text, phrase
        assert folded(phrase) in layout, phrase
