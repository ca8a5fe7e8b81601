"""Intake end to end: a real Dovecot in, the real sync, a real SMTP server (aiosmtpd) out.

Mail is APPENDed to Dovecot with the INTERNALDATE a server would have given it,
``run_sync`` reads it through :class:`ImapMailbox`, and the acknowledgements are
read back from what the SMTP server received, with the standard library's parser.
Nothing is faked but the clock.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from models import (
    Agency,
    Application,
    Document,
    Event,
    InboundMessage,
    NotRequestMail,
    OutboxMessage,
    QuarantineItem,
    SyncState,
)
from services.intake.mail.imap import ImapAccount, ImapMailbox
from services.intake.mail.sources import PROCESSED_KEYWORD, MailboxUnavailable
from services.intake.sync import PartReport, Progress, SyncPlan, SyncReport, run_sync
from services.kernel.clock import BANGKOK
from services.kernel.events import verify_chain
from services.kernel.statuses import STATUSES
from services.outbox import SmtpTransport
from services.store.context import AppContext
from tests.data import mail_corpus as corpus
from tests.peers.dovecot import DovecotServer
from tests.peers.smtp import SmtpSink

pytestmark = pytest.mark.peer

OFFICIAL = "saraban@tst.go.th"
PROCESSED = "Anuyat/Processed"


@pytest.fixture
def ctx(context: AppContext) -> AppContext:
    """The test profile with the agency's official address (acknowledgements come from it)."""
    with context.store.sessions() as session, session.begin():
        session.scalars(select(Agency)).one().email = OFFICIAL
    return context


def make_plan(
    dovecot: DovecotServer, sink: SmtpSink, *, after: str = "flag", batch_size: int = 50
) -> SyncPlan:
    account = ImapAccount(
        host=dovecot.host,
        port=dovecot.port,
        username=dovecot.user,
        security="plain",
        after=after,  # type: ignore[arg-type]
        move_to=PROCESSED,
        batch_size=batch_size,
        timeout_s=5.0,
    )
    return SyncPlan(
        open_mailbox=lambda: ImapMailbox(account, dovecot.password),
        folders=("INBOX",),
        scanner=None,
        open_transport=lambda: SmtpTransport(sink.host, sink.port, "plain", None, None, 5.0),
    )


def sync(ctx: AppContext, plan: SyncPlan, progress: Progress | None = None) -> SyncReport:
    report = run_sync(ctx, plan, progress)
    with ctx.read() as session:
        chain = verify_chain(session)
    assert chain.ok, chain.broken and chain.broken.describe()
    return report


def part(report: SyncReport, prefix: str) -> PartReport:
    (found,) = [p for p in report.parts if p.component.startswith(prefix)]
    return found


def after_messages(n: int, action: Callable[[], None]) -> Progress:
    """A progress callback that does ``action`` once the n-th message is committed."""
    seen = 0

    def progress(component: str, done: int, total: int) -> None:
        nonlocal seen
        seen += 1
        if seen == n:
            action()

    return progress


def thai(text: str, charset: str = "utf-8") -> str:
    return corpus.encoded_word(text, charset)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of November 2026 in Bangkok (no public holiday that month)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=BANGKOK)


def count(ctx: AppContext, model: type) -> int:
    with ctx.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def application_of(ctx: AppContext, message_id: str) -> Application:
    """The application a mail ended up in (the Message-ID is the idempotency key)."""
    with ctx.read() as session:
        inbound = session.scalars(
            select(InboundMessage).where(InboundMessage.source_key == message_id.strip("<>"))
        ).one()
        assert inbound.application_id is not None
        application = session.get(Application, inbound.application_id)
        assert application is not None
        return application


def body(message: EmailMessage) -> str:
    text = message.get_body(("plain",))
    assert text is not None
    return str(text.get_content())


def to(sink: SmtpSink, address: str) -> list[EmailMessage]:
    """Every message the SMTP server took for ``address`` (envelope and header agree)."""
    found = []
    for delivery in sink.deliveries:
        message = delivery.message()
        if address in delivery.rcpt_tos:
            assert message["To"].addresses[0].addr_spec == address
            found.append(message)
    return found


