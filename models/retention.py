"""Destruction lists (ทะเบียนขอทำลาย), the head of agency's order that allows them, and the
tombstone each destroyed request leaves (its row here, and ``Application.destroyed_at``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["DestructionItem", "DestructionList"]


class DestructionList(Base):
    """A numbered list of closed requests past their retention period, put to the head of
    the agency; nothing on it is destroyed before the order is recorded here."""

    __tablename__ = "destruction_list"

    id: Mapped[str] = id_column()
    number: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(120))
    # The head of agency's order: its number, who signed it, the day it is dated, and the
    # officer who recorded it here and when.
    order_number: Mapped[str | None] = mapped_column(String(100), unique=True, nullable=True)
    ordered_by: Mapped[str] = mapped_column(String(300), default="")
    ordered_on: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    order_recorded_by: Mapped[str] = mapped_column(String(120), default="")
    order_recorded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class DestructionItem(Base):
    """One request on a list; after destruction, its tombstone: what it was and when it went."""

    __tablename__ = "destruction_item"
    __table_args__ = (UniqueConstraint("list_id", "application_id"),)

    id: Mapped[str] = id_column()
    list_id: Mapped[str] = mapped_column(ForeignKey("destruction_list.id"), index=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"), index=True)
    tracking_number: Mapped[str] = mapped_column(String(40))
    service_code: Mapped[str] = mapped_column(String(60), default="")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    keep_years: Mapped[int] = mapped_column(Integer)
    # listed | destroyed | kept (worked on again, or already gone, when the order came)
    state: Mapped[str] = mapped_column(String(20), default="listed")
    destroyed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    files_removed: Mapped[int] = mapped_column(Integer, default=0)
