"""Changing a service in a test the way the agency does: a new catalog version.

Requests received afterwards are held to it; those received before keep theirs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from services.catalog.loader import Catalog
from services.catalog.store_sync import catalog_from_store, sync_catalog
from services.kernel.actors import SYSTEM
from services.store.context import AppContext


def change_service(context: AppContext, code: str, **changes: Any) -> None:
    """Save a catalog version in which service ``code`` has ``changes`` (dataclass fields;
    ``fee_due`` changes the fee's due point)."""
    with context.read() as session:
        current = catalog_from_store(session)
    fee_due = changes.pop("fee_due", None)
    services = []
    for spec in current:
        if spec.code == code:
            spec = replace(spec, **changes)
            if fee_due is not None:
                spec = replace(spec, fee=replace(spec.fee, due=fee_due))
        services.append(spec)
    with context.unit_of_work(SYSTEM) as uow:
        assert sync_catalog(uow, Catalog(tuple(services))) == [code]
    with context.read() as session:
        context.catalog = catalog_from_store(session)


def as_if_received_now(context: AppContext, application_ids: list[str]) -> None:
    """Hold requests made by a fixture before a change to the catalog version now in force,
    as if they had been received after it (the fixture's population is built first)."""
    from models import Application
    from services.catalog.store_sync import current_catalog_version

    with context.writing() as session:
        version = current_catalog_version(session)
        for app_id in application_ids:
            app = session.get(Application, app_id)
            assert app is not None
            app.catalog_version = version
