"""Rendering the stamped PDF from a file's bytes: PDFs stamped, images and text on A4 first."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Final

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from services.produce.certify.messages import (
    encrypted_pdf,
    unreadable_image,
    unreadable_pdf,
    unsupported,
)
from services.produce.certify.stamp import CertificationStamp, layout, reserve_for, stamp_faces
from services.produce.pdf.a4 import ImageUnreadable, image_pdf, text_pdf
from services.produce.pdf.canvas import binary_streams
from services.produce.pdf.open import PdfEncrypted, PdfUnreadable, open_pdf
from services.produce.pdf.stamping import stamp_every_page

log = logging.getLogger(__name__)

_IMAGE_TYPES: Final = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/tiff", "image/webp", "image/bmp"}
)


@dataclass(frozen=True)
class RenderedCopy:
    """The stamped PDF and its page count."""

    data: bytes
    pages: int


def render_certified_copy(
    data: bytes,
    content_type: str,
    stamp: CertificationStamp,
    *,
    filename: str = "",
    original_sha256: str = "",
) -> RenderedCopy:
    """The stamped PDF for a file's bytes (no database, no blob store: usable for a preview).

    ``content_type`` is checked against the bytes' signature; ``filename`` only names the
    file in messages. Raises :class:`InvalidInput` as :func:`certify_copy` does.
    """
    kind = _kind(content_type, data)
    if kind is None:
        raise unsupported(content_type, filename)
    with binary_streams():
        block = layout(stamp)
        reader = _pages(kind, data, filename, reserve_for(block))
        metadata = {"/AnuyatCertifiedCopyOf": original_sha256} if original_sha256 else {}
        try:
            stamped = stamp_every_page(reader, block, metadata)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            # A PDF that opened but whose pages or objects are damaged.
            log.info("pdf could not be stamped: %r", exc)
            raise unreadable_pdf(filename, detail=repr(exc)) from exc
    return RenderedCopy(data=stamped, pages=len(reader.pages))


def _pages(kind: str, data: bytes, filename: str, reserve: float) -> PdfReader:
    """The pages to stamp: the PDF itself, or the image or text laid on A4 first."""
    if kind == "pdf":
        try:
            return open_pdf(data)
        except PdfEncrypted:
            raise encrypted_pdf(filename) from None
        except PdfUnreadable as exc:
            raise unreadable_pdf(filename, detail=exc.detail) from exc.__cause__
    if kind == "image":
        try:
            return PdfReader(io.BytesIO(image_pdf(data, filename, reserve)))
        except ImageUnreadable as exc:
            raise unreadable_image(filename, detail=exc.detail) from exc.__cause__
    return PdfReader(io.BytesIO(text_pdf(data, reserve, stamp_faces().regular)))


def _kind(content_type: str, data: bytes) -> str | None:
    """``pdf``, ``image`` or ``text`` by the bytes' signature first, then the declared type."""
    declared = content_type.split(";")[0].strip().lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:3] == b"\xff\xd8\xff" or data[:8] == b"\x89PNG\r\n\x1a\n" or data[:4] == b"GIF8":
        return "image"
    if declared == "application/pdf":
        return "pdf"  # not a PDF after all: pypdf says so, and the officer hears "damaged"
    if declared in _IMAGE_TYPES:
        return "image"
    if declared == "text/plain":
        return "text"
    return None
