"""Setting up the agency's server and joining workstations to it, against a real cluster.

A bare cluster (tests/peers/postgres_bare.py: no TLS, no TCP logins) is set up by
``server init``; two stations are enrolled and join, each in its own profile folder, over
TLS with ``verify-full``; a request registered at station A is reviewed at station B. The
application role is refused DDL by the server itself; a connection without TLS is refused;
an enrolment file opened with a wrong passphrase, or altered, changes nothing.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import psycopg
import pytest
from alembic.script import ScriptDirectory
from psycopg.conninfo import make_conninfo
from sqlalchemy import select

from models import Application, Event, Station
from services.access import auth
from services.api.ports import build_ports
from services.cases.applications import create_application
from services.kernel.actors import SYSTEM
from services.kernel.clock import BANGKOK, FixedClock
from services.kernel.errors import InvalidInput
from services.kernel.events import verify_chain
from services.server.checkup import check_server
from services.server.cluster import install_certificate
from services.server.enrol import enrol_station
from services.server.enrolment import Enrolment, open_enrolment, seal_enrolment
from services.server.join import join_agency
from services.server.renew import renew_server_certificate, wait_until_served
from services.server.revoke import revoke_station
from services.server.setup import initialise_server
from services.server.tls import CA_CERT, CA_KEY, issue_server_certificate, load_ca
from services.store.context import AppContext
from services.store.engine import (
    MIGRATIONS_DIR,
    ServerNotTrusted,
    ServerSchemaMismatch,
    ServerUnreachable,
    is_profile,
)
from services.store.profile import AgencySetup, load_context
from services.store.recovery import KdfParams
from services.store.server_link import LINK_FILE
from tests.conftest import STAFF_PASSWORD, MemoryKeyring
from tests.integration.test_review import accept_all, submit
from tests.peers.loopback import free_port
from tests.peers.postgres_bare import BareCluster

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
PASSPHRASE = "ช้างเผือก กินหญ้า ริมน้ำ"
# Argon2id at test strength: the format is the same, only the cost is lower.
FAST_KDF = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)


@dataclass
class Server:
    cluster: BareCluster
    profile: Path
    secrets: dict[tuple[str, str], str]
    context: AppContext | None = None


@pytest.fixture(scope="module")
def set_up_once(bare_postgres: BareCluster, tmp_path_factory: pytest.TempPathFactory) -> Server:
    """``server init`` once for the module (it is the slow part), with a reviewer added."""
    profile = tmp_path_factory.mktemp("server") / "profile"
    previous, ring = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        store, report = initialise_server(
            profile,
            superuser=bare_postgres.superuser,
            hosts=("localhost",),
            setup=AgencySetup(
                name_th="เทศบาลตำบลทดสอบ",
                name_en="Test Subdistrict Municipality",
                code="TST",
                number="ทส 52001",
                email="saraban@test-municipality.example.go.th",
                station_code="SRV",
            ),
            admin_username="admin",
            admin_password=STAFF_PASSWORD,
            admin_display_name="ผู้ดูแล ระบบ",
            clock=FixedClock(NOW),
        )
        store.close()
        assert report.hba_file.read_text(encoding="utf-8").startswith("# anuyat:")
        context = load_context(profile, FixedClock(NOW))
        with context.unit_of_work(SYSTEM) as uow:
            auth.create_user(
                uow, username="reviewer", display_name="นายตรวจ ละเอียด",
                password=STAFF_PASSWORD, roles=["reviewer"],
            )  # fmt: skip
            auth.create_user(
                uow, username="approver", display_name="นางอนุมัติ รอบคอบ",
                password=STAFF_PASSWORD, roles=["approver"],
            )  # fmt: skip
        context.store.close()
    finally:
        keyring.set_keyring(previous)
    return Server(bare_postgres, profile, dict(ring.secrets))


@pytest.fixture
def server(set_up_once: Server, memory_keyring: MemoryKeyring) -> Iterator[Server]:
    """The server profile opened, its keyring entries in this test's keyring."""
    memory_keyring.secrets.update(set_up_once.secrets)
    context = load_context(set_up_once.profile, FixedClock(NOW))
    try:
        yield Server(set_up_once.cluster, set_up_once.profile, set_up_once.secrets, context)
    finally:
        context.store.close()


