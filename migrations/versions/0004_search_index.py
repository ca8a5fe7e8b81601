"""search index and review indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

``search_entry`` holds, per application, the text officers search by (tracking number,
applicant names and e-mail, subject, body, extracted document text); ``search_index`` is an
FTS5 trigram index over it (external content: the text is stored once). An entry's id is
its place in first-come order (deemed-received second << 24, then a sequence), so a search
can read matches in id order and stop at the page size; see ``services/search.py``.

National ID numbers never enter the index: 13-digit runs in free text are masked.

Existing applications are indexed here. Documents already in the store are not (their bytes
are encrypted in the blob store, out of a migration's reach); documents attached from now on
are.

Indexes for the review screens at 100,000 applications (measured in tests/bench):
``ix_application_deemed_tracking`` and ``ix_application_status_deemed_tracking`` hold the
queue's whole sort key, so a page deep in the list is found in the index alone;
``ix_application_applicant_id`` finds an applicant's applications (search by national ID);
``ix_application_dashboard`` lets the dashboard count open work per status, service and
officer, with SLA due dates, from the index alone.
"""

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of services/search.py as of this revision: a migration must keep doing what
# it did when it was written, whatever the service code becomes later.
_SEQ_BITS = 24
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_DIGIT = "[0-9\u0e50-\u0e59]"
_ID_LIKE = re.compile(rf"(?<!{_DIGIT}){_DIGIT}(?:[ \-\u2010-\u2014.]?{_DIGIT}){{12}}(?!{_DIGIT})")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_BATCH = 1000
_END = "\n\n"  # every stored column ends so: each letter, even the last, starts a trigram


def _mask_id(match: re.Match[str]) -> str:
    digits = "".join(c for c in match.group(0).translate(_THAI_DIGITS) if c.isdigit())
    return f"X-XXXX-XXXXX-{digits[10:12]}-{digits[12]}"


def _clean(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").translate(_INVISIBLE)
    return _ID_LIKE.sub(_mask_id, text).strip()


def _lines(*parts: str | None) -> str:
    seen: list[str] = []
    for part in parts:
        value = _clean(part)
        if value and value not in seen:
            seen.append(value)
    return "\n".join(seen)


def _ended(value: str) -> str:
    return value + _END if value else ""


def _id_base(deemed: str | datetime) -> int:
    moment = deemed if isinstance(deemed, datetime) else datetime.fromisoformat(deemed)
    return int(moment.replace(tzinfo=UTC).timestamp()) << _SEQ_BITS


def upgrade() -> None:
    op.create_table(
        "search_entry",
        # 64-bit ids (second << 24); on SQLite INTEGER keeps it the rowid's alias.
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("tracking_number", sa.Text(), nullable=False, server_default=""),
        sa.Column("applicant", sa.Text(), nullable=False, server_default=""),
        sa.Column("subject", sa.Text(), nullable=False, server_default=""),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("documents", sa.Text(), nullable=False, server_default=""),
        sa.Column("document_ids", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_search_entry_application_id_application"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("application_id", name=op.f("uq_search_entry_application_id")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _trigram_indexes()
    else:
        _fts5_index()
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(
            "ix_application_deemed_tracking",
            ["deemed_received_at", "tracking_number"],
            unique=False,
        )
        batch_op.create_index(
            "ix_application_status_deemed_tracking",
            ["status", "deemed_received_at", "tracking_number"],
            unique=False,
        )
        batch_op.create_index("ix_application_applicant_id", ["applicant_id"], unique=False)
        batch_op.create_index(
            "ix_application_dashboard",
            ["status", "service_type_id", "assignee_id", "sla_due_at"],
            unique=False,
        )
    _fill()


def _fts5_index() -> None:
    # remove_diacritics 2 folds Latin accents (Café = cafe) and leaves Thai marks alone
    # (ไม่ ≠ ไม้); Thai has no case, Latin is matched case-insensitively.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "application_id UNINDEXED, tracking_number, applicant, subject, body, documents, "
        "content='search_entry', content_rowid='id', "
        "tokenize='trigram case_sensitive 0 remove_diacritics 2')"
    )
    # The index's vocabulary: one- and two-letter searches look up the trigrams they begin.
    op.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row')")


def _trigram_indexes() -> None:
    # The agency profile (PostgreSQL): no FTS5. pg_trgm's GIN indexes serve the same
    # substring searches (ILIKE '%word%') over the same search_entry text.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name in ("tracking_number", "applicant", "subject", "body", "documents"):
        op.execute(
            f"CREATE INDEX ix_search_entry_{name}_trgm ON search_entry "
            f"USING gin ({name} gin_trgm_ops)"
        )


def _fill() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT a.id, a.tracking_number, a.subject, a.body_text, a.reply_to, "
            "a.deemed_received_at, p.title_th, p.name_th, p.name_en, p.email, "
            "p.representative_th "
            "FROM application a LEFT JOIN applicant p ON p.id = a.applicant_id "
            "ORDER BY a.deemed_received_at, a.tracking_number"
        )
    )
    insert = sa.text(
        "INSERT INTO search_entry (id, application_id, tracking_number, applicant, subject, "
        "body, documents, document_ids) VALUES (:id, :application_id, :tracking_number, "
        ":applicant, :subject, :body, '', '')"
    )
    batch: list[dict[str, object]] = []
    last_base, seq = -1, 0
    for row in rows:
        base = _id_base(row.deemed_received_at)
        seq = seq + 1 if base == last_base else 0
        last_base = base
        name = f"{row.title_th or ''}{row.name_th or ''}"
        batch.append(
            {
                "id": base + seq,
                "application_id": row.id,
                "tracking_number": _ended(row.tracking_number),
                "applicant": _ended(
                    _lines(name, row.name_en, row.representative_th, row.email, row.reply_to)
                ),
                "subject": _ended(_clean(row.subject)),
                "body": _ended(_clean(row.body_text)),
            }
        )
        if len(batch) >= _BATCH:
            connection.execute(insert, batch)
            batch = []
    if batch:
        connection.execute(insert, batch)
    if connection.dialect.name != "postgresql":
        op.execute("INSERT INTO search_index(search_index) VALUES('rebuild')")


def downgrade() -> None:
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index("ix_application_dashboard")
        batch_op.drop_index("ix_application_applicant_id")
        batch_op.drop_index("ix_application_status_deemed_tracking")
        batch_op.drop_index("ix_application_deemed_tracking")
    op.execute("DROP TABLE IF EXISTS search_vocab")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.drop_table("search_entry")
