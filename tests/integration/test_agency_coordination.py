"""Two stations of one agency coordinating through the server: "Next", claims, chains.

The stations are the ``agency`` fixture's (ST1 created the agency on a real PostgreSQL
server, ST2 joined it). "Next" on the server locks the row it takes with ``FOR UPDATE SKIP
LOCKED``: while one officer's Next is still in its transaction, another station's Next passes
over that row at once. Nothing here measures time: a wait is turned into an error by the
server's ``lock_timeout``, so a Next that waited would fail the test instead of being slow.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select, text, update

from models import Applicant, Application, Event, Station, StoredBlob, User
from services.access import auth
from services.api.ports import build_ports
from services.cases.applications import NewApplicant, create_application, find_or_create_applicant
from services.cases.documents import attach_document
from services.kernel.actors import SYSTEM, Actor
from services.kernel.clock import BANGKOK
from services.kernel.errors import NotFound
from services.kernel.events import verify_chain
from services.kernel.unit_of_work import UnitOfWork
from services.review import queue
from services.store.blobstore import BlobCorrupted
from services.store.context import AppContext
from tests.conftest import STAFF_PASSWORD
from tests.file_keyring import child_env
from tests.integration.racing import ROOT, SharedProfile
from tests.integration.test_agency_server import NOW, Agency, agency  # noqa: F401

WAIT = 60  # seconds: a limit for a stuck station to fail the test, not a figure


def _requests(ctx: AppContext, count: int) -> list[str]:
    ids = []
    with ctx.unit_of_work(SYSTEM) as uow:
        for n in range(count):
            ids.append(
                create_application(
                    uow,
                    ctx.calendar,
                    agency_code=ctx.agency_code,
                    station_code=ctx.station_code,
                    channel="counter",
                    received_at=datetime(2026, 11, 24, 8, n, tzinfo=BANGKOK).astimezone(UTC),
                    subject=f"คำขอที่ {n + 1}",
                    service_code="FOOD-NOTICE",
                ).id
            )
    return ids


def _never_wait(engine: Engine) -> None:
    """Every new connection of ``engine`` fails a statement that would wait for a row lock."""

    @event.listens_for(engine, "connect")
    def no_waiting(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '50ms'")
        dbapi_connection.commit()

    engine.dispose()  # connections opened before the listener go


def _second_reviewer(ctx: AppContext) -> None:
    with ctx.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow, username="reviewer2", display_name="นางตรวจ ถี่ถ้วน",
            password=STAFF_PASSWORD, roles=["reviewer"],
        )  # fmt: skip


def test_next_on_another_station_passes_over_a_request_being_taken_without_waiting(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    try:
        _second_reviewer(ctx_a)
        first, second, third = _requests(ctx_a, 3)
        ports_a, ports_b = build_ports(ctx_a), build_ports(ctx_b)
        me = ports_a.shell.sign_in("reviewer", STAFF_PASSWORD)
        other = ports_b.shell.sign_in("reviewer2", STAFF_PASSWORD)
        _never_wait(ctx_b.store.engine)
        # Station A's Next has locked and claimed the oldest request, not yet committed.
        with ctx_a.store.sessions() as session, session.begin():
            uow = UnitOfWork(session, Actor.from_user(me), NOW, ctx_a.station_id)
            taken_a = queue.next_application(uow, ctx_a.calendar, "received")
            assert taken_a is not None and taken_a.id == first
            # Meanwhile station B's Next: the next request, at once (a wait would fail).
            taken_b = ports_b.review.next_application(other, "received")
            assert taken_b is not None and taken_b.id == second
        # A has committed: B's following Next goes on past both.
        again_b = ports_b.review.next_application(other, "received")
        assert again_b is not None and again_b.id == third
        with ctx_a.read() as session:
            holders = dict(
                session.execute(
                    select(Application.id, User.username).join(
                        User, User.id == Application.assignee_id
                    )
                ).all()
            )
            claims = Counter(
                session.scalars(
                    select(Event.aggregate_id).where(Event.type == "application.claimed")
                ).all()
            )
            report = verify_chain(session)
        assert holders == {first: "reviewer", second: "reviewer2", third: "reviewer2"}
        assert claims == Counter({first: 1, second: 1, third: 1})
        assert report.ok and report.stations == 2, report.broken and report.broken.describe()
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


NEXT_LOOP = """
from services.api.ports import build_ports

ws = build_ports(ctx)
user = ws.shell.sign_in(ARGS["username"], ARGS["password"])
start_together()
taken = []
while (row := ws.review.next_application(user, "received")) is not None:
    taken.append(row.id)
