"""Certified true copies (สำเนาถูกต้อง): a derived PDF stamped by the officer, original untouched.

The DGA guidelines (draft) (M13) have the agency make and certify the copies it needs itself,
instead of asking the applicant for certified photocopies, and **free of charge**: nothing here
creates a fee or a payment. :func:`certify_copy` reads a document's bytes, draws a stamp on
every page (the words "สำเนาถูกต้อง", the officer's name and position, the agency, the date in
Thai with a Buddhist Era year, an English line, and the first 16 hex digits of the original's
SHA-256 so the copy points back to it) and attaches the result to the same application as a
*new* document (origin ``produced``, ``derived_from`` the original's id). The original blob and
its row are only read.

PDFs are stamped page by page, each at its own crop box and ``/Rotate`` so the stamp reads
upright where the page is seen, in the free spot nearest the bottom-right corner (text, vector
ink and the dark pixels of scans are avoided where the page leaves room). A digitally signed
PDF is stamped as an incremental update, so its signatures still verify for the signed
revision. JPEG/PNG/GIF/TIFF/WebP/BMP images are first laid on A4 pages (turned by their EXIF
orientation) above a band kept for the stamp, and plain text files are typeset on A4. Word
files and other types are refused with a message that says how to turn them into a PDF.

Thai is drawn with the TLWG fonts through :mod:`services.kernel.thai_pdf_text`, so the stamp looks
right *and* ``pdftotext``/pypdf extract its words exactly.

An officer confirms first (:func:`preview_certification` says which document, how many pages
and what the stamp will say) and may withdraw a copy made by mistake
(:func:`withdraw_certified_copy`: kept, marked withdrawn, an event; never deleted).

Modules: ``service`` (the service calls), ``copies`` (the preview and the withdrawal),
``render`` (bytes → stamped PDF), ``stamp`` (what the stamp says and its layout), ``messages``
(why a copy cannot be made). The PDF work itself is in :mod:`services.produce.pdf`.
"""

from services.produce.certify.copies import (
    CertifyPreview,
    preview_certification,
    withdraw_certified_copy,
)
from services.produce.certify.render import RenderedCopy, render_certified_copy
from services.produce.certify.service import (
    CERTIFIED_SUFFIX,
    REFERENCE_DIGITS,
    certify_copy,
    certify_copy_as_actor,
)
from services.produce.certify.stamp import CertificationStamp

__all__ = [
    "CERTIFIED_SUFFIX",
    "REFERENCE_DIGITS",
    "CertificationStamp",
    "CertifyPreview",
    "RenderedCopy",
    "certify_copy",
    "certify_copy_as_actor",
    "preview_certification",
    "render_certified_copy",
    "withdraw_certified_copy",
]