def with_message_id(raw: bytes, message_id: str) -> bytes:
    """A corpus mail under its own Message-ID (the corpus shares one between mails)."""
    old = b"Message-ID: <req-0001@example.co.th>"
    if old in raw:
        return raw.replace(old, f"Message-ID: {message_id}".encode(), 1)
    head, sep, rest = raw.partition(b"\r\n\r\n")
    return head + f"\r\nMessage-ID: {message_id}".encode() + sep + rest


# --- the ordinary path ----------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    message_id: str
    sender: str
    internal_date: datetime
    deemed: datetime
    deemed_th: str
    deemed_en: str
    subject: str
    files: tuple[str, ...]
    raw: bytes


def everyday_mails() -> list[Sent]:
    """Six requests from six people, at moments around the office hours (08:30–16:30)."""
    pdf, jpeg = corpus.file_pdf(2), corpus.file_image("JPEG")
    th, en = "พฤศจิกายน 2569 เวลา", "November 2026,"
    rows = [
        # (INTERNALDATE, deemed received, as the acknowledgement writes it, subject, files)
        (at(18, 10, 15), at(18, 10, 15), (f"18 {th} 10:15 น.", f"18 {en} 10:15"),
         ("ขออนุญาตเปิดร้านอาหาร", "tis-620"), (("แบบคำขอ.pdf", pdf),)),
        # Friday evening, Saturday morning: Monday at opening time.
        (at(20, 18), at(23, 8, 30), (f"23 {th} 08:30 น.", f"23 {en} 08:30"),
         ("ขอใบอนุญาตก่อสร้างอาคาร", "utf-8"), (("บัตรประชาชน.jpg", jpeg),)),
        (at(21, 9), at(23, 8, 30), (f"23 {th} 08:30 น.", f"23 {en} 08:30"),
         ("ขอใบอนุญาตจำหน่ายสุรา", "tis-620"), (("คำขอ.pdf", pdf), ("ทะเบียนบ้าน.jpg", jpeg))),
        # Before opening: that morning. One minute before closing: as is. At closing: tomorrow.
        (at(24, 7), at(24, 8, 30), (f"24 {th} 08:30 น.", f"24 {en} 08:30"),
         ("ขอหนังสือรับรอง", "windows-874"), (("form.pdf", pdf),)),
        (at(24, 16, 29), at(24, 16, 29), (f"24 {th} 16:29 น.", f"24 {en} 16:29"),
         ("ขอต่ออายุใบอนุญาต", "utf-8"), ()),
        (at(24, 16, 30), at(25, 8, 30), (f"25 {th} 08:30 น.", f"25 {en} 08:30"),
         ("ขอใบอนุญาตตั้งแผงลอย", "tis-620"), (("scan.jpg", jpeg),)),
    ]  # fmt: skip
    mails = []
    for n, (when, deemed, (deemed_th, deemed_en), (subject, charset), files) in enumerate(rows, 1):
        sender = f"citizen{n}@example.co.th"
        message_id = f"<everyday-{n}@example.co.th>"
        raw = corpus.mail_with_files(
            files,
            subject=thai(subject, charset),
            sender=f"{thai(f'ผู้ยื่น คนที่ {n}')} <{sender}>",
            message_id=message_id,
        )
        names = tuple(name for name, _ in files)
        mails.append(
            Sent(message_id, sender, when, deemed, deemed_th, deemed_en, subject, names, raw)
        )
    return mails


def append_all(dovecot: DovecotServer, mails: list[Sent]) -> dict[str, int]:
    return {m.message_id: dovecot.append("INBOX", m.raw, m.internal_date) for m in mails}


