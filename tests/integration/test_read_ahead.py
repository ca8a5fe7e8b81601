"""The next batch read while this one records (services.intake.read_ahead), against a real
Dovecot, the viewer's engine in its worker process and the encrypted profile.

The read-ahead may only compute: these tests hold the sync at the commit of the first batch
until the reader has read the second, and look at what is in the store and on the server at
that moment; then they check the order of the applications, and that one core (no reader
thread) gives the same result, and that a sync stopped midway leaves no thread behind.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.pdf_probe import QtPdfProbe
from models import Application, InboundMessage, MailboxCursor, QuarantineItem
from services.intake.group import GroupLimits
from services.intake.inspect.pdf_probe import CachedPdfProbe
from services.intake.mail.imap import ImapAccount, ImapMailbox
from services.intake.mail.sources import PROCESSED_KEYWORD
from services.intake.read_ahead import READ_STEP
from services.intake.sync import SyncPlan, run_sync
from services.kernel.clock import BANGKOK
from services.store.context import AppContext
from tests.data import mail_corpus as corpus
from tests.data import viewer_pdfs
from tests.data.failing_probe import FailingProbe
from tests.peers.dovecot import DovecotServer
from tests.proc_scan import processes

pytestmark = pytest.mark.peer

FIRST = datetime(2026, 11, 24, 9, 0, tzinfo=BANGKOK)
BATCH = 3  # mails per IMAP fetch; one group per batch


@pytest.fixture(scope="module")
def engine() -> Iterator[QtPdfProbe]:
    probe = QtPdfProbe(time_limit=10.0)
    yield probe
    probe.close()


def _request(n: int, pdf: bytes | None = None) -> bytes:
    data = pdf if pdf is not None else viewer_pdfs.ordinary(pages=1, text=f"request {n}")
    return corpus.mail_with_files(
        [(f"แบบคำขอ-{n}.pdf", data)],
        subject=corpus.encoded_word(f"ขอใบอนุญาต ลำดับที่ {n}"),
        sender=f"Citizen {n} <citizen{n}@example.co.th>",
        message_id=f"<ahead-{n}@example.co.th>",
    )


def _mails() -> list[bytes]:
    """Nine mails, three batches: requests, one PDF the viewer refuses, one out-of-office
    reply (set aside), and a copy of the first request in a later batch (a duplicate)."""
    mails = [_request(n) for n in range(1, 10)]
    mails[4] = _request(5, viewer_pdfs.trailer_without_root())
    mails[5] = corpus.mail_auto_submitted()
    mails[7] = mails[0]
    return mails


def _deliver(dovecot: DovecotServer) -> list[int]:
    # Arrival times one minute apart, in UID order: first come, first served.
    return [
        dovecot.append("INBOX", raw, internal_date=FIRST + timedelta(minutes=n))
        for n, raw in enumerate(_mails())
    ]


def _plan(
    dovecot: DovecotServer, engine: QtPdfProbe | None, read_ahead: bool, **changes: Any
) -> SyncPlan:
    account = ImapAccount(
        host=dovecot.host,
        port=dovecot.port,
        username=dovecot.user,
        security="plain",
        batch_size=BATCH,
        timeout_s=30.0,
    )
    plan = SyncPlan(
        open_mailbox=lambda: ImapMailbox(account, dovecot.password),
        folders=("INBOX",),
        scanner=None,
        open_transport=None,
        pdf_probe=CachedPdfProbe(engine) if engine is not None else None,
        group_limits=GroupLimits(mails=BATCH),
        read_ahead=read_ahead,
    )
    for name, value in changes.items():
        setattr(plan, name, value)
    return plan


def _result(context: AppContext) -> list[tuple[str, str, str, list[str]]]:
    """Per mail, in UID order: its outcome, its application's tracking number, its received
    time, and the reasons of what was held from it."""
    with context.read() as session:
        rows = session.scalars(select(InboundMessage)).all()
        rows = sorted(rows, key=lambda row: int(row.mailbox_uid))
        result = []
        for row in rows:
            app = session.get(Application, row.application_id) if row.application_id else None
            held = session.scalars(
                select(QuarantineItem.reason_code).where(
                    QuarantineItem.application_id == row.application_id
                )
            ).all()
            result.append(
                (
                    row.outcome,
                    app.tracking_number if app else "",
                    app.deemed_received_at.isoformat() if app else "",
                    sorted(held),
                )
            )
    return result


def test_the_next_batch_is_read_while_one_commits_and_nothing_of_it_is_recorded_early(
    context: AppContext, dovecot: DovecotServer, engine: QtPdfProbe
) -> None:
    uids = _deliver(dovecot)
    read = threading.Semaphore(0)
    seen: list[tuple[str, int, list[str], set[str]]] = []

    def checkpoint(step: str) -> None:
        if step == READ_STEP:
            read.release()
            return
        if step != "committed" or seen:
            return
        # Batch 1 is committed and not yet marked; the sync waits here until the reader has
        # read batch 2 (it cannot, if reading waited for the recording). No timing: a wait.
        assert read.acquire(timeout=60) and read.acquire(timeout=60)
        with context.read() as session:
            recorded = session.scalars(select(InboundMessage.mailbox_uid)).all()
            cursor = session.scalars(select(MailboxCursor.last_uid)).all()
        flags = set().union(*(dovecot.flags("INBOX", uid) for uid in uids[BATCH:]))
        seen.append((step, max(cursor), sorted(recorded), flags))

    report = run_sync(context, _plan(dovecot, engine, True, checkpoint=checkpoint))

    assert report.ok, [(p.component, p.error_en) for p in report.parts]
    # At batch 1's commit, batch 2 was read but none of it recorded, marked or passed over.
    assert seen == [("committed", uids[BATCH - 1], [str(u) for u in uids[:BATCH]], set())]
    assert all(PROCESSED_KEYWORD in dovecot.flags("INBOX", uid) for uid in uids)
    assert report.parts[0].outcomes == {"new": 7, "not_request": 1, "duplicate": 1}
    result = _result(context)  # the duplicate (UID 8) is marked on the server, not recorded
    assert [outcome for outcome, *_ in result] == [
        "new", "new", "new", "new", "new", "not_request", "new", "new",
    ]  # fmt: skip
    # First come, first served: tracking numbers and received times rise with the UIDs.
    numbered = [(number, when) for _, number, when, _ in result if number and when]
    assert numbered == sorted(numbered) and len({n for n, _ in numbered}) == 7
    assert result[4][3] == ["pdf_viewer_cannot_open"]


@pytest.mark.parametrize(
    ("read_ahead", "in_process"),
    [(False, False), (True, False), (True, True), (True, None)],
    ids=["one-core", "reader-thread", "reader-process", "too-few-for-a-process"],
)
def test_one_core_reads_in_turn_and_records_the_same(
    context: AppContext,
    dovecot: DovecotServer,
    engine: QtPdfProbe,
    read_ahead: bool,
    in_process: bool | None,
) -> None:
    _deliver(dovecot)
    steps: list[str] = []
    readers: list[int] = []

    def checkpoint(step: str) -> None:
        steps.append(step)
        if step == "committed":
            readers.append(len(_reader_processes()))

    plan = _plan(dovecot, engine, read_ahead, checkpoint=checkpoint, reader_process=in_process)
    report = run_sync(context, plan)
    assert report.ok and report.parts[0].outcomes == {"new": 7, "not_request": 1, "duplicate": 1}
    # A process reads from the folder's second batch on (fetched before the first records),
    # unless left to decide with 6 mails after the first batch; none is left after the sync.
    assert readers == ([1, 1, 1] if in_process else [0, 0, 0])
    assert not _reader_processes()
    # In turn, each batch is read before any of it commits and after the one before it has.
    if not read_ahead:
        assert [s for s in steps if s in (READ_STEP, "committed")] == [
            READ_STEP, "committed", READ_STEP, "committed", READ_STEP, "committed",
        ]  # fmt: skip
    assert _result(context) == [
        ("new", "TST-ST1-2569-000001", "2026-11-24T02:00:00+00:00", []),
        ("new", "TST-ST1-2569-000002", "2026-11-24T02:01:00+00:00", []),
        ("new", "TST-ST1-2569-000003", "2026-11-24T02:02:00+00:00", []),
        ("new", "TST-ST1-2569-000004", "2026-11-24T02:03:00+00:00", []),
        ("new", "TST-ST1-2569-000005", "2026-11-24T02:04:00+00:00", ["pdf_viewer_cannot_open"]),
        ("not_request", "", "", []),
        ("new", "TST-ST1-2569-000006", "2026-11-24T02:06:00+00:00", []),
        # UID 8, the copy of the first request, is a duplicate: marked, not recorded.
        ("new", "TST-ST1-2569-000007", "2026-11-24T02:08:00+00:00", []),
    ]


class _Cancelled(Exception):
    """What a caller's progress callback raises to stop the sync."""


