"""The counter receipt (ใบรับคำขอ): one A4 page, Thai read back exactly by pypdf and pdftotext."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from services.api.ports import build_ports
from services.intake.counter import register_counter_request
from services.intake.types import Limits
from services.intake.views import CounterRequest
from services.kernel.errors import PermissionDenied
from services.produce.receipt import counter_receipt, render_receipt
from services.produce.receipt.content import PRIVACY_NOTICE_EN, PRIVACY_NOTICE_TH
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.pdf_reading import folded, pdftotext_pages, pypdf_pages, save_artifact


def _register(
    context,
    actor,
    tmp_path: Path,
    files: int = 1,
    email: str = "",
    service: str = "FOOD-SHOP",
    consent: bool | None = None,
) -> str:
    paths = []
    for i in range(files):
        scan = tmp_path / f"สำเนาบัตรประชาชน_{i + 1}.pdf"
        scan.write_bytes(corpus.file_pdf(2))
        paths.append(str(scan))
    request = CounterRequest(
        applicant_kind="person",
        applicant_name="นางสาวสมหญิง ใจดี",
        national_id="",
        email=email,
        phone="081-000-0000",
        service_code=service,
        subject="ยื่นคำขอที่เคาน์เตอร์",
        note="",
        files=tuple(paths),
        personal_data_consent=consent,
    )
    return register_counter_request(context, actor, request, Limits())


def test_receipt_states_what_the_applicant_needs(context, actors, tmp_path: Path) -> None:
    number = _register(context, actors["intake"], tmp_path)
    data = render_receipt(counter_receipt(context, actors["intake"], number))
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    path = save_artifact("counter_receipt.pdf", data)
    # The test clock: 25 November 2026 10:00 Bangkok, a Wednesday in business hours.
    expected = [
        "ใบรับคำขอ",
        f"เลขที่รับเรื่อง {number}",
        "ผู้ยื่นคำขอ นางสาวสมหญิง ใจดี",
        "เรื่อง ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร (พื้นที่เกิน 200 ตารางเมตร)",
        "ถือว่าได้รับเมื่อ 25 พฤศจิกายน 2569 เวลา 10:00 น.",
        "Deemed received: 25 November 2026, 10:00",
        "ระยะเวลาดำเนินการ 30 วันทำการ (กำหนดแล้วเสร็จ 12 มกราคม 2570)",
        "Processing time: 30 business days (due 12 January 2027)",
        "สำเนาบัตรประชาชน_1.pdf (2 หน้า / pages)",
        f"แจ้งเลขที่รับเรื่อง {number} ทุกครั้งที่ติดต่อสอบถาม",
        "ติดต่อเจ้าหน้าที่: saraban@test-municipality.example.go.th, โทร 042-000-001",
        "การคุ้มครองข้อมูลส่วนบุคคล",
        "ฐานทางกฎหมาย การปฏิบัติตามกฎหมาย (มาตรา 24 (6))",
        "Lawful basis: compliance with a legal obligation (PDPA s.24(6))",
        "วัตถุประสงค์ ใช้พิจารณาคำขออนุญาต ตรวจสถานประกอบการ ออกใบอนุญาต และติดต่อผู้ขออนุญาตเกี่ยวกับคำขอนี้",
        "Purpose: To consider the application, inspect the premises, issue the licence and "
        "contact the applicant about it",
        folded(PRIVACY_NOTICE_TH),
        folded(PRIVACY_NOTICE_EN),
    ]
    for text in (pypdf_pages(data)[0], pdftotext_pages(path)[0]):
        for line in expected:
            assert line in text, line


def test_many_documents_still_fit_one_page(context, actors, tmp_path: Path) -> None:
    number = _register(context, actors["intake"], tmp_path, files=14)
    data = render_receipt(counter_receipt(context, actors["intake"], number))
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = pypdf_pages(data)[0]
    assert "และเอกสารอื่นอีก 6 รายการ / and 6 more" in text
    assert "สำเนาบัตรประชาชน_8.pdf" in text and "สำเนาบัตรประชาชน_9.pdf" not in text
    save_artifact("counter_receipt_many.pdf", data)


def test_receipt_through_the_port_needs_the_counter_right(context, actors, tmp_path) -> None:
    number = _register(context, actors["intake"], tmp_path)
    ports = build_ports(context)
    intake_user = ports.shell.sign_in("intake", STAFF_PASSWORD)
    data = ports.intake.counter_receipt(intake_user, number)
    assert data.startswith(b"%PDF-") and number in pypdf_pages(data)[0]
    with pytest.raises(PermissionDenied):
        ports.intake.counter_receipt(ports.shell.sign_in("finance", STAFF_PASSWORD), number)


@pytest.mark.parametrize(
    ("given", "th", "en"),
    [
        (True, "ความยินยอม ผู้ยื่นคำขอให้ความยินยอมแล้ว", "Consent: given by the applicant"),
        (False, "ความยินยอม ผู้ยื่นคำขอไม่ได้ให้ความยินยอม", "Consent: not given"),
    ],
)
def test_receipt_of_a_consent_service_states_the_answer(
    context, actors, tmp_path: Path, given: bool, th: str, en: str
) -> None:
    number = _register(context, actors["intake"], tmp_path, service="PETITION", consent=given)
    data = render_receipt(counter_receipt(context, actors["intake"], number))
    path = save_artifact(f"counter_receipt_consent_{given}.pdf", data)
    for text in (pypdf_pages(data)[0], pdftotext_pages(path)[0]):
        assert "ฐานทางกฎหมาย ความยินยอมของเจ้าของข้อมูลส่วนบุคคล" in text
        assert th in text and en in text


def test_receipt_of_a_service_not_resting_on_consent_asks_nothing(
    context, actors, tmp_path: Path
) -> None:
    number = _register(context, actors["intake"], tmp_path)
    text = pypdf_pages(render_receipt(counter_receipt(context, actors["intake"], number)))[0]
    assert "ความยินยอม ผู้ยื่น" not in text and "Consent:" not in text