def _opened(server: Server) -> AppContext:
    assert server.context is not None
    return server.context


def _enrol(server: Server, out: Path, name: str) -> str:
    return enrol_station(
        _opened(server), out, PASSPHRASE, superuser=server.cluster.superuser, name=name,
        kdf=FAST_KDF,
    ).code  # fmt: skip


def _station_conninfo(server: Server, tmp_path: Path) -> str:
    """A new station's connection, as its enrolment file gives it."""
    _enrol(server, tmp_path / "conn.enrol", "")
    enrolment = open_enrolment(tmp_path / "conn.enrol", PASSPHRASE)
    ca_file = tmp_path / "agency-ca.crt"
    ca_file.write_text(enrolment.ca_cert_pem, encoding="ascii")
    return make_conninfo(
        host=enrolment.host, port=enrolment.port, dbname=enrolment.database,
        user=enrolment.role, password=enrolment.password, sslmode="verify-full",
        sslrootcert=str(ca_file),
    )  # fmt: skip


def test_a_request_registered_at_one_station_is_reviewed_at_another(
    server: Server, tmp_path: Path
) -> None:
    codes = [
        _enrol(server, tmp_path / "a.enrol", "เคาน์เตอร์รับคำขอ"),
        _enrol(server, tmp_path / "b.enrol", "โต๊ะผู้ตรวจ"),
    ]
    assert len(set(codes)) == 2 and all(re.fullmatch(r"ST\d+", c) for c in codes)
    # The file holds no secret in the clear.
    sealed = (tmp_path / "a.enrol").read_text(encoding="utf-8")
    assert "anuyat_app" not in sealed and "BEGIN CERTIFICATE" not in sealed
    ctx_a = join_agency(tmp_path / "station-a", tmp_path / "a.enrol", PASSPHRASE, FixedClock(NOW))
    ctx_b = join_agency(tmp_path / "station-b", tmp_path / "b.enrol", PASSPHRASE, FixedClock(NOW))
    try:
        link = (tmp_path / "station-a" / "agency-server.toml").read_text(encoding="utf-8")
        assert f"anuyat_app_{codes[0].lower()}@localhost" in link and "sslmode=verify-full" in link
        assert [ctx_a.station_code, ctx_b.station_code] == codes
        with ctx_a.unit_of_work(SYSTEM) as uow:
            app = create_application(
                uow, ctx_a.calendar, agency_code=ctx_a.agency_code,
                station_code=ctx_a.station_code, channel="counter",
                received_at=datetime(2026, 11, 24, 9, 0, tzinfo=BANGKOK).astimezone(UTC),
                subject="ขออนุญาตจำหน่ายอาหาร", service_code="FOOD-NOTICE",
            )  # fmt: skip
        assert f"-{codes[0]}-" in app.tracking_number
        ws_b = build_ports(ctx_b)
        reviewer = ws_b.shell.sign_in("reviewer", STAFF_PASSWORD)
        taken = ws_b.review.next_application(reviewer, "received")
        assert taken is not None and taken.id == app.id
        ws_b.review.reject(reviewer, app.id, "ร้านตั้งอยู่นอกเขตเทศบาล")
        with ctx_a.read() as session:
            row = session.get(Application, app.id)
            assert row is not None and row.status == "rejected"
            known = set(session.scalars(select(Station.code)).all())
        assert {"SRV", *codes} <= known
        # The server profile (the migration role) checks every station's chain.
        with _opened(server).read() as session:
            report = verify_chain(session)
        assert report.ok, report.broken and report.broken.describe()
    finally:
        ctx_a.store.close()
        ctx_b.store.close()


