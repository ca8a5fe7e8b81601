"""blob stored_at: when a server blob was last put, for the orphan sweep's grace period

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-06

The orphan sweep (services.store.blob_sweep) removes blobs no row refers to, but only once
they are older than a grace period: a station that put a blob a moment ago may be about to
commit the row naming it. On the agency server the age is this column, set by the server's
clock at every put (written or found already there). Rows already stored get the time of
the upgrade, so they are given a whole grace period. On a station's own store the table is
empty (its blobs are files, aged by their modification time) and the column stays unset.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("stored_blob", sa.Column("stored_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE stored_blob SET stored_at = now()")
        op.execute("ALTER TABLE stored_blob ALTER COLUMN stored_at SET DEFAULT now()")


def downgrade() -> None:
    op.drop_column("stored_blob", "stored_at")
