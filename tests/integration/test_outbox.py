"""The outbox against a real SMTP server (aiosmtpd on 127.0.0.1) and a real Maildir.

Queued with the decision, sent with back-off while the link comes and goes, failed with a
reason an officer can read, continued after a restart, never lost (sent at least once,
always with the same Message-ID), and the audit chain intact throughout.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import json
import logging
import mailbox
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Agency, Application, Event, OutboxMessage
from services.cases.applications import NewApplicant, create_application, find_or_create_applicant
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput
from services.kernel.events import verify_chain
from services.outbox import (
    BACKOFF_CAP,
    CLAIM_LEASE,
    SMTP_PASSWORD_SECRET,
    MaildirTransport,
    OutgoingAttachment,
    RecipientRefused,
    SendReport,
    SmtpSettings,
    SmtpTransport,
    TransportUnavailable,
    backoff_delay,
    build_email,
    check_address,
    failed_messages,
    outbox_summary,
    queue_message,
    requeue_message,
    send_due,
    sent_log,
)
from services.store import keys
from services.store.context import AppContext
from services.store.profile import load_context
from tests.peers.smtp import SmtpSink

pytestmark = pytest.mark.peer

OFFICIAL = "saraban@tst.go.th"
AGENCY_TH = "เทศบาลตำบลทดสอบ"
APPLICANT = "somying@example.co.th"
SUBJECT = "ตอบรับคำขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร เลขที่ TST-ST1-2569-000001"
BODY = (
    "เรียน คุณสมหญิง ใจดี\n\n"
    "หน่วยงานได้รับคำขอของท่านแล้ว เมื่อวันพุธที่ 25 พฤศจิกายน 2569 เวลา 10.00 น.\n"
    "กำหนดแล้วเสร็จภายใน 15 วันทำการ\n\n"
    "We have received your request.\n"
)
PDF = b"%PDF-1.4\n% \xe0\xb8\x97\xe0\xb8\x94\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PDF_NAME = "ใบรับคำขอ TST-ST1-2569-000001.pdf"
SYSTEM = Actor.system("test")


@pytest.fixture
def ctx(context: AppContext) -> AppContext:
    """The test profile with the agency's official address set."""
    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = OFFICIAL
    return context


def smtp(sink: SmtpSink) -> SmtpTransport:
    return SmtpTransport(sink.host, sink.port, "plain", None, None, timeout_s=5)


def queue(ctx: AppContext, to: str = APPLICANT, **kw: object) -> str:
    with ctx.unit_of_work(SYSTEM) as uow:
        args: dict[str, object] = {
            "kind": "result",
            "to_addr": to,
            "subject": SUBJECT,
            "body_text": BODY,
            "application_id": None,
            "domain": "tst.go.th",
        }
        args.update(kw)
        return queue_message(uow, **args).id  # type: ignore[arg-type]


def row(ctx: AppContext, outbox_id: str) -> OutboxMessage:
    with ctx.read() as session:
        found = session.get(OutboxMessage, outbox_id)
        assert found is not None
        return found


def events(ctx: AppContext, type_: str) -> list[Event]:
    with ctx.read() as session:
        return list(session.scalars(select(Event).where(Event.type == type_).order_by(Event.seq)))


def assert_chain_ok(ctx: AppContext) -> None:
    with ctx.read() as session:
        report = verify_chain(session)
    assert report.ok, report.broken and report.broken.describe()


def new_application(uow, ctx: AppContext) -> Application:  # type: ignore[no-untyped-def]
    applicant = find_or_create_applicant(
        uow, NewApplicant(kind="person", title_th="นางสาว", name_th="สมหญิง ใจดี", email=APPLICANT)
    )
    return create_application(
        uow,
        ctx.calendar,
        agency_code=ctx.agency_code,
        station_code=ctx.station_code,
        channel="email",
        received_at=ctx.clock.now(),
        subject="ขอใบอนุญาตจำหน่ายอาหาร",
        applicant=applicant,
        service_code="FOOD-SHOP",
        reply_to=APPLICANT,
    )


