"""Asking the applicant for more documents, end to end, with the real intake.

A mail arrives in a Maildir and is synced; the reviewer asks for documents; the request goes
out through the outbox; the applicant's reply (In-Reply-To the request) is synced back in,
brings the documents and returns the application to the reviewer's queue with the SLA moved
by the time spent waiting; the review completes. The audit chain verifies at the end.
"""

from __future__ import annotations

import email
import email.policy
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Application, OutboxMessage
from services.intake.mail.maildir import MaildirMailbox
from services.intake.sync import SyncPlan, run_sync
from services.kernel.clock import BANGKOK
from services.kernel.events import verify_chain
from services.outbox import MaildirTransport
from services.review import ReviewIncomplete
from tests.data import mail_corpus as corpus
from tests.integration.test_review import users, ws  # noqa: F401 — fixtures

SUBJECT = corpus.encoded_word("ขอหนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร", "utf-8")


def _deliver(maildir: Path, raw: bytes, at: datetime, name: str) -> None:
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    path = maildir / "new" / name
    path.write_bytes(raw)
    os.utime(path, (at.timestamp(), at.timestamp()))


def _sent(tmp_path: Path) -> list[email.message.EmailMessage]:
    found = []
    for sub in ("new", "cur"):
        for path in sorted((tmp_path / "sent" / sub).glob("*")):
            found.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    return found


@pytest.fixture
def plan(tmp_path: Path) -> SyncPlan:
    return SyncPlan(
        open_mailbox=lambda: MaildirMailbox(tmp_path / "mailbox", create=True),
        folders=("INBOX",),
        scanner=None,
        open_transport=lambda: MaildirTransport(tmp_path / "sent"),
    )


