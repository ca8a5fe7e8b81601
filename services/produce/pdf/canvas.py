"""reportlab helpers shared by every PDF the agency produces: binary streams, text widths."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics

from services.kernel.thai_pdf_text import ThaiFace


@contextmanager
def binary_streams() -> Iterator[None]:
    """reportlab writing binary streams, not ASCII85 text: a quarter smaller, photos above all.

    reportlab keeps this in a global; another thread rendering meanwhile only gets binary
    streams too, which are as valid.
    """
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def text_width(text: str, face: ThaiFace, size: float) -> float:
    width: float = pdfmetrics.stringWidth(face.glyphs(text), face.name, size)
    return width
