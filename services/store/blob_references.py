"""Which rows name a blob: what the orphan sweep and a failed intake group ask before removing one.

The blob store de-duplicates by content, so who *wrote* a file says nothing about who uses it:
a mail recorded today may carry the very PDF an older request holds. Only the rows decide.
Every column that holds a blob address is listed here, with the outbox's attachments (a
JSON list of ``{"sha256": …}``), which name the files only they send (a licence's XML).
``tests/unit/test_blob_references.py`` fails when a model gains a ``*sha256`` column this
list neither names nor sets aside as not a blob address.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator

from sqlalchemy import ColumnElement, String, and_, cast, exists, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models import (
    Document,
    FeeInboxItem,
    InboundMessage,
    IssuedDocument,
    NotRequestMail,
    OutboxMessage,
    QuarantineItem,
)

__all__ = [
    "BLOB_COLUMNS",
    "NOT_BLOB_COLUMNS",
    "all_referenced",
    "referenced_among",
    "unreferenced",
]

BLOB_COLUMNS: tuple[InstrumentedAttribute[str] | InstrumentedAttribute[str | None], ...] = (
    Document.blob_sha256,
    InboundMessage.raw_blob_sha256,
    IssuedDocument.blob_sha256,
    QuarantineItem.blob_sha256,
    NotRequestMail.raw_blob_sha256,
    FeeInboxItem.raw_blob_sha256,
    FeeInboxItem.blob_sha256,
)
"""Columns holding the address of a stored blob."""

NOT_BLOB_COLUMNS = frozenset(
    {
        "approval.certificate_sha256",  # the signing certificate's fingerprint
        "issued_document.xml_sha256",  # the register's check of the licence XML
        "catalog_version.source_sha256",  # the catalog file a version came from
        "calendar_version.source_sha256",  # the holidays file likewise
    }
)
"""``*sha256`` columns that are fingerprints, not blob addresses."""

_BATCH = 500


def _attachments_name(
    sha256: str | ColumnElement[str] | InstrumentedAttribute[str],
) -> ColumnElement[bool]:
    # The attachments are JSON; as text they hold each address verbatim (64 hex digits
    # cannot occur inside another address's digits by chance in any practical store).
    return cast(OutboxMessage.attachments, String).contains(sha256)


def unreferenced(
    sha256: str | ColumnElement[str] | InstrumentedAttribute[str],
) -> ColumnElement[bool]:
    """True where no row names ``sha256`` (a value, or a column of the statement's row)."""
    target: ColumnElement[str] | InstrumentedAttribute[str] = (
        literal(sha256) if isinstance(sha256, str) else sha256
    )
    named = [exists().where(column == target) for column in BLOB_COLUMNS]
    in_mail = exists().where(_attachments_name(target))
    return and_(*(~clause for clause in named), ~in_mail)


def referenced_among(session: Session, addresses: Collection[str]) -> set[str]:
    """Which of ``addresses`` some row names (read in the session's transaction, so rows it
    added and has not committed count)."""
    found: set[str] = set()
    wanted = sorted(set(addresses))
    for batch in _batches(wanted):
        for column in BLOB_COLUMNS:
            found.update(
                sha for sha in session.scalars(select(column).where(column.in_(batch))) if sha
            )
        rest = [sha for sha in batch if sha not in found]
        if rest:
            texts = session.scalars(
                select(cast(OutboxMessage.attachments, String)).where(
                    or_(*(_attachments_name(sha) for sha in rest))
                )
            )
            for text in texts:
                found.update(sha for sha in rest if sha in text)
    return found


def all_referenced(session: Session) -> set[bytes]:
    """Every address some row names, as 32-byte digests (half a hex string's memory): one
    pass over each column and over the outbox's attachments, whatever the store's size."""
    found: set[bytes] = set()
    for column in BLOB_COLUMNS:
        rows = session.execute(select(column).distinct().execution_options(yield_per=5000))
        found.update(bytes.fromhex(sha) for (sha,) in rows if sha)
    mails = session.execute(
        select(OutboxMessage.attachments)
        .where(cast(OutboxMessage.attachments, String) != "[]")
        .execution_options(yield_per=1000)
    )
    for (attachments,) in mails:
        for attachment in attachments or ():
            sha = attachment.get("sha256") if isinstance(attachment, dict) else None
            if isinstance(sha, str) and len(sha) == 64:
                with contextlib.suppress(ValueError):
                    found.add(bytes.fromhex(sha))
    return found


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]