def test_a_mailed_request_reviewed_at_one_station_reaches_the_approver_at_another(
    server: Server, tmp_path: Path
) -> None:
    _enrol(server, tmp_path / "r.enrol", "โต๊ะผู้ตรวจ")
    _enrol(server, tmp_path / "p.enrol", "โต๊ะผู้อนุมัติ")
    review_desk = join_agency(tmp_path / "r", tmp_path / "r.enrol", PASSPHRASE, FixedClock(NOW))
    approve_desk = join_agency(tmp_path / "p", tmp_path / "p.enrol", PASSPHRASE, FixedClock(NOW))
    try:
        # Received by mail (with its files) at the approver's desk, which runs the sync.
        app_id = submit(approve_desk, hour=10, email="mailed@example.co.th")
        ws_r, ws_p = build_ports(review_desk), build_ports(approve_desk)
        reviewer = ws_r.shell.sign_in("reviewer", STAFF_PASSWORD)
        taken = ws_r.review.next_application(reviewer, "received")
        assert taken is not None and taken.id == app_id
        accept_all(ws_r, reviewer, app_id)  # opens the files the other station received
        assert ws_r.review.mark_reviewed(reviewer, app_id, "ครบถ้วน") == "ready_for_approval"
        approver = ws_p.shell.sign_in("approver", STAFF_PASSWORD)
        assert app_id in [row.id for row in ws_p.approval.queue(approver)]
        handed = ws_p.approval.take_next_approval(approver)
        assert handed is not None and handed.id == app_id
    finally:
        review_desk.store.close()
        approve_desk.store.close()


@pytest.mark.parametrize(
    "statement",
    [
        "DROP TABLE application",
        "ALTER TABLE application ADD COLUMN extra integer",
        "CREATE TABLE extra (id integer)",
        "CREATE TEMPORARY TABLE extra (id integer)",
        "TRUNCATE event",
        # The audit trail is append-only for the workstations.
        "UPDATE event SET type = 'altered'",
        "DELETE FROM event",
    ],
)
def test_the_application_role_may_not_change_the_schema_or_the_audit_trail(
    server: Server, statement: str, tmp_path: Path
) -> None:
    with psycopg.connect(_station_conninfo(server, tmp_path)) as connection:
        assert connection.info.pgconn.ssl_in_use
        # It reads what the workstations need (the server's own station, at least)…
        row = connection.execute("SELECT count(*) FROM station").fetchone()
        assert row is not None and row[0] >= 1
        # …and the server itself refuses every change of schema, and of recorded events.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(statement)


def test_no_connection_without_tls(server: Server, tmp_path: Path) -> None:
    plain = _station_conninfo(server, tmp_path).replace("sslmode=verify-full", "sslmode=disable")
    with pytest.raises(psycopg.OperationalError, match="rejects connection|no encryption"):
        psycopg.connect(plain).close()


def test_a_wrong_passphrase_or_an_altered_file_changes_nothing(
    server: Server, tmp_path: Path
) -> None:
    _enrol(server, tmp_path / "c.enrol", "")
    with pytest.raises(InvalidInput) as wrong:
        join_agency(tmp_path / "c", tmp_path / "c.enrol", "not the passphrase", FixedClock(NOW))
    assert "วลีรหัสผ่านไม่ถูกต้อง" in wrong.value.th and "passphrase is wrong" in wrong.value.en
    document = json.loads((tmp_path / "c.enrol").read_text(encoding="utf-8"))
    document["created_at"] = "2027-01-01T00:00:00+00:00"
    (tmp_path / "d.enrol").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidInput, match="passphrase is wrong"):
        join_agency(tmp_path / "d", tmp_path / "d.enrol", PASSPHRASE, FixedClock(NOW))
    # A file of the first kind (no expiry, no id) is refused by name.
    document["version"] = 1
    (tmp_path / "old.enrol").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidInput, match="older kind that never expires"):
        join_agency(tmp_path / "old", tmp_path / "old.enrol", PASSPHRASE, FixedClock(NOW))
    assert not is_profile(tmp_path / "c") and not is_profile(tmp_path / "d")
    assert not (tmp_path / "old").exists()


