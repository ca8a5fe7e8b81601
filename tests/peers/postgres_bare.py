"""A bare PostgreSQL cluster, as a Debian package leaves one, for ``anuyat server init``.

Unlike ``tests/peers/postgres.py`` (trust on TCP, for the service tests) this cluster admits
nobody over TCP until ``server init`` writes its ``pg_hba.conf`` lines, and has no TLS until
``server init`` switches it on: what the tests prove about TLS and the roles is proved against
the server's own checks. The superuser reaches it over the Unix socket (trust), as the
``postgres`` account does through peer authentication on a real server. As root (CI) the
cluster runs as the ``postgres`` user, on a folder it owns. One cluster per test module:
setting a server up is the slow part, so a module sets it up once.
"""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.peers.loopback import free_port
from tests.peers.postgres import _bin_dir, _run

__all__ = ["BareCluster", "bare_postgres"]


@dataclass(frozen=True)
class BareCluster:
    root: Path
    port: int
    superuser: str
    """libpq connection string of the superuser, over the Unix socket."""


@pytest.fixture(scope="module")
def bare_postgres() -> Iterator[BareCluster]:
    bin_dir = _bin_dir()
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="anuyat-pgbare-"))
    if as_postgres:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    data, port = root / "data", free_port()
    _run(
        [f"{bin_dir}/initdb", "-D", str(data), "--auth-local=trust", "--auth-host=reject",
         "-U", "anuyat", "--encoding=UTF8", "--locale=C.UTF-8"],
        as_postgres,
    )  # fmt: skip
    _run(
        [f"{bin_dir}/pg_ctl", "-D", str(data), "-l", str(root / "log"), "-w", "start",
         "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off"],
        as_postgres,
    )  # fmt: skip
    try:
        yield BareCluster(root, port, f"host={root} port={port} user=anuyat dbname=postgres")
    finally:
        _run([f"{bin_dir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"], as_postgres)
        shutil.rmtree(root, ignore_errors=True)
