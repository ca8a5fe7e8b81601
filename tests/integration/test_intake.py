"""Intake on a real encrypted profile with a local Maildir and the Maildir outbox."""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import (
    Application,
    Document,
    Event,
    InboundMessage,
    MailboxCursor,
    NotRequestMail,
    OutboxMessage,
    QuarantineItem,
    SyncState,
)
from services.intake import quarantine
from services.intake.counter import read_counter_files, register_counter_request
from services.intake.drive import DriveScanner
from services.intake.mail.maildir import MaildirMailbox
from services.intake.sync import SyncPlan, run_sync
from services.intake.views import CounterRequest
from services.issuing.premises import suggested_premises
from services.kernel.clock import BANGKOK
from services.kernel.errors import DiskFull, InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.outbox import MaildirTransport
from services.store.engine import BLOB_DIR
from tests.data import mail_corpus as corpus


def _thai(text: str) -> str:
    return corpus.encoded_word(text, "utf-8")


def _deliver(maildir: Path, raw: bytes, at: datetime, name: str) -> None:
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    path = maildir / "new" / name
    path.write_bytes(raw)
    stamp = at.timestamp()
    os.utime(path, (stamp, stamp))


@pytest.fixture
def plan(tmp_path: Path) -> SyncPlan:
    maildir, sent = tmp_path / "mailbox", tmp_path / "sent"
    return SyncPlan(
        open_mailbox=lambda: MaildirMailbox(maildir, create=True),
        folders=("INBOX",),
        scanner=None,
        open_transport=lambda: MaildirTransport(sent),
    )


def _count(context, model) -> int:
    with context.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _sent(tmp_path: Path) -> list[email.message.EmailMessage]:
    messages = []
    for sub in ("new", "cur"):
        for path in sorted((tmp_path / "sent" / sub).glob("*")):
            messages.append(
                email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            )
    return messages


def test_friday_evening_mail_becomes_one_application_with_one_acknowledgement(
    context, plan, tmp_path: Path
) -> None:
    friday_evening = datetime(2026, 11, 20, 18, 5, tzinfo=BANGKOK)
    raw = corpus.mail_with_files(
        [("แบบคำขอ.pdf", corpus.file_pdf(2))],
        subject=_thai("ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร"),
        message_id="<fri-1@example.co.th>",
    )
    _deliver(tmp_path / "mailbox", raw, friday_evening, "1.fri")
    run_sync(context, plan)
    run_sync(context, plan)  # a second run changes nothing
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        assert app.received_at == friday_evening.astimezone(UTC)
        assert app.deemed_received_at.astimezone(BANGKOK) == datetime(
            2026, 11, 23, 8, 30, tzinfo=BANGKOK
        )
        docs = session.scalars(select(Document)).all()
        assert [(d.filename, d.pages) for d in docs] == [("แบบคำขอ.pdf", 2)]
    acks = _sent(tmp_path)
    assert len(acks) == 1
    body = acks[0].get_body(("plain",)).get_content()
    assert app.tracking_number in acks[0]["Subject"]
    assert "23 พฤศจิกายน 2569 เวลา 08:30 น." in body  # deemed received, Thai
    assert "23 November 2026, 08:30" in body
    assert "ไม่ต้องลงนามรับรองสำเนาถูกต้อง" in body  # M10
    assert acks[0]["Auto-Submitted"] == "auto-replied"
    assert acks[0]["In-Reply-To"] == "<fri-1@example.co.th>"
    with context.read() as session:
        assert verify_chain(session).ok


