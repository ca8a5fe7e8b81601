"""PDF helpers for every document the agency produces (certified copies now; signed
licences and issued documents later): opening a received PDF, page geometry as the reader
sees it, where a page puts ink, placing and drawing a stamp, and images or text laid on A4.

Nothing here knows what the document is for: callers turn the exceptions into messages
that name their own purpose. :mod:`.pdfa` makes a finished PDF fit for the archives
(PDF/A-2 or -3 with associated files).
"""

from services.produce.pdf.a4 import ImageUnreadable, image_pdf, text_pdf
from services.produce.pdf.canvas import binary_streams, text_width
from services.produce.pdf.geometry import PageGeometry, page_margin
from services.produce.pdf.ink import PageInk, page_ink
from services.produce.pdf.open import PdfEncrypted, PdfUnreadable, open_pdf
from services.produce.pdf.pdfa import (
    ArchivalInfo,
    AssociatedFile,
    NotArchivable,
    archival_canvas,
    make_pdfa,
)
from services.produce.pdf.placement import place
from services.produce.pdf.stamping import Stamp, stamp_every_page

__all__ = [
    "ArchivalInfo",
    "AssociatedFile",
    "NotArchivable",
    "archival_canvas",
    "make_pdfa",
    "ImageUnreadable",
    "PageGeometry",
    "PageInk",
    "PdfEncrypted",
    "PdfUnreadable",
    "Stamp",
    "binary_streams",
    "image_pdf",
    "open_pdf",
    "page_ink",
    "page_margin",
    "place",
    "stamp_every_page",
    "text_pdf",
    "text_width",
]
