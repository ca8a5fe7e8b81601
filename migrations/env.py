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


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    # The full-text search tables (services/search.py) are managed by hand in 0004, and the
    # agency server's insertion order (models/ordering.py) in 0015: autogenerate must neither
    # drop nor recreate them.
    if type_ == "column" and name == "insertion_seq":
        return False
    return not (type_ == "table" and name is not None and name.startswith("search_"))


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