def test_an_expired_server_certificate_is_refused_until_it_is_renewed(
    server: Server, tmp_path: Path
) -> None:
    _enrol(server, tmp_path / "e.enrol", "")
    station = tmp_path / "station-e"
    join_agency(station, tmp_path / "e.enrol", PASSPHRASE, FixedClock(NOW)).store.close()
    tls_dir = server.profile / "tls"
    ca_cert, ca_key = load_ca((tls_dir / CA_CERT).read_bytes(), (tls_dir / CA_KEY).read_bytes())
    # A certificate from the agency's own CA that ended yesterday.
    expired, key = issue_server_certificate(
        ca_cert, ca_key, "TST", ("localhost",), datetime.now(UTC) - timedelta(days=2), days=1
    )
    install_certificate(server.cluster.superuser, expired, key)
    wait_until_served("localhost", server.cluster.port, expired)
    with pytest.raises(ServerNotTrusted) as refused:
        load_context(station, FixedClock(NOW))
    assert "ใบรับรองหมดอายุ" in refused.value.th and "expired" in refused.value.en
    assert "anuyat server renew-cert" in refused.value.en
    until = renew_server_certificate(server.profile, server.cluster.superuser, FixedClock(NOW))
    assert until > NOW + timedelta(days=700)
    reopened = load_context(station, FixedClock(NOW))
    reopened.store.close()


def test_a_workstation_and_a_database_of_different_versions_say_which_to_update(
    server: Server, tmp_path: Path
) -> None:
    _enrol(server, tmp_path / "v.enrol", "")
    station = tmp_path / "station-v"
    join_agency(station, tmp_path / "v.enrol", PASSPHRASE, FixedClock(NOW)).store.close()
    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    head = scripts.get_current_head()
    assert head is not None
    previous = scripts.get_revision(head).down_revision
    as_superuser = make_conninfo(server.cluster.superuser, dbname="anuyat")

    def server_at(revision: object) -> None:
        with psycopg.connect(as_superuser, autocommit=True) as connection:
            connection.execute("UPDATE alembic_version SET version_num = %s", (revision,))

    try:
        # The server was not upgraded yet: the workstation (application role) may not.
        server_at(previous)
        with pytest.raises(ServerSchemaMismatch) as behind:
            load_context(station, FixedClock(NOW))
        assert behind.value.code == "server_schema_behind"
        assert "anuyat server upgrade" in behind.value.en and "เครื่องแม่ข่าย" in behind.value.th
        # A newer Anuyat upgraded the server: this workstation must be updated.
        server_at("9999_from_a_newer_anuyat")
        with pytest.raises(ServerSchemaMismatch) as newer:
            load_context(station, FixedClock(NOW))
        assert newer.value.code == "server_schema_newer"
        assert "Update Anuyat here" in newer.value.en
    finally:
        server_at(head)
    load_context(station, FixedClock(NOW)).store.close()


