"""documents' sealed bytes on the agency server

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05

On the agency profile every workstation opens every document, so the encrypted files
(services.store.blobstore's sealed format) are kept in the database (models.blobs). On a
station's store the table is created too and stays empty (its files stay in its folder).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_blob",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("sealed_size", sa.Integer(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Ciphertext does not compress: keep PostgreSQL from trying on every write.
        op.execute("ALTER TABLE stored_blob ALTER COLUMN sealed SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("stored_blob")
