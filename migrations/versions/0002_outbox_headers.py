"""outbox: sender address and per-message headers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

``from_addr`` is the official address a message goes out from (empty: the
agency's current address); ``headers`` keeps In-Reply-To, References and
Auto-Submitted (RFC 3834). Existing rows get an empty address and no headers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("from_addr", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("headers", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("headers")
        batch_op.drop_column("from_addr")
