"""The agency server's file store: every document's sealed bytes, in the database itself.

A station keeps its files in its data folder (services.store.blobstore). On the agency
profile every workstation must open every document, so the same sealed bytes (AES-256-GCM
under the agency's key, addressed by the plaintext's SHA-256) live in this table on the
server instead (services.store.server_blobs). On a station's own store the table exists
(one schema for both) and stays empty.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

__all__ = ["StoredBlob"]


class StoredBlob(Base):
    __tablename__ = "stored_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    """SHA-256 of the plaintext: the blob's address."""
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    """``ANB1`` + nonce + ciphertext with tag, exactly as a station's file holds it."""
    sealed_size: Mapped[int] = mapped_column(Integer)
    """``len(sealed)``, so ``put`` can tell a blob is already there without reading it."""
    stored_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    """The server's time of the last ``put`` of these bytes (written or found there; migration
    0030). The orphan sweep (services.store.blob_sweep) removes an unreferenced blob only once
    this is older than its grace period, so a station that has just put a blob and is about to
    commit the row naming it never loses it. Set by the server's clock, never a station's."""
    put_mark: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """A random token set by every put, written or found (migration 0031): the put that wrote
    the blob may take it back (a failed intake group) only while the mark is still its own,
    i.e. while no other put — another station about to name it — has come since."""
