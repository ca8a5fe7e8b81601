"""paper licences: licences issued on paper before the system, registered by hand

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06

A paper licence has no request in the system, so ``application_id`` may be empty; ``origin``
says where the entry came from (``system`` or ``paper``), and who typed a paper one in and
when. The number stays unique across both (the column's unique constraint). On SQLite the
nullability change rebuilds the table (batch mode); foreign keys are not enforced there, and
the rebuilt table keeps its name, so the data requests that refer to it still do.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("issued_document") as batch:
        batch.alter_column("application_id", existing_type=sa.String(36), nullable=True)
        batch.add_column(
            sa.Column("origin", sa.String(10), nullable=False, server_default="system")
        )
        batch.add_column(
            sa.Column("registered_by", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("registered_at", models.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    # Paper entries have no request to belong to: they cannot stay in the older schema.
    op.execute("DELETE FROM licence_data_request WHERE issued_document_id IN "
               "(SELECT id FROM issued_document WHERE origin = 'paper')")  # fmt: skip
    op.execute("DELETE FROM issued_document WHERE origin = 'paper'")
    with op.batch_alter_table("issued_document") as batch:
        batch.drop_column("registered_at")
        batch.drop_column("registered_by")
        batch.drop_column("origin")
        batch.alter_column("application_id", existing_type=sa.String(36), nullable=False)
