"""Keep the store's service types in step with the catalog, one numbered version per change.

The store keeps the full manual entry of every service (``ServiceType.spec``), so a broken
catalog file never leaves the workstation without its services. Each accepted change becomes
a :class:`~models.CatalogVersion` with a :class:`~models.ServiceRevision` for every service it
added or changed (:mod:`services.catalog.versions` reads them back for a request).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import CatalogVersion, ServiceRevision, ServiceType
from services.access.table import Action, require
from services.catalog.loader import Catalog, ServiceSpec
from services.kernel.errors import AnuyatError
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["CatalogChanged", "catalog_from_store", "current_catalog_version", "sync_catalog"]


class CatalogChanged(AnuyatError):
    """Someone saved another catalog change since this one was started from the catalog."""

    code = "catalog_changed"

    def __init__(self, base: int, now: int) -> None:
        super().__init__(
            f"มีผู้บันทึกการแก้ไขรายการบริการไปก่อนแล้ว (ฉบับที่ {now} แทนฉบับที่ {base} ที่เปิดไว้) "
            "จึงยังไม่ได้บันทึกการแก้ไขนี้ ให้เปิดรายการบริการใหม่แล้วแก้ไขอีกครั้ง",
            f"Someone else saved a catalog change first (version {now}; you started from "
            f"version {base}), so this change was not saved. Reopen the catalog and make "
            "the change again.",
            detail=f"catalog version moved from {base} to {now}",
        )


def _columns(spec: ServiceSpec) -> dict[str, object]:
    return {
        "name_th": spec.name_th,
        "name_en": spec.name_en,
        "fee_satang": spec.fee.amount_satang,
        "fee_due": spec.fee.due,
        "sla_business_days": spec.sla_business_days,
        "ial": spec.ial,
        "risk_level": spec.risk_level,
        "min_signature_type": spec.min_signature_type,
        "licence_template": spec.licence_template,
        "validity_days": spec.validity_days,
        "spec": spec.as_dict(),
        "active": True,
    }


def current_catalog_version(session: Session) -> int:
    """The number of the catalog version in force; 0 before the first one."""
    return int(session.scalar(select(func.max(CatalogVersion.number))) or 0)


def sync_catalog(
    uow: UnitOfWork,
    catalog: Catalog,
    *,
    source: str = "file",
    source_sha256: str = "",
    note: str = "",
    base_version: int | None = None,
) -> list[str]:
    """Insert new services, update changed ones, deactivate removed ones; returns changed codes.

    When anything changed, the change becomes the next catalog version (with an event).
    ``base_version``: the version the change was made from; if another change was saved
    since, :class:`CatalogChanged` is raised and nothing changes.
    """
    require(uow.actor, Action.SYNC_CATALOG)
    current = current_catalog_version(uow.session)
    if base_version is not None and base_version != current:
        raise CatalogChanged(base_version, current)
    existing = {s.code: s for s in uow.session.scalars(select(ServiceType))}
    changed: list[str] = []
    revised: list[ServiceType] = []
    for spec in catalog:
        values = _columns(spec)
        row = existing.pop(spec.code, None)
        if row is None:
            row = ServiceType(code=spec.code, updated_at=uow.now, **values)
            uow.session.add(row)
            uow.session.flush()
            uow.record("service_type.added", "service_type", row.id, {"code": spec.code})
            changed.append(spec.code)
            revised.append(row)
            continue
        diff = sorted(k for k, v in values.items() if getattr(row, k) != v)
        if diff:
            for key in diff:
                setattr(row, key, values[key])
            row.updated_at = uow.now
            uow.record(
                "service_type.updated", "service_type", row.id, {"code": spec.code, "fields": diff}
            )
            changed.append(spec.code)
            revised.append(row)
    for row in existing.values():
        if row.active:
            row.active = False
            row.updated_at = uow.now
            uow.record("service_type.retired", "service_type", row.id, {"code": row.code})
            changed.append(row.code)
    if changed:
        _new_version(uow, current + 1, revised, changed, source, source_sha256, note)
    elif source_sha256 and current:
        # Nothing to change, but remember the file was read: it is not read again.
        version = uow.session.get(CatalogVersion, current)
        if version is not None and version.source == "file" and not version.source_sha256:
            version.source_sha256 = source_sha256
    return changed


def _new_version(
    uow: UnitOfWork,
    number: int,
    revised: list[ServiceType],
    changed: list[str],
    source: str,
    source_sha256: str,
    note: str,
) -> None:
    uow.session.add(
        CatalogVersion(
            number=number,
            created_at=uow.now,
            created_by=uow.actor.label,
            source=source,
            source_sha256=source_sha256,
            note=note[:500],
            changed=changed,
        )
    )
    try:
        # The version number is the primary key: a change saved at the same moment from the
        # same version fails here, whatever the database, instead of both being kept.
        uow.session.flush()
    except IntegrityError as exc:
        raise CatalogChanged(number - 1, number) from exc
    for row in revised:
        uow.session.add(
            ServiceRevision(service_type_id=row.id, catalog_version=number, spec=row.spec)
        )
    uow.record(
        "catalog.version_created",
        "catalog_version",
        str(number),
        {"number": number, "source": source, "changed": changed, "note": note[:500]},
    )


def catalog_from_store(session: Session) -> Catalog:
    rows = session.scalars(
        select(ServiceType).where(ServiceType.active.is_(True)).order_by(ServiceType.code)
    )
    return Catalog(tuple(ServiceSpec.from_dict(row.spec) for row in rows))
