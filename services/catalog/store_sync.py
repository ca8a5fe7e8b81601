"""Keep the store's service types in step with the catalog file.

The store keeps the full manual entry of every service (``ServiceType.spec``), so
decisions can be explained against the rules that applied, and so a broken
catalog file never leaves the workstation without its services.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ServiceType
from services.access.table import Action, require
from services.catalog.loader import Catalog, ServiceSpec
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["sync_catalog", "catalog_from_store"]


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


def sync_catalog(uow: UnitOfWork, catalog: Catalog) -> list[str]:
    """Insert new services, update changed ones, deactivate removed ones; returns changed codes."""
    require(uow.actor, Action.SYNC_CATALOG)
    existing = {s.code: s for s in uow.session.scalars(select(ServiceType))}
    changed: list[str] = []
    for spec in catalog:
        values = _columns(spec)
        row = existing.pop(spec.code, None)
        if row is None:
            row = ServiceType(code=spec.code, updated_at=uow.now, **values)
            uow.session.add(row)
            uow.session.flush()
            uow.record("service_type.added", "service_type", row.id, {"code": spec.code})
            changed.append(spec.code)
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
    for row in existing.values():
        if row.active:
            row.active = False
            row.updated_at = uow.now
            uow.record("service_type.retired", "service_type", row.id, {"code": row.code})
            changed.append(row.code)
    return changed


def catalog_from_store(session: Session) -> Catalog:
    rows = session.scalars(
        select(ServiceType).where(ServiceType.active.is_(True)).order_by(ServiceType.code)
    )
    return Catalog(tuple(ServiceSpec.from_dict(row.spec) for row in rows))
