"""The demo's fictional applicants, requests and generated attachments."""

from __future__ import annotations

import io
import re
import subprocess
import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from demo.content import (
    DEMO_NOW,
    assign_service_codes,
    demo_applicants,
    demo_requests,
    render_attachments,
)
from demo.documents import pdf_fonts_are_shaped
from demo.images import ID_CARD_DPI, ID_CARD_SIZE, LOW_RES_DPI, LOW_RES_SIZE, SLIP_DPI, SLIP_SIZE
from demo.model import AttachmentKind, DemoApplicant, DemoAttachment, DemoRequest
from services.kernel.clock import BANGKOK
from services.kernel.thai_id import check_digit, is_valid_national_id, juristic_id_valid
from tests.peers.tools import require_font, require_tool

# The codes of resources/catalog/services.toml.
CODES = ["FOOD-SHOP", "FOOD-NOTICE", "HEALTH-HAZARD", "BUILDING", "PETITION"]
CATALOG = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "services.toml"
A4_WIDTH_INCHES = 8.27
PUA = re.compile("[\uf700-\uf71f]")


@pytest.fixture(scope="module")
def applicants() -> list[DemoApplicant]:
    return demo_applicants()


@pytest.fixture(scope="module")
def requests() -> list[DemoRequest]:
    return demo_requests(CODES)


@pytest.fixture(scope="module")
def rendered(
    applicants: list[DemoApplicant], requests: list[DemoRequest]
) -> dict[str, list[DemoAttachment]]:
    return {r.key: render_attachments(r, applicants[r.applicant_index]) for r in requests}


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


# --------------------------------------------------------------------------- national ids


def test_check_digit_follows_the_official_algorithm() -> None:
    # 1·13 + 0·12 + … + 1·2 = 15; 15 mod 11 = 4; 11 - 4 = 7.
    assert check_digit("100000000001") == 7
    # 3·13 + 1·12 + 1·10 + 1·6 + 2·5 + 3·4 + 4·3 + 5·2 = 111; mod 11 = 1; (11 - 1) mod 10 = 0.
    assert check_digit("310100012345") == 0
    # 1·13 + 1·12 + 1·10 + 7·9 + 2·6 + 3·4 + 7·3 = 143; mod 11 = 0; (11 - 0) mod 10 = 1.
    assert check_digit("110170020370") == 1
    assert is_valid_national_id("1101700203701")
    assert not is_valid_national_id("1101700203703")
    assert not is_valid_national_id("110170020370")
    assert not is_valid_national_id("11017002037O3")


def test_every_national_id_is_valid_unique_and_cannot_be_real(
    applicants: list[DemoApplicant],
) -> None:
    numbers = [a.national_id for a in applicants] + [a.signer.national_id for a in applicants]
    for number in numbers:
        assert is_valid_national_id(number), number
        assert number[1:3] == "99", "province code 99 does not exist: the number is fictional"
    distinct = {a.national_id for a in applicants} | {a.signer.national_id for a in applicants}
    assert len(distinct) == len(applicants) + sum(a.is_juristic for a in applicants)


def test_ids_are_derived_deterministically(applicants: list[DemoApplicant]) -> None:
    assert [a.national_id for a in demo_applicants()] == [a.national_id for a in applicants]


# --------------------------------------------------------------------------- applicants


def test_applicants_mix_persons_and_juristic_persons(applicants: list[DemoApplicant]) -> None:
    persons = [a for a in applicants if not a.is_juristic]
    juristic = [a for a in applicants if a.is_juristic]
    assert len(persons) == 9
    assert len(juristic) == 4
    assert len({a.key for a in applicants}) == len(applicants)
    for person in persons:
        assert person.signer.national_id == person.national_id
        assert person.name_th == f"{person.signer.title_th}{person.signer.first_name_th} " + (
            person.signer.last_name_th
        )
        assert person.name_en.split()[0] in ("Mr", "Mrs", "Miss", "Ms")
        assert person.national_id[0] in "1238"
    for company in juristic:
        assert company.name_th.startswith(("บริษัท ", "ห้างหุ้นส่วนจำกัด "))
        assert company.national_id[0] == "0"
        assert juristic_id_valid(company.national_id), company.national_id
        assert company.signer_position_th and company.signer_position_en
        assert company.registered_on is not None
    assert "นางสาวสมหญิง ใจดี" in [a.name_th for a in applicants]


