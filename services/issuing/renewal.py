"""Renewal: a new licence for an expiring one (P7: active / expired / revoked / superseded).

The renewal is a request of the same service, approved as any other; when its licence is
issued it names the licence it renews (by number or code). That one must be the same
service's and not revoked or already superseded; it is checked before a number is taken,
and marked superseded in the same transaction that registers the new one — one conditional
UPDATE, so two renewals of one licence cannot both succeed. The public register then shows
the old one as superseded, and a check of it says to ask for the new one.
"""

from __future__ import annotations

from sqlalchemy import update

from models import IssuedDocument
from services.issuing.checking import find_issued
from services.issuing.paper import event_aggregate
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["renewable", "supersede"]


def renewable(uow: UnitOfWork, reference: str, service_code: str) -> IssuedDocument:
    """The licence ``reference`` names, if a licence of ``service_code`` may renew it."""
    old = find_issued(uow.session, reference)
    if old is None:
        raise NotFound(
            f"ไม่พบใบอนุญาต “{reference.strip()}” ที่จะต่ออายุ — ตรวจเลขที่หรือรหัสตรวจสอบ",
            f"No licence “{reference.strip()}” to renew: check the number or code.",
        )
    if old.service_code != service_code:
        raise InvalidInput(
            f"ใบอนุญาตเลขที่ {old.document_number} เป็นของบริการอื่น จึงต่ออายุด้วยคำขอนี้ไม่ได้",
            f"Licence {old.document_number} is another service's; this request cannot renew it.",
        )
    if old.status != "valid":
        th = {"revoked": "ถูกเพิกถอนแล้ว", "superseded": "ถูกแทนที่ด้วยฉบับต่ออายุแล้ว"}
        en = {"revoked": "is revoked", "superseded": "has already been renewed"}
        raise InvalidInput(
            f"ใบอนุญาตเลขที่ {old.document_number} {th.get(old.status, old.status)} "
            "จึงต่ออายุไม่ได้ — ออกเป็นใบอนุญาตใหม่โดยไม่ระบุฉบับเดิม",
            f"Licence {old.document_number} {en.get(old.status, old.status)}, so it cannot be "
            "renewed: issue a new licence without naming an old one.",
        )
    return old


def supersede(uow: UnitOfWork, old_id: str, new: IssuedDocument) -> None:
    """Mark ``old_id`` superseded by ``new`` (flushed), or refuse if it no longer may be."""
    done = uow.session.execute(
        update(IssuedDocument)
        .where(IssuedDocument.id == old_id, IssuedDocument.status == "valid")
        .values(status="superseded", superseded_at=uow.now)
        .returning(IssuedDocument.document_number),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    if done is None:
        raise InvalidInput(
            "ใบอนุญาตเดิมถูกต่ออายุหรือเพิกถอนไปแล้วระหว่างนี้ ยังไม่ได้ออกใบอนุญาตใหม่",
            "The old licence was renewed or revoked meanwhile; the new one was not issued.",
        )
    new.supersedes_id = old_id
    uow.record(
        "licence.superseded",
        *event_aggregate(new),
        {"superseded": old_id, "superseded_number": done, "by": new.id,
         "by_number": new.document_number},
    )  # fmt: skip
