"""The service calls: certify a document as a given officer, or as the signed-in one."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Final

from sqlalchemy import select

from models import Agency, Document, User
from services.access.table import Action, require
from services.cases.documents import FileFacts, attach_document
from services.kernel.errors import InvalidInput, NotFound, PermissionDenied
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.produce.certify.render import render_certified_copy
from services.produce.certify.stamp import CertificationStamp
from services.store.blobstore import BlobStore

CERTIFIED_SUFFIX: Final = "_สำเนาถูกต้อง"
"""Added to the original's file name stem: ``house_reg.pdf`` → ``house_reg_สำเนาถูกต้อง.pdf``."""
REFERENCE_DIGITS: Final = 16
"""How many hex digits of the original's SHA-256 the stamp shows."""


def certify_copy(
    uow: UnitOfWork,
    blobs: BlobStore,
    document_id: str,
    *,
    officer_name: str,
    officer_position: str,
    agency_name: str,
) -> Document:
    """Make a certified true copy of a document and attach it to the same application.

    The copy is a new PDF document (origin ``produced``, file name ``<stem>_สำเนาถูกต้อง.pdf``,
    ``derived_from`` the original's id) stamped on every page with "สำเนาถูกต้อง",
    ``officer_name``, ``officer_position``, ``agency_name``, today's date (``uow.now``, Thai
    Buddhist Era and English) and the original's SHA-256 prefix. The original's bytes and row
    are not changed. Records ``document.certified`` ``{original, copy, officer, …}`` in the
    caller's transaction. Needs the ``reviewer`` or ``intake`` role.

    No fee is involved: the DGA guidelines (draft) (M13) have the agency certify the copies it
    needs itself, free of charge, so nothing is charged or recorded as payable.

    Raises :class:`~services.kernel.errors.InvalidInput` (Thai and English) for a file that
    cannot be stamped: an encrypted or damaged PDF, an unreadable image, a Word file or another
    type.
    """
    require(uow.actor, Action.CERTIFY_COPY)
    name = " ".join(officer_name.split())
    if not name:
        raise InvalidInput(
            "ต้องระบุชื่อเจ้าหน้าที่ผู้รับรองสำเนา",
            "The certifying officer's name is required.",
            code="officer_name_missing",
        )
    original = uow.session.get(Document, document_id)
    if original is None:
        raise NotFound("ไม่พบเอกสาร", f"No document with id {document_id}.")
    source = original.derived_from
    if source is not None:
        raise InvalidInput(
            "เอกสารนี้เป็นสำเนาถูกต้องอยู่แล้ว ให้รับรองสำเนาจากเอกสารต้นฉบับแทน",
            "This file is already a certified copy; certify the original instead.",
            detail=f"document {document_id} is a certified copy of {source}",
            code="already_certified",
        )
    data = blobs.get(original.blob_sha256)
    stamp = stamp_for(uow, original, name, officer_position, agency_name)
    pdf = render_certified_copy(
        data,
        original.content_type,
        stamp,
        filename=original.filename,
        original_sha256=original.blob_sha256,
    )
    copy = attach_document(
        uow,
        blobs,
        original.application_id,
        filename=copy_filename(original.filename),
        content_type="application/pdf",
        data=pdf.data,
        origin="produced",
        facts=FileFacts(pages=pdf.pages),
        derived_from=original.id,
    )
    uow.record(
        "document.certified",
        "application",
        original.application_id,
        {
            "original": original.id,
            "copy": copy.id,
            "officer": name,
            "position": stamp.officer_position,
            "original_sha256": original.blob_sha256,
            "copy_sha256": copy.blob_sha256,
        },
    )
    return copy


def stamp_for(
    uow: UnitOfWork, original: Document, officer_name: str, officer_position: str, agency_name: str
) -> CertificationStamp:
    """What the stamp on a copy of ``original`` made now by this officer says."""
    return CertificationStamp(
        officer_name=" ".join(officer_name.split()),
        officer_position=" ".join(officer_position.split()),
        agency_name=" ".join(agency_name.split()),
        date_th=format_thai_date(uow.now),
        date_en=format_english_date(uow.now),
        reference=original.blob_sha256[:REFERENCE_DIGITS],
    )


def signed_in_officer(uow: UnitOfWork) -> tuple[str, str, str]:
    """(name, position, agency) the signed-in officer's stamp carries."""
    require(uow.actor, Action.CERTIFY_COPY)
    user = uow.session.get(User, uow.actor.user_id) if uow.actor.user_id else None
    if user is None:
        raise PermissionDenied(
            "ต้องเข้าสู่ระบบในชื่อเจ้าหน้าที่จึงจะรับรองสำเนาได้",
            "Sign in as an officer to certify copies.",
        )
    agency = uow.session.scalars(select(Agency)).first()
    return user.display_name, user.position_th, agency.name_th if agency is not None else ""


def certify_copy_as_actor(uow: UnitOfWork, blobs: BlobStore, document_id: str) -> Document:
    """:func:`certify_copy` stamped with the signed-in officer's name and position.

    The name is ``User.display_name``, the position ``User.position_th`` and the agency the
    profile's agency (its Thai name).
    """
    name, position, agency = signed_in_officer(uow)
    return certify_copy(
        uow, blobs, document_id, officer_name=name, officer_position=position, agency_name=agency
    )


def copy_filename(filename: str) -> str:
    # Names come from mail and shared drives: keep only the last component, whatever the slash.
    stem = PurePosixPath(filename.replace("\\", "/")).stem.strip() or "document"
    return f"{stem[:200]}{CERTIFIED_SUFFIX}.pdf"
