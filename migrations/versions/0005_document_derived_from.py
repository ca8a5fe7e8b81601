"""document derived_from

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

A certified copy names its original document in a column of its own (``derived_from``,
indexed, a foreign key to ``document``) instead of a ``certified_copy:<id>`` entry in the
document's JSON ``flags``: the reading side (review) then needs no knowledge of how the
producing side (certify) once spelled the flag. Existing copies are backfilled and the old
flag entry is removed, so the id is kept in one place only.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of the flag spelling of services/produce/certify.py up to this revision.
_PREFIX = "certified_copy:"


def _flags(raw: object) -> list[str]:
    """The JSON column as read: text on SQLite, already decoded on PostgreSQL."""
    if isinstance(raw, list):
        return raw
    return json.loads(raw) if isinstance(raw, str) and raw else []


def _json(conn: sa.Connection) -> str:
    """The ``:flags`` parameter (JSON text) as the column's type on either engine."""
    return "CAST(:flags AS JSON)" if conn.dialect.name == "postgresql" else ":flags"


def upgrade() -> None:
    # Added in place, not by a batch rebuild: rebuilding ``document`` would drop a table that
    # other rows refer to while foreign keys are enforced. SQLite accepts a REFERENCES clause
    # on an added column whose default is NULL.
    op.execute(
        "ALTER TABLE document ADD COLUMN derived_from VARCHAR(36) "
        "CONSTRAINT fk_document_derived_from_document REFERENCES document (id)"
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_derived_from"), ["derived_from"], unique=False)

    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, flags FROM document WHERE CAST(flags AS TEXT) LIKE :pattern"),
        {"pattern": f"%{_PREFIX}%"},
    ).all()
    for document_id, raw in rows:
        flags = _flags(raw)
        original = next((f.removeprefix(_PREFIX) for f in flags if f.startswith(_PREFIX)), None)
        if original is None:
            continue
        kept = [f for f in flags if not f.startswith(_PREFIX)]
        conn.execute(
            sa.text(
                f"UPDATE document SET derived_from = :original, flags = {_json(conn)} "
                "WHERE id = :id"
            ),
            {"original": original, "flags": json.dumps(kept), "id": document_id},
        )


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, flags, derived_from FROM document WHERE derived_from IS NOT NULL")
    ).all()
    for document_id, raw, original in rows:
        flags = _flags(raw)
        flags.append(f"{_PREFIX}{original}")
        conn.execute(
            sa.text(f"UPDATE document SET flags = {_json(conn)} WHERE id = :id"),
            {"flags": json.dumps(flags), "id": document_id},
        )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_derived_from"))
    # In place, as it was added (no rebuild of a table other rows refer to).
    op.execute("ALTER TABLE document DROP COLUMN derived_from")
