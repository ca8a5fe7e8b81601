"""Several officers and workers on one profile at the same moment: nothing given out twice.

Real processes (``tests/integration/racing.py``) released together by a start flag; the
profile is the ``shared_profile`` fixture, parametrised by the kind of store so a later
store kind runs the same tests. What each test checks is the outcome (who got what, the
stored counters, the audit log), never how long anything took.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest
from sqlalchemy import event, func, select

from models import (
    Application,
    Event,
    InboundMessage,
    QuarantineItem,
    TrackingCounter,
    User,
    UserRole,
)
from services.access.auth import MAX_FAILED_ATTEMPTS
from services.api.ports import build_ports
from services.cases.applications import create_application
from services.kernel.actors import SYSTEM, Actor, SignedInUser
from services.kernel.clock import BANGKOK
from services.kernel.events import verify_chain
from services.kernel.unit_of_work import UnitOfWork
from services.review import queue
from services.store.context import AppContext
from services.store.server_link import ServerLink, write_link
from tests.conftest import ON_POSTGRES, STAFF_PASSWORD
from tests.data import mail_corpus as corpus
from tests.file_keyring import FileKeyring, child_env
from tests.integration.racing import NOW, ROOT, SharedProfile
from tests.peers.postgres import clone_database, drop_database

# The store the run is on: ANUYAT_TEST_DB=postgres makes every process a workstation of one
# agency server (its own connections to one PostgreSQL database), racing through the server.
STORE_KINDS = ["postgres"] if ON_POSTGRES else ["sqlcipher"]


@pytest.fixture(params=STORE_KINDS)
def shared_profile(request, _profile_template, tmp_path: Path) -> Iterator[SharedProfile]:  # type: ignore[no-untyped-def]
    """A copy of the staffed test profile whose key the child processes can read."""
    template, secrets, template_db = _profile_template
    data_dir = tmp_path / "profile"
    shutil.copytree(template, data_dir)
    database = None
    if template_db is not None:
        server, name = template_db.rsplit("/", 1)
        database = clone_database(server, template=name)
        write_link(data_dir, ServerLink(url=database, station_code="ST1"))
    ring_path = tmp_path / "keyring.json"
    ring = FileKeyring(ring_path)
    for (service, username), value in secrets.items():
        ring.set_password(service, username, value)
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    work = tmp_path / "race"
    work.mkdir()
    try:
        yield SharedProfile(request.param, data_dir, ring_path, work)
    finally:
        keyring.set_keyring(previous)
        if database is not None:
            drop_database(database)


def add_reviewers(ctx: AppContext, count: int) -> list[str]:
    """``count`` reviewers (``reviewer`` and copies of it: same password, hashed once)."""
    names = ["reviewer"]
    with ctx.store.sessions() as session, session.begin():
        model = session.scalars(select(User).where(User.username == "reviewer")).one()
        for n in range(2, count + 1):
            session.add(
                User(
                    username=f"reviewer{n}",
                    display_name=f"ผู้ตรวจ {n}",
                    password_hash=model.password_hash,
                    created_at=NOW,
                    roles=[UserRole(role="reviewer")],
                )
            )
            names.append(f"reviewer{n}")
    return names


def add_requests(ctx: AppContext, count: int) -> list[str]:
    """``count`` requests waiting in the reviewers' queue (status "received")."""
    ids = []
    with ctx.unit_of_work(SYSTEM) as uow:
        for n in range(count):
            app = create_application(
                uow,
                ctx.calendar,
                agency_code=ctx.agency_code,
                station_code=ctx.station_code,
                channel="counter",
                received_at=datetime(2026, 11, 24, 9, n, tzinfo=BANGKOK).astimezone(UTC),
                subject=f"คำขอที่ {n + 1}",
                service_code="FOOD-NOTICE",
            )
            ids.append(app.id)
    return ids


