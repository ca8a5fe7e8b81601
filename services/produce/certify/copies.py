"""Before and after a certified copy: what the stamp will say, and withdrawing one made by mistake.

:func:`preview_certification` tells the officer, before anything is made, which document is
certified, how many pages get the stamp and what the stamp says, so a wrong document is caught
before a copy exists. :func:`withdraw_certified_copy` undoes a copy made by mistake the way a
register is corrected: the copy is kept (row and bytes), marked withdrawn with who, when and
why, and recorded as an event; screens show it struck through and nothing uses it as the
certified copy again (a new one may be made from the original).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update

from models import Document
from services.access.table import Action, require
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork
from services.produce.certify.service import signed_in_officer, stamp_for
from services.produce.certify.stamp import stamp_lines

__all__ = ["CertifyPreview", "preview_certification", "withdraw_certified_copy"]

_IMAGE_PAGES = 1  # an image is laid on one A4 page


@dataclass(frozen=True)
class CertifyPreview:
    """What a certified copy of one document would be, for the officer to confirm."""

    document_id: str
    filename: str
    pages: int | None
    """Pages that get the stamp (every page of the copy); None: as many as the text needs."""
    stamp_lines: tuple[str, ...]
    """The stamp's words, line by line, exactly as they will be drawn."""


def _original(uow: UnitOfWork, document_id: str) -> Document:
    original = uow.session.get(Document, document_id)
    if original is None:
        raise NotFound("ไม่พบเอกสาร", f"No document with id {document_id}.")
    if original.derived_from is not None:
        raise InvalidInput(
            "เอกสารนี้เป็นสำเนาถูกต้องอยู่แล้ว ให้รับรองสำเนาจากเอกสารต้นฉบับแทน",
            "This file is already a certified copy; certify the original instead.",
            code="already_certified",
        )
    return original


def preview_certification(uow: UnitOfWork, document_id: str) -> CertifyPreview:
    """The document, its pages and the stamp's words, as :func:`certify_copy_as_actor` would
    make them now; nothing is written. Same roles and refusals as certifying."""
    name, position, agency = signed_in_officer(uow)
    original = _original(uow, document_id)
    stamp = stamp_for(uow, original, name, position, agency)
    pages = original.pages
    if pages is None and original.content_type.startswith("image/"):
        pages = _IMAGE_PAGES
    return CertifyPreview(
        document_id=original.id,
        filename=original.filename,
        pages=pages,
        stamp_lines=stamp_lines(stamp),
    )


def withdraw_certified_copy(uow: UnitOfWork, document_id: str, reason: str) -> Document:
    """Mark a certified copy withdrawn (kept, never deleted) and record
    ``document.certified_copy_withdrawn`` ``{copy, original, filename, reason}``.

    Only a certified copy can be withdrawn, once, with a reason. The mark is one conditional
    UPDATE (``withdrawn_at IS NULL``), so two officers withdrawing at once cannot both succeed.
    """
    require(uow.actor, Action.CERTIFY_COPY)
    why = " ".join(reason.split())
    if not why:
        raise InvalidInput(
            "ระบุเหตุที่ถอนสำเนาถูกต้องนี้ (บันทึกไว้ในประวัติ)",
            "Give the reason for withdrawing this certified copy (it is kept in the history).",
            code="reason_missing",
        )
    copy = uow.session.get(Document, document_id)
    if copy is None:
        raise NotFound("ไม่พบเอกสาร", f"No document with id {document_id}.")
    if copy.derived_from is None:
        raise InvalidInput(
            "ถอนได้เฉพาะสำเนาถูกต้องที่ทำในระบบ — เอกสารที่ผู้ยื่นส่งมาไม่ถูกถอนหรือลบ",
            "Only a certified copy made here can be withdrawn; the applicant's documents are "
            "never withdrawn or deleted.",
            code="not_a_certified_copy",
        )
    marked = uow.session.execute(
        update(Document)
        .where(Document.id == copy.id, Document.withdrawn_at.is_(None))
        .values(withdrawn_at=uow.now, withdrawn_by=uow.actor.username, withdrawn_reason=why[:500])
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:  # type: ignore[attr-defined]
        raise InvalidInput(
            "สำเนาถูกต้องนี้ถูกถอนไปแล้ว — ไม่มีอะไรเปลี่ยนแปลง",
            "This certified copy was already withdrawn; nothing was changed.",
            code="already_withdrawn",
        )
    uow.session.refresh(copy)
    uow.record(
        "document.certified_copy_withdrawn",
        "application",
        copy.application_id,
        {
            "copy": copy.id,
            "original": copy.derived_from,
            "filename": copy.filename,
            "reason": why[:500],
        },
    )
    return copy
