"""certified copy withdrawn

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

A certified copy made by mistake is withdrawn, never deleted: the copy's row and blob stay,
marked with when, by whom and why (``document.withdrawn_at``, ``withdrawn_by``,
``withdrawn_reason``), and the event log says the same. Screens show it struck through and
nothing uses it as the certified copy any more.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain nullable columns, added in place (no rebuild of a table other rows refer to).
    op.add_column("document", sa.Column("withdrawn_at", models.base.UtcDateTime(), nullable=True))
    op.add_column("document", sa.Column("withdrawn_by", sa.String(120), nullable=True))
    op.add_column(
        "document",
        sa.Column("withdrawn_reason", sa.String(500), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE document DROP COLUMN withdrawn_reason")
    op.execute("ALTER TABLE document DROP COLUMN withdrawn_by")
    op.execute("ALTER TABLE document DROP COLUMN withdrawn_at")
