"""The append-only, hash-chained log of every domain change.

Each station keeps its own chain (stations write and later exchange their own
events); ``chain_head`` remembers the last link so a deleted tail shows too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime

__all__ = ["Event", "ChainHead"]


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (UniqueConstraint("station_id", "station_seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The sentinel: the client gives every event its id, so the ORM can match the seq values a
    # multi-row INSERT … RETURNING gives back to its rows by id. Without one SQLite's RETURNING
    # order is not promised, and a flush wrote its events one statement each.
    id: Mapped[str] = mapped_column(String(36), unique=True, insert_sentinel=True)
    station_id: Mapped[str] = mapped_column(String(36))
    station_seq: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(120))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    type: Mapped[str] = mapped_column(String(60), index=True)
    aggregate_type: Mapped[str] = mapped_column(String(30))
    aggregate_id: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, hashed as stored
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    __tablename__ = "chain_head"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_station_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
