"""work lists: indexes for the list's orders

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

"Mine first" pages the officer's own requests on (holder, first come) and the others on
first come carrying the holder; "due soonest" walks (due date, first come). 0004's two
first-come indexes are prefixes of the new ones and go: kept, the planner takes them and
reads every row for its holder (the last page of 100,000 took about 0.7 s, now about 0.17 s).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_application_first_come_holder": ["deemed_received_at", "tracking_number", "assignee_id"],
    "ix_application_status_first_come_holder": [
        "status",
        "deemed_received_at",
        "tracking_number",
        "assignee_id",
    ],
    "ix_application_holder_first_come": ["assignee_id", "deemed_received_at", "tracking_number"],
    "ix_application_sla_first_come": ["sla_due_at", "deemed_received_at", "tracking_number"],
}
_REPLACED = {
    "ix_application_deemed_tracking": ["deemed_received_at", "tracking_number"],
    "ix_application_status_deemed_tracking": ["status", "deemed_received_at", "tracking_number"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "application", columns)
    for name in _REPLACED:
        op.drop_index(name, table_name="application")


def downgrade() -> None:
    for name, columns in _REPLACED.items():
        op.create_index(name, "application", columns)
    for name in _INDEXES:
        op.drop_index(name, table_name="application")