@pytest.mark.parametrize("after", ["flag", "move"])
def test_each_mail_is_one_application_with_one_acknowledgement(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink, after: str
) -> None:
    mails = everyday_mails()
    uids = append_all(dovecot, mails)
    plan = make_plan(dovecot, smtp_sink, after=after)

    report = sync(ctx, plan)

    assert report.ok, [(p.component, p.error_en) for p in report.parts]
    assert part(report, "mail:").outcomes == {"new": len(mails)}
    assert part(report, "outbox").outcomes["sent"] == len(mails)
    assert count(ctx, Application) == len(mails)
    for mail in mails:
        app = application_of(ctx, mail.message_id)
        assert app.received_at == mail.internal_date.astimezone(UTC)
        assert app.deemed_received_at == mail.deemed.astimezone(UTC)
        assert app.subject == mail.subject
        assert app.reply_to == mail.sender
        with ctx.read() as session:
            docs = session.scalars(
                select(Document.filename).where(Document.application_id == app.id)
            ).all()
        assert sorted(docs) == sorted(mail.files)
        (ack,) = to(smtp_sink, mail.sender)
        assert app.tracking_number in str(ack["Subject"])
        text = body(ack)
        assert app.tracking_number in text
        assert mail.deemed_th in text and mail.deemed_en in text
        assert ack["In-Reply-To"] == mail.message_id
        assert ack["Auto-Submitted"] == "auto-replied"
        assert ack["From"].addresses[0].addr_spec == OFFICIAL
    assert len(smtp_sink.deliveries) == len(mails)

    # The server: processed mail is flagged or moved, and never marked read.
    if after == "flag":
        assert dovecot.uids("INBOX") == sorted(uids.values())
        for uid in uids.values():
            flags = dovecot.flags("INBOX", uid)
            assert PROCESSED_KEYWORD in flags and "\\Seen" not in flags
    else:
        assert dovecot.uids("INBOX") == []
        moved = dovecot.uids(PROCESSED)
        assert len(moved) == len(mails)
        assert all("\\Seen" not in dovecot.flags(PROCESSED, uid) for uid in moved)

    # A second run changes nothing: no application, no acknowledgement, no event.
    events_before = count(ctx, Event)
    again = sync(ctx, plan)
    assert again.ok
    assert part(again, "mail:").processed == 0
    assert count(ctx, Application) == len(mails)
    assert count(ctx, OutboxMessage) == len(mails)
    assert len(smtp_sink.deliveries) == len(mails)
    assert count(ctx, Event) == events_before


# --- replies, stranger mail and status enquiries --------------------------------------------


def first_request(
    ctx: AppContext, dovecot: DovecotServer, sink: SmtpSink, sender: str = corpus.APPLICANT
) -> tuple[Application, EmailMessage]:
    raw = corpus.mail_with_files(
        [("แบบคำขอ.pdf", corpus.file_pdf())],
        subject=thai("ขออนุญาตเปิดร้านอาหาร", "tis-620"),
        sender=f"Somchai <{sender}>",
        message_id="<first@example.co.th>",
    )
    dovecot.append("INBOX", raw, at(24, 9))
    assert sync(ctx, make_plan(dovecot, sink)).ok
    (ack,) = to(sink, sender)
    return application_of(ctx, "<first@example.co.th>"), ack


def documents_of(ctx: AppContext, application_id: str) -> list[str]:
    with ctx.read() as session:
        return sorted(
            session.scalars(
                select(Document.filename).where(Document.application_id == application_id)
            )
        )


