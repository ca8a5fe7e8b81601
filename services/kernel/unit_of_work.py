"""One user action = one unit of work: one session, one transaction, and its events.

Only ids and frozen dataclasses leave it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from models import Event
from services.kernel.actors import Actor
from services.kernel.events import append_event

__all__ = ["UnitOfWork"]


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
