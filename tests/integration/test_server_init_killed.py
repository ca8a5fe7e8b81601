"""``anuyat server init`` killed (SIGKILL) at chosen steps, then run again: it says what the
killed setup left, undoes it, and sets the server up whole — one database, one block of
``pg_hba.conf`` lines, the keyring holding this profile's two secrets only.

The real command runs in a child process against a bare real cluster
(tests/peers/postgres_bare.py), with its keyring in a file both processes read
(tests/file_keyring.py). The child kills itself just after the setup's journal
(services.server.init_journal) records the chosen step — the journal is written before
each step's changes, so a kill there leaves everything before it done and nothing of it —
or just after it records the n-th change to the cluster (the changes before it made).
Nothing in the product is there for the test: the child wraps the journal's own methods.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest

from app.cli import main
from services.server.init_journal import JOURNAL_FILE
from services.store import keys
from tests.conftest import STAFF_PASSWORD
from tests.file_keyring import FileKeyring, child_env
from tests.peers.postgres_bare import BareCluster

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os
    import signal
    import sys

    from services.server import init_journal

    aim, _, nth = sys.argv[1].partition(":")
    Journal = init_journal.InitJournal
    if aim == "undo":  # the next init, killed while it undoes: the cluster put back, no more
        from services.server import setup

        def drop_database_and_roles(conninfo, roles):
            os.kill(os.getpid(), signal.SIGKILL)

        setup.drop_database_and_roles = drop_database_and_roles
    elif aim == "cluster-change":
        noted = []
        real_cluster = Journal.note_cluster

        def note_cluster(self, changes):
            real_cluster(self, changes)
            noted.append(1)
            if len(noted) == int(nth):
                os.kill(os.getpid(), signal.SIGKILL)

        Journal.note_cluster = note_cluster
    else:
        real_note = Journal.note

        def note(self, step):
            real_note(self, step)
            if step == aim:
                os.kill(os.getpid(), signal.SIGKILL)

        Journal.note = note

    from app.cli import main

    sys.exit(main(sys.argv[2:]))
    """
)

# Where the kill lands, and what the killed setup has done by then.
AIMS = {
    "cluster": "the database and roles made",
    # The cluster is already set up for TLS by then (the first case's agency): the second
    # change noted is pg_hba.conf's, after the server's certificate was replaced.
    "cluster-change:2": "the server's certificate replaced, pg_hba.conf about to change",
    "files": "the cluster configured (TLS on, pg_hba.conf reloaded)",
    "profile": "the CA, setup and link files written, the password in the keyring",
    "finishing": "the tables migrated, the master key in the keyring, the administrator made",
}


@pytest.fixture
def ring(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(path))
    try:
        yield path
    finally:
        keyring.set_keyring(previous)


def _kill_init_at(aim: str, args: list[str], ring: Path) -> None:
    """Run ``anuyat server init`` with ``args`` in a child that kills itself at ``aim``."""
    killed = subprocess.run(
        [sys.executable, "-c", CHILD, aim, *args],
        cwd=ROOT,
        env=child_env(ring),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -9, killed.stderr[-3000:]


def _init_args(server: Path, cluster: BareCluster, n: int) -> list[str]:
    return [
        "--data-dir", str(server), "server", "init", "--superuser", cluster.superuser,
        "--host", "localhost", "--database", f"agency_{n}", "--owner-role", f"k{n}_owner",
        "--app-role", f"k{n}_app", "--agency-name-th", "เทศบาลตำบลทดสอบ",
        "--agency-name-en", "Test Municipality", "--agency-code", "TST",
        "--agency-number", "ทส 52001", "--agency-email", "saraban@test.example.go.th",
    ]  # fmt: skip


def _hba_lines_naming(cluster: BareCluster, database: str) -> list[str]:
    with psycopg.connect(cluster.superuser) as connection:
        row = connection.execute("SHOW hba_file").fetchone()
    assert row is not None
    text = Path(row[0]).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if f" {database} " in line]


@pytest.mark.parametrize("aim", list(AIMS))
def test_a_killed_init_is_undone_by_the_next_and_the_server_set_up_whole(
    bare_postgres: BareCluster,
    tmp_path: Path,
    ring: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    aim: str,
) -> None:
    n = list(AIMS).index(aim)
    server = tmp_path / "server"
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ANUYAT_CONFIG_DIR", str(config))
    monkeypatch.delenv("ANUYAT_DATA_DIR", raising=False)
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    args = _init_args(server, bare_postgres, n)

    _kill_init_at(aim, args, ring)
    assert (server / JOURNAL_FILE).exists(), AIMS[aim]
    with psycopg.connect(bare_postgres.superuser) as connection:
        made = connection.execute(
            "SELECT count(*) FROM pg_database WHERE datname = %s", (f"agency_{n}",)
        ).fetchone()
    assert made == (1,), f"killed after {AIMS[aim]}: the database should be there"
    left_secrets = json.loads(ring.read_text()) if ring.exists() else {}

    # Run again, as the IT person would: told, undone, set up.
    assert main(args) == 0
    said = capsys.readouterr().out
    assert "was interrupted" in said and "ถูกหยุดกลางคัน" in said
    assert f"agency_{n}" in said and "Then the server is set up anew" in said
    assert "Agency server set up" in said
    assert not (server / JOURNAL_FILE).exists()

    # One block of pg_hba.conf lines for this database, not the killed setup's as well.
    assert len(_hba_lines_naming(bare_postgres, f"agency_{n}")) == 3
    # The keyring holds this profile's key and password, nothing of the killed setup's.
    pid = keys.read_profile_id(server)
    entries = json.loads(ring.read_text())
    assert sorted(entries) == sorted(
        [f"anuyat\x1fprofile-key:{pid}", f"anuyat\x1fserver-password:{pid}"]
    )
    assert not set(left_secrets) & set(entries)
    # The server works: it opens, migrates nothing more, and a second init is refused.
    assert main(["--data-dir", str(server), "server", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(args) == 2
    assert "is a profile already" in capsys.readouterr().err


def test_an_init_killed_while_it_undoes_a_killed_one_is_finished_by_the_next(
    bare_postgres: BareCluster,
    tmp_path: Path,
    ring: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = tmp_path / "server"
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ANUYAT_CONFIG_DIR", str(config))
    monkeypatch.delenv("ANUYAT_DATA_DIR", raising=False)
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    args = _init_args(server, bare_postgres, 9)
    for aim in ("files", "undo"):  # killed once set up, then again half-way through its undo
        _kill_init_at(aim, args, ring)
        assert (server / JOURNAL_FILE).exists()
    # The undo that was killed had taken the block out of pg_hba.conf already.
    assert _hba_lines_naming(bare_postgres, "agency_9") == []
    # Another folder knows nothing of it: refused, changing nothing, saying which to use.
    elsewhere = [tmp_path / "elsewhere" if a == str(server) else a for a in args]
    assert main([str(a) for a in elsewhere]) == 2
    refused = capsys.readouterr().err
    assert "same --data-dir" in refused and "--data-dir เดิม" in refused
    assert not (tmp_path / "elsewhere").exists()

    assert main(args) == 0
    said = capsys.readouterr().out
    assert "was interrupted" in said and "Agency server set up" in said
    assert len(_hba_lines_naming(bare_postgres, "agency_9")) == 3
    pid = keys.read_profile_id(server)
    assert sorted(json.loads(ring.read_text())) == sorted(
        [f"anuyat\x1fprofile-key:{pid}", f"anuyat\x1fserver-password:{pid}"]
    )
    assert main(["--data-dir", str(server), "server", "upgrade"]) == 0