# --- queued with the decision ------------------------------------------------------------


def test_acknowledgement_commits_with_the_application_or_not_at_all(ctx, actors, clock) -> None:
    with ctx.read() as session:
        events_before = session.scalar(select(func.count()).select_from(Event))

    with pytest.raises(RuntimeError), ctx.unit_of_work(actors["intake"]) as uow:
        app = new_application(uow, ctx)
        queue_message(
            uow,
            kind="acknowledgement",
            to_addr=APPLICANT,
            subject=SUBJECT,
            body_text=BODY,
            application_id=app.id,
            in_reply_to="<request-1@mail.example.co.th>",
            auto_submitted="auto-replied",
            domain="tst.go.th",
        )
        raise RuntimeError("the officer's action failed after queueing")

    with ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
        assert session.scalar(select(func.count()).select_from(Application)) == 0
        assert session.scalar(select(func.count()).select_from(Event)) == events_before

    with ctx.unit_of_work(actors["intake"]) as uow:
        app = new_application(uow, ctx)
        message = queue_message(
            uow,
            kind="acknowledgement",
            to_addr=APPLICANT,
            subject=SUBJECT,
            body_text=BODY,
            application_id=app.id,
            in_reply_to="<request-1@mail.example.co.th>",
            auto_submitted="auto-replied",
            domain="tst.go.th",
        )
        app_id, outbox_id = app.id, message.id

    queued = row(ctx, outbox_id)
    assert queued.status == "queued" and queued.attempts == 0
    assert queued.next_attempt_at == clock.now()
    assert queued.message_id.startswith("<") and queued.message_id.endswith("@tst.go.th>")
    assert queued.headers == {
        "In-Reply-To": "<request-1@mail.example.co.th>",
        "References": "<request-1@mail.example.co.th>",
        "Auto-Submitted": "auto-replied",
    }
    [event] = events(ctx, "outbox.queued")
    assert (event.aggregate_type, event.aggregate_id) == ("application", app_id)
    payload = json.loads(event.payload)
    assert payload["kind"] == "acknowledgement" and payload["subject"] == SUBJECT
    assert payload["message_id"] == queued.message_id
    assert "หน่วยงานได้รับคำขอ" not in event.payload and "received your request" not in event.payload
    with ctx.read() as session:
        assert outbox_summary(session) == {"queued": 1, "sent": 0, "failed": 0}
    assert_chain_ok(ctx)


