"""The "Licences issued" list searched and filtered (services.issuing.listing), on the real
store — SQLite here, and PostgreSQL in `make test`'s agency pass.

A register of a few hundred entries, the system's licences and paper ones typed in from
before the system, is searched the way officers look a licence up: by its number, the
licensee's Thai name, the holder's national ID (shown masked), a status, a service, expiry
soon, and date ranges; pages run newest first with the count of all that match.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, timedelta

import pytest

from models import IssuedDocument
from services.api.issuing import Issuing, LicenceQuery, PaperLicence
from services.cases.applications import NewApplicant, create_application, find_or_create_applicant
from services.kernel.actors import SYSTEM
from services.kernel.errors import PermissionDenied
from services.kernel.thai_id import format_national_id
from tests.integration.test_review import users, ws

HOLDER_ID = "3100700512342"  # a valid check digit
HOLDER = "ร้านครัวใจดี โดย นายสมชาย ใจดี"
OLD_PAPER = PaperLicence(
    "ทม 7/2541", "ร้านขายยาเภสัชสมบูรณ์ โดย นางสาววิไล ศรีสุข",
    "ใบอนุญาตขายยาแผนปัจจุบัน", "12/5/2541", "31/12/2569",
)  # fmt: skip
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # the test clock


def fill_register(context, system: int, paper: int, now: datetime = NOW) -> str:
    """``system`` licences on one request of :data:`HOLDER` (FOOD-SHOP, issued a day apart
    back from ``now``, every seventh revoked, every fifth expiring within weeks, every other
    one in the holder's name), and ``paper`` ones registered by hand earlier still (every
    other one valid 200 days, so expired); the request's id."""
    with context.unit_of_work(SYSTEM) as uow:
        applicant = find_or_create_applicant(
            uow, NewApplicant(kind="person", title_th="", name_th=HOLDER, national_id=HOLDER_ID)
        )
        app = create_application(
            uow, context.calendar, agency_code=context.agency_code,
            station_code=context.station_code, channel="email", received_at=now,
            subject="ขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", applicant=applicant,
            service_code="FOOD-SHOP",
        )  # fmt: skip
        app_id = app.id
    entries = []
    for i in range(system):
        issued = now - timedelta(days=i + 1)
        entries.append(
            IssuedDocument(
                application_id=app_id,
                document_number=f"{i + 1}/2569",
                file_name=f"licence-{i + 1}.pdf",
                blob_sha256="0" * 64,
                issued_at=issued,
                valid_until=now + timedelta(days=10 + i)
                if i % 5 == 0
                else issued + timedelta(days=5 * 365),
                verification_code=f"S{i:08d}",
                status="revoked" if i % 7 == 3 else "valid",
                service_code="FOOD-SHOP",
                subject_th="ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
                subject_en="Food shop licence",
                licensee=HOLDER if i % 2 else f"บริษัท ที่ {i} จำกัด",
            )  # fmt: skip
        )
    for i in range(paper):
        issued = now - timedelta(days=system + 30 + i)
        entries.append(
            IssuedDocument(
                application_id=None,
                document_number=f"ทม {i + 1}/2550",
                file_name="",
                blob_sha256="",
                issued_at=issued,
                valid_until=issued + timedelta(days=200 if i % 2 else 1000),
                verification_code=f"P{i:08d}",
                status="valid",
                origin="paper",
                subject_th="ใบอนุญาตประกอบกิจการ",
                subject_en="ใบอนุญาตประกอบกิจการ",
                licensee=f"นายทดสอบ ลำดับที่ {i}",
                registered_by="นายกำกับ ดูแล",
                registered_at=now,
            )  # fmt: skip
        )
    with context.store.sessions() as session, session.begin():
        session.add_all(entries)
    return app_id


@pytest.fixture
def issuing(context) -> Issuing:
    return Issuing(context, verify_base="https://nongphai.go.th/verify")


@pytest.fixture
def register(context, users, issuing) -> None:
    fill_register(context, system=240, paper=80)
    issuing.register_paper(users["approver"], OLD_PAPER)


def _numbers(issuing, user, query: LicenceQuery, **page) -> list[str]:
    return [r.number for r in issuing.find_issued(user, query, **page).rows]


def test_the_list_pages_newest_first_and_counts_all(context, users, register, issuing) -> None:
    intake = users["intake"]
    first = issuing.find_issued(intake, LicenceQuery(), limit=100)
    assert first.total == 321 and len(first.rows) == 100 and first.more
    assert [r.number for r in first.rows[:3]] == ["1/2569", "2/2569", "3/2569"]
    last = issuing.find_issued(intake, LicenceQuery(), offset=300, limit=100)
    assert len(last.rows) == 21 and not last.more
    # The oldest is the paper licence of 2541, long past the first page.
    assert last.rows[-1].number == "ทม 7/2541" and last.rows[-1].origin == "paper"
    seen = {r.number for r in first.rows} | {r.number for r in last.rows}
    assert len(seen) == 121  # no entry twice across pages


def test_a_licence_is_found_by_its_number_or_the_start_of_it(users, register, issuing) -> None:
    intake = users["intake"]
    assert _numbers(issuing, intake, LicenceQuery(" ทม 7/2541 ")) == ["ทม 7/2541"]
    assert _numbers(issuing, intake, LicenceQuery("23/25")) == ["23/2569"]
    assert set(_numbers(issuing, intake, LicenceQuery("ทม 7"))) == {
        "ทม 7/2541", "ทม 7/2550", "ทม 70/2550", "ทม 71/2550", "ทม 72/2550", "ทม 73/2550",
        "ทม 74/2550", "ทม 75/2550", "ทม 76/2550", "ทม 77/2550", "ทม 78/2550", "ทม 79/2550",
    }  # fmt: skip
    assert issuing.find_issued(intake, LicenceQuery("999/2569")).total == 0


