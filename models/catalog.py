"""Service types as loaded from the citizen manual (resources/catalog)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["ServiceType"]


class ServiceType(Base):
    __tablename__ = "service_type"

    id: Mapped[str] = id_column()
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_th: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    fee_satang: Mapped[int] = mapped_column(Integer, default=0)
    fee_due: Mapped[str] = mapped_column(String(20), default="none")
    sla_business_days: Mapped[int] = mapped_column(Integer)
    ial: Mapped[int] = mapped_column(Integer)
    risk_level: Mapped[str] = mapped_column(String(20))
    min_signature_type: Mapped[int] = mapped_column(Integer)
    licence_template: Mapped[str] = mapped_column(String(100), default="")
    validity_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The full manual entry (documents, form fields, keywords) as loaded, so a
    # decision can always be explained against the rules in force at the time.
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
