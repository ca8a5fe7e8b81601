"""fees: the finance inbox for slips tied to no payment; the amount read off a slip

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place, never by a batch rebuild (other rows refer to the payment table).
    op.add_column("payment", sa.Column("paid_satang", sa.Integer(), nullable=True))
    op.create_table(
        "fee_inbox",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("source_key", sa.String(length=300), nullable=False),
        sa.Column("sender_name", sa.String(length=300), nullable=False),
        sa.Column("sender_address", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("raw_blob_sha256", sa.String(length=64), nullable=True),
        sa.Column("received_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=True),
        sa.Column("reason_code", sa.String(length=40), nullable=False),
        sa.Column("suggested_payment_id", sa.String(length=36), nullable=True),
        sa.Column("slip_bank", sa.String(length=10), nullable=False),
        sa.Column("slip_reference", sa.String(length=60), nullable=False),
        sa.Column("qr_read", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=True),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.Column("decided_at", models.base.UtcDateTime(), nullable=True),
        sa.Column("decision_reason", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(["suggested_payment_id"], ["payment.id"]),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"]),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_fee_inbox_source_key", "fee_inbox", ["source_key"])
    op.create_index("ix_fee_inbox_status", "fee_inbox", ["status"])


def downgrade() -> None:
    op.drop_index("ix_fee_inbox_status", table_name="fee_inbox")
    op.drop_index("ix_fee_inbox_source_key", table_name="fee_inbox")
    op.drop_table("fee_inbox")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("paid_satang")
