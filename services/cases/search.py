"""Find applications by what an officer remembers of them, and keep the index that makes it fast.

What one search box accepts, tried in this order:

* a 13-digit national ID (spaces, dashes, Thai digits allowed) → the applicant holding exactly
  that ID; an ID that fails its check digit finds nothing. IDs are never searched by substring
  and never enter the full-text index (13-digit runs in free text are masked there);
* a tracking number or its prefix (``TST-ST1-2569-0001``) → exact or prefix match;
* words of three characters or more → an FTS5 trigram match (substrings, so ``อนุญาต`` finds
  ``ใบอนุญาตจัดตั้ง…``), each word a quoted phrase, all words required (AND), anywhere in the
  application: tracking number, applicant names and e-mail, subject, body, document text;
* words of one or two characters (too short for a trigram match) → the indexed trigrams they
  begin, read from the index's vocabulary (``ดี`` → ``ดี\n``, ``ดีใ``, …) and matched with OR;
  when a word is so common that it fills a page within the first rows, a ``LIKE`` scan over the
  same text instead, which then stops early. Either way the rows are exactly those holding
  the word.

Results come in **first-come order** (earliest deemed-received first), as the queues do, and are
cut at ``limit``. That order is built into the index: an entry's id is its deemed-received
second shifted left 24 bits plus a sequence, so the FTS index yields matches already in that
order and a search reads only one page of them, however many applications match.

The index (``search_entry`` + the FTS5 table ``search_index``, migration 0004) is written from
here only. Callers mark what changed: :func:`index_application` when an application is created
or its applicant or subject changes, :func:`index_document` when a document is attached. The
writes happen in one batch just before the session commits (or before a search in the same
session), so registering a thousand applications in one transaction stays a batch.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import Connection, bindparam, column, event, select, table
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from models import Applicant, Application, Document
from models.store import AT_COMMIT
from services.cases.queries import application_rows
from services.cases.text_extract import extract_text
from services.cases.views import ApplicationRow
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import AnuyatError
from services.kernel.thai_id import (
    is_valid_national_id,
    mask_national_ids_in,
    normalize_national_id,
)
from services.store.blobstore import BlobStore

__all__ = [
    "flush_index",
    "index_application",
    "index_document",
    "index_stored_documents",
    "search",
]

log = logging.getLogger(__name__)

_PENDING: Final = AT_COMMIT + "search"  # kept past a SAVEPOINT rollback (models.store)
_SEQ_BITS: Final = 24
_CHUNK: Final = 500

_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_THAI_DIGITS: Final = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# What a person types for a national ID: only digits and separators, 13 digits in all.
_ID_INPUT: Final = re.compile(r"^[0-9\u0e50-\u0e59\s\-\u2010-\u2014.]+$")
# AGENCY-STATION-YEAR[-NUMBER…]: agency and station codes as services.store.profile allows them.
_TRACKING: Final = re.compile(r"^[A-Z][A-Z0-9]{1,9}-[A-Z][A-Z0-9]{1,9}-\d{4}(?:-\d{0,6})?$")
_TEXT_COLUMNS: Final = ("tracking_number", "applicant", "subject", "body", "documents")
# Every stored column ends so, so that each letter, even the last, starts a trigram.
_END: Final = "\n\n"
# Short words: how many first entries to probe, and the share of hits in them (1 in
# _PROBE_SHARE of a page's worth) above which a LIKE scan beats reading trigram postings.
_PROBE_ROWS: Final = 1000
_PROBE_SHARE: Final = 10
_MAX_TERMS: Final = 256  # an OR of more trigrams costs more than it saves


# --------------------------------------------------------------------------- searching


def search(
    session: Session, calendar: BusinessCalendar, now: datetime, text: str, limit: int = 200
) -> list[ApplicationRow]:
    """Applications matching ``text``, first come first, at most ``limit`` (see module doc)."""
    query = _normalise(text).strip()
    if not query or limit <= 0:
        return []
    flush_index(session)
    ids = _national_id_matches(session, query, limit)
    if ids is None:
        ids = _tracking_matches(session, query, limit) or _text_matches(session, query, limit)
    if not ids:
        return []
    return application_rows(session, calendar, now, Application.id.in_(ids), limit=None)


def _national_id_matches(session: Session, query: str, limit: int) -> list[str] | None:
    """Application ids for an ID-shaped query; ``None`` when the query is not ID-shaped."""
    if not _ID_INPUT.match(query):
        return None
    digits = "".join(c for c in query.translate(_THAI_DIGITS) if c.isdigit())
    if len(digits) != 13:
        return None  # a shorter number (a phone, an amount, part of a tracking number)
    if not is_valid_national_id(digits):
        return []  # a mistyped ID: say nothing rather than guess at near matches
    national_id = normalize_national_id(digits)
    return list(
        session.scalars(
            select(Application.id)
            .join(Applicant, Applicant.id == Application.applicant_id)
            .where(Applicant.national_id == national_id)
            .order_by(Application.deemed_received_at, Application.tracking_number)
            .limit(limit)
        )
    )


def _tracking_matches(session: Session, query: str, limit: int) -> list[str]:
    candidate = query.upper()
    if not _TRACKING.match(candidate):
        return []
    exact = session.scalar(select(Application.id).where(Application.tracking_number == candidate))
    if exact is not None:
        return [exact]
    # A range on the unique index (LIKE would not use it: SQLite's LIKE ignores ASCII case).
    # A station numbers its year in arrival order, so the first numbers are the first come.
    return list(
        session.scalars(
            select(Application.id)
            .where(
                Application.tracking_number >= candidate,
                Application.tracking_number < candidate + "\uffff",
            )
            .order_by(Application.tracking_number)
            .limit(limit)
        )
    )


def _text_matches(session: Session, query: str, limit: int) -> list[str]:
    words = list(dict.fromkeys(query.split()))
    if _on_server(session):
        return _server_text_matches(session, words, limit)
    clauses = [_phrase(w) for w in words if len(w) >= 3]
    likes: list[str] = []
    for word in (w for w in words if len(w) < 3):
        trigrams = _trigrams_starting_with(session, word, limit)
        if trigrams is None:
            likes.append(word)
        elif not trigrams:
            return []  # no text anywhere holds these letters
        else:
            clauses.append("(" + " OR ".join(_phrase(t) for t in trigrams) + ")")
    like_sql, params = _like_conditions(likes)
    params["limit"] = limit
    if clauses:
        # FTS5 yields matches in rowid (= first-come) order, so LIMIT ends the read early.
        params["match"] = " AND ".join(clauses)
        where = " AND ".join(["search_index MATCH :match", *like_sql])
        sql = (
            "SELECT e.application_id FROM search_index JOIN search_entry e "
            f"ON e.id = search_index.rowid WHERE {where} ORDER BY search_index.rowid LIMIT :limit"
        )
    else:
        # Common short words only: a scan in first-come order fills the page early.
        sql = (
            f"SELECT e.application_id FROM search_entry e WHERE {' AND '.join(like_sql)} "
            "ORDER BY e.id LIMIT :limit"
        )
    return list(session.scalars(sql_text(sql), params))


def _on_server(session: Session | Connection) -> bool:
    """Whether this is the agency profile's PostgreSQL database (no FTS5 there)."""
    bind = session.get_bind() if isinstance(session, Session) else session
    return bind.dialect.name == "postgresql"


