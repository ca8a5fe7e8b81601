"""licence premises: the premises address confirmed at issue, kept in the register

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place, as 0021 and 0023 (data requests refer to issued_document).
    op.add_column(
        "issued_document",
        sa.Column("premises", sa.String(500), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("issued_document", "premises")
