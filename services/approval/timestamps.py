"""Signed approval memos waiting for a time-stamp, and adding it once the TSA answers.

A memo signed while the agency's time-stamping authority could not be reached carries the
flag :data:`~services.produce.sign.later.TIMESTAMP_PENDING`. :func:`add_pending_timestamps`
hands them to :func:`services.produce.sign.later.stamp_flagged` (DSS and a document
time-stamp, one conditional update per memo), pointing each approval at its stamped memo and
recording ``approval.timestamp_added`` in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import Application, Approval, Document
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.kernel.unit_of_work import UnitOfWork
from services.produce.sign.later import FlaggedDocument, is_flagged, stamp_flagged
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
        .where(is_flagged())
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
    with context.read(actor) as session:
        waiting = pending_timestamps(session)
    approvals = {item.document_id: item.approval_id for item in waiting}

    def repoint(uow: UnitOfWork, item: FlaggedDocument, new: Document) -> None:
        approval_id = approvals[item.document_id]
        uow.session.execute(
            update(Approval).where(Approval.id == approval_id).values(document_id=new.id)
        )
        uow.record(
            "approval.timestamp_added",
            "application",
            item.application_id,
            {
                "approval": approval_id,
                "from_document": item.document_id,
                "document": new.id,
                "document_sha256": new.blob_sha256,
            },
        )

    flagged = [
        FlaggedDocument(item.application_id, item.document_id, item.tracking_number)
        for item in waiting
    ]
    return stamp_flagged(context, actor, flagged, tsa_url, trust_roots, repoint)
