"""Paper licences issued before the system, registered by hand (M20), on the real store —
SQLite here, and PostgreSQL in `make test`'s agency pass (the unique number is one
constraint on both).

An approver or a supervisor types in what the paper says; "Check a licence" by its number
then answers valid or expired and says it was registered from paper, by whom and when; a
number already in the register (issued by the system or typed in before) is refused in Thai
and English and nothing is saved; a paper number like the system's moves that year's counter
past it, so the system never issues it again.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import Event, IssuedDocument, OutgoingCounter
from services.access import auth
from services.api.issuing import Issuing, PaperLicence
from services.issuing.numbers import next_outgoing_number
from services.issuing.register import public_entries
from services.kernel.actors import SYSTEM, Actor
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_review import events, users, ws

SHOP = PaperLicence(
    number="15/2565",
    licensee="ร้านข้าวแกงป้าศรี โดย นางศรีสุดา ใจดี",
    subject="หนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
    issued="1/3/2565",
    expires="28/2/2570",
    premises="เลขที่ 12 หมู่ 3 ตำบลหนองไผ่",
)


@pytest.fixture
def issuing(context) -> Issuing:
    return Issuing(context, verify_base="https://nongphai.go.th/verify")


def _supervisor(context, ws):
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(uow, username="super", display_name="นายกำกับ ดูแล",
                         password=STAFF_PASSWORD, roles=["supervisor"])  # fmt: skip
    return ws.shell.sign_in("super", STAFF_PASSWORD)


def test_a_paper_licence_registered_by_hand_checks_valid_by_its_number(
    context, ws, users, issuing, tmp_path
) -> None:
    done = issuing.register_paper(users["approver"], SHOP)
    assert done.number == "15/2565" and done.verification_url.endswith(".html")
    check = issuing.check_typed(users["intake"], " 15/2565 ")
    assert check.ok and check.entry is not None and check.entry.status == "valid"
    th, en = check.lines()[0]
    assert "ฉบับกระดาษ" in th and en == (
        "VALID: it matches the agency's register (registered from a paper licence)."
    )
    lines = dict(check.lines())
    assert "ผู้ได้รับใบอนุญาต: ร้านข้าวแกงป้าศรี โดย นางศรีสุดา ใจดี" in lines
    assert any(e.startswith("Paper licence, registered by hand by นายอนุมัติ")
               and "25 November 2026" in e for e in lines.values())  # fmt: skip
    # By its code too, and it has a page in the published register like the rest.
    assert issuing.check_typed(users["intake"], done.verification_code.lower()).ok
    with context.read() as session:
        entry = session.get(IssuedDocument, done.issued_id)
        assert entry.origin == "paper" and entry.application_id is None
        assert entry.registered_by.startswith("นายอนุมัติ") and entry.blob_sha256 == ""
        assert entry.valid_until.date().isoformat() == "2027-02-28"
        published = public_entries(session, Actor.from_user(users["approver"]), context.clock.now())
        assert [(p.number, p.status) for p in published] == [("15/2565", "valid")]
        assert verify_chain(session).ok
    # Its public page, reached by its code, says where it came from (and shows no premises).
    issuing.publish(users["approver"], tmp_path / "publish")
    page = (tmp_path / "publish" / f"{done.verification_code}.html").read_text(encoding="utf-8")
    assert "ใบอนุญาตฉบับกระดาษ ลงทะเบียนด้วยมือ" in page and "ร้านข้าวแกงป้าศรี" in page
    assert "ตำบลหนองไผ่" not in page  # the premises are not published
    (event,) = events(context, "licence.registered_from_paper")
    assert event["number"] == "15/2565" and event["issued"] == "2022-03-01"
    assert event["valid_until"] == "2027-02-28"


def test_an_expired_paper_licence_checks_expired_and_says_it_came_from_paper(
    context, ws, users, issuing
) -> None:
    supervisor = _supervisor(context, ws)
    old = PaperLicence("ทม 88/2560", "บริษัท ตัวอย่าง จำกัด", "ใบอนุญาตประกอบกิจการ",
                       "2017-06-01", "31/5/2565")  # fmt: skip
    issuing.register_paper(supervisor, old)
    check = issuing.check_typed(users["reviewer"], "ทม 88/2560")
    assert not check.ok and check.entry is not None and check.entry.status == "expired"
    assert check.lines()[0] == (
        "หมดอายุแล้ว (ใบอนุญาตฉบับกระดาษที่ลงทะเบียนไว้)",
        "EXPIRED (a paper licence registered by hand).",
    )
    assert any("นายกำกับ ดูแล" in en for _, en in check.lines())


def test_a_number_already_in_the_register_is_refused_and_nothing_is_saved(
    context, ws, users, issuing
) -> None:
    issuing.register_paper(users["approver"], SHOP)
    again = PaperLicence("15/2565", "คนอื่น", "เรื่องอื่น", "2/3/2565")
    with pytest.raises(InvalidInput) as refused:
        issuing.register_paper(users["approver"], again)
    assert "15/2565 มีอยู่ในทะเบียนแล้ว" in refused.value.th
    assert "already in the register" in refused.value.en and "nothing was saved" in refused.value.en
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(IssuedDocument)) == 1
    assert len(events(context, "licence.registered_from_paper")) == 1


def test_a_paper_number_like_the_systems_moves_the_counter_past_it(context, users, issuing) -> None:
    issuing.register_paper(
        users["approver"], PaperLicence("7/2569", "นายหนึ่ง", "ใบอนุญาต", "1/11/2569")
    )
    issuing.register_paper(
        users["approver"], PaperLicence("3/2569", "นายสอง", "ใบอนุญาต", "2/11/2569")
    )
    with context.unit_of_work(Actor.from_user(users["approver"])) as uow:
        assert next_outgoing_number(uow, context.clock.now()) == (8, 2569)
    with context.read() as session:
        assert session.get(OutgoingCounter, 2569).last_number == 8


@pytest.mark.parametrize(
    ("change", "th", "en"),
    [
        ({"number": "  "}, "ต้องกรอกเลขที่ใบอนุญาต", "Type the licence number as printed"),
        ({"licensee": ""}, "ต้องกรอกชื่อผู้ได้รับใบอนุญาต", "Type the licensee's name"),
        ({"issued": "31/2/2565"}, "วันที่ออก “31/2/2565” ไม่ใช่วันที่", "is not a date"),
        ({"issued": "เมื่อวาน"}, "ไม่ใช่วันที่", "day/month/year"),
        ({"issued": " "}, "ต้องกรอกวันที่ออก", "The date issued is missing"),
        ({"issued": "1/1/2570"}, "ยังไม่มาถึง", "is in the future"),
        ({"expires": "1/1/2564"}, "วันหมดอายุอยู่ก่อนวันที่ออก", "before the date issued"),
    ],
)
def test_what_cannot_be_a_paper_licence_is_told_in_thai_and_english(
    context, ws, users, issuing, change, th, en
) -> None:
    from dataclasses import replace

    with pytest.raises(InvalidInput) as refused:
        issuing.register_paper(users["approver"], replace(SHOP, **change))
    assert th in refused.value.th and en in refused.value.en
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(IssuedDocument)) == 0


def test_only_approvers_and_supervisors_register_paper_licences(context, users, issuing) -> None:
    for name in ("intake", "reviewer", "finance", "admin"):
        with pytest.raises(PermissionDenied):
            issuing.register_paper(users[name], SHOP)
    with context.read() as session:
        assert session.scalars(select(Event).where(
            Event.type == "licence.registered_from_paper")).all() == []  # fmt: skip


def test_no_data_request_is_taken_for_a_paper_licence(context, users, issuing) -> None:
    """There is no file or XML to send: the officer is told to answer from the paper register."""
    issuing.register_paper(users["approver"], SHOP)
    with pytest.raises(InvalidInput, match="registered from paper"):
        issuing.record_data_request(users["intake"], "15/2565", "สำนักงานเขต")


def test_paper_licences_are_listed_with_the_others_and_revoked_with_a_reason(
    context, ws, users, issuing
) -> None:
    """Listed among the licences issued, marked paper; the supervisor revokes one with a
    reason typed in Thai (the same revocation and event as a system licence), and the check
    by its number then answers revoked with the reason."""
    supervisor = _supervisor(context, ws)
    issuing.register_paper(users["approver"], SHOP)
    issuing.register_paper(
        supervisor, PaperLicence("ทม 88/2560", "บริษัท ตัวอย่าง จำกัด", "ใบอนุญาตประกอบกิจการ",
                                 "2017-06-01")
    )  # fmt: skip
    listed = issuing.issued(supervisor)
    assert [(r.number, r.origin, r.status, r.tracking_number, r.channel) for r in listed] == [
        ("15/2565", "paper", "valid", "", ""),
        ("ทม 88/2560", "paper", "valid", "", ""),
    ]  # the latest issued first
    assert all(r.may_revoke for r in listed)
    assert [r.may_revoke for r in issuing.issued(users["approver"])] == [True, True]
    assert [r.may_revoke for r in issuing.issued(users["intake"])] == [False, False]
    shop = listed[0]
    # Who does not keep the paper register may not revoke it; a reason is required.
    for name in ("intake", "reviewer"):
        with pytest.raises(PermissionDenied):
            issuing.revoke(users[name], shop.issued_id, "ปิดกิจการแล้ว")
    with pytest.raises(InvalidInput, match="Give the reason for revoking") as blank:
        issuing.revoke(supervisor, shop.issued_id, "   ")
    assert "ต้องระบุเหตุผลการเพิกถอน" in blank.value.th
    assert [r.status for r in issuing.issued(supervisor)] == ["valid", "valid"]
    issuing.revoke(supervisor, shop.issued_id, "ผู้ประกอบการแจ้งเลิกกิจการ  เมื่อ 1 พ.ย. 2569")
    after = issuing.issued(supervisor)
    assert [(r.number, r.status, r.may_revoke) for r in after] == [
        ("15/2565", "revoked", False), ("ทม 88/2560", "valid", True)
    ]  # fmt: skip
    with pytest.raises(InvalidInput, match="already revoked"):
        issuing.revoke(users["approver"], shop.issued_id, "ซ้ำ")
    check = issuing.check_typed(users["intake"], "15/2565")
    assert not check.ok and check.entry is not None and check.entry.status == "revoked"
    assert ("เหตุผลการเพิกถอน: ผู้ประกอบการแจ้งเลิกกิจการ เมื่อ 1 พ.ย. 2569",
            "Reason revoked: ผู้ประกอบการแจ้งเลิกกิจการ เมื่อ 1 พ.ย. 2569") in check.lines()  # fmt: skip
    (event,) = events(context, "licence.revoked")
    assert event["number"] == "15/2565" and event["letter_outbox_id"] is None
    assert event["reason"] == "ผู้ประกอบการแจ้งเลิกกิจการ เมื่อ 1 พ.ย. 2569"
    with context.read() as session:
        stored = session.get(IssuedDocument, shop.issued_id)
        (row,) = session.scalars(select(Event).where(Event.type == "licence.revoked")).all()
        assert (row.aggregate_type, row.aggregate_id) == ("licence", shop.issued_id)
        assert stored.revoked_at is not None and verify_chain(session).ok
