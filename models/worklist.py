"""What the officers' work lists keep beside the applications: internal notes and each
officer's own settings (saved list views, the daily digest, when alerts were last seen)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["ApplicationNote", "OfficerSetting"]


class ApplicationNote(Base):
    """An officer's internal note on an application (ความเห็นเจ้าหน้าที่).

    Read by later officers and the approver, never by the applicant: no letter, notice or
    status answer reads this table. Append-only, like the events that announce each note.
    """

    __tablename__ = "application_note"
    __table_args__ = (
        Index("ix_application_note_application_created", "application_id", "created_at"),
    )

    id: Mapped[str] = id_column()
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id"))
    author_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OfficerSetting(Base):
    """One setting of one officer (``key`` → JSON ``value``), kept in the store so it
    follows the officer from one workstation to another (see services.worklist.settings)."""

    __tablename__ = "officer_setting"

    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