def test_contacts_use_example_domains_and_mobile_numbers(
    applicants: list[DemoApplicant],
) -> None:
    for applicant in applicants:
        local, _, domain = applicant.email.partition("@")
        assert local and domain in ("example.com", "example.co.th"), applicant.email
        assert re.fullmatch(r"08\d-\d{3}-\d{4}", applicant.phone), applicant.phone
        assert applicant.address.postcode.startswith("99")  # no real postcode does
        assert applicant.address.changwat == "ทองธารา"


# --------------------------------------------------------------------------- requests


def test_service_codes_are_assigned_by_keyword_then_position() -> None:
    assert assign_service_codes(CODES) == {
        "food": "FOOD-SHOP",
        "certificate": "FOOD-NOTICE",
        "hazard": "HEALTH-HAZARD",
        "building": "BUILDING",
        "petition": "PETITION",
    }
    # Order does not matter, and a food certificate goes to the certificate kind, not to food.
    mapped = assign_service_codes(["FOOD-NOTIFY-CERT", "PETITION", "FOOD-SHOP", "HAZARD"])
    assert mapped["certificate"] == "FOOD-NOTIFY-CERT"
    assert mapped["food"] == "FOOD-SHOP"
    # Unknown codes are handed out in order; a short catalog is reused.
    assert set(assign_service_codes(["A", "B", "C", "D", "E"]).values()) == set("ABCDE")
    assert set(assign_service_codes(["ONLY"]).values()) == {"ONLY"}
    with pytest.raises(ValueError):
        assign_service_codes([])


def test_every_kind_finds_its_own_code_in_the_real_catalog() -> None:
    with CATALOG.open("rb") as handle:
        codes = [service["code"] for service in tomllib.load(handle)["services"]]
    mapped = assign_service_codes(codes)
    assert len(set(mapped.values())) == len(mapped), mapped
    assert set(mapped.values()) <= set(codes)


def test_requests_cover_services_channels_and_languages(
    applicants: list[DemoApplicant], requests: list[DemoRequest]
) -> None:
    assert len(requests) == 25
    assert {r.service_code for r in requests} == set(CODES)
    assert len({r.key for r in requests}) == len(requests)
    channels = [r.channel for r in requests]
    assert channels.count("email") > len(requests) / 2
    assert "drive" in channels and "counter" in channels
    assert sum(r.language == "en" for r in requests) >= 2
    assert {r.applicant_index for r in requests} == set(range(len(applicants)))
    for request in requests:
        assert request.subject and request.body.strip()
        assert "{" not in request.subject + request.body, "a placeholder was left unfilled"
        assert request.received_offset > timedelta(0)
    delegated = [r for r in requests if r.delegate_index is not None]
    assert delegated
    for request in delegated:
        assert AttachmentKind.POWER_OF_ATTORNEY in request.attachments
        assert applicants[request.applicant_index].is_juristic
    assert any(not r.attachments for r in requests), "a message-only petition"


@pytest.mark.parametrize("now", [DEMO_NOW, datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK)])
def test_licences_are_paid_at_the_counter_on_a_weekday_then_issued_and_sent(now) -> None:
    """Only a standard service (a type-1 record signs its licence) goes past approval, and
    the applicant pays at the counter on a weekday, before now."""
    from demo.progress import steps_for

    far = [r for r in demo_requests(CODES, now=now) if r.progress in ("issued", "delivered")]
    assert {r.progress for r in far} == {"issued", "delivered"}
    for request in far:
        assert request.service_code == "FOOD-NOTICE", request.key
        received = request.received_at(now)
        steps = steps_for(request, received, ["x"] * len(request.attachments))
        # A step made by a factory (``_issue(request)``) is named by its factory.
        names = [s.run.__qualname__.split(".")[0] for s in steps]
        ends = ["_pay_at_counter", "_issue"] + (
            ["_deliver"] if request.progress == "delivered" else []
        )
        assert names[-len(ends) :] == ends, names
        moments = [s.at for s in steps]
        assert moments == sorted(moments) and received < moments[0] and moments[-1] < now
        paid = steps[names.index("_pay_at_counter")].at.astimezone(BANGKOK)
        assert paid.weekday() < 5, paid


def test_requests_come_oldest_first(requests: list[DemoRequest]) -> None:
    offsets = [r.received_offset for r in requests]
    assert offsets == sorted(offsets, reverse=True)


