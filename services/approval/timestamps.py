"""Signed approval memos waiting for a time-stamp, and adding it once the TSA answers.

A memo signed while the agency's time-stamping authority could not be reached carries the
flag :data:`~services.produce.sign.later.TIMESTAMP_PENDING`. :func:`add_pending_timestamps`
hands them to :func:`services.produce.sign.later.stamp_flagged` (DSS and a document
time-stamp, one conditional update per memo), which points each approval at its stamped memo
and records ``approval.timestamp_added`` in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import Application, Approval, Document
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.produce.sign.later import (
    FlaggedDocument,
    Repointing,
    is_flagged,
    stamp_flagged,
)
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
    return stamp_flagged(context, actor, _flagged, tsa_url, trust_roots, _MEMO)


def _flagged(session: Session) -> list[FlaggedDocument]:
    return [
        FlaggedDocument(item.application_id, item.document_id, item.tracking_number,
                        item.approval_id)
        for item in pending_timestamps(session)
    ]  # fmt: skip


_MEMO = Repointing(
    event="approval.timestamp_added",
    record_key="approval",
    point=lambda approval_id, new: (
        update(Approval).where(Approval.id == approval_id).values(document_id=new.id)
    ),
)
