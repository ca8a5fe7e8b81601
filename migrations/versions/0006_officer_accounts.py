"""officer accounts: English name, forced password change

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

``must_change_password`` is set when an administrator issues a one-time password (a new
account or a reset); the officer must choose their own before doing anything else.
Existing accounts keep their passwords (false); their English name starts empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place, never by a batch rebuild: rebuilding ``app_user`` would drop a table
    # other rows refer to while foreign keys are enforced.
    op.add_column(
        "app_user",
        sa.Column("display_name_en", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column(
        "app_user",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "app_user", sa.Column("password_changed_at", models.base.UtcDateTime(), nullable=True)
    )


def downgrade() -> None:
    # In place, as they were added (SQLite 3.35+ drops a column without a rebuild).
    for column in ("password_changed_at", "must_change_password", "display_name_en"):
        op.execute(f"ALTER TABLE app_user DROP COLUMN {column}")