def test_reply_to_the_acknowledgement_adds_documents_to_the_same_application(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    app, ack = first_request(ctx, dovecot, smtp_sink)
    # Matched by In-Reply-To alone: the subject does not repeat the tracking number.
    reply = corpus.mail_with_files(
        [("เอกสารเพิ่มเติม.pdf", corpus.file_pdf())],
        subject=thai("ส่งเอกสารเพิ่มเติมครับ"),
        sender=f"Somchai <{corpus.APPLICANT}>",
        message_id="<reply-1@example.co.th>",
        extra=[f"In-Reply-To: {ack['Message-ID']}", f"References: {ack['Message-ID']}"],
    )
    dovecot.append("INBOX", reply, at(24, 11))
    report = sync(ctx, make_plan(dovecot, smtp_sink))

    assert part(report, "mail:").outcomes == {"appended": 1}
    assert count(ctx, Application) == 1
    assert documents_of(ctx, app.id) == ["เอกสารเพิ่มเติม.pdf", "แบบคำขอ.pdf"]
    assert application_of(ctx, "<reply-1@example.co.th>").id == app.id
    assert len(smtp_sink.deliveries) == 1  # no second acknowledgement for a reply


def test_mail_from_another_sender_never_adds_to_someone_elses_request(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    app, ack = first_request(ctx, dovecot, smtp_sink)
    stranger = "other@example.com"
    quoting = corpus.mail_with_files(
        [("x.pdf", corpus.file_pdf())],
        subject=thai(f"เอกสารเพิ่ม {app.tracking_number}"),
        sender=f"Other <{stranger}>",
        message_id="<stranger-1@example.com>",
    )
    # Even a reply to the acknowledgement itself (forwarded to them) does not count.
    forwarded = corpus.mail_with_files(
        [("y.pdf", corpus.file_pdf())],
        subject=thai(f"Re: {ack['Subject']}"),
        sender=f"Other <{stranger}>",
        message_id="<stranger-2@example.com>",
        extra=[f"In-Reply-To: {ack['Message-ID']}"],
    )
    dovecot.append("INBOX", quoting, at(24, 11))
    dovecot.append("INBOX", forwarded, at(24, 12))
    report = sync(ctx, make_plan(dovecot, smtp_sink))

    assert part(report, "mail:").outcomes == {"new": 2}
    assert documents_of(ctx, app.id) == ["แบบคำขอ.pdf"]
    first = application_of(ctx, "<stranger-1@example.com>")
    second = application_of(ctx, "<stranger-2@example.com>")
    assert len({app.id, first.id, second.id}) == 3
    assert documents_of(ctx, first.id) == ["x.pdf"]
    assert documents_of(ctx, second.id) == ["y.pdf"]
    # The stranger hears about their own requests only.
    assert len(to(smtp_sink, stranger)) == 2
    for message in to(smtp_sink, stranger):
        assert app.tracking_number not in str(message["Subject"]) + body(message)


def test_status_enquiry_is_answered_only_to_the_registered_address(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    app, _ = first_request(ctx, dovecot, smtp_sink)
    label_th, label_en = STATUSES[app.status].label_th, STATUSES[app.status].label_en
    own = corpus.mail_plain(
        "ขอทราบความคืบหน้าครับ",
        subject=thai(f"สถานะ {app.tracking_number}", "tis-620"),
        sender=f"Somchai <{corpus.APPLICANT}>",
        message_id="<status-own@example.co.th>",
    )
    stranger = "curious@example.com"
    other = corpus.mail_plain(
        "status please",
        subject=thai(f"สถานะ {app.tracking_number}"),
        sender=f"Curious <{stranger}>",
        message_id="<status-other@example.com>",
    )
    dovecot.append("INBOX", own, at(25, 9))
    dovecot.append("INBOX", other, at(25, 9, 5))
    report = sync(ctx, make_plan(dovecot, smtp_sink))
    assert report.ok

    mine = to(smtp_sink, corpus.APPLICANT)
    assert len(mine) == 2  # the acknowledgement, then the status
    status = mine[1]
    assert str(status["Subject"]).startswith(f"สถานะคำขอ {app.tracking_number}")
    assert f"สถานะ: {label_th}" in body(status) and f"Status: {label_en}" in body(status)
    assert status["In-Reply-To"] == "<status-own@example.co.th>"
    with ctx.read() as session:
        outcome = session.scalars(
            select(InboundMessage.outcome).where(
                InboundMessage.source_key == "status-own@example.co.th"
            )
        ).one()
    assert outcome == "status_enquiry"
    # The other address learns nothing about the request it named (its mail was taken
    # as a request of its own, acknowledged as such).
    assert len(to(smtp_sink, stranger)) == 1
    for message in to(smtp_sink, stranger):
        text = str(message["Subject"]) + body(message)
        assert app.tracking_number not in text
        assert label_th not in text and "สถานะคำขอ" not in text


def test_automatic_and_bulk_mail_is_set_aside_unanswered_and_marked_on_the_server(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    automatic = {
        "<auto@example.co.th>": corpus.mail_auto_submitted(),
        "<bulk@example.co.th>": corpus.mail_bulk(),
        "<list@example.co.th>": corpus.mail_list(),
        "<noreply@shop.example.com>": corpus.mail_noreply(),
        "<daemon@mx.example.com>": corpus.mail_mailer_daemon(),
        "<suppress@example.co.th>": corpus.mail_suppress_autoreply(),
        "<dsn@mx.example.co.th>": corpus.mail_delivery_report(),
        "<ooo@example.co.th>": corpus.mail_out_of_office(),
        "<bank@bank.example.co.th>": corpus.mail_bank_notice(),
    }
    uids = [
        dovecot.append("INBOX", with_message_id(raw, message_id), at(24, 10))
        for message_id, raw in automatic.items()
    ]
    person = corpus.mail_plain(
        sender="Person <person@example.co.th>", message_id="<person@example.co.th>"
    )
    dovecot.append("INBOX", person, at(24, 10))

    report = sync(ctx, make_plan(dovecot, smtp_sink))

    assert report.ok
    assert part(report, "mail:").outcomes == {"new": 1, "not_request": len(automatic)}
    assert count(ctx, Application) == 1  # only the person's request reaches the queue
    assert count(ctx, NotRequestMail) == len(automatic)
    assert [d.rcpt_tos for d in smtp_sink.deliveries] == [("person@example.co.th",)]
    with ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
        pending = session.scalars(select(InboundMessage).where(InboundMessage.action_pending))
        assert list(pending) == []
    for uid in uids:  # acted on in the mailbox once committed, like any mail
        assert PROCESSED_KEYWORD in dovecot.flags("INBOX", uid)


def test_an_internaldate_25_days_ahead_is_clamped_to_the_arrival_and_flagged(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink, clock
) -> None:
    now = clock.now()
    raw = corpus.mail_plain(message_id="<ahead@example.co.th>")
    dovecot.append("INBOX", raw, now + timedelta(days=25))

    sync(ctx, make_plan(dovecot, smtp_sink))

    app = application_of(ctx, "ahead@example.co.th")
    assert app.received_at == now
    assert any("is after the mail reached" in n for n in app.form_data["intake_notes"])
    (ack,) = smtp_sink.messages()  # the applicant is told the time that counts
    assert "25 November 2026, 10:00" in body(ack)


# --- the hostile corpus ---------------------------------------------------------------------


@pytest.fixture
def web() -> Iterator[tuple[str, list[str]]]:
    """A real web server on loopback that records requests (a tracking-pixel host)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Expect:
    raw: bytes
    quarantined: tuple[str, ...] = ()  # reason codes held for this mail
    documents: int = 0
    check: Callable[[Application], None] | None = None


def html_with_remote_content(base: str) -> bytes:
    html = (
        f'<html><head><link rel="stylesheet" href="{base}/style.css">'
        f"<style>body{{background:url({base}/bg.png)}}</style></head><body>"
        f"<p>เรียน&nbsp;เจ้าหน้าที่</p><p>ขอยื่นคำขอใบอนุญาต</p>"
        f'<img src="{base}/pixel.png" width="1" height="1"><img src="{corpus.TRACKER_URL}">'
        "</body></html>"
    )
    return corpus.mail_multipart(
        [corpus.text_part(html, subtype="html")],
        subtype="alternative",
        subject="html only",
        message_id="<html-only@example.co.th>",
    )


def hostile_mails(base: str) -> dict[str, Expect]:
    def files(message_id: str, *attached: tuple[str, bytes]) -> bytes:
        return corpus.mail_with_files(list(attached), message_id=message_id, subject="hostile")

    def thai_headers(app: Application) -> None:
        assert app.subject == corpus.THAI_SUBJECT
        assert app.applicant is not None and app.applicant.name_th == corpus.THAI_NAME

    def html_text(app: Application) -> None:
        assert "เรียน เจ้าหน้าที่" in app.body_text and "ขอยื่นคำขอใบอนุญาต" in app.body_text

    def thai_body(app: Application) -> None:
        assert "ขอยื่นคำขออนุญาตพร้อมเอกสารแนบ" in app.body_text

    return {
        "<zip-bomb@example.co.th>": Expect(
            files("<zip-bomb@example.co.th>", ("docs.zip", corpus.file_zip_bomb())), ("zip_bomb",)
        ),
        "<traversal@example.co.th>": Expect(
            files("<traversal@example.co.th>", ("docs.zip", corpus.file_zip_traversal())),
            ("zip_traversal",),
        ),
        "<exe@example.co.th>": Expect(
            files(
                "<exe@example.co.th>",
                ("ใบเสร็จ.pdf", corpus.file_exe()),
                ("ok.pdf", corpus.file_pdf()),
            ),  # fmt: skip
            ("executable",),
            documents=1,
        ),
        "<encrypted@example.co.th>": Expect(
            files("<encrypted@example.co.th>", ("locked.pdf", corpus.file_pdf_encrypted())),
            ("pdf_encrypted",),
        ),
        "<empty@example.co.th>": Expect(
            files("<empty@example.co.th>", ("empty.pdf", b"")), ("empty_file",)
        ),
        "<huge@example.co.th>": Expect(
            with_message_id(corpus.mail_large_attachment(), "<huge@example.co.th>"),
            ("file_too_large",),
        ),
        "<html-only@example.co.th>": Expect(html_with_remote_content(base), check=html_text),
        "<tracker@example.co.th>": Expect(
            with_message_id(corpus.mail_html_only(), "<tracker@example.co.th>")
        ),
        # From addresses of their own, so the Thai display name registers the applicant.
        "<thai-words@example.co.th>": Expect(
            with_message_id(corpus.mail_thai_encoded_words(), "<thai-words@example.co.th>").replace(
                corpus.APPLICANT.upper().encode(), b"thai-words@example.co.th"
            ),
            check=thai_headers,
        ),
        "<raw8bit@example.co.th>": Expect(
            corpus.mail_thai_raw_8bit_headers().replace(
                corpus.APPLICANT.encode(), b"raw8bit@example.co.th"
            ),
            check=thai_headers,
        ),
        "<cp874-body@example.co.th>": Expect(
            with_message_id(corpus.mail_windows874_body(), "<cp874-body@example.co.th>"),
            check=thai_body,
        ),
        "<garbage>": Expect(corpus.mail_garbage()),
    }


def test_hostile_corpus_is_quarantined_with_reasons_and_the_sync_goes_on(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink, web: tuple[str, list[str]]
) -> None:
    base, hits = web
    expected = hostile_mails(base)
    for raw in (e.raw for e in expected.values()):
        dovecot.append("INBOX", raw, at(24, 10))
    no_id = corpus.mail_without_message_id()
    reused = corpus.mail_plain("the same id, other bytes", message_id="<exe@example.co.th>")
    dovecot.append("INBOX", no_id, at(24, 10))
    dovecot.append("INBOX", reused, at(24, 11))
    dovecot.append("INBOX", expected["<exe@example.co.th>"].raw, at(24, 12))  # delivered twice

    report = sync(ctx, make_plan(dovecot, smtp_sink))

    mail = part(report, "mail:")
    assert mail.state == "ok", mail.error_en
    # Every message became an application (one has no Message-ID, one reuses another's)
    # but the second delivery of the same mail.
    assert mail.outcomes == {"new": len(expected) + 2, "duplicate": 1}
    assert count(ctx, Application) == len(expected) + 2
    with ctx.read() as session:
        held = session.scalars(select(QuarantineItem)).all()
        inbound = session.scalars(select(InboundMessage)).all()
    for message_id, expect in expected.items():
        if message_id == "<garbage>":
            continue
        app = application_of(ctx, message_id)
        codes = sorted(q.reason_code for q in held if q.source_key == message_id.strip("<>"))
        assert codes == sorted(expect.quarantined), message_id
        assert len(documents_of(ctx, app.id)) == expect.documents, message_id
        if expect.check:
            expect.check(app)
    for item in held:
        assert item.reason_th and item.reason_en and item.status == "held"
        assert item.application_id is not None  # held with the request it came with
    # Held files are kept (encrypted) for the officer, even the 30 MB one.
    huge = next(q for q in held if q.reason_code == "file_too_large")
    assert huge.blob_sha256 and len(ctx.store.blobs.get(huge.blob_sha256)) == huge.size
    # Mail without a Message-ID is keyed by its content; a reused id by id and content.
    assert sum(1 for i in inbound if i.source_key.startswith("sha256:")) == 2  # + garbage
    assert sum(1 for i in inbound if i.source_key.startswith("exe@example.co.th")) == 2
    # Nothing remote was ever fetched for the HTML mail.
    assert hits == []
    # The applicant is told which files were not accepted, with the reason.
    exe_ack = next(
        m for m in to(smtp_sink, corpus.APPLICANT) if m["In-Reply-To"] == "<exe@example.co.th>"
    )
    assert "ใบเสร็จ.pdf" in body(exe_ack) and "Files not accepted" in body(exe_ack)

    again = sync(ctx, make_plan(dovecot, smtp_sink))
    assert part(again, "mail:").processed == 0
    assert count(ctx, Application) == len(expected) + 2


# --- the server's numbering changes ---------------------------------------------------------


def test_different_mails_reusing_message_ids_are_all_kept(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    """Real mail reuses Message-IDs (templates, broken clients, other senders): dedup by id
    *and* content keeps every different mail and drops only true copies."""
    mails = [
        corpus.mail_plain("request one", message_id="<r-1@example.co.th>",
                          sender="One <one@example.co.th>"),
        corpus.mail_plain("request two", message_id="<r-2@example.co.th>",
                          sender="Two <two@example.co.th>"),
        # Reusing r-1: another sender, the same sender with other words, a template mailer.
        corpus.mail_with_files([("a.pdf", corpus.file_pdf())], message_id="<r-1@example.co.th>",
                               sender="Three <three@example.com>"),
        corpus.mail_plain("request one, corrected", message_id="<r-1@example.co.th>",
                          sender="One <one@example.co.th>"),
        corpus.mail_plain("request four", message_id="<r-2@example.co.th>",
                          sender="Four <four@example.com>", subject="Another permit"),
    ]  # fmt: skip
    for mail in mails:
        dovecot.append("INBOX", mail, at(24, 10))
    dovecot.append("INBOX", mails[0], at(24, 11))  # the first one delivered twice
    plan = make_plan(dovecot, smtp_sink)

    report = sync(ctx, plan)

    assert part(report, "mail:").outcomes == {"new": 5, "duplicate": 1}
    assert count(ctx, Application) == 5 == count(ctx, InboundMessage)
    with ctx.read() as session:
        stored = {
            ctx.store.blobs.get(i.raw_blob_sha256 or "")
            for i in session.scalars(select(InboundMessage))
        }
        flagged = session.scalars(
            select(Application.form_data).order_by(Application.tracking_number)
        ).all()
    assert stored == set(mails)
    reused = [d for d in flagged if any("reuses the Message-ID" in n for n in (d or {}).get(
        "intake_notes", []))]  # fmt: skip
    assert len(reused) == 3
    assert sorted(r for d in smtp_sink.deliveries for r in d.rcpt_tos) == sorted(
        ["one@example.co.th", "two@example.co.th", "three@example.com", "one@example.co.th",
         "four@example.com"]
    )  # fmt: skip
    for uid in dovecot.uids("INBOX"):
        assert PROCESSED_KEYWORD in dovecot.flags("INBOX", uid)

    # The server renumbers the folder: everything is read again, and nothing is new.
    dovecot.uidvalidity_reset()
    again = sync(ctx, plan)
    assert part(again, "mail:").outcomes == {"duplicate": 6}
    assert count(ctx, Application) == 5 and len(smtp_sink.deliveries) == 5


def test_uidvalidity_change_reads_the_folder_again_without_duplicates(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    raws = [
        corpus.mail_with_files([("a.pdf", corpus.file_pdf())], message_id="<v-1@example.co.th>"),
        corpus.mail_plain(
            "second", message_id="<v-2@example.co.th>", sender="Two <two@example.co.th>"
        ),  # fmt: skip
        corpus.mail_without_message_id(),  # keyed by its bytes, which the server keeps
    ]
    for raw in raws:
        dovecot.append("INBOX", raw, at(24, 10))
    plan = make_plan(dovecot, smtp_sink)
    assert sync(ctx, plan).ok
    assert count(ctx, Application) == 3

    before = dovecot.status()["UIDVALIDITY"]
    assert dovecot.uidvalidity_reset() != before
    for raw in raws:  # and the same messages delivered once more
        dovecot.append("INBOX", raw, at(24, 11))
    report = sync(ctx, plan)

    assert report.ok
    assert part(report, "mail:").outcomes == {"duplicate": 6}
    assert count(ctx, Application) == 3
    assert count(ctx, InboundMessage) == 3
    assert len(smtp_sink.deliveries) == 3
    # Every copy on the server is marked processed, none is marked read.
    for uid in dovecot.uids("INBOX"):
        flags = dovecot.flags("INBOX", uid)
        assert PROCESSED_KEYWORD in flags and "\\Seen" not in flags
    assert sync(ctx, plan).parts[0].processed == 0


def test_pending_moves_are_not_replayed_onto_renumbered_mail(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    """A move left undone by an outage must not hit another message after a renumbering."""
    for n in (1, 2):
        raw = corpus.mail_plain(f"request {n}", message_id=f"<p-{n}@example.co.th>")
        dovecot.append("INBOX", raw, at(24, 10))
    plan = make_plan(dovecot, smtp_sink, after="move")

    report = sync(ctx, plan, after_messages(2, dovecot.stop))  # the move is left undone
    assert part(report, "mail:").state == "offline"
    dovecot.start()
    # Meanwhile an officer deletes both by hand, and the server is restored from a backup
    # under a new UIDVALIDITY; then a new request arrives and gets UID 1 again.
    with dovecot.connect() as conn:
        conn.select("INBOX")
        conn.uid("STORE", "1:*", "+FLAGS.SILENT", "(\\Deleted)")
        conn.expunge()
    dovecot.uidvalidity_reset()
    dovecot.append("INBOX", corpus.mail_plain("new", message_id="<p-3@example.co.th>"), at(25, 9))
    assert dovecot.uids("INBOX") == [1]

    report = sync(ctx, plan)

    assert report.ok, [(p.component, p.error_en) for p in report.parts]
    assert part(report, "mail:").outcomes == {"new": 1}
    application_of(ctx, "<p-3@example.co.th>")
    assert count(ctx, Application) == 3
    assert dovecot.uids("INBOX") == [] and len(dovecot.uids(PROCESSED)) == 1


def test_a_duplicate_is_marked_even_when_the_server_went_away_before_it_could_be(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    """The same mail delivered twice: the second copy is flagged too, outage or not."""
    raw = corpus.mail_plain("twice", message_id="<twice@example.co.th>")
    first, second = (dovecot.append("INBOX", raw, at(24, 10)) for _ in range(2))
    plan = make_plan(dovecot, smtp_sink)

    # Down right after the first copy is committed, before anything is flagged.
    report = sync(ctx, plan, after_messages(1, dovecot.stop))
    assert part(report, "mail:").state == "offline"
    dovecot.start()
    assert sync(ctx, plan).ok

    assert count(ctx, Application) == 1 and len(smtp_sink.deliveries) == 1
    for uid in (first, second):
        flags = dovecot.flags("INBOX", uid)
        assert PROCESSED_KEYWORD in flags and "\\Seen" not in flags


# --- the server goes away mid-sync ----------------------------------------------------------


def test_server_stopping_mid_sync_loses_nothing_and_the_next_run_takes_the_rest_once(
    ctx: AppContext, dovecot: DovecotServer, smtp_sink: SmtpSink
) -> None:
    ids = [f"<outage-{n}@example.co.th>" for n in range(1, 8)]
    for n, message_id in enumerate(ids, 1):
        raw = corpus.mail_with_files(
            [(f"form-{n}.pdf", corpus.file_pdf())],
            sender=f"Citizen {n} <citizen{n}@example.co.th>",
            message_id=message_id,
        )
        dovecot.append("INBOX", raw, at(24, 9, n))
    plan = make_plan(dovecot, smtp_sink, batch_size=2)

    report = sync(ctx, plan, after_messages(3, dovecot.stop))  # in the second batch

    mail = part(report, "mail:")
    assert mail.state == "offline"
    # The second batch was already fetched: both of its messages are committed.
    assert mail.outcomes == {"new": 4}
    assert (mail.error_th, mail.error_en) == (MailboxUnavailable().th, MailboxUnavailable().en)
    with ctx.read() as session:
        state = session.get(SyncState, mail.component)
        assert state is not None
        assert state.state == "offline"
        assert state.last_error_th == MailboxUnavailable().th
        assert state.last_error_en == MailboxUnavailable().en
    assert part(report, "outbox").state == "ok"  # the link to SMTP is fine: acks go out
    assert count(ctx, Application) == 4

    # Still down: a run changes nothing and says so.
    down = sync(ctx, plan)
    assert part(down, "mail:").state == "offline" and count(ctx, Application) == 4

    dovecot.start()
    back = sync(ctx, plan)

    assert back.ok
    assert part(back, "mail:").outcomes == {"new": 3}
    for message_id in ids:
        application_of(ctx, message_id)
    assert count(ctx, Application) == len(ids) == count(ctx, InboundMessage)
    assert sorted(r for d in smtp_sink.deliveries for r in d.rcpt_tos) == sorted(
        f"citizen{n}@example.co.th" for n in range(1, 8)
    )
    for uid in dovecot.uids("INBOX"):
        flags = dovecot.flags("INBOX", uid)
        assert PROCESSED_KEYWORD in flags and "\\Seen" not in flags
    with ctx.read() as session:
        state = session.get(SyncState, mail.component)
        assert state is not None and state.state == "ok" and state.last_error_en == ""
