"""Service types as loaded from the citizen manual (resources/catalog), and the versions of
the catalog and of the holiday calendar.

A catalog version is one accepted change of the catalog (a file synced, a form saved, a file
imported); :class:`ServiceRevision` keeps each service's full entry as it was from that
version on, so a request keeps the SLA, documents and fee of the version it was received
under (``Application.catalog_version``). A calendar version is one accepted change of the
holiday list, kept whole (a year is about twenty rows).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["CalendarVersion", "CatalogVersion", "ServiceRevision", "ServiceType"]


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


class CatalogVersion(Base):
    """One accepted change of the catalog. ``number`` counts up from 1; it is the primary
    key, so two changes made from the same version cannot both be saved (the second insert
    fails instead of silently overwriting the first)."""

    __tablename__ = "catalog_version"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))  # "file" | "form" | "import" | "migration"
    # The SHA-256 of the file it came from, so a catalog file named in the settings is synced
    # again only when it changed (and an edit made in the window is not undone at start-up).
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    changed: Mapped[list[str]] = mapped_column(JSON, default=list)


class ServiceRevision(Base):
    """A service's full entry from catalog version ``catalog_version`` on (until the next
    revision of the same service)."""

    __tablename__ = "service_revision"
    __table_args__ = (UniqueConstraint("service_type_id", "catalog_version"),)

    id: Mapped[str] = id_column()
    service_type_id: Mapped[str] = mapped_column(ForeignKey("service_type.id"), index=True)
    catalog_version: Mapped[int] = mapped_column(ForeignKey("catalog_version.number"))
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)


class CalendarVersion(Base):
    """One accepted change of the holiday list: the whole list, as it is from then on."""

    __tablename__ = "calendar_version"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))  # "file" | "form" | "import"
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    # [{"date": "2027-01-01", "name_th": …, "name_en": …, "confirmed": true}, …]
    holidays: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # Tracking numbers of the open requests whose SLA due date this change moved.
    moved: Mapped[list[str]] = mapped_column(JSON, default=list)
