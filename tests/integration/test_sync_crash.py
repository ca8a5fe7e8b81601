"""The sync killed with SIGKILL at random moments, over and over: nothing lost, nothing twice.

A child process runs what ``anuyat sync --once`` runs (``open_runtime`` → ``run_sync``,
the same settings, keyring and profile) against a Maildir, then against a real
Dovecot, while mail keeps arriving in waves. The parent kills it at moments drawn from
a seeded ``random.Random``: a few milliseconds after the n-th message was committed (so
the kill lands inside the next one's transaction, blob writes or after-action), after
the m-th acknowledgement was delivered, or at any time after start-up. The keyring is
a file both processes read (``tests/file_keyring.py``). After every kill SQLite finds
the database intact and the audit chain verifies; after a final clean run every message
is recorded once, every request is one application with at most one acknowledgement,
delivered once.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import select, text

from models import (
    Agency,
    Application,
    Document,
    InboundMessage,
    NotRequestMail,
    OutboxMessage,
)
from services.kernel.clock import BANGKOK, FixedClock
from services.kernel.events import verify_chain
from services.outbox import CLAIM_LEASE, MaildirTransport, send_due
from services.store import keys
from services.store.context import AppContext
from services.store.profile import load_context
from tests.data import mail_corpus as corpus
from tests.file_keyring import child_env, file_keyring_in_use
from tests.peers.dovecot import DovecotServer
from tests.proc_scan import processes

pytestmark = pytest.mark.peer

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL = "saraban@tst.go.th"
SEED = 20261127

# What `anuyat sync --once` does (app/cli/sync.py), with a line on stdout per committed message.
# Mail is recorded in groups of three (services.intake.group), so a wave is several groups and
# kills land between them as well as inside. With a second argument "step:n" the child kills
# itself (SIGKILL) the n-th time a group commit passes that step: a kill inside a group.
CHILD = textwrap.dedent(
    """
    import dataclasses
    import os
    import signal
    import sys
    from pathlib import Path

    from app.bootstrap import open_runtime
    from app.settings import load_settings
    from services.intake.group import GroupLimits
    from services.intake.sync import run_sync

    runtime = open_runtime(Path(sys.argv[1]), load_settings())
    plan = dataclasses.replace(runtime.plan, group_limits=GroupLimits(mails=3))
    if os.environ.get("ANUYAT_TEST_READER_PROCESS"):  # from the second batch, however few
        plan = dataclasses.replace(plan, reader_process=True)
    if len(sys.argv) > 2:
        step, _, nth = sys.argv[2].partition(":")
        passed = []

        def checkpoint(name):
            if name == step:
                passed.append(name)
                if len(passed) >= int(nth):
                    os.kill(os.getpid(), signal.SIGKILL)

        plan = dataclasses.replace(plan, checkpoint=checkpoint)
    print("ready", flush=True)
    run_sync(runtime.context, plan, lambda *_: print("committed", flush=True))
    runtime.close()
    print("done", flush=True)
    """
)


@dataclass
class Profile:
    data_dir: Path
    ring: Path
    config: Path
    log: Path
    reader_process: str = ""
    """Set: the sync reads from its second batch on in a reader process, which carries this
    value in its environment (to find it, or what a killed sync left of it)."""

    def filed(self) -> int:
        """Messages the outbox has delivered so far (the "sent" Maildir of the profile)."""
        folder = self.data_dir / "sent" / "cur"
        return len(os.listdir(folder)) if folder.is_dir() else 0

    def run_child(self, rng: random.Random | None = None, aim: str = "anytime") -> str:
        """Run the sync in a child; with ``rng``, kill it at a random moment.

        ``aim`` places the moment: ``ingest`` just after the n-th message was committed,
        ``outbox`` just after the m-th message was delivered (each plus a random part of
        the time one more takes, so the kill falls inside the next one), ``anytime`` at
        a random time after start-up, ``group`` inside a group commit: after its k-th
        arrival is recorded, once all are, or once their files are durable — each before
        the commit (the child kills itself there). Returns ``aim`` when the child was
        killed, "done" when it finished first.
        """
        args = [sys.executable, "-c", CHILD, str(self.data_dir)]
        if rng is not None and aim == "group":
            step = rng.choice(("arrival", "recorded", "durable"))
            args.append(f"{step}:{rng.randint(1, 3)}")
        with open(self.log, "ab") as log:
            child = subprocess.Popen(
                args,
                cwd=ROOT,
                env=child_env(
                    self.ring,
                    ANUYAT_CONFIG_DIR=str(self.config),
                    ANUYAT_TEST_READER_PROCESS=self.reader_process,
                ),
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        assert child.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()
        reader = threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True)
        reader.start()
        seen: list[str] = []

        def drain() -> None:
            while not lines.empty():
                line = lines.get_nowait()
                if line is not None:
                    seen.append(line)

        if rng is not None and aim != "group":
            filed_before = self.filed()
            commits, sends = rng.randint(1, 3), rng.randint(1, 2)
            jitter = rng.uniform(0, 0.01)  # about what one message takes
            anytime = rng.uniform(0, 0.25)
            started: float | None = None

            def due() -> bool:
                nonlocal started
                if aim == "ingest":
                    return seen.count("committed") >= commits
                if aim == "outbox":
                    return self.filed() >= filed_before + sends
                if started is None and "ready" in seen:
                    started = time.monotonic()
                return started is not None and time.monotonic() - started >= anytime

            while child.poll() is None and not due():
                time.sleep(0.002)
                drain()
            if child.poll() is None:
                try:
                    child.wait(timeout=jitter if aim != "anytime" else 0)
                except subprocess.TimeoutExpired:
                    child.kill()  # SIGKILL: no clean-up of any kind in the child
        child.wait(timeout=120)
        reader.join(timeout=30)
        drain()
        if child.returncode == -signal.SIGKILL:
            return aim
        log_tail = self.log.read_text(errors="replace")[-3000:]
        assert child.returncode == 0 and "done" in seen, log_tail
        return "done"


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line.strip())
    lines.put(None)


@pytest.fixture
def profile(_profile_template, tmp_path: Path) -> Iterator[Profile]:  # type: ignore[no-untyped-def]
    """A copy of the test profile whose key sits in a keyring file the child can read."""
    template, secrets, *_ = _profile_template
    data_dir = tmp_path / "profile"
    shutil.copytree(template, data_dir)
    ring_path = tmp_path / "keyring.json"
    config = tmp_path / "config"
    config.mkdir()
    with file_keyring_in_use(ring_path, secrets):
        with opened(data_dir) as ctx, ctx.store.sessions() as session, session.begin():
            session.scalars(select(Agency)).one().email = OFFICIAL
        yield Profile(data_dir, ring_path, config, tmp_path / "child.log")


@contextlib.contextmanager
def opened(data_dir: Path, now: datetime | None = None) -> Iterator[AppContext]:
    """The profile opened in this process, and closed again before the next child runs."""
    ctx = load_context(data_dir, FixedClock(now or datetime.now(UTC)))
    try:
        yield ctx
    finally:
        ctx.store.close()


# --- the mail -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mailbag:
    raws: list[bytes]
    requests: dict[str, str]  # Message-ID (bare) → sender, one new application each
    set_aside: set[str]  # Message-IDs of automatic mail: not requests, set aside once each
    follow_up: str  # Message-ID of the applicant's own follow-up (appended to 000001)


def mailbag(n_requests: int) -> Mailbag:
    """``n_requests`` requests, two duplicates, one without Message-ID, one automatic
    message and two follow-ups quoting a tracking number (the sender's own, a stranger's)."""
    raws: list[bytes] = []
    requests: dict[str, str] = {}
    for n in range(1, n_requests + 1):
        sender = f"citizen{n}@example.co.th"
        pdf = corpus.file_pdf(1 + n % 3) + f"% request {n}\n".encode()
        raws.append(
            corpus.mail_with_files(
                [(f"แบบคำขอ-{n}.pdf", pdf)],
                subject=corpus.encoded_word(f"ขอใบอนุญาต ลำดับที่ {n}"),
                sender=f"Citizen {n} <{sender}>",
                message_id=f"<crash-{n}@example.co.th>",
            )
        )
        requests[f"crash-{n}@example.co.th"] = sender
    for n in (5, 6):  # the same message delivered again (a relay adds its trace line)
        raws.append(b"Received: from relay.example.net by mx.tst.go.th; resent\r\n" + raws[n - 1])
    raws.append(corpus.mail_without_message_id())  # keyed by its content
    raws.append(corpus.mail_plain("auto", message_id="<auto@example.co.th>",
                                  extra=["Auto-Submitted: auto-generated"]))  # fmt: skip
    own = "<follow-up@example.co.th>"
    raws.append(
        corpus.mail_with_files(
            [("เพิ่มเติม.pdf", corpus.file_pdf() + b"% follow-up\n")],
            subject=corpus.encoded_word("เอกสารเพิ่มเติม TST-ST1-2569-000001"),
            sender="Citizen 1 <citizen1@example.co.th>",
            message_id=own,
        )
    )
    raws.append(
        corpus.mail_plain(
            "I also want TST-ST1-2569-000002",
            subject="TST-ST1-2569-000002",
            sender="Stranger <stranger@example.com>",
            message_id="<stranger@example.com>",
        )
    )
    requests["stranger@example.com"] = "stranger@example.com"
    return Mailbag(raws, requests, {"auto@example.co.th"}, own.strip("<>"))


FIRST_ARRIVAL = datetime(2026, 11, 24, 9, 0, tzinfo=BANGKOK)


def deliver(maildir: Path, numbered: list[tuple[int, bytes]]) -> None:
    """Drop mail into the Maildir as a mail server would (the n-th arrives n minutes later)."""
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for n, raw in numbered:
        tmp = maildir / "tmp" / f"{1_700_000_000 + n}.M{n}P1.station"
        tmp.write_bytes(raw)
        stamp = (FIRST_ARRIVAL + timedelta(minutes=n)).timestamp()
        os.utime(tmp, (stamp, stamp))
        tmp.rename(maildir / "new" / tmp.name)


def kill_rounds(
    profile: Profile,
    rng: random.Random,
    waves: int,
    raws: list[bytes],
    arrive: Callable[[list[tuple[int, bytes]]], None],
) -> Counter[str]:
    """Mail arrives in waves; after each, seven runs are killed, then one clean run.

    The kills are aimed: two while mail is being recorded, three inside a group commit
    (between its arrivals, before its files are durable, before its commit), one while the
    outbox delivers (while mail is still left, so acknowledgements are waiting), one at any
    moment (start-up, the after-actions, the end of the run). A kind of kill finds nothing to
    cut short once a wave is all in: the counts asserted below allow for that.
    """
    size = -(-len(raws) // waves)
    numbered = list(enumerate(raws))
    outcomes: Counter[str] = Counter()
    for wave in range(waves):
        arrive(numbered[wave * size : (wave + 1) * size])
        for aim in ("group", "ingest", "group", "outbox", "ingest", "group", "anytime"):
            outcomes[profile.run_child(rng, aim)] += 1
            assert_store_intact(profile.data_dir)
    assert profile.run_child() == "done"
    return outcomes


# --- what must hold after every kill, and at the end ------------------------------------------


def assert_store_intact(data_dir: Path) -> None:
    with opened(data_dir) as ctx, ctx.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        report = verify_chain(session)
        assert report.ok, report.broken and report.broken.describe()


def assert_exactly_once(data_dir: Path, bag: Mailbag, sent: Path) -> None:
    # A later run, once the lease of any message claimed by a killed child has run out.
    later = datetime.now(UTC) + CLAIM_LEASE + timedelta(minutes=1)
    with opened(data_dir, later) as ctx:
        send_due(ctx, MaildirTransport(sent))
        with ctx.read() as session:
            inbound = session.scalars(select(InboundMessage)).all()
            apps = session.scalars(select(Application)).all()
            acks = session.scalars(select(OutboxMessage)).all()
            docs = session.scalars(select(Document)).all()
            set_aside = session.scalars(select(NotRequestMail.source_key)).all()
    keys_seen = Counter(i.source_key for i in inbound)
    assert max(keys_seen.values()) == 1
    expected_keys = set(bag.requests) | {bag.follow_up} | bag.set_aside
    assert {k for k in keys_seen if not k.startswith("sha256:")} == expected_keys
    assert sum(1 for k in keys_seen if k.startswith("sha256:")) == 1
    # One application per request (the no-id mail is one too), numbered without gaps.
    assert len(apps) == len(bag.requests) + 1
    numbers = sorted(int(a.tracking_number.rsplit("-", 1)[1]) for a in apps)
    assert numbers == list(range(1, len(apps) + 1))
    by_key = {a.source_key: a for a in apps}
    for key, sender in bag.requests.items():
        assert by_key[key].reply_to == sender
    first = next(a for a in apps if a.tracking_number == "TST-ST1-2569-000001")
    assert first.source_key == "crash-1@example.co.th"
    # Every file once, the follow-up's in the first request.
    per_app = Counter(d.application_id for d in docs)
    assert per_app[first.id] == 2
    assert sum(per_app.values()) == sum(1 for k in bag.requests if k.startswith("crash-")) + 1
    assert len({(d.application_id, d.filename) for d in docs}) == len(docs)
    # At most one acknowledgement per application (automatic mail is none); all sent.
    ack_count = Counter(m.application_id for m in acks if m.kind == "acknowledgement")
    assert max(ack_count.values()) == 1
    assert set(ack_count) == {a.id for a in apps}
    assert sorted(set_aside) == sorted(bag.set_aside)  # automatic mail: its tray, once
    assert len({m.message_id for m in acks}) == len(acks)
    assert {m.status for m in acks} == {"sent"}
    # The "sent" folder holds each message exactly once (re-sends after a kill are no-ops).
    filed = Counter(
        str(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Message-ID"])
        for sub in ("new", "cur")
        for p in (sent / sub).iterdir()
    )
    assert filed == Counter(m.message_id for m in acks)


@pytest.mark.timeout(900)  # some thirty child processes, each starting Python and QtPdf
def test_sync_killed_at_random_moments_keeps_every_mail_exactly_once(profile: Profile) -> None:
    bag = mailbag(34)
    assert len(bag.raws) == 40
    maildir = profile.data_dir / "mailbox"

    outcomes = kill_rounds(
        profile, random.Random(SEED), 4, bag.raws, lambda mail: deliver(maildir, mail)
    )

    assert_store_intact(profile.data_dir)
    assert_exactly_once(profile.data_dir, bag, profile.data_dir / "sent")
    # 28 runs: half or more were really cut short, and where they were aimed.
    assert sum(n for aim, n in outcomes.items() if aim != "done") >= 14, outcomes
    assert outcomes["group"] >= 5 and outcomes["ingest"] >= 3, outcomes
    assert outcomes["outbox"] >= 2, outcomes
    # Every message in the Maildir ends up flagged processed (duplicates too).
    names = [p.name for p in (maildir / "cur").iterdir()]
    assert len(names) == len(bag.raws) and not list((maildir / "new").iterdir())
    assert all(name.endswith(":2,F") for name in names)


@pytest.mark.timeout(900)
def test_sync_killed_while_reading_dovecot_keeps_every_mail_exactly_once(
    profile: Profile, dovecot: DovecotServer
) -> None:
    bag = mailbag(14)
    (profile.data_dir / "settings.toml").write_text(
        f'imap_host = "{dovecot.host}"\nimap_port = {dovecot.port}\n'
        f'imap_user = "{dovecot.user}"\nimap_security = "plain"\nimap_batch_size = 3\n',
        encoding="utf-8",
    )
    keys.store_secret("imap-password", dovecot.password)
    profile.reader_process = str(profile.data_dir)  # killed while its reader process reads
    readers_seen: set[int] = set()

    def append(mail: list[tuple[int, bytes]]) -> None:
        for n, raw in mail:
            dovecot.append("INBOX", raw, FIRST_ARRIVAL + timedelta(minutes=n))

    def watch() -> None:
        while not done.is_set():
            readers_seen.update(_processes_carrying(profile.reader_process))
            done.wait(0.05)

    done = threading.Event()
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        outcomes = kill_rounds(profile, random.Random(SEED + 1), 2, bag.raws, append)
    finally:
        done.set()
        watcher.join()
    assert readers_seen  # the reader process did run, and was there to be orphaned
    # A reader whose sync was killed ends by itself (its input ends): none is left.
    for _ in range(100):
        if not _processes_carrying(profile.reader_process):
            break
        time.sleep(0.1)
    assert not _processes_carrying(profile.reader_process)

    assert_store_intact(profile.data_dir)
    assert_exactly_once(profile.data_dir, bag, profile.data_dir / "sent")
    assert outcomes["group"] >= 3 and outcomes["ingest"] >= 1, outcomes
    assert outcomes["outbox"] >= 1, outcomes
    uids = dovecot.uids("INBOX")
    assert len(uids) == len(bag.raws)
    for uid in uids:
        flags = dovecot.flags("INBOX", uid)
        assert "$AnuyatProcessed" in flags and "\\Seen" not in flags


def _processes_carrying(mark: str) -> set[int]:
    """Reader processes whose environment carries ``mark``."""
    item = f"ANUYAT_TEST_READER_PROCESS={mark}".encode()
    return processes(b"services.intake.read_child", environ_item=item)