def _server_text_matches(session: Session, words: Sequence[str], limit: int) -> list[str]:
    """The same matches on PostgreSQL: every word a case-insensitive substring of the text
    (ILIKE, which the ``pg_trgm`` GIN indexes of migration 0004 serve), first come first."""
    like_sql, params = _like_conditions(words, operator="ILIKE")
    params["limit"] = limit
    sql = (
        f"SELECT e.application_id FROM search_entry e WHERE {' AND '.join(like_sql)} "
        "ORDER BY e.id LIMIT :limit"
    )
    return list(session.scalars(sql_text(sql), params))


def _trigrams_starting_with(session: Session, word: str, limit: int) -> list[str] | None:
    """The indexed trigrams that begin with a one- or two-letter ``word``, or ``None`` when a
    LIKE scan is the better way to find it.

    Trigrams cannot match fewer than three letters, but every place a short word occurs
    starts a trigram (each stored column ends in two newlines, so even its last letter
    does); rows holding any of those trigrams are exactly the rows holding the word. Reading
    them costs as much as the word is frequent, so a frequent word (found often in the first
    rows) is left to LIKE, which then fills a page after a short scan.
    """
    folded = word.lower()  # as the tokenizer folds ASCII; Thai has no case
    if not all(c.isascii() or "\u0e00" <= c <= "\u0e7f" for c in folded):
        return None  # accents fold in ways a range on the vocabulary would miss
    like_sql, params = _like_conditions([word])
    probe = session.scalar(
        sql_text(
            f"SELECT count(*) FROM (SELECT * FROM search_entry ORDER BY id LIMIT {_PROBE_ROWS}) e "
            f"WHERE {like_sql[0]}"
        ),
        params,
    )
    if (probe or 0) * _PROBE_SHARE >= limit:
        return None
    terms = session.scalars(
        sql_text("SELECT term FROM search_vocab WHERE term >= :low AND term < :high LIMIT :cap"),
        {"low": folded, "high": folded + "\U0010ffff", "cap": _MAX_TERMS + 1},
    ).all()
    return None if len(terms) > _MAX_TERMS else list(terms)


