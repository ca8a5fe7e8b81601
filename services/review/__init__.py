"""Review and consideration (requirements P2 evidence checks, P4, M06, M07, M12, M14).

The review workstation's services, one module per job; this module is the entry point:

* :mod:`services.review.queue` — queues, first come first served, claims, reassigning;
* :mod:`services.review.checks` — checklist verdicts and where the review stands;
* :mod:`services.review.identity` — identity and power-of-attorney checks;
* :mod:`services.review.decisions` — asking for documents, passing on, refusing;
* :mod:`services.review.returns` — an approver or finance officer sends it back with a note;
* :mod:`services.review.detail` / :mod:`services.review.history` — what the screen shows;
* :func:`document_bytes` here — a document's content for the viewer.

Each write takes a unit of work (one user action, one transaction with its audit events);
:class:`services.api.review.Review` wraps them for the UI (``ReviewPort``).
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from models import Document
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.kernel.errors import NotFound
from services.review.checks import (
    IDENTITY_KINDS,
    ReviewState,
    record_checklist,
    required_identity_checks,
    review_state,
)
from services.review.decisions import (
    ReviewIncomplete,
    mark_reviewed,
    preview_document_request,
    reject,
    request_documents,
)
from services.review.detail import application_detail, application_row, document_info
from services.review.history import history
from services.review.identity import ESTAMP_REF, estamp_ref, record_identity_check
from services.review.queue import (
    QUEUES,
    ClaimedByOther,
    NotClaimed,
    OutOfOrder,
    claim,
    load_application,
    next_application,
    officers,
    open_for,
    queue_statuses,
    reassign,
    release_claim,
    upcoming,
)
from services.review.returns import return_to_review
from services.store.blobstore import BlobStore

__all__ = [
    "ESTAMP_REF",
    "IDENTITY_KINDS",
    "QUEUES",
    "ClaimedByOther",
    "NotClaimed",
    "OutOfOrder",
    "ReviewIncomplete",
    "ReviewState",
    "application_detail",
    "application_row",
    "claim",
    "document_bytes",
    "document_info",
    "estamp_ref",
    "history",
    "load_application",
    "mark_reviewed",
    "next_application",
    "officers",
    "open_for",
    "preview_document_request",
    "queue_statuses",
    "reassign",
    "record_checklist",
    "record_identity_check",
    "reject",
    "release_claim",
    "upcoming",
    "request_documents",
    "return_to_review",
    "required_identity_checks",
    "review_state",
]

log = logging.getLogger(__name__)


def document_bytes(session: Session, blobs: BlobStore, actor: Actor, document_id: str) -> bytes:
    """The decrypted content of one document, for the viewer.

    Viewing changes nothing, so no audit event is recorded (one per page view would flood
    the chain); a debug line without personal data is logged instead.
    """
    require(actor, Action.READ_DOCUMENTS)
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound("ไม่พบเอกสาร", f"No document with id {document_id}.")
    data = blobs.get(document.blob_sha256)
    log.debug("document %s viewed by %s (%d bytes)", document.id, actor.username, len(data))
    return data
