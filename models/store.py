"""Engine and session factory for the encrypted SQLite store (SQLCipher).

The raw 256-bit key is given to SQLCipher as a hex blob literal: no key
derivation per connection (a passphrase key costs ~200 ms per connection).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["create_store_engine", "make_session_factory"]

_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")


def create_store_engine(db_path: Path, key_hex: str) -> Engine:
    """An engine whose every connection is keyed, in WAL mode, with foreign keys on."""
    if not _HEX_KEY.match(key_hex):
        raise ValueError("the store key must be 64 lowercase hex digits")
    # hide_parameters: an error (a lock timeout, a constraint) must never carry mail
    # subjects, bodies or names into the log; the statement alone is enough to debug.
    engine = create_engine(f"sqlite:///{db_path}", module=sqlcipher, hide_parameters=True)

    @event.listens_for(engine, "connect", insert=True)
    def _key_connection(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        # PRAGMA key must be the very first statement on a new connection.
        cursor.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)

    @event.listens_for(factory, "after_rollback")
    def _forget_pinned(session: Session) -> None:
        # Services pin rows they update often (chain head, counters) in
        # session.info; after a rollback those copies are stale.
        session.info.clear()

    return factory
