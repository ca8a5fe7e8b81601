"""Setting aside a mail that is not a request, in the arrival's own transaction.

The mail gets a row in the "Not requests" tray (:class:`models.NotRequestMail`) with the
officer's reason in Thai and English; no application, no acknowledgement (a reply to an
auto-responder or a bounce address is how mail loops start). Its raw bytes are already in
the blob store (the caller's ``raw_sha``): nothing is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import NotRequestMail
from services.intake.mail.not_request import NOT_REQUEST_REASONS
from services.kernel.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from services.intake.arrival import Arrival

__all__ = ["set_aside"]


def set_aside(uow: UnitOfWork, arrival: Arrival, raw_sha: str | None) -> NotRequestMail:
    """Record ``arrival`` (whose ``not_request`` is set) in the tray, with an event."""
    assert arrival.not_request is not None
    code, detail = arrival.not_request
    reason = NOT_REQUEST_REASONS[code]
    row = NotRequestMail(
        source_key=arrival.source_key,
        sender_name=arrival.sender_name[:300],
        sender_address=arrival.sender_address[:300],
        subject=arrival.subject[:500],
        received_at=arrival.received_at,
        raw_blob_sha256=raw_sha,
        sender_auth=arrival.sender_auth,
        sender_auth_detail=arrival.sender_auth_detail[:300],
        reason_code=code,
        reason_th=reason.th.format(detail=detail)[:1000],
        reason_en=reason.en.format(detail=detail)[:1000],
        status="set_aside",
        created_at=uow.now,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.record(
        "inbound.set_aside_not_request",
        "inbound",
        row.id,
        {"reason": code, "sign": detail, "source_key": arrival.source_key},
    )
    return row
