"""A request's way between the desks: classifying it at intake, withdrawing it (the applicant's
own mail or an officer), sending it back to the reviewer, and the automatic status answer.

Real encrypted profile, real Maildir in and out; the clock is the only fake.
"""

from __future__ import annotations

import email
import email.policy
import os
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Application, OutboxMessage, ServiceType, User
from services.access.table import Action
from services.api import allowed_actions
from services.intake.mail.maildir import MaildirMailbox
from services.intake.sync import SyncPlan, run_sync
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.kernel.statuses import ApplicationStatus
from services.outbox import MaildirTransport
from tests.catalog_changes import change_service
from tests.data import mail_corpus as corpus
from tests.integration import test_review
from tests.integration.test_review import accept_all, events, submit

ws = test_review.ws  # fixtures: the ports, one signed-in officer per role
users = test_review.users

FRIDAY_EVENING = datetime(2026, 11, 20, 18, 5, tzinfo=BANGKOK)


@pytest.fixture
def plan(tmp_path: Path) -> SyncPlan:
    return SyncPlan(
        open_mailbox=lambda: MaildirMailbox(tmp_path / "mailbox", create=True),
        folders=("INBOX",),
        scanner=None,
        open_transport=lambda: MaildirTransport(tmp_path / "sent"),
    )


def _deliver(tmp_path: Path, raw: bytes, at: datetime, name: str) -> None:
    maildir = tmp_path / "mailbox"
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    path = maildir / "new" / name
    path.write_bytes(raw)
    os.utime(path, (at.timestamp(), at.timestamp()))


def _sent(tmp_path: Path) -> list[email.message.EmailMessage]:
    out = []
    for sub in ("new", "cur"):
        for path in sorted((tmp_path / "sent" / sub).glob("*")):
            out.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    return out


def _body(message: email.message.EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def _unclassified(context, plan, tmp_path: Path) -> Application:
    raw = corpus.mail_plain(
        "เรียนเจ้าหน้าที่ ขอสอบถามเรื่องหนึ่ง",
        subject=corpus.encoded_word("เรื่องทั่วไป", "utf-8"),
        message_id="<uncl-1@example.co.th>",
    )
    _deliver(tmp_path, raw, FRIDAY_EVENING, "1.u")
    run_sync(context, plan)
    with context.read() as session:
        application = session.scalars(select(Application)).one()
        session.expunge(application)
    assert application.status == ApplicationStatus.UNCLASSIFIED
    return application


# --- classifying ---------------------------------------------------------------------------


def test_an_unclassified_request_is_told_the_sla_follows_and_gets_it_once_classified(
    context, plan, ws, users, tmp_path: Path
) -> None:
    application = _unclassified(context, plan, tmp_path)
    first = _body(_sent(tmp_path)[0])
    assert "- วันทำการ" not in first and "กำหนดแล้วเสร็จ -" not in first
    assert "เมื่อเจ้าหน้าที่ระบุประเภทบริการของคำขอแล้ว" in first
    assert "once an officer has identified the service you asked for" in first
    # Only intake classifies, and only a request still unclassified.
    with pytest.raises(PermissionDenied):
        ws.intake.classify(users["reviewer"], application.id, "FOOD-NOTICE", "juristic")
    with pytest.raises(InvalidInput):
        ws.intake.classify(users["intake"], application.id, "FOOD-NOTICE", "robot")
    assert allowed_actions("unclassified", frozenset({"intake"}), held_by_me=False) >= {
        Action.CLASSIFY
    }
    assert Action.CLASSIFY not in allowed_actions(
        "received", frozenset({"intake"}), held_by_me=False
    )

    ws.intake.classify(users["intake"], application.id, "FOOD-NOTICE", "juristic")

    with context.read() as session:
        app = session.get(Application, application.id)
        service = session.scalar(select(ServiceType).where(ServiceType.code == "FOOD-NOTICE"))
        assert app.status == ApplicationStatus.RECEIVED and app.applicant.kind == "juristic"
        # The SLA runs from the deemed-received time (Monday 08:30), not from today.
        deemed = app.deemed_received_at
        assert deemed.astimezone(BANGKOK) == datetime(2026, 11, 23, 8, 30, tzinfo=BANGKOK)
        expected = context.calendar.sla_due_at(deemed, service.sla_business_days)
        assert app.sla_due_at == expected
        assert app.sla_due_at != context.calendar.sla_due_at(
            context.clock.now(), service.sla_business_days
        )
        days = service.sla_business_days
        follow_up = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "acknowledgement_sla")
        ).one()
        assert verify_chain(session).ok
    assert events(context, "application.classified")[-1]["service"] == "FOOD-NOTICE"
    assert f"{days} วันทำการ (กำหนดแล้วเสร็จ" in follow_up.body_text
    assert f"{days} business days (due" in follow_up.body_text
    assert follow_up.body_text.index("วันทำการ") < follow_up.body_text.index("business days")
    with pytest.raises(InvalidInput):  # once is enough
        ws.intake.classify(users["intake"], application.id, "FOOD-NOTICE", "person")


