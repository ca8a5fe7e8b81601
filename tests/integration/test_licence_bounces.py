"""A licence's delivery mail that bounces, on a real profile: the delivery report intake set
aside names the mail that failed; the delivery is marked failed, the request is *issued*
again, and the licence is sent again — here at the counter instead. A report is read once,
and a late report of the earlier mail does not undo the second delivery."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Application, Event, IssuedDocument, NotRequestMail, OutboxMessage
from services.api.issuing import Issuing
from services.issuing.bounces import failed_message_ids, note_bounces
from services.kernel.actors import SYSTEM
from services.kernel.errors import InvalidInput
from tests.integration.test_approval import signing
from tests.integration.test_issuing import approved, record_choice
from tests.integration.test_review import users, ws


def _report(message_id: str) -> bytes:
    """A delivery status notification (RFC 3464) as Postfix writes one."""
    return (
        "From: MAILER-DAEMON@mx.example.co.th (Mail Delivery System)\r\n"
        "To: saraban@nongphai.go.th\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.co.th\r\n\r\n"
        "Final-Recipient: rfc822; a10@example.co.th\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {message_id}\r\nSubject: licence\r\n\r\n--B--\r\n"
    ).encode()


def _set_aside(context, key: str, raw: bytes) -> None:
    sha = context.store.blobs.put(raw).sha256
    with context.unit_of_work(SYSTEM) as uow:
        uow.session.add(NotRequestMail(
            source_key=key, sender_address="MAILER-DAEMON@mx.example.co.th",
            subject="Undelivered Mail Returned to Sender", received_at=uow.now,
            raw_blob_sha256=sha, reason_code="delivery_report", reason_th="รายงานการส่ง",
            reason_en="delivery report", created_at=uow.now,
        ))  # fmt: skip


def _note(context) -> int:
    with context.unit_of_work(SYSTEM) as uow:
        return note_bounces(uow, context.calendar, context.store.blobs)


def test_a_bounced_delivery_is_marked_failed_and_sent_again_by_another_channel(
    context, ws, users, signing
) -> None:
    app_id = approved(context, ws, users, signing, record_choice(), hour=10)
    issuing = Issuing(context, signing.settings)
    issued = issuing.issue(users["approver"], app_id, record_choice())
    sent = issuing.deliver(users["intake"], issued.issued_id)
    with context.read() as session:
        message_id = session.get(OutboxMessage, sent.outbox_id).message_id
    assert failed_message_ids(_report(message_id)) == [message_id]
    _set_aside(context, "imap:INBOX:1:501", _report(message_id))
    _set_aside(context, "imap:INBOX:1:502", _report("<other@example.co.th>"))
    assert _note(context) == 1
    assert _note(context) == 0  # each report is read once
    with context.read() as session:
        entry = session.get(IssuedDocument, issued.issued_id)
        app = session.get(Application, app_id)
        types = [e.type for e in session.scalars(select(Event).order_by(Event.seq))]
    assert entry.delivered_at is None and entry.delivery_failed_at is not None
    assert "Undelivered" in entry.delivery_failure
    assert app.status == "issued" and "licence.delivery_failed" in types
    (row,) = issuing.issued(users["intake"])
    assert row.delivered_at is None and row.delivery_failed_at is not None
    # Sent again, at the counter this time; an unknown channel is refused.
    with pytest.raises(InvalidInput, match="no delivery channel"):
        issuing.deliver(users["intake"], issued.issued_id, channel="fax")
    again = issuing.deliver(users["intake"], issued.issued_id, channel="counter",
                            handed_to="นายสมชาย ใจดี")  # fmt: skip
    assert again.channel == "counter"
    with context.read() as session:
        entry = session.get(IssuedDocument, issued.issued_id)
        assert session.get(Application, app_id).status == "delivered"
    assert entry.delivered_at is not None and entry.delivery_failed_at is None
    # A late second report of the first mail changes nothing now.
    _set_aside(context, "imap:INBOX:1:503", _report(message_id))
    assert _note(context) == 0
    with context.read() as session:
        assert session.get(IssuedDocument, issued.issued_id).delivered_at is not None
