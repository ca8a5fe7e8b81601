"""The order rows were inserted in, on either engine.

SQLite numbers every row (``rowid``) as it is inserted; services break ties between rows
stamped with the same instant (files received together, verdicts recorded in one action,
messages queued in one transaction) by it. PostgreSQL has no such number, so on the agency
server these tables carry ``insertion_seq`` (an identity column, migration 0015) instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement

__all__ = ["INSERTION_ORDERED", "insertion_order"]

INSERTION_ORDERED = ("document", "review_check", "outbox_message")
"""The tables whose rows are sorted by insertion order somewhere."""


class _InsertionOrder(ColumnElement[int]):
    inherit_cache = True
    type = BigInteger()

    def __init__(self, table: str) -> None:
        if table not in INSERTION_ORDERED:
            raise ValueError(f"{table} has no insertion order on PostgreSQL (migration 0015)")
        self.table = table


@compiles(_InsertionOrder)
def _on_sqlite(element: _InsertionOrder, _compiler: Any, **_kw: Any) -> str:
    return f"{element.table}.rowid"


@compiles(_InsertionOrder, "postgresql")
def _on_postgresql(element: _InsertionOrder, _compiler: Any, **_kw: Any) -> str:
    return f"{element.table}.insertion_seq"


def insertion_order(table: str) -> ColumnElement[int]:
    """An expression sorting ``table``'s rows in the order they were inserted."""
    return _InsertionOrder(table)
