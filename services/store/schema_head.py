"""Is the store's schema current? Answered without loading Alembic's migration machinery.

Opening a profile checks the schema every time, and almost every time it is current. Asking
Alembic costs its environment and every SQL dialect's DDL module (mssql, mysql, oracle…),
about a tenth of a second of CPU before the sign-in is usable. This reads the head revision
from the migration files' ``revision`` / ``down_revision`` lines (once per process) and the
store's from ``alembic_version``. When they are the same, nothing is to be done; in every
other case (an older or newer store, a new one, files this cannot read) the caller asks
Alembic, which gives the same answers and messages as before.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, inspect, text

__all__ = ["head_revision", "stored_revision"]

_ASSIGNED = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=]*)?=\s*(?:['\"](?P<value>[^'\"]+)['\"]|None)",
    re.MULTILINE,
)


@cache
def head_revision(migrations_dir: Path) -> str | None:
    """The one revision no migration builds on, or None when the files do not say plainly.

    None (a file without a plain ``revision = "…"`` line, a branch, two heads) sends the
    caller to Alembic, which reads the files itself.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((migrations_dir / "versions").glob("*.py")):
        found = {m["name"]: m["value"] for m in _ASSIGNED.finditer(path.read_text("utf-8"))}
        revision = found.get("revision")
        if revision is None or "down_revision" not in found:
            return None
        revisions.add(revision)
        if found["down_revision"] is not None:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(connection: Connection) -> str | None:
    """The store's one recorded revision, or None (a new store, or not exactly one row)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None
