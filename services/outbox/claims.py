"""One attempt's bookkeeping on its row: the claim (a lease), then sent, deferred or failed.

Each step commits in its own unit of work, so a crash between the server's acceptance and
the ``sent`` commit leaves the row queued; the lease runs out and it is sent again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, or_, update

from models import OutboxMessage
from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError
from services.outbox.queue import aggregate
from services.store.context import AppContext

BACKOFF_BASE = timedelta(minutes=1)
"""Wait after the first failed attempt; doubled after each further one."""
BACKOFF_CAP = timedelta(hours=1)
"""Longest wait between attempts. It bounds how long mail waits after a long outage ends
(Postfix's ``maximal_backoff_time`` is about the same)."""
CLAIM_LEASE = timedelta(minutes=15)
"""How long a claimed row is kept from other runs; after a crash it is retried then."""


def backoff_delay(attempts: int) -> timedelta:
    """Wait after ``attempts`` failed attempts: 1, 2, 4 … minutes, capped at BACKOFF_CAP."""
    exponent = max(0, min(attempts - 1, 30))
    return min(BACKOFF_BASE * (1 << exponent), BACKOFF_CAP)


def is_due(now: datetime) -> Any:
    return (OutboxMessage.status == "queued") & or_(
        OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now
    )


def _reason(exc: AnuyatError) -> str:
    return exc.bilingual()[:1000]


def claim(context: AppContext, actor: Actor, outbox_id: str) -> OutboxMessage | None:
    with context.unit_of_work(actor) as uow:
        result = cast(
            CursorResult[Any],
            uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == outbox_id, is_due(uow.now))
                .values(next_attempt_at=uow.now + CLAIM_LEASE)
                .execution_options(synchronize_session=False)
            ),
        )
        if result.rowcount != 1:
            return None  # sent, failed or claimed by another run meanwhile
        return uow.session.get(OutboxMessage, outbox_id)


def mark_sent(context: AppContext, actor: Actor, outbox_id: str) -> None:
    with context.unit_of_work(actor) as uow:
        row = uow.session.get(OutboxMessage, outbox_id, with_for_update=True)
        if row is None or row.status != "queued":
            return
        row.status = "sent"
        row.sent_at = uow.now
        row.attempts += 1
        row.next_attempt_at = None
        row.last_error = ""
        uow.record(
            "outbox.sent",
            *aggregate(row),
            {
                "outbox_id": row.id,
                "message_id": row.message_id,
                "kind": row.kind,
                "attempts": row.attempts,
            },
        )


def defer(
    context: AppContext, actor: Actor, outbox_id: str, exc: AnuyatError, *, hold_queue: bool
) -> None:
    with context.unit_of_work(actor) as uow:
        row = uow.session.get(OutboxMessage, outbox_id, with_for_update=True)
        if row is None or row.status != "queued":
            return
        row.attempts += 1
        row.last_error = _reason(exc)
        retry_at = uow.now + backoff_delay(row.attempts)
        row.next_attempt_at = retry_at
        if hold_queue:
            # The link is down: nothing else is tried before this message's next attempt.
            uow.session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.status == "queued",
                    OutboxMessage.id != row.id,
                    or_(
                        OutboxMessage.next_attempt_at.is_(None),
                        OutboxMessage.next_attempt_at < retry_at,
                    ),
                )
                .values(next_attempt_at=retry_at)
                .execution_options(synchronize_session=False)
            )
        uow.record(
            "outbox.deferred",
            *aggregate(row),
            {
                "outbox_id": row.id,
                "message_id": row.message_id,
                "attempts": row.attempts,
                "next_attempt_at": retry_at.isoformat(),
                "reason": exc.en,
                "code": exc.code,
            },
        )


def fail(context: AppContext, actor: Actor, outbox_id: str, exc: AnuyatError) -> None:
    with context.unit_of_work(actor) as uow:
        row = uow.session.get(OutboxMessage, outbox_id, with_for_update=True)
        if row is None or row.status != "queued":
            return
        row.status = "failed"
        row.attempts += 1
        row.next_attempt_at = None
        row.last_error = _reason(exc)
        uow.record(
            "outbox.failed",
            *aggregate(row),
            {
                "outbox_id": row.id,
                "message_id": row.message_id,
                "kind": row.kind,
                "attempts": row.attempts,
                "code": exc.code,
                "reason_th": exc.th,
                "reason_en": exc.en,
            },
        )
