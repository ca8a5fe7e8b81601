"""Images and plain text laid on A4 pages, above a band kept free at the bottom."""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Iterator
from typing import Any, Final

from PIL import ExifTags, Image, ImageOps, ImageSequence, UnidentifiedImageError
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from services.kernel.thai_pdf_text import ThaiFace
from services.produce.pdf.canvas import text_width
from services.produce.pdf.words import clusters, words

log = logging.getLogger(__name__)

# A row may end at its last space when that leaves it at least half full; else between words.
_SPACE_BREAK: Final = 0.5


def _frames(image: Image.Image) -> Iterator[Image.Image]:
    """Every page of a multi-page TIFF; the first frame of anything else (a GIF's animation)."""
    if image.format == "TIFF":
        yield from ImageSequence.Iterator(image)
    else:
        yield image


def _printable(frame: Image.Image) -> Image.Image:
    """Upright (EXIF orientation applied) and in RGB or greyscale, transparency on white."""
    upright = ImageOps.exif_transpose(frame)
    if upright.mode in ("RGB", "L"):
        return upright
    if upright.mode in ("RGBA", "LA", "P", "PA") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return upright.convert("RGB")


class ImageUnreadable(Exception):
    """The image cannot be decoded (damaged, unknown, a bomb) or has no frames."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def image_pdf(data: bytes, filename: str, reserve: float) -> bytes:
    """The image on A4 (portrait or landscape, as it is), fitted above the stamp's band."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    canvas.setTitle(filename)
    pages = 0
    try:
        with Image.open(io.BytesIO(data)) as image:
            # An upright RGB/grey JPEG goes in as it is; reportlab embeds JPEG without decoding.
            as_is = (
                image.format == "JPEG"
                and image.mode in ("RGB", "L")
                and image.getexif().get(ExifTags.Base.Orientation, 1) == 1
            )
            for frame in _frames(image):
                upright = _printable(frame)
                size = landscape(A4) if upright.width > upright.height else portrait(A4)
                canvas.setPageSize(size)
                if as_is:
                    source = ImageReader(io.BytesIO(data))
                elif image.format == "JPEG":
                    # Turned photos stay JPEG: a lossless copy would be many times larger.
                    encoded = io.BytesIO()
                    upright.save(encoded, "JPEG", quality=90)
                    source = ImageReader(io.BytesIO(encoded.getvalue()))
                else:
                    source = ImageReader(upright)
                _draw_fitted(canvas, source, upright.size, size, reserve)
                canvas.showPage()
                pages += 1
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        log.info("image could not be read: %r", exc)
        raise ImageUnreadable(repr(exc)) from exc
    if pages == 0:
        raise ImageUnreadable("no frames")
    canvas.save()
    return buffer.getvalue()


def _draw_fitted(
    canvas: Any,
    source: Any,
    pixels: tuple[int, int],
    size: tuple[float, float],
    reserve: float,
) -> None:
    """``source`` as large as fits between the margins and above the stamp's band, centred."""
    page_w, page_h = size
    margin = 36.0
    box_w, box_h = page_w - 2 * margin, page_h - 2 * margin - reserve
    scale = min(box_w / pixels[0], box_h / pixels[1])
    w, h = pixels[0] * scale, pixels[1] * scale
    canvas.drawImage(source, (page_w - w) / 2, margin + reserve + (box_h - h) / 2, w, h)


def _decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp874", errors="replace")  # Thai Windows (TIS-620 and more)


def wrap_text(line: str, face: ThaiFace, size: float, width: float) -> list[str]:
    """``line`` broken to ``width`` between words (:mod:`.words`: Thai by its dictionary).

    A space (Thai writers put one between phrases) is the preferred break while the row it
    ends fills most of the width: the row then reads back as it was written, the space a
    line break. Otherwise the break falls between two words, and a word wider than a line is
    cut between character clusters, never inside one. The rows joined back, with the spaces
    dropped at breaks, are ``line``.
    """
    rows: list[str] = []
    current = ""
    current_w = 0.0  # text_width(current), kept as words are added (wrapping stays linear)

    def joined(word: str) -> float:
        """text_width(current + word): the sum of the two when ``word`` starts a cluster of
        its own (a mark or SARA AM at its start would shape the letter before it)."""
        if current and word and (unicodedata.category(word[0]) == "Mn" or word[0] == "\u0e33"):
            return text_width(current + word, face, size)
        estimate = current_w + text_width(word, face, size)
        if abs(estimate - width) < 0.01:  # at the edge, a sum's rounding could tip it
            return text_width(current + word, face, size)
        return estimate

    for word in words(line):
        if not current or joined(word) <= width:
            current_w = joined(word) if current else text_width(word, face, size)
            current += word
            continue
        if word == " ":
            rows.append(current.rstrip(" "))
            current, current_w = "", 0.0
            continue
        cut = current.rstrip(" ").rfind(" ")
        if cut > 0 and text_width(current[:cut], face, size) >= _SPACE_BREAK * width:
            rows.append(current[:cut])
            current = current[cut + 1 :]
            current_w = text_width(current, face, size)
            if joined(word) <= width:
                current_w = joined(word)
                current += word
                continue
        if current.strip():
            rows.append(current.rstrip(" "))
        current, current_w = "", 0.0
        if text_width(word, face, size) <= width:
            current, current_w = word, text_width(word, face, size)
            continue
        for cluster in clusters(word):  # one word longer than the line
            if current and text_width(current + cluster, face, size) > width:
                rows.append(current)
                current = ""
            current += cluster
        current_w = text_width(current, face, size)
    rows.append(current)
    return rows


def text_pdf(data: bytes, reserve: float, face: ThaiFace) -> bytes:
    """A plain text file typeset on A4, wrapped to the page.

    Proportional, not monospaced: the TLWG monospaced fonts give Thai marks a width of their
    own, so reportlab would draw them beside their letters.
    """
    size, leading, margin = 10.0, 14.0, 48.0
    page_w, page_h = A4
    text = _decode_text(data)
    rows: list[str] = []
    for line in text.splitlines() or [""]:
        clean = "".join(ch for ch in line.expandtabs(4) if unicodedata.category(ch) != "Cc")
        rows.extend(wrap_text(clean, face, size, page_w - 2 * margin))
    per_page = max(1, int((page_h - 2 * margin - reserve) // leading))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    for start in range(0, len(rows), per_page):
        canvas.setFont(face.name, size)
        y = page_h - margin - size
        for row in rows[start : start + per_page]:
            canvas.drawString(margin, y, face.glyphs(row))
            y -= leading
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