def _outside_hours(moment: datetime) -> bool:
    return not time(8, 30) <= moment.time() < time(16, 30)


@pytest.mark.parametrize(
    "now",
    [
        DEMO_NOW,
        datetime(2026, 11, 25, 15, 0, tzinfo=BANGKOK),  # Wednesday afternoon
        datetime(2026, 11, 28, 12, 0, tzinfo=BANGKOK),  # Saturday noon
        datetime(2026, 11, 29, 23, 30, tzinfo=BANGKOK),  # Sunday night
        datetime(2026, 12, 1, 1, 0, tzinfo=BANGKOK),  # Tuesday, early morning
    ],
)
def test_arrivals_mix_business_hours_evenings_and_weekends(now: datetime) -> None:
    arrived = [r.received_at(now).astimezone(BANGKOK) for r in demo_requests(CODES, now=now)]
    assert all(moment < now for moment in arrived)
    weekend = [m for m in arrived if m.weekday() >= 5]
    weekday_evening = [m for m in arrived if m.weekday() < 5 and _outside_hours(m)]
    in_hours = [m for m in arrived if m.weekday() < 5 and not _outside_hours(m)]
    assert len(weekend) >= 3
    assert len(weekday_evening) >= 2
    assert len(in_hours) >= 8
    assert len({m.date() for m in arrived}) >= 10, "spread over days, not bunched"


def test_counter_requests_arrive_in_office_hours(requests: list[DemoRequest]) -> None:
    for request in (r for r in requests if r.channel == "counter"):
        moment = request.received_at(DEMO_NOW).astimezone(BANGKOK)
        assert moment.weekday() < 5 and not _outside_hours(moment)


# --------------------------------------------------------------------------- attachments


def test_attachments_follow_the_request(
    requests: list[DemoRequest], rendered: dict[str, list[DemoAttachment]]
) -> None:
    for request in requests:
        files = rendered[request.key]
        assert len(files) == len(request.attachments)
        assert len({f.filename for f in files}) == len(files)
        for kind, attachment in zip(request.attachments, files, strict=True):
            expected = "image/jpeg" if kind.endswith(("photo", "slip")) else "application/pdf"
            assert attachment.content_type == expected
            assert attachment.filename.endswith(".jpg" if expected == "image/jpeg" else ".pdf")
            assert "/" not in attachment.filename and "\\" not in attachment.filename


def test_pdfs_open_and_extract_the_exact_thai_name(
    applicants: list[DemoApplicant],
    requests: list[DemoRequest],
    rendered: dict[str, list[DemoAttachment]],
) -> None:
    count = 0
    for request in requests:
        applicant = applicants[request.applicant_index]
        for attachment in rendered[request.key]:
            if attachment.content_type != "application/pdf":
                continue
            count += 1
            reader = pypdf.PdfReader(io.BytesIO(attachment.data))
            assert len(reader.pages) >= 1
            text = _pdf_text(attachment.data)
            assert applicant.name_th in text, (request.key, attachment.filename)
            assert not PUA.search(text), "presentation forms must extract as plain Thai"
    assert count >= 30


def test_pdftotext_extracts_the_same_strings(
    applicants: list[DemoApplicant],
    requests: list[DemoRequest],
    rendered: dict[str, list[DemoAttachment]],
) -> None:
    delegated = next(r for r in requests if r.delegate_index is not None)
    attorney = next(a for a in rendered[delegated.key] if a.filename == "หนังสือมอบอำนาจ.pdf")
    pdftotext = require_tool("pdftotext", "poppler-utils")  # a failure with the hint, never a skip
    text = subprocess.run(
        [pdftotext, "-", "-"], input=attorney.data, capture_output=True, check=True
    ).stdout.decode()
    assert "หนังสือมอบอำนาจ" in text
    assert applicants[delegated.applicant_index].name_th in text
    assert applicants[delegated.delegate_index or 0].signer.name_th in text
    assert not PUA.search(text)


