"""licence delivery failure: a delivery mail that bounced, so the licence is sent again

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place, as 0021 (data requests refer to issued_document).
    op.add_column(
        "issued_document",
        sa.Column("delivery_failed_at", models.base.UtcDateTime(), nullable=True),
    )
    op.add_column(
        "issued_document",
        sa.Column("delivery_failure", sa.String(500), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("issued_document", "delivery_failure")
    op.drop_column("issued_document", "delivery_failed_at")
