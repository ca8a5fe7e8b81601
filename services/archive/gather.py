"""A request's whole file read from the store, as plain data to draw: the facts, every file
received or produced (withdrawn or destroyed ones named, never left out), the letters sent,
the issued documents, the history in words and the raw audit events.

Read in one read-only session, so the export is one point in time. Blobs are read after
the session with the content address the rows gave: a blob removed by an ordered
destruction is reported as such (its tombstone row says so), not as an error.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from models import Agency, Application, Document, Event, IssuedDocument, OutboxMessage
from services.cases.views import HistoryEntry
from services.kernel.errors import NotFound
from services.kernel.statuses import STATUSES
from services.kernel.thai_id import mask_national_id
from services.review.checks import service_spec
from services.review.history import history
from services.store.blobstore import BlobStore

__all__ = ["CaseFile", "FileEntry", "LetterEntry", "gather_case", "read_blobs"]


@dataclass(frozen=True)
class FileEntry:
    """One file of the request: an applicant's document, a produced one, an issued one."""

    kind: str  # "document" | "issued"
    name: str
    content_type: str
    sha256: str
    received_at: datetime
    origin: str
    #: Why the file is not the living copy (withdrawn, revoked, destroyed), Thai and English.
    note_th: str = ""
    note_en: str = ""
    destroyed: bool = False
    data: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class LetterEntry:
    kind: str
    to: str
    subject: str
    body: str
    created_at: datetime
    sent_at: datetime | None
    status: str


@dataclass(frozen=True)
class CaseFile:
    application_id: str
    tracking_number: str
    agency_th: str
    agency_en: str
    service_th: str
    service_en: str
    applicant: str
    applicant_id: str  # masked: the scans carry the full number where the law needs it
    channel: str
    status_th: str
    status_en: str
    received_at: datetime
    closed_at: datetime | None
    subject: str
    files: tuple[FileEntry, ...]
    letters: tuple[LetterEntry, ...]
    history: tuple[HistoryEntry, ...]
    events_csv: bytes = field(repr=False)
    event_count: int = 0


def _application(session: Session, tracking: str) -> Application:
    application = session.scalars(
        select(Application).where(Application.tracking_number == tracking.strip())
    ).one_or_none()
    if application is None:
        raise NotFound(
            f"ไม่พบคำขอเลขที่ {tracking} ตรวจเลขติดตามอีกครั้ง",
            f"No request with tracking number {tracking}. Check the number.",
        )
    return application


def _document_entry(document: Document) -> FileEntry:
    note_th = note_en = ""
    destroyed = "destroyed" in (document.flags or [])
    if destroyed:
        note_th, note_en = "ทำลายแล้วตามคำสั่ง", "destroyed by order"
    elif document.withdrawn_at is not None:
        note_th = f"ถอนออกแล้ว: {document.withdrawn_reason}"
        note_en = f"withdrawn: {document.withdrawn_reason}"
    return FileEntry(
        kind="document",
        name=document.filename,
        content_type=document.content_type,
        sha256=document.blob_sha256,
        received_at=document.received_at,
        origin=document.origin,
        note_th=note_th,
        note_en=note_en,
        destroyed=destroyed,
    )


def _issued_entry(issued: IssuedDocument, destroyed: bool) -> FileEntry:
    revoked = issued.status == "revoked"
    return FileEntry(
        destroyed=destroyed,
        kind="issued",
        name=issued.file_name,
        content_type="application/pdf",
        sha256=issued.blob_sha256,
        received_at=issued.issued_at,
        origin="issued",
        note_th=f"เลขที่ {issued.document_number}" + (" (เพิกถอนแล้ว)" if revoked else ""),
        note_en=f"number {issued.document_number}" + (" (revoked)" if revoked else ""),
    )


def _events_csv(session: Session, application: Application) -> tuple[bytes, int]:
    """The request's and its documents' events as stored: the chain's fields, for a court."""
    document_ids = list(
        session.scalars(select(Document.id).where(Document.application_id == application.id))
    )
    rows = session.scalars(
        select(Event)
        .where(
            or_(
                Event.aggregate_id == application.id,
                Event.aggregate_id.in_(document_ids) if document_ids else false(),
            )
        )
        .order_by(Event.seq)
    ).all()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["seq", "occurred_at", "actor", "type", "aggregate_id", "payload", "hash"])
    for e in rows:
        writer.writerow(
            [e.seq, e.occurred_at.isoformat(), e.actor, e.type, e.aggregate_id, e.payload, e.hash]
        )
    # With a BOM: spreadsheet programs then read the Thai as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), len(rows)


def gather_case(session: Session, tracking: str) -> CaseFile:
    """The request ``tracking`` as one consistent read (files without their bytes yet)."""
    application = _application(session, tracking)
    agency = session.scalars(select(Agency)).one()
    spec = service_spec(session, application)
    status = STATUSES[application.status]
    applicant = application.applicant
    documents = session.scalars(
        select(Document)
        .where(Document.application_id == application.id)
        .order_by(Document.received_at, Document.id)
    ).all()
    issued = session.scalars(
        select(IssuedDocument)
        .where(IssuedDocument.application_id == application.id)
        .order_by(IssuedDocument.issued_at)
    ).all()
    letters = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.application_id == application.id)
        .order_by(OutboxMessage.created_at)
    ).all()
    events_csv, count = _events_csv(session, application)
    return CaseFile(
        application_id=application.id,
        tracking_number=application.tracking_number,
        agency_th=agency.name_th,
        agency_en=agency.name_en,
        service_th=spec.name_th if spec else "ยังไม่จำแนกประเภท",
        service_en=spec.name_en if spec else "not yet classified",
        applicant=applicant.name_th if applicant else "",
        applicant_id=mask_national_id(applicant.national_id)
        if applicant and applicant.national_id
        else "",
        channel=application.channel,
        status_th=status.label_th,
        status_en=status.label_en,
        received_at=application.received_at,
        closed_at=application.closed_at,
        subject=application.subject,
        files=tuple(
            [_document_entry(d) for d in documents]
            + [_issued_entry(i, application.destroyed_at is not None) for i in issued]
        ),
        letters=tuple(
            LetterEntry(
                m.kind, m.to_addr, m.subject, m.body_text, m.created_at, m.sent_at, m.status
            )
            for m in letters
        ),
        history=tuple(history(session, application)),
        events_csv=events_csv,
        event_count=count,
    )


def read_blobs(case: CaseFile, blobs: BlobStore) -> CaseFile:
    """``case`` with each living file's bytes; a destroyed file stays without them."""
    filled = tuple(
        entry if entry.destroyed else replace(entry, data=blobs.get(entry.sha256))
        for entry in case.files
    )
    return replace(case, files=filled)
