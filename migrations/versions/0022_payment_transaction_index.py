"""fees: payments found by their Transaction ID (each mail at intake, the finance inbox)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_payment_transaction_id", "payment", ["transaction_id"])


def downgrade() -> None:
    op.drop_index("ix_payment_transaction_id", table_name="payment")
