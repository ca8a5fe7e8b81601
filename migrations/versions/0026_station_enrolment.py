"""station enrolment: each enrolment file's id and expiry, and when a station joined with it

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place (no batch copy): other tables refer to station.
    op.add_column("station", sa.Column("enrolment_id", sa.String(36), nullable=True))
    op.add_column(
        "station", sa.Column("enrolment_expires_at", models.base.UtcDateTime(), nullable=True)
    )
    op.add_column("station", sa.Column("joined_at", models.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column("station", "joined_at")
    op.drop_column("station", "enrolment_expires_at")
    op.drop_column("station", "enrolment_id")
