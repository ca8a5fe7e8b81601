"""The holidays a profile's store holds, read for ``anuyat doctor`` without opening the
profile for work: no migration, no lock, nothing written (the window may be running)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from models import CalendarVersion
from models.store import create_store_engine
from services.catalog.holidays import holidays_of
from services.kernel.calendar import Holiday
from services.kernel.errors import AnuyatError
from services.store import keys
from services.store.engine import DB_FILE

__all__ = ["stored_holidays"]


def stored_holidays(data_dir: Path) -> tuple[int, tuple[Holiday, ...]] | None:
    """The latest calendar version in the store (number, holidays); None when there is no
    store, no key for it, or no calendar in it yet (a store from before versions)."""
    db_path = data_dir / DB_FILE
    if not db_path.exists():
        return None
    try:
        master = keys.load_master_key(data_dir)
    except AnuyatError:
        return None
    engine = create_store_engine(db_path, keys.store_key_hex(master))
    try:
        with engine.connect() as connection:
            row = connection.execute(
                select(CalendarVersion.number, CalendarVersion.holidays)
                .order_by(CalendarVersion.number.desc())
                .limit(1)
            ).first()
    except DatabaseError:
        return None
    finally:
        engine.dispose()
    if row is None:
        return None
    rows = row.holidays if isinstance(row.holidays, list) else json.loads(row.holidays)
    return int(row.number), holidays_of(rows)
