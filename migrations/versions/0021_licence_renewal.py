"""licence renewal: a licence names the one it renews; the renewed one is superseded

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place, never by a batch rebuild (data requests refer to issued_document); the
    # link is a plain id for that reason (SQLite adds no foreign key to an existing table).
    op.add_column("issued_document", sa.Column("supersedes_id", sa.String(36), nullable=True))
    op.add_column(
        "issued_document", sa.Column("superseded_at", models.base.UtcDateTime(), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("issued_document", "superseded_at")
    op.drop_column("issued_document", "supersedes_id")