# --- withdrawing ---------------------------------------------------------------------------


def test_the_applicants_own_cancel_mail_withdraws_the_request_and_confirms_it(
    context, plan, tmp_path: Path
) -> None:
    application = _unclassified(context, plan, tmp_path)
    number = application.tracking_number
    stranger = corpus.mail_plain(
        f"cancel {number}", subject=f"cancel {number}", sender="x <x@example.com>",
        message_id="<c-0@example.com>",
    )  # fmt: skip
    _deliver(tmp_path, stranger, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "2.c")
    run_sync(context, plan)
    with context.read() as session:
        assert session.get(Application, application.id).status == ApplicationStatus.UNCLASSIFIED
    own = corpus.mail_plain(
        f"ยกเลิก {number}",
        subject=corpus.encoded_word(f"ยกเลิก {number}", "utf-8"),
        message_id="<c-1@example.co.th>",
        extra=("In-Reply-To: <uncl-1@example.co.th>",),
    )
    _deliver(tmp_path, own, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "3.c")
    run_sync(context, plan)
    with context.read() as session:
        app = session.get(Application, application.id)
        assert app.status == ApplicationStatus.WITHDRAWN and app.closed_at is not None
        assert verify_chain(session).ok
    assert events(context, "application.withdrawn")[-1]["by"] == "applicant e-mail"
    letters = [m for m in _sent(tmp_path) if "ยืนยันการถอนคำขอ" in str(m["Subject"])]
    assert len(letters) == 1 and letters[0]["To"] == corpus.APPLICANT
    body = _body(letters[0])
    assert number in body and body.index("ถอนคำขอ") < body.index("withdrawn")  # Thai first
    assert letters[0]["In-Reply-To"] == "<c-1@example.co.th>"
    # A thank-you to the confirmation, cancel word and all, is not answered again.
    thanks = corpus.mail_plain(
        "ขอบคุณที่ยกเลิกให้ครับ",
        subject=corpus.encoded_word(f"Re: ยกเลิก {number}", "utf-8"),
        message_id="<c-2@example.co.th>",
        extra=(f"In-Reply-To: {letters[0]['Message-ID']}",),
    )
    before = len(_sent(tmp_path))
    _deliver(tmp_path, thanks, datetime(2026, 11, 24, 11, tzinfo=BANGKOK), "4.c")
    run_sync(context, plan)
    assert len(_sent(tmp_path)) == before


def test_an_officer_withdraws_with_a_reason_that_stays_in_the_record(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    with pytest.raises(PermissionDenied):
        ws.intake.withdraw(users["approver"], app_id, "ผู้ยื่นโทรมาแจ้ง")
    with pytest.raises(InvalidInput):
        ws.intake.withdraw(users["intake"], app_id, "  ")
    ws.intake.withdraw(users["intake"], app_id, "ผู้ยื่นโทรมาขอถอน เจ้าหน้าที่ยืนยันตัวตนแล้ว")
    with context.read() as session:
        assert session.get(Application, app_id).status == ApplicationStatus.WITHDRAWN
        letter = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "withdrawn")
        ).one()
    logged = events(context, "application.withdrawn")[-1]
    assert logged["by"] == "officer" and "ยืนยันตัวตน" in logged["reason"]
    assert "ยืนยันตัวตน" not in letter.body_text  # the officer's words stay with the officer
    assert "ตามที่ท่านแจ้งต่อเจ้าหน้าที่" in letter.body_text and "as you told our officer" in (
        letter.body_text
    )
    with pytest.raises(InvalidInput):  # closed now
        ws.intake.withdraw(users["intake"], app_id, "again")
    history = ws.review.history(users["reviewer"], app_id)
    assert any(h.type == "application.withdrawn" for h in history)


