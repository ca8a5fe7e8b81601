"""Search on a real encrypted profile: Thai substrings, Latin, short terms, IDs, tracking numbers,
document text, first-come order, and the index across re-opening and migration 0004."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from models import Application, Document
from models.store import create_store_engine
from services.cases.applications import NewApplicant, create_application, find_or_create_applicant
from services.cases.documents import attach_document
from services.cases.search import (
    _trigrams_starting_with,
    flush_index,
    index_application,
    index_stored_documents,
    search,
)
from services.kernel.actors import SYSTEM
from services.kernel.clock import BANGKOK
from services.kernel.thai_id import format_national_id, generate_valid_id
from services.store import keys
from services.store.engine import DB_FILE, _alembic_config
from services.store.profile import load_context
from tests.unit.test_text_extract import thai_pdf

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=BANGKOK)
SOMCHAI_ID = "3100700512342"  # a valid check digit


def _new(
    context,
    actor,
    *,
    name_th: str,
    subject: str,
    received_at: datetime = MONDAY,
    name_en: str = "",
    email: str = "",
    national_id: str | None = None,
    body: str = "",
    service: str | None = "FOOD-SHOP",
) -> tuple[str, str]:
    with context.unit_of_work(actor) as uow:
        applicant = find_or_create_applicant(
            uow,
            NewApplicant(
                kind="person",
                title_th="นาย",
                name_th=name_th,
                name_en=name_en,
                email=email,
                national_id=national_id,
            ),
        )
        app = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=received_at,
            subject=subject,
            body_text=body,
            applicant=applicant,
            service_code=service,
        )
        return app.id, app.tracking_number


def _find(context, clock, query: str, limit: int = 200) -> list[str]:
    with context.read() as session:
        return [
            row.tracking_number
            for row in search(session, context.calendar, clock.now(), query, limit)
        ]


def _sample(context, actors) -> dict[str, str]:
    intake = actors["intake"]
    _, somchai = _new(
        context,
        intake,
        name_th="สมชาย ทองดี",
        name_en="Somchai Thongdee",
        email="Somchai.T@example.co.th",
        national_id=SOMCHAI_ID,
        subject="ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        received_at=MONDAY + timedelta(hours=2),
    )
    _, malee = _new(
        context,
        intake,
        name_th="มาลี ศรีสุข",
        name_en="Malee Srisuk",
        email="malee@example.com",
        subject="คำร้องทั่วไป เรื่องถนนชำรุด",
        body="ถนนหน้าบ้านเป็นหลุมลึก ขอให้ซ่อมด่วน",
        received_at=MONDAY,
        service="PETITION",
    )
    _, prasert = _new(
        context,
        intake,
        name_th="ประเสริฐ วงศ์ใหญ่",
        name_en="Prasert Wongyai",
        email="prasert@example.co.th",
        subject="ขอต่ออายุใบอนุญาตประกอบกิจการ",
        received_at=MONDAY + timedelta(hours=1),
        service="HEALTH-HAZARD",
    )
    return {"somchai": somchai, "malee": malee, "prasert": prasert}


def test_thai_substring_finds_the_word_inside_longer_words(context, actors, clock) -> None:
    apps = _sample(context, actors)
    # First come first: Prasert's was received an hour before Somchai's.
    assert _find(context, clock, "อนุญาต") == [apps["prasert"], apps["somchai"]]
    assert _find(context, clock, "จำหน่ายอาหาร") == [apps["somchai"]]
    assert _find(context, clock, "หลุมลึก") == [apps["malee"]]  # the body text
    assert _find(context, clock, "ไม่มีคำนี้") == []


def test_latin_email_and_english_name_ignore_case(context, actors, clock) -> None:
    apps = _sample(context, actors)
    assert _find(context, clock, "somchai") == [apps["somchai"]]
    assert _find(context, clock, "SOMCHAI.t@EXAMPLE") == [apps["somchai"]]
    assert _find(context, clock, "srisuk") == [apps["malee"]]
    assert _find(context, clock, "example.co.th") == [apps["prasert"], apps["somchai"]]


def test_several_words_must_all_match_anywhere_in_the_application(context, actors, clock) -> None:
    apps = _sample(context, actors)
    assert _find(context, clock, "สมชาย อาหาร") == [apps["somchai"]]
    assert _find(context, clock, "อนุญาต wongyai") == [apps["prasert"]]
    assert _find(context, clock, "มาลี อาหาร") == []
    # A short word next to a long one is still required (trigrams alone would ignore it).
    assert _find(context, clock, "อนุญาต ดี") == [apps["somchai"]]


def test_one_or_two_characters_fall_back_to_like(context, actors, clock) -> None:
    apps = _sample(context, actors)
    assert _find(context, clock, "ดี") == [apps["somchai"]]  # ทองดี
    assert _find(context, clock, "ศร") == [apps["malee"]]  # ศรีสุข
    assert _find(context, clock, "ฮ") == []
    assert _find(context, clock, "ก") == [apps["malee"], apps["prasert"]]  # ลึก, กิจการ
    assert _find(context, clock, "%") == []  # LIKE wildcards are taken literally
    assert _find(context, clock, "_") == []


@pytest.mark.station_store
@pytest.mark.parametrize(
    "word",
    ["ดี", "ศร", "ุด", "ด", "ร", "So", "co", "th", "0", "00", "-0", ".", "ฮฮ", "ถน", "ย "],
)
def test_short_words_by_trigram_vocabulary_and_by_like_agree(
    context, actors, clock, word: str
) -> None:
    """A short word is found through the trigrams it begins (rare words) or by LIKE (common
    ones, chosen when the first rows already hold many): both give the same rows."""
    _sample(context, actors)
    with context.read() as session:
        rows = session.execute(
            text(
                "SELECT a.tracking_number, e.tracking_number || e.applicant || e.subject || "
                "e.body || e.documents FROM search_entry e JOIN application a "
                "ON a.id = e.application_id ORDER BY e.id"
            )
        ).all()
    expected = [number for number, stored in rows if word.strip().lower() in stored.lower()]
    assert _find(context, clock, word) == expected  # few hits: trigram vocabulary
    assert _find(context, clock, word, limit=3) == expected  # hits fill the page: LIKE
    with context.read() as session:
        trigrams = _trigrams_starting_with(session, word.strip(), 200)
        assert trigrams is not None and all(t.startswith(word.strip().lower()) for t in trigrams)
        assert _trigrams_starting_with(session, word.strip(), 3) is None or not expected


def test_letters_at_the_very_end_of_a_field_are_found(context, actors, clock) -> None:
    apps = _sample(context, actors)
    # "…ชำรุด" ends Malee's subject, "…ด่วน" her body, "ทองดี" Somchai's Thai name line.
    assert _find(context, clock, "ุด") == [apps["malee"]]
    assert _find(context, clock, "น") == [apps["malee"], apps["prasert"], apps["somchai"]]
    assert _find(context, clock, "วน") == [apps["malee"]]
    assert _find(context, clock, "th") == [apps["prasert"], apps["somchai"]]  # …co.th


def test_national_id_is_matched_exactly_and_never_by_part(context, actors, clock) -> None:
    apps = _sample(context, actors)
    assert _find(context, clock, SOMCHAI_ID) == [apps["somchai"]]
    assert _find(context, clock, format_national_id(SOMCHAI_ID)) == [apps["somchai"]]
    assert _find(context, clock, " ".join(SOMCHAI_ID)) == [apps["somchai"]]
    assert _find(context, clock, SOMCHAI_ID[:10]) == []
    assert _find(context, clock, SOMCHAI_ID[3:]) == []
    wrong_check_digit = SOMCHAI_ID[:12] + str((int(SOMCHAI_ID[12]) + 1) % 10)
    assert _find(context, clock, wrong_check_digit) == []
    # The row shows the ID masked, as every list does.
    with context.read() as session:
        (row,) = search(session, context.calendar, clock.now(), SOMCHAI_ID)
        assert row.applicant_id_masked == "X-XXXX-XXXXX-34-2"


def test_national_ids_never_enter_the_full_text_index(context, actors, clock) -> None:
    other_id = generate_valid_id(random.Random(7))
    _, tracking = _new(
        context,
        actors["intake"],
        name_th="วิชัย แสงทอง",
        national_id=other_id,
        subject=f"แจ้งเลขประจำตัว {format_national_id(other_id)}",
        body=f"เลขบัตร {other_id} ครับ",
    )
    with context.read() as session:
        entries = " ".join(
            session.execute(text("SELECT applicant || subject || body FROM search_entry")).scalars()
        )
    assert other_id not in entries and other_id[:10] not in entries
    assert f"X-XXXX-XXXXX-{other_id[10:12]}-{other_id[12]}" in entries
    assert _find(context, clock, other_id[:9]) == []
    assert _find(context, clock, other_id) == [tracking]  # the exact ID still finds it


def test_tracking_number_exact_and_prefix(context, actors, clock) -> None:
    apps = _sample(context, actors)
    first = apps["somchai"]
    assert _find(context, clock, first) == [first]
    assert _find(context, clock, first.lower()) == [first]
    everyone = sorted(apps.values())
    assert sorted(_find(context, clock, first.rsplit("-", 1)[0])) == everyone
    assert sorted(_find(context, clock, first[:-1])) == everyone  # "…-00000" prefix
    # A part of a number is found as text (trigram substring of the tracking number).
    assert _find(context, clock, first.split("-", 3)[3]) == [first]
    assert _find(context, clock, "TST-ST1-2569-999999") == []


def test_text_inside_an_attached_pdf_is_found(context, actors, clock) -> None:
    apps = _sample(context, actors)
    with context.read() as session:
        malee_id = session.scalar(
            select(Application.id).where(Application.tracking_number == apps["malee"])
        )
    with context.unit_of_work(actors["intake"]) as uow:
        attach_document(
            uow,
            context.store.blobs,
            malee_id,
            filename="โฉนด.pdf",
            content_type="application/pdf",
            data=thai_pdf("สำเนาโฉนดที่ดินเลขที่ 4521 ตำบลท่าน้ำใส", "Title deed copy"),
            origin="email",
        )
    assert _find(context, clock, "โฉนดที่ดิน") == [apps["malee"]]
    assert _find(context, clock, "title DEED") == [apps["malee"]]
    # Re-indexing the application's own fields keeps the document text.
    with context.unit_of_work(actors["intake"]) as uow:
        index_application(uow.session, malee_id)
    assert _find(context, clock, "ท่าน้ำใส") == [apps["malee"]]


def test_documents_attached_while_registering_are_indexed(context, actors, clock) -> None:
    with context.unit_of_work(actors["intake"]) as uow:
        app = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="counter",
            received_at=MONDAY,
            subject="ยื่นแบบคำขอ",
            service_code="BUILDING",
        )
        attach_document(
            uow,
            context.store.blobs,
            app.id,
            filename="plan.txt",
            content_type="text/plain; charset=tis-620",
            data="แบบแปลนอาคารพาณิชย์สามชั้น".encode("tis-620"),
            origin="counter",
        )
        tracking = app.tracking_number
        # The same transaction searches what it has just written.
        assert [
            r.tracking_number for r in search(uow.session, context.calendar, uow.now, "สามชั้น")
        ] == [tracking]
    assert _find(context, clock, "อาคารพาณิชย์") == [tracking]
    assert _find(context, clock, "ยื่นแบบ") == [tracking]


def test_a_rolled_back_registration_leaves_no_entry(context, actors, clock) -> None:
    try:
        with context.unit_of_work(actors["intake"]) as uow:
            create_application(
                uow,
                context.calendar,
                agency_code=context.agency_code,
                station_code=context.station_code,
                channel="counter",
                received_at=MONDAY,
                subject="เรื่องที่ยกเลิกกลางคัน",
            )
            raise RuntimeError("the officer cancelled")
    except RuntimeError:
        pass
    assert _find(context, clock, "ยกเลิกกลางคัน") == []
    with context.read() as session:
        assert session.scalar(text("SELECT count(*) FROM search_entry")) == 0


def test_savepoints_defer_the_index_to_the_commit_and_leave_out_what_rolled_back(
    context, actors, clock
) -> None:
    """Intake records a group of arrivals, each in a SAVEPOINT of one transaction: the index
    is written once, at the commit, for every arrival kept, and nothing of one rolled back."""

    def register(uow, subject: str, words: str) -> str:
        app = create_application(
            uow, context.calendar, agency_code=context.agency_code,
            station_code=context.station_code, channel="email", received_at=MONDAY,
            subject=subject, service_code="FOOD-SHOP",
        )  # fmt: skip
        attach_document(
            uow, context.store.blobs, app.id, filename="a.pdf", content_type="application/pdf",
            data=thai_pdf(words, "scan"), origin="email",
        )  # fmt: skip
        return app.tracking_number

    with context.unit_of_work(actors["intake"]) as uow:
        with uow.session.begin_nested():
            kept = register(uow, "คำขอแรกของกลุ่ม", "หนังสือรับรองสุขลักษณะร้านอาหาร")
        first_id = uow.session.scalar(
            select(Application.id).where(Application.tracking_number == kept)
        )
        with pytest.raises(RuntimeError), uow.session.begin_nested():
            register(uow, "คำขอที่ล้มกลางทาง", "ใบเสร็จที่ไม่ควรค้นพบ")
            # A document added to the kept request inside the failed arrival goes too.
            attach_document(
                uow, context.store.blobs, first_id, filename="b.pdf",
                content_type="application/pdf", data=thai_pdf("เอกสารที่ถูกถอนคืน", "gone"),
                origin="email",
            )  # fmt: skip
            raise RuntimeError("the arrival failed; the group goes on")
        with uow.session.begin_nested():
            last = register(uow, "คำขอสุดท้ายของกลุ่ม", "แผนผังร้านค้าแผงลอย")
        # Nothing written yet: the SAVEPOINTs' releases left the index to the commit.
        assert uow.session.scalar(text("SELECT count(*) FROM search_entry")) == 0
    assert _find(context, clock, "สุขลักษณะ") == [kept]
    assert _find(context, clock, "แผงลอย") == [last]
    assert _find(context, clock, "ล้มกลางทาง") == []
    assert _find(context, clock, "ไม่ควรค้นพบ") == []
    assert _find(context, clock, "ถอนคืน") == []
    with context.read() as session:
        listed = session.scalar(
            text("SELECT document_ids FROM search_entry WHERE application_id = :a"),
            {"a": first_id},
        )
        stored = session.scalars(
            select(Document.id).where(Document.application_id == first_id)
        ).all()
        assert listed.split() == list(stored) and len(stored) == 1


def test_query_syntax_is_never_interpreted(context, actors, clock) -> None:
    _sample(context, actors)
    for query in ['"', 'a"b', "NEAR(สมชาย ทองดี)", "somchai*", "-x", "(", "^ab", "body:ถนน"]:
        assert isinstance(_find(context, clock, query), list)  # no FTS5 syntax error
    assert _find(context, clock, "สมชาย OR มาลี") == []  # OR is a word here, not an operator
    assert _find(context, clock, "   ") == []


def test_limit_and_first_come_order(context, actors, clock) -> None:
    tracking = [
        _new(
            context,
            actors["intake"],
            name_th=f"ผู้ยื่น {n}",
            email=f"p{n}@example.com",
            subject="ขอใบอนุญาตก่อสร้าง",
            # Registered newest first; the list must still come out oldest first.
            received_at=MONDAY + timedelta(minutes=30 * (5 - n)),
        )[1]
        for n in range(6)
    ]
    expected = list(reversed(tracking))
    assert _find(context, clock, "ก่อสร้าง") == expected
    assert _find(context, clock, "ก่อสร้าง", limit=2) == expected[:2]
    assert _find(context, clock, "ผู้", limit=3) == expected[:3]  # LIKE fallback is cut too


@pytest.mark.station_store
def test_the_index_survives_reopening(context, actors, clock, data_dir) -> None:
    apps = _sample(context, actors)
    context.store.close()
    reopened = load_context(data_dir, clock)
    try:
        with reopened.read() as session:
            rows = search(session, reopened.calendar, clock.now(), "อนุญาต")
        assert [r.tracking_number for r in rows] == [apps["prasert"], apps["somchai"]]
        with reopened.store.engine.connect() as conn:
            conn.execute(
                text("INSERT INTO search_index(search_index, rank) VALUES('integrity-check', 1)")
            )
    finally:
        reopened.store.close()


@pytest.mark.station_store
def test_migration_0004_indexes_existing_applications(context, actors, clock, data_dir) -> None:
    apps = _sample(context, actors)
    context.store.close()
    engine = create_store_engine(
        data_dir / DB_FILE, keys.store_key_hex(keys.load_master_key(data_dir))
    )
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        tables = set(inspect(conn).get_table_names())
        assert "search_entry" not in tables and "search_index" not in tables
    engine.dispose()

    upgraded = load_context(data_dir, clock)  # 0004 runs at start-up and fills the index
    try:
        with upgraded.read() as session:
            found = [
                r.tracking_number for r in search(session, upgraded.calendar, clock.now(), "อนุญาต")
            ]
            assert found == [apps["prasert"], apps["somchai"]]
            assert [
                r.tracking_number for r in search(session, upgraded.calendar, clock.now(), "srisuk")
            ] == [apps["malee"]]
            ids = session.scalars(text("SELECT id FROM search_entry ORDER BY id")).all()
            assert len(ids) == 3
        # New applications after the migration continue the same first-come ids.
        _, later = _new(
            upgraded,
            actors["intake"],
            name_th="สุนีย์ บุญมา",
            subject="ขอใบอนุญาตจำหน่ายสุรา",
            received_at=MONDAY - timedelta(days=3),
        )
        with upgraded.read() as session:
            found = [
                r.tracking_number for r in search(session, upgraded.calendar, clock.now(), "อนุญาต")
            ]
        assert found == [later, apps["prasert"], apps["somchai"]]
    finally:
        upgraded.store.close()


def test_flush_index_is_a_no_op_without_changes(context) -> None:
    with context.unit_of_work(SYSTEM) as uow:
        assert flush_index(uow.session) == 0


def test_documents_stored_before_the_index_are_indexed_later(context, actors, clock) -> None:
    apps = _sample(context, actors)
    data = "บันทึกถ้อยคำ ผู้ขอยืนยันที่ตั้งร้านอาหารริมธาร".encode()
    blob = context.store.blobs.put(data)
    with context.unit_of_work(actors["intake"]) as uow:
        app_id = uow.session.scalar(
            select(Application.id).where(Application.tracking_number == apps["prasert"])
        )
        # As migration 0004 leaves a document that was already in the store: not indexed.
        uow.session.add(
            Document(
                application_id=app_id,
                blob_sha256=blob.sha256,
                filename="note.txt",
                content_type="text/plain",
                size=blob.size,
                origin="email",
                received_at=uow.now,
            )
        )
    assert _find(context, clock, "ร้านอาหารริมธาร") == []
    with context.unit_of_work(SYSTEM) as uow:
        assert index_stored_documents(uow.session, context.store.blobs) == 1
    with context.unit_of_work(SYSTEM) as uow:
        assert index_stored_documents(uow.session, context.store.blobs) == 0
    assert _find(context, clock, "ร้านอาหารริมธาร") == [apps["prasert"]]
