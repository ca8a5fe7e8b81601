"""catalog and calendar versions; a request keeps its catalog version

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

Every accepted change of the service catalog becomes a numbered version with the entry of
each service it changed (``service_revision``); a request records the version it was received
under (``application.catalog_version``). The holiday calendar is versioned the same way
(``calendar_version``, filled from the holiday file the next time the profile opens).

A store that already has services gets version 1 holding them as they are now, and every
request with a service is put under it: that is the catalog it was worked under so far.
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_version",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_catalog_version")),
    )
    op.create_table(
        "service_revision",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("service_type_id", sa.String(length=36), nullable=False),
        sa.Column("catalog_version", sa.Integer(), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["catalog_version"],
            ["catalog_version.number"],
            name=op.f("fk_service_revision_catalog_version_catalog_version"),
        ),
        sa.ForeignKeyConstraint(
            ["service_type_id"],
            ["service_type.id"],
            name=op.f("fk_service_revision_service_type_id_service_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_revision")),
        sa.UniqueConstraint(
            "service_type_id", "catalog_version", name=op.f("uq_service_revision_service_type_id")
        ),
    )
    op.create_index(
        op.f("ix_service_revision_service_type_id"),
        "service_revision",
        ["service_type_id"],
        unique=False,
    )
    op.create_table(
        "calendar_version",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", models.base.UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_calendar_version")),
    )
    # Added in place, never by a batch rebuild (other rows refer to ``application``).
    op.add_column("application", sa.Column("catalog_version", sa.Integer(), nullable=True))
    _first_version()


def _first_version() -> None:
    bind = op.get_bind()
    services = bind.execute(sa.text("SELECT id, code, spec FROM service_type")).all()
    if not services:
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    bind.execute(
        sa.text(
            "INSERT INTO catalog_version (number, created_at, created_by, source, "
            "source_sha256, note, changed) VALUES (1, :now, 'system', 'migration', '', "
            "'the catalog in the store when versions began', :changed)"
        ),
        {"now": now, "changed": json.dumps(sorted(row.code for row in services))},
    )
    for row in services:
        spec = row.spec if isinstance(row.spec, str) else json.dumps(row.spec)
        bind.execute(
            sa.text(
                "INSERT INTO service_revision (id, service_type_id, catalog_version, spec) "
                "VALUES (:id, :service, 1, :spec)"
            ),
            {"id": str(uuid.uuid4()), "service": row.id, "spec": spec},
        )
    bind.execute(
        sa.text("UPDATE application SET catalog_version = 1 WHERE service_type_id IS NOT NULL")
    )


def downgrade() -> None:
    op.execute("ALTER TABLE application DROP COLUMN catalog_version")
    op.drop_table("calendar_version")
    op.drop_index(op.f("ix_service_revision_service_type_id"), table_name="service_revision")
    op.drop_table("service_revision")
    op.drop_table("catalog_version")
