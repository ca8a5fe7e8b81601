"""Turn on TLS in the PostgreSQL cluster and admit the agency's roles over TLS only.

Run on the server machine, as the account that owns the cluster (or root/Administrator):
the certificate and key are written into the cluster's data folder, ``ssl`` is switched on
with ``ALTER SYSTEM`` (kept in ``postgresql.auto.conf``), and lines are put at the *top* of
``pg_hba.conf`` (the first matching line decides): the agency's database refuses any
connection without TLS and accepts its two roles with TLS and a SCRAM password. Then the
configuration is reloaded — no restart, so other databases on the cluster keep working.

``listen_addresses`` needs a restart to change; :func:`configure_cluster` says when it does.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from services.kernel.errors import AnuyatError
from services.kernel.fsutil import write_atomically
from services.server.roles import ServerRoles, superuser_connection
from services.server.tls import SERVER_CERT, SERVER_KEY, AgencyTls, write_private

__all__ = [
    "HBA_MARK",
    "ClusterReport",
    "hba_lines",
    "configure_cluster",
    "install_certificate",
]

HBA_MARK = "# anuyat: the agency's database over TLS only (anuyat server init)"

_SSL_WAIT_SECONDS = 15.0


@dataclass(frozen=True)
class ClusterReport:
    """What was changed, for the administrator to read (and undo if they must)."""

    cert_file: Path
    key_file: Path
    hba_file: Path
    hba_lines: tuple[str, ...]
    listen_addresses: str


def hba_lines(roles: ServerRoles, allow_from: str) -> tuple[str, ...]:
    """``allow_from``: an address range (``192.168.1.0/24``) or ``samenet``."""
    who = f"{roles.owner},+{roles.app}"  # +: any member of the application role
    return (
        HBA_MARK,
        f"hostnossl {roles.database} all all reject",
        f"hostssl   {roles.database} {who} {allow_from} scram-sha-256",
        f"hostssl   {roles.database} all all reject",
    )


def _replace_keeping_owner(path: Path, text: str) -> None:
    """Rewrite ``path`` whole, keeping its owner and mode (the server must still read it)."""
    before = path.stat()
    write_atomically(path, text.encode("utf-8"))
    os.chmod(path, before.st_mode & 0o777)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(path, before.st_uid, before.st_gid)


def _prepend_hba(hba_file: Path, lines: tuple[str, ...]) -> None:
    current = hba_file.read_text(encoding="utf-8")
    if HBA_MARK in current:  # set up before (a second database): keep the old block too
        current = current.replace(HBA_MARK, "# (earlier) " + HBA_MARK.removeprefix("# "))
    _replace_keeping_owner(hba_file, "\n".join(lines) + "\n\n" + current)


def _show(connection: psycopg.Connection, name: str) -> str:
    row = connection.execute(sql.SQL("SHOW {}").format(sql.Identifier(name))).fetchone()
    return str(row[0]) if row else ""


def _wait_for_ssl(conninfo: str) -> None:
    # pg_reload_conf() only signals the server; new sessions see the change once it has
    # re-read its files, a moment later.
    deadline = time.monotonic() + _SSL_WAIT_SECONDS
    while True:
        with superuser_connection(conninfo) as connection:
            if _show(connection, "ssl") == "on":
                return
            if time.monotonic() > deadline:
                raise AnuyatError(
                    "PostgreSQL ยังไม่เปิดใช้ TLS หลังโหลดการตั้งค่าใหม่ — ดูบันทึกของ PostgreSQL "
                    "(ใบรับรองหรือกุญแจอ่านไม่ได้?) แล้วสั่ง anuyat server init อีกครั้ง",
                    "PostgreSQL did not turn TLS on after reloading its settings. Read the "
                    "PostgreSQL log (certificate or key unreadable?), then run anuyat server "
                    "init again.",
                    code="server_ssl_off",
                )
        time.sleep(0.2)


def _write_certificate(
    connection: psycopg.Connection, cert_pem: bytes, key_pem: bytes
) -> tuple[Path, Path]:
    data_dir = Path(_show(connection, "data_directory"))
    cert_file, key_file = data_dir / SERVER_CERT, data_dir / SERVER_KEY
    write_private(cert_file, cert_pem, owner_of=data_dir)
    write_private(key_file, key_pem, owner_of=data_dir)
    return cert_file, key_file


def install_certificate(conninfo: str, cert_pem: bytes, key_pem: bytes) -> Path:
    """Replace the server's certificate and key (a renewal) and reload; the certificate file."""
    with superuser_connection(conninfo) as connection:
        cert_file, _ = _write_certificate(connection, cert_pem, key_pem)
        connection.execute("SELECT pg_reload_conf()")
    # TLS was on and stays on: new sessions get the new certificate once the server has
    # re-read its files; the caller proves it by connecting as a station does.
    return cert_file


def configure_cluster(
    conninfo: str, tls: AgencyTls, roles: ServerRoles, allow_from: str
) -> ClusterReport:
    """Write the certificate, switch TLS on, admit the roles over TLS only, reload."""
    with superuser_connection(conninfo) as connection:
        hba_file = Path(_show(connection, "hba_file"))
        listen = _show(connection, "listen_addresses")
        cert_file, key_file = _write_certificate(connection, tls.server_cert, tls.server_key)
        lines = hba_lines(roles, allow_from)
        _prepend_hba(hba_file, lines)
        for name, value in (
            ("ssl_cert_file", str(cert_file)),
            ("ssl_key_file", str(key_file)),
            ("ssl_min_protocol_version", "TLSv1.2"),
            ("password_encryption", "scram-sha-256"),
            ("ssl", "on"),
        ):
            connection.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value))
            )
        connection.execute("SELECT pg_reload_conf()")
    _wait_for_ssl(conninfo)
    return ClusterReport(cert_file, key_file, hba_file, lines, listen)
