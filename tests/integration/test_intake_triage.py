"""Intake triage on a real encrypted profile and a real Maildir: mail that is not a request,
requests forwarded by someone else, and received times in the future."""

from __future__ import annotations

import email
import email.policy
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Application, Event, InboundMessage, NotRequestMail, OutboxMessage
from services.api.ports import build_ports
from services.intake.forwarded import forward_proposal
from services.intake.holds import HOLD_REASONS
from services.intake.mail.maildir import MaildirMailbox
from services.intake.sync import SyncPlan, run_sync, summarise
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.outbox import MaildirTransport
from tests.conftest import STAFF_PASSWORD
from tests.data import mail_corpus as corpus

NOT_REQUESTS = {
    "dsn": (corpus.mail_delivery_report(), "delivery_report"),
    "daemon": (corpus.mail_mailer_daemon(), "delivery_report"),
    "auto": (corpus.mail_auto_submitted(), "auto_reply"),
    "ooo": (corpus.mail_out_of_office(), "auto_reply"),
    "suppress": (corpus.mail_suppress_autoreply(), "auto_reply"),
    "bulk": (corpus.mail_bulk(), "bulk"),
    "list": (corpus.mail_list(), "bulk"),
    "news": (corpus.mail_newsletter(), "bulk"),
    "bank": (corpus.mail_bank_notice(), "machine_notice"),
    "noreply": (corpus.mail_noreply(), "machine_notice"),
}


def _deliver(maildir: Path, raw: bytes, at: datetime, name: str) -> None:
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    path = maildir / "new" / name
    path.write_bytes(raw)
    os.utime(path, (at.timestamp(), at.timestamp()))


@pytest.fixture
def plan(tmp_path: Path) -> SyncPlan:
    return SyncPlan(
        open_mailbox=lambda: MaildirMailbox(tmp_path / "mailbox", create=True),
        folders=("INBOX",),
        scanner=None,
        open_transport=lambda: MaildirTransport(tmp_path / "sent"),
    )


def _sent(tmp_path: Path) -> list[email.message.EmailMessage]:
    found = []
    for sub in ("new", "cur"):
        for path in sorted((tmp_path / "sent" / sub).glob("*")):
            found.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    return found


def _count(context, model) -> int:
    with context.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _user(ports, username: str):
    return ports.shell.sign_in(username, STAFF_PASSWORD)


# --- not every mail is a request --------------------------------------------------------


def test_bounces_auto_replies_newsletters_and_notices_are_set_aside_never_acknowledged(
    context, plan, tmp_path: Path
) -> None:
    at = datetime(2026, 11, 24, 9, tzinfo=BANGKOK)
    for n, (raw, _code) in enumerate(NOT_REQUESTS.values()):
        # Each its own Message-ID: several corpus mails share the default one.
        raw = raw.replace(b"<req-0001@example.co.th>", f"<nr-{n}@example.co.th>".encode())
        _deliver(tmp_path / "mailbox", raw, at, f"{n}.nr")
    _deliver(tmp_path / "mailbox", corpus.mail_plain(message_id="<real-1@x.co.th>"), at, "r")
    summary = summarise(run_sync(context, plan))
    run_sync(context, plan)  # a second run changes nothing

    assert (summary.new, summary.set_aside) == (1, len(NOT_REQUESTS))  # the officer is told

    with context.read() as session:
        apps = session.scalars(select(Application)).all()
        set_aside = session.scalars(select(NotRequestMail)).all()
        outcomes = session.scalars(select(InboundMessage.outcome)).all()
        assert verify_chain(session).ok
    assert len(apps) == 1  # only the real request reaches the officers' queue
    assert sorted(r.reason_code for r in set_aside) == sorted(c for _, c in NOT_REQUESTS.values())
    assert sorted(outcomes) == ["new"] + ["not_request"] * len(NOT_REQUESTS)
    # Never acknowledged: one mail went out, to the real request's sender.
    assert [m["To"] for m in _sent(tmp_path)] == [corpus.APPLICANT]
    for row in set_aside:
        assert row.status == "set_aside" and row.application_id is None
        assert row.reason_th and row.reason_en and row.reason_th != row.reason_en
        assert row.received_at == at.astimezone(UTC)
        assert context.store.blobs.get(row.raw_blob_sha256)  # nothing lost
    dsn = next(r for r in set_aside if r.subject == "Undelivered Mail Returned to Sender")
    assert "delivery" in dsn.reason_en and "รายงานการส่ง" in dsn.reason_th


