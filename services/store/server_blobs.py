"""The agency profile's documents: the same sealed blobs, kept in the agency's database.

Every workstation of an agency must open every document: a request registered at the
counter on one desk is reviewed on another and approved on a third. The blobs therefore
live on the server, in the ``stored_blob`` table (models.blobs), as the very bytes a
station's file would hold: AES-256-GCM under the agency's blob key (derived from the master
key every station of the agency imports), the plaintext's SHA-256 as address and associated
data. The server, its disk and its backups only ever see ciphertext.

Why in PostgreSQL and not on a shared folder:

- one thing for the agency's IT to run, secure and back up: ``pg_dump`` (or the server's
  own backups) carries the documents together with the rows that refer to them, so a restore
  never brings back requests whose files are missing;
- one connection per workstation, over the TLS and the least-privilege role it already
  has: no file-share credentials on every desk, no drive letters or mount points to keep
  alike on Windows and Linux, no network-share locking to trust;
- writes are all or nothing in the database (a put is one statement), where a half-copied
  file on a share is possible.

The price is a larger database (each file is capped at 64 MiB, as on a station) and whole
blobs read into memory on ``get``, as the file store does too.

A put commits on its own connection, before the caller's transaction refers to the blob, as
a station's file is written before the row naming it: a rolled-back action leaves at most an
unreferenced blob, never a row without its file. Content-addressed, so two stations storing
the same file at once store it once. Such unreferenced blobs are removed by the orphan sweep
(services.store.blob_sweep) once older than its grace period: ``stored_at`` is set by the
server at every put, found or written, so a blob a station is about to name is never old.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, case, delete, func, literal, select, update
from sqlalchemy.dialects.postgresql import insert

from models import StoredBlob
from services.store.blob_group import BlobGroup
from services.store.blob_references import unreferenced as unreferenced_clause
from services.store.blobstore import DEFAULT_MAX_SIZE, BlobStore

__all__ = ["ServerBlobStore"]

# The file store's root, never used here: every file operation is overridden below.
_NOWHERE = Path("/nonexistent/anuyat-agency-blobs-are-on-the-server")


class ServerBlobStore(BlobStore):
    """:class:`BlobStore` whose sealed bytes are rows of the agency's database."""

    def __init__(self, engine: Engine, key: bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> None:
        super().__init__(_NOWHERE, key, max_size=max_size)
        self._engine = engine

    def _where(self, sha256: str) -> str:
        return f"stored_blob {sha256} on {self._engine.url.host}/{self._engine.url.database}"

    def _stored_size(self, sha256: str) -> int | None:
        with self._engine.connect() as connection:
            return connection.scalar(
                select(StoredBlob.sealed_size).where(StoredBlob.sha256 == sha256)
            )

    def _new_group(self) -> BlobGroup:
        return _WrittenHere(self)

    def _present(self, sha256: str, sealed_size: int) -> bool:
        # One statement: found, its age started again (the sweep's grace) and its mark made
        # new, so its writer can no longer take it back — unless the writer is this very
        # group and no one else came since: then the mark stays the group's.
        group = self._open_group()
        mine = group.mark_of(sha256) if isinstance(group, _WrittenHere) else None
        new_mark = secrets.token_hex(16)
        mark: ColumnElement[str] | str = (
            case((StoredBlob.put_mark == mine, StoredBlob.put_mark), else_=literal(new_mark))
            if mine is not None
            else new_mark
        )
        with self._engine.begin() as connection:
            found = connection.scalar(
                update(StoredBlob)
                .where(StoredBlob.sha256 == sha256, StoredBlob.sealed_size == sealed_size)
                .values(stored_at=func.now(), put_mark=mark)
                .returning(StoredBlob.put_mark)
            )
        if found is None:
            return False
        if isinstance(group, _WrittenHere) and mine is not None and found != mine:
            group.lost(sha256)  # another put came between: not the group's alone any more
        return True

    def _store_sealed(self, sha256: str, sealed: bytes) -> None:
        mark = secrets.token_hex(16)
        statement = insert(StoredBlob).values(
            sha256=sha256,
            sealed=sealed,
            sealed_size=len(sealed),
            stored_at=func.now(),
            put_mark=mark,
        )
        # Only reached when nothing (or a damaged blob) is there: replace what is.
        statement = statement.on_conflict_do_update(
            index_elements=[StoredBlob.sha256],
            set_={
                "sealed": statement.excluded.sealed,
                "sealed_size": len(sealed),
                "stored_at": func.now(),
                "put_mark": mark,
            },
        )
        with self._engine.begin() as connection:
            connection.execute(statement)
        group = self._open_group()
        if isinstance(group, _WrittenHere):
            group.wrote(sha256, mark)

    def take_back(self, sha256: str, mark: str) -> bool:
        """Delete the blob this thread's put wrote with ``mark``, if no put came since and no
        committed row names it (one statement); whether it went."""
        with self._engine.begin() as connection:
            gone = connection.scalar(
                delete(StoredBlob)
                .where(
                    StoredBlob.sha256 == sha256,
                    StoredBlob.put_mark == mark,
                    unreferenced_clause(StoredBlob.sha256),
                )
                .returning(StoredBlob.sha256)
            )
        return gone is not None

    def _load_sealed(self, sha256: str) -> bytes | None:
        with self._engine.connect() as connection:
            sealed = connection.scalar(select(StoredBlob.sealed).where(StoredBlob.sha256 == sha256))
        return bytes(sealed) if sealed is not None else None

    def discard(self, sha256: str) -> bool:
        """Delete the row (a destruction the head of the agency ordered)."""
        sha256 = self._check_address(sha256)
        with self._engine.begin() as connection:
            result = connection.execute(delete(StoredBlob).where(StoredBlob.sha256 == sha256))
        return bool(getattr(result, "rowcount", 0))

    def remove_orphan(
        self, sha256: str, grace: timedelta, unreferenced: Callable[[str], bool]
    ) -> int | None:
        """One DELETE that holds only for a blob older than ``grace`` by the server's clock
        that no row names (``unreferenced`` is not needed: the statement asks the rows itself).

        Why this is safe with every station working: a station that finds the blob in
        ``put`` sets ``stored_at`` in a statement committed before it names the blob in a
        row. Committed before this DELETE reaches the row, PostgreSQL re-checks the row's
        new ``stored_at`` and keeps it; still to come, that UPDATE waits for this statement,
        finds no row, and the station writes the blob again.
        """
        sha256 = self._check_address(sha256)
        with self._engine.begin() as connection:
            removed = connection.scalar(
                delete(StoredBlob)
                .where(
                    StoredBlob.sha256 == sha256,
                    StoredBlob.stored_at < func.now() - grace,
                    unreferenced_clause(StoredBlob.sha256),
                )
                .returning(StoredBlob.sealed_size)
            )
        return removed

    def iter_addresses(self) -> Iterator[str]:
        """Every stored address, in sorted order (read in pages: the table can be large)."""
        last = ""
        while True:
            with self._engine.connect() as connection:
                page = connection.scalars(
                    select(StoredBlob.sha256)
                    .where(StoredBlob.sha256 > last)
                    .order_by(StoredBlob.sha256)
                    .limit(1000)
                ).all()
            if not page:
                return
            yield from page
            last = page[-1]


class _WrittenHere(BlobGroup):
    """A group on the server: each put is committed at once, so there is nothing to sync;
    the group remembers which blobs its puts wrote, and with which mark, so the intake group
    can take back those its transaction ended up not naming (:meth:`forget`)."""

    def __init__(self, store: ServerBlobStore) -> None:
        super().__init__(_NOWHERE)
        self._store = store
        self._marks: dict[str, str] = {}

    def wrote(self, sha256: str, mark: str) -> None:
        self._marks[sha256] = mark

    def mark_of(self, sha256: str) -> str | None:
        return self._marks.get(sha256)

    def lost(self, sha256: str) -> None:
        self._marks.pop(sha256, None)

    def addresses(self) -> set[str]:
        return set(self._marks)

    def forget(self, addresses: set[str]) -> int:
        """Take back the blobs at ``addresses`` that no other put has come to since (another
        station's row may be about to name one: then it stays, for the sweep to judge)."""
        taken = 0
        for sha256 in sorted(addresses & set(self._marks)):
            if self._store.take_back(sha256, self._marks.pop(sha256)):
                taken += 1
        return taken

    def make_durable(self) -> None:
        self._marks.clear()  # committed already, each by its put

    def discard(self) -> None:
        self._marks.clear()  # left to the sweep: a crash or rollback names none of them
