"""Is this mail one already stored? Decided by Message-ID *and* content.

A Message-ID is only a claim: mail clients, list servers and template mailers reuse them,
and anyone can copy one. Deciding by the id alone silently dropped different mails (and,
worse, marked them processed on the server with nothing of them kept). Here a mail is a
duplicate only when its id and its content (:func:`~services.intake.mail.fingerprint.
content_fingerprint`: the sender's headers and the body, not the trace lines servers add)
match what was stored. The fingerprint of the stored mail is read from its kept raw bytes,
which every mail record has; this costs one blob read per copy fetched again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select

from models import InboundMessage
from services.intake.mail.fingerprint import content_fingerprint
from services.kernel.errors import AnuyatError
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

if TYPE_CHECKING:
    from services.intake.arrival import Arrival

__all__ = ["expect_keys", "resolve_key"]

log = logging.getLogger(__name__)

A = TypeVar("A", bound="Arrival")


_REUSED_NOTE = (
    "ข้อความนี้ใช้ Message-ID ซ้ำกับอีเมลฉบับอื่นที่ได้รับไว้ก่อนแล้ว แต่เนื้อหาต่างกัน"
    " จึงรับไว้เป็นรายการใหม่ — โปรดตรวจว่าเกี่ยวข้องกับคำขอเดิมหรือไม่",
    "This mail reuses the Message-ID of another mail received earlier, with different "
    "content, so it was taken as a new item; check whether it belongs with the earlier one.",
)


_UNSEEN = "intake_unseen_keys"
"""session.info pin: keys a group's one query found unrecorded (:func:`expect_keys`)."""
_CHUNK = 500  # bound parameters per query, well under every database's limit


def expect_keys(uow: UnitOfWork, keys: Iterable[str]) -> None:
    """Look up a group's keys in one query, so each arrival's :func:`resolve_key` skips its own.

    A key found unrecorded here is taken at its word once: the first arrival asking for it is
    new, and records it (in the store, when its SAVEPOINT is released) before any later
    arrival of the group asks — that one, and any second question, goes to the store. The
    pin goes with a SAVEPOINT's rollback (models.store), after which every key is asked.
    """
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(
            uow.session.scalars(
                select(InboundMessage.source_key).where(InboundMessage.source_key.in_(chunk))
            )
        )
    uow.session.info[_UNSEEN] = set(wanted) - found


def _inbound(uow: UnitOfWork, key: str) -> InboundMessage | None:
    unseen: set[str] | None = uow.session.info.get(_UNSEEN)
    if unseen is not None and key in unseen:
        unseen.discard(key)
        return None
    return uow.session.scalar(select(InboundMessage).where(InboundMessage.source_key == key))


def _stored_fingerprint(blobs: BlobStore, row: InboundMessage) -> str | None:
    """The fingerprint of the mail recorded under a key, from its kept raw bytes."""
    if row.raw_blob_sha256 is None:
        return None
    try:
        return content_fingerprint(blobs.get(row.raw_blob_sha256))
    except AnuyatError as exc:  # missing or damaged: cannot compare, so never call it a copy
        log.warning("stored mail %s cannot be compared: %s", row.id, exc.code)
        return None


def resolve_key(uow: UnitOfWork, blobs: BlobStore, arrival: A) -> tuple[A, InboundMessage | None]:
    """The key this arrival is recorded under, and the record it duplicates, if any.

    A Message-ID is only a claim: clients and list servers reuse them, and a stranger can
    copy one. A mail is a duplicate when its key *and* its content match what was stored
    (the same message delivered twice, or fetched again after a renumbering). A different
    mail under a known Message-ID is new: it is keyed by the id and its content, and
    flagged for the officer. Nothing is ever dropped on the strength of the id alone.
    """
    seen = _inbound(uow, arrival.source_key)
    fingerprint = arrival.content_sha256
    if (
        seen is None
        or arrival.channel != "email"
        or fingerprint is None
        or arrival.source_key != arrival.message_id
        or _stored_fingerprint(blobs, seen) == fingerprint
    ):
        return arrival, seen
    key = f"{arrival.source_key} reused:{fingerprint[:20]}"
    again = _inbound(uow, key)
    if again is not None:
        return arrival, again
    return (
        replace(
            arrival,
            source_key=key,
            reused_message_id=arrival.source_key,
            notes=(*arrival.notes, *_REUSED_NOTE),
        ),
        None,
    )
