"""``anuyat server init``, ``anuyat server enrol-station`` and ``anuyat join`` as an IT person
types them, against a bare real cluster (tests/peers/postgres_bare.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from services.store.engine import is_profile
from tests.conftest import STAFF_PASSWORD
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
) -> None:
    server, station = tmp_path / "server", tmp_path / "station"
    assert main(
        ["--data-dir", str(server), "server", "init", "--superuser", bare_postgres.superuser,
         "--host", "localhost", "--agency-name-th", "เทศบาลตำบลทดสอบ",
         "--agency-name-en", "Test Municipality", "--agency-code", "TST",
         "--agency-number", "ทส 52001", "--agency-email", "saraban@test.example.go.th"]
    ) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "hostssl   anuyat anuyat_owner,anuyat_app samenet scram-sha-256" in said
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
         "--name", "โต๊ะผู้อนุมัติ"]
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
