"""fees: the payment's stage, notice, reminder, reason and slip; the agency's account;
receipt numbers per fiscal year

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT_COLUMNS = (
    ("stage", 20),
    ("notice_outbox_id", 36),
    ("reason", 1000),
    ("slip_bank", 10),
    ("slip_reference", 60),
)


def upgrade() -> None:
    # Added in place, never by a batch rebuild (other rows refer to the payment table).
    for name, length in _TEXT_COLUMNS:
        op.add_column(
            "payment",
            sa.Column(name, sa.String(length=length), nullable=False, server_default=""),
        )
    op.add_column(
        "payment", sa.Column("reminded_at", models.base.UtcDateTime(), nullable=True)
    )
    op.create_index("ix_payment_slip_reference", "payment", ["slip_reference"])
    op.create_table(
        "fee_account",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("bank_name_th", sa.String(length=200), nullable=False),
        sa.Column("bank_name_en", sa.String(length=200), nullable=False),
        sa.Column("account_number", sa.String(length=30), nullable=False),
        sa.Column("account_name_th", sa.String(length=300), nullable=False),
        sa.Column("promptpay_kind", sa.String(length=20), nullable=False),
        sa.Column("promptpay_id", sa.String(length=20), nullable=False),
        sa.Column("updated_at", models.base.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "receipt_counter",
        sa.Column("fiscal_year_be", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year_be"),
    )


def downgrade() -> None:
    op.drop_table("receipt_counter")
    op.drop_table("fee_account")
    op.drop_index("ix_payment_slip_reference", table_name="payment")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("reminded_at")
        for name, _ in reversed(_TEXT_COLUMNS):
            batch_op.drop_column(name)
