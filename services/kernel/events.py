"""The domain event log: append in the same transaction as the change, verify later.

Every change to an application, document, payment, approval, issued document,
user or setting is recorded here. Each station's events form one hash chain:
``hash = sha256(prev_hash + canonical JSON of the event)``; ``chain_head``
keeps the last link, so an altered, removed or truncated row is found by
:func:`verify_chain`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import ChainHead, Event, new_id
from services.kernel.clock import utc

__all__ = [
    "CHANGES_CHANNEL",
    "GENESIS",
    "BrokenLink",
    "ChainReport",
    "append_event",
    "canonical_json",
    "change_origin",
    "event_hash",
    "verify_chain",
]

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Stable JSON: sorted keys, no spaces, UTF-8 kept (Thai stays readable)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(
    prev_hash: str,
    *,
    id: str,
    station_id: str,
    station_seq: int,
    actor: str,
    occurred_at: datetime,
    type: str,
    aggregate_type: str,
    aggregate_id: str,
    payload: str,
) -> str:
    body = canonical_json(
        {
            "id": id,
            "station_id": station_id,
            "station_seq": station_seq,
            "actor": actor,
            "occurred_at": utc(occurred_at).isoformat(),
            "type": type,
            "aggregate_type": aggregate_type,
            "aggregate_id": aggregate_id,
            "payload": payload,
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


CHANGES_CHANNEL = "anuyat_changes"
"""PostgreSQL notification channel: "a transaction that recorded events committed"."""


def change_origin(station_id: str) -> str:
    """The payload of the notifications this process sends for ``station_id``."""
    return f"{station_id}/{os.getpid()}"


def _tell_other_stations(session: Session, station_id: str) -> None:
    """On the agency's server, notify the other workstations (services.store.change_feed).

    PostgreSQL delivers the notification when this transaction commits, never if it rolls
    back, and folds repeats within one transaction into one.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANGES_CHANNEL, change_origin(station_id))))


def append_event(
    session: Session,
    *,
    station_id: str,
    actor: str,
    occurred_at: datetime,
    type: str,
    aggregate_type: str,
    aggregate_id: str,
    payload: dict[str, Any],
) -> Event:
    """Add one event to the station's chain; the caller's transaction commits it."""
    # The head is kept in session.info: the identity map holds clean objects only
    # weakly, and re-reading the head for every event of a batch doubles its cost.
    pinned: dict[str, ChainHead] = session.info.setdefault("chain_heads", {})
    # FOR UPDATE: on a server database the head row stays locked until this transaction
    # ends, so two writers never both link to the same head (SQLite serialises writers
    # already: see models.store).
    head = pinned.get(station_id)
    if head is None:  # the transaction's first event of this station
        head = session.get(ChainHead, station_id, with_for_update=True)
        _tell_other_stations(session, station_id)
    prev_hash = head.last_hash if head else GENESIS
    station_seq = (head.last_station_seq if head else 0) + 1
    event_id = new_id()
    payload_text = canonical_json(payload)
    digest = event_hash(
        prev_hash,
        id=event_id,
        station_id=station_id,
        station_seq=station_seq,
        actor=actor,
        occurred_at=occurred_at,
        type=type,
        aggregate_type=aggregate_type,
        aggregate_id=aggregate_id,
        payload=payload_text,
    )
    event = Event(
        id=event_id,
        station_id=station_id,
        station_seq=station_seq,
        actor=actor,
        occurred_at=utc(occurred_at),
        type=type,
        aggregate_type=aggregate_type,
        aggregate_id=aggregate_id,
        payload=payload_text,
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(event)
    if head is None:
        head = ChainHead(station_id=station_id, last_station_seq=station_seq, last_hash=digest)
        session.add(head)
    else:
        head.last_station_seq = station_seq
        head.last_hash = digest
    pinned[station_id] = head
    return event


@dataclass(frozen=True)
class BrokenLink:
    station_id: str
    station_seq: int
    seq: int | None
    problem: str  # "altered" | "missing" | "reordered" | "truncated" | "head_missing"

    def describe(self) -> str:
        where = f"station {self.station_id[:8]} event #{self.station_seq}"
        if self.seq is not None:
            where += f" (row seq {self.seq})"
        return {
            "altered": f"{where}: its content does not match its hash (the row was changed)",
            "missing": f"{where}: the event before it is missing (a row was removed)",
            "reordered": f"{where}: it does not link to the previous event",
            "truncated": f"{where}: the last events of the chain are missing (rows removed)",
            "head_missing": f"{where}: the chain's recorded head is missing",
        }[self.problem]


@dataclass(frozen=True)
class ChainReport:
    checked: int
    stations: int
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _events_in_order(session: Session, batch: int = 5000) -> Iterator[Event]:
    last = 0
    while True:
        rows = session.scalars(
            select(Event).where(Event.seq > last).order_by(Event.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()  # keep memory flat on long chains


def verify_chain(session: Session) -> ChainReport:
    """Walk every station's chain; report the first broken link found (by row order)."""
    heads = {
        h.station_id: (h.last_station_seq, h.last_hash) for h in session.scalars(select(ChainHead))
    }
    state: dict[str, tuple[int, str]] = {}  # station -> (last seq seen, last hash)
    checked = 0
    for ev in _events_in_order(session):
        checked += 1
        last_seq, last_hash = state.get(ev.station_id, (0, GENESIS))
        if ev.station_seq != last_seq + 1:
            problem = "missing" if ev.station_seq > last_seq + 1 else "reordered"
            return ChainReport(
                checked, len(heads), BrokenLink(ev.station_id, ev.station_seq, ev.seq, problem)
            )
        expected = event_hash(
            last_hash,
            id=ev.id,
            station_id=ev.station_id,
            station_seq=ev.station_seq,
            actor=ev.actor,
            occurred_at=ev.occurred_at,
            type=ev.type,
            aggregate_type=ev.aggregate_type,
            aggregate_id=ev.aggregate_id,
            payload=ev.payload,
        )
        if ev.prev_hash != last_hash:
            return ChainReport(
                checked, len(heads), BrokenLink(ev.station_id, ev.station_seq, ev.seq, "reordered")
            )
        if ev.hash != expected:
            return ChainReport(
                checked, len(heads), BrokenLink(ev.station_id, ev.station_seq, ev.seq, "altered")
            )
        state[ev.station_id] = (ev.station_seq, ev.hash)
    for station_id, (head_seq, head_hash) in sorted(heads.items()):
        seen_seq, seen_hash = state.get(station_id, (0, GENESIS))
        if (seen_seq, seen_hash) != (head_seq, head_hash):
            return ChainReport(
                checked, len(heads), BrokenLink(station_id, seen_seq + 1, None, "truncated")
            )
    for station_id in sorted(set(state) - set(heads)):
        seq, _ = state[station_id]
        return ChainReport(checked, len(heads), BrokenLink(station_id, seq, None, "head_missing"))
    return ChainReport(checked, len(heads), None)