def test_queueing_the_same_message_id_twice_keeps_one_message(ctx) -> None:
    first = queue(ctx, message_id="<decision-42@tst.go.th>")
    again = queue(ctx, message_id="decision-42@tst.go.th")
    assert first == again
    assert len(events(ctx, "outbox.queued")) == 1
    with pytest.raises(InvalidInput) as clash:
        queue(ctx, to="other@example.com", message_id="<decision-42@tst.go.th>")
    assert clash.value.th and "Message-ID" in clash.value.en


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "somying",
        "somying@",
        "@example.co.th",
        "somying@localhost",
        "somying@@example.co.th",
        "som ying@example.co.th",
        "Somying <somying@example.co.th>",
        "a@example.co.th, b@example.co.th",
        "somying@example..co.th",
        "somying@-example.co.th",
        ".somying@example.co.th",
        "somying@example.co.th\r\nBcc: all@example.com",
    ],
)
def test_obviously_bad_addresses_are_refused_in_thai_and_english(ctx, bad: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        queue(ctx, to=bad)
    assert "อีเมล" in caught.value.th and "e-mail address" in caught.value.en
    with ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


@pytest.mark.parametrize(
    "good",
    [
        "somying@example.co.th",
        "first.last+permit@sub.example.go.th",
        "somying@ตัวอย่าง.ไทย",
        "สมหญิง@ตัวอย่าง.ไทย",
    ],
)
def test_ordinary_and_thai_script_addresses_are_accepted(good: str) -> None:
    assert check_address(f"  {good} ") == good


# --- the mail on the wire ----------------------------------------------------------------


def test_thai_mail_reaches_a_real_smtp_server_and_decodes_back(ctx, smtp_sink, clock) -> None:
    blob = ctx.store.blobs.put(PDF)
    with ctx.unit_of_work(SYSTEM) as uow:
        app = new_application(uow, ctx)
        outbox_id = queue_message(
            uow,
            kind="acknowledgement",
            to_addr=APPLICANT,
            subject=SUBJECT,
            body_text=BODY,
            application_id=app.id,
            attachments=[OutgoingAttachment(blob.sha256, PDF_NAME, "application/pdf")],
            in_reply_to="<request-1@mail.example.co.th>",
            auto_submitted="auto-replied",
            domain="tst.go.th",
        ).id
        tracking = app.tracking_number
    queued_at = clock.now()
    clock.advance(timedelta(minutes=3))

    report = send_due(ctx, smtp(smtp_sink))

    assert report == SendReport(sent=1, failed=0, deferred=0, last_error=None)
    [delivery] = smtp_sink.deliveries
    assert delivery.mail_from == OFFICIAL and delivery.rcpt_tos == (APPLICANT,)
    assert not delivery.smtputf8
    # 7-bit clean on the wire: Thai only in encoded words, RFC 2231 names and base64.
    assert all(byte < 128 for byte in delivery.content)
    assert b"Subject: =?utf-8?" in delivery.content
    assert b"filename*" in delivery.content

    received = delivery.message()
    sent = row(ctx, outbox_id)
    assert received["Subject"] == SUBJECT
    assert received["From"].addresses[0].display_name == AGENCY_TH
    assert received["From"].addresses[0].addr_spec == OFFICIAL
    assert received["To"].addresses[0].addr_spec == APPLICANT
    assert received["Message-ID"] == sent.message_id
    assert received["Message-ID"].endswith("@tst.go.th>")
    assert received["In-Reply-To"] == "<request-1@mail.example.co.th>"
    assert received["References"] == "<request-1@mail.example.co.th>"
    assert received["Auto-Submitted"] == "auto-replied"
    assert received["Content-Language"] == "th"
    assert email.utils.parsedate_to_datetime(received["Date"]) == queued_at
    assert received["Date"].endswith("+0700")
    assert received.get_body(("plain",)).get_content().replace("\r\n", "\n") == BODY
    [attachment] = list(received.iter_attachments())
    assert attachment.get_filename() == PDF_NAME
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == PDF

    assert sent.status == "sent" and sent.attempts == 1 and sent.sent_at == clock.now()
    [event] = events(ctx, "outbox.sent")
    assert json.loads(event.payload)["message_id"] == sent.message_id
    with ctx.read() as session:
        assert outbox_summary(session) == {"queued": 0, "sent": 1, "failed": 0}
        [logged] = sent_log(session, 10)
    assert logged.tracking_number == tracking and logged.attachment_count == 1
    assert logged.subject == SUBJECT and logged.sent_at == clock.now()
    assert_chain_ok(ctx)


def test_other_notices_say_auto_generated(ctx, smtp_sink, clock) -> None:
    queue(ctx, kind="request", auto_submitted="auto-generated")
    clock.advance(timedelta(seconds=1))
    queue(ctx, kind="letter", auto_submitted=None)
    send_due(ctx, smtp(smtp_sink))
    generated, written = smtp_sink.messages()
    assert generated["Auto-Submitted"] == "auto-generated"
    assert generated["In-Reply-To"] is None
    assert written["Auto-Submitted"] is None


def test_thai_script_addresses_use_smtputf8_and_thai_domains_idna(ctx, smtp_sink) -> None:
    queue(ctx, to="สมหญิง@ตัวอย่าง.ไทย")
    queue(ctx, to="somying@ตัวอย่าง.ไทย")
    report = send_due(ctx, smtp(smtp_sink))
    assert report.sent == 2
    eai, idn = smtp_sink.deliveries
    assert eai.smtputf8 and eai.rcpt_tos == ("สมหญิง@ตัวอย่าง.ไทย",)
    assert eai.message()["To"].addresses[0].username == "สมหญิง"
    assert eai.message()["Subject"] == SUBJECT
    assert not idn.smtputf8 and idn.rcpt_tos == ("somying@xn--72c1a1bt4awk9o.xn--o3cw4h",)


def test_thai_script_address_without_server_support_fails_with_a_reason(ctx, tmp_path) -> None:
    sink = SmtpSink(smtputf8=False)
    sink.start()
    try:
        outbox_id = queue(ctx, to="สมหญิง@ตัวอย่าง.ไทย")
        report = send_due(ctx, smtp(sink))
    finally:
        sink.stop()
    assert report.failed == 1 and not sink.deliveries
    failed = row(ctx, outbox_id)
    assert failed.status == "failed" and "SMTPUTF8" in failed.last_error


# --- the link goes down and comes back ---------------------------------------------------


def test_backoff_doubles_from_a_minute_up_to_the_cap() -> None:
    assert [backoff_delay(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert backoff_delay(7) == BACKOFF_CAP == backoff_delay(1000)


def test_server_down_keeps_the_queue_with_backoff_then_sends_in_order(
    ctx, smtp_sink, clock
) -> None:
    ids = []
    for n in range(3):
        ids.append(queue(ctx, subject=f"{SUBJECT} ({n + 1})"))
        clock.advance(timedelta(seconds=1))
    smtp_sink.stop()

    report = send_due(ctx, smtp(smtp_sink))
    assert (report.sent, report.failed, report.deferred) == (0, 0, 1)
    assert report.last_error and "127.0.0.1" in report.last_error
    assert report.last_error_th and "ติดต่อเซิร์ฟเวอร์อีเมล" in report.last_error_th
    first, second, third = (row(ctx, i) for i in ids)
    assert first.status == "queued" and first.attempts == 1
    assert first.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert "ติดต่อเซิร์ฟเวอร์อีเมล" in first.last_error and "Cannot reach" in first.last_error
    # The link is down: the others were not tried, only held until the next attempt.
    for held in (second, third):
        assert held.attempts == 0 and held.last_error == ""
        assert held.next_attempt_at == first.next_attempt_at

    assert send_due(ctx, smtp(smtp_sink)) == SendReport(0, 0, 0, None)  # nothing due yet
    clock.advance(timedelta(minutes=1))
    assert send_due(ctx, smtp(smtp_sink)).deferred == 1
    assert row(ctx, ids[0]).attempts == 2
    assert row(ctx, ids[0]).next_attempt_at == clock.now() + timedelta(minutes=2)

    smtp_sink.start()
    clock.advance(timedelta(minutes=2))
    report = send_due(ctx, smtp(smtp_sink))
    assert report == SendReport(sent=3, failed=0, deferred=0, last_error=None)
    assert [m["Subject"] for m in smtp_sink.messages()] == [f"{SUBJECT} ({n})" for n in (1, 2, 3)]
    done = row(ctx, ids[0])
    assert done.status == "sent" and done.attempts == 3 and done.last_error == ""
    assert len(events(ctx, "outbox.deferred")) == 2
    assert_chain_ok(ctx)


def test_server_closing_with_421_stops_the_run(ctx, smtp_sink) -> None:
    first, second = queue(ctx), queue(ctx, to="other@example.com")
    smtp_sink.fail_next(1, 421)
    report = send_due(ctx, smtp(smtp_sink))
    assert (report.sent, report.deferred) == (0, 1)
    assert "421" in (report.last_error or "")
    assert not smtp_sink.deliveries
    assert row(ctx, first).attempts == 1 and row(ctx, second).attempts == 0


def test_greylisting_of_one_recipient_defers_only_that_message(ctx, smtp_sink, clock) -> None:
    greylisted = queue(ctx, to="grey@example.net")
    clock.advance(timedelta(seconds=1))
    other = queue(ctx)
    smtp_sink.fail_next(1, 451, recipient="grey@example.net")

    report = send_due(ctx, smtp(smtp_sink))
    assert (report.sent, report.failed, report.deferred) == (1, 0, 1)
    assert row(ctx, other).status == "sent"
    waiting = row(ctx, greylisted)
    assert waiting.status == "queued" and "451" in waiting.last_error
    assert waiting.next_attempt_at == clock.now() + timedelta(minutes=1)

    clock.advance(timedelta(minutes=1))
    assert send_due(ctx, smtp(smtp_sink)).sent == 1
    assert row(ctx, greylisted).status == "sent"
    assert [d.rcpt_tos for d in smtp_sink.deliveries] == [(APPLICANT,), ("grey@example.net",)]


def test_permanent_refusal_fails_with_the_reason_and_can_be_requeued(
    ctx, smtp_sink, actors
) -> None:
    outbox_id = queue(ctx, to="nobody@example.net")
    smtp_sink.fail_next(1, 550, recipient="nobody@example.net")

    report = send_due(ctx, smtp(smtp_sink))
    assert (report.sent, report.failed, report.deferred) == (0, 1, 0)
    failed = row(ctx, outbox_id)
    assert failed.status == "failed" and failed.next_attempt_at is None
    assert "550" in failed.last_error and "nobody@example.net" in failed.last_error
    assert "ปฏิเสธ" in failed.last_error
    [event] = events(ctx, "outbox.failed")
    payload = json.loads(event.payload)
    assert "550 5.1.1" in payload["reason_en"] and "ปฏิเสธ" in payload["reason_th"]
    with ctx.read() as session:
        [shown] = failed_messages(session)
        assert outbox_summary(session) == {"queued": 0, "sent": 0, "failed": 1}
    assert shown.id == outbox_id and "550" in shown.last_error

    # Nothing retries a refused message by itself …
    assert send_due(ctx, smtp(smtp_sink)) == SendReport(0, 0, 0, None)
    # … until an officer sends it again.
    with ctx.unit_of_work(actors["intake"]) as uow:
        requeue_message(uow, outbox_id)
    assert send_due(ctx, smtp(smtp_sink)).sent == 1
    assert row(ctx, outbox_id).status == "sent"
    assert_chain_ok(ctx)


def test_unreadable_attachment_fails_the_message_with_a_reason(ctx, smtp_sink) -> None:
    missing = OutgoingAttachment("ab" * 32, "ใบอนุญาต.pdf", "application/pdf")
    outbox_id = queue(ctx, attachments=[missing])
    assert send_due(ctx, smtp(smtp_sink)).failed == 1
    failed = row(ctx, outbox_id)
    assert failed.status == "failed" and "ไม่พบไฟล์" in failed.last_error
    assert not smtp_sink.deliveries


def test_agency_without_an_official_address_cannot_send(context, smtp_sink) -> None:
    from models import Agency

    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = ""
    assert send_due(context, smtp(smtp_sink)) == SendReport(0, 0, 0, None)  # nothing due
    with context.unit_of_work(SYSTEM) as uow:
        outbox_id = queue_message(
            uow,
            kind="result",
            to_addr=APPLICANT,
            subject=SUBJECT,
            body_text=BODY,
            application_id=None,
            domain="anuyat.invalid",
        ).id
    with pytest.raises(InvalidInput) as caught:
        send_due(context, smtp(smtp_sink))
    assert "อีเมลราชการ" in caught.value.th and "official e-mail address" in caught.value.en
    assert row(context, outbox_id).attempts == 0 and not smtp_sink.deliveries


# --- login, TLS, settings ----------------------------------------------------------------


def test_login_uses_the_password_from_the_keyring_and_never_shows_it(
    ctx, smtp_sink, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    smtp_sink.require_login(OFFICIAL, "app-password-9f3k")
    keys.store_secret(SMTP_PASSWORD_SECRET, "app-password-9f3k")
    settings = SmtpSettings(smtp_sink.host, smtp_sink.port, "plain", OFFICIAL)
    transport = settings.transport(keys.load_secret(SMTP_PASSWORD_SECRET))
    assert "app-password" not in repr(transport)
    queue(ctx)
    assert send_due(ctx, transport).sent == 1
    assert smtp_sink.logins == [OFFICIAL]

    wrong = settings.transport("not-the-password")
    outbox_id = queue(ctx)
    report = send_due(ctx, wrong)
    assert report.deferred == 1 and "login" in (report.last_error or "")
    assert row(ctx, outbox_id).status == "queued"
    assert "app-password" not in caplog.text and "not-the-password" not in caplog.text


def test_login_without_a_stored_password_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput) as caught:
        SmtpSettings("mail.tst.go.th", 587, "starttls", OFFICIAL).transport(None)
    assert "keyring" in caught.value.en and "รหัสผ่าน" in caught.value.th


def test_starttls_with_the_agency_ca_and_refusal_without_it(ctx, smtp_sink_starttls) -> None:
    sink = smtp_sink_starttls
    sink.require_login(OFFICIAL, "app-password-9f3k")
    untrusted = SmtpSettings("127.0.0.1", sink.port, "starttls", OFFICIAL, timeout_s=5)
    outbox_id = queue(ctx)
    report = send_due(ctx, untrusted.transport("app-password-9f3k"))
    assert report.deferred == 1 and "secure connection" in (report.last_error or "")
    assert row(ctx, outbox_id).status == "queued" and not sink.deliveries

    trusted = SmtpSettings(
        "127.0.0.1", sink.port, "starttls", OFFICIAL, cafile=str(sink.ca_file), timeout_s=5
    )
    transport = trusted.transport("app-password-9f3k")
    transport.send(_built(ctx, outbox_id), OFFICIAL, APPLICANT)
    transport.close()
    assert sink.logins == [OFFICIAL] and len(sink.deliveries) == 1


def test_starttls_is_required_when_configured(ctx, smtp_sink) -> None:
    transport = SmtpTransport("127.0.0.1", smtp_sink.port, "starttls", None, None, timeout_s=5)
    with pytest.raises(TransportUnavailable) as caught:
        transport.send(_built(ctx, queue(ctx)), OFFICIAL, APPLICANT)
    assert "STARTTLS" in caught.value.en and not smtp_sink.deliveries


@pytest.mark.parametrize("host", ["mail.tst.go.th", "192.168.1.10", "10.0.0.1"])
def test_unencrypted_smtp_only_to_this_computer(host: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        SmtpTransport(host, 25, "plain", None, None)
    assert "tls" in caught.value.en and "เข้ารหัส" in caught.value.th
    for loopback in ("localhost", "127.0.0.1", "::1"):
        SmtpTransport(loopback, 25, "plain", None, None)


def _built(ctx: AppContext, outbox_id: str) -> EmailMessage:
    return build_email(row(ctx, outbox_id), ctx.store.blobs, OFFICIAL, AGENCY_TH)


# --- restarts and crashes ----------------------------------------------------------------


def test_a_restarted_workstation_continues_the_queue(ctx, smtp_sink, clock, data_dir) -> None:
    ids = [queue(ctx), queue(ctx, to="other@example.com")]
    smtp_sink.stop()
    assert send_due(ctx, smtp(smtp_sink)).deferred == 1
    ctx.store.close()

    restarted = load_context(data_dir, clock)
    try:
        smtp_sink.start()
        clock.advance(timedelta(minutes=1))
        assert send_due(restarted, smtp(smtp_sink)).sent == 2
        assert {row(restarted, i).status for i in ids} == {"sent"}
        assert_chain_ok(restarted)
    finally:
        restarted.store.close()


class PowerCut(BaseException):
    """The process dies: not an error anything should catch."""


class CutAfterDelivery:
    """A real transport, and the power goes off right after the server accepted."""

    def __init__(self, inner: SmtpTransport | MaildirTransport) -> None:
        self.inner = inner

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        self.inner.send(message, envelope_from, to)
        raise PowerCut

    def close(self) -> None:
        self.inner.close()


def test_crash_after_acceptance_sends_again_with_the_same_message_id(
    ctx, smtp_sink, clock, data_dir, tmp_path
) -> None:
    outbox_id = queue(ctx)
    with pytest.raises(PowerCut):
        send_due(ctx, CutAfterDelivery(smtp(smtp_sink)))
    ctx.store.close()

    restarted = load_context(data_dir, clock)
    try:
        # The row is still claimed by the run that died; it comes back after the lease.
        assert send_due(restarted, smtp(smtp_sink)) == SendReport(0, 0, 0, None)
        clock.advance(CLAIM_LEASE)
        assert send_due(restarted, smtp(smtp_sink)).sent == 1
        message_id = row(restarted, outbox_id).message_id
        assert [d.message_id for d in smtp_sink.deliveries] == [message_id, message_id]
        assert row(restarted, outbox_id).attempts == 1
        assert len(events(restarted, "outbox.sent")) == 1
        assert_chain_ok(restarted)
    finally:
        restarted.store.close()


def test_crash_with_the_maildir_transport_files_the_message_once(ctx, clock, tmp_path) -> None:
    sent_dir = tmp_path / "sent"
    queue(ctx)
    with pytest.raises(PowerCut):
        send_due(ctx, CutAfterDelivery(MaildirTransport(sent_dir)))
    clock.advance(CLAIM_LEASE)
    assert send_due(ctx, MaildirTransport(sent_dir)).sent == 1
    assert len(mailbox.Maildir(sent_dir)) == 1


# --- the demo's Maildir ------------------------------------------------------------------


def test_maildir_transport_files_the_same_message_once(ctx, tmp_path: Path) -> None:
    message = _built(ctx, queue(ctx))
    transport = MaildirTransport(tmp_path / "sent")
    transport.send(message, OFFICIAL, APPLICANT)
    transport.send(message, OFFICIAL, APPLICANT)
    MaildirTransport(tmp_path / "sent").send(message, OFFICIAL, APPLICANT)  # a new process

    box = mailbox.Maildir(tmp_path / "sent", create=False)
    [filed] = list(box)
    assert filed["Message-ID"] == message["Message-ID"]
    assert "S" in filed.get_flags() and filed.get_subdir() == "cur"
    assert transport.contains(str(message["Message-ID"]))
    raw = box.get_bytes(box.keys()[0])
    reparsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert reparsed["Subject"] == SUBJECT


def test_demo_without_smtp_sends_into_the_sent_maildir(ctx, tmp_path: Path) -> None:
    blob = ctx.store.blobs.put(PDF)
    queue(ctx, attachments=[OutgoingAttachment(blob.sha256, PDF_NAME, "application/pdf")])
    queue(ctx, to="สมหญิง@ตัวอย่าง.ไทย")
    report = send_due(ctx, MaildirTransport(tmp_path / "sent"))
    assert report.sent == 2
    with ctx.read() as session:
        assert outbox_summary(session)["sent"] == 2
    box = mailbox.Maildir(tmp_path / "sent", create=False)
    # Filed as received: a Thai-script address makes an SMTPUTF8 message (UTF-8 headers).
    parsed = [
        email.message_from_string(box.get_bytes(k).decode("utf-8"), policy=email.policy.default)
        for k in box.keys()
    ]
    assert {m["Subject"] for m in parsed} == {SUBJECT}
    names = {a.get_filename() for m in parsed for a in m.iter_attachments()}
    assert names == {PDF_NAME}
    assert {m["To"].addresses[0].addr_spec for m in parsed} == {APPLICANT, "สมหญิง@ตัวอย่าง.ไทย"}
    assert_chain_ok(ctx)


def test_date_header_is_the_decision_time_in_bangkok(ctx, clock) -> None:
    message = _built(ctx, queue(ctx))
    sent_date = email.utils.parsedate_to_datetime(message["Date"])
    assert sent_date == clock.now()
    assert sent_date.utcoffset() == datetime(2026, 1, 1, tzinfo=BANGKOK).utcoffset()


def test_refused_recipient_is_reported_by_the_transport_itself(ctx, smtp_sink) -> None:
    smtp_sink.fail_next(1, 550)
    with pytest.raises(RecipientRefused) as caught:
        smtp(smtp_sink).send(_built(ctx, queue(ctx)), OFFICIAL, APPLICANT)
    assert "550" in caught.value.en and caught.value.th