def test_an_officer_takes_a_set_aside_mail_as_a_request_and_it_is_acknowledged(
    context, plan, tmp_path: Path
) -> None:
    # A citizen whose request is titled like an auto-reply: set aside, then taken.
    somsri = "somsri@example.co.th"
    _deliver(tmp_path / "mailbox", corpus.mail_out_of_office(), datetime.now(UTC), "ooo")
    run_sync(context, plan)
    ports = build_ports(context)
    intake, admin = _user(ports, "intake"), _user(ports, "admin")
    (row,) = ports.intake.not_requests(admin)  # the administrator sees the tray …
    with pytest.raises(PermissionDenied):  # … but decides nothing in it
        ports.intake.take_as_request(admin, row.id)
    with pytest.raises(PermissionDenied):
        ports.intake.not_requests(_user(ports, "reviewer"))

    tracking = ports.intake.take_as_request(intake, row.id)

    assert tracking is not None
    with pytest.raises(InvalidInput):  # a second press (or a second officer) changes nothing
        ports.intake.take_as_request(intake, row.id)
    assert ports.intake.not_requests(intake) == []
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        kept = session.get(NotRequestMail, row.id)
        inbound = session.scalars(select(InboundMessage)).one()
        taken = session.scalars(select(Event).where(Event.type == "inbound.taken_as_request")).one()
        acks = session.scalars(select(OutboxMessage)).all()
        assert verify_chain(session).ok
    assert app.tracking_number == tracking and app.reply_to == somsri
    assert kept.status == "taken_as_request" and kept.decided_by == "intake"
    assert kept.application_id == app.id
    assert (inbound.outcome, inbound.application_id) == ("new", app.id)
    assert taken.actor == "intake" and json.loads(taken.payload)["was_judged"] == "auto_reply"
    assert [(m.kind, m.to_addr) for m in acks] == [("acknowledgement", somsri)]
    assert tracking in acks[0].subject


def test_a_mail_without_any_sign_is_still_a_request(context, plan, tmp_path: Path) -> None:
    _deliver(tmp_path / "mailbox", corpus.mail_plain(), datetime.now(UTC), "1")
    run_sync(context, plan)
    assert _count(context, Application) == 1
    assert _count(context, NotRequestMail) == 0


# --- a forwarded request ---------------------------------------------------------------


@pytest.mark.parametrize("raw", [corpus.mail_forwarded(), corpus.mail_forwarded_inline_thai()],
                         ids=["as-attachment", "inline-thai-outlook"])  # fmt: skip
def test_a_forwarded_request_proposes_the_original_sender_and_intake_confirms(
    context, plan, tmp_path: Path, raw: bytes
) -> None:
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "fwd")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    proposal = forward_proposal(app.form_data)
    assert proposal is not None and proposal.decision is None
    assert proposal.original_address == corpus.APPLICANT
    assert proposal.forwarder_address != corpus.APPLICANT
    assert _sent(tmp_path) == []  # not to the forwarder: intake confirms who the applicant is

    ports = build_ports(context)
    with pytest.raises(PermissionDenied):
        ports.intake.confirm_applicant(_user(ports, "reviewer"), app.id, True)
    intake = _user(ports, "intake")
    ports.intake.confirm_applicant(intake, app.id, True)
    with pytest.raises(InvalidInput):
        ports.intake.confirm_applicant(intake, app.id, False)
    run_sync(context, plan)  # sends the acknowledgement

    with context.read() as session:
        app = session.get(Application, app.id)
        assert app is not None
        event = session.scalars(
            select(Event).where(Event.type == "application.applicant_confirmed")
        ).one()
        assert verify_chain(session).ok
        applicant_email = app.applicant.email
    assert app.reply_to == corpus.APPLICANT and applicant_email == corpus.APPLICANT
    assert forward_proposal(app.form_data).decision == "original"  # type: ignore[union-attr]
    assert event.actor == "intake" and json.loads(event.payload)["chosen"] == "original"
    (ack,) = _sent(tmp_path)
    assert ack["To"] == corpus.APPLICANT and app.tracking_number in ack["Subject"]
    assert ack["In-Reply-To"] is None  # the citizen never saw the forwarder's mail