report([ctx.station_code, taken])
"""


def test_next_pressed_on_two_stations_at_once_gives_each_request_to_one_of_them(
    agency: Agency,  # noqa: F811 — the fixture
    tmp_path: Path,
) -> None:
    ctx = agency.open(agency.a)
    try:
        _second_reviewer(ctx)
        requests = _requests(ctx, 40)
    finally:
        ctx.store.close()
    work = tmp_path / "race"
    work.mkdir()
    race = SharedProfile("postgres", agency.a, agency.ring, work)
    results = race.race(
        NEXT_LOOP,
        [
            {"data_dir": str(agency.a), "username": "reviewer", "password": STAFF_PASSWORD},
            {"data_dir": str(agency.b), "username": "reviewer2", "password": STAFF_PASSWORD},
        ],
    )
    assert [station for station, _ in results] == ["ST1", "ST2"]
    given = Counter(app_id for _, ids in results for app_id in ids)
    assert set(given) == set(requests) and max(given.values()) == 1
    # Each station took requests in first-come order (its own share of the queue).
    for _, ids in results:
        assert ids == sorted(ids, key=requests.index)
    ctx = agency.open(agency.b)
    try:
        with ctx.read() as session:
            stations = dict(session.execute(select(Station.id, Station.code)).all())
            claimed_at = Counter(
                stations[s]
                for s in session.scalars(
                    select(Event.station_id).where(Event.type == "application.claimed")
                ).all()
            )
        assert sum(claimed_at.values()) == len(requests)
    finally:
        ctx.store.close()
    # `anuyat audit verify` on either station checks every station's chain.
    verified = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(agency.b), "audit", "verify"],
        cwd=ROOT,
        env=child_env(agency.ring),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert verified.returncode == 0, verified.stderr[-3000:]
    assert "in 2 station chain(s)" in verified.stdout, verified.stdout


def test_a_document_registered_on_one_station_opens_on_another(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    try:
        (app_id,) = _requests(ctx_a, 1)
        scan = "แบบคำขอ ร้านอาหารป้าแดง — SECRET-SCAN-MARKER".encode() * 50
        with ctx_a.unit_of_work(SYSTEM) as uow:
            document = attach_document(
                uow, ctx_a.store.blobs, app_id, filename="คำขอ.txt",
                content_type="text/plain", data=scan, origin="counter",
            )  # fmt: skip
        # Station B's reviewer opens it through the review screen's service.
        ports_b = build_ports(ctx_b)
        reviewer = ports_b.shell.sign_in("reviewer", STAFF_PASSWORD)
        assert ports_b.review.document_bytes(reviewer, document.id) == scan
        # Nothing went to either station's folder; the server holds ciphertext only.
        for folder in (agency.a, agency.b):
            assert not (folder / "blobs").exists()
        with ctx_b.store.engine.connect() as connection:
            sealed = connection.scalar(
                select(StoredBlob.sealed).where(StoredBlob.sha256 == document.blob_sha256)
            )
        assert sealed is not None and b"SECRET-SCAN-MARKER" not in bytes(sealed)
        assert list(ctx_b.store.blobs.iter_addresses()) == [document.blob_sha256]
        assert ctx_b.store.blobs.verify_all() == []
        # Storing the same file again (another station, the same scan) keeps one copy.
        assert ctx_b.store.blobs.put(scan).sha256 == document.blob_sha256
        with ctx_b.store.engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(StoredBlob)) == 1
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


def test_a_blob_damaged_on_the_server_is_refused_with_a_clear_message(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    ctx = agency.open(agency.a)
    try:
        ref = ctx.store.blobs.put(b"%PDF-1.7 a licence")
        with ctx.store.engine.begin() as connection:
            sealed = bytearray(
                connection.scalar(select(StoredBlob.sealed).where(StoredBlob.sha256 == ref.sha256))
            )
            sealed[-1] ^= 0xFF
            connection.execute(
                update(StoredBlob)
                .where(StoredBlob.sha256 == ref.sha256)
                .values(sealed=bytes(sealed))
            )
        with pytest.raises(BlobCorrupted) as caught:
            ctx.store.blobs.get(ref.sha256)
        assert "Restore it from a backup" in caught.value.en and "เสียหาย" in caught.value.th
        assert ctx.store.blobs.verify_all() == [ref.sha256]
        with pytest.raises(NotFound):
            ctx.store.blobs.get("0" * 64)
    finally:
        ctx.store.close()


def test_one_applicant_registered_at_two_stations_at_once_is_stored_once(
    agency: Agency,  # noqa: F811 — the fixture
) -> None:
    """Stations' writers do not queue behind each other: station B's insert of the same
    national ID waits on the unique index for A's transaction, then takes A's applicant."""
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    person = NewApplicant(kind="person", name_th="นายสมชาย ใจดี", national_id="1234567890121")
    found_b: list[str] = []
    failed: list[BaseException] = []

    def station_b() -> None:
        try:
            with ctx_b.unit_of_work(SYSTEM) as uow:
                found_b.append(find_or_create_applicant(uow, person).id)
        except BaseException as exc:  # noqa: BLE001 — reported to the test below
            failed.append(exc)

    try:
        with ctx_a.unit_of_work(SYSTEM) as uow:
            mine = find_or_create_applicant(uow, person).id
            other = threading.Thread(target=station_b)
            other.start()
            # Wait until B's insert is waiting on A's uncommitted row, then commit A.
            with ctx_a.store.engine.connect() as watch:
                while not failed and not watch.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        "AND datname = current_database()"
                    )
                ):
                    watch.rollback()  # a fresh snapshot of the server's activity
                    other.join(timeout=0.05)
        other.join(timeout=WAIT)
        assert not failed, failed
        assert found_b == [mine]
        with ctx_b.read() as session:
            rows = session.scalars(
                select(Applicant.id).where(Applicant.national_id == person.national_id)
            ).all()
            report = verify_chain(session)
        assert rows == [mine] and report.ok
    finally:
        ctx_a.store.close()
        ctx_b.store.close()
