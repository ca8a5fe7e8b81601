"""A fee that approval makes due: the notice's mail is queued with the decision but held
until its PDF is drawn after the signing batch; it is never sent without the PDF, it is
drawn once even when two stations draw at once, and what goes out is the same notice."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import json
import mailbox
from email.header import decode_header, make_header

from sqlalchemy import select

from models import Agency, Document, Event, OutboxMessage, Payment
from services import fees, outbox
from services.api.approval import Approval as ApprovalFacade
from services.api.approval import SigningChoice, SigningSettings
from services.approval import BatchItem
from services.fees import notice_drafts
from services.kernel.actors import Actor
from services.outbox.maildir import MaildirTransport
from services.produce.sign import Pin
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_fees import with_account
from tests.integration.test_review import accept_all, submit, users, ws
from tests.pdf_reading import folded, pypdf_pages


def _approved_with_fee_due(context, ws, users, email: str = "q7@example.co.th") -> str:
    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = "saraban@tessaban.go.th"
    with_account(context)
    app_id = submit(context, hour=9, email=email)
    accept_all(ws, users["reviewer"], app_id)
    assert ws.review.mark_reviewed(users["reviewer"], app_id) == "ready_for_approval"
    facade = ApprovalFacade(context, SigningSettings())
    facade.open_approval(users["approver"], app_id)
    outcome = facade.approve_batch(
        users["approver"],
        [BatchItem(app_id, ())],
        SigningChoice("record", secret=Pin(STAFF_PASSWORD)),
    )
    assert outcome.approved == (app_id,)
    return app_id


def _subject(message: mailbox.MaildirMessage) -> str:
    return str(make_header(decode_header(message["Subject"])))


def _notice_row(context) -> OutboxMessage:
    with context.read() as session:
        return session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "payment_notice")
        ).one()


def _notice_documents(context) -> list[Document]:
    with context.read() as session:
        return list(
            session.scalars(select(Document).where(Document.filename.like("payment_notice_%")))
        )


def test_the_notice_is_held_until_drawn_then_sent_with_its_pdf(
    context, ws, users, tmp_path
) -> None:
    app_id = _approved_with_fee_due(context, ws, users)
    held = _notice_row(context)
    # Queued with the decision (the payment names it), but held and without its PDF yet.
    with context.read() as session:
        payment = session.scalars(select(Payment)).one()
    assert payment.notice_outbox_id == held.id
    assert held.status == fees.DRAFTING and held.attachments == []
    assert _notice_documents(context) == []
    # The sender does not send a held notice: the acknowledgement and the result go out.
    box = tmp_path / "mailbox"
    first = outbox.send_due(context, MaildirTransport(box))
    assert first.sent >= 1 and first.failed == 0
    subjects = [_subject(m) for m in mailbox.Maildir(box, create=False)]
    assert len(subjects) == first.sent
    assert not any(payment.transaction_id in s for s in subjects)
    assert _notice_row(context).status == fees.DRAFTING

    assert fees.draw_pending_notices(context) == [held.id]
    assert fees.draw_pending_notices(context) == []  # drawn once
    released = _notice_row(context)
    [document] = _notice_documents(context)
    assert released.status == "queued"
    assert [a["sha256"] for a in released.attachments] == [document.blob_sha256]
    assert document.application_id == app_id
    with context.read() as session:
        drawn = session.scalars(select(Event).where(Event.type == "fees.notice_drawn")).one()
    assert json.loads(drawn.payload)["outbox_id"] == held.id

    second = outbox.send_due(context, MaildirTransport(box))
    assert second.sent == 1
    sent = next(
        m for m in mailbox.Maildir(box, create=False) if payment.transaction_id in _subject(m)
    )
    [pdf] = [p for p in sent.walk() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == document.filename
    text = folded("\n".join(pypdf_pages(pdf.get_payload(decode=True))))
    assert payment.transaction_id in text and "หนังสือแจ้งชำระค่าธรรมเนียม" in text


def test_two_stations_drawing_one_notice_store_it_once(context, ws, users) -> None:
    _approved_with_fee_due(context, ws, users, email="q8@example.co.th")
    held = _notice_row(context)
    # Station A reads and draws; station B draws and stores meanwhile; A's store is refused.
    with context.read() as session:
        found = notice_drafts._content(session, held.id)
    assert found is not None
    content, application_id = found
    pdf = notice_drafts.render_notice_pdf(content)
    assert fees.draw_pending_notices(context) == [held.id]
    late = notice_drafts._release(
        context, Actor.system("fees"), held.id, application_id, content, pdf
    )
    assert late is False
    assert len(_notice_documents(context)) == 1
    assert len(_notice_row(context).attachments) == 1
