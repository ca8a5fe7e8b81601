"""Payment notices whose PDF is drawn after the decision that made the fee due.

Approving signs one memo per request with the approver's token; drawing the notice's Thai
PDF with its QR inside that loop cost more than the signing itself. So approval queues the
notice's mail in the decision's own transaction, as always, but in the outbox status
:data:`DRAFTING`, without its PDF: the sender never sends a row in that status (it sends
only ``queued``), so the applicant can never get the mail without the notice, and the row
exists from the moment the fee is due, so the notice cannot be lost.

:func:`draw_pending_notices` then draws each such PDF outside any transaction and, in one
short transaction per notice, attaches it to the request, puts it on the mail and releases
the mail to ``queued`` with one conditional UPDATE (``WHERE status = 'drafting'``): two
stations drawing the same notice at once store it once. It runs after the batch (in the
I/O pool) and before every outbox run (so a crash between the two only delays the mail).
"""

from __future__ import annotations

import logging
from typing import Any, Final, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from models import Application, OutboxMessage, Payment
from services import outbox
from services.cases.documents import attach_document
from services.fees.notice import NoticeContent, notice_content
from services.fees.notice_pdf import render_notice_pdf
from services.kernel.actors import Actor
from services.store.context import AppContext

__all__ = ["DRAFTING", "draw_pending_notices", "notice_filename"]

log = logging.getLogger(__name__)

DRAFTING: Final = "drafting"
"""Outbox status of a payment notice's mail waiting for its PDF (never sent as such)."""


def notice_filename(tracking_number: str) -> str:
    return f"payment_notice_{tracking_number.replace('/', '_')}.pdf"


def draw_pending_notices(context: AppContext, actor: Actor | None = None) -> list[str]:
    """Draw every notice still waiting for its PDF; returns the outbox ids released."""
    who = actor or Actor.system("fees")
    with context.read() as session:
        waiting = list(
            session.scalars(
                select(OutboxMessage.id)
                .where(OutboxMessage.status == DRAFTING)
                .order_by(OutboxMessage.created_at)
            )
        )
    released = []
    for outbox_id in waiting:
        with context.read() as session:
            found = _content(session, outbox_id)
        if found is None:
            continue
        content, application_id = found
        pdf = render_notice_pdf(content)  # the slow part, outside any transaction
        if _release(context, who, outbox_id, application_id, content, pdf):
            released.append(outbox_id)
    return released


def _content(session: Session, outbox_id: str) -> tuple[NoticeContent, str] | None:
    payment = session.scalars(select(Payment).where(Payment.notice_outbox_id == outbox_id)).first()
    if payment is None:
        log.warning("payment notice %s has no payment: left waiting", outbox_id)
        return None
    application = session.get(Application, payment.application_id)
    assert application is not None
    return notice_content(session, application, payment), application.id


def _release(
    context: AppContext,
    actor: Actor,
    outbox_id: str,
    application_id: str,
    content: NoticeContent,
    pdf: bytes,
) -> bool:
    with context.unit_of_work(actor) as uow:
        taken = cast(
            CursorResult[Any],
            uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == outbox_id, OutboxMessage.status == DRAFTING)
                .values(status="queued", next_attempt_at=uow.now)
                .execution_options(synchronize_session=False)
            ),
        )
        if taken.rowcount != 1:
            return False  # another station drew it first
        name = notice_filename(content.tracking_number)
        document = attach_document(
            uow,
            context.store.blobs,
            application_id,
            filename=name,
            content_type="application/pdf",
            data=pdf,
            origin="produced",
        )
        row = uow.session.get(OutboxMessage, outbox_id, populate_existing=True)
        assert row is not None
        row.attachments = [
            outbox.OutgoingAttachment(document.blob_sha256, name, "application/pdf").as_json()
        ]
        uow.record(
            "fees.notice_drawn",
            "application",
            application_id,
            {"outbox_id": outbox_id, "document": document.id, "sha256": document.blob_sha256},
        )
    return True