def test_each_pdf_says_what_it_is(
    requests: list[DemoRequest], rendered: dict[str, list[DemoAttachment]]
) -> None:
    titles = {
        AttachmentKind.HOUSE_REGISTRATION: "ทะเบียนบ้าน",
        AttachmentKind.SITE_MAP: "แผนที่ตั้ง",
        AttachmentKind.POWER_OF_ATTORNEY: "หนังสือมอบอำนาจ",
        AttachmentKind.COMPANY_CERTIFICATE: "หนังสือรับรอง",
        AttachmentKind.PREMISES_CONSENT: "หนังสือยินยอมให้ใช้สถานที่",
        AttachmentKind.FLOOR_PLAN: "แผนผังภายในสถานประกอบการ",
    }
    forms = {
        "food": "แบบคำขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        "hazard": "แบบคำขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
        "certificate": "แบบคำขอรับหนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
        "building": "แบบคำขออนุญาตก่อสร้าง ดัดแปลง รื้อถอน หรือเคลื่อนย้ายอาคาร",
        "petition": "แบบคำร้องทั่วไป",
    }
    for request in requests:
        for kind, attachment in zip(request.attachments, rendered[request.key], strict=True):
            if attachment.content_type != "application/pdf":
                continue
            text = _pdf_text(attachment.data)
            expected = forms[request.kind] if kind == "application_form" else titles[kind]
            assert expected in text, (request.key, kind)
            assert "SAMPLE" in text


def _jpeg(attachment: DemoAttachment) -> Image.Image:
    image = Image.open(io.BytesIO(attachment.data))
    assert image.format == "JPEG"
    image.load()
    return image


def test_jpegs_have_the_expected_size_and_dpi(
    requests: list[DemoRequest], rendered: dict[str, list[DemoAttachment]]
) -> None:
    expected = {
        AttachmentKind.ID_CARD_PHOTO: (ID_CARD_SIZE, ID_CARD_DPI),
        AttachmentKind.DELEGATE_ID_CARD_PHOTO: (ID_CARD_SIZE, ID_CARD_DPI),
        AttachmentKind.PAYMENT_SLIP: (SLIP_SIZE, SLIP_DPI),
        AttachmentKind.LOW_RES_PHOTO: (LOW_RES_SIZE, LOW_RES_DPI),
    }
    seen = set()
    for request in requests:
        for kind, attachment in zip(request.attachments, rendered[request.key], strict=True):
            if kind not in expected:
                continue
            seen.add(kind)
            size, dpi = expected[kind]
            image = _jpeg(attachment)
            assert image.size == size
            assert image.mode == "RGB"
            assert tuple(round(d) for d in image.info["dpi"]) == (dpi, dpi)
    assert seen == set(expected)


def test_the_low_resolution_photo_is_too_small_for_a4(
    requests: list[DemoRequest], rendered: dict[str, list[DemoAttachment]]
) -> None:
    request = next(r for r in requests if AttachmentKind.LOW_RES_PHOTO in r.attachments)
    index = request.attachments.index(AttachmentKind.LOW_RES_PHOTO)
    image = _jpeg(rendered[request.key][index])
    assert image.width < 1000
    assert image.width / A4_WIDTH_INCHES < 150
    assert image.info["dpi"][0] < 150


def test_the_id_card_is_a_sample_not_a_real_design(
    requests: list[DemoRequest], rendered: dict[str, list[DemoAttachment]]
) -> None:
    request = next(r for r in requests if AttachmentKind.ID_CARD_PHOTO in r.attachments)
    card = _jpeg(rendered[request.key][request.attachments.index(AttachmentKind.ID_CARD_PHOTO)])
    # The header band is the sample's own green, and the red SAMPLE stamp crosses the card.
    red, green, blue = card.getpixel((5, 5))
    assert green > red and green > blue
    pixels = [
        card.getpixel((x, y)) for x in range(0, card.width, 8) for y in range(0, card.height, 8)
    ]
    reds = sum(1 for r, g, _b in pixels if r > 200 and g < 170)
    assert reds > 50


def test_rendering_is_byte_for_byte_deterministic(
    applicants: list[DemoApplicant],
    requests: list[DemoRequest],
    rendered: dict[str, list[DemoAttachment]],
) -> None:
    for request in requests:
        again = render_attachments(request, applicants[request.applicant_index])
        assert again == rendered[request.key], request.key
    other_now = DEMO_NOW + timedelta(days=30)
    moved = demo_requests(CODES, now=other_now)
    first = moved[0]
    assert render_attachments(
        first, applicants[first.applicant_index], now=other_now
    ) == render_attachments(first, applicants[first.applicant_index], now=other_now)


def test_pdfs_use_the_tlwg_fonts_when_installed() -> None:
    require_font("Garuda.ttf", "fonts-thai-tlwg")
    assert pdf_fonts_are_shaped()