def test_hostile_files_are_quarantined_with_reasons_and_nothing_is_lost(
    context, plan, tmp_path: Path
) -> None:
    raw = corpus.mail_with_files(
        [
            ("ใบเสร็จ.pdf", corpus.file_exe()),
            ("docs.zip", corpus.file_zip_traversal()),
            ("empty.pdf", b""),
            ("scan.pdf", corpus.file_pdf()),
        ],
        message_id="<hostile-1@example.co.th>",
    )
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "1.h")
    run_sync(context, plan)
    with context.read() as session:
        held = {q.reason_code: q for q in session.scalars(select(QuarantineItem))}
        docs = session.scalars(select(Document.filename)).all()
    assert set(held) == {"executable", "zip_traversal", "empty_file"}
    assert docs == ["scan.pdf"]
    assert all(q.reason_th and q.reason_en and q.status == "held" for q in held.values())
    body = _sent(tmp_path)[0].get_body(("plain",)).get_content()
    assert "ใบเสร็จ.pdf" in body and "Files not accepted" in body  # the applicant is told


def test_officer_releases_or_discards_a_held_file(context, plan, actors, tmp_path) -> None:
    raw = corpus.mail_with_files(
        [("photo.jpg", corpus.file_jpeg_low_resolution()), ("a.pdf", corpus.file_pdf_javascript())],
        message_id="<q-1@example.co.th>",
    )
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "1.q")
    run_sync(context, plan)
    with context.read() as session:
        item = session.scalars(select(QuarantineItem)).one()
        flagged = session.scalars(select(Document)).one()
    assert item.reason_code == "pdf_active_content"
    assert "low_resolution" in flagged.flags
    with pytest.raises(PermissionDenied):
        with context.unit_of_work(actors["finance"]) as uow:
            quarantine.release(uow, context.store.blobs, item.id, "ok")
    with pytest.raises(InvalidInput):
        with context.unit_of_work(actors["reviewer"]) as uow:
            quarantine.release(uow, context.store.blobs, item.id, "  ")
    with context.unit_of_work(actors["reviewer"]) as uow:
        quarantine.release(uow, context.store.blobs, item.id, "ตรวจแล้ว ไม่มีสคริปต์อันตราย")
    with context.read() as session:
        assert session.get(QuarantineItem, item.id).status == "released"
        assert _count(context, Document) == 2
    with pytest.raises(InvalidInput, match="already decided"):
        with context.unit_of_work(actors["reviewer"]) as uow:
            quarantine.discard(uow, item.id, "no")


