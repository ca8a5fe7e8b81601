"""approval record: conditions, signed memo, certificate fingerprint

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

An approval keeps the conditions the approver set (edited from the catalog's defaults), the
document holding the signed decision memo (a PDF in the blob store, ``document.id``), and the
SHA-256 fingerprint of the certificate that signed it (empty for a type-1 record).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("approval", sa.Column("conditions", sa.JSON(), nullable=True))
    op.add_column(
        "approval",
        sa.Column("certificate_sha256", sa.String(64), nullable=False, server_default=""),
    )
    # In place, as in 0005: SQLite accepts a REFERENCES clause on an added NULL column.
    op.execute(
        "ALTER TABLE approval ADD COLUMN document_id VARCHAR(36) "
        "CONSTRAINT fk_approval_document_id_document REFERENCES document (id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("approval", schema=None) as batch_op:
        batch_op.drop_column("document_id")
        batch_op.drop_column("certificate_sha256")
        batch_op.drop_column("conditions")
