"""One top-level text field of an event's JSON payload, read by the database on either engine.

The event log keeps its payload as canonical JSON text (it is hashed exactly as stored), so a
query that asks "which status did this change lead to" must look *into* that text. Matching
the text with ``LIKE`` finds the words anywhere (a nested object, a pattern's wildcards, SQLite's
case-insensitive ASCII); the engines' JSON functions read the one key at the top level:
SQLite's ``json_extract`` and PostgreSQL's ``->>`` on the text cast to ``json``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnExpressionArgument, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement

__all__ = ["payload_text"]

# The key is written into the SQL itself (both engines want a literal path), so only plain
# identifiers are accepted: nothing a caller passes can change the statement.
_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")


class _PayloadText(ColumnElement[str]):
    inherit_cache = True
    type = String()

    def __init__(self, column: ColumnExpressionArgument[str], key: str) -> None:
        if not _KEY.match(key):
            raise ValueError(f"payload key {key!r} is not a plain identifier")
        self.column = column
        self.key = key


@compiles(_PayloadText)
def _on_sqlite(element: _PayloadText, compiler: Any, **kw: Any) -> str:
    return f"json_extract({compiler.process(element.column, **kw)}, '$.\"{element.key}\"')"


@compiles(_PayloadText, "postgresql")
def _on_postgresql(element: _PayloadText, compiler: Any, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.column, **kw)} AS json) ->> '{element.key}')"


def payload_text(column: ColumnExpressionArgument[str], key: str) -> ColumnElement[str]:
    """The text value of top-level ``key`` in the JSON held by ``column`` (NULL when absent)."""
    return _PayloadText(column, key)