def test_doctor_checks_the_link_the_role_and_the_certificate(
    server: Server, tmp_path: Path
) -> None:
    from app.doctor import _agency_server, _backup
    from app.settings import load_settings

    _enrol(server, tmp_path / "d.enrol", "")
    station = tmp_path / "station-d"
    join_agency(station, tmp_path / "d.enrol", PASSPHRASE, FixedClock(NOW)).store.close()
    checkup = check_server(station)
    assert checkup is not None and checkup.certificate_until is not None
    assert checkup.least_privilege and not checkup.owns_tables
    fine = _agency_server(station, NOW)
    assert fine.ok and not fine.warning
    assert f"anuyat_app_{checkup.role.rsplit('_', 1)[1]}, application role, over TLSv1." in (
        fine.detail
    )
    assert checkup.role.startswith("anuyat_app_st")
    assert "server certificate until" in fine.detail
    soon = _agency_server(station, checkup.certificate_until - timedelta(days=10))
    assert soon.ok and "anuyat server renew-cert" in soon.warning
    own = _agency_server(server.profile, NOW)
    assert own.ok and "migration role (the server profile)" in own.detail
    # A link to where no server answers: said, with what to check.
    elsewhere = tmp_path / "station-elsewhere"
    link = (station / LINK_FILE).read_text(encoding="utf-8")
    elsewhere.mkdir()
    (elsewhere / LINK_FILE).write_text(
        link.replace(f":{server.cluster.port}/", f":{free_port()}/"), encoding="utf-8"
    )
    lost = _agency_server(elsewhere, NOW)
    assert not lost.ok and "cannot connect" in lost.detail and "renew-cert" in lost.fix
    assert _agency_server(tmp_path / "a-station-profile", NOW).ok
    # A workstation has no backup folder to set: the server backs the agency up.
    backup = _backup(load_settings(), station, NOW)
    assert backup.ok and not backup.warning and "agency server" in backup.detail