def test_intake_may_keep_the_forwarder_as_the_applicant(context, plan, tmp_path: Path) -> None:
    _deliver(tmp_path / "mailbox", corpus.mail_forwarded(), datetime.now(UTC), "fwd")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    ports = build_ports(context)
    ports.intake.confirm_applicant(_user(ports, "intake"), app.id, False)
    run_sync(context, plan)
    (ack,) = _sent(tmp_path)
    assert ack["To"] == "colleague@agency.example.go.th"


# --- received times in the future -------------------------------------------------------


def test_a_maildir_file_dated_25_days_ahead_is_clamped_to_its_arrival_and_flagged(
    context, plan, clock, tmp_path: Path
) -> None:
    now = clock.now()
    raw = corpus.mail_plain(message_id="<future-1@example.co.th>")
    _deliver(tmp_path / "mailbox", raw, now + timedelta(days=25), "future")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        inbound = session.scalars(select(InboundMessage)).one()
    assert app.received_at == now and inbound.received_at == now
    notes = app.form_data["intake_notes"]
    assert any("หลังเวลาที่อีเมลมาถึงเครื่องนี้" in n for n in notes)
    assert any("is after the mail reached this workstation" in n for n in notes)
    assert HOLD_REASONS["received_in_future"].applicant_en  # the applicant's own words exist


def test_a_date_header_weeks_ahead_is_flagged_and_the_server_time_kept(
    context, plan, clock, tmp_path: Path
) -> None:
    now = clock.now()
    ahead = (now + timedelta(days=25)).astimezone(BANGKOK)
    raw = corpus.mail_plain(message_id="<future-2@example.co.th>").replace(
        b"Date: Mon, 06 Jan 2025 09:15:00 +0700",
        ("Date: " + email.utils.format_datetime(ahead)).encode(),
    )
    arrived = now - timedelta(hours=1)
    _deliver(tmp_path / "mailbox", raw, arrived, "date")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    assert app.received_at == arrived
    assert any("is after the mail reached" in n for n in app.form_data["intake_notes"])


def test_an_applicants_out_of_office_reply_to_our_letter_changes_nothing_in_her_request(
    context, plan, tmp_path: Path
) -> None:
    _deliver(tmp_path / "mailbox", corpus.mail_plain(), datetime.now(UTC), "1")
    run_sync(context, plan)
    (ack,) = _sent(tmp_path)
    reply = corpus.mail_plain(
        "I am away until Monday.",
        subject="Automatic reply: " + str(ack["Subject"]).encode("ascii", "replace").decode(),
        message_id="<away-1@example.co.th>",
        extra=[f"In-Reply-To: {ack['Message-ID']}", "Auto-Submitted: auto-replied"],
    )
    _deliver(tmp_path / "mailbox", reply, datetime.now(UTC), "2")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        replied = session.scalars(
            select(Event).where(Event.type == "application.applicant_replied")
        ).all()
        inbound = session.scalars(
            select(InboundMessage).where(InboundMessage.source_key == "away-1@example.co.th")
        ).one()
    assert replied == [] and inbound.outcome == "not_request"
    assert len(_sent(tmp_path)) == 1  # and no answer to the auto-reply
    assert app.status == "unclassified"  # as it arrived


def test_later_letters_go_to_the_confirmed_applicant_not_the_forwarder(
    context, plan, tmp_path: Path
) -> None:
    _deliver(tmp_path / "mailbox", corpus.mail_forwarded(), datetime.now(UTC), "fwd")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    ports = build_ports(context)
    intake = _user(ports, "intake")
    ports.intake.confirm_applicant(intake, app.id, True)
    ports.intake.withdraw(intake, app.id, "ผู้ยื่นโทรมาขอถอนคำขอ")
    with context.read() as session:
        sent = session.scalars(
            select(OutboxMessage).where(OutboxMessage.application_id == app.id)
        ).all()
    assert {m.to_addr for m in sent} == {corpus.APPLICANT}
    assert sorted(m.kind for m in sent) == ["acknowledgement", "withdrawn"]