def test_a_sync_cancelled_midway_leaves_no_reader_and_the_next_run_takes_the_rest_once(
    context: AppContext, dovecot: DovecotServer, engine: QtPdfProbe
) -> None:
    uids = _deliver(dovecot)

    def cancel_after_four(component: str, done: int, total: int) -> None:
        if done >= 4:
            raise _Cancelled

    stopped = run_sync(context, _plan(dovecot, engine, True), cancel_after_four)
    assert not stopped.ok  # the part reports the stop (in the log), nothing is lost
    assert not [t for t in threading.enumerate() if t.name.startswith("intake-read")]
    assert not _reader_processes()
    with context.read() as session:
        first = sorted(int(u) for u in session.scalars(select(InboundMessage.mailbox_uid)))
    assert first == uids[: 2 * BATCH]  # whole groups only: the one cancelled in is committed
    assert all(PROCESSED_KEYWORD not in dovecot.flags("INBOX", uid) for uid in uids[6:])

    again = run_sync(context, _plan(dovecot, engine, True))
    assert again.ok and again.parts[0].outcomes == {"new": 2, "duplicate": 1}
    assert len(_result(context)) == 8  # each recorded once, the duplicate not at all
    assert all(PROCESSED_KEYWORD in dovecot.flags("INBOX", uid) for uid in uids)


