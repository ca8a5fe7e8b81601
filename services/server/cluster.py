"""Turn on TLS in the PostgreSQL cluster and admit the agency's roles over TLS only.

Run on the server machine, as the account that owns the cluster (or root/Administrator):
the certificate and key are written into the cluster's data folder, ``ssl`` is switched on
with ``ALTER SYSTEM`` (kept in ``postgresql.auto.conf``), and lines are put at the *top* of
``pg_hba.conf`` (the first matching line decides): the agency's database refuses any
connection without TLS and accepts its two roles with TLS and a SCRAM password. Then the
configuration is reloaded — no restart, so other databases on the cluster keep working.

``listen_addresses`` needs a restart to change; :func:`configure_cluster` says when it does.

Every change is noted in a :class:`ClusterChanges` as it is made, so a setup that fails at a
later step puts the cluster back as it found it (:meth:`ClusterChanges.undo`): its own block
of ``pg_hba.conf`` lines taken out (found by the comment line it starts with), each setting
it set given back its earlier ``postgresql.auto.conf`` value or ``ALTER SYSTEM RESET``, the
certificate files it wrote removed or restored, and the configuration reloaded. Otherwise a
failed try would leave lines admitting roles that no longer exist, and TLS switched on with
a certificate of a CA nobody keeps.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
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
    "ClusterChanges",
    "hba_lines",
    "configure_cluster",
    "install_certificate",
]

HBA_MARK = "# anuyat: the agency's database over TLS only (anuyat server init)"
_EARLIER_MARK = "# (earlier) " + HBA_MARK.removeprefix("# ")

log = logging.getLogger(__name__)

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


def _hba_block(lines: tuple[str, ...]) -> str:
    return "\n".join(lines) + "\n\n"


def _prepend_hba(hba_file: Path, lines: tuple[str, ...]) -> None:
    current = hba_file.read_text(encoding="utf-8")
    if HBA_MARK in current:  # set up before (a second database): keep the old block too
        current = current.replace(HBA_MARK, _EARLIER_MARK)
    _replace_keeping_owner(hba_file, _hba_block(lines) + current)


def _auto_conf_values(connection: psycopg.Connection, names: list[str]) -> dict[str, str]:
    """What ``postgresql.auto.conf`` (ALTER SYSTEM's file) says of ``names`` now."""
    rows = connection.execute(
        "SELECT name, setting FROM pg_file_settings "
        "WHERE sourcefile LIKE '%%postgresql.auto.conf' AND name = ANY(%s) ORDER BY seqno",
        (names,),
    ).fetchall()
    return {str(name): str(value) for name, value in rows}


@dataclass
class ClusterChanges:
    """What :func:`configure_cluster` changed, noted just before each change (module doc)."""

    conninfo: str
    hba_file: Path | None = None
    hba_lines: tuple[str, ...] = ()
    hba_before: str = ""
    settings_before: dict[str, str | None] = field(default_factory=dict)
    """Each setting set, with its earlier ``postgresql.auto.conf`` value (None: not there)."""
    files_before: dict[Path, bytes | None] = field(default_factory=dict)
    on_note: Callable[[], None] | None = field(default=None, repr=False, compare=False)
    """Told after each change is noted, before it is made: ``server init``'s journal keeps
    them on disk, so a setup killed half-way is undone by the next
    (services.server.init_journal)."""

    def noted(self) -> None:
        if self.on_note is not None:
            self.on_note()

    def undo(self) -> None:
        """Put back what was changed, then reload. Each step is tried even if one fails
        (logged): a setup that failed must not fail louder while it cleans up."""
        with superuser_connection(self.conninfo) as connection:
            for name, value in self.settings_before.items():
                statement = (
                    sql.SQL("ALTER SYSTEM RESET {}").format(sql.Identifier(name))
                    if value is None
                    else sql.SQL("ALTER SYSTEM SET {} = {}").format(
                        sql.Identifier(name), sql.Literal(value)
                    )
                )
                self._try(f"restore {name}", partial(connection.execute, statement))
            self._try("restore pg_hba.conf", self._undo_hba)
            for path, data in self.files_before.items():
                self._try(f"restore {path}", partial(_restore_file, path, data))
            connection.execute("SELECT pg_reload_conf()")

    @staticmethod
    def _try(what: str, step: Callable[[], object]) -> None:
        try:
            step()
        except (OSError, psycopg.Error) as exc:
            log.error("undoing the cluster's setup: %s failed: %r", what, exc)

    def _undo_hba(self) -> None:
        if self.hba_file is None:
            return
        current = self.hba_file.read_text(encoding="utf-8")
        block = _hba_block(self.hba_lines)
        if block not in current:
            log.error("undoing the cluster's setup: %s no longer holds its block", self.hba_file)
            return
        before, _, after = current.partition(block)
        if HBA_MARK in self.hba_before:  # the block this one renamed gets its mark back
            after = after.replace(_EARLIER_MARK, HBA_MARK, 1)
        _replace_keeping_owner(self.hba_file, before + after)


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


def _read_if_there(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _restore_file(path: Path, data: bytes | None) -> None:
    if data is None:
        path.unlink(missing_ok=True)
    else:
        write_private(path, data, owner_of=path.parent)


def _write_certificate(
    connection: psycopg.Connection,
    cert_pem: bytes,
    key_pem: bytes,
    changes: ClusterChanges | None = None,
) -> tuple[Path, Path]:
    data_dir = Path(_show(connection, "data_directory"))
    cert_file, key_file = data_dir / SERVER_CERT, data_dir / SERVER_KEY
    if changes is not None:
        for path in (cert_file, key_file):
            changes.files_before[path] = _read_if_there(path)
        changes.noted()
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
    conninfo: str, tls: AgencyTls, roles: ServerRoles, allow_from: str, changes: ClusterChanges
) -> ClusterReport:
    """Write the certificate, switch TLS on, admit the roles over TLS only, reload; each
    change noted in ``changes`` before it is made (the caller undoes them if it fails)."""
    with superuser_connection(conninfo) as connection:
        hba_file = Path(_show(connection, "hba_file"))
        listen = _show(connection, "listen_addresses")
        cert_file, key_file = _write_certificate(
            connection, tls.server_cert, tls.server_key, changes
        )
        lines = hba_lines(roles, allow_from)
        changes.hba_file, changes.hba_lines = hba_file, lines
        changes.hba_before = hba_file.read_text(encoding="utf-8")
        changes.noted()
        _prepend_hba(hba_file, lines)
        settings = (
            ("ssl_cert_file", str(cert_file)),
            ("ssl_key_file", str(key_file)),
            ("ssl_min_protocol_version", "TLSv1.2"),
            ("password_encryption", "scram-sha-256"),
            ("ssl", "on"),
        )
        earlier = _auto_conf_values(connection, [name for name, _ in settings])
        for name, value in settings:
            if earlier.get(name) == value:
                # Set already (an earlier agency on this cluster): left alone, as ALTER SYSTEM
                # would move the line, and an undo would have nothing to give back.
                continue
            changes.settings_before[name] = earlier.get(name)
            changes.noted()
            connection.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value))
            )
        connection.execute("SELECT pg_reload_conf()")
    _wait_for_ssl(conninfo)
    return ClusterReport(cert_file, key_file, hba_file, lines, listen)
