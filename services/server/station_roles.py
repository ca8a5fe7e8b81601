"""Each workstation logs in as a role of its own, a member of the application role.

A station's role (``anuyat_app_st3``) has no privilege of its own: it inherits the
application role's (rows only, :mod:`services.server.roles`), and ``pg_hba.conf`` admits any
member of the application role over TLS. Its first password is made at enrolment and sealed
in that station's enrolment file; the join replaces it with one kept only in the station's
keyring (:mod:`services.server.join`). So when a workstation is lost or stolen,
``anuyat server revoke-station ST3`` locks its role (``NOLOGIN``) and ends its sessions:
that computer, or whoever holds its file, is refused, and every other station works on.
Made with the superuser connection (the server profile's migration role may not create
roles).
"""

from __future__ import annotations

import secrets

from psycopg import sql

from services.server.roles import (
    ServerRoles,
    check_identifier,
    create_login_role,
    superuser_connection,
)

__all__ = ["station_role", "create_station_role", "drop_station_role", "lock_station_role"]


def station_role(roles: ServerRoles, station_code: str) -> str:
    return check_identifier(
        f"{roles.app}_{station_code.lower()}", "ชื่อบทบาทของสถานี", "station's role name"
    )


def create_station_role(conninfo: str, roles: ServerRoles, station_code: str) -> tuple[str, str]:
    """The station's new role and its password (a role left by a failed enrolment is
    replaced)."""
    role, password = station_role(roles, station_code), secrets.token_urlsafe(32)
    with superuser_connection(conninfo) as connection:
        connection.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
        create_login_role(connection, role, password, member_of=roles.app)
    return role, password


def drop_station_role(conninfo: str, role: str) -> None:
    with superuser_connection(conninfo) as connection:
        connection.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def lock_station_role(conninfo: str, role: str) -> int:
    """Refuse the role's logins from now on and end its open sessions; how many ended."""
    with superuser_connection(conninfo) as connection:
        connection.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(role)))
        ended = connection.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE usename = %s",
            (role,),
        ).fetchone()
    return int(ended[0]) if ended else 0
