"""The objects every service call needs: the store, the clock, the calendar, the catalog."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from services.catalog.loader import Catalog
from services.kernel.actors import Actor
from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import Clock
from services.kernel.unit_of_work import UnitOfWork
from services.store.engine import Store

__all__ = ["AppContext"]


@dataclass
class AppContext:
    store: Store
    clock: Clock
    calendar: BusinessCalendar
    catalog: Catalog
    station_id: str
    station_code: str
    agency_code: str

    @contextmanager
    def unit_of_work(self, actor: Actor) -> Iterator[UnitOfWork]:
        with self.store.sessions() as session, session.begin():
            yield UnitOfWork(session, actor, self.clock.now(), self.station_id)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session for queries."""
        with self.store.sessions() as session:
            yield session
