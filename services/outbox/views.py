"""The read side: counts by status, the sent log, and the failed messages an officer acts on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models import Application, OutboxMessage

_STATUSES = ("queued", "sent", "failed")


@dataclass(frozen=True)
class OutboxRow:
    """A message as the outbox and "sent" views show it."""

    id: str
    message_id: str
    application_id: str | None
    tracking_number: str | None
    kind: str
    to_addr: str
    subject: str
    status: str
    attempts: int
    attachment_count: int
    created_at: datetime
    next_attempt_at: datetime | None
    sent_at: datetime | None
    last_error: str


def outbox_summary(session: Session) -> dict[str, int]:
    """How many messages are queued, sent and failed (every status present, zero or not)."""
    counts = dict.fromkeys(_STATUSES, 0)
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    for status, count in rows:
        counts[str(status)] = int(count)
    return counts


def _rows(session: Session, query: Select[OutboxMessage, str]) -> list[OutboxRow]:
    return [
        OutboxRow(
            id=m.id,
            message_id=m.message_id,
            application_id=m.application_id,
            tracking_number=tracking,
            kind=m.kind,
            to_addr=m.to_addr,
            subject=m.subject,
            status=m.status,
            attempts=m.attempts,
            attachment_count=len(m.attachments or []),
            created_at=m.created_at,
            next_attempt_at=m.next_attempt_at,
            sent_at=m.sent_at,
            last_error=m.last_error,
        )
        for m, tracking in session.execute(query)
    ]


def _listing(status: str) -> Select[OutboxMessage, str]:
    return (
        select(OutboxMessage, Application.tracking_number)
        .outerjoin(Application, Application.id == OutboxMessage.application_id)
        .where(OutboxMessage.status == status)
    )


def sent_log(session: Session, limit: int = 100) -> list[OutboxRow]:
    """The most recently sent messages, newest first."""
    query = _listing("sent").order_by(OutboxMessage.sent_at.desc(), OutboxMessage.id)
    return _rows(session, query.limit(limit))


def failed_messages(session: Session, limit: int = 100) -> list[OutboxRow]:
    """Messages refused for good, newest first: an officer has to act on each."""
    query = _listing("failed").order_by(OutboxMessage.created_at.desc(), OutboxMessage.id)
    return _rows(session, query.limit(limit))
