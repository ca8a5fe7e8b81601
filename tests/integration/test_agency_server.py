"""Two workstations of one agency on one real PostgreSQL server (the agency profile).

Station A creates the agency on an empty database; station B is a second station of it (its
own data folder, its own station code, the agency's key). What one station does, the other
sees; tracking numbers carry each station's code; one mailbox read by both is taken once; the
agency's sync lock is one for every station and goes with a killed holder; a server that
cannot be reached is said so in Thai and English.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from models import Application, Event, InboundMessage, Station
from services.access import auth
from services.api.ports import build_ports
from services.cases.applications import create_application
from services.kernel.actors import SYSTEM
from services.kernel.clock import BANGKOK, FixedClock
from services.kernel.events import verify_chain
from services.store import keys
from services.store.context import AppContext
from services.store.engine import ServerUnreachable, open_store
from services.store.profile import AgencySetup, initialise_profile, load_context
from services.store.profile_lock import SyncRunning, sync_lock
from services.store.server_link import ServerLink, write_link
from services.store.stations import add_station
from tests.conftest import STAFF_PASSWORD
from tests.file_keyring import FileKeyring, child_env
from tests.integration.test_concurrency import _deliver, _outcomes
from tests.peers.loopback import free_port

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


@dataclass
class Agency:
    a: Path
    b: Path
    ring: Path
    url: str

    def open(self, data_dir: Path) -> AppContext:
        return load_context(data_dir, FixedClock(NOW))


@pytest.fixture
def agency(postgres_database: str, tmp_path: Path) -> Iterator[Agency]:
    """Station ST1 sets the agency up on an empty database; ST2 joins it."""
    ring = tmp_path / "keyring.json"
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(ring))
    a, b = tmp_path / "station-a", tmp_path / "station-b"
    write_link(a, ServerLink(url=postgres_database, station_code="ST1"))
    store = initialise_profile(
        a,
        AgencySetup(
            name_th="เทศบาลตำบลทดสอบ",
            name_en="Test Subdistrict Municipality",
            code="TST",
            number="ทส 52001",
            email="saraban@test-municipality.example.go.th",
        ),
        admin_username="admin",
        admin_password=STAFF_PASSWORD,
        admin_display_name="ผู้ดูแล ระบบ",
        clock=FixedClock(NOW),
    )
    store.close()
    ctx = load_context(a, FixedClock(NOW))
    with ctx.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow, username="reviewer", display_name="นายตรวจ ละเอียด",
            password=STAFF_PASSWORD, roles=["reviewer"],
        )  # fmt: skip
        add_station(uow, "ST2", "โต๊ะผู้อนุมัติ")
    ctx.store.close()
    write_link(b, ServerLink(url=postgres_database, station_code="ST2"))
    keys.install_master_key(b, keys.load_master_key(a))
    try:
        yield Agency(a, b, ring, postgres_database)
    finally:
        keyring.set_keyring(previous)


def _request(ctx: AppContext, minute: int) -> Application:
    with ctx.unit_of_work(SYSTEM) as uow:
        return create_application(
            uow,
            ctx.calendar,
            agency_code=ctx.agency_code,
            station_code=ctx.station_code,
            channel="counter",
            received_at=datetime(2026, 11, 24, 9, minute, tzinfo=BANGKOK).astimezone(UTC),
            subject=f"คำขอที่ยื่นเวลา 9:{minute:02d}",
            service_code="FOOD-NOTICE",
        )


def test_what_one_station_does_the_other_sees(agency: Agency) -> None:
    ctx_a, ctx_b = agency.open(agency.a), agency.open(agency.b)
    try:
        assert (ctx_a.station_code, ctx_b.station_code) == ("ST1", "ST2")
        first = _request(ctx_a, 0)
        second = _request(ctx_b, 5)
        assert "-ST1-" in first.tracking_number and "-ST2-" in second.tracking_number
        # A reviewer working at station B takes the oldest request, which A received.
        ws_b = build_ports(ctx_b)
        user = ws_b.shell.sign_in("reviewer", STAFF_PASSWORD)
        taken = ws_b.review.next_application(user, "received")
        assert taken is not None and taken.id == first.id
        with ctx_a.read() as session:
            row = session.get(Application, first.id)
            assert row is not None and row.assignee_id == user.user_id
            stations = dict(session.execute(select(Station.id, Station.code)).all())
            recorded_by = Counter(
                stations[s] for s in session.scalars(select(Event.station_id)).all()
            )
            report = verify_chain(session)
        # Each station appends to its own chain, and both chains verify.
        assert recorded_by["ST1"] > 0 and recorded_by["ST2"] > 0
        assert report.ok, report.broken and report.broken.describe()
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


def test_two_stations_syncing_one_mailbox_take_each_mail_once(
    agency: Agency, tmp_path: Path
) -> None:
    mails = 12
    maildir = tmp_path / "agency-mailbox"
    _deliver(maildir, mails)
    config = tmp_path / "config"
    config.mkdir()
    for station in (agency.a, agency.b):
        (station / "settings.toml").write_text(f'maildir_path = "{maildir}"\n', encoding="utf-8")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(d), "sync", "--once"],
            cwd=ROOT,
            env=child_env(agency.ring, ANUYAT_CONFIG_DIR=str(config)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in (agency.a, agency.b)
    ]
    results = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, (out, err[-3000:])
    reported = sum((_outcomes(out) for out, _ in results), Counter())
    ctx = agency.open(agency.a)
    try:
        with ctx.read() as session:
            numbers = session.scalars(select(Application.tracking_number)).all()
            inbound = Counter(session.scalars(select(InboundMessage.outcome)).all())
    finally:
        ctx.store.close()
    assert len(numbers) == mails and len(set(numbers)) == mails
    assert inbound == Counter({"new": mails})
    assert reported["new"] == mails, reported


HOLD_LOCK = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from services.kernel.clock import FixedClock
from services.store.profile import load_context
from services.store.profile_lock import sync_lock

data_dir = Path(sys.argv[1])
ctx = load_context(data_dir, FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC)))
with sync_lock(data_dir, 0, ctx.store.engine):
    print("holding", flush=True)
    time.sleep(600)
"""