def test_a_server_that_does_not_answer_leaves_no_key_behind(
    server: Server, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    ca_pem = (server.profile / "tls" / CA_CERT).read_text(encoding="ascii")
    nowhere = Enrolment(
        agency_code="TST", station_code="ST99", host="localhost", port=free_port(),
        database="anuyat", role="anuyat_app", password="unused", ca_cert_pem=ca_pem,
        master_key_hex="11" * 32, enrolment_id="00000000-0000-4000-8000-000000000099",
        expires_at=(NOW + timedelta(days=1)).isoformat(),
    )  # fmt: skip
    sealed = tmp_path / "nowhere.enrol"
    sealed.write_bytes(seal_enrolment(nowhere, PASSPHRASE, NOW.isoformat(), kdf=FAST_KDF))
    before = dict(memory_keyring.secrets)
    with pytest.raises(ServerUnreachable) as unreachable:
        join_agency(tmp_path / "n", sealed, PASSPHRASE, FixedClock(NOW))
    assert "ติดต่อเครื่องแม่ข่ายของหน่วยงานไม่ได้" in unreachable.value.th
    assert "cannot be reached" in unreachable.value.en
    assert memory_keyring.secrets == before  # the agency's key did not stay behind
    assert "11" * 32 not in memory_keyring.secrets.values()


def test_enrolments_at_the_same_moment_get_different_codes(server: Server, tmp_path: Path) -> None:
    contexts = [load_context(server.profile, FixedClock(NOW)) for _ in range(4)]
    start = threading.Barrier(len(contexts))

    def enrol(i: int) -> str:
        start.wait()
        out = tmp_path / f"at-once-{i}.enrol"
        return enrol_station(
            contexts[i], out, PASSPHRASE, superuser=server.cluster.superuser, kdf=FAST_KDF
        ).code

    try:
        with ThreadPoolExecutor(len(contexts)) as pool:
            codes = list(pool.map(enrol, range(len(contexts))))
    finally:
        for context in contexts:
            context.store.close()
    assert len(set(codes)) == len(codes)
    assert all((tmp_path / f"at-once-{i}.enrol").exists() for i in range(len(codes)))


def test_an_expired_enrolment_file_is_refused_and_changes_nothing(
    server: Server, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    enrol_station(
        _opened(server), tmp_path / "late.enrol", PASSPHRASE, superuser=server.cluster.superuser,
        kdf=FAST_KDF, valid_for=timedelta(hours=2),
    )  # fmt: skip
    before = dict(memory_keyring.secrets)
    later = FixedClock(NOW + timedelta(hours=2, minutes=1))
    with pytest.raises(InvalidInput) as expired:
        join_agency(tmp_path / "late", tmp_path / "late.enrol", PASSPHRASE, later)
    assert expired.value.code == "enrolment_expired"
    assert "หมดอายุแล้วเมื่อ" in expired.value.th and "2026-11-25 12:00" in expired.value.th
    assert "expired on 2026-11-25 12:00" in expired.value.en and "new one" in expired.value.en
    assert not (tmp_path / "late").exists() and memory_keyring.secrets == before
    # Asked for longer than a month: refused, no station made.
    with pytest.raises(InvalidInput, match="between one hour and 30 days"):
        enrol_station(
            _opened(server), tmp_path / "long.enrol", PASSPHRASE,
            superuser=server.cluster.superuser, kdf=FAST_KDF, valid_for=timedelta(days=31),
        )  # fmt: skip
    assert not (tmp_path / "long.enrol").exists()


def test_an_enrolment_file_joins_one_computer_once_even_when_two_try_at_the_same_moment(
    server: Server, tmp_path: Path
) -> None:
    code = _enrol(server, tmp_path / "once.enrol", "Shared by mistake")
    start = threading.Barrier(2)

    def join(folder: str) -> str:
        start.wait()
        try:
            joined = join_agency(tmp_path / folder, tmp_path / "once.enrol", PASSPHRASE,
                                 FixedClock(NOW))  # fmt: skip
        except InvalidInput as refused:
            return refused.code
        with joined.store.reads() as session:  # it works, with the role's new password
            assert session.scalars(select(Station.code)).all()
        joined.store.close()
        return "joined"

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(join, ["first-pc", "second-pc"]))
    assert outcomes == ["enrolment_used", "joined"]
    # The password sealed in the file no longer logs in: the joined station replaced it.
    enrolment = open_enrolment(tmp_path / "once.enrol", PASSPHRASE)
    ca_file = tmp_path / "agency-ca.crt"
    ca_file.write_text(enrolment.ca_cert_pem, encoding="ascii")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(
            host=enrolment.host, port=enrolment.port, dbname=enrolment.database,
            user=enrolment.role, password=enrolment.password, sslmode="verify-full",
            sslrootcert=str(ca_file), connect_timeout=10,
        ).close()  # fmt: skip
    # Later, with the same file: refused, naming the revocation to use if it went astray.
    with pytest.raises(InvalidInput) as used:
        join_agency(tmp_path / "third-pc", tmp_path / "once.enrol", PASSPHRASE, FixedClock(NOW))
    assert "ใช้ได้ครั้งเดียว" in used.value.th
    assert "used already" in used.value.en and f"revoke-station {code}" in used.value.en
    context = _opened(server)
    with context.unit_of_work(SYSTEM) as uow:
        station = uow.session.scalars(select(Station).where(Station.code == code)).one()
        assert station.joined_at == NOW and station.enrolment_id is not None
        joins = uow.session.scalars(
            select(Event.type).where(
                Event.aggregate_id == station.id, Event.type == "station.joined"
            )
        ).all()
    assert len(joins) == 1
    # An unused file of a revoked station joins nothing either: its role is locked, and its
    # id is gone from the station's row.
    revoked = _enrol(server, tmp_path / "unused.enrol", "Stolen before it was used")
    revoke_station(context, revoked, superuser=server.cluster.superuser)
    with pytest.raises(InvalidInput, match="station was locked out") as refused:
        join_agency(tmp_path / "thief", tmp_path / "unused.enrol", PASSPHRASE, FixedClock(NOW))
    assert refused.value.code == "enrolment_used"
    with context.unit_of_work(SYSTEM) as uow:
        gone = uow.session.scalars(select(Station).where(Station.code == revoked)).one()
        assert gone.enrolment_id is None and gone.joined_at is None
