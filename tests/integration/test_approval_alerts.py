"""The approver's daily digest: queued by the sync's digest step, sent through the outbox to a
real SMTP server (aiosmtpd on 127.0.0.1), listing the reviewed requests waiting for approval
first come first — in officer wording, without the applicant's name."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

from sqlalchemy import select, update

from models import Agency, Application, User
from services.outbox import SmtpTransport, send_due
from services.worklist.digest import queue_digests_now
from tests.integration.test_approval import reviewed
from tests.integration.test_review import submit, users, ws
from tests.peers.smtp import SmtpSink


def _emails(context, **addresses: str) -> None:
    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = "saraban@tst.go.th"
        for username, address in addresses.items():
            session.execute(update(User).where(User.username == username).values(email=address))


def _number(context, app_id: str) -> str:
    with context.read() as session:
        return session.scalars(
            select(Application.tracking_number).where(Application.id == app_id)
        ).one()


def test_the_approvers_digest_lists_what_waits_for_approval_and_reaches_smtp(
    context, ws, users, smtp_sink: SmtpSink
) -> None:
    newer = reviewed(context, ws, users, hour=11)
    older = reviewed(context, ws, users, hour=9)
    submit(context, hour=10)  # not reviewed yet: the reviewer's, not the approver's
    _emails(context, approver="approver@tst.go.th", reviewer="reviewer@tst.go.th")
    ws.worklist.set_digest(users["approver"], True)
    ws.worklist.set_digest(users["reviewer"], True)
    assert queue_digests_now(context) == ["approver", "reviewer"]
    report = send_due(context, SmtpTransport(smtp_sink.host, smtp_sink.port, "plain", None, None))
    assert report.failed == 0  # the digests, and the applicants' acknowledgements
    mails = {d.rcpt_tos[0]: d.message() for d in smtp_sink.deliveries}
    assert {"approver@tst.go.th", "reviewer@tst.go.th"} <= set(mails)
    approver_mail = mails["approver@tst.go.th"]
    body = approver_mail.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Daily work summary" in str(approver_mail["Subject"])
    assert "คำขอที่ตรวจแล้ว รอท่านพิจารณาอนุมัติ (ตามลำดับที่ยื่น): 2 รายการ" in text
    assert "Reviewed, waiting for your approval (first come first): 2" in text
    first, second = _number(context, older), _number(context, newer)
    assert text.index(first) < text.index(second)  # the approval queue's order
    assert "สมชาย" not in text  # no applicant's name leaves in an officer's mail
    reviewer_text = mails["reviewer@tst.go.th"].get_body(("plain",))
    assert reviewer_text is not None
    assert "waiting for your approval" not in reviewer_text.get_content()
