"""Why a whole mail is held back for an officer, told to each of its two audiences.

The file reasons (``services.intake.inspect.reasons``) are about a file's content; these
are about the mail itself. Each reason has the officer's text, which goes into the
quarantine row and may name technical detail, and the applicant's text, which is all an
applicant may ever be told (it never says how the check works or what it found).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import Application, QuarantineItem
from services.intake.hold_reasons import HOLD_REASONS, HoldReason
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

if TYPE_CHECKING:
    from services.intake.arrival import Arrival

__all__ = ["HOLD_REASONS", "HoldReason", "hold_unauthenticated"]


def hold_unauthenticated(
    uow: UnitOfWork, blobs: BlobStore, arrival: Arrival, target: Application
) -> list[str]:
    """Hold a mail that failed the sender check but claims ``target``'s applicant.

    Nothing of it is added to the request or acted on; its files (or, without files, the
    mail itself) wait in quarantine with the officer's text. Returns the quarantine ids.
    """
    reason = HOLD_REASONS["sender_not_authenticated"]
    fill = {"tracking_number": target.tracking_number, "detail": arrival.sender_auth_detail}
    # Each file separately (an officer may release it into the request), or the mail itself.
    held = [(a.filename, a.declared_type, a.data) for a in arrival.attachments] or [
        (arrival.subject or arrival.source_key, "message/rfc822", arrival.raw or b"")
    ]
    ids: list[str] = []
    for filename, content_type, data in held:
        blob = blobs.put(data) if data else None
        item = QuarantineItem(
            source_key=arrival.source_key,
            channel=arrival.channel,
            application_id=target.id,
            filename=filename[:300],
            content_type=(content_type or "application/octet-stream")[:100],
            blob_sha256=blob.sha256 if blob else None,
            size=len(data),
            reason_code="sender_not_authenticated",
            reason_th=reason.officer_th.format(**fill),
            reason_en=reason.officer_en.format(**fill),
            status="held",
            created_at=uow.now,
        )
        uow.session.add(item)
        uow.session.flush()
        ids.append(item.id)
    uow.record(
        "application.unauthenticated_mail_held",
        "application",
        target.id,
        {"source_key": arrival.source_key, "quarantine_ids": ids,
         "check": arrival.sender_auth_detail},
    )  # fmt: skip
    return ids
