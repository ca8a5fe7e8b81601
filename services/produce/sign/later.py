"""Time-stamps added later to documents signed while the agency's TSA could not be reached.

A signed PDF made offline is stored with the flag :data:`TIMESTAMP_PENDING` on its
:class:`~models.Document`. :func:`stamp_flagged` gives each one its long-term validation data
and a document time-stamp (:func:`services.produce.sign.ltv.add_long_term_validation`, slow
and networked, done outside any transaction), then in one transaction per document stores
the stamped file as a new document derived from the signed one and clears the flag with one
conditional UPDATE — so two workstations doing this at once store each time-stamp once —
and, in the same transaction, points the record naming the signed file (an approval, a
register entry) at the stamped one and records the event saying so. What differs between
kinds of record is given as a :class:`Repointing`. The TSA still down stops the run with
:class:`~services.produce.sign.errors.TimestampUnavailable`; what was stamped stays stamped.

Shared by the approval memos (:mod:`services.approval.timestamps`) and the licences
(:mod:`services.issuing.timestamps`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from asn1crypto import x509 as asn1_x509
from sqlalchemy import ColumnElement, String, Update, cast, update
from sqlalchemy.orm import Session

from models import Document
from services.cases.documents import FileFacts, attach_document
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.produce.sign.ltv import add_long_term_validation
from services.store.context import AppContext

__all__ = ["TIMESTAMP_PENDING", "FlaggedDocument", "Repointing", "is_flagged", "stamp_flagged"]

TIMESTAMP_PENDING: Final = "timestamp_pending"
"""The flag on a signed document made while the agency's TSA could not be reached."""


@dataclass(frozen=True)
class FlaggedDocument:
    """One signed document waiting for its time-stamp, and what names it to the officer."""

    application_id: str
    document_id: str
    label: str
    """A tracking number, a licence number: what the caller reports as done."""
    record_id: str
    """The record naming the signed file (an approval, a register entry)."""


@dataclass(frozen=True)
class Repointing:
    """What one kind of record differs in: how it is pointed at the stamped file, and the
    event saying so (its payload names the record under ``record_key``, the label under
    ``label_key`` where there is one, then the signed and the stamped file)."""

    event: str
    record_key: str
    point: Callable[[str, Document], Update]
    """The UPDATE pointing record ``record_id`` at the ``new`` stamped document."""
    label_key: str | None = None


def is_flagged() -> ColumnElement[bool]:
    """The WHERE clause of documents waiting for a time-stamp."""
    return cast(Document.flags, String).contains(TIMESTAMP_PENDING)


def stamp_flagged(
    context: AppContext,
    actor: Actor,
    pending: Callable[[Session], Sequence[FlaggedDocument]],
    tsa_url: str,
    trust_roots: list[asn1_x509.Certificate],
    repointing: Repointing,
) -> list[str]:
    """Time-stamp every document ``pending`` lists; returns the labels done, in order."""
    if not tsa_url:
        raise InvalidInput(
            "ยังไม่ได้ตั้งค่าผู้ให้บริการตราประทับเวลา (signing_tsa_url) จึงเพิ่มตราประทับเวลาไม่ได้",
            "No time-stamping authority is set (signing_tsa_url), so no time-stamp can be added.",
        )
    with context.read(actor) as session:
        waiting = pending(session)
    blobs = context.store.blobs
    done: list[str] = []
    for item in waiting:
        with context.read(actor) as session:
            signed = session.get(Document, item.document_id)
            if signed is None:
                continue
            data, filename, pages = blobs.get(signed.blob_sha256), signed.filename, signed.pages
        stamped = add_long_term_validation(data, trust_roots, tsa_url=tsa_url)
        with context.unit_of_work(actor) as uow:
            document = uow.session.get(Document, item.document_id)
            assert document is not None  # read just above; documents are never deleted
            flags = [f for f in (document.flags or []) if f != TIMESTAMP_PENDING]
            cleared = uow.session.execute(
                update(Document)
                .where(Document.id == item.document_id, is_flagged())
                .values(flags=flags)
            )
            if getattr(cleared, "rowcount", 0) != 1:
                continue  # another workstation stamped it meanwhile
            new = attach_document(
                uow, blobs, item.application_id, filename=filename,
                content_type="application/pdf", data=stamped, origin="produced",
                facts=FileFacts(pages=pages), derived_from=item.document_id,
            )  # fmt: skip
            _repoint(uow, item, new, repointing)
        done.append(item.label)
    return done


def _repoint(uow: UnitOfWork, item: FlaggedDocument, new: Document, how: Repointing) -> None:
    uow.session.execute(how.point(item.record_id, new))
    payload = {how.record_key: item.record_id}
    if how.label_key is not None:
        payload[how.label_key] = item.label
    payload |= {
        "from_document": item.document_id,
        "document": new.id,
        "document_sha256": new.blob_sha256,
    }
    uow.record(how.event, "application", item.application_id, payload)
