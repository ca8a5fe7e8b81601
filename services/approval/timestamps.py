"""Signed approval memos waiting for a time-stamp, and adding it once the TSA answers.

A memo signed while the agency's time-stamping authority could not be reached carries the
flag :data:`~services.approval.decisions.TIMESTAMP_PENDING`. :func:`add_pending_timestamps`
gives each one its long-term validation data and a document time-stamp
(:func:`services.produce.sign.ltv.add_long_term_validation`, slow and networked, done
outside any transaction), then in one transaction per memo stores the stamped file as a new
document derived from the signed one, points the approval at it, clears the flag and records
``approval.timestamp_added``. The flag is cleared by one conditional UPDATE, so two
workstations doing this at once store each memo's time-stamp once. The TSA still down stops
the run with :class:`~services.produce.sign.errors.TimestampUnavailable`; what was stamped
stays stamped.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from sqlalchemy import String, cast, select, update
from sqlalchemy.orm import Session

from models import Application, Approval, Document
from services.access.table import Action, require
from services.approval.decisions import TIMESTAMP_PENDING
from services.cases.documents import FileFacts, attach_document
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput
from services.produce.sign.ltv import add_long_term_validation
from services.store.context import AppContext

__all__ = ["PendingTimestamp", "add_pending_timestamps", "pending_timestamps"]


@dataclass(frozen=True)
class PendingTimestamp:
    application_id: str
    tracking_number: str
    approval_id: str
    document_id: str


def pending_timestamps(session: Session) -> list[PendingTimestamp]:
    """Signed memos waiting for a time-stamp, oldest decision first."""
    rows = session.execute(
        select(Application.id, Application.tracking_number, Approval.id, Document.id)
        .join(Approval, Approval.application_id == Application.id)
        .join(Document, Document.id == Approval.document_id)
        .where(cast(Document.flags, String).contains(TIMESTAMP_PENDING))
        .order_by(Approval.decided_at)
    ).all()
    return [PendingTimestamp(*row) for row in rows]


def add_pending_timestamps(
    context: AppContext,
    actor: Actor,
    tsa_url: str,
    trust_roots: list[asn1_x509.Certificate],
) -> list[str]:
    """Time-stamp every waiting memo; returns the tracking numbers done, in order."""
    require(actor, Action.APPROVE)
    if not tsa_url:
        raise InvalidInput(
            "ยังไม่ได้ตั้งค่าผู้ให้บริการตราประทับเวลา (signing_tsa_url) จึงเพิ่มตราประทับเวลาไม่ได้",
            "No time-stamping authority is set (signing_tsa_url), so no time-stamp can be added.",
        )
    blobs = context.store.blobs
    done: list[str] = []
    with context.read(actor) as session:
        waiting = pending_timestamps(session)
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
                .where(
                    Document.id == item.document_id,
                    cast(Document.flags, String).contains(TIMESTAMP_PENDING),
                )
                .values(flags=flags)
            )
            if getattr(cleared, "rowcount", 0) != 1:
                continue  # another workstation stamped it meanwhile
            new = attach_document(
                uow, blobs, item.application_id, filename=filename,
                content_type="application/pdf", data=stamped, origin="produced",
                facts=FileFacts(pages=pages), derived_from=item.document_id,
            )  # fmt: skip
            uow.session.execute(
                update(Approval).where(Approval.id == item.approval_id).values(document_id=new.id)
            )
            uow.record(
                "approval.timestamp_added",
                "application",
                item.application_id,
                {
                    "approval": item.approval_id,
                    "from_document": item.document_id,
                    "document": new.id,
                    "document_sha256": new.blob_sha256,
                },
            )
        done.append(item.tracking_number)
    return done
