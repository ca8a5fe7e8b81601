"""The agency's database and its two roles, created with a superuser connection.

* The **migration role** (``anuyat_owner``) owns the database and its schema: it alone runs
  the Alembic migrations (the server profile connects as it), so a change of schema is the
  server administrator's act, never a workstation's.
* The **application role** (``anuyat_app``) holds what a workstation may do: read and change
  rows (and use the sequences) and nothing else — no CREATE, ALTER or DROP, no temporary
  tables, not a superuser, cannot create roles or databases. Tables a later migration adds
  are granted to it by default privileges set here, before the first one. Nobody logs in as
  it: each workstation logs in as a role of its own that is a member of it
  (:mod:`services.server.station_roles`), so one lost computer is locked out alone.

Passwords reach the server already hashed (SCRAM-SHA-256, computed by libpq on this side),
so the statement that sets them cannot leak a password into the server's log. Statements of
either role are kept out of the log too (``log_statement = none``): the rows carry personal
data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from services.kernel.errors import InvalidInput

__all__ = [
    "MIN_SERVER_VERSION",
    "DEFAULT_ROLES",
    "ServerRoles",
    "superuser_connection",
    "create_database_and_roles",
    "create_login_role",
    "drop_database_and_roles",
    "check_identifier",
]

MIN_SERVER_VERSION = 130000
"""PostgreSQL 13: ``pg_trgm`` is a trusted extension the database owner may create."""

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class ServerRoles:
    database: str = "anuyat"
    owner: str = "anuyat_owner"
    app: str = "anuyat_app"


DEFAULT_ROLES = ServerRoles()


def check_identifier(name: str, what_th: str, what_en: str) -> str:
    if not _IDENTIFIER.match(name):
        raise InvalidInput(
            f"{what_th} '{name}' ใช้ไม่ได้ — ใช้อักษรโรมันตัวเล็ก ตัวเลข และ _ ไม่เกิน 63 ตัว",
            f"The {what_en} '{name}' cannot be used: lower-case Roman letters, digits and _ "
            "only, at most 63 characters.",
        )
    return name


@contextmanager
def superuser_connection(conninfo: str, dbname: str | None = None) -> Iterator[psycopg.Connection]:
    """An autocommit connection as a superuser (``CREATE DATABASE`` runs outside a
    transaction); refuses a role that is not one, with what to do."""
    try:
        target = make_conninfo(conninfo, dbname=dbname) if dbname else conninfo
        connection = psycopg.connect(target, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        raise InvalidInput(
            "เชื่อมต่อ PostgreSQL ด้วยบัญชีผู้ดูแลสูงสุด (superuser) ไม่ได้ — ตรวจว่าบริการ PostgreSQL "
            "ทำงานอยู่ และสั่งคำสั่งนี้ด้วยบัญชี postgres (Linux: sudo -u postgres …) "
            "หรือระบุ --superuser ให้ถูกต้อง",
            "Cannot connect to PostgreSQL as a superuser. Check the PostgreSQL service is "
            "running, and run this command as the postgres account (Linux: sudo -u postgres …) "
            "or give the right --superuser connection.",
            detail=str(exc).strip(),
            code="superuser_unreachable",
        ) from exc
    try:
        is_super = connection.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not (row := is_super.fetchone()) or not row[0]:
            raise InvalidInput(
                "บัญชีที่ใช้เชื่อมต่อไม่ใช่ superuser ของ PostgreSQL — สั่งด้วยบัญชี postgres",
                "The connection's role is not a PostgreSQL superuser. Run this as the "
                "postgres account.",
                code="not_superuser",
            )
        if connection.info.server_version < MIN_SERVER_VERSION:
            raise InvalidInput(
                "PostgreSQL รุ่นนี้เก่าเกินไป ต้องเป็นรุ่น 13 ขึ้นไป",
                "This PostgreSQL is too old: version 13 or later is needed.",
                detail=f"server_version {connection.info.server_version}",
                code="server_too_old",
            )
        yield connection
    finally:
        connection.close()


def _scram(connection: psycopg.Connection, password: str, role: str) -> str:
    hashed = connection.pgconn.encrypt_password(
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256"
    )
    return hashed.decode("ascii")


def create_login_role(
    connection: psycopg.Connection, role: str, password: str, *, member_of: str | None = None
) -> None:
    """A role that logs in with ``password`` and nothing more (a member of ``member_of``)."""
    ident = sql.Identifier
    connection.execute(
        sql.SQL(
            "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
            "NOBYPASSRLS INHERIT PASSWORD {}"
        ).format(ident(role), sql.Literal(_scram(connection, password, role)))
    )
    if member_of is not None:
        connection.execute(sql.SQL("GRANT {} TO {}").format(ident(member_of), ident(role)))
    for setting in ("log_statement = 'none'", "log_min_duration_statement = -1"):
        connection.execute(sql.SQL("ALTER ROLE {} SET " + setting).format(ident(role)))


def _refuse_existing(connection: psycopg.Connection, roles: ServerRoles) -> None:
    taken = connection.execute(
        "SELECT 'database ' || datname FROM pg_database WHERE datname = %s "
        "UNION ALL SELECT 'role ' || rolname FROM pg_roles WHERE rolname = ANY(%s)",
        (roles.database, [roles.owner, roles.app]),
    ).fetchall()
    if taken:
        names = ", ".join(row[0] for row in taken)
        raise InvalidInput(
            f"มี {names} บนเครื่องแม่ข่ายอยู่แล้ว — ไม่ได้เปลี่ยนแปลงอะไร "
            "(ใช้ชื่ออื่นด้วย --database/--owner-role/--app-role)",
            f"The server already has {names}; nothing was changed. Choose other names "
            "with --database, --owner-role and --app-role.",
            code="server_names_taken",
        )


def refuse_taken_names(conninfo: str, roles: ServerRoles) -> None:
    """Refuse (changing nothing) when the database or a role's name is taken."""
    with superuser_connection(conninfo) as connection:
        _refuse_existing(connection, roles)


def create_database_and_roles(conninfo: str, roles: ServerRoles, owner_password: str) -> None:
    """Create the roles, the database and its privileges (module doc). Refuses, changing
    nothing, when any of the three names is taken."""
    ident = sql.Identifier
    owner, app, database = ident(roles.owner), ident(roles.app), ident(roles.database)
    with superuser_connection(conninfo) as connection:
        _refuse_existing(connection, roles)
        create_login_role(connection, roles.owner, owner_password)
        connection.execute(
            sql.SQL(
                "CREATE ROLE {} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                "NOBYPASSRLS"
            ).format(app)
        )
        connection.execute(
            sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                database, owner
            )
        )
        connection.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(database))
        connection.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, app))
    with superuser_connection(conninfo, roles.database) as connection:
        for statement in (
            "ALTER SCHEMA public OWNER TO {owner}",
            "REVOKE ALL ON SCHEMA public FROM PUBLIC",
            "GRANT USAGE ON SCHEMA public TO {app}",
            "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}",
            "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            "GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {app}",
        ):
            connection.execute(sql.SQL(statement).format(owner=owner, app=app))


def drop_database_and_roles(conninfo: str, roles: ServerRoles) -> None:
    """Undo :func:`create_database_and_roles` (a setup that failed half-way)."""
    ident = sql.Identifier
    with superuser_connection(conninfo) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident(roles.database))
        )
        for role in (roles.app, roles.owner):
            connection.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(ident(role)))
