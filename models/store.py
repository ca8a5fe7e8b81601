"""Engine and session factory for the encrypted SQLite store (SQLCipher).

The raw 256-bit key is given to SQLCipher as a hex blob literal: no key
derivation per connection (a passphrase key costs ~200 ms per connection).

Writers take the write lock when their transaction starts. SQLite's default
(``BEGIN`` DEFERRED, which the driver even delays to the first INSERT/UPDATE)
lets two processes read the same row — a claim, a counter, the audit chain's
head — before either writes, so both act on what they read and one overwrites
the other. A session made by :func:`make_session_factory` with ``write=True``
begins with ``BEGIN IMMEDIATE`` instead: a second writer waits (``busy_timeout``)
until the first commits, then reads what it wrote. Read-only sessions keep the
default and never wait for a writer (WAL). Services still write their
read-modify-writes as single statements (compare-and-set, ``value = value + 1``)
so they hold on a server database too, where ``SELECT … FOR UPDATE`` and row
locks do this work.

The agency profile's engine (:func:`create_server_engine`, PostgreSQL) keeps the same rule
for each station: a writing transaction first takes a transaction-scoped advisory lock keyed
by its station (:data:`WRITER_LOCK` and the station's code), so the writers of one station
queue exactly as they do on one SQLite file (its audit chain's head and its tracking counter
are read and extended by one writer at a time), the lock goes with the commit or rollback,
and readers never wait (MVCC). Writers of *different* stations do not queue behind each
other — one station's long action must not stall every other desk, and "Next" on two
stations must not wait (``FOR UPDATE SKIP LOCKED``, services.review.queue); what they share
(an application's row, a login counter) they change with row locks and single statements.
An engine opened for no station (server-side tools) takes the agency-wide lock instead.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

__all__ = [
    "AT_COMMIT",
    "MIGRATION_LOCK",
    "WRITER_LOCK",
    "WRITE_INTENT",
    "create_server_engine",
    "create_store_engine",
    "make_session_factory",
]

_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")

WRITE_INTENT = "anuyat_write_intent"
"""Execution option of connections whose transactions take the write lock at once."""


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

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # The driver leaves a transaction it did not open to the caller: it neither opens
        # a second one before the first write nor forgets to commit or roll back this one.
        if connection.get_execution_options().get(WRITE_INTENT):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


WRITER_LOCK = 0x616E_7579_6174_0001
"""PostgreSQL advisory lock key held by every writing transaction (module doc)."""
MIGRATION_LOCK = 0x616E_7579_6174_0002
"""Held while the schema is brought up to date: two stations starting after an update
must not both migrate the agency's database."""

SERVER_CONNECT_TIMEOUT = 5
"""Seconds a station waits for the server before saying it cannot reach it."""


def create_server_engine(url: str, station_code: str | None = None, **connect_args: Any) -> Engine:
    """An engine on the agency's PostgreSQL database (``postgresql+psycopg://…``).

    Writing transactions serialise per ``station_code`` (module doc); with none, on the whole
    agency. Parameters are hidden from error messages for the same reason as on a station.
    """
    if not url.startswith("postgresql+psycopg://"):
        raise ValueError("the agency server's address must start with postgresql+psycopg://")
    engine = create_engine(
        url,
        hide_parameters=True,
        pool_pre_ping=True,  # a connection the server dropped is replaced, not handed out
        connect_args={
            "connect_timeout": SERVER_CONNECT_TIMEOUT,
            "application_name": "anuyat",
            **connect_args,
        },
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_INTENT):
            connection.exec_driver_sql(lock)

    if station_code is None:
        lock = f"SELECT pg_advisory_xact_lock({WRITER_LOCK})"
    else:
        # The two-integer form is a key space of its own: (class, station) never meets the
        # agency-wide key. The class is WRITER_LOCK's low 31 bits, the station its CRC-32.
        station = zlib.crc32(station_code.encode("utf-8")) - 2**31
        lock = f"SELECT pg_advisory_xact_lock({WRITER_LOCK & 0x7FFF_FFFF}, {station})"
    return engine


AT_COMMIT: str = "at_commit:"
"""Prefix of session.info keys that hold work for the outer transaction's commit rather than
pinned rows: a SAVEPOINT's rollback keeps them (their owner leaves out at commit what the
rollback undid), the transaction's end drops them like every pin."""


def make_session_factory(engine: Engine, *, write: bool = True) -> sessionmaker[Session]:
    """Sessions on ``engine``; with ``write`` their transactions serialise (module doc)."""
    bind = engine.execution_options(**{WRITE_INTENT: True}) if write else engine
    factory = sessionmaker(bind, expire_on_commit=False)

    @event.listens_for(factory, "after_transaction_end")
    def _forget_pinned(session: Session, transaction: SessionTransaction) -> None:
        # Services pin rows they update often (chain head, counters) in
        # session.info for one transaction; after it ends those copies are stale
        # (another process may write next). A SAVEPOINT's end is not the transaction's:
        # intake records a group of arrivals, each in a SAVEPOINT, in one transaction,
        # and re-reading the pins for each cost a query and a flush apiece.
        if transaction.parent is None:
            session.info.clear()

    @event.listens_for(factory, "after_rollback")
    def _forget_rolled_back(session: Session) -> None:
        if not session.in_nested_transaction():
            return  # the whole transaction: forgotten when it ends (above)
        # A SAVEPOINT rolled back: what it pinned may be undone, so every pin goes; the
        # work marked for the outer transaction's commit stays (its owner leaves out at
        # commit what the rollback undid: services.cases.search).
        kept = {k: v for k, v in session.info.items() if k.startswith(AT_COMMIT)}
        session.info.clear()
        session.info.update(kept)

    return factory
