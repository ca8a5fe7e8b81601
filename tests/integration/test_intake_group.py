"""Group commit (services.intake.group) through the real sync: a Maildir, the encrypted profile,
the blob store. Several mails per transaction; each recorded once; marked only once committed."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from models import Application, Document, InboundMessage, MailboxCursor
from services.intake.group import GroupLimits
from services.intake.mail.maildir import MaildirMailbox
from services.intake.sync import SyncPlan, run_sync
from services.kernel.clock import BANGKOK
from services.kernel.events import verify_chain
from tests.data import mail_corpus as corpus

FIRST = datetime(2026, 11, 24, 9, 0, tzinfo=BANGKOK)


def _deliver(maildir: Path, raws: list[bytes], first: int = 0) -> None:
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for n, raw in enumerate(raws, start=first):
        path = maildir / "new" / f"{1_700_000_000 + n}.M{n}P1.station"
        path.write_bytes(raw)
        stamp = (FIRST + timedelta(minutes=n)).timestamp()
        os.utime(path, (stamp, stamp))


def _request(n: int) -> bytes:
    return corpus.mail_with_files(
        [(f"แบบคำขอ-{n}.pdf", corpus.file_pdf() + f"% group {n}\n".encode())],
        subject=corpus.encoded_word(f"ขอใบอนุญาต ลำดับที่ {n}"),
        sender=f"Citizen {n} <citizen{n}@example.co.th>",
        message_id=f"<group-{n}@example.co.th>",
    )


def _plan(tmp_path: Path, steps: list[str], mails: int) -> SyncPlan:
    return SyncPlan(
        open_mailbox=lambda: MaildirMailbox(tmp_path / "mailbox", create=True),
        folders=("INBOX",),
        scanner=None,
        open_transport=None,
        group_limits=GroupLimits(mails=mails),
        checkpoint=steps.append,
    )


def test_ten_mails_commit_in_groups_of_four_each_once(context, tmp_path: Path) -> None:
    raws = [_request(n) for n in range(1, 11)]
    _deliver(tmp_path / "mailbox", raws)
    steps: list[str] = []

    report = run_sync(context, _plan(tmp_path, steps, mails=4))

    assert report.ok and report.parts[0].outcomes == {"new": 10}
    # Three transactions for ten mails (4 + 4 + 2), each: recorded, files durable, committed;
    # the one fetched batch was read (parsed and judged) once.
    assert Counter(steps) == {
        "read": 1,
        "arrival": 10,
        "recorded": 3,
        "durable": 3,
        "committed": 3,
    }
    recording = [step for step in steps if step != "read"]  # read on a thread of its own
    assert recording[:6] == ["arrival"] * 4 + ["recorded", "durable"]
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 10
        documents = session.scalars(select(Document)).all()
        assert len(documents) == 10
        # Every file whole under its address (raw mail and PDF), nothing half-written left.
        for doc in documents:
            assert context.store.blobs.get(doc.blob_sha256)[:5] == b"%PDF-"
        assert not list(context.store.blobs.root.rglob("*.tmp"))
        assert session.scalars(select(InboundMessage.action_pending)).all() == [False] * 10
        assert verify_chain(session).ok
    names = [p.name for p in (tmp_path / "mailbox" / "cur").iterdir()]
    assert len(names) == 10 and all(n.endswith(":2,F") for n in names)

    # A second run finds nothing new: no transaction at all.
    steps.clear()
    again = run_sync(context, _plan(tmp_path, steps, mails=4))
    assert again.ok and again.parts[0].processed == 0 and steps == []


def test_the_same_mail_twice_in_one_group_is_one_application(context, tmp_path: Path) -> None:
    first = _request(1)
    relayed = b"Received: from relay.example.net by mx.tst.go.th; resent\r\n" + first
    _deliver(tmp_path / "mailbox", [first, _request(2), relayed])
    steps: list[str] = []

    report = run_sync(context, _plan(tmp_path, steps, mails=25))

    assert report.parts[0].outcomes == {"new": 2, "duplicate": 1}
    assert steps.count("committed") == 1  # one group
    with context.read() as session:
        keys = session.scalars(select(InboundMessage.source_key)).all()
        assert sorted(keys) == ["group-1@example.co.th", "group-2@example.co.th"]
        assert session.scalar(select(func.count()).select_from(Application)) == 2
        assert session.scalars(select(MailboxCursor)).one() is not None
    # The copy is marked on the "server" too, so it is not offered again.
    names = [p.name for p in (tmp_path / "mailbox" / "cur").iterdir()]
    assert len(names) == 3 and all(n.endswith(":2,F") for n in names)


def test_a_group_bounded_by_size_commits_each_large_mail_alone(context, tmp_path: Path) -> None:
    raws = [_request(n) for n in range(1, 4)]
    _deliver(tmp_path / "mailbox", raws)
    steps: list[str] = []
    plan = replace(_plan(tmp_path, steps, mails=25), group_limits=GroupLimits(megabytes=0.001))

    report = run_sync(context, plan)

    assert report.parts[0].outcomes == {"new": 3}
    assert steps.count("committed") == 3


def test_a_mail_that_fails_is_held_alone_and_rolled_back_whole(context, tmp_path: Path) -> None:
    from models import NotRequestMail, QuarantineItem

    automatic = corpus.mail_plain(
        "auto", message_id="<auto@example.co.th>", extra=["Auto-Submitted: auto-generated"]
    )
    _deliver(tmp_path / "mailbox", [_request(1), automatic, _request(2)])
    steps: list[str] = []
    # The acknowledgement's template is gone: each request fails after its application,
    # tracking number, documents and events were written in the group's transaction.
    plan = replace(_plan(tmp_path, steps, mails=25), ack_template=tmp_path / "missing.txt")

    report = run_sync(context, plan)

    assert report.ok and report.parts[0].outcomes == {"quarantined": 2, "not_request": 1}
    assert steps.count("committed") == 1  # one group; the set-aside mail kept its place in it
    with context.read() as session:
        # Each failed request rolled back to its savepoint: no application, no document, no
        # number taken; each is held whole for an officer, and the audit chain is unbroken.
        assert session.scalar(select(func.count()).select_from(Application)) == 0
        assert session.scalar(select(func.count()).select_from(Document)) == 0
        held = session.scalars(select(QuarantineItem)).all()
        assert sorted(h.reason_code for h in held) == ["unprocessable"] * 2
        assert all(context.store.blobs.get(h.blob_sha256)[:20] for h in held)
        assert session.scalars(select(NotRequestMail.source_key)).all() == ["auto@example.co.th"]
        assert verify_chain(session).ok
    names = [p.name for p in (tmp_path / "mailbox" / "cur").iterdir()]
    assert len(names) == 3 and all(n.endswith(":2,F") for n in names)

    # The next request, with the template back, takes the first number: none was used up.
    _deliver(tmp_path / "mailbox", [_request(3)], first=3)
    again = run_sync(context, replace(plan, ack_template=SyncPlan.ack_template))
    assert again.parts[0].outcomes == {"new": 1}
    with context.read() as session:
        number = session.scalars(select(Application.tracking_number)).one()
        assert number.endswith("-000001")
        assert verify_chain(session).ok
