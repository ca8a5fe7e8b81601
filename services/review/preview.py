"""A request as the viewer shows it before it is claimed, for reading it ahead.

The review screen decrypts and shows a request's first document while the claim is still on
its way (and the request "Next" will most likely give, while the officer works on the one
before). Reading a request's documents needs the right to read documents, nothing more;
nothing is claimed or recorded here.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, Document
from models.ordering import insertion_order
from services.access.table import Action, require
from services.kernel.actors import Actor
from services.kernel.errors import NotFound
from services.review.detail import document_info
from services.review.views import RequestPreview

__all__ = ["request_preview"]


def request_preview(session: Session, actor: Actor, application_id: str) -> RequestPreview:
    """``application_id``'s message and documents, in the order the review screen lists them."""
    require(actor, Action.READ_DOCUMENTS)
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    documents = session.scalars(
        select(Document)
        .where(Document.application_id == application_id)
        # The order of services.review.detail: ties in the order the files came in.
        .order_by(Document.received_at, insertion_order("document"))
    ).all()
    return RequestPreview(
        application_id=application.id,
        tracking_number=application.tracking_number,
        body_text=application.body_text,
        documents=tuple(document_info(d) for d in documents),
    )
