"""insertion order on the agency server

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05

SQLite's ``rowid`` gives the order rows were inserted in, which breaks ties between
documents, review verdicts and outbox messages stamped with the same instant
(``models.ordering``). PostgreSQL has no rowid: there these tables get an identity column,
``insertion_seq``. On SQLite (a station's store) this revision changes nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of models.ordering.INSERTION_ORDERED as of this revision.
_TABLES = ("document", "review_check", "outbox_message")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _TABLES:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN insertion_seq BIGINT GENERATED ALWAYS AS IDENTITY"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN insertion_seq")
