"""Review on a real encrypted profile, through the review facade (the UI's ReviewPort).

First come first served (M12), claims, the checklist, identity and power-of-attorney checks
(M06, M07, M14, M29, M30), decisions and their letters, history. No mocks: the clock is the
only fake.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from models import Application, Check, Event, OutboxMessage
from services.access import auth
from services.access.table import Action
from services.api.ports import Ports, build_ports
from services.cases.applications import NewApplicant
from services.intake.pipeline import Arrival, ingest
from services.intake.types import ParsedAttachment
from services.kernel.actors import SYSTEM, SignedInUser
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.kernel.thai_id import generate_valid_id
from services.review import (
    ClaimedByOther,
    NotClaimed,
    OutOfOrder,
    ReviewIncomplete,
    required_identity_checks,
)
from tests.catalog_changes import change_service
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus

# --- helpers (also used by test_review_round_trip) -----------------------------------------


@pytest.fixture
def ws(context) -> Ports:
    return build_ports(context)


@pytest.fixture
def users(ws: Ports, context) -> dict[str, SignedInUser]:
    """One signed-in officer per role, and a second reviewer."""
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow,
            username="reviewer2",
            display_name="นางสาวสอง ถี่ถ้วน",
            password=STAFF_PASSWORD,
            roles=["reviewer"],
        )
    names = ("intake", "reviewer", "finance", "approver", "admin", "reviewer2")
    return {name: ws.shell.sign_in(name, STAFF_PASSWORD) for name in names}


def submit(
    context,
    *,
    hour: int,
    day: int = 24,
    service: str = "FOOD-NOTICE",
    kind: str = "person",
    email: str = "somchai@example.co.th",
    files: tuple[tuple[str, bytes], ...] | None = None,
    form_data: dict | None = None,
) -> str:
    """A request by e-mail through the real intake; returns the application id."""
    rng = random.Random(f"{day}-{hour}-{email}")
    files = (
        files
        if files is not None
        else (
            ("บัตรประชาชน.pdf", corpus.file_pdf(1)),
            ("ทะเบียนบ้าน.pdf", corpus.file_pdf(2)),
            ("แผนที่.pdf", corpus.file_pdf(1)),
        )
    )
    arrival = Arrival(
        channel="email",
        source_key=f"req-{day}-{hour}-{rng.randrange(10**9)}@example.co.th",
        received_at=datetime(2026, 11, day, hour, tzinfo=BANGKOK).astimezone(UTC),
        subject="ขอหนังสือรับรองการแจ้ง",
        body_text="เรียน เจ้าหน้าที่",
        sender_name="สมชาย ใจดี",
        sender_address=email,
        reply_to=email,
        attachments=tuple(ParsedAttachment(n, "application/pdf", d) for n, d in files),
        service_code=service,
        applicant=NewApplicant(
            kind=kind,
            name_th="บริษัท ตัวอย่าง จำกัด" if kind == "juristic" else "สมชาย ใจดี",
            title_th="" if kind == "juristic" else "นาย",
            national_id=generate_valid_id(rng, 0 if kind == "juristic" else 1),
            email=email,
            phone="0812345678",
        ),
    )
    outcome = ingest(context, arrival)
    assert outcome.application_id is not None
    if form_data:
        with context.store.sessions() as session, session.begin():
            app = session.get(Application, outcome.application_id)
            app.form_data = {**app.form_data, **form_data}
    return outcome.application_id


def documents(ws: Ports, user: SignedInUser, app_id: str) -> dict[str, str]:
    detail = ws.review.open_application(user, app_id, "test")
    return {d.filename: d.id for d in detail.documents}


def events(context, type_: str) -> list[dict]:
    with context.read() as session:
        rows = session.scalars(select(Event).where(Event.type == type_).order_by(Event.seq))
        return [json.loads(e.payload) for e in rows]


def genuine_id(ws: Ports, user: SignedInUser, app_id: str):
    """The ID card seen and found genuine, on page 1 of the first document (M06)."""
    first = ws.review.open_application(user, app_id).documents[0].id
    return ws.review.record_identity_check(
        user,
        app_id,
        "id_document_genuine",
        "accepted",
        {"method": "visual", "document_id": first, "page": "1"},
    )


def accept_all(ws: Ports, user: SignedInUser, app_id: str) -> None:
    """Accept every checklist item on the first document, and the ID document."""
    detail = ws.review.open_application(user, app_id)
    first = detail.documents[0].id
    for item in detail.checklist:
        ws.review.record_checklist(user, app_id, item.code, "accepted", document_id=first, page=1)
    genuine_id(ws, user, app_id)


# --- first come, first served ---------------------------------------------------------------


def test_next_gives_the_oldest_and_claims_it(context, ws, users) -> None:
    newer = submit(context, hour=11)
    oldest = submit(context, hour=9)
    middle = submit(context, hour=10)
    row = ws.review.next_application(users["reviewer"], None)
    assert row is not None and row.id == oldest
    assert row.assignee == "นายตรวจ ละเอียด" and row.status == "in_review"  # review started
    # A claimed item is skipped by another reviewer's "next".
    other = ws.review.next_application(users["reviewer2"], "received")
    assert other is not None and other.id == middle
    assert ws.review.next_application(users["reviewer2"], "in_review") is not None  # holds `middle`
    with pytest.raises(PermissionDenied):
        ws.review.next_application(users["reviewer"], "payment_due")  # not a reviewer's queue
    with pytest.raises(PermissionDenied):
        ws.review.next_application(users["admin"], None)  # no queue at all
    claimed = events(context, "application.claimed")
    assert [c["assignee"] for c in claimed] == ["reviewer", "reviewer2"]
    # The intake officer's queue has nothing left that nobody holds but `newer`.
    assert ws.review.next_application(users["intake"], "received").id == newer


def test_opening_a_newer_request_needs_a_reason(context, ws, users) -> None:
    first = submit(context, hour=9)
    submit(context, hour=10)
    last = submit(context, hour=11)
    with pytest.raises(OutOfOrder) as refused:
        ws.review.open_application(users["reviewer"], last)
    assert refused.value.waiting == 2
    assert "2" in refused.value.th and "earlier requests" in refused.value.en
    with pytest.raises(OutOfOrder):
        ws.review.open_application(users["reviewer"], last, "   ")
    with pytest.raises(OutOfOrder):
        ws.review.claim(users["reviewer"], last)  # claiming without opening: the same rule
    detail = ws.review.open_application(users["reviewer"], last, "ผู้ยื่นเป็นผู้พิการ ขอให้เร่งด่วน")
    assert detail.claimed_by_me and detail.row.status == "in_review"
    assert events(context, "application.opened_out_of_order") == [
        {"reason": "ผู้ยื่นเป็นผู้พิการ ขอให้เร่งด่วน", "skipped": 2}
    ]
    # The oldest opens without a reason; reading an item outside one's queue claims nothing.
    assert ws.review.open_application(users["reviewer2"], first).claimed_by_me
    finance_view = ws.review.open_application(users["finance"], first)
    assert finance_view.claimed_by == "นางสาวสอง ถี่ถ้วน" and not finance_view.claimed_by_me


def test_claimed_application_is_read_only_for_others(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    later = submit(context, hour=10)
    docs = documents(ws, users["reviewer"], app_id)
    other_view = ws.review.open_application(users["reviewer2"], app_id)
    assert other_view.claimed_by == "นายตรวจ ละเอียด" and not other_view.claimed_by_me
    with pytest.raises(ClaimedByOther) as held:
        ws.review.record_checklist(
            users["reviewer2"], app_id, "ID-CARD", "accepted", document_id=docs["บัตรประชาชน.pdf"]
        )
    assert "นายตรวจ ละเอียด" in held.value.th and "นายตรวจ ละเอียด" in held.value.en
    with pytest.raises(ClaimedByOther):
        ws.review.reject(users["reviewer2"], app_id, "ไม่ผ่าน")
    with pytest.raises(ClaimedByOther):
        ws.review.release_claim(users["reviewer2"], app_id)
    # Recording on an item nobody took is refused too: it must be opened (in turn) first.
    with pytest.raises(NotClaimed):
        ws.review.record_identity_check(
            users["reviewer2"], later, "id_document_genuine", "accepted", {}
        )
    # Only the administrator reassigns, and only to an officer whose role works the status.
    with pytest.raises(PermissionDenied):
        ws.review.reassign(users["reviewer"], app_id, "reviewer2")
    with pytest.raises(InvalidInput, match="needs role: reviewer"):
        ws.review.reassign(users["admin"], app_id, "finance")
    ws.review.reassign(users["admin"], app_id, "reviewer2")
    assert events(context, "application.reassigned") == [{"from": "reviewer", "to": "reviewer2"}]
    with pytest.raises(ClaimedByOther):
        ws.review.record_checklist(
            users["reviewer"], app_id, "ID-CARD", "accepted", document_id=docs["บัตรประชาชน.pdf"]
        )
    ws.review.record_checklist(
        users["reviewer2"], app_id, "ID-CARD", "accepted", document_id=docs["บัตรประชาชน.pdf"]
    )
    ws.review.release_claim(users["reviewer2"], app_id)
    assert ws.review.open_application(users["approver"], app_id).claimed_by is None
    assert events(context, "application.released") == [{"holder": "reviewer2"}]
    # Released: back in the queue, the oldest, so the next reviewer gets it.
    assert ws.review.next_application(users["reviewer"], None).id == app_id
    assert {o.username for o in ws.review.officers(users["admin"])} >= {"reviewer", "reviewer2"}


def test_the_detail_says_what_the_officer_may_do_on_it(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    mine = ws.review.open_application(users["reviewer"], app_id)
    assert Action.RECORD_CHECKS in mine.allowed and Action.DECIDE_REVIEW in mine.allowed
    assert Action.CERTIFY_COPY in mine.allowed and Action.REASSIGN not in mine.allowed
    # Held by someone else: read-only, whatever the role.
    other = ws.review.open_application(users["reviewer2"], app_id)
    assert not {Action.RECORD_CHECKS, Action.DECIDE_REVIEW} & other.allowed
    # The administrator hands requests over but does not read applicants' files.
    admin = ws.review.open_application(users["admin"], app_id)
    assert Action.REASSIGN in admin.allowed and Action.READ_DOCUMENTS not in admin.allowed
    # The roles the store gives, not those a caller claims.
    forged = replace(users["reviewer"], roles=frozenset({"reviewer", "admin"}))
    assert Action.REASSIGN not in ws.review.open_application(forged, app_id).allowed
    with pytest.raises(PermissionDenied):
        ws.review.document_bytes(users["admin"], mine.documents[0].id)
    # Waiting for the applicant: verdicts may still be recorded, decisions wait for the reply.
    ws.review.request_documents(
        users["reviewer"], app_id, (mine.checklist[0].code,), "โปรดส่งเอกสาร", date(2026, 12, 9)
    )
    waiting = ws.review.open_application(users["reviewer"], app_id)
    assert Action.RECORD_CHECKS in waiting.allowed and Action.DECIDE_REVIEW not in waiting.allowed


def test_the_read_models_carry_enum_members_not_bare_strings(context, ws, users) -> None:
    from services.api import ApplicationStatus, Channel, IdentityCheckKind, SlaState, Verdict

    app_id = submit(context, hour=9)
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    first = detail.documents[0].id
    ws.review.record_checklist(
        reviewer, app_id, detail.checklist[0].code, Verdict.ACCEPTED, "", first
    )
    detail = ws.review.record_identity_check(
        reviewer,
        app_id,
        IdentityCheckKind.ID_DOCUMENT_GENUINE,
        Verdict.ACCEPTED,
        {"method": "visual", "document_id": first, "page": "1"},
    )
    row = detail.row
    assert type(row.status) is ApplicationStatus and row.status is ApplicationStatus.IN_REVIEW
    assert type(row.channel) is Channel and row.channel is Channel.EMAIL
    assert type(row.sla_state) is SlaState
    assert {type(d.origin) for d in detail.documents} == {Channel}
    assert detail.checklist[0].verdict is Verdict.ACCEPTED
    assert [(c.kind, c.verdict) for c in detail.identity_checks] == [
        (IdentityCheckKind.ID_DOCUMENT_GENUINE, Verdict.ACCEPTED)
    ]
    assert {type(k) for k in detail.required_checks} == {IdentityCheckKind}
    listed = ws.shell.list_applications(reviewer, ApplicationStatus.IN_REVIEW, 0, 10)
    assert [(r.id, type(r.status)) for r in listed] == [(app_id, ApplicationStatus)]
    counts = {c.status: c.count for c in ws.shell.status_counts(reviewer)}
    assert (
        set(map(type, counts)) == {ApplicationStatus} and counts[ApplicationStatus.IN_REVIEW] == 1
    )
    # Stored and recorded as before: the same plain strings.
    with context.read() as session:
        stored = session.scalars(select(Check.verdict).where(Check.application_id == app_id)).all()
    assert sorted(stored) == ["accepted", "accepted"] and all(type(v) is str for v in stored)
    assert json.loads(json.dumps({"status": row.status})) == {"status": "in_review"}


def test_held_files_are_listed_only_to_those_who_may_decide_them(context, ws, users) -> None:
    assert ws.intake.quarantine_items(users["intake"]) == []
    assert ws.intake.quarantine_items(users["reviewer"]) == []
    for role in ("admin", "finance", "approver"):
        with pytest.raises(PermissionDenied):
            ws.intake.quarantine_items(users[role])
        with pytest.raises(PermissionDenied):
            ws.intake.release_quarantine(users[role], "no-such-item", "ตรวจแล้ว")


# --- checklist and identity --------------------------------------------------------------


def test_checklist_completeness_blocks_mark_reviewed_until_done(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    stranger = submit(context, hour=10, email="other@example.co.th")
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    docs = {d.filename: d for d in detail.documents}
    assert [i.code for i in detail.checklist] == ["ID-CARD", "HOUSE-REG", "LOCATION-MAP"]
    assert not detail.checklist_complete and len(detail.missing_items) == 3
    assert detail.applicant_id_masked.startswith("X-XXXX-XXXXX-")
    assert detail.required_ial == 1 and detail.fee_due == "before_issue"
    house = docs["ทะเบียนบ้าน.pdf"].id
    with pytest.raises(InvalidInput, match="reason"):
        ws.review.record_checklist(reviewer, app_id, "HOUSE-REG", "rejected", document_id=house)
    with pytest.raises(InvalidInput, match="not a document of the service"):
        ws.review.record_checklist(reviewer, app_id, "LAND-TITLE", "accepted", document_id=house)
    with pytest.raises(InvalidInput, match="page 3 does not exist"):
        ws.review.record_checklist(
            reviewer, app_id, "HOUSE-REG", "accepted", document_id=house, page=3
        )
    with pytest.raises(InvalidInput, match="Choose the document"):
        ws.review.record_checklist(reviewer, app_id, "HOUSE-REG", "accepted")
    with pytest.raises(InvalidInput, match="verdict"):
        ws.review.record_checklist(reviewer, app_id, "HOUSE-REG", "maybe", document_id=house)
    foreign = documents(ws, users["reviewer2"], stranger)["บัตรประชาชน.pdf"]
    with pytest.raises(InvalidInput, match="does not belong"):
        ws.review.record_checklist(reviewer, app_id, "ID-CARD", "accepted", document_id=foreign)
    with pytest.raises(PermissionDenied):
        ws.review.record_checklist(
            users["finance"], app_id, "ID-CARD", "accepted", document_id=house
        )

    ws.review.record_checklist(
        reviewer, app_id, "ID-CARD", "accepted", document_id=docs["บัตรประชาชน.pdf"].id, page=1
    )
    ws.review.record_checklist(reviewer, app_id, "HOUSE-REG", "rejected", "สำเนาไม่ชัด", house, 2)
    detail = ws.review.record_checklist(
        reviewer, app_id, "LOCATION-MAP", "not_applicable", "แผนที่อยู่ในแบบคำขอแล้ว"
    )
    assert detail.missing_items == ("HOUSE-REG",)
    with pytest.raises(ReviewIncomplete) as incomplete:
        ws.review.mark_reviewed(reviewer, app_id)
    message = incomplete.value.en
    assert "house registration (rejected: สำเนาไม่ชัด)" in message
    assert "ID document is genuine" in message
    assert "ทะเบียนบ้าน" in incomplete.value.th

    detail = ws.review.record_checklist(reviewer, app_id, "HOUSE-REG", "accepted", "", house, 1)
    assert detail.checklist_complete
    house_item = next(i for i in detail.checklist if i.code == "HOUSE-REG")
    assert house_item.verdict == "accepted" and house_item.checked_by == "นายตรวจ ละเอียด"
    with context.read() as session:  # every verdict is kept
        assert (
            session.scalar(
                select(func.count()).where(
                    Check.application_id == app_id, Check.item_code == "HOUSE-REG"
                )
            )
            == 2
        )
    genuine_id(ws, reviewer, app_id)
    assert ws.review.mark_reviewed(reviewer, app_id, "เอกสารครบ") == "ready_for_approval"
    with context.read() as session:
        assert session.get(Application, app_id).assignee_id is None  # left the reviewer's queue
    assert ws.review.next_application(users["approver"], None).id == app_id


def test_fee_before_approval_sends_the_request_to_payment_first(context, ws, users) -> None:
    change_service(context, "FOOD-NOTICE", fee_due="before_approval")
    app_id = submit(context, hour=9)
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "payment_due"
    assert ws.review.next_application(users["finance"], None).id == app_id


def test_identity_checks_follow_the_services_ial(context, ws, users) -> None:
    assert required_identity_checks(1, False) == ("id_document_genuine",)
    assert required_identity_checks(2, False) == (
        "id_document_genuine",
        "photo_consistent",
        "callback",
    )
    assert required_identity_checks(3, True)[-2:] == ("poa_stamp_duty", "poa_grantor_call")
    assert required_identity_checks(1, True, juristic=True) == (
        "id_document_genuine",
        "juristic_certificate",
        "juristic_signatory",
        "poa_stamp_duty",
        "poa_grantor_call",
        "poa_grantor_authority",
    )
    files = (
        ("บัตรประชาชน.pdf", corpus.file_pdf(1)),
        ("ทะเบียนบ้าน.pdf", corpus.file_pdf(1)),
        ("แผนที่.pdf", corpus.file_pdf(1)),
        ("แผนผัง.pdf", corpus.file_pdf(1)),
        ("ใบรับรองแพทย์.pdf", corpus.file_pdf(1)),
        ("ใบอบรม.pdf", corpus.file_pdf(1)),
    )
    app_id = submit(context, hour=9, service="FOOD-SHOP", files=files)  # IAL2
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    assert detail.required_checks == required_identity_checks(2, False)
    assert detail.delegation_checks == required_identity_checks(2, True)
    assert not detail.delegated
    accept_all(ws, reviewer, app_id)
    with pytest.raises(ReviewIncomplete) as incomplete:
        ws.review.mark_reviewed(reviewer, app_id)
    assert "Photo and details consistent" in incomplete.value.en
    assert "Call-back to the applicant" in incomplete.value.en
    with pytest.raises(InvalidInput, match="phone or email"):
        ws.review.record_identity_check(
            reviewer, app_id, "callback", "accepted", {"channel": "fax", "at": "", "result": "x"}
        )
    with pytest.raises(InvalidInput, match="in the future"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "callback",
            "accepted",
            {"channel": "phone", "at": "2026-11-25T11:00", "result": "ยืนยันตัวตนแล้ว"},
        )
    with pytest.raises(InvalidInput, match="Unknown fields"):
        ws.review.record_identity_check(
            reviewer, app_id, "photo_consistent", "accepted", {"x": "1"}
        )
    with pytest.raises(InvalidInput, match="reason"):
        ws.review.record_identity_check(reviewer, app_id, "photo_consistent", "not_applicable", {})
    ws.review.record_identity_check(
        reviewer,
        app_id,
        "callback",
        "accepted",
        {"channel": "phone", "at": "2026-11-25T09:45", "result": "ยืนยันตัวตนแล้ว"},
    )
    # A SHOULD check may be not applicable with a reason; a MUST check may not.
    ws.review.record_identity_check(
        reviewer, app_id, "photo_consistent", "not_applicable", {"reason": "ยื่นด้วยตนเองที่เคาน์เตอร์"}
    )
    with pytest.raises(InvalidInput, match="cannot be marked not applicable") as refused:
        ws.review.record_identity_check(
            reviewer, app_id, "id_document_genuine", "not_applicable", {"reason": "ไม่มีบัตร"}
        )
    assert "ไม่เกี่ยวข้องไม่ได้" in refused.value.th
    detail = ws.review.open_application(reviewer, app_id)
    assert "id_document_genuine" in detail.not_applicable_refused
    assert "photo_consistent" not in detail.not_applicable_refused
    callback = next(r for r in detail.identity_checks if r.kind == "callback")
    assert callback.data["at"] == "2026-11-25T02:45:00+00:00"  # Bangkok time kept as UTC
    assert ws.review.mark_reviewed(reviewer, app_id) == "ready_for_approval"


def test_power_of_attorney_with_an_estamp_reference(context, ws, users) -> None:
    files = (
        ("บัตรประชาชน.pdf", corpus.file_pdf(1)),
        ("มอบอำนาจ.pdf", corpus.file_pdf(2)),
        ("บัตรผู้รับมอบ.pdf", corpus.file_pdf(1)),
    )
    app_id = submit(context, hour=9, service="PETITION", files=files, form_data={"delegated": True})
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    assert [(i.code, i.for_delegation) for i in detail.checklist] == [
        ("ID-CARD", False),
        ("EVIDENCE", False),
        ("POWER-OF-ATTORNEY", True),
        ("PROXY-ID", True),
    ]
    docs = {d.filename: d.id for d in detail.documents}
    for code, name in (
        ("ID-CARD", "บัตรประชาชน.pdf"),
        ("POWER-OF-ATTORNEY", "มอบอำนาจ.pdf"),
        ("PROXY-ID", "บัตรผู้รับมอบ.pdf"),
    ):
        ws.review.record_checklist(reviewer, app_id, code, "accepted", document_id=docs[name])
    genuine_id(ws, reviewer, app_id)
    with pytest.raises(ReviewIncomplete) as incomplete:
        ws.review.mark_reviewed(reviewer, app_id)
    assert "Stamp duty on the power of attorney" in incomplete.value.en
    assert "Call to confirm with the grantor" in incomplete.value.en
    for bad in ("1234567", "ABC_12345678", "-ABCDEFGH1", "A" * 31, "ข้อมูล12345678"):
        with pytest.raises(InvalidInput, match="e-Stamp reference"):
            ws.review.record_identity_check(
                reviewer, app_id, "poa_stamp_duty", "accepted", {"estamp_ref": bad}
            )
    with pytest.raises(InvalidInput, match="exactly one way"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "poa_stamp_duty",
            "accepted",
            {"estamp_ref": "ES256900012345", "duty_paid_baht": "30", "receipt_no": "1"},
        )
    ws.review.record_identity_check(
        reviewer,
        app_id,
        "poa_stamp_duty",
        "accepted",
        {"estamp_ref": "es-2569-00012345", "document_id": docs["มอบอำนาจ.pdf"], "page": "2"},
    )
    with pytest.raises(InvalidInput, match="grantor's name"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "poa_grantor_call",
            "accepted",
            {"phone": "081-234-5678", "at": "2026-11-25T09:30", "result": "ยืนยัน"},
        )
    detail = ws.review.record_identity_check(
        reviewer,
        app_id,
        "poa_grantor_call",
        "accepted",
        {
            "phone": "081-234-5678",
            "at": "2026-11-25T09:30",
            "result": "ผู้มอบอำนาจยืนยันการมอบอำนาจ",
            "grantor_name": "นายมอบ ไว้ใจ",
        },
    )
    stamp = next(r for r in detail.identity_checks if r.kind == "poa_stamp_duty")
    assert stamp.data["estamp_ref"] == "ES-2569-00012345"
    grantor = next(r for r in detail.identity_checks if r.kind == "poa_grantor_call")
    assert grantor.data["phone"] == "0812345678" and grantor.data["grantor_name"] == "นายมอบ ไว้ใจ"
    # The grantor's phone and name stay in the check, out of the append-only log.
    logged = events(context, "review.identity_recorded")[-1]["data"]
    assert "phone" not in logged and "grantor_name" not in logged and logged["result"]
    assert ws.review.mark_reviewed(reviewer, app_id) == "ready_for_approval"  # PETITION: free


def test_power_of_attorney_with_duty_paid_in_money(context, ws, users) -> None:
    app_id = submit(context, hour=9, service="PETITION")
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    assert not any(i.for_delegation for i in detail.checklist)  # not delegated so far
    poa_doc = detail.documents[0].id
    with pytest.raises(InvalidInput, match="receipt number"):
        ws.review.record_identity_check(
            reviewer, app_id, "poa_stamp_duty", "accepted", {"duty_paid_baht": "30"}
        )
    with pytest.raises(InvalidInput, match="more than 0 baht"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "poa_stamp_duty",
            "accepted",
            {"duty_paid_baht": "-10", "receipt_no": "RD-1"},
        )
    detail = ws.review.record_identity_check(
        reviewer,
        app_id,
        "poa_stamp_duty",
        "accepted",
        {"duty_paid_baht": "30", "receipt_no": "RD-2569/000123"},
    )
    # A recorded POA check makes the application delegated: its documents join the checklist.
    assert [i.code for i in detail.checklist if i.for_delegation] == [
        "POWER-OF-ATTORNEY",
        "PROXY-ID",
    ]
    stamp = next(r for r in detail.identity_checks if r.kind == "poa_stamp_duty")
    assert stamp.data == {"duty_paid_baht": "30.00", "receipt_no": "RD-2569/000123"}
    # Stamps stuck on the paper instrument are checked on the document itself.
    with pytest.raises(InvalidInput, match="carries the stamps"):
        ws.review.record_identity_check(
            reviewer, app_id, "poa_stamp_duty", "accepted", {"stamps_affixed_baht": "10"}
        )
    ws.review.record_identity_check(
        reviewer,
        app_id,
        "poa_stamp_duty",
        "accepted",
        {"stamps_affixed_baht": "10", "document_id": poa_doc, "page": "1"},
    )


def test_a_declared_proxy_cannot_be_waved_away(context, ws, users) -> None:
    """M14: delegation declared on the form stands; "not applicable" is refused for the POA."""
    app_id = submit(context, hour=9, service="PETITION", form_data={"delegated": True})
    reviewer = users["reviewer"]
    accept_all(ws, reviewer, app_id)
    for kind in ("poa_stamp_duty", "poa_grantor_call"):
        with pytest.raises(InvalidInput, match="declared as made through a proxy") as refused:
            ws.review.record_identity_check(
                reviewer, app_id, kind, "not_applicable", {"reason": "ยื่นเอง"}
            )
        assert "ผู้รับมอบอำนาจ" in refused.value.th
    with pytest.raises(InvalidInput, match="declared as made through a proxy"):
        ws.review.record_checklist(reviewer, app_id, "POWER-OF-ATTORNEY", "not_applicable", "ยื่นเอง")
    detail = ws.review.open_application(reviewer, app_id)
    assert detail.delegated and detail.declared_delegated
    assert {"poa_stamp_duty", "poa_grantor_call"} <= set(detail.not_applicable_refused)
    with pytest.raises(ReviewIncomplete, match="Stamp duty on the power of attorney"):
        ws.review.mark_reviewed(reviewer, app_id)
    # Not declared: the officer who opened the POA checks by mistake may still close them.
    other = submit(context, hour=10, service="PETITION", email="other@example.co.th")
    ws.review.next_application(users["reviewer2"], None)
    accept_all(ws, users["reviewer2"], other)
    ws.review.record_identity_check(
        users["reviewer2"], other, "poa_stamp_duty", "not_applicable", {"reason": "ยื่นเอง"}
    )
    assert not ws.review.open_application(users["reviewer2"], other).delegated


def test_the_genuine_id_tick_needs_its_evidence(context, ws, users) -> None:
    """M06: how the card was checked, the document and the page it is on."""
    files = (("บัตร_สองหน้า.pdf", corpus.file_pdf(2)), ("ทะเบียนบ้าน.pdf", corpus.file_pdf(1)))
    app_id = submit(context, hour=9, files=files)
    reviewer = users["reviewer"]
    card = documents(ws, reviewer, app_id)["บัตร_สองหน้า.pdf"]

    def record(data: dict) -> object:
        return ws.review.record_identity_check(
            reviewer, app_id, "id_document_genuine", "accepted", data
        )

    with pytest.raises(InvalidInput, match="the way the card was checked"):
        record({})
    with pytest.raises(InvalidInput, match="must be one of"):
        record({"method": "looked_hard", "document_id": card, "page": "1"})
    with pytest.raises(InvalidInput, match="Open the document"):
        record({"method": "visual"})
    with pytest.raises(InvalidInput, match="Give the page"):
        record({"method": "card_reader", "document_id": card})
    with pytest.raises(InvalidInput, match="DOPA reference"):
        record({"method": "dopa_online", "document_id": card, "page": "2"})
    with pytest.raises(InvalidInput, match="registry"):
        record({"method": "visual", "dopa_ref": "DP-1234", "document_id": card, "page": "1"})
    detail = record(
        {"method": "dopa_online", "dopa_ref": "DOPA-2569-7788", "document_id": card, "page": "2"}
    )
    row = next(r for r in detail.identity_checks if r.kind == "id_document_genuine")
    assert row.satisfied and row.data["dopa_ref"] == "DOPA-2569-7788"
    with context.read() as session:
        check = session.scalars(
            select(Check).where(Check.kind == "id_document_genuine", Check.verdict == "accepted")
        ).one()
        assert (check.document_id, check.page) == (card, 2)


def test_ial3_needs_face_to_face_proofing(context, ws, users) -> None:
    """M29: IAL3 adds proofing in person or by video call, never "not applicable"."""
    change_service(context, "FOOD-NOTICE", ial=3)
    app_id = submit(context, hour=9)
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    assert detail.required_checks[:2] == ("id_document_genuine", "face_to_face")
    assert "face_to_face" in detail.not_applicable_refused
    accept_all(ws, reviewer, app_id)
    ws.review.record_identity_check(reviewer, app_id, "photo_consistent", "accepted", {})
    ws.review.record_identity_check(
        reviewer,
        app_id,
        "callback",
        "accepted",
        {"channel": "email", "at": "2026-11-25T09:00", "result": "ตอบกลับแล้ว"},
    )
    with pytest.raises(ReviewIncomplete, match="Face-to-face proofing"):
        ws.review.mark_reviewed(reviewer, app_id)
    with pytest.raises(InvalidInput, match="cannot be marked not applicable"):
        ws.review.record_identity_check(
            reviewer, app_id, "face_to_face", "not_applicable", {"reason": "ไกล"}
        )
    with pytest.raises(InvalidInput, match="how the applicant was met"):
        ws.review.record_identity_check(
            reviewer, app_id, "face_to_face", "accepted", {"officer": "x", "at": "2026-11-25T09:00"}
        )
    with pytest.raises(InvalidInput, match="the officer"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "face_to_face",
            "accepted",
            {"how": "video_call", "at": "2026-11-25T09:00"},
        )
    detail = ws.review.record_identity_check(
        reviewer,
        app_id,
        "face_to_face",
        "accepted",
        {"how": "video_call", "officer": "นายตรวจ ละเอียด", "at": "2026-11-25T09:10"},
    )
    row = next(r for r in detail.identity_checks if r.kind == "face_to_face")
    assert row.data["how"] == "video_call" and row.data["at"] == "2026-11-25T02:10:00+00:00"
    assert ws.review.mark_reviewed(reviewer, app_id) == "ready_for_approval"


def test_a_company_applicant_needs_its_signatories_and_the_grantors_authority(
    context, ws, users
) -> None:
    """M07 and M30: the company certificate, who may sign, and a POA signed by them."""
    files = (
        ("หนังสือรับรองบริษัท.pdf", corpus.file_pdf(2)),
        ("มอบอำนาจ.pdf", corpus.file_pdf(1)),
        ("บัตรผู้รับมอบ.pdf", corpus.file_pdf(1)),
    )
    app_id = submit(context, hour=9, kind="juristic", files=files, form_data={"delegated": True})
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id)
    assert detail.applicant_kind == "juristic"
    assert "COMPANY-CERT" in [i.code for i in detail.checklist]
    assert detail.required_checks == required_identity_checks(1, True, juristic=True)
    assert detail.company_certificate_max_months == 6
    docs = {d.filename: d.id for d in detail.documents}
    cert, poa = docs["หนังสือรับรองบริษัท.pdf"], docs["มอบอำนาจ.pdf"]
    accept_all(ws, reviewer, app_id)
    ws.review.record_identity_check(
        reviewer, app_id, "poa_stamp_duty", "accepted", {"estamp_ref": "ES256900012345"}
    )
    with pytest.raises(ReviewIncomplete) as incomplete:
        ws.review.mark_reviewed(reviewer, app_id)
    for name in (
        "Company certificate",
        "Authorised signatories",
        "The grantor has the authority to delegate",
    ):
        assert name in incomplete.value.en
    for kind in ("juristic_certificate", "juristic_signatory", "poa_grantor_authority"):
        with pytest.raises(InvalidInput, match="cannot be marked not applicable"):
            ws.review.record_identity_check(
                reviewer, app_id, kind, "not_applicable", {"reason": "x"}
            )

    # The certificate: issued within the service's months, read on its page.
    with pytest.raises(InvalidInput, match="more than 6 months ago"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "juristic_certificate",
            "accepted",
            {"issued_on": "2026-04-30", "document_id": cert, "page": "1"},
        )
    with pytest.raises(InvalidInput, match="Give the page"):
        ws.review.record_identity_check(
            reviewer,
            app_id,
            "juristic_certificate",
            "accepted",
            {"issued_on": "2026-10-01", "document_id": cert},
        )
    ws.review.record_identity_check(
        reviewer,
        app_id,
        "juristic_certificate",
        "accepted",
        {"issued_on": "2026-10-01", "document_id": cert, "page": "1"},
    )
    # Who may sign: the directors named, and whether they sign together.
    signatory = {
        "signatories": "นางวิไลวรรณ ศักดิ์ดี, นายสมพงษ์ ศักดิ์ดี",
        "signing": "jointly",
        "signed_by": "นางวิไลวรรณ ศักดิ์ดี, นายสมพงษ์ ศักดิ์ดี",
        "document_id": cert,
        "page": "2",
    }
    with pytest.raises(InvalidInput, match="how many sign together"):
        ws.review.record_identity_check(
            reviewer, app_id, "juristic_signatory", "accepted", signatory
        )
    with pytest.raises(InvalidInput, match="2 or more"):
        ws.review.record_identity_check(
            reviewer, app_id, "juristic_signatory", "accepted", {**signatory, "joint_count": "1"}
        )
    ws.review.record_identity_check(
        reviewer, app_id, "juristic_signatory", "accepted", {**signatory, "joint_count": "2"}
    )
    # The proxy's POA is signed by the authorised directors (M30).
    with pytest.raises(InvalidInput, match="signed the power of attorney"):
        ws.review.record_identity_check(
            reviewer, app_id, "poa_grantor_authority", "accepted", {"document_id": poa}
        )
    with pytest.raises(InvalidInput, match="Open the document"):
        ws.review.record_identity_check(
            reviewer, app_id, "poa_grantor_authority", "accepted", {"signed_by": "ทั้งสองคน"}
        )
    detail = ws.review.record_identity_check(
        reviewer,
        app_id,
        "poa_grantor_authority",
        "accepted",
        {"signed_by": "นางวิไลวรรณ ศักดิ์ดี, นายสมพงษ์ ศักดิ์ดี", "document_id": poa},
    )
    rows = {r.kind: r for r in detail.identity_checks}
    assert rows["poa_grantor_authority"].data["page"] == "1"  # a one-page POA
    assert rows["juristic_signatory"].data["joint_count"] == "2"
    # Third parties' names stay in the check row, out of the append-only log.
    logged = events(context, "review.identity_recorded")[-1]["data"]
    assert "signed_by" not in logged
    ws.review.record_identity_check(
        reviewer,
        app_id,
        "poa_grantor_call",
        "accepted",
        {
            "phone": "089-402-7731",
            "at": "2026-11-25T09:30",
            "result": "กรรมการยืนยันการมอบอำนาจ",
            "grantor_name": "นางวิไลวรรณ ศักดิ์ดี",
        },
    )
    assert ws.review.mark_reviewed(reviewer, app_id) == "ready_for_approval"


# --- decisions, history, documents --------------------------------------------------------


def test_reject_queues_a_result_notice_naming_the_officer(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    reviewer = users["reviewer"]
    ws.review.open_application(reviewer, app_id)
    with pytest.raises(InvalidInput, match="reasons"):
        ws.review.reject(reviewer, app_id, "  ")
    ws.review.reject(reviewer, app_id, "สถานที่ตั้งอยู่นอกเขตเทศบาล")
    detail = ws.review.open_application(reviewer, app_id)
    assert detail.row.status == "rejected" and detail.claimed_by is None
    with context.read() as session:
        notice = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "result")).one()
    assert notice.to_addr == "somchai@example.co.th"
    assert detail.row.tracking_number in notice.subject
    body = notice.body_text
    assert "สถานที่ตั้งอยู่นอกเขตเทศบาล" in body
    assert "นายตรวจ ละเอียด" in body  # the handling officer is named (P1)
    assert "มาตรา 44" in body and "within 15 days" in body  # how to appeal
    assert body.index("เรียน") < body.index("Dear")  # Thai first, English below
    assert events(context, "review.rejected")[0]["notice_outbox_id"] == notice.id


def test_document_request_is_checked_before_anything_is_sent(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    reviewer = users["reviewer"]
    ws.review.open_application(reviewer, app_id)
    tomorrow = date(2026, 11, 26)
    with pytest.raises(InvalidInput, match="Unknown document items: NOPE"):
        ws.review.preview_document_request(reviewer, app_id, ("NOPE",), "", tomorrow)
    with pytest.raises(InvalidInput, match="must be after today"):
        ws.review.request_documents(reviewer, app_id, ("HOUSE-REG",), "", date(2026, 11, 25))
    with pytest.raises(InvalidInput, match="Choose the documents"):
        ws.review.request_documents(reviewer, app_id, (), "  ", tomorrow)
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1  # the ack
        assert session.get(Application, app_id).status == "in_review"


def test_history_tells_the_story_oldest_first(context, ws, users) -> None:
    submit(context, hour=9)
    app_id = submit(context, hour=10)
    reviewer = users["reviewer"]
    detail = ws.review.open_application(reviewer, app_id, "ผู้ยื่นมาติดต่อที่เคาน์เตอร์")
    ws.review.record_checklist(
        reviewer, app_id, "ID-CARD", "rejected", "หมดอายุ", detail.documents[0].id, 1
    )
    entries = ws.review.history(users["approver"], app_id)
    types = [e.type for e in entries]
    assert types[0] == "application.received"
    assert types.index("document.attached") < types.index("application.opened_out_of_order")
    assert types[-1] == "review.checklist_recorded"
    by_type = {e.type: e for e in entries}
    assert "ผู้ยื่นมาติดต่อที่เคาน์เตอร์" in by_type["application.opened_out_of_order"].summary_th
    assert "1 earlier" in by_type["application.opened_out_of_order"].summary_en
    assert by_type["application.claimed"].summary_en == "Taken by นายตรวจ ละเอียด"
    assert by_type["application.claimed"].actor == "นายตรวจ ละเอียด"
    assert "“รับเรื่องแล้ว” เป็น “กำลังตรวจสอบ”" in by_type["application.status_changed"].summary_th
    checked = by_type["review.checklist_recorded"]
    assert "สำเนาบัตรประจำตัวประชาชนของผู้แจ้ง" in checked.summary_th and "หมดอายุ" in checked.summary_th
    assert by_type["application.received"].actor == "ระบบ (intake)"
    assert all(a.at <= b.at for a, b in zip(entries, entries[1:], strict=False))


def test_document_bytes_are_for_case_officers_and_leave_no_event(context, ws, users) -> None:
    pdf = corpus.file_pdf(1)
    app_id = submit(context, hour=9, files=(("คำขอ.pdf", pdf),))
    doc_id = ws.review.open_application(users["reviewer"], app_id).documents[0].id
    with context.read() as session:
        before = session.scalar(select(func.count()).select_from(Event))
    assert ws.review.document_bytes(users["finance"], doc_id) == pdf
    with pytest.raises(PermissionDenied):
        ws.review.document_bytes(users["admin"], doc_id)
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == before
        assert verify_chain(session).ok


def test_a_request_read_ahead_lists_what_its_claim_shows_and_claims_nothing(
    context, ws, users
) -> None:
    """``preview`` / ``upcoming``: the viewer's head start, for case officers only."""
    files = (("คำขอ.pdf", corpus.file_pdf(1)), ("แผนที่.pdf", corpus.file_pdf(2)))
    first = submit(context, hour=9, files=files)
    second = submit(context, hour=10, files=files[:1])
    with context.read() as session:
        before = session.scalar(select(func.count()).select_from(Event))
    preview = ws.review.preview(users["reviewer"], first)
    upcoming = ws.review.upcoming(users["reviewer"], None, first)
    assert upcoming is not None and upcoming.application_id == second
    with pytest.raises(PermissionDenied):
        ws.review.preview(users["admin"], first)
    with context.read() as session:  # nothing claimed, nothing recorded
        assert session.scalar(select(func.count()).select_from(Event)) == before
        assert session.get(Application, first).assignee_id is None
    detail = ws.review.open_application(users["reviewer"], first)
    assert preview.documents == detail.documents and preview.body_text == detail.body_text
    assert preview.tracking_number == detail.row.tracking_number


def test_certify_search_and_dashboard_through_the_port(context, ws, users) -> None:
    app_id = submit(context, hour=9, files=(("บัตรประชาชน.pdf", corpus.file_pdf(1)),))
    detail = ws.review.open_application(users["reviewer"], app_id)
    original = detail.documents[0].id
    copy = ws.review.certify_copy(users["reviewer"], original)
    assert copy.origin == "produced" and copy.derived_from == original
    docs = ws.review.open_application(users["reviewer"], app_id).documents
    assert [(d.origin, d.derived_from) for d in docs] == [("email", None), ("produced", original)]
    found = ws.shell.search(users["approver"], detail.row.tracking_number)
    assert [r.id for r in found] == [app_id]
    assert ws.shell.dashboard(users["approver"]).pending >= 1