def test_a_thai_name_finds_the_old_paper_licence_and_every_word_must_match(
    users, register, issuing
) -> None:
    approver = users["approver"]
    page = issuing.find_issued(approver, LicenceQuery("วิไล ศรีสุข"))
    assert [r.number for r in page.rows] == ["ทม 7/2541"] and page.total == 1
    (row,) = page.rows
    assert row.may_revoke and row.holder_id == "" and row.issued_at.year == 1998
    assert issuing.find_issued(approver, LicenceQuery("วิไล ใจดี")).total == 0
    # The subject in English, any case.
    assert issuing.find_issued(approver, LicenceQuery("FOOD shop")).total == 240
    assert issuing.find_issued(approver, LicenceQuery("สมชาย")).total == 120
    # LIKE's wildcards are text here, not patterns.
    assert issuing.find_issued(approver, LicenceQuery("%")).total == 0


def test_the_holders_id_finds_their_licences_and_is_shown_masked(users, register, issuing) -> None:
    intake = users["intake"]
    typed = format_national_id(HOLDER_ID).replace("-", " ")  # as read off the card
    page = issuing.find_issued(intake, LicenceQuery(typed), limit=10)
    assert page.total == 240 and all(r.holder_id == "X-XXXX-XXXXX-34-2" for r in page.rows)
    assert HOLDER_ID not in repr(page)
    thai_digits = HOLDER_ID.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert issuing.find_issued(intake, LicenceQuery(thai_digits)).total == 240
    # One digit wrong fails the check digit: nothing, rather than a near match.
    assert issuing.find_issued(intake, LicenceQuery(HOLDER_ID[:-1] + "3")).total == 0


def test_status_service_and_expiry_filters(users, register, issuing) -> None:
    intake = users["intake"]
    count = {
        status: issuing.find_issued(intake, LicenceQuery(status=status)).total
        for status in ("valid", "expired", "revoked", "superseded", "paper")
    }
    # Paper ones issued 270 + i days ago, every other one valid only 200 days.
    expired_paper = 40
    assert count == {"valid": 321 - 34 - expired_paper, "expired": expired_paper,
                     "revoked": 34, "superseded": 0, "paper": 81}  # fmt: skip
    soon = issuing.find_issued(intake, LicenceQuery(expiring_within_days=30))
    # Every fifth system licence expires in 10 + i days: i in 0, 5, 10, 15 within 30, the
    # soonest first; 11/2569 (i = 10) was revoked, so it is not in force to expire.
    assert [r.number for r in soon.rows] == ["1/2569", "6/2569", "16/2569"]
    assert all(r.valid_until is not None and not r.expired for r in soon.rows)
    food = issuing.find_issued(intake, LicenceQuery("สมชาย", service_code="FOOD-SHOP"))
    assert food.total == 120
    assert issuing.find_issued(intake, LicenceQuery(service_code="NONE")).total == 0
    assert [s.code for s in issuing.issued_services(intake)] == ["FOOD-SHOP"]
    expired = issuing.find_issued(intake, LicenceQuery(status="expired"), limit=1).rows[0]
    assert expired.expired and expired.origin == "paper"


def test_issue_and_expiry_date_ranges_are_bangkok_days(users, register, issuing) -> None:
    intake = users["intake"]
    # NOW is 25 Nov 2026 10:00 in Bangkok; licence i + 1 was issued i + 1 days before.
    day = date(2026, 11, 20)
    assert _numbers(issuing, intake, LicenceQuery(issued_from=day, issued_to=day)) == ["5/2569"]
    week = LicenceQuery(issued_from=date(2026, 11, 18), issued_to=date(2026, 11, 24))
    assert issuing.find_issued(intake, week).total == 7
    old = LicenceQuery(issued_to=date(1999, 1, 1))
    assert _numbers(issuing, intake, old) == ["ทม 7/2541"]
    ends = LicenceQuery(expires_from=date(2026, 12, 31), expires_to=date(2026, 12, 31))
    assert _numbers(issuing, intake, ends) == ["ทม 7/2541"]


def test_only_those_who_see_the_issuing_page_may_search_it(users, register, issuing) -> None:
    with pytest.raises(PermissionDenied):
        issuing.find_issued(users["finance"], LicenceQuery("สมชาย"))
    with pytest.raises(PermissionDenied):
        issuing.issued_services(users["finance"])


def test_reading_the_register_uses_no_deprecated_sqlalchemy_api(users, register, issuing) -> None:
    """Both ways of reading the register (the searched page and the plain list) run clean
    under SQLAlchemy's deprecation warnings turned into errors: a deprecated call breaks
    on the next SQLAlchemy release, not in front of an officer."""
    from sqlalchemy.exc import SADeprecationWarning

    with warnings.catch_warnings():
        warnings.simplefilter("error", SADeprecationWarning)
        page = issuing.find_issued(users["intake"], LicenceQuery(), limit=5)
        listed = issuing.issued(users["intake"])
    assert [r.number for r in page.rows] == ["1/2569", "2/2569", "3/2569", "4/2569", "5/2569"]
    assert listed[0].number == "1/2569" and len(listed) == 321