def _reader_processes() -> set[int]:
    """This test process's children that are intake reader processes."""
    return processes(b"services.intake.read_child", parent=os.getpid())


def test_a_reader_process_killed_midway_leaves_the_sync_to_read_the_rest_once(
    context: AppContext,
    dovecot: DovecotServer,
    engine: QtPdfProbe,
    caplog: pytest.LogCaptureFixture,
) -> None:
    uids = _deliver(dovecot)
    killed: list[int] = []

    def kill_the_reader(step: str) -> None:
        if step == "committed" and not killed and (pids := _reader_processes()):
            for pid in pids:
                os.kill(pid, signal.SIGKILL)
            killed.extend(pids)

    plan = _plan(dovecot, engine, True, checkpoint=kill_the_reader, reader_process=True)
    with caplog.at_level(logging.WARNING):
        report = run_sync(context, plan)

    assert killed and report.ok, [(p.component, p.error_en) for p in report.parts]
    assert report.parts[0].outcomes == {"new": 7, "not_request": 1, "duplicate": 1}
    assert [number for _, number, *_ in _result(context) if number] == [
        f"TST-ST1-2569-00000{n}" for n in range(1, 8)
    ]  # each recorded once, in order
    assert all(PROCESSED_KEYWORD in dovecot.flags("INBOX", uid) for uid in uids)
    assert any("intake reader ended" in r.getMessage() for r in caplog.records)
    assert not _reader_processes()


def test_a_mail_the_reader_process_cannot_judge_is_held_whole_and_logged_here(
    context: AppContext, dovecot: DovecotServer, caplog: pytest.LogCaptureFixture
) -> None:
    _deliver(dovecot)
    plan = _plan(dovecot, engine=None, read_ahead=True, reader_process=True)
    plan.pdf_probe = FailingProbe()
    with caplog.at_level(logging.WARNING):
        report = run_sync(context, plan)

    assert report.ok
    held = [reasons for outcome, _, _, reasons in _result(context) if outcome == "new"]
    assert held == [["unreadable"]] * 7  # every PDF mail's file held, none lost
    # Batch 1 was judged here, batches 2 and 3 in the reader process (the copy of mail 1
    # too: it is found a duplicate only when recorded), whose log came back here under its
    # own process id.
    failed = [r for r in caplog.records if r.getMessage() == "file inspection failed: RuntimeError"]
    assert sorted(r.process == os.getpid() for r in failed) == [False] * 5 + [True] * 3
