"""The sending run: due rows oldest first, one transport, and what to do with each outcome."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from sqlalchemy import select

from models import OutboxMessage
from models.ordering import insertion_order
from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError
from services.outbox.claims import claim, defer, fail, is_due, mark_sent
from services.outbox.compose import build_email, official_sender
from services.outbox.errors import TemporaryFailure, TransportUnavailable
from services.store.context import AppContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendReport:
    """What one :func:`send_due` run did."""

    sent: int
    failed: int
    deferred: int
    """Messages tried and put back for later (held, untried messages are not counted)."""
    last_error: str | None
    """The last problem, in English (rows keep both languages in ``last_error``)."""
    last_error_th: str | None = None
    """The same problem in Thai."""


class Transport(Protocol):
    """Something that delivers a built message (SMTP, or the demo's Maildir)."""

    def send(self, message: EmailMessage, envelope_from: str, to: str) -> None:
        """Deliver or raise :class:`TemporaryFailure` / :class:`RecipientRefused`."""
        ...

    def close(self) -> None:
        """Let go of any open connection (called at the end of each run)."""
        ...


def send_due(context: AppContext, transport: Transport, *, limit: int = 100) -> SendReport:
    """Send up to ``limit`` due messages, oldest first; see the package docstring.

    Raises :class:`InvalidInput` (before sending anything) when messages are due but the
    agency has no official address. Other problems are recorded on the rows and summed up in
    the report.
    """
    actor = Actor.system("outbox")
    with context.read() as session:
        now = context.clock.now()
        due = list(
            session.scalars(
                select(OutboxMessage.id)
                .where(is_due(now))
                # ties: messages queued in the same transaction go in the order they were queued
                .order_by(OutboxMessage.created_at, insertion_order("outbox_message"))
                .limit(limit)
            )
        )
        if not due:
            return SendReport(0, 0, 0, None)
        sender = official_sender(session)
    sent = failed = deferred = 0
    problem: AnuyatError | None = None
    try:
        for outbox_id in due:
            row = claim(context, actor, outbox_id)
            if row is None:
                continue
            from_addr = row.from_addr or sender.address
            try:
                message = build_email(row, context.store.blobs, from_addr, sender.name)
                transport.send(message, from_addr, row.to_addr)
            except TransportUnavailable as exc:
                log.warning("outbox: %s not sent, link down: %s", row.message_id, exc.detail)
                defer(context, actor, row.id, exc, hold_queue=True)
                deferred += 1
                problem = exc
                break
            except TemporaryFailure as exc:
                log.info("outbox: %s deferred: %s", row.message_id, exc.detail)
                defer(context, actor, row.id, exc, hold_queue=False)
                deferred += 1
                problem = exc
            except AnuyatError as exc:  # refused for good, or an attachment is unreadable
                log.warning("outbox: %s failed: %s %s", row.message_id, exc.code, exc.detail)
                fail(context, actor, row.id, exc)
                failed += 1
                problem = exc
            else:
                mark_sent(context, actor, row.id)
                sent += 1
    finally:
        transport.close()
    return SendReport(
        sent,
        failed,
        deferred,
        problem.en if problem else None,
        problem.th if problem else None,
    )