def test_reply_from_the_applicant_appends_and_a_stranger_does_not(
    context, plan, tmp_path: Path
) -> None:
    first = corpus.mail_plain(message_id="<orig@example.co.th>", subject=_thai("ขอหนังสือรับรอง"))
    _deliver(tmp_path / "mailbox", first, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.a")
    run_sync(context, plan)
    ack = _sent(tmp_path)[0]
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    reply = corpus.mail_with_files(
        [("เพิ่มเติม.pdf", corpus.file_pdf())],
        message_id="<reply-1@example.co.th>",
        subject=f"Re: {app.tracking_number}",
        extra=[f"In-Reply-To: {ack['Message-ID']}"],
    )
    stranger = corpus.mail_with_files(
        [("x.pdf", corpus.file_pdf())],
        message_id="<stranger-1@example.co.th>",
        subject=_thai(f"เอกสารเพิ่ม {app.tracking_number}"),
        sender="Other <other@example.com>",
    )
    _deliver(tmp_path / "mailbox", reply, datetime(2026, 11, 24, 11, tzinfo=BANGKOK), "2.r")
    _deliver(tmp_path / "mailbox", stranger, datetime(2026, 11, 24, 12, tzinfo=BANGKOK), "3.s")
    run_sync(context, plan)
    with context.read() as session:
        apps = session.scalars(select(Application).order_by(Application.received_at)).all()
        own_docs = session.scalars(
            select(Document.filename).where(Document.application_id == app.id)
        ).all()
        outcomes = sorted(session.scalars(select(InboundMessage.outcome)).all())
    assert len(apps) == 2  # the stranger's mail is a request of its own
    assert own_docs == ["เพิ่มเติม.pdf"]
    assert outcomes == ["appended", "new", "new"]


def test_status_enquiry_is_answered_only_to_the_registered_address(
    context, plan, tmp_path: Path
) -> None:
    _deliver(
        tmp_path / "mailbox",
        corpus.mail_plain(message_id="<s-0@example.co.th>", subject=_thai("ขอใบอนุญาตจำหน่ายอาหาร")),
        datetime(2026, 11, 24, 9, tzinfo=BANGKOK),
        "1",
    )
    run_sync(context, plan)
    with context.read() as session:
        number = session.scalars(select(Application.tracking_number)).one()
    own = corpus.mail_plain(message_id="<s-1@example.co.th>", subject=_thai(f"สถานะ {number}"))
    other = corpus.mail_plain(
        message_id="<s-2@example.co.th>", subject=f"status {number}", sender="x <x@example.com>"
    )
    _deliver(tmp_path / "mailbox", own, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "2")
    _deliver(tmp_path / "mailbox", other, datetime(2026, 11, 24, 11, tzinfo=BANGKOK), "3")
    run_sync(context, plan)
    sent = _sent(tmp_path)
    status = [m for m in sent if "สถานะคำขอ" in str(m["Subject"])]
    assert len(status) == 1 and status[0]["To"] == corpus.APPLICANT
    assert not any(
        "x@example.com" in str(m["To"]) and "สถานะคำขอ" in str(m["Subject"]) for m in sent
    )


def test_auto_submitted_mail_gets_no_acknowledgement(context, plan, tmp_path: Path) -> None:
    _deliver(tmp_path / "mailbox", corpus.mail_auto_submitted(), datetime.now(UTC), "1")
    run_sync(context, plan)
    # Not a request at all: set aside in the "Not requests" tray, not in the queue.
    assert _count(context, Application) == 0
    assert _count(context, NotRequestMail) == 1
    assert _count(context, OutboxMessage) == 0


def test_counter_request_is_registered_like_mail(context, actors, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(corpus.file_pdf(3))
    request = CounterRequest(
        applicant_kind="person",
        applicant_name="นางสาวสมหญิง ใจดี",
        national_id="",
        email="somying@example.co.th",
        phone="081-000-0000",
        service_code="FOOD-SHOP",
        subject="ยื่นคำขอที่เคาน์เตอร์",
        note="นำเอกสารมายื่นด้วยตนเอง",
        files=(str(scan),),
    )
    with pytest.raises(PermissionDenied):
        register_counter_request(context, actors["finance"], request, context_limits())
    number = register_counter_request(context, actors["intake"], request, context_limits())
    assert number.startswith("TST-ST1-2569-")
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        assert app.channel == "counter" and app.status == "received"
        assert session.scalar(select(func.count()).select_from(Document)) == 1
        ack = session.scalars(select(OutboxMessage)).one()
    assert ack.to_addr == "somying@example.co.th" and number in ack.subject
    # The privacy notice names the service's lawful basis and purpose (PDPA, M27).
    assert "- ฐานทางกฎหมายในการใช้ข้อมูล: การปฏิบัติตามกฎหมาย (มาตรา 24 (6))" in ack.body_text
    assert "- Lawful basis: compliance with a legal obligation (PDPA s.24(6))" in ack.body_text
    assert "- วัตถุประสงค์: ใช้พิจารณาคำขออนุญาต ตรวจสถานประกอบการ" in ack.body_text
    assert "- Purpose: To consider the application, inspect the premises" in ack.body_text


def test_counter_files_are_read_first_and_registering_touches_no_disk(
    context, actors, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(corpus.file_pdf(2))
    request = CounterRequest(
        applicant_kind="person",
        applicant_name="นายประเสริฐ วงศ์ใหญ่",
        national_id="",
        email="",
        phone="",
        service_code="FOOD-SHOP",
        subject="ยื่นคำขอที่เคาน์เตอร์",
        note="",
        files=(str(scan),),
    )
    with pytest.raises(PermissionDenied):
        read_counter_files(actors["finance"], request, context_limits())
    loaded = read_counter_files(actors["intake"], request, context_limits())
    assert loaded.contents is not None and loaded.contents[0].data == scan.read_bytes()
    scan.unlink()  # the write must not go back to the (shared) drive
    register_counter_request(context, actors["intake"], loaded, context_limits())
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 1


def context_limits():
    from services.intake.types import Limits

    return Limits()


def test_shared_drive_item_is_taken_once(context, clock, tmp_path: Path) -> None:
    drive = tmp_path / "drive"
    item = drive / "คำขอ นายสมชาย"
    item.mkdir(parents=True)
    (item / "แบบคำขอ.pdf").write_bytes(corpus.file_pdf())
    (item / "request.toml").write_text(
        'service = "PETITION"\napplicant_name = "นายสมชาย ทองดี"\nsubject = "ร้องเรียนเสียงดัง"\n'
        'premises_address = "เลขที่ 5  ถนนราชดำเนิน ตำบลหนองไผ่"\n',
        encoding="utf-8",
    )
    plan = SyncPlan(
        open_mailbox=None,
        folders=(),
        scanner=DriveScanner(drive, stable_for=timedelta(seconds=30), clock=clock),
        open_transport=None,
    )
    # Dropped ten minutes ago (the test clock is fixed): older than the stability delay.
    dropped = (clock.now() - timedelta(minutes=10)).timestamp()
    for path in item.iterdir():
        os.utime(path, (dropped, dropped))
    run_sync(context, plan)
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        assert app.channel == "drive" and app.subject == "ร้องเรียนเสียงดัง"
        assert app.applicant is not None and app.applicant.name_th == "นายสมชาย ทองดี"
        # Offered for the licence's premises when it is issued.
        assert app.form_data["premises_address"] == "เลขที่ 5 ถนนราชดำเนิน ตำบลหนองไผ่"
        assert suggested_premises(app) == "เลขที่ 5 ถนนราชดำเนิน ตำบลหนองไผ่"
    assert (item / "แบบคำขอ.pdf").exists()  # the source is never modified


def test_unknown_template_placeholder_is_refused(tmp_path: Path) -> None:
    from services.intake.acknowledgement import render_acknowledgement

    template = tmp_path / "ack.txt"
    template.write_text("Subject $tracking_number\nDear $applicant_nmae\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="applicant_nmae"):
        render_acknowledgement({"tracking_number": "X"}, [], [], template)


def test_a_thank_you_to_a_status_answer_is_not_answered_again(
    context, plan, tmp_path: Path
) -> None:
    _deliver(
        tmp_path / "mailbox",
        corpus.mail_plain(message_id="<t-0@example.co.th>", subject=_thai("ขอหนังสือรับรอง")),
        datetime(2026, 11, 24, 9, tzinfo=BANGKOK),
        "1",
    )
    run_sync(context, plan)
    with context.read() as session:
        number = session.scalars(select(Application.tracking_number)).one()
    ask = corpus.mail_plain(message_id="<t-1@example.co.th>", subject=_thai(f"สถานะ {number}"))
    _deliver(tmp_path / "mailbox", ask, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "2")
    run_sync(context, plan)
    with context.read() as session:
        answer_id = session.scalars(
            select(OutboxMessage.message_id).where(OutboxMessage.kind == "status_enquiry")
        ).one()
    thanks = corpus.mail_plain(
        body="ขอบคุณครับ ได้รับสถานะแล้ว",
        message_id="<t-2@example.co.th>",
        subject=_thai(f"Re: สถานะคำขอ {number}"),
        extra=[f"In-Reply-To: {answer_id}"],
    )
    _deliver(tmp_path / "mailbox", thanks, datetime(2026, 11, 24, 11, tzinfo=BANGKOK), "3")
    run_sync(context, plan)
    with context.read() as session:
        kinds = session.scalars(select(OutboxMessage.kind)).all()
        outcomes = sorted(session.scalars(select(InboundMessage.outcome)).all())
    assert sorted(kinds) == ["acknowledgement", "status_enquiry"]  # no second answer
    assert outcomes == ["appended", "new", "status_enquiry"]


def test_automatic_mail_goes_to_the_sender_never_to_a_reply_to(
    context, plan, tmp_path: Path
) -> None:
    """A Reply-To must not turn the agency's official address into a mailer for strangers."""
    bait = "Win a prize at https://prize.example/claim or bit.ly/x2 " + "A" * 20_003
    first = corpus.mail_plain(
        message_id="<rt-1@example.co.th>",
        subject=_thai("ขอหนังสือรับรอง"),
        sender=f'"{bait}" <{corpus.APPLICANT}>',
        extra=["Reply-To: Victim <victim@third-party.example>"],
    )
    _deliver(tmp_path / "mailbox", first, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.rt")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        number = app.tracking_number
    (ack,) = _sent(tmp_path)
    assert ack["To"] == corpus.APPLICANT
    body = ack.get_body(("plain",)).get_content()
    assert "prize.example" not in body and "bit.ly" not in body
    dear = next(line for line in body.splitlines() if line.startswith("Dear "))
    assert len(dear) <= len("Dear ,") + 80
    assert len(ack.as_bytes()) < 20_000
    # The officer still sees the address the sender asked replies to go to.
    assert app.reply_to == corpus.APPLICANT
    assert app.form_data["requested_reply_to"] == "victim@third-party.example"
    assert any("victim@third-party.example" in n for n in app.form_data["intake_notes"])
    # A status enquiry from the sender is answered to the sender, not to the Reply-To.
    enquiry = corpus.mail_plain(
        message_id="<rt-2@example.co.th>",
        subject=f"status {number}",
        extra=["Reply-To: victim@third-party.example"],
    )
    _deliver(tmp_path / "mailbox", enquiry, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "2.rt")
    run_sync(context, plan)
    sent = _sent(tmp_path)
    assert len(sent) == 2
    assert all(m["To"] == corpus.APPLICANT for m in sent)


def test_names_subjects_and_lists_are_cleaned_and_bounded(context, plan, tmp_path: Path) -> None:
    """A 40,000-character subject, a 20,003-character name with a bidi override and NULs,
    and 300 attachments: what is stored is clean and bounded, the acknowledgement short."""
    subject = "\u202eขอใบอนุญาต\x00" + "ก" * 40_000
    files = [(f"scan\u202e-{n:03}.txt", f"page {n}\n".encode()) for n in range(300)]
    raw = corpus.mail_with_files(
        files,
        message_id="<bounded@example.co.th>",
        subject=corpus.encoded_word(subject, "utf-8"),
        sender=f"{corpus.encoded_word('สมชาย' + chr(0x202E) + 'x' * 20_003, 'utf-8')} "
        f"<{corpus.APPLICANT}>",
    )
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.big")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
        names = session.scalars(select(Document.filename)).all()
        held = session.scalars(select(QuarantineItem.filename)).all()
        applicant_name = app.applicant.name_th
    for text in (app.subject, applicant_name, *names, *held):
        assert not set(text) & {"\u202e", "\x00"}, text[:40]
    assert app.subject.startswith("ขอใบอนุญาตกกก") and len(app.subject) <= 300
    assert applicant_name.startswith("สมชายxxx") and len(applicant_name) <= 200
    assert len(names) + len(held) == 300
    (ack,) = _sent(tmp_path)
    body = ack.get_body(("plain",)).get_content()
    assert len(body.encode()) < 20_000
    for line in ("and 30 more files", "และไฟล์อื่นอีก 30 ไฟล์", "and 230 more files",
                 "และไฟล์อื่นอีก 230 ไฟล์"):  # fmt: skip
        assert f"    - {line}\r\n" in body, line


def test_a_different_mail_reusing_a_message_id_is_new_and_a_redelivery_is_not(
    context, plan, tmp_path: Path
) -> None:
    """Dedup by Message-ID *and* content: nothing is dropped because an id was reused."""
    first = corpus.mail_plain("first request", message_id="<same@example.co.th>")
    other = corpus.mail_with_files(
        [("คำขอ.pdf", corpus.file_pdf())],
        message_id="<same@example.co.th>",
        sender="Other <other@example.com>",
        subject="A request of my own",
    )
    # The first mail delivered again, through another relay, stored with LF line ends.
    again = (b"Received: from relay.example.net by mx.tst.go.th\r\n" + first).replace(
        b"\r\n", b"\n"
    )
    mailbox = tmp_path / "mailbox"
    _deliver(mailbox, first, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.first")
    _deliver(mailbox, other, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "2.other")
    _deliver(mailbox, again, datetime(2026, 11, 24, 11, tzinfo=BANGKOK), "3.again")

    report = run_sync(context, plan)

    assert report.parts[0].outcomes == {"new": 2, "duplicate": 1}
    with context.read() as session:
        apps = session.scalars(select(Application).order_by(Application.received_at)).all()
        inbound = session.scalars(select(InboundMessage).order_by(InboundMessage.received_at)).all()
        events = session.scalars(
            select(Event).where(Event.type == "inbound.message_id_reused")
        ).all()
        docs = session.scalars(select(Document.filename)).all()
    assert [a.reply_to for a in apps] == [corpus.APPLICANT, "other@example.com"]
    assert docs == ["คำขอ.pdf"]
    assert "intake_notes" not in (apps[0].form_data or {})
    assert any("reuses the Message-ID" in n for n in apps[1].form_data["intake_notes"])
    assert [e.aggregate_id for e in events] == [apps[1].id]
    # Each stored record keeps the bytes of its own mail.
    assert [context.store.blobs.get(i.raw_blob_sha256) for i in inbound] == [first, other]
    # Both acknowledgements went out, each to its own sender.
    assert sorted(str(m["To"]) for m in _sent(tmp_path)) == sorted(
        [corpus.APPLICANT, "other@example.com"]
    )
    # All three are marked on the "server": each one's content is stored.
    names = sorted(p.name for p in (mailbox / "cur").iterdir())
    assert len(names) == 3 and all(n.endswith(":2,F") for n in names)
    assert not list((mailbox / "new").iterdir())
    assert run_sync(context, plan).parts[0].processed == 0
    assert _count(context, Application) == 2


@pytest.fixture
def small_blob_disk(context, data_dir: Path) -> Iterator[Path]:
    """The profile's blob folder on a real 1 MiB file system (tmpfs), which can be grown."""
    blobs = data_dir / BLOB_DIR
    saved = data_dir.parent / "blobs-before-mount"
    if blobs.exists():
        shutil.move(blobs, saved)
    blobs.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(blobs)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.fail(
            "this test needs a small real file system: run it as root (or with CAP_SYS_ADMIN) "
            f"so that `mount -t tmpfs` works: {mounted.stderr.strip()}"
        )
    try:
        if saved.exists():
            shutil.copytree(saved, blobs, dirs_exist_ok=True)
        yield blobs
    finally:
        subprocess.run(["umount", "-l", str(blobs)], check=False)


# The station's blob folder on a full disk; on the agency profile the documents are in the
# server's database, whose disk is the server's administrator's to watch.
@pytest.mark.station_store
def test_a_full_disk_keeps_the_mail_in_the_mailbox_and_the_next_sync_takes_it(
    context, plan, tmp_path: Path, small_blob_disk: Path
) -> None:
    mailbox = tmp_path / "mailbox"
    small = corpus.mail_plain("a short request", message_id="<fits@example.co.th>")
    big = corpus.mail_with_files(
        [("scan.pdf", corpus.file_pdf() + os.urandom(1_500_000))],  # more than the disk holds
        message_id="<too-big@example.co.th>",
        sender="Big <big@example.co.th>",
    )
    _deliver(mailbox, small, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.small")
    _deliver(mailbox, big, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "2.big")

    report = run_sync(context, plan)

    mail = report.parts[0]
    assert mail.state == "error"
    assert (mail.error_th, mail.error_en) == (DiskFull().th, DiskFull().en)
    assert "Disk full" in mail.error_en and "ดิสก์เต็ม" in mail.error_th
    with context.read() as session:
        state = session.get(SyncState, mail.component)
        assert state is not None and state.last_error_en == DiskFull().en
        # The mail that fitted is in; the other is neither stored nor "unprocessable".
        assert session.scalars(select(InboundMessage.source_key)).all() == ["fits@example.co.th"]
        assert session.scalars(select(QuarantineItem)).all() == []
        # The folder's read position did not move past the batch it is in.
        assert session.scalars(select(MailboxCursor)).all() == []
    # Nothing was done to the mail on the "server": it is not flagged processed.
    unflagged = [p.name for sub in ("new", "cur") for p in (mailbox / sub).iterdir()
                 if not p.name.endswith(":2,F")]  # fmt: skip
    assert any(name.startswith("2.big") for name in unflagged)

    # Space comes back: the next sync takes it, acknowledges it and marks it.
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_blob_disk)], check=True)
    again = run_sync(context, plan)

    assert again.ok, [(p.component, p.error_en) for p in again.parts]
    assert again.parts[0].outcomes == {"new": 1}
    with context.read() as session:
        assert sorted(session.scalars(select(InboundMessage.source_key)).all()) == [
            "fits@example.co.th",
            "too-big@example.co.th",
        ]
        assert session.scalars(select(MailboxCursor)).one().last_uid == 2
        state = session.get(SyncState, mail.component)
        assert state is not None and state.state == "ok" and state.last_error_en == ""
    assert sorted(str(m["To"]) for m in _sent(tmp_path)) == [
        "big@example.co.th",
        corpus.APPLICANT,
    ]
    assert all(p.name.endswith(":2,F") for p in (mailbox / "cur").iterdir())


def test_a_mail_failing_the_sender_check_does_not_add_to_the_applicants_request(
    context, plan, actors, tmp_path: Path
) -> None:
    """Someone forging the applicant's address (the agency's server says so) is held."""
    plan.authserv_id = "mx.tst.go.th"
    mailbox = tmp_path / "mailbox"
    passed = "Authentication-Results: mx.tst.go.th; spf=pass smtp.mailfrom=example.co.th"
    first = corpus.mail_plain(message_id="<auth-0@example.co.th>", extra=[passed])
    _deliver(mailbox, first, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.first")
    run_sync(context, plan)
    with context.read() as session:
        app = session.scalars(select(Application)).one()
    forged = corpus.mail_with_files(
        [("ใบมอบอำนาจ.pdf", corpus.file_pdf())],
        message_id="<auth-1@attacker.example>",
        subject=_thai(f"เอกสารเพิ่ม {app.tracking_number}"),
        extra=[
            "Authentication-Results: mx.tst.go.th; spf=fail smtp.mailfrom=example.co.th;"
            " dkim=none; dmarc=fail header.from=example.co.th",
            "Authentication-Results: attacker.example; spf=pass; dkim=pass; dmarc=pass",
        ],
    )
    # A header from some other server is nobody's word: that mail is taken as usual.
    other_server = corpus.mail_with_files(
        [("เพิ่มเติม.pdf", corpus.file_pdf(2))],
        message_id="<auth-2@example.co.th>",
        subject=_thai(f"เอกสารเพิ่ม {app.tracking_number}"),
        extra=["Authentication-Results: relay.example.net; dmarc=fail", passed],
    )
    _deliver(mailbox, forged, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "2.forged")
    _deliver(mailbox, other_server, datetime(2026, 11, 24, 11, tzinfo=BANGKOK), "3.other")

    report = run_sync(context, plan)

    assert report.parts[0].outcomes == {"held": 1, "appended": 1}
    with context.read() as session:
        docs = session.scalars(
            select(Document.filename).where(Document.application_id == app.id)
        ).all()
        (held,) = session.scalars(select(QuarantineItem)).all()
        events = session.scalars(select(Event.type).where(Event.aggregate_id == app.id)).all()
        status = session.get(Application, app.id).status
    assert docs == ["เพิ่มเติม.pdf"]
    assert held.application_id == app.id and held.filename == "ใบมอบอำนาจ.pdf"
    assert held.reason_code == "sender_not_authenticated"
    assert app.tracking_number in held.reason_en and "dmarc=fail" in held.reason_en
    assert "forged" in held.reason_en and "ปลอม" in held.reason_th
    assert "application.unauthenticated_mail_held" in events
    assert status == app.status
    assert len(_sent(tmp_path)) == 1  # only the first request's acknowledgement

    # The officer, having called the applicant, may still take the file.
    with context.unit_of_work(actors["intake"]) as uow:
        quarantine.release(uow, context.store.blobs, held.id, "confirmed by phone")
    with context.read() as session:
        assert (
            len(session.scalars(select(Document).where(Document.application_id == app.id)).all())
            == 2
        )


def test_the_trusted_authserv_id_defaults_to_the_imap_host(context, data_dir: Path) -> None:
    from app.intake_setup import build_plan
    from app.settings import Settings

    imap = {"imap_host": "imap.tst.go.th", "imap_user": "saraban@tst.go.th"}
    assert build_plan(context, Settings(imap, None), data_dir).authserv_id == "imap.tst.go.th"
    own = {**imap, "mail_authserv_id": "mx1.tst.go.th"}
    assert build_plan(context, Settings(own, None), data_dir).authserv_id == "mx1.tst.go.th"
    assert build_plan(context, Settings({}, None), data_dir).authserv_id == ""


def test_held_files_inside_archives_are_named_cleanly(context, plan, tmp_path: Path) -> None:
    archive = corpus.file_zip([("ใบเสร็จ\u202efdp.exe", corpus.file_exe())])
    raw = corpus.mail_with_files(
        [("docs\u202e.zip", archive)], message_id="<zip-rlo@example.co.th>"
    )
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 9, tzinfo=BANGKOK), "1.zip")
    run_sync(context, plan)
    with context.read() as session:
        (held,) = session.scalars(select(QuarantineItem)).all()
    assert held.reason_code == "executable"
    assert held.filename == "docs.zip/ใบเสร็จfdp.exe"


def test_an_oversized_file_is_explained_to_the_applicant_in_the_applicants_words(
    context, plan, tmp_path: Path
) -> None:
    from dataclasses import replace

    from services.intake.types import Limits

    raw = corpus.mail_with_files(
        [("scan.pdf", corpus.file_pdf()), ("big.pdf", corpus.file_pdf(40))],
        message_id="<big-1@example.co.th>",
    )
    small = len(corpus.file_pdf()) + 10
    _deliver(tmp_path / "mailbox", raw, datetime(2026, 11, 24, 10, tzinfo=BANGKOK), "1.b")
    run_sync(context, replace(plan, limits=Limits(max_file_bytes=small)))
    with context.read() as session:
        held = session.scalars(select(QuarantineItem)).one()
    assert held.reason_code == "file_too_large"
    assert "ask the applicant" in held.reason_en  # the officer's row keeps the officer's text
    body = _sent(tmp_path)[0].get_body(("plain",)).get_content()
    assert "big.pdf" in body and "please make it smaller" in body and "โปรดย่อขนาด" in body
    for officer_wording in ("ผู้ยื่นย่อ", "ขอให้ผู้ยื่น", "ask the applicant", "the applicant"):
        assert officer_wording not in body
