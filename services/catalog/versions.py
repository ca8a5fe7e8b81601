"""What a request was received under: the catalog version and its service's entry then.

A request records the catalog version in force when its service was named
(``Application.catalog_version``); :func:`spec_for` gives the service's entry as it was in
that version, so a later change of the catalog (a new fee, a longer SLA, one more document)
does not shift what was promised to the applicant. Requests from before versions began have
no number and are read against the service as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, CatalogVersion, ServiceRevision, ServiceType
from services.catalog.loader import ServiceSpec
from services.catalog.store_sync import current_catalog_version

__all__ = ["CatalogVersionInfo", "catalog_versions", "spec_for", "version_for_new_request"]


@dataclass(frozen=True, slots=True)
class CatalogVersionInfo:
    """One catalog version as the catalog page lists it."""

    number: int
    created_at: datetime
    created_by: str
    source: str
    note: str
    changed: tuple[str, ...]


def version_for_new_request(session: Session) -> int | None:
    """The version a request whose service is named now is held to (cached per transaction:
    a sync registers many requests in one, and a query each time would flush each)."""
    cache: dict[str, int | None] = session.info.setdefault("catalog_version", {})
    if "current" not in cache:
        cache["current"] = current_catalog_version(session) or None
    return cache["current"]


def spec_for(session: Session, application: Application) -> ServiceSpec | None:
    """The entry of the request's service in the catalog version it was received under."""
    if application.service_type_id is None:
        return None
    if application.catalog_version is not None:
        # A version's entries never change once written, and one transaction asks for the
        # same request's several times (its SLA at each change of status, its fee, its risk):
        # read and decoded once per session.
        cache: dict[tuple[str, int], ServiceSpec] = session.info.setdefault("service_specs", {})
        key = (application.service_type_id, application.catalog_version)
        if key in cache:
            return cache[key]
        spec = session.scalar(
            select(ServiceRevision.spec)
            .where(
                ServiceRevision.service_type_id == application.service_type_id,
                ServiceRevision.catalog_version <= application.catalog_version,
            )
            .order_by(ServiceRevision.catalog_version.desc())
            .limit(1)
        )
        if spec is not None:
            cache[key] = ServiceSpec.from_dict(spec)
            return cache[key]
    service = session.get(ServiceType, application.service_type_id)
    return ServiceSpec.from_dict(service.spec) if service is not None else None


def catalog_versions(session: Session, limit: int = 50) -> list[CatalogVersionInfo]:
    """The latest versions, newest first."""
    rows = session.scalars(
        select(CatalogVersion).order_by(CatalogVersion.number.desc()).limit(limit)
    )
    return [
        CatalogVersionInfo(
            number=row.number,
            created_at=row.created_at,
            created_by=row.created_by,
            source=row.source,
            note=row.note,
            changed=tuple(row.changed or ()),
        )
        for row in rows
    ]