def claim_events(ctx: AppContext) -> Counter[str]:
    with ctx.read() as session:
        return Counter(
            session.scalars(
                select(Event.aggregate_id).where(Event.type == "application.claimed")
            ).all()
        )


def assert_chain_intact(ctx: AppContext) -> None:
    with ctx.read() as session:
        report = verify_chain(session)
    assert report.ok, report.broken and report.broken.describe()


# --- 1. "Next": each request to exactly one officer ------------------------------------------

NEXT_LOOP = """
from services.access.auth import MAX_FAILED_ATTEMPTS
from services.api.ports import build_ports

ws = build_ports(ctx)
user = ws.shell.sign_in(ARGS["username"], ARGS["password"])
start_together()
taken = []
while (row := ws.review.next_application(user, "received")) is not None:
    taken.append(row.id)
report(taken)
"""


def test_next_from_several_processes_gives_each_request_to_exactly_one_officer(
    shared_profile: SharedProfile,
) -> None:
    with shared_profile.opened() as ctx:
        reviewers = add_reviewers(ctx, 4)
        requests = add_requests(ctx, 24)

    taken = shared_profile.race(
        NEXT_LOOP, [{"username": name, "password": STAFF_PASSWORD} for name in reviewers]
    )

    given = Counter(app_id for ids in taken for app_id in ids)
    assert set(given) == set(requests)
    assert max(given.values()) == 1, [a for a, n in given.items() if n > 1]
    with shared_profile.opened() as ctx:
        assert claim_events(ctx) == Counter({app_id: 1 for app_id in requests})
        with ctx.read() as session:
            holders = dict(session.execute(select(Application.id, User.username).join(
                User, User.id == Application.assignee_id)).all())  # fmt: skip
        for name, ids in zip(reviewers, taken, strict=True):
            assert all(holders[i] == name for i in ids)
        assert_chain_intact(ctx)


def test_next_from_several_threads_gives_each_request_to_exactly_one_officer(context) -> None:
    reviewers = add_reviewers(context, 3)
    requests = add_requests(context, 6)
    ws = build_ports(context)
    users = [ws.shell.sign_in(name, STAFF_PASSWORD) for name in reviewers]
    start = threading.Barrier(len(users))
    taken: dict[str, list[str]] = {}
    failures: list[BaseException] = []

    def work(user: SignedInUser) -> None:
        try:
            start.wait()
            mine = taken.setdefault(user.username, [])
            while (row := ws.review.next_application(user, "received")) is not None:
                mine.append(row.id)
        except BaseException as exc:  # noqa: BLE001 — reported by the test below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not failures, failures
    given = Counter(app_id for ids in taken.values() for app_id in ids)
    assert given == Counter({app_id: 1 for app_id in requests})
    assert claim_events(context) == Counter({app_id: 1 for app_id in requests})
    assert_chain_intact(context)


# --- 2. tracking numbers: one counter, incremented in the store -----------------------------

NUMBERING = """
from services.cases.applications import next_tracking_number
from services.kernel.actors import SYSTEM

start_together()
numbers = []
for n in range(ARGS["count"]):
    with ctx.unit_of_work(SYSTEM) as uow:
        numbers.append(next_tracking_number(uow, ctx.agency_code, ctx.station_code, uow.now))
        # The rest of a registration's transaction (storing its files, its events) comes
        # between taking the number and committing; here it is only this pause.
        time.sleep(0.002)
report(numbers)
"""


def test_tracking_numbers_taken_by_several_processes_never_repeat(
    shared_profile: SharedProfile,
) -> None:
    per_child, children = 15, 4
    numbers = shared_profile.race(NUMBERING, [{"count": per_child}] * children)

    serials = sorted(int(n.rsplit("-", 1)[1]) for child in numbers for n in child)
    assert serials == list(range(1, per_child * children + 1))  # no repeats, no gaps
    with shared_profile.opened() as ctx, ctx.read() as session:
        stored = session.scalars(select(TrackingCounter.last_number)).one()
    assert stored == per_child * children


