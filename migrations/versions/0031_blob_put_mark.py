"""blob put mark: a token each put of a server blob sets, so its writer can take it back safely

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06

An intake group on the agency server stores its files (each put commits at once) before the
rows that name them. When the group's joint write fails and it is recorded again one mail at
a time, the files only that try stored are taken back (services.intake.group) — but another
station may have put the same bytes meanwhile and be about to name them. Every put, writing
or finding the blob, sets a new random ``put_mark``; the writer deletes the blob only while
the mark is still the one its own put set, in the same statement that checks no row names it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0031"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("stored_blob", sa.Column("put_mark", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("stored_blob", "put_mark")
