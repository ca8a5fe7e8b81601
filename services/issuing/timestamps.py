"""Licences waiting for a time-stamp, and adding it once the TSA answers.

A licence signed while the agency's time-stamping authority could not be reached is issued
all the same (the officer is told) and its signed file carries the flag
:data:`~services.produce.sign.later.TIMESTAMP_PENDING`. :func:`add_licence_timestamps` hands
them to :func:`services.produce.sign.later.stamp_flagged`, the same step the approval memos
take (DSS and a document time-stamp, one conditional update per file), which in the same
transaction points the register entry at the stamped file and records
``licence.timestamp_added``. The licence's attached XML is untouched by the incremental
update, so the register's ``xml_sha256`` still matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from models import Document, IssuedDocument
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.produce.sign.later import (
    FlaggedDocument,
    Repointing,
    is_flagged,
    stamp_flagged,
)
from services.store.context import AppContext

__all__ = ["PendingLicenceTimestamp", "add_licence_timestamps", "pending_licence_timestamps"]


@dataclass(frozen=True)
class PendingLicenceTimestamp:
    issued_id: str
    number: str
    application_id: str | None
    """Never None here (joined to its request's document); typed as the column is."""
    document_id: str


def pending_licence_timestamps(session: Session) -> list[PendingLicenceTimestamp]:
    """Signed licences waiting for a time-stamp, oldest first. The register entry names its
    file by content (``blob_sha256``); the flagged document of the same request with that
    content is the licence's."""
    rows = session.execute(
        select(IssuedDocument.id, IssuedDocument.document_number,
               IssuedDocument.application_id, Document.id)
        .join(Document, and_(Document.application_id == IssuedDocument.application_id,
                             Document.blob_sha256 == IssuedDocument.blob_sha256))
        .where(is_flagged())
        .order_by(IssuedDocument.issued_at)
    ).all()  # fmt: skip
    return [PendingLicenceTimestamp(*row) for row in rows]


def add_licence_timestamps(
    context: AppContext,
    actor: Actor,
    tsa_url: str,
    trust_roots: list[asn1_x509.Certificate],
) -> list[str]:
    """Time-stamp every waiting licence; returns the licence numbers done, in order."""
    require(actor, Action.ISSUE_LICENCE)
    return stamp_flagged(context, actor, _flagged, tsa_url, trust_roots, _LICENCE)


def _flagged(session: Session) -> list[FlaggedDocument]:
    return [
        FlaggedDocument(item.application_id, item.document_id, item.number, item.issued_id)
        for item in pending_licence_timestamps(session)
        if item.application_id is not None
    ]


# The register names its file by content: the entry takes the stamped file's digest.
_LICENCE = Repointing(
    event="licence.timestamp_added",
    record_key="issued_document",
    label_key="number",
    point=lambda issued_id, new: (
        update(IssuedDocument)
        .where(IssuedDocument.id == issued_id)
        .values(blob_sha256=new.blob_sha256)
    ),
)
