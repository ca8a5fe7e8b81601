"""The reports' SQL on PostgreSQL (the agency profile's engine): the seeded month copied row for
row from the encrypted SQLite store into a real PostgreSQL database gives the same monthly
report, the same audit rows and the same chain verdict."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.orm import Session

from models import Base
from services.reports import AuditFilter, audit_rows, chain_status, monthly_report
from tests.integration.month_seed import (
    OCTOBER,
    seed_data_requests,
    seed_mere_mentions,
    seed_october,
)


@pytest.fixture
def both(context, postgres_database):
    """(SQLite session, PostgreSQL session) over the same rows."""
    ids = seed_october(context)
    seed_mere_mentions(context)  # only the top-level "to" of a status change counts there too
    seed_data_requests(context, ids["quick"])  # the licence data requests' line too
    engine = create_engine(postgres_database)
    Base.metadata.create_all(engine)
    with context.read() as source, Session(engine) as target:
        for table in Base.metadata.sorted_tables:
            rows = [dict(row) for row in source.execute(select(table)).mappings()]
            if rows:
                target.execute(insert(table), rows)
        target.commit()
        yield source, target
    engine.dispose()


def test_the_monthly_report_is_the_same_on_postgresql(context, both) -> None:
    sqlite, postgres = both
    assert postgres.bind is not None and postgres.bind.dialect.name == "postgresql"
    now = context.clock.now()
    on_sqlite = monthly_report(sqlite, context.calendar, OCTOBER, now)
    on_postgres = monthly_report(postgres, context.calendar, OCTOBER, now)
    assert on_postgres == on_sqlite
    assert on_postgres.total.received == 8 and on_postgres.total.completed == 4
    petition = next(row for row in on_postgres.rows if row.code == "PETITION")
    assert (petition.withdrawn, petition.open_at_end) == (1, 2)
    assert on_postgres.data_requests.received == 6 and on_postgres.data_requests.answered_late == 1


def test_the_audit_rows_and_the_chain_are_the_same_on_postgresql(context, both) -> None:
    sqlite, postgres = both
    status = chain_status(postgres, context.store.anchor_key, [])
    assert status.intact and status.checked == chain_status(sqlite, b"", []).checked
    for flt in (
        AuditFilter(),
        AuditFilter(kind="application"),
        AuditFilter(officer="admin"),
        AuditFilter(first_day=date(2026, 10, 5), last_day=date(2026, 10, 15)),
    ):
        args = {"limit": 500, "verified_up_to": status.last_verified_seq}
        assert audit_rows(postgres, flt, **args) == audit_rows(sqlite, flt, **args), flt


def test_a_row_altered_on_postgresql_breaks_the_chain_there(context, both) -> None:
    _sqlite, postgres = both
    target = postgres.scalar(text("SELECT seq FROM event ORDER BY seq OFFSET 3 LIMIT 1"))
    postgres.execute(text("UPDATE event SET actor = 'someone' WHERE seq = :s"), {"s": target})
    postgres.commit()
    status = chain_status(postgres, context.store.anchor_key, [])
    assert not status.intact and status.broken_at_seq == target