# --- sending back to the reviewer ----------------------------------------------------------


def test_the_approver_sends_it_back_to_the_reviewer_with_a_note(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "ready_for_approval"
    with pytest.raises(PermissionDenied):
        ws.review.return_to_review(users["reviewer"], app_id, "x")
    opened = ws.review.open_application(users["approver"], app_id)
    assert Action.RETURN_TO_REVIEW in opened.allowed
    with pytest.raises(InvalidInput):
        ws.review.return_to_review(users["approver"], app_id, " ")
    ws.review.return_to_review(users["approver"], app_id, "แผนที่ไม่ตรงกับที่อยู่ในคำขอ")
    with context.read() as session:
        app = session.get(Application, app_id)
        assert app.status == ApplicationStatus.IN_REVIEW
        assert verify_chain(session).ok
        no_letter = session.scalars(
            select(OutboxMessage.kind).where(OutboxMessage.application_id == app_id)
        ).all()
    assert no_letter == ["acknowledgement"]  # nothing to the applicant
    assert events(context, "review.returned")[-1]["to_reviewer"] == "reviewer"
    # Back with the reviewer who passed it on, who reads the note in the request.
    detail = ws.review.open_application(users["reviewer"], app_id)
    assert detail.claimed_by_me and Action.DECIDE_REVIEW in detail.allowed
    assert [(who, note) for _, who, note in detail.returned] == [
        ("นายอนุมัติ รอบคอบ", "แผนที่ไม่ตรงกับที่อยู่ในคำขอ")
    ]
    history = ws.review.history(users["reviewer"], app_id)
    assert any("แผนที่ไม่ตรงกับที่อยู่" in h.summary_th for h in history)


def test_finance_sends_it_back_while_the_fee_is_due(context, ws, users) -> None:
    change_service(context, "FOOD-NOTICE", fee_due="before_approval")
    app_id = submit(context, hour=9)
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "payment_due"
    assert ws.review.next_application(users["finance"], None).id == app_id
    ws.review.return_to_review(users["finance"], app_id, "ค่าธรรมเนียมไม่ตรงกับประเภทกิจการ")
    with context.read() as session:
        assert session.get(Application, app_id).status == ApplicationStatus.IN_REVIEW
    assert events(context, "review.returned")[-1]["from"] == "payment_due"


# --- the status answer ---------------------------------------------------------------------


def test_the_status_answer_names_the_officer_and_the_agencys_contact(
    context, plan, ws, users, tmp_path: Path
) -> None:
    application = _unclassified(context, plan, tmp_path)
    number = application.tracking_number

    seen: set[str] = set()

    def ask(n: int) -> str:
        """The answer to the n-th status mail (the sent folder's order is not the time's)."""
        raw = corpus.mail_plain(
            f"status {number}", subject=f"status {number}", message_id=f"<st-{n}@example.co.th>"
        )
        _deliver(tmp_path, raw, datetime(2026, 11, 24, 9 + n, tzinfo=BANGKOK), f"s{n}")
        run_sync(context, plan)
        answers = {_body(m) for m in _sent(tmp_path) if "สถานะคำขอ" in str(m["Subject"])}
        new = answers - seen
        assert len(new) == 1
        seen.update(new)
        return new.pop()

    first = ask(1)
    assert "เจ้าหน้าที่ผู้รับผิดชอบ: ยังไม่ได้มอบหมายเจ้าหน้าที่" in first
    assert "Officer handling it: not yet assigned" in first
    assert "saraban@test-municipality.example.go.th" in first and "042-000-001" in first
    ws.intake.classify(users["intake"], application.id, "FOOD-NOTICE", "person")
    with context.store.sessions() as session, session.begin():
        session.scalar(select(User).where(User.username == "reviewer")).position_th = "นิติกร"
    assert ws.review.next_application(users["reviewer"], None).id == application.id
    second = ask(2)
    assert "เจ้าหน้าที่ผู้รับผิดชอบ: นายตรวจ ละเอียด นิติกร" in second
    assert "โทร 042-000-001" in second and "phone 042-000-001" in second
    assert second.index("สถานะ:") < second.index("Status:")