def _like_conditions(
    words: Sequence[str], operator: str = "LIKE"
) -> tuple[list[str], dict[str, Any]]:
    """One ``(… LIKE …)`` condition per word over the columns of ``search_entry e``.

    SQLite's LIKE ignores the case of Latin letters; PostgreSQL's ``ILIKE`` does the same."""
    conditions: list[str] = []
    params: dict[str, Any] = {}
    for n, word in enumerate(words):
        escaped = _escape_like(word)
        # ESCAPE only when needed: it makes SQLite's LIKE several times slower.
        escape = " ESCAPE '\\'" if escaped != word else ""
        params[f"w{n}"] = f"%{escaped}%"
        # Short columns first: OR stops at the first hit, before reading long document text.
        columns = " OR ".join(f"e.{c} {operator} :w{n}{escape}" for c in _TEXT_COLUMNS)
        conditions.append(f"({columns})")
    return conditions, params


def _phrase(word: str) -> str:
    """``word`` as one FTS5 string: quoted, inner quotes doubled, so no query syntax leaks."""
    return '"' + word.replace('"', '""') + '"'


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _normalise(value: str) -> str:
    """NFC, without the invisible characters Thai text is often peppered with (ZWSP…)."""
    return unicodedata.normalize("NFC", value).translate(_INVISIBLE)


# --------------------------------------------------------------------------- marking changes


def index_application(session: Session, application_id: str) -> None:
    """Re-index the application's own text (tracking number, applicant, subject, body).

    Call it when an application is created or its applicant or subject changes. The write
    waits for the session's commit, so it sees the final state of the transaction.
    """
    _pending(session).setdefault(application_id, [])


def index_document(session: Session, application_id: str, document_id: str, text: str) -> None:
    """Add a document's extracted text to its application's entry (at the session's commit).

    A document without text (a scan) is recorded too, so it is never extracted again.
    """
    _pending(session).setdefault(application_id, []).append((document_id, _clean(text)))


def flush_index(session: Session) -> int:
    """Write what was marked in this session now; returns how many applications were indexed.

    Runs by itself before the session commits; call it to search the same transaction.
    """
    if not session.info.get(_PENDING):
        return 0
    session.flush()
    pending: dict[str, list[tuple[str, str]]] = session.info.pop(_PENDING)
    connection = session.connection()
    _drop_undone(connection, pending)
    ids = list(pending)
    for start in range(0, len(ids), _CHUNK):
        _write_entries(connection, ids[start : start + _CHUNK], pending)
    return len(ids)