def _deliver(maildir: Path, count: int) -> None:
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    for n in range(count):
        raw = corpus.mail_with_files(
            [(f"แบบคำขอ-{n}.pdf", corpus.file_pdf(1 + n % 2) + f"% {n}\n".encode())],
            subject=corpus.encoded_word(f"ขอใบอนุญาต ลำดับที่ {n}"),
            sender=f"Citizen {n} <citizen{n}@example.co.th>",
            message_id=f"<race-{n}@example.co.th>",
        )
        (maildir / "new" / f"{1_700_000_000 + n}.M{n}P1.station").write_bytes(raw)


def _sync_once(profile: SharedProfile, config: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(profile.data_dir), "sync", "--once"],
        cwd=ROOT,
        env=child_env(profile.ring, ANUYAT_CONFIG_DIR=str(config), **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _outcomes(stdout: str) -> Counter[str]:
    """Sum the ``kind n`` counts of the mail lines of ``anuyat sync --once``."""
    total: Counter[str] = Counter()
    for line in stdout.splitlines():
        if line.startswith("mail:"):
            for pair in line.split(None, 2)[2].split(","):
                kind, _, n = pair.strip().rpartition(" ")
                if kind:
                    total[kind] += int(n)
    return total


def test_two_sync_runs_at_once_record_every_mail_once_and_report_only_what_they_did(
    shared_profile: SharedProfile, tmp_path: Path
) -> None:
    mails = 16
    _deliver(shared_profile.data_dir / "mailbox", mails)
    config = tmp_path / "config"
    config.mkdir()

    runs = [_sync_once(shared_profile, config) for _ in range(2)]
    results = [run.communicate(timeout=300) for run in runs]

    for run, (out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, (out, err[-3000:])
    reported = sum((_outcomes(out) for out, _ in results), Counter())
    with shared_profile.opened() as ctx, ctx.read() as session:
        numbers = session.scalars(select(Application.tracking_number)).all()
        held = session.scalar(select(func.count()).select_from(QuarantineItem))
        inbound = Counter(session.scalars(select(InboundMessage.outcome)).all())
    assert len(numbers) == mails and len(set(numbers)) == mails
    assert held == 0 and inbound == Counter({"new": mails})
    # What the runs said they did is what the store holds: nothing twice, nothing made up.
    assert reported["new"] == mails and reported["quarantined"] == 0, reported
    with shared_profile.opened() as ctx:
        assert_chain_intact(ctx)


# --- 4. one sync per profile ------------------------------------------------------------------

# Holds the profile's sync lock (the file every sync run locks) as a running sync would.
HOLD_SYNC_LOCK = """
from services.store.profile_lock import sync_lock

# The profile's file on a station; the agency's advisory lock on the server.
with sync_lock(DATA_DIR, 0, ctx.store.engine):
    start_together()
report("released")
"""


def test_a_sync_started_while_another_runs_says_so_and_does_nothing(
    shared_profile: SharedProfile, tmp_path: Path
) -> None:
    _deliver(shared_profile.data_dir / "mailbox", 3)
    (shared_profile.data_dir / "settings.toml").write_text(
        "sync_lock_wait_seconds = 0\n", encoding="utf-8"
    )
    config = tmp_path / "config"
    config.mkdir()
    meanwhile: dict[str, object] = {}

    def second_sync() -> None:
        run = _sync_once(shared_profile, config)
        out, err = run.communicate(timeout=300)
        meanwhile.update(code=run.returncode, out=out, err=err)

    shared_profile.race(HOLD_SYNC_LOCK, [{}], while_ready=second_sync)

    assert meanwhile["code"] == 5, meanwhile
    err = str(meanwhile["err"])
    assert "Another sync of this profile is already running" in err
    assert "ทำงานอยู่แล้ว" in err
    with shared_profile.opened() as ctx, ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 0
    # Once the first is done, the next run does the work.
    run = _sync_once(shared_profile, config)
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, (out, err[-3000:])
    assert _outcomes(out) == Counter({"new": 3})


# --- 3. lockout: every wrong password counts, even all at once ---------------------------------

WRONG_PASSWORD = """
from services.kernel.errors import AnuyatError
from services.access.auth import MAX_FAILED_ATTEMPTS
from services.api.ports import build_ports

ws = build_ports(ctx)
start_together()
try:
    ws.shell.sign_in(ARGS["username"], "not-the-password")
except AnuyatError as exc:
    report(exc.code)
else:
    report("signed in")
"""


def test_wrong_passwords_in_parallel_all_count_and_lock_the_account(
    shared_profile: SharedProfile,
) -> None:
    tries = 8
    answers = shared_profile.race(WRONG_PASSWORD, [{"username": "finance"}] * tries)

    # The first four wrong passwords are counted and answered "wrong"; the fifth locks the
    # account; the rest find it locked (whatever order they came in).
    assert Counter(answers) == Counter(
        {
            "sign_in_failed": MAX_FAILED_ATTEMPTS - 1,
            "account_locked": tries - MAX_FAILED_ATTEMPTS + 1,
        }
    )
    with shared_profile.opened() as ctx:
        with ctx.read() as session:
            user = session.scalars(select(User).where(User.username == "finance")).one()
            failures = session.scalar(
                select(func.count())
                .select_from(Event)
                .where(Event.type == "user.sign_in_failed", Event.aggregate_id == user.id)
            )
        assert user.failed_attempts == MAX_FAILED_ATTEMPTS and failures == MAX_FAILED_ATTEMPTS
        assert user.locked_until is not None and user.locked_until > NOW
        # The right password is refused now too.
        answer = shared_profile.race(
            WRONG_PASSWORD.replace('"not-the-password"', "ARGS['password']"),
            [{"username": "finance", "password": STAFF_PASSWORD}],
        )
        assert answer == ["account_locked"]
        assert_chain_intact(ctx)


# --- the compare-and-set itself, as a server database would interleave it ----------------------


def _writes_or_locks(statement: str) -> bool:
    """The first statement after which another officer could no longer act first: a write,
    or a ``SELECT … FOR UPDATE`` (rendered on PostgreSQL only)."""
    return statement.lstrip()[:6] in ("UPDATE", "INSERT") or "FOR UPDATE" in statement


def test_next_that_loses_its_claim_to_another_officer_takes_the_next_request(context) -> None:
    """On a server database two transactions can both read the same oldest request; the
    one whose UPDATE … WHERE assignee_id IS NULL changes no row goes on to the next."""
    add_reviewers(context, 2)
    first, second = add_requests(context, 2)
    ws = build_ports(context)
    me, other = (ws.shell.sign_in(n, STAFF_PASSWORD) for n in ("reviewer", "reviewer2"))
    # This transaction does not take SQLite's write lock as it begins (a read session),
    # so the other officer can commit between its read and its write, as on a server.
    with context.store.reads() as session, session.begin():
        uow = UnitOfWork(session, Actor.from_user(me), NOW, context.station_id)
        mine = session.connection()
        interleaved: list[str] = []

        def other_officer_first(conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            # Just before this transaction's first write (or, on PostgreSQL, its first row
            # lock, which the other officer would wait for), the other officer's Next commits.
            if conn is mine and not interleaved and _writes_or_locks(statement):
                row = ws.review.next_application(other, "received")
                interleaved.append(row.id if row else "")

        event.listen(context.store.engine, "before_cursor_execute", other_officer_first)
        try:
            taken = queue.next_application(uow, context.calendar, "received")
        finally:
            event.remove(context.store.engine, "before_cursor_execute", other_officer_first)
    assert interleaved == [first]
    assert taken is not None and taken.id == second
    with context.read() as session:
        holders = {a.id: a.assignee_id for a in session.scalars(select(Application)).all()}
    assert holders == {first: other.user_id, second: me.user_id}
    assert claim_events(context) == Counter({first: 1, second: 1})


def test_a_reassignment_made_as_the_holder_releases_names_who_really_held_it(context) -> None:
    add_reviewers(context, 2)
    (app_id,) = add_requests(context, 1)
    ports = build_ports(context)
    holder, admin = (ports.shell.sign_in(n, STAFF_PASSWORD) for n in ("reviewer", "admin"))
    assert ports.review.next_application(holder, "received") is not None
    with context.store.reads() as session, session.begin():
        uow = UnitOfWork(session, Actor.from_user(admin), NOW, context.station_id)
        mine = session.connection()
        released: list[bool] = []

        def holder_releases_first(conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            if conn is mine and not released and _writes_or_locks(statement):
                ports.review.release_claim(holder, app_id)
                released.append(True)

        event.listen(context.store.engine, "before_cursor_execute", holder_releases_first)
        try:
            queue.reassign(uow, app_id, "reviewer2")
        finally:
            event.remove(context.store.engine, "before_cursor_execute", holder_releases_first)
    assert released == [True]
    with context.read() as session:
        app = session.get(Application, app_id)
        held_by = session.get(User, app.assignee_id).username
        moves = [
            (e.type, json.loads(e.payload))
            for e in session.scalars(
                select(Event)
                .where(
                    Event.aggregate_id == app_id,
                    Event.type.in_(["application.released", "application.reassigned"]),
                )
                .order_by(Event.seq)
            )
        ]
    assert held_by == "reviewer2"
    assert moves == [
        ("application.released", {"holder": "reviewer"}),
        ("application.reassigned", {"from": None, "to": "reviewer2"}),
    ]
    assert_chain_intact(context)


# --- a mail set aside as not a request, taken as one by two intake officers at once ----------

TAKE_AS_REQUEST = """
from services.api.ports import build_ports
from services.kernel.errors import InvalidInput

ws = build_ports(ctx)
user = ws.shell.sign_in(ARGS["username"], ARGS["password"])
start_together()
try:
    report(ws.intake.take_as_request(user, ARGS["item"]))
except InvalidInput as exc:
    report("refused: " + exc.en)
"""


def test_a_set_aside_mail_taken_by_several_officers_at_once_becomes_one_request(
    shared_profile: SharedProfile,
) -> None:
    from models import NotRequestMail, OutboxMessage
    from services.intake.mail.parse import parse_mail
    from services.intake.pipeline import arrival_from_mail, ingest

    raw = corpus.mail_out_of_office()
    with shared_profile.opened() as ctx:
        assert ingest(ctx, arrival_from_mail(parse_mail(raw), NOW, raw)).kind == "not_request"
        with ctx.read() as session:
            item = session.scalars(select(NotRequestMail.id)).one()
        with ctx.store.sessions() as session, session.begin():
            model = session.scalars(select(User).where(User.username == "intake")).one()
            for n in (2, 3):
                session.add(
                    User(
                        username=f"intake{n}",
                        display_name=f"ผู้รับเรื่อง {n}",
                        password_hash=model.password_hash,
                        created_at=NOW,
                        roles=[UserRole(role="intake")],
                    )
                )

    results = shared_profile.race(
        TAKE_AS_REQUEST,
        [{"username": u, "password": STAFF_PASSWORD, "item": item}
         for u in ("intake", "intake2", "intake3")],
    )  # fmt: skip

    numbers = [r for r in results if not r.startswith("refused: ")]
    assert len(numbers) == 1, results
    assert all("already decided" in r for r in results if r.startswith("refused: "))
    with shared_profile.opened() as ctx:
        with ctx.read() as session:
            apps = session.scalars(select(Application.tracking_number)).all()
            acks = session.scalars(select(OutboxMessage.kind)).all()
            taken = session.scalars(
                select(Event.actor).where(Event.type == "inbound.taken_as_request")
            ).all()
        assert apps == numbers and acks == ["acknowledgement"] and len(taken) == 1
        assert_chain_intact(ctx)
