"""mail set aside as not a request

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Delivery reports, auto-replies, newsletters and machine notices are kept in their own tray
(``not_request_mail``) instead of becoming unclassified applications.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "not_request_mail",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("source_key", sa.String(length=300), nullable=False),
        sa.Column("sender_name", sa.String(length=300), nullable=False),
        sa.Column("sender_address", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("received_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("raw_blob_sha256", sa.String(length=64), nullable=True),
        sa.Column("sender_auth", sa.String(length=10), nullable=False),
        sa.Column("sender_auth_detail", sa.String(length=300), nullable=False),
        sa.Column("reason_code", sa.String(length=60), nullable=False),
        sa.Column("reason_th", sa.String(length=1000), nullable=False),
        sa.Column("reason_en", sa.String(length=1000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.Column("decided_at", models.base.UtcDateTime(), nullable=True),
        sa.Column("application_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_not_request_mail_application_id_application"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_not_request_mail")),
        sa.UniqueConstraint("source_key", name=op.f("uq_not_request_mail_source_key")),
    )
    with op.batch_alter_table("not_request_mail", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_not_request_mail_status"), ["status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("not_request_mail", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_not_request_mail_status"))
    op.drop_table("not_request_mail")
