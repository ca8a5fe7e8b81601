"""Alembic environment: migrations always run on a connection the app hands in.

The store is encrypted, so Alembic never opens it by URL; ``services.store``
passes a keyed connection through ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through services.store.upgrade_store(), not the CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
