"""What intake needs to remember: mailbox cursors, quarantined files, mail set aside as not a
request, sync state."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime, id_column

if TYPE_CHECKING:
    from models.applications import Application

__all__ = ["MailboxCursor", "NotRequestMail", "QuarantineItem", "SyncState"]


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

    # Never read (lazy="raise"): it makes the unit of work write the application before a
    # row naming it in the same flush. Without it the order is left to chance, and intake
    # had to flush each new application on its own first.
    application: Mapped[Application | None] = relationship(lazy="raise")


class NotRequestMail(Base):
    """A mail judged not to be a request (a bounce, an auto-reply, a newsletter, a notice).

    It is set aside in its own tray, never acknowledged; its raw bytes stay in the blob store
    (``raw_blob_sha256``), so an officer who finds it is a request after all loses nothing.
    """

    __tablename__ = "not_request_mail"

    id: Mapped[str] = id_column()
    source_key: Mapped[str] = mapped_column(String(300), unique=True)
    sender_name: Mapped[str] = mapped_column(String(300), default="")
    sender_address: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    raw_blob_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # What the agency's server found of the sender, kept: taking the mail as a request later
    # must still hold a forged mail claiming an applicant (services.intake.holds).
    sender_auth: Mapped[str] = mapped_column(String(10), default="none")
    sender_auth_detail: Mapped[str] = mapped_column(String(300), default="")
    reason_code: Mapped[str] = mapped_column(String(60))
    reason_th: Mapped[str] = mapped_column(String(1000))
    reason_en: Mapped[str] = mapped_column(String(1000))
    # set_aside | taken_as_request; changed by one conditional UPDATE (two officers, one winner).
    status: Mapped[str] = mapped_column(String(20), default="set_aside", index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The request it became (or added to) once an officer took it as a request.
    application_id: Mapped[str | None] = mapped_column(ForeignKey("application.id"), nullable=True)


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
