"""What a group of arrivals writes (services.intake.group.record_group), statement by statement:
the cursor once per group, the group's keys and addresses asked in one query each, its rows
table by table (one by one only when something in it failed) — and, whatever order the unit of
work picks, every row after the application it names. Real store (SQLCipher, or PostgreSQL
with ANUYAT_TEST_DB=postgres)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy.orm.unitofwork
import sqlalchemy.util.topological
from sqlalchemy import event, func, select
from sqlalchemy.testing.util import RandomSet

from models import Applicant, Application, InboundMessage, MailboxCursor, OutboxMessage
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


def test_a_group_is_written_table_by_table_not_mail_by_mail(context: AppContext) -> None:
    record_group(context, [_prepared(context, 1, _request(1))])  # the year's counter, made
    group = [_prepared(context, uid, _request(uid)) for uid in range(2, 8)]
    with _statements(context) as sent:
        outcomes = record_group(context, group).outcomes
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == ["new"] * 6
    records = [s for s in sent if "stored_blob" not in s]  # the server's blob store: its own
    # Asked once per group: the keys already recorded, the applicants the addresses name.
    assert sum(1 for s in records if s.startswith("SELECT") and "FROM inbound_message" in s) == 1
    assert sum(1 for s in records if s.startswith("SELECT") and "FROM applicant" in s) == 1
    # One SAVEPOINT for the whole group, and no mail's rows written alone: the first request's
    # applicant and first events go out when the group first reads the chain's head and the
    # agency, every other row with the group's one flush, many rows per statement.
    assert _count(records, "SAVEPOINT") == 1
    for table in ("applicant", "application", "document", "inbound_message", "event"):
        assert _count(records, f"INSERT INTO {table} ") <= 2, table
    # What stays per mail: its tracking number, taken from the counter in one statement.
    assert _count(records, "UPDATE tracking_counter") == 6
    with context.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 7
        assert verify_chain(session).checked >= 28
        assert verify_chain(session).ok


def test_two_requests_from_one_address_in_a_group_name_one_applicant(context: AppContext) -> None:
    record_group(context, [_prepared(context, 1, _request(1))])
    # Mail 2 and 3 come from the same new address, mail 4 from citizen 1, known already.
    again = _request(2).replace(b"<writes-2@", b"<writes-2b@")
    from_one = _request(4).replace(b"citizen4@", b"citizen1@").replace(b"Citizen 4", b"Citizen 1")
    group = [
        _prepared(context, 2, _request(2)),
        _prepared(context, 3, again),
        _prepared(context, 4, from_one),
    ]
    outcomes = record_group(context, group).outcomes
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == ["new"] * 3
    with context.read() as session:
        by_address = dict(
            session.execute(
                select(Applicant.email, func.count(Application.id))
                .join(Application, Application.applicant_id == Applicant.id)
                .group_by(Applicant.email)
            ).all()
        )
        assert by_address == {"citizen1@example.co.th": 2, "citizen2@example.co.th": 2}
        assert session.scalar(select(func.count()).select_from(Applicant)) == 2


def test_a_group_that_fails_together_is_recorded_one_by_one(
    context: AppContext, tmp_path: Path
) -> None:
    # The second mail's PDF cannot be judged: the group is recorded one arrival at a time,
    # that mail held whole, the others recorded as if nothing had happened.
    group = [_prepared(context, uid, _request(uid)) for uid in (1, 2, 3)]
    group[1] = replace(group[1], problem=ValueError("cannot judge"))
    outcomes = record_group(context, group).outcomes
    assert [o if isinstance(o, str) else o.kind for o in outcomes] == [
        "new",
        "quarantined",
        "new",
    ]
    # The template gone: every request fails after its rows were written, in the group's one
    # SAVEPOINT, then in each one's own; each is held whole, no number used up.
    missing = tmp_path / "missing.txt"
    later = [_prepared(context, uid, _request(uid)) for uid in (4, 5)]
    with _statements(context) as sent:
        outcomes = record_group(context, later, ack_template=missing).outcomes
    assert outcomes == ["quarantined", "quarantined"]
    assert _count(sent, "SAVEPOINT") >= 1 + 2 * 2
    with context.read() as session:
        numbers = session.scalars(select(Application.tracking_number)).all()
        assert sorted(n[-6:] for n in numbers) == ["000001", "000002"]
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
