"""licence data requests: asked for a licence's data, answered within three business days

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "licence_data_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("issued_document_id", sa.String(length=36), nullable=False),
        sa.Column("requester", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=320), server_default="", nullable=False),
        sa.Column("received_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("due_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=120), nullable=False),
        sa.Column("answered_by_channel", sa.String(length=20), server_default="", nullable=False),
        sa.Column("answered_at", models.base.UtcDateTime(), nullable=True),
        sa.Column("answer_outbox_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["issued_document_id"],
            ["issued_document.id"],
            name=op.f("fk_licence_data_request_issued_document_id_issued_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_data_request")),
    )
    for column in ("issued_document_id", "due_at", "answered_at"):
        op.create_index(
            op.f(f"ix_licence_data_request_{column}"), "licence_data_request", [column]
        )


def downgrade() -> None:
    for column in ("issued_document_id", "due_at", "answered_at"):
        op.drop_index(op.f(f"ix_licence_data_request_{column}"), table_name="licence_data_request")
    op.drop_table("licence_data_request")
