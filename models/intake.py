"""What intake needs to remember: mailbox cursors, quarantined files, sync state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["MailboxCursor", "QuarantineItem", "SyncState"]


class MailboxCursor(Base):
    """How far a mailbox folder has been read (IMAP UID within one UIDVALIDITY)."""

    __tablename__ = "mailbox_cursor"

    source: Mapped[str] = mapped_column(String(300), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(Integer)
    last_uid: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class QuarantineItem(Base):
    """A received file (or whole message) held back, with a reason an officer can read."""

    __tablename__ = "quarantine_item"

    id: Mapped[str] = id_column()
    source_key: Mapped[str] = mapped_column(String(300), index=True)
    channel: Mapped[str] = mapped_column(String(10))
    application_id: Mapped[str | None] = mapped_column(
        ForeignKey("application.id"), nullable=True, index=True
    )
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    blob_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    reason_code: Mapped[str] = mapped_column(String(60))
    reason_th: Mapped[str] = mapped_column(String(1000))
    reason_en: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(20), default="held", index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SyncState(Base):
    """The last outcome of each sync part, so every process (GUI, scheduler) can show it."""

    __tablename__ = "sync_state"

    component: Mapped[str] = mapped_column(String(100), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))  # ok | working | offline | error
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error_th: Mapped[str] = mapped_column(Text, default="")
    last_error_en: Mapped[str] = mapped_column(Text, default="")
    processed: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[int] = mapped_column(Integer, default=0)
