"""Opening a received PDF for producing from it: readable, not encrypted, with pages."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

log = logging.getLogger(__name__)


class PdfEncrypted(Exception):
    """The PDF is encrypted or password-protected: nothing can be produced from it."""


class PdfUnreadable(Exception):
    """The PDF is damaged, not a PDF, or has no pages; ``detail`` says what was found."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def open_pdf(data: bytes) -> PdfReader:
    """A reader over ``data``, or :class:`PdfEncrypted` / :class:`PdfUnreadable`.

    The callers turn these into messages for people that name their own purpose.
    """
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PdfEncrypted()
        if len(reader.pages) == 0:
            raise PdfUnreadable("no pages")
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        log.info("pdf could not be read: %r", exc)
        raise PdfUnreadable(repr(exc)) from exc
    return reader