def test_the_agency_sync_lock_is_one_for_every_station_and_dies_with_its_holder(
    agency: Agency,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(agency.a)],
        cwd=ROOT,
        env=child_env(agency.ring),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding", holder.stderr
        ctx_b = agency.open(agency.b)
        try:
            # Station B has its own folder (its own file lock): the server's lock refuses it.
            with pytest.raises(SyncRunning) as caught:
                with sync_lock(agency.b, 0, ctx_b.store.engine):
                    pass
            assert "another workstation" in caught.value.en and "เครื่องอื่น" in caught.value.th
            holder.send_signal(signal.SIGKILL)
            holder.wait(timeout=60)
            # The killed holder's session ends with it: B takes over (waiting if need be).
            with sync_lock(agency.b, 30, ctx_b.store.engine):
                with ctx_b.read() as session:
                    assert session.scalar(select(func.count()).select_from(Station)) == 2
        finally:
            ctx_b.store.close()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_an_unreachable_server_is_said_so_in_thai_and_english(tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    nobody = f"postgresql+psycopg://anuyat@127.0.0.1:{free_port()}/agency"
    write_link(data_dir, ServerLink(url=nobody, station_code="ST1"))
    keys.create_master_key(data_dir)
    with pytest.raises(ServerUnreachable) as caught:
        open_store(data_dir)
    assert "cannot be reached" in caught.value.en and "Nothing was lost" in caught.value.en
    assert "ติดต่อเครื่องแม่ข่าย" in caught.value.th


def test_a_server_lost_mid_work_is_said_so_and_nothing_is_half_written(
    agency: Agency, tmp_path: Path
) -> None:
    from models.store import create_server_engine, make_session_factory
    from services.store.engine import Store

    ctx = agency.open(agency.a)
    try:
        with ctx.read() as session:
            before = session.scalar(select(func.count()).select_from(Event))
        # The same workstation, its link now leading nowhere (the cable pulled).
        gone = create_server_engine(
            f"postgresql+psycopg://anuyat@127.0.0.1:{free_port()}/agency", connect_timeout=2
        )
        live = ctx.store
        ctx.store = Store(
            live.data_dir, gone, make_session_factory(gone), live.blobs,
            make_session_factory(gone, write=False), live.anchor_key,
        )  # fmt: skip
        with pytest.raises(ServerUnreachable) as caught:
            _request(ctx, 10)
        assert "ติดต่อเครื่องแม่ข่าย" in caught.value.th and "Nothing was lost" in caught.value.en
        with pytest.raises(ServerUnreachable):
            with ctx.read() as session:
                session.scalar(select(func.count()).select_from(Event))
        gone.dispose()
        ctx.store = live  # the link is back: the work resumes where it was
        with ctx.read() as session:
            assert session.scalar(select(func.count()).select_from(Event)) == before
        assert "-ST1-" in _request(ctx, 10).tracking_number
    finally:
        ctx.store.close()
