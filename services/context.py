"""The objects every service call needs, and the unit of work a user action runs in.

One user action = one ``unit_of_work``: one session, one transaction, and the
events recorded in it. Only ids and frozen dataclasses leave it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from models import Event
from services.calendar import BusinessCalendar
from services.catalog import Catalog
from services.clock import Clock
from services.errors import PermissionDenied
from services.events import append_event
from services.store import Store
from services.views import SignedInUser

__all__ = ["Actor", "AppContext", "UnitOfWork", "SYSTEM"]


@dataclass(frozen=True)
class Actor:
    """Who does something: a signed-in officer, or the workstation itself (sync, timers)."""

    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    user_id: str | None = None

    @classmethod
    def from_user(cls, user: SignedInUser) -> Actor:
        return cls(username=user.username, roles=user.roles, user_id=user.user_id)

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls(username=f"system:{job}", roles=frozenset({"system"}))

    @property
    def label(self) -> str:
        return self.username

    def require(self, *roles: str) -> None:
        """Raise PermissionDenied unless the actor holds one of ``roles``."""
        if not self.roles.intersection(roles):
            wanted = ", ".join(roles)
            raise PermissionDenied(
                f"ผู้ใช้ {self.username} ไม่มีสิทธิ์ทำรายการนี้ (ต้องมีบทบาท: {wanted}) "
                "— ติดต่อผู้ดูแลระบบหากต้องการสิทธิ์",
                f"User {self.username} may not do this (needs role: {wanted}). "
                "Ask the administrator if you need it.",
            )


SYSTEM = Actor.system("workstation")


class UnitOfWork:
    def __init__(self, session: Session, actor: Actor, now: datetime, station_id: str) -> None:
        self.session = session
        self.actor = actor
        self.now = now
        self.station_id = station_id

    def record(
        self, type: str, aggregate_type: str, aggregate_id: str, payload: dict[str, Any]
    ) -> Event:
        """Append a domain event in this transaction (so state and log commit together)."""
        return append_event(
            self.session,
            station_id=self.station_id,
            actor=self.actor.label,
            occurred_at=self.now,
            type=type,
            aggregate_type=aggregate_type,
            aggregate_id=aggregate_id,
            payload=payload,
        )


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
