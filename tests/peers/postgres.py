"""A real PostgreSQL server on 127.0.0.1 for the tests that prove SQL runs on the agency
profile's engine too (no mocks).

Loaded by ``pytest_plugins`` in ``tests/conftest.py``. ``postgres_url`` (session) starts one
private cluster (``initdb`` + ``pg_ctl`` on a temporary folder, trust authentication, loopback
only) and gives a SQLAlchemy URL (``postgresql+psycopg``) to an empty database per test through
``postgres_database``. ``initdb`` and ``pg_ctl`` refuse to run as root, so as root (CI) they run
as the ``postgres`` user on a folder it owns.

PostgreSQL not installed: the tests FAIL, naming the package (``make test`` installs it:
``installer/install-system-deps.sh run test``). A missing peer is never a skip.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.peers.loopback import free_port
from tests.peers.tools import require_tool

__all__ = ["clone_database", "drop_database", "postgres_database", "postgres_url"]

_counter = itertools.count(1)


def _bin_dir() -> str:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    search = os.pathsep.join([*(str(v) for v in versions), os.environ.get("PATH", "")])
    return str(Path(require_tool("initdb", "postgresql", search_path=search)).parent)


def _run(args: list[str], as_postgres: bool) -> None:
    if as_postgres:
        args = [require_tool("runuser", "util-linux"), "-u", "postgres", "--", *args]
    subprocess.run(args, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    bin_dir = _bin_dir()
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="anuyat-pg-"))
    if as_postgres:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    data, port = root / "data", free_port()
    _run(
        [f"{bin_dir}/initdb", "-D", str(data), "-A", "trust", "-U", "anuyat",
         "--encoding=UTF8", "--locale=C.UTF-8"],
        as_postgres,
    )  # fmt: skip
    _run(
        [f"{bin_dir}/pg_ctl", "-D", str(data), "-l", str(root / "log"), "-w", "start",
         # A throw-away cluster: no fsync (CREATE DATABASE per test would checkpoint to disk).
         "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off"],
        as_postgres,
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://anuyat@127.0.0.1:{port}"
    finally:
        _run([f"{bin_dir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"], as_postgres)
        shutil.rmtree(root, ignore_errors=True)


def _admin(server_url: str) -> object:
    from sqlalchemy import create_engine

    return create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")


def clone_database(server_url: str, template: str | None = None) -> str:
    """A new database on the server (a copy of ``template`` when given); its URL."""
    from sqlalchemy import Engine, text

    name = f"t{os.getpid()}_{next(_counter)}"
    admin = _admin(server_url)
    assert isinstance(admin, Engine)
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    return f"{server_url}/{name}"


def drop_database(database_url: str) -> None:
    from sqlalchemy import Engine, text

    server_url, name = database_url.rsplit("/", 1)
    admin = _admin(server_url)
    assert isinstance(admin, Engine)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres_database(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database on the session's server; dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"t{os.getpid()}_{next(_counter)}"
    admin = create_engine(f"{postgres_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{postgres_url}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