def _drop_undone(connection: Connection, pending: dict[str, list[tuple[str, str]]]) -> None:
    """Leave out the documents a rolled-back SAVEPOINT took away (an arrival of a group that
    failed and was held instead); an application that went with it finds no row to index."""
    marked = [document_id for texts in pending.values() for document_id, _ in texts]
    if not marked:
        return
    kept: set[str] = set()
    for start in range(0, len(marked), _CHUNK):
        chunk = marked[start : start + _CHUNK]
        kept.update(connection.execute(select(Document.id).where(Document.id.in_(chunk))).scalars())
    if len(kept) == len(set(marked)):
        return
    for application_id, texts in pending.items():
        pending[application_id] = [(d, found) for d, found in texts if d in kept]


def index_stored_documents(session: Session, blobs: BlobStore, limit: int = 100) -> int:
    """Extract and index up to ``limit`` documents not yet in the index; returns how many.

    For documents that reached the store before the index existed (migration 0004 cannot read
    the blob store). Run in batches in the background until it returns 0.
    """
    rows = session.execute(
        sql_text(
            "SELECT d.id, d.application_id, d.content_type, d.blob_sha256 FROM document d "
            "JOIN search_entry e ON e.application_id = d.application_id "
            "WHERE e.document_ids NOT LIKE '%' || d.id || '%' AND d.origin != 'produced' "
            "LIMIT :limit"
        ),
        {"limit": limit},
    ).all()
    for document_id, application_id, content_type, sha256 in rows:
        try:
            found = extract_text(content_type, blobs.get(sha256))
        except (AnuyatError, OSError) as exc:
            # A missing or damaged blob is the blob check's business; it must not stall this.
            log.warning("document %s not indexed: %s", document_id, exc)
            found = ""
        pending = _pending(session).setdefault(application_id, [])
        # Recorded even when empty, so a scan is not read again on the next batch.
        pending.append((document_id, _clean(found)))
    flush_index(session)
    return len(rows)


def _pending(session: Session) -> dict[str, list[tuple[str, str]]]:
    pending: dict[str, list[tuple[str, str]]] | None = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = {}
        # session.info is emptied when the transaction ends (models.store), and with it
        # what was marked; a SAVEPOINT's rollback leaves it (see _write_entries).
        if not event.contains(session, "before_commit", _flush_at_commit):
            event.listen(session, "before_commit", _flush_at_commit)
    return pending


def _flush_at_commit(session: Session) -> None:
    # SQLAlchemy tells of a SAVEPOINT's release as a commit too: the index is written once,
    # when the transaction itself commits (a group of arrivals: one write for the group).
    if not session.in_nested_transaction():
        flush_index(session)


# --------------------------------------------------------------------------- writing entries


@dataclass
class _Entry:
    id: int
    application_id: str
    tracking_number: str
    applicant: str
    subject: str
    body: str
    documents: str
    document_ids: str

    def values(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "application_id": self.application_id,
            "tracking_number": self.tracking_number,
            "applicant": self.applicant,
            "subject": self.subject,
            "body": self.body,
            "documents": self.documents,
            "document_ids": self.document_ids,
        }


