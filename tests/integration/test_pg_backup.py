"""The agency server's database backup script (installer/pg-backup.sh) on a real PostgreSQL."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "pg-backup.sh"


def test_the_dump_is_whole_readable_and_named_only_once_it_is(
    postgres_database: str, tmp_path: Path
) -> None:
    engine = create_engine(postgres_database)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE request_probe (id int, subject text)"))
        connection.execute(text("INSERT INTO request_probe VALUES (1, 'ขออนุญาตจำหน่ายอาหาร')"))
    engine.dispose()
    url = postgres_database.replace("postgresql+psycopg://", "postgresql://")
    folder = tmp_path / "db-backups"
    done = subprocess.run([SCRIPT, url, folder], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (dump,) = folder.glob("anuyat-*.dump")
    listing = subprocess.run(["pg_restore", "--list", dump], capture_output=True, text=True)
    assert "TABLE DATA public request_probe" in listing.stdout
    data = subprocess.run(["pg_restore", "--data-only", "-f", "-", dump], capture_output=True)
    assert "ขออนุญาตจำหน่ายอาหาร".encode() in data.stdout
    # A database that cannot be reached: a non-zero exit, no dump and no leftover.
    broken = subprocess.run(
        [SCRIPT, url.rsplit("/", 1)[0] + "/no_such_db", folder], capture_output=True, text=True
    )
    assert broken.returncode != 0 and "no_such_db" in broken.stderr
    assert sorted(p.name for p in folder.iterdir()) == [dump.name]