def test_request_for_documents_round_trip(context, clock, plan, ws, users, tmp_path) -> None:  # noqa: F811
    mailbox = tmp_path / "mailbox"
    first = corpus.mail_with_files(
        [("บัตรประชาชน.pdf", corpus.file_pdf(1)), ("ทะเบียนบ้าน.pdf", corpus.file_pdf(1))],
        subject=SUBJECT,
        message_id="<first-1@example.co.th>",
    )
    _deliver(mailbox, first, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "1.first")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    assert app.status == "received"
    reviewer = users["reviewer"]

    # The reviewer takes it, checks what came, finds the map missing and the copy unreadable.
    row = ws.review.next_application(reviewer, None)
    assert row is not None and row.id == app.id
    detail = ws.review.open_application(reviewer, app.id)
    assert detail.row.service_code == "FOOD-NOTICE" and detail.claimed_by_me
    docs = {d.filename: d.id for d in detail.documents}
    ws.review.record_checklist(
        reviewer, app.id, "ID-CARD", "accepted", "", docs["บัตรประชาชน.pdf"], 1
    )
    ws.review.record_checklist(
        reviewer,
        app.id,
        "HOUSE-REG",
        "rejected",
        "สำเนาไม่ชัด อ่านเลขรหัสประจำบ้านไม่ได้",
        docs["ทะเบียนบ้าน.pdf"],
    )
    ws.review.record_identity_check(
        reviewer,
        app.id,
        "id_document_genuine",
        "accepted",
        {"method": "card_reader", "document_id": docs["บัตรประชาชน.pdf"], "page": "1"},
    )
    with pytest.raises(ReviewIncomplete):
        ws.review.mark_reviewed(reviewer, app.id)

    deadline = date(2026, 12, 4)
    items = ("HOUSE-REG", "LOCATION-MAP")
    message = "โปรดส่งสำเนาทะเบียนบ้านที่ชัดเจน และแผนที่ตั้งร้าน"
    subject, body = ws.review.preview_document_request(reviewer, app.id, items, message, deadline)
    assert app.tracking_number in subject
    assert "สำเนาทะเบียนบ้านของผู้แจ้ง" in body and "Sketch map of the shop's location" in body
    assert "สำเนาไม่ชัด อ่านเลขรหัสประจำบ้านไม่ได้" in body  # the reason for asking again
    assert "4 ธันวาคม 2569" in body and "4 December 2026" in body
    assert "นายตรวจ ละเอียด" in body and message in body
    assert body.index("เรียน") < body.index("Dear")
    due_before = ws.review.open_application(reviewer, app.id).row.sla_due_at

    ws.review.request_documents(reviewer, app.id, items, message, deadline)
    waiting = ws.review.open_application(reviewer, app.id)
    assert waiting.row.status == "waiting_applicant" and waiting.row.sla_state == "paused"
    assert waiting.claimed_by_me  # the reviewer keeps the case while waiting
    with context.read() as session:
        request = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "request_documents")
        ).one()
        stored = session.get(Application, app.id)
    assert request.to_addr == corpus.APPLICANT and request.body_text == body
    assert request.headers.get("In-Reply-To") == "<first-1@example.co.th>"
    assert stored.form_data["document_requests"][0]["items"] == list(items)
    assert ws.review.next_application(users["reviewer2"], None) is None  # nothing for others

    # Five days later the applicant answers the request with the documents.
    clock.advance(timedelta(days=5))
    run_sync(context, plan)  # sends the request
    # (A long Message-ID header may come back folded: compare it stripped.)
    sent = [m for m in _sent(tmp_path) if str(m["Message-ID"]).strip() == request.message_id]
    assert len(sent) == 1 and "Auto-Submitted" not in sent[0]
    reply = corpus.mail_with_files(
        [("ทะเบียนบ้าน-ใหม่.pdf", corpus.file_pdf(1)), ("แผนที่.pdf", corpus.file_pdf(1))],
        subject=f"Re: {app.tracking_number}",
        message_id="<reply-docs-1@example.co.th>",
        extra=[f"In-Reply-To: {request.message_id}", f"References: {request.message_id}"],
    )
    _deliver(mailbox, reply, clock.now(), "2.reply")
    run_sync(context, plan)

    back = ws.review.next_application(reviewer, None)  # back in the same officer's queue
    assert back is not None and back.id == app.id and back.status == "in_review"
    assert ws.review.next_application(users["reviewer2"], None) is None
    assert back.sla_due_at is not None and due_before is not None
    assert back.sla_due_at - due_before >= timedelta(days=3)  # waiting did not count
    detail = ws.review.open_application(reviewer, app.id)
    docs = {d.filename: d.id for d in detail.documents}
    assert {"ทะเบียนบ้าน-ใหม่.pdf", "แผนที่.pdf"} <= set(docs)
    ws.review.record_checklist(
        reviewer, app.id, "HOUSE-REG", "accepted", "", docs["ทะเบียนบ้าน-ใหม่.pdf"]
    )
    ws.review.record_checklist(
        reviewer, app.id, "LOCATION-MAP", "accepted", "", docs["แผนที่.pdf"], 1
    )
    assert ws.review.mark_reviewed(reviewer, app.id, "ครบถ้วน") == "ready_for_approval"

    history = ws.review.history(reviewer, app.id)
    types = [h.type for h in history]
    assert types.index("review.documents_requested") < types.index("application.applicant_replied")
    requested = next(h for h in history if h.type == "review.documents_requested")
    assert "4 ธันวาคม 2569" in requested.summary_th and "4 December 2026" in requested.summary_en
    with context.read() as session:
        assert verify_chain(session).ok


def test_refusal_notice_goes_out_with_the_sync(context, plan, ws, users, tmp_path) -> None:  # noqa: F811
    raw = corpus.mail_with_files(
        [("คำขอ.pdf", corpus.file_pdf(1))], subject=SUBJECT, message_id="<r-1@example.co.th>"
    )
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "1.r")
    run_sync(context, plan)
    reviewer = users["reviewer"]
    row = ws.review.next_application(reviewer, None)
    assert row is not None
    ws.review.reject(reviewer, row.id, "ร้านตั้งอยู่นอกเขตเทศบาล\nโปรดติดต่อองค์การบริหารส่วนตำบล")
    run_sync(context, plan)
    notices = [m for m in _sent(tmp_path) if "แจ้งผลการพิจารณา" in str(m["Subject"])]
    assert len(notices) == 1 and notices[0]["To"] == corpus.APPLICANT
    assert notices[0]["In-Reply-To"] == "<r-1@example.co.th>"
    text = notices[0].get_body(("plain",)).get_content()
    assert "ร้านตั้งอยู่นอกเขตเทศบาล" in text and "appeal" in text
    with context.read() as session:
        assert verify_chain(session).ok
