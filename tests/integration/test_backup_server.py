"""``anuyat backup verify --server``: an agency database dumped with installer/pg-backup.sh and
restored with pg_restore onto the real PostgreSQL peer is checked whole (migration head,
audit chains, rows against events, every document's blob read and authenticated, counts
equal to the live server's), and a restored copy missing a blob or with an edited event is
refused, saying which."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_backup)
from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from app.cli import main
from services.access import auth
from services.kernel.actors import SYSTEM, Actor
from services.kernel.clock import FixedClock
from services.store.profile import AgencySetup, initialise_profile, load_context
from tests.conftest import STAFF_PASSWORD, _link_to
from tests.integration.test_backup import register, scans
from tests.peers.postgres import clone_database, drop_database

SCRIPT = Path(__file__).resolve().parents[2] / "installer" / "pg-backup.sh"


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_a_restored_server_is_checked_whole_and_damage_is_named(
    postgres_url: str, memory_keyring, scans, tmp_path: Path, capsys
) -> None:
    live = clone_database(postgres_url)
    restored = clone_database(postgres_url)
    try:
        profile = tmp_path / "agency"
        profile.mkdir()
        _link_to(profile, live)
        clock = FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))
        initialise_profile(
            profile,
            AgencySetup(name_th="เทศบาลตำบลทดสอบ", name_en="Test Municipality", code="TST",
                        number="ทส 52001", email="saraban@test.example.go.th", phone="042"),
            admin_username="admin", admin_password=STAFF_PASSWORD,
            admin_display_name="ผู้ดูแล ระบบ", clock=clock,
        ).close()  # fmt: skip
        context = load_context(profile, clock)
        try:
            with context.unit_of_work(SYSTEM) as uow:
                auth.create_user(uow, username="intake", display_name="นางสาวรับ เรื่อง",
                                 password=STAFF_PASSWORD, roles=["intake"])  # fmt: skip
            from services.api.ports import build_ports

            intake = build_ports(context).shell.sign_in("intake", STAFF_PASSWORD)
            register(context, Actor.from_user(intake), scans, 2)
        finally:
            context.store.close()

        dumps = tmp_path / "dumps"
        done = subprocess.run([SCRIPT, _libpq(live), dumps], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        (dump,) = dumps.glob("anuyat-*.dump")
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", _libpq(restored), dump], check=True,
            capture_output=True,
        )  # fmt: skip

        base = ["--data-dir", str(profile), "backup", "verify", "--server", _libpq(restored)]
        assert main([*base, "--against", _libpq(live)]) == 0
        out = capsys.readouterr().out
        assert "Restored database verified" in out and "authenticated" in out
        assert "row counts equal to the live server's" in out

        engine = create_engine(restored)
        with engine.begin() as connection:
            connection.execute(
                text("DELETE FROM stored_blob WHERE sha256 = (SELECT min(sha256) FROM stored_blob)")
            )
        assert main(base) == 2
        assert "missing from stored_blob" in capsys.readouterr().err
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE event SET payload = '{}' WHERE seq = (SELECT max(seq) FROM event)")
            )
        engine.dispose()
        assert main(base) == 2
        assert "audit chain is broken" in capsys.readouterr().err
    finally:
        drop_database(restored)
        drop_database(live)
