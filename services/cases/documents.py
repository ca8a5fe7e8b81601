"""Attach a file to an application: bytes to the blob store, facts to the store, an event.

The facts an officer needs to judge a file at a glance (pages, pixel size,
resolution) are read once here, so lists never open the blob again.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from models import Application, Document, new_id
from services.cases.search import index_document
from services.cases.text_extract import extract_text
from services.kernel.errors import NotFound
from services.kernel.image_facts import image_facts
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["FileFacts", "attach_document", "inspect_file"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileFacts:
    pages: int | None = None
    width_px: int | None = None
    height_px: int | None = None
    dpi: int | None = None
    flags: tuple[str, ...] = ()


def inspect_file(content_type: str, data: bytes) -> FileFacts:
    """Read page count or image size; a file that cannot be read is flagged, never fatal."""
    if content_type == "application/pdf":
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                return FileFacts(flags=("encrypted",))
            return FileFacts(pages=len(reader.pages))
        except (PyPdfError, ValueError, KeyError, OSError) as exc:
            log.info("pdf could not be read: %s", type(exc).__name__)
            return FileFacts(flags=("unreadable",))
    if content_type.startswith("image/"):
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height, dpi = image_facts(image)
                return FileFacts(width_px=width, height_px=height, dpi=dpi)
        except (UnidentifiedImageError, OSError, ValueError) as exc:
            log.info("image could not be read: %s", type(exc).__name__)
            return FileFacts(flags=("unreadable",))
    return FileFacts()


def attach_document(
    uow: UnitOfWork,
    blobs: BlobStore,
    application_id: str,
    *,
    filename: str,
    content_type: str,
    data: bytes,
    origin: str,
    facts: FileFacts | None = None,
    derived_from: str | None = None,
    text: str | None = None,
    application: Application | None = None,
) -> Document:
    """Store ``data`` and attach it to the application, with an event. ``text``: the words of
    a document the program drew itself, or read when it was judged, known already (else read
    from ``data``). ``application``: the caller's own copy of it, just registered in this
    transaction (looking it up would write it out first, only to read it back)."""
    if application is None or application.id != application_id:
        application = uow.session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    ref = blobs.put(data)
    facts = facts if facts is not None else inspect_file(content_type, data)
    document = Document(
        # Its id given here, not by the insert: nothing needs the row written before the
        # transaction's next flush (one flush for the arrival instead of one per file).
        id=new_id(),
        application_id=application_id,
        blob_sha256=ref.sha256,
        filename=filename,
        content_type=content_type,
        size=ref.size,
        pages=facts.pages,
        width_px=facts.width_px,
        height_px=facts.height_px,
        dpi=facts.dpi,
        origin=origin,
        flags=list(facts.flags),
        derived_from=derived_from,
        received_at=uow.now,
    )
    uow.session.add(document)
    words = text if text is not None else extract_text(content_type, data)
    index_document(uow.session, application_id, document.id, words)
    uow.record(
        "document.attached",
        "application",
        application_id,
        {
            "document_id": document.id,
            "sha256": ref.sha256,
            "filename": filename,
            "content_type": content_type,
            "size": ref.size,
            "origin": origin,
        },
    )
    return document
