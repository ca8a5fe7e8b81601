"""Putting mail in the outbox in the caller's transaction, and back in after a failure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from models import OutboxMessage, new_id
from services.access.table import Action, require
from services.kernel.errors import IllegalTransition, NotFound
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.addresses import (
    check_address,
    make_message_id,
    one_line,
    own_message_id,
    reply_ids,
)
from services.outbox.errors import invalid

AUTO_SUBMITTED_VALUES = ("auto-generated", "auto-replied")

_KIND = re.compile(r"[a-z][a-z0-9_]{0,29}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CONTENT_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


@dataclass(frozen=True)
class OutgoingAttachment:
    """A file to attach; its bytes are already in the blob store."""

    sha256: str
    """Blob address (SHA-256 of the plaintext)."""
    filename: str
    """Name the applicant sees; Thai is fine (sent RFC 2231 encoded)."""
    content_type: str = "application/octet-stream"
    """MIME type, e.g. ``application/pdf``."""

    def as_json(self) -> dict[str, str]:
        sha = self.sha256.strip().lower()
        if _SHA256.fullmatch(sha) is None:
            raise invalid(
                "ไฟล์แนบอ้างถึงรหัสไฟล์ที่ไม่ถูกต้อง",
                "An attachment refers to an invalid file address.",
                "bad_attachment",
                detail=f"sha256 {self.sha256!r:.80}",
            )
        # Only a base name, no control characters: the name is shown and saved by clients.
        name = re.split(r"[\\/]", self.filename)[-1]
        name = "".join(c for c in name if c.isprintable()).strip() or "file"
        content_type = self.content_type.strip().lower()
        if _CONTENT_TYPE.fullmatch(content_type) is None:
            content_type = "application/octet-stream"
        return {"sha256": sha, "filename": name[:200], "content_type": content_type}


def aggregate(row: OutboxMessage) -> tuple[str, str]:
    # Mail about an application belongs in that application's history.
    if row.application_id:
        return "application", row.application_id
    return "outbox_message", row.id


def queue_message(
    uow: UnitOfWork,
    *,
    kind: str,
    to_addr: str,
    subject: str,
    body_text: str,
    application_id: str | None,
    attachments: Sequence[OutgoingAttachment] = (),
    in_reply_to: str | None = None,
    auto_submitted: str | None = "auto-generated",
    message_id: str | None = None,
    domain: str,
    from_addr: str = "",
) -> OutboxMessage:
    """Put a message in the outbox in the caller's transaction (nothing is sent here).

    ``kind`` names the notice (``acknowledgement``, ``request``, ``result``, ``licence`` …).
    ``auto_submitted`` is ``"auto-replied"`` for acknowledgements and answers to status
    enquiries, ``"auto-generated"`` for other automatic notices, ``None`` for a message an
    officer wrote. ``message_id`` (optional) makes queueing idempotent: queueing the same id
    again returns the existing row. ``domain`` is the agency's mail domain; ``from_addr``
    (optional) fixes the sending address, otherwise the agency's address at send time.
    Raises a bilingual :class:`InvalidInput` for an obviously bad address or subject.
    """
    if _KIND.fullmatch(kind) is None:
        raise ValueError(f"bad outbox kind {kind!r}")
    if auto_submitted == "no":
        auto_submitted = None
    if auto_submitted is not None and auto_submitted not in AUTO_SUBMITTED_VALUES:
        raise ValueError(f"Auto-Submitted must be one of {AUTO_SUBMITTED_VALUES} or None")
    to = check_address(to_addr)
    sender = check_address(from_addr) if from_addr else ""
    subject_line = one_line(subject)
    if not subject_line:
        raise invalid(
            "ข้อความที่จะส่งต้องมีหัวเรื่อง", "A message to send needs a subject.", "empty_subject"
        )
    files = [a.as_json() for a in attachments]
    if message_id is not None:
        mid = own_message_id(message_id)
        existing = uow.session.scalar(select(OutboxMessage).where(OutboxMessage.message_id == mid))
        if existing is not None:
            if existing.to_addr != to or existing.kind != kind:
                raise invalid(
                    "มีข้อความอื่นที่ใช้รหัสข้อความ (Message-ID) นี้อยู่แล้ว — ไม่ได้เพิ่มข้อความใหม่",
                    "Another message already uses this Message-ID; nothing was queued.",
                    "message_id_conflict",
                    detail=f"{mid} is outbox row {existing.id}",
                )
            return existing
    else:
        mid = make_message_id(domain)
    headers: dict[str, str] = {}
    reply_to_id = reply_ids(in_reply_to)
    if reply_to_id:
        headers["In-Reply-To"] = reply_to_id
        headers["References"] = reply_to_id
    if auto_submitted:
        headers["Auto-Submitted"] = auto_submitted
    row = OutboxMessage(
        id=new_id(),
        message_id=mid,
        application_id=application_id,
        kind=kind,
        to_addr=to,
        subject=subject_line[:500],
        body_text=body_text,
        attachments=files,
        from_addr=sender,
        headers=headers,
        status="queued",
        attempts=0,
        next_attempt_at=uow.now,
        last_error="",
        created_at=uow.now,
    )
    uow.session.add(row)
    # No body text: it is personal data, and the row keeps it.
    uow.record(
        "outbox.queued",
        *aggregate(row),
        {
            "outbox_id": row.id,
            "message_id": mid,
            "kind": kind,
            "to": to,
            "subject": row.subject,
            "attachments": [f["sha256"] for f in files],
            "auto_submitted": auto_submitted,
            "in_reply_to": reply_to_id,
        },
    )
    return row


def requeue_message(uow: UnitOfWork, outbox_id: str) -> OutboxMessage:
    """Put a failed message back in the queue (after the officer fixed the cause)."""
    require(uow.actor, Action.REQUEUE_MAIL)
    row = uow.session.get(OutboxMessage, outbox_id)
    if row is None:
        raise NotFound("ไม่พบข้อความในกล่องขาออก", f"No outbox message {outbox_id}.")
    if row.status != "failed":
        raise IllegalTransition(
            "ส่งใหม่ได้เฉพาะข้อความที่ส่งไม่สำเร็จ", "Only a failed message can be sent again."
        )
    row.status = "queued"
    row.next_attempt_at = uow.now
    uow.record(
        "outbox.requeued",
        *aggregate(row),
        {"outbox_id": row.id, "message_id": row.message_id},
    )
    return row
