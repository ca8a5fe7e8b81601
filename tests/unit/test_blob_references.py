"""Every column that can hold a blob's address is one the orphan sweep asks about."""

from __future__ import annotations

from models import Base
from services.store.blob_references import BLOB_COLUMNS, NOT_BLOB_COLUMNS


def test_every_sha256_column_is_either_a_blob_address_or_set_aside() -> None:
    listed = {f"{column.class_.__tablename__}.{column.key}" for column in BLOB_COLUMNS}
    found = {
        f"{table.name}.{column.name}"
        for table in Base.metadata.tables.values()
        for column in table.columns
        if column.name.endswith("sha256") and table.name != "stored_blob"
    }
    assert found - listed - NOT_BLOB_COLUMNS == set()
    assert listed <= found  # nothing named that no longer exists
    assert not listed & NOT_BLOB_COLUMNS
