"""The audit trail is append-only for the workstations.

Default privileges (:mod:`services.server.roles`) let the application role read and change
rows of every table a migration creates. The audit chain's events are only ever inserted, so
on ``event`` the role loses UPDATE and DELETE: a workstation, or anyone holding its
password, cannot rewrite or remove what was recorded — the server refuses it, before the
hash chain would have to find it. Run as the migration role (the tables' owner) after every
migration (``server init``, ``server upgrade``), so a table a migration re-creates is covered
again.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from services.server.roles import check_identifier

__all__ = ["APPEND_ONLY_TABLES", "restrict_app_role"]

APPEND_ONLY_TABLES = ("event",)


def restrict_app_role(engine: Engine, app_role: str) -> None:
    role = check_identifier(app_role, "ชื่อบทบาทของโปรแกรม", "application role name")
    with engine.begin() as connection:
        for table in APPEND_ONLY_TABLES:
            connection.execute(text(f'REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM "{role}"'))
