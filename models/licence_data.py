"""Requests for a licence's data (M21): someone asks what a licence says; the agency answers
within three business days, free (ETA s.21)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["LicenceDataRequest"]


class LicenceDataRequest(Base):
    __tablename__ = "licence_data_request"

    id: Mapped[str] = id_column()
    issued_document_id: Mapped[str] = mapped_column(ForeignKey("issued_document.id"), index=True)
    # Who asked (a person or another agency) and where the answer goes; no national ID.
    requester: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(320), default="", server_default="")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    recorded_by: Mapped[str] = mapped_column(String(120))
    # email (the XML and the PDF through the outbox) | counter (handed over); empty: open.
    answered_by_channel: Mapped[str] = mapped_column(String(20), default="", server_default="")
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)
    answer_outbox_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
