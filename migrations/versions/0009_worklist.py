"""work lists: sections, internal notes, officers' own settings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

``app_user.section`` and ``application.section`` route requests to a section (ฝ่าย/งาน);
``application_note`` holds officers' internal notes; ``officer_setting`` each officer's
saved list views, digest choice and when alerts were last seen.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place, never by a batch rebuild (other rows refer to both tables).
    op.add_column(
        "app_user", sa.Column("section", sa.String(length=100), nullable=False, server_default="")
    )
    op.add_column(
        "application",
        sa.Column("section", sa.String(length=100), nullable=False, server_default=""),
    )
    op.create_table(
        "application_note",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", models.base.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_note_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["app_user.id"], name=op.f("fk_application_note_author_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_note")),
    )
    op.create_index(
        "ix_application_note_application_created",
        "application_note",
        ["application_id", "created_at"],
    )
    op.create_table(
        "officer_setting",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", models.base.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_officer_setting_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("user_id", "key", name=op.f("pk_officer_setting")),
    )


def downgrade() -> None:
    op.drop_table("officer_setting")
    op.drop_index("ix_application_note_application_created", table_name="application_note")
    op.drop_table("application_note")
    for table in ("application", "app_user"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN section")
