"""the register of issued documents: what the public page shows, revocation, delivery

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

``outgoing_counter`` runs the outgoing register's numbers per Buddhist Era year (one atomic
``UPDATE … RETURNING`` per number). ``issued_document`` gains what the public register
shows (service, subject, licensee — never a national ID or a person's address), why and
when a document was revoked, the XML it carries, and how and when it was delivered.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outgoing_counter",
        sa.Column("be_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("be_year", name=op.f("pk_outgoing_counter")),
    )
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("service_code", sa.String(60), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("subject_th", sa.String(500), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("subject_en", sa.String(500), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("licensee", sa.String(300), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("xml_sha256", sa.String(64), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("revoked_at", models.base.UtcDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("revoked_reason", sa.String(1000), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("delivery_channel", sa.String(20), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("delivered_at", models.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        for column in (
            "delivered_at",
            "delivery_channel",
            "revoked_reason",
            "revoked_at",
            "xml_sha256",
            "licensee",
            "subject_en",
            "subject_th",
            "service_code",
        ):
            batch_op.drop_column(column)
    op.drop_table("outgoing_counter")
