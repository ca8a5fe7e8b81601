"""What ``anuyat doctor`` can check of an agency profile's link to the server.

Connected as the profile connects (its role, TLS with ``verify-full``), it asks the server
what it knows of this very session: is TLS in use and which version, the server's version,
and what the role may do. A workstation's role must be the least-privileged one — not a
superuser, unable to change the schema or rewrite audit events; the server profile's role
owns the tables (it runs the migrations), and is reported as such. The certificate's end is
read from what the server shows, so a renewal due soon is said before stations are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from services.server.probe import served_until
from services.store import keys
from services.store.server_link import read_link

__all__ = ["ServerCheckup", "check_server"]


@dataclass(frozen=True)
class ServerCheckup:
    tls_version: str | None
    """``TLSv1.3`` and the like; None when the session is not encrypted."""
    server_version: int
    """``server_version_num``, e.g. 160004."""
    role: str
    superuser: bool
    may_change_schema: bool
    may_rewrite_events: bool
    owns_tables: bool
    """The migration role (the server profile): DDL is its job."""
    certificate_until: datetime | None

    @property
    def least_privilege(self) -> bool:
        return self.owns_tables or not (
            self.superuser or self.may_change_schema or self.may_rewrite_events
        )


def check_server(data_dir: Path) -> ServerCheckup | None:
    """The checkup of the profile's server, or None for a station profile.

    Raises :class:`psycopg.OperationalError` when the server cannot be reached or trusted.
    """
    link = read_link(data_dir)
    if link is None:
        return None
    url = make_url(link.url)
    password = keys.load_server_password(data_dir)
    libpq_url = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq_url, password=password, connect_timeout=5) as connection:
        row = connection.execute(
            "SELECT s.ssl, s.version, current_setting('server_version_num')::int, current_user,"
            " r.rolsuper, has_schema_privilege('public', 'CREATE'),"
            " coalesce(has_table_privilege('event', 'UPDATE'), false),"
            " coalesce(pg_has_role((SELECT relowner FROM pg_class WHERE relname = 'event'"
            "   AND relkind = 'r' LIMIT 1), 'USAGE'), false)"
            " FROM pg_stat_ssl s, pg_roles r"
            " WHERE s.pid = pg_backend_pid() AND r.rolname = current_user"
        ).fetchone()
    assert row is not None  # one row: this session and its role
    ssl_on, tls_version, version, role, superuser, may_create, may_update, owns = row
    until: datetime | None = None
    if ssl_on and url.host:
        try:
            until = served_until(url.host, url.port or 5432)
        except OSError:
            until = None  # connected a moment ago; the doctor says it could not read it
    return ServerCheckup(
        tls_version=tls_version if ssl_on else None,
        server_version=version,
        role=role,
        superuser=superuser,
        may_change_schema=may_create,
        may_rewrite_events=may_update,
        owns_tables=owns,
        certificate_until=until,
    )
