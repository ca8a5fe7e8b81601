"""The encrypted store: unreadable without its key, reopened with the recovery key."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import keyring
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from models import Agency, Event
from services.kernel.errors import AnuyatError
from services.store import keys, recovery
from services.store.engine import DB_FILE, StoreLocked, _alembic_config, open_store
from tests.conftest import MemoryKeyring
from tests.peers.tools import require_tool


@pytest.mark.station_store
def test_store_file_is_not_a_database_without_the_key(context, data_dir: Path) -> None:
    db = data_dir / DB_FILE
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(db).execute("SELECT * FROM sqlite_master").fetchall()
    # The sqlite3 program says the same thing.
    sqlite3_program = require_tool("sqlite3", "sqlite3")
    done = subprocess.run([sqlite3_program, str(db), ".tables"], capture_output=True, text=True)
    assert "file is not a database" in done.stderr
    assert b"SQLite format 3" not in db.read_bytes()[:16]


def test_no_plaintext_in_store_or_blobs(context, data_dir: Path) -> None:
    marker = "ใบอนุญาตทดสอบความลับ-SECRET-MARKER"
    context.store.blobs.put(marker.encode("utf-8"))
    with context.store.sessions() as session, session.begin():
        agency = session.scalars(select(Agency)).one()
        agency.address_th = marker
    context.store.close()
    needles = (marker.encode("utf-8"), b"SECRET-MARKER")
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not any(n in content for n in needles), path


def test_schema_is_migrated_on_open(context) -> None:
    with context.store.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        on_sqlite = conn.dialect.name == "sqlite"
        journal = conn.execute(text("PRAGMA journal_mode")).scalar_one() if on_sqlite else "-"
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert version == head
    assert journal == ("wal" if on_sqlite else "-")


def test_an_old_store_is_upgraded_at_start_and_keeps_its_data(data_dir: Path) -> None:
    from alembic import command

    from models.store import create_store_engine

    master = keys.create_master_key(data_dir)
    engine = create_store_engine(data_dir / DB_FILE, keys.store_key_hex(master))
    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO inbound_message (id, source_key, channel, sender, subject, "
                "received_at, outcome) VALUES ('m1', 'key-1', 'email', 'a@example.com', "
                "'ขอใบอนุญาต', '2026-11-25 03:00:00', 'new')"
            )
        )
    engine.dispose()
    store = open_store(data_dir)  # upgrades to head
    try:
        with store.engine.connect() as conn:
            row = conn.execute(
                text("SELECT subject, action_pending, mailbox_uid FROM inbound_message")
            ).one()
    finally:
        store.close()
    assert tuple(row) == ("ขอใบอนุญาต", 0, "")


@pytest.mark.station_store
def test_wrong_key_is_a_clear_error_and_changes_nothing(context, data_dir: Path) -> None:
    context.store.close()
    before = (data_dir / DB_FILE).read_bytes()
    keys.install_master_key(data_dir, b"\x01" * 32)
    with pytest.raises(StoreLocked) as caught:
        open_store(data_dir)
    assert "recovery" in caught.value.en and "กุญแจ" in caught.value.th
    assert (data_dir / DB_FILE).read_bytes() == before


@pytest.mark.station_store
def test_recovery_key_reopens_a_copied_store_on_a_fresh_keyring(
    context, data_dir: Path, tmp_path: Path
) -> None:
    master = keys.load_master_key(data_dir)
    rec_file = tmp_path / "recovery.anuyat-key"
    recovery.export_recovery_file(data_dir, master, "a long passphrase ครับ", rec_file)
    with context.read() as session:
        events_before = session.scalar(select(Event.seq).order_by(Event.seq.desc()).limit(1))
    context.store.close()

    # Another computer: the data folder copied over, an empty keyring.
    copied = tmp_path / "other-machine" / "profile"
    shutil.copytree(data_dir, copied)
    keyring.set_keyring(MemoryKeyring())
    with pytest.raises(AnuyatError) as missing:
        open_store(copied)
    assert "recovery import" in missing.value.en

    recovery.import_recovery_file(copied, rec_file, "a long passphrase ครับ")
    store = open_store(copied)
    try:
        with store.sessions() as session:
            assert session.scalar(select(Event.seq).order_by(Event.seq.desc()).limit(1)) == (
                events_before
            )
            assert session.scalars(select(Agency)).one().code == "TST"
    finally:
        store.close()


def test_no_keyring_refuses_to_open_and_never_writes_plaintext(data_dir: Path) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with pytest.raises(keys.KeyringUnavailable) as caught:
        open_store(data_dir, create=True)
    assert "keyring" in caught.value.en.lower()
    assert not (data_dir / DB_FILE).exists()


def test_migrations_and_models_describe_the_same_schema(context) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from models import Base

    # The search tables are managed by hand (migration 0004), as migrations/env.py says, and
    # so is PostgreSQL's stand-in for rowid (migration 0015).
    def outside_search(name, type_, parent_names):  # type: ignore[no-untyped-def]
        if type_ == "column" and name == "insertion_seq":
            return False
        return not (type_ == "table" and name and name.startswith("search_"))

    with context.store.engine.connect() as conn:
        migration = MigrationContext.configure(
            conn, opts={"include_name": outside_search, "compare_type": True}
        )
        assert compare_metadata(migration, Base.metadata) == []


def test_one_writer_at_a_time_in_a_process(context) -> None:
    """While one thread writes (a sync in the I/O pool), no other thread may start a write."""
    import threading

    from services.kernel.actors import SYSTEM

    tried: list[bool] = []

    def other_writer() -> None:
        got = context._writer.acquire(blocking=False)
        if got:
            context._writer.release()
        tried.append(got)

    with context.writing():
        thread = threading.Thread(target=other_writer)
        thread.start()
        thread.join()
    assert tried == [False]
    with context.unit_of_work(SYSTEM):
        thread = threading.Thread(target=other_writer)
        thread.start()
        thread.join()
    assert tried == [False, False]
    other_writer()  # nobody writing: free
    assert tried == [False, False, True]
