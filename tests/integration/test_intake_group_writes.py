"""What a group of arrivals writes (services.intake.group.record_group), statement by statement:
the cursor once per group, the group's keys asked in one query, each arrival in one flush with
its events in one INSERT — and, whatever order the unit of work picks, every row after the
application it names. Real store (SQLCipher, or PostgreSQL with ANUYAT_TEST_DB=postgres)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
import sqlalchemy.orm.unitofwork
import sqlalchemy.util.topological
from sqlalchemy import event, func, select
from sqlalchemy.testing.util import RandomSet

from models import Application, InboundMessage, MailboxCursor, OutboxMessage
from services.intake.group import Prepared, parse_fetched, prepare_mail, record_group
from services.intake.types import Limits, RawMail
from services.kernel.events import verify_chain
from services.store.context import AppContext
from tests.data import mail_corpus as corpus

SOURCE = "imap:officer@mail.tst.go.th/INBOX"


def _request(n: int) -> bytes:
    return corpus.mail_with_files(
        [(f"แบบคำขอ-{n}.pdf", corpus.file_pdf() + f"% writes {n}\n".encode())],
        subject=corpus.encoded_word(f"ขอใบอนุญาต ลำดับที่ {n}"),
        sender=f"Citizen {n} <citizen{n}@example.co.th>",
        message_id=f"<writes-{n}@example.co.th>",
    )


def _prepared(context: AppContext, uid: int, raw: bytes) -> Prepared:
    mail = RawMail(SOURCE, str(uid), datetime(2026, 11, 24, 2, uid, tzinfo=UTC), raw)
    return prepare_mail(parse_fetched(mail, SOURCE, 7, context.clock.now()), Limits())


@contextmanager
def _statements(context: AppContext) -> Iterator[list[str]]:
    """Every statement the store is sent while the block runs, whitespace collapsed."""
    sent: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        sent.append(" ".join(statement.split()))

    engine = context.store.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def _arrivals(sent: list[str]) -> list[list[str]]:
    """The statements of each arrival: from its SAVEPOINT to its release."""
    arrivals: list[list[str]] = []
    current: list[str] | None = None
    for statement in sent:
        if statement.startswith("SAVEPOINT"):
            current = []
            arrivals.append(current)
        elif statement.startswith("RELEASE"):
            current = None
        elif current is not None:
            current.append(statement)
    return arrivals


def _count(sent: list[str], start: str) -> int:
    return sum(1 for s in sent if s.upper().startswith(start.upper()))


def test_a_group_moves_its_cursor_once_to_its_last_mail(context: AppContext) -> None:
    first = [_prepared(context, uid, _request(uid)) for uid in (3, 4, 5, 6)]
    with _statements(context) as sent:
        record_group(context, first, mark_duplicates=lambda _uids: None)
    assert _count(sent, "INSERT INTO mailbox_cursor") == 1
    assert not any("UPDATE mailbox_cursor" in s for s in sent)

    # The next group: one UPDATE, to its last mail, whether or not that one is a copy (it was
    # marked on the server before the commit, so the cursor may pass it).
    again = [_prepared(context, 7, _request(7)), _prepared(context, 8, _request(4))]
    with _statements(context) as sent:
        outcomes = record_group(context, again, mark_duplicates=lambda _uids: None).outcomes
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == ["new", "duplicate"]
    assert _count(sent, "UPDATE mailbox_cursor") == 1
    with context.read() as session:
        cursor = session.get(MailboxCursor, SOURCE)
        assert cursor is not None and (cursor.uidvalidity, cursor.last_uid) == (7, 8)
        assert session.scalar(select(func.count()).select_from(Application)) == 5
        assert verify_chain(session).ok


def test_an_unmarked_copy_at_a_groups_end_keeps_the_cursor_before_it(
    context: AppContext,
) -> None:
    record_group(context, [_prepared(context, 1, _request(1))])
    # Nobody marks the copy on the server: moving past it would leave it unread there forever.
    group = [_prepared(context, 2, _request(2)), _prepared(context, 3, _request(1))]
    outcomes = record_group(context, group, mark_duplicates=None).outcomes
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == ["new", "duplicate"]
    with context.read() as session:
        cursor = session.get(MailboxCursor, SOURCE)
        assert cursor is not None and cursor.last_uid == 2


def test_each_arrival_is_one_flush_with_its_events_in_one_insert(context: AppContext) -> None:
    record_group(context, [_prepared(context, 1, _request(1))])  # the year's counter, made
    group = [_prepared(context, uid, _request(uid)) for uid in range(2, 8)]
    with _statements(context) as sent:
        outcomes = record_group(context, group).outcomes
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == ["new"] * 6
    # The group's keys are asked once, not once per mail.
    assert sum(1 for s in sent if s.startswith("SELECT") and "FROM inbound_message" in s) == 1
    arrivals = _arrivals(sent)
    assert len(arrivals) == 6
    # The group's first arrival also reads the chain's head and the agency (each query writes
    # out what is pending first); every later one is written by the flush of its SAVEPOINT's
    # release alone: its four events (applicant, application, document, acknowledgement) in one
    # INSERT, the chain's head updated once, each row once.
    for statements in arrivals[1:]:
        assert _count(statements, "INSERT INTO event") == 1
        assert _count(statements, "UPDATE chain_head") == 1
        for table in ("applicant", "application", "document", "inbound_message"):
            assert _count(statements, f"INSERT INTO {table} ") == 1
        # The applicant, by e-mail (on the agency's server the files are rows too: not counted).
        records = [s for s in statements if "stored_blob" not in s]
        assert _count(records, "SELECT") == 1
    with context.read() as session:
        assert verify_chain(session).checked >= 24
        assert verify_chain(session).ok


def test_rows_naming_a_new_application_follow_it_whatever_order_the_flush_picks(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The unit of work's sets made to iterate at random (SQLAlchemy's own test device): only a
    # declared dependency keeps an inbound message or an outbox row after its application,
    # which foreign keys on both stores demand at once.
    for module in (sqlalchemy.util.topological, sqlalchemy.orm.unitofwork):
        monkeypatch.setattr(module, "set", RandomSet, raising=False)
    group = [_prepared(context, uid, _request(uid)) for uid in range(1, 13)]
    outcomes = record_group(context, group).outcomes
    monkeypatch.undo()
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == ["new"] * 12
    with context.read() as session:
        named = select(func.count()).where(InboundMessage.application_id.is_not(None))
        assert session.scalar(named) == 12
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 12
