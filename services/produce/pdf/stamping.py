"""Drawing a stamp on every page of a PDF, upright where each page is seen.

A digitally signed PDF is stamped as an incremental update, so its signatures still verify
for the signed revision.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from typing import Any, Protocol

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.pdfgen.canvas import Canvas

from services.produce.pdf.geometry import PageGeometry
from services.produce.pdf.ink import page_ink
from services.produce.pdf.placement import place

log = logging.getLogger(__name__)


class Stamp(Protocol):
    """Something drawn on a page: its full size in points, and how to draw it scaled."""

    @property
    def width(self) -> float: ...

    @property
    def height(self) -> float: ...

    def draw(self, canvas: Any, x: float, y: float, scale: float) -> None: ...


def stamp_every_page(reader: PdfReader, block: Stamp, metadata: dict[str, str]) -> bytes:
    """The PDF with ``block`` on every page where it hides the least, and ``metadata`` added.

    The stamp is scaled down on small pages (at most half the width, 0.4 of the height).
    """
    geometries = [PageGeometry.of(page) for page in reader.pages]
    # One reportlab document with a stamp page per source page, each of that page's seen size:
    # the fonts are embedded once and every stamp is drawn upright in seen coordinates.
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    for page, geometry in zip(reader.pages, geometries, strict=True):
        width, height = geometry.size
        canvas.setPageSize((width, height))
        scale = min(1.0, 0.5 * width / block.width, 0.4 * height / block.height)
        x, y = place(block.width * scale, block.height * scale, geometry, page_ink(page))
        block.draw(canvas, x, y, scale)
        canvas.showPage()
    canvas.save()
    stamps = PdfReader(io.BytesIO(buffer.getvalue()))

    if _is_signed(reader):
        # Added as an update after the original bytes, which stay as they were: the original's
        # digital signatures still verify (for their revision) in the copy.
        try:
            update = PdfWriter(reader.stream, incremental=True)
            return _merged(update, stamps, geometries, metadata, dedupe=False)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            log.info("signed pdf not stamped as an update, rewritten instead: %r", exc)
    return _merged(PdfWriter(clone_from=reader), stamps, geometries, metadata, dedupe=True)


def _merged(
    writer: PdfWriter,
    stamps: PdfReader,
    geometries: Sequence[PageGeometry],
    metadata: dict[str, str],
    *,
    dedupe: bool,
) -> bytes:
    for page, stamp, geometry in zip(writer.pages, stamps.pages, geometries, strict=True):
        page.merge_transformed_page(stamp, Transformation(geometry.to_page()), over=True)
        page.compress_content_streams()  # merging leaves the page's content uncompressed
    if dedupe:
        writer.compress_identical_objects()  # the stamps share fonts and resources
    if metadata:
        writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _is_signed(reader: PdfReader) -> bool:
    """Whether the PDF carries a filled-in signature field."""
    try:
        fields = reader.get_fields() or {}
        return any(f.get("/FT") == "/Sig" and f.get("/V") is not None for f in fields.values())
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return False
