"""issued list indexes: the "Licences issued" list searched and filtered

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06

The issuing page pages through the register newest first and filters it by status, service,
origin (paper) and expiry (services.issuing.listing). Each filter gets an index ending in
the list's order, so a page is read off the index instead of sorting the whole register.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_issued_document_newest": ["issued_at", "document_number"],
    "ix_issued_document_expiry": ["valid_until", "document_number"],
    "ix_issued_document_status_issued": ["status", "issued_at"],
    "ix_issued_document_service_issued": ["service_code", "issued_at"],
    "ix_issued_document_origin_issued": ["origin", "issued_at"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "issued_document", columns, unique=False)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="issued_document")