_ENTRY = table(
    "search_entry", column("id"), column("application_id"), column("documents"),
    column("document_ids"),
)  # fmt: skip
_INSERT_ENTRY = sql_text(
    "INSERT INTO search_entry (id, application_id, tracking_number, applicant, subject, body, "
    "documents, document_ids) VALUES (:id, :application_id, :tracking_number, :applicant, "
    ":subject, :body, :documents, :document_ids)"
)
_INSERT_INDEX = sql_text(
    "INSERT INTO search_index (rowid, application_id, tracking_number, applicant, subject, body, "
    "documents) VALUES (:id, :application_id, :tracking_number, :applicant, :subject, :body, "
    ":documents)"
)
# External content: FTS5 forgets a row only when told its exact old text, read here from the
# content table in the same statement.
_UNINDEX = sql_text(
    "INSERT INTO search_index (search_index, rowid, application_id, tracking_number, applicant, "
    "subject, body, documents) SELECT 'delete', id, application_id, tracking_number, "
    "applicant, subject, body, documents FROM search_entry WHERE id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_DELETE_ENTRIES = sql_text("DELETE FROM search_entry WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_LAST_ID = sql_text("SELECT max(id) FROM search_entry WHERE id >= :low AND id < :high")


def _write_entries(
    connection: Connection, ids: Sequence[str], pending: dict[str, list[tuple[str, str]]]
) -> None:
    sources = connection.execute(
        select(
            Application.id,
            Application.tracking_number,
            Application.subject,
            Application.body_text,
            Application.reply_to,
            Application.deemed_received_at,
            Applicant.title_th,
            Applicant.name_th,
            Applicant.name_en,
            Applicant.email,
            Applicant.representative_th,
            _ENTRY.c.id.label("entry_id"),
            _ENTRY.c.documents,
            _ENTRY.c.document_ids,
        )
        .outerjoin(Applicant, Applicant.id == Application.applicant_id)
        .outerjoin(_ENTRY, _ENTRY.c.application_id == Application.id)
        .where(Application.id.in_(ids))
        .order_by(Application.deemed_received_at, Application.tracking_number)
    ).all()
    entries: list[_Entry] = []
    next_ids: dict[int, int] = {}
    for row in sources:
        base = _id_base(row.deemed_received_at)
        if row.entry_id is not None and row.entry_id >> _SEQ_BITS == base >> _SEQ_BITS:
            entry_id = row.entry_id
        else:
            entry_id = _next_id(connection, base, next_ids)
        documents = [row.documents.removesuffix(_END)] if row.documents else []
        document_ids = row.document_ids.split() if row.document_ids else []
        for document_id, found in pending.get(row.id, []):
            if document_id not in document_ids:
                document_ids.append(document_id)
                if found:
                    documents.append(found)
        name = f"{row.title_th or ''}{row.name_th or ''}"
        entries.append(
            _Entry(
                id=entry_id,
                application_id=row.id,
                tracking_number=_ended(row.tracking_number),
                applicant=_ended(
                    _lines((name, row.name_en, row.representative_th, row.email, row.reply_to))
                ),
                subject=_ended(_clean(row.subject)),
                body=_ended(_clean(row.body_text)),
                documents=_ended("\n".join(documents)),
                document_ids=" ".join(document_ids),
            )
        )
    on_server = _on_server(connection)
    # Old entries go first (their ids were counted above, so none is handed out twice).
    replaced = [row.entry_id for row in sources if row.entry_id is not None]
    if replaced:
        if not on_server:
            connection.execute(_UNINDEX, {"ids": replaced})
        connection.execute(_DELETE_ENTRIES, {"ids": replaced})
    if entries:
        values = [entry.values() for entry in entries]
        connection.execute(_INSERT_ENTRY, values)
        if not on_server:  # PostgreSQL's trigram indexes follow the table by themselves
            connection.execute(_INSERT_INDEX, values)


def _next_id(connection: Connection, base: int, allocated: dict[int, int]) -> int:
    """The next free id of a deemed-received second (ids still held by old entries count)."""
    if base not in allocated:
        last = connection.execute(_LAST_ID, {"low": base, "high": base + (1 << _SEQ_BITS)})
        found = last.scalar()
        allocated[base] = base - 1 if found is None else int(found)
    allocated[base] += 1
    if allocated[base] >= base + (1 << _SEQ_BITS):
        raise RuntimeError("more than 16 million applications deemed received in one second")
    return allocated[base]


def _id_base(deemed: datetime) -> int:
    return int(deemed.astimezone(UTC).timestamp()) << _SEQ_BITS


def _ended(value: str) -> str:
    return value + _END if value else ""


def _clean(value: str | None) -> str:
    """Text as indexed: normalised, and with anything shaped like a national ID masked."""
    return mask_national_ids_in(_normalise(value or "")).strip()


def _lines(parts: Iterable[str | None]) -> str:
    seen: list[str] = []
    for part in parts:
        value = _clean(part)
        if value and value not in seen:
            seen.append(value)
    return "\n".join(seen)
