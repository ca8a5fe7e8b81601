"""retention: destruction lists, the order that allows them, tombstones

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place, never by a batch rebuild (other rows refer to the application table).
    op.add_column(
        "application", sa.Column("destroyed_at", models.base.UtcDateTime(), nullable=True)
    )
    op.create_table(
        "destruction_list",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("order_number", sa.String(length=100), nullable=True),
        sa.Column("ordered_by", sa.String(length=300), nullable=False),
        sa.Column("ordered_on", models.base.UtcDateTime(), nullable=True),
        sa.Column("order_recorded_by", sa.String(length=120), nullable=False),
        sa.Column("order_recorded_at", models.base.UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_list")),
        sa.UniqueConstraint("number", name=op.f("uq_destruction_list_number")),
        sa.UniqueConstraint("order_number", name=op.f("uq_destruction_list_order_number")),
    )
    op.create_table(
        "destruction_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("list_id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("tracking_number", sa.String(length=40), nullable=False),
        sa.Column("service_code", sa.String(length=60), nullable=False),
        sa.Column("received_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("closed_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("keep_years", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("destroyed_at", models.base.UtcDateTime(), nullable=True),
        sa.Column("files_removed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"], ["destruction_list.id"],
            name=op.f("fk_destruction_item_list_id_destruction_list"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"],
            name=op.f("fk_destruction_item_application_id_application"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_item")),
        sa.UniqueConstraint(
            "list_id", "application_id", name=op.f("uq_destruction_item_list_id")
        ),
    )
    op.create_index(
        op.f("ix_destruction_item_list_id"), "destruction_item", ["list_id"], unique=False
    )
    op.create_index(
        op.f("ix_destruction_item_application_id"),
        "destruction_item",
        ["application_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_destruction_item_application_id"), table_name="destruction_item")
    op.drop_index(op.f("ix_destruction_item_list_id"), table_name="destruction_item")
    op.drop_table("destruction_item")
    op.drop_table("destruction_list")
    # In place too: a batch rebuild drops the table others refer to, which the store's
    # foreign keys refuse (SQLite has dropped columns in place since 3.35).
    op.drop_column("application", "destroyed_at")
