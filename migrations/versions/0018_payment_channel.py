"""fees: how a payment was made (a transfer with its slip, or cash at the counter)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place, never by a batch rebuild (other rows refer to the payment table).
    op.add_column(
        "payment",
        sa.Column("channel", sa.String(length=20), nullable=False, server_default="transfer"),
    )


def downgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("channel")
