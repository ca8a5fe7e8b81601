"""payment refund: an overpayment's refund, once finance has paid it back

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place: the refund owed is already there (paid_satang above amount_satang on a
    # verified payment), so nothing is copied; only how and when it was paid back is new.
    op.add_column("payment", sa.Column("refunded_on", sa.Date(), nullable=True))
    op.add_column(
        "payment",
        sa.Column("refund_method", sa.String(20), nullable=False, server_default=""),
    )
    op.add_column(
        "payment",
        sa.Column("refund_reference", sa.String(100), nullable=False, server_default=""),
    )
    op.add_column("payment", sa.Column("refunded_by", sa.String(36), nullable=True))
    op.add_column(
        "payment", sa.Column("refund_recorded_at", models.base.UtcDateTime(), nullable=True)
    )


def downgrade() -> None:
    for column in (
        "refund_recorded_at", "refunded_by", "refund_reference", "refund_method", "refunded_on"
    ):  # fmt: skip
        op.drop_column("payment", column)
