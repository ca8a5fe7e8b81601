"""``anuyat server init``, ``anuyat server enrol-station`` and ``anuyat join`` as an IT person
types them, against a bare real cluster (tests/peers/postgres_bare.py)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from app.cli import main
from services.server.cluster import HBA_MARK
from services.store.engine import is_profile
from tests.conftest import STAFF_PASSWORD, MemoryKeyring
from tests.peers.postgres_bare import BareCluster

PASSPHRASE = "ช้างเผือก กินหญ้า ริมน้ำ"


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ANUYAT_CONFIG_DIR", str(config))
    monkeypatch.delenv("ANUYAT_DATA_DIR", raising=False)
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)


def test_init_enrol_and_join_from_the_command_line(
    bare_postgres: BareCluster,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    server, station = tmp_path / "server", tmp_path / "station"
    agency = ["--agency-name-th", "เทศบาลตำบลทดสอบ", "--agency-name-en", "Test Municipality",
              "--agency-code", "TST", "--agency-number", "ทส 52001",
              "--agency-email", "saraban@test.example.go.th"]  # fmt: skip
    # A range pg_hba.conf could not read is refused before the server is touched.
    assert main(
        ["--data-dir", str(server), "server", "init", "--superuser", bare_postgres.superuser,
         "--host", "localhost", "--allow-from", "the office", *agency]
    ) == 2  # fmt: skip
    assert "192.168.1.0/24" in capsys.readouterr().err
    # A name that does not lead to this server: said so, and what was made is removed again
    # (the init below reuses every name).
    assert main(
        ["--data-dir", str(server), "server", "init", "--superuser", bare_postgres.superuser,
         "--host", "127.0.0.2", *agency]
    ) == 2  # fmt: skip
    unreachable = capsys.readouterr().err
    assert "127.0.0.2" in unreachable and "--host" in unreachable and "were removed" in unreachable
    assert not server.exists()
    assert not memory_keyring.secrets  # no key nor password left for roles that are gone
    assert main(
        ["--data-dir", str(server), "server", "init", "--superuser", bare_postgres.superuser,
         "--host", "localhost", "--agency-name-th", "เทศบาลตำบลทดสอบ",
         "--agency-name-en", "Test Municipality", "--agency-code", "TST",
         "--agency-number", "ทส 52001", "--agency-email", "saraban@test.example.go.th"]
    ) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "hostssl   anuyat anuyat_owner,+anuyat_app samenet scram-sha-256" in said
    assert "anuyat server enrol-station" in said
    # A second init on the same cluster is refused before anything is changed.
    assert main(
        ["--data-dir", str(tmp_path / "again"), "server", "init", "--superuser",
         bare_postgres.superuser, "--host", "localhost", "--agency-name-th", "ทดสอบ",
         "--agency-name-en", "Test", "--agency-code", "TST", "--agency-number", "1",
         "--agency-email", "saraban@test.example.go.th"]
    ) == 2  # fmt: skip
    refused = capsys.readouterr().err
    assert "database anuyat" in refused and "ไม่ได้เปลี่ยนแปลงอะไร" in refused
    assert not (tmp_path / "again").exists()

    monkeypatch.setenv("ANUYAT_ENROL_PASSPHRASE", PASSPHRASE)
    enrolment = tmp_path / "desk.enrol"
    assert main(
        ["--data-dir", str(server), "server", "enrol-station", "--out", str(enrolment),
         "--name", "โต๊ะผู้อนุมัติ", "--superuser", bare_postgres.superuser]
    ) == 0  # fmt: skip
    assert "Station ST1 registered" in capsys.readouterr().out

    monkeypatch.setenv("ANUYAT_ENROL_PASSPHRASE", "a wrong passphrase")
    assert main(["--data-dir", str(station), "join", str(enrolment)]) == 2
    wrong = capsys.readouterr().err
    assert "วลีรหัสผ่านไม่ถูกต้อง" in wrong and "The passphrase is wrong" in wrong
    assert not station.exists()

    monkeypatch.setenv("ANUYAT_ENROL_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(station), "join", str(enrolment)]) == 0
    assert "station ST1" in capsys.readouterr().out
    assert is_profile(station)
    # The joined station works on the agency's database: it lists its (no) requests.
    assert main(["--data-dir", str(station), "apps", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    # On the server, "upgrade" finds the database current; a workstation's folder is refused.
    assert main(["--data-dir", str(server), "server", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["--data-dir", str(station), "server", "upgrade"]) == 2
    assert "is not the server's profile" in capsys.readouterr().err
    # Enrolment is the server's act: a workstation's folder is refused, naming what to do.
    assert main(
        ["--data-dir", str(station), "server", "enrol-station", "--out", str(tmp_path / "x")]
    ) == 2  # fmt: skip
    assert "Run this on the server" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
    # The agency's master key leaves the server only sealed: its recovery file.
    monkeypatch.setenv("ANUYAT_RECOVERY_PASSPHRASE", PASSPHRASE)
    recovery = tmp_path / "agency-recovery.key"
    assert main(["--data-dir", str(server), "recovery", "export", "--out", str(recovery)]) == 0
    assert recovery.stat().st_mode & 0o777 == 0o600
    # A lost workstation is locked out; the others work on.
    assert main(
        ["--data-dir", str(server), "server", "revoke-station", "st1",
         "--superuser", bare_postgres.superuser]
    ) == 0  # fmt: skip
    assert "Station ST1 is locked out" in capsys.readouterr().out
    assert main(["--data-dir", str(station), "apps", "list"]) == 2
    refused = capsys.readouterr().err
    assert "ไม่รับเครื่องนี้แล้ว" in refused and "no longer admits this workstation" in refused


def _cluster_files(cluster: BareCluster) -> dict[str, bytes]:
    data = cluster.root / "data"
    return {name: (data / name).read_bytes() for name in ("pg_hba.conf", "postgresql.auto.conf")}


def test_a_failed_init_puts_the_cluster_back_and_a_second_try_works(
    bare_postgres: BareCluster,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    def init(folder: str, names: str, host: str) -> int:
        return main(
            ["--data-dir", str(tmp_path / folder), "server", "init",
             "--superuser", bare_postgres.superuser, "--host", host,
             "--database", names, "--owner-role", f"{names}_owner", "--app-role", f"{names}_app",
             "--agency-name-th", "เทศบาลตำบลลองใหม่", "--agency-name-en", "Retry Municipality",
             "--agency-code", "RTY", "--agency-number", "ลม 52002",
             "--agency-email", "saraban@retry.example.go.th"]
        )  # fmt: skip

    # A --host that does not lead to this server fails after pg_hba.conf was written and
    # TLS switched on (ALTER SYSTEM): both files are put back byte for byte.
    before = _cluster_files(bare_postgres)
    assert init("first", "retry_a", "127.0.0.2") == 2
    said = capsys.readouterr().err
    assert "pg_hba.conf put back as they were" in said and "pg_hba.conf" in said
    assert _cluster_files(bare_postgres) == before
    assert not (tmp_path / "first").exists() and not memory_keyring.secrets
    # Once the name is right, the same command works: nothing of the first try is in its way.
    assert init("first", "retry_a", "localhost") == 0
    capsys.readouterr()
    hba = (bare_postgres.root / "data" / "pg_hba.conf").read_text(encoding="utf-8")
    assert hba.startswith(HBA_MARK) and hba.count("hostnossl retry_a all all reject") == 1
    # A failed try on a cluster that already serves an agency takes out only its own block
    # and gives the earlier block its mark back: the earlier agency's lines stay as they were.
    served = _cluster_files(bare_postgres)
    assert init("second", "retry_b", "127.0.0.2") == 2
    capsys.readouterr()
    assert _cluster_files(bare_postgres) == served
    with psycopg.connect(bare_postgres.superuser, autocommit=True) as connection:
        left = connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'retry_b%' "
            "UNION ALL SELECT datname FROM pg_database WHERE datname = 'retry_b'"
        ).fetchall()
    assert left == []
