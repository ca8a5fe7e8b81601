"""Certified true copies (สำเนาถูกต้อง): a derived PDF stamped by the officer, original untouched.

The DGA standard (M13) has the agency make and certify the copies it needs itself, instead of
asking the applicant for certified photocopies, and **free of charge**: nothing here creates a
fee or a payment. :func:`certify_copy` reads a document's bytes, draws a stamp on every page
(the words "สำเนาถูกต้อง", the officer's name and position, the agency, the date in Thai with a
Buddhist Era year, an English line, and the first 16 hex digits of the original's SHA-256 so the
copy points back to it) and attaches the result to the same application as a *new* document
(origin ``produced``, ``derived_from`` the original's id). The original blob and its row are
only read.

PDFs are stamped page by page, each at its own crop box and ``/Rotate`` so the stamp reads
upright where the page is seen, in the free spot nearest the bottom-right corner (text, vector
ink and the dark pixels of scans are avoided where the page leaves room). A digitally signed
PDF is stamped as an incremental update, so its signatures still verify for the signed
revision. JPEG/PNG/GIF/TIFF/WebP/BMP images are first laid on A4 pages (turned by their EXIF
orientation) above a band kept for the stamp, and plain text files are typeset on A4. Word
files and other types are refused with a message that says how to turn them into a PDF.

Thai is drawn with the TLWG fonts through :mod:`services.kernel.thai_pdf_text`, so the stamp looks
right *and* ``pdftotext``/pypdf extract its words exactly.
"""

from __future__ import annotations

import io
import logging
import math
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Final

from PIL import ExifTags, Image, ImageOps, ImageSequence, UnidentifiedImageError
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from models import Agency, Document, User
from services.cases.documents import FileFacts, attach_document
from services.kernel.errors import InvalidInput, NotFound, PermissionDenied
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, TLWG_DIRS, ThaiFace, register_thai_font
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = [
    "CERTIFIED_SUFFIX",
    "CertificationStamp",
    "RenderedCopy",
    "certify_copy",
    "certify_copy_as_actor",
    "render_certified_copy",
]

log = logging.getLogger(__name__)

CERTIFIED_SUFFIX: Final = "_สำเนาถูกต้อง"
"""Added to the original's file name stem: ``house_reg.pdf`` → ``house_reg_สำเนาถูกต้อง.pdf``."""
REFERENCE_DIGITS: Final = 16
"""How many hex digits of the original's SHA-256 the stamp shows."""

_IMAGE_TYPES: Final = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/tiff", "image/webp", "image/bmp"}
)
_FONT_DIRS: Final = (BUNDLED_FONTS_DIR, *TLWG_DIRS)  # a bundled TLWG font wins


@dataclass(frozen=True)
class CertificationStamp:
    """What the stamp says; every field is drawn as given (empty optional lines are left out)."""

    officer_name: str
    """The certifying officer's name, e.g. ``"นายตรวจ ละเอียด"``."""
    officer_position: str
    """The officer's position (ตำแหน่ง); may be empty."""
    agency_name: str
    """The agency's Thai name; may be empty."""
    date_th: str
    """The date in Thai with a Buddhist Era year: ``"25 พฤศจิกายน 2569"``."""
    date_en: str
    """The same date in English: ``"25 November 2026"``."""
    reference: str
    """A short reference to the original (the first hex digits of its SHA-256)."""


# --------------------------------------------------------------------------- service calls


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

    No fee is involved: the standard (M13) has the agency certify the copies it needs itself,
    free of charge, so nothing is charged or recorded as payable.

    Raises :class:`~services.kernel.errors.InvalidInput` (Thai and English) for a file that
    cannot be stamped: an encrypted or damaged PDF, an unreadable image, a Word file or another
    type.
    """
    uow.actor.require("reviewer", "intake")
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
    stamp = CertificationStamp(
        officer_name=name,
        officer_position=" ".join(officer_position.split()),
        agency_name=" ".join(agency_name.split()),
        date_th=format_thai_date(uow.now),
        date_en=format_english_date(uow.now),
        reference=original.blob_sha256[:REFERENCE_DIGITS],
    )
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
        filename=_copy_filename(original.filename),
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


def certify_copy_as_actor(uow: UnitOfWork, blobs: BlobStore, document_id: str) -> Document:
    """:func:`certify_copy` stamped with the signed-in officer's name and position.

    The name is ``User.display_name``, the position ``User.position_th`` and the agency the
    profile's agency (its Thai name).
    """
    uow.actor.require("reviewer", "intake")
    user = uow.session.get(User, uow.actor.user_id) if uow.actor.user_id else None
    if user is None:
        raise PermissionDenied(
            "ต้องเข้าสู่ระบบในชื่อเจ้าหน้าที่จึงจะรับรองสำเนาได้",
            "Sign in as an officer to certify copies.",
        )
    agency = uow.session.scalars(select(Agency)).first()
    return certify_copy(
        uow,
        blobs,
        document_id,
        officer_name=user.display_name,
        officer_position=user.position_th,
        agency_name=agency.name_th if agency is not None else "",
    )


def _copy_filename(filename: str) -> str:
    # Names come from mail and shared drives: keep only the last component, whatever the slash.
    stem = PurePosixPath(filename.replace("\\", "/")).stem.strip() or "document"
    return f"{stem[:200]}{CERTIFIED_SUFFIX}.pdf"


# --------------------------------------------------------------------------- rendering


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
        raise _unsupported(content_type, filename)
    with _binary_streams():
        block = _layout(stamp)
        if kind == "pdf":
            reader = _open_pdf(data, filename)
        elif kind == "image":
            reader = PdfReader(io.BytesIO(_image_pdf(data, filename, _reserve(block))))
        else:
            reader = PdfReader(io.BytesIO(_text_pdf(data, _reserve(block))))
        try:
            stamped = _stamp_every_page(reader, block, original_sha256)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            # A PDF that opened but whose pages or objects are damaged.
            log.info("pdf could not be stamped: %r", exc)
            raise _unreadable_pdf(filename, detail=repr(exc)) from exc
    return RenderedCopy(data=stamped, pages=len(reader.pages))


@contextmanager
def _binary_streams() -> Iterator[None]:
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


# --- messages ------------------------------------------------------------------------------


def _named(filename: str) -> tuple[str, str]:
    return (f" ({filename})", f" ({filename})") if filename else ("", "")


def _unsupported(content_type: str, filename: str) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ทำสำเนาถูกต้องจากไฟล์ชนิดนี้ในโปรแกรมไม่ได้{th_name} ให้แปลงเป็น PDF ก่อน: "
        "เปิดไฟล์ด้วยโปรแกรมของเครื่อง แล้วสั่งพิมพ์เป็น PDF (Print to PDF) "
        "จากนั้นแนบไฟล์ PDF นั้นและรับรองสำเนาจากไฟล์ PDF",
        f"A certified copy cannot be made of this kind of file{en_name}. Convert it to PDF "
        "first: open it with the system viewer, print it to PDF, attach that PDF and certify it.",
        detail=f"content type {content_type!r}",
        code="certify_unsupported_type",
    )


def _encrypted_pdf(filename: str) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ไฟล์ PDF นี้ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้{th_name} จึงทำสำเนาถูกต้องไม่ได้ "
        "ให้ขอไฟล์ที่ไม่มีรหัสผ่านจากผู้ยื่นคำขอ หรือเปิดด้วยโปรแกรมดู PDF ของเครื่อง"
        "แล้วสั่งพิมพ์เป็น PDF (Print to PDF) แล้วรับรองสำเนาจากไฟล์ใหม่",
        f"This PDF is encrypted or password-protected{en_name}, so no certified copy can be "
        "made of it. Ask the applicant for a copy without a password, or open it with the "
        "system's PDF viewer, print it to PDF and certify that file.",
        code="certify_pdf_encrypted",
    )


def _unreadable_pdf(filename: str, *, detail: str | None = None) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ไฟล์ PDF นี้เสียหายหรืออ่านไม่ได้{th_name} จึงทำสำเนาถูกต้องไม่ได้ "
        "ให้ขอไฟล์ใหม่จากผู้ยื่นคำขอ หรือเปิดด้วยโปรแกรมดู PDF ของเครื่องแล้วสั่งพิมพ์เป็น PDF",
        f"This PDF is damaged or cannot be read{en_name}, so no certified copy can be made of "
        "it. Ask the applicant for the file again, or open it with the system's PDF viewer and "
        "print it to PDF.",
        detail=detail,
        code="certify_pdf_unreadable",
    )


def _unreadable_image(filename: str, *, detail: str | None = None) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ไฟล์รูปภาพนี้เสียหายหรืออ่านไม่ได้{th_name} จึงทำสำเนาถูกต้องไม่ได้ ให้ขอไฟล์ใหม่จากผู้ยื่นคำขอ",
        f"This image is damaged or cannot be read{en_name}, so no certified copy can be made "
        "of it. Ask the applicant for the file again.",
        detail=detail,
        code="certify_image_unreadable",
    )


# --- fonts and the stamp's layout ------------------------------------------------------------


@dataclass(frozen=True)
class _Faces:
    regular: ThaiFace
    bold: ThaiFace


def _faces() -> _Faces:
    """TLWG fonts (marks placed right), else the bundled Sarabun (marks may overlap)."""
    sarabun, sarabun_bold = (BUNDLED_FONTS_DIR / f"Sarabun-{w}.ttf" for w in ("Regular", "Bold"))
    return _Faces(
        regular=register_thai_font("AnuyatCertify-sans", "Garuda.ttf", sarabun, dirs=_FONT_DIRS),
        bold=register_thai_font(
            "AnuyatCertify-bold", "Garuda-Bold.ttf", sarabun_bold, dirs=_FONT_DIRS
        ),
    )


_INK: Final = (0.05, 0.2, 0.62)  # the blue of a rubber stamp
_PAD: Final = 8.0
_TEXT_WIDTH: Final = 220.0
"""Widest line of stamp text (points, before the stamp is scaled to the page); longer wraps."""
_MIN_SIZE: Final = 5.0
_ABOVE: Final = 1.0  # a Thai line's ink above the baseline (stacked marks), in em
_BELOW: Final = 0.38  # and below it (below vowels)


def _width(text: str, face: ThaiFace, size: float) -> float:
    width: float = pdfmetrics.stringWidth(face.glyphs(text), face.name, size)
    return width


@dataclass(frozen=True)
class _Row:
    text: str
    face: ThaiFace
    size: float
    baseline: float  # above the stamp's bottom edge
    width: float


@dataclass(frozen=True)
class _Block:
    """The stamp laid out at full size, in points, with its origin at the bottom left."""

    rows: tuple[_Row, ...]
    rules: tuple[float, ...]  # heights of thin separating lines
    width: float
    height: float

    def draw(self, canvas: Any, x: float, y: float, scale: float) -> None:
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        canvas.setStrokeColorRGB(*_INK)
        # Mostly opaque: the stamp stays legible when it has to sit over the page's content,
        # and what it covers still shows faintly.
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFillAlpha(0.82)
        canvas.setLineWidth(1.4)
        canvas.roundRect(0, 0, self.width, self.height, 5, stroke=1, fill=1)
        canvas.setLineWidth(0.5)
        canvas.roundRect(2.5, 2.5, self.width - 5, self.height - 5, 3.5, stroke=1, fill=0)
        for rule in self.rules:
            canvas.line(_PAD + 4, rule, self.width - _PAD - 4, rule)
        canvas.setFillAlpha(1)
        canvas.setFillColorRGB(*_INK)
        for row in self.rows:
            canvas.setFont(row.face.name, row.size)
            canvas.drawString((self.width - row.width) / 2, row.baseline, row.face.glyphs(row.text))
        canvas.restoreState()


def _wrap(text: str, face: ThaiFace, size: float) -> list[tuple[str, float]]:
    """``text`` broken at spaces into lines no wider than ``_TEXT_WIDTH``, with their sizes.

    A single word wider than that is drawn smaller rather than cut.
    """
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", face, size) <= _TEXT_WIDTH:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    fitted: list[tuple[str, float]] = []
    for line in lines:
        width = _width(line, face, size)
        fitted.append((line, size if width <= _TEXT_WIDTH else size * _TEXT_WIDTH / width))
    return [(line, max(_MIN_SIZE, s)) for line, s in fitted]


def _layout(stamp: CertificationStamp) -> _Block:
    faces = _faces()
    specs: list[tuple[str, ThaiFace, float, bool]] = [
        ("สำเนาถูกต้อง", faces.bold, 17.0, False),
        (stamp.officer_name, faces.regular, 12.0, False),
        (stamp.officer_position, faces.regular, 10.5, False),
        (stamp.agency_name, faces.regular, 10.5, False),
        (f"วันที่ {stamp.date_th}", faces.regular, 10.5, False),
        (f"Certified true copy — {stamp.date_en}", faces.regular, 8.0, True),
        (f"Original SHA-256: {stamp.reference}", faces.regular, 7.0, False),
    ]
    placed: list[tuple[str, ThaiFace, float, float, float]] = []  # text, face, size, y, width
    rules: list[float] = []
    y = -_PAD  # from the top edge, downwards
    for text, face, size, rule_above in specs:
        if not text:
            continue
        if rule_above:
            y -= 3.0
            rules.append(y)
            y -= 2.0
        for line, line_size in _wrap(text, face, size):
            y -= _ABOVE * line_size
            placed.append((line, face, line_size, y, _width(line, face, line_size)))
            y -= _BELOW * line_size
    height = -y + _PAD
    width = max(w for *_, w in placed) + 2 * _PAD + 12
    return _Block(
        rows=tuple(_Row(t, f, s, height + b, w) for t, f, s, b, w in placed),
        rules=tuple(height + r for r in rules),
        width=width,
        height=height,
    )


def _reserve(block: _Block) -> float:
    """The band an A4 page made here keeps free at its bottom for the stamp."""
    return block.height + 2 * _margin(*A4)


def _margin(width: float, height: float) -> float:
    return min(24.0, 0.04 * min(width, height))


# --- PDFs ------------------------------------------------------------------------------------


def _open_pdf(data: bytes, filename: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _encrypted_pdf(filename)
        if len(reader.pages) == 0:
            raise _unreadable_pdf(filename, detail="no pages")
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        log.info("pdf could not be read: %r", exc)
        raise _unreadable_pdf(filename, detail=repr(exc)) from exc
    return reader


Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class _Geometry:
    """A page's visible box (the crop box) and its ``/Rotate``, as the reader sees the page."""

    box: Rect
    rotation: int  # 0, 90, 180 or 270, clockwise

    @classmethod
    def of(cls, page: PageObject) -> _Geometry:
        xs = (float(page.cropbox[0]), float(page.cropbox[2]))
        ys = (float(page.cropbox[1]), float(page.cropbox[3]))
        rotation = round(int(page.rotation) / 90) * 90 % 360  # /Rotate may be -90, or 450
        return cls(box=(min(xs), min(ys), max(xs), max(ys)), rotation=rotation)

    @property
    def size(self) -> tuple[float, float]:
        """Width and height as seen (swapped for a page turned a quarter)."""
        x0, y0, x1, y1 = self.box
        w, h = x1 - x0, y1 - y0
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def to_page(self) -> Matrix:
        """Maps the seen page (origin bottom left, upright) into the page's own space."""
        x0, y0, x1, y1 = self.box
        return {
            0: (1.0, 0.0, 0.0, 1.0, x0, y0),
            90: (0.0, 1.0, -1.0, 0.0, x1, y0),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, -1.0, 1.0, 0.0, x0, y1),
        }[self.rotation]

    def seen(self, x: float, y: float) -> tuple[float, float]:
        """A point of the page's own space as seen (the inverse of :meth:`to_page`)."""
        x0, y0, x1, y1 = self.box
        return {
            0: (x - x0, y - y0),
            90: (y - y0, x1 - x),
            180: (x1 - x, y1 - y),
            270: (y1 - y, x - x0),
        }[self.rotation]


def _stamp_every_page(reader: PdfReader, block: _Block, original_sha256: str) -> bytes:
    geometries = [_Geometry.of(page) for page in reader.pages]
    # One reportlab document with a stamp page per source page, each of that page's seen size:
    # the fonts are embedded once and every stamp is drawn upright in seen coordinates.
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    for page, geometry in zip(reader.pages, geometries, strict=True):
        width, height = geometry.size
        canvas.setPageSize((width, height))
        scale = min(1.0, 0.5 * width / block.width, 0.4 * height / block.height)
        x, y = _place(block.width * scale, block.height * scale, geometry, _ink(page))
        block.draw(canvas, x, y, scale)
        canvas.showPage()
    canvas.save()
    stamps = PdfReader(io.BytesIO(buffer.getvalue()))

    if _is_signed(reader):
        # Added as an update after the original bytes, which stay as they were: the original's
        # digital signatures still verify (for their revision) in the copy.
        try:
            update = PdfWriter(reader.stream, incremental=True)
            return _merged(update, stamps, geometries, original_sha256, dedupe=False)
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            log.info("signed pdf not stamped as an update, rewritten instead: %r", exc)
    return _merged(PdfWriter(clone_from=reader), stamps, geometries, original_sha256, dedupe=True)


def _merged(
    writer: PdfWriter,
    stamps: PdfReader,
    geometries: Sequence[_Geometry],
    original_sha256: str,
    *,
    dedupe: bool,
) -> bytes:
    for page, stamp, geometry in zip(writer.pages, stamps.pages, geometries, strict=True):
        page.merge_transformed_page(stamp, Transformation(geometry.to_page()), over=True)
        page.compress_content_streams()  # merging leaves the page's content uncompressed
    if dedupe:
        writer.compress_identical_objects()  # the stamps share fonts and resources
    if original_sha256:
        writer.add_metadata({"/AnuyatCertifiedCopyOf": original_sha256})
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


Point = tuple[float, float]
_FILL_OPS: Final = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_STROKE_OPS: Final = frozenset({b"S", b"s"})
_PATH_OPS: Final = frozenset({b"m", b"l", b"c", b"v", b"y", b"re"})


@dataclass
class _Ink:
    """Where a page puts ink, roughly, in the page's own space.

    Text runs are estimated from their start, size and character count (pypdf reports no
    widths); vector paths are their outline when stroked (signatures, form lines, table rules)
    and their bounding box when filled, unless filled white (a page background); a small image
    is the unit square its ``Do`` paints, a large one (a scanned page) its dark pixels.
    """

    boxes: list[list[Point]] = field(default_factory=list)  # covered up to their bounding box
    quads: list[tuple[Point, Point, Point]] = field(default_factory=list)  # origin, +u, +v
    strokes: list[tuple[Point, Point]] = field(default_factory=list)
    dots: list[Point] = field(default_factory=list)  # dark pixels of a large image (a scan)

    def add_quad(self, m: Sequence[float], x0: float, y0: float, x1: float, y1: float) -> None:
        """The rectangle ``x0..x1 × y0..y1`` of a space that ``m`` maps into the page."""
        o, u, v = _apply(m, x0, y0), _apply(m, x1, y0), _apply(m, x0, y1)
        if (
            abs(u[1] - o[1]) < 0.01
            and abs(v[0] - o[0]) < 0.01
            or (abs(u[0] - o[0]) < 0.01 and abs(v[1] - o[1]) < 0.01)
        ):
            self.boxes.append([o, u, v, _apply(m, x1, y1)])
        else:  # turned text (a diagonal watermark): its bounding box would cover the page
            self.quads.append((o, u, v))


def _apply(m: Sequence[float], x: float, y: float) -> Point:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _multiply(a: Sequence[float], b: Sequence[float]) -> tuple[float, ...]:
    """``a`` then ``b`` (PDF order: a point is multiplied by ``a`` first)."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _ink(page: PageObject) -> _Ink:
    """The page's :class:`_Ink`; empty when the page cannot be read this way (a guide only)."""
    ink = _Ink()
    path: list[list[Point]] = []
    white = [False]  # is the fill colour white, per saved graphics state
    images: list[tuple[Any, tuple[float, ...]]] = []
    try:
        resources = page.get("/Resources")
        xobjects: Any = resources.get_object().get("/XObject", {}) if resources else {}
        xobjects = xobjects.get_object()
    except (PyPdfError, AttributeError, KeyError, TypeError, ValueError):
        xobjects = {}

    def on_text(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        matrix, em = _multiply(tm, cm), float(size)
        for i, line in enumerate(text.split("\n")):
            chars = sum(1 for ch in line.rstrip() if unicodedata.category(ch) != "Mn")
            if chars:
                low, high = (-0.35 - 1.2 * i) * em, (1.0 - 1.2 * i) * em
                ink.add_quad(matrix, 0.0, low, 0.55 * chars * em, high)

    def on_operator(operator: bytes, args: Any, cm: Any, tm: Any) -> None:
        if operator in _PATH_OPS:
            nums = [float(a) for a in args if isinstance(a, int | float)]
            if operator == b"re" and len(nums) == 4:
                x, y, w, h = nums
                corners = ((x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y))
                path.append([_apply(cm, px, py) for px, py in corners])
                return
            points = [_apply(cm, nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
            if operator == b"m" or not path:
                path.append([])
            path[-1].extend(points)
        elif operator == b"h" and path and path[-1]:
            path[-1].append(path[-1][0])
        elif operator in _FILL_OPS or operator in _STROKE_OPS or operator == b"n":
            for sub in path if operator != b"n" else ():  # "n" ends a clipping path: no ink
                if operator in _FILL_OPS and len(sub) > 2:
                    if not white[-1] or operator not in (b"f", b"F", b"f*"):
                        ink.boxes.append(sub)
                else:
                    ink.strokes.extend(zip(sub, sub[1:], strict=False))
            path.clear()
        elif operator in _FILL_COLOURS:
            values = [float(a) for a in args if isinstance(a, int | float)]
            white[-1] = bool(values) and values == _FILL_COLOURS[operator]
        elif operator == b"q":
            white.append(white[-1])
        elif operator == b"Q" and len(white) > 1:
            white.pop()
        elif operator == b"Do" and args and args[0] in xobjects:
            image = xobjects[args[0]].get_object()
            if image.get("/Subtype") == "/Image":
                images.append((image, tuple(float(v) for v in cm)))

    try:
        page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    except Exception as exc:  # a guide only: whatever goes wrong, the stamp goes bottom right
        log.info("page layout not read, the stamp goes bottom right: %r", exc)
        return _Ink()
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    page_area = abs((x1 - x0) * (y1 - y0))
    for image, cm in images:
        if abs(cm[0] * cm[3] - cm[1] * cm[2]) < 0.2 * page_area or not _dark_pixels(image, cm, ink):
            ink.add_quad(cm, 0.0, 0.0, 1.0, 1.0)
    return ink


_FILL_COLOURS: Final = {b"g": [1.0], b"rg": [1.0, 1.0, 1.0], b"k": [0.0, 0.0, 0.0, 0.0]}
"""Fill colour operators, and the operands that make the fill white."""


def _dark_pixels(image: Any, cm: Sequence[float], ink: _Ink) -> bool:
    """Add the dark pixels of a large image (a scanned page) to ``ink``; False if unreadable.

    The image is shrunk to about one pixel per 3 points on the page first: only where the
    scan has writing matters, not its detail.
    """
    try:
        picture = image.decode_as_image()
    except Exception as exc:  # pypdf decodes through many codecs; any failure: "all ink"
        log.info("image not decoded to place the stamp: %r", exc)
        return False
    if not isinstance(picture, Image.Image):
        return False
    width_pt = math.hypot(cm[0], cm[1])
    height_pt = math.hypot(cm[2], cm[3])
    columns = max(1, min(picture.width, round(width_pt / 3)))
    rows = max(1, min(picture.height, round(height_pt / 3)))
    small = picture.convert("L").resize((columns, rows), Image.Resampling.BOX)
    pixels = small.load()
    assert pixels is not None
    for j in range(rows):
        v = 1 - (j + 0.5) / rows  # image rows run top to bottom; its unit square bottom to top
        for i in range(columns):
            value = pixels[i, j]
            if isinstance(value, int | float) and value < 200:
                ink.dots.append(_apply(cm, (i + 0.5) / columns, v))
    return True


class _Grid:
    """The seen page in square cells, each marked when the page puts ink there."""

    CELL: Final = 6.0

    def __init__(self, geometry: _Geometry, ink: _Ink) -> None:
        self.width, self.height = geometry.size
        self.cols = max(1, math.ceil(self.width / self.CELL))
        self.rows = max(1, math.ceil(self.height / self.CELL))
        self.cells = bytearray(self.cols * self.rows)
        seen = geometry.seen
        for points in ink.boxes:
            xs, ys = zip(*(seen(*p) for p in points), strict=True)
            self._box(min(xs), min(ys), max(xs), max(ys))
        step = self.CELL / 2
        for a, b in ink.strokes:
            (ax, ay), (bx, by) = seen(*a), seen(*b)
            n = min(2000, math.ceil(math.hypot(bx - ax, by - ay) / step))
            for i in range(n + 1):
                self._mark(ax + (bx - ax) * i / max(n, 1), ay + (by - ay) * i / max(n, 1))
        for dot in ink.dots:
            self._mark(*seen(*dot))
        for o, u, v in ink.quads:
            (ox, oy), (ux, uy), (vx, vy) = seen(*o), seen(*u), seen(*v)
            nu = min(500, math.ceil(math.hypot(ux - ox, uy - oy) / step))
            nv = min(500, math.ceil(math.hypot(vx - ox, vy - oy) / step))
            for i in range(nu + 1):
                for j in range(nv + 1):
                    s, t = i / max(nu, 1), j / max(nv, 1)
                    self._mark(
                        ox + (ux - ox) * s + (vx - ox) * t, oy + (uy - oy) * s + (vy - oy) * t
                    )
        # Summed-area table: the ink under any window in four look-ups.
        stride = self.cols + 1
        self.sums = [0] * (stride * (self.rows + 1))
        for r in range(self.rows):
            running = 0
            for c in range(self.cols):
                running += self.cells[r * self.cols + c]
                self.sums[(r + 1) * stride + c + 1] = self.sums[r * stride + c + 1] + running

    def _mark(self, x: float, y: float) -> None:
        c, r = int(x // self.CELL), int(y // self.CELL)
        if 0 <= c < self.cols and 0 <= r < self.rows:
            self.cells[r * self.cols + c] = 1

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        c0, c1 = max(0, int(x0 // self.CELL)), min(self.cols - 1, int(x1 // self.CELL))
        r0, r1 = max(0, int(y0 // self.CELL)), min(self.rows - 1, int(y1 // self.CELL))
        for r in range(r0, r1 + 1):
            self.cells[r * self.cols + c0 : r * self.cols + c1 + 1] = b"\x01" * (c1 - c0 + 1)

    def ink_under(self, x: float, y: float, w: float, h: float) -> int:
        """How many marked cells a window touches."""
        c0, r0 = max(0, int(x // self.CELL)), max(0, int(y // self.CELL))
        c1 = min(self.cols, math.ceil((x + w) / self.CELL))
        r1 = min(self.rows, math.ceil((y + h) / self.CELL))
        s, stride = self.sums, self.cols + 1
        return s[r1 * stride + c1] - s[r0 * stride + c1] - s[r1 * stride + c0] + s[r0 * stride + c0]


def _place(width: float, height: float, geometry: _Geometry, ink: _Ink) -> tuple[float, float]:
    """Where (seen coordinates) the stamp covers the least ink, nearest the bottom right.

    Windows step across the page from the bottom-right corner; of those that cover the least
    ink (with a little room around the stamp) the nearest wins: a page with a free bottom-right
    corner is stamped there, a busy one wherever the stamp hides the least.
    """
    page_w, page_h = geometry.size
    margin = _margin(page_w, page_h)
    right, bottom = page_w - margin - width, margin
    top = page_h - margin - height
    if right < margin or top < bottom:  # a page smaller than the stamp: centre it
        return (max(0.0, (page_w - width) / 2), max(0.0, (page_h - height) / 2))
    grid, step, room = _Grid(geometry, ink), _Grid.CELL, 3.0
    _, _, x, y = min(
        (
            grid.ink_under(x - room, y - room, width + 2 * room, height + 2 * room),
            math.hypot(right - x, y - bottom),
            x,
            y,
        )
        for x in (right - i * step for i in range(int((right - margin) // step) + 1))
        for y in (bottom + j * step for j in range(int((top - bottom) // step) + 1))
    )
    return (x, y)


# --- images and text onto A4 ------------------------------------------------------------------


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


def _image_pdf(data: bytes, filename: str, reserve: float) -> bytes:
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
        raise _unreadable_image(filename, detail=repr(exc)) from exc
    if pages == 0:
        raise _unreadable_image(filename, detail="no frames")
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


def _clusters(text: str) -> Iterator[str]:
    """A base character with the marks stacked on it: never split across lines."""
    cluster = ""
    for ch in text:
        if cluster and unicodedata.category(ch) == "Mn":
            cluster += ch
            continue
        if cluster:
            yield cluster
        cluster = ch
    if cluster:
        yield cluster


def _wrap_text(line: str, face: ThaiFace, size: float, width: float) -> list[str]:
    """``line`` broken to ``width``: at the last space when there is one, else anywhere."""
    rows: list[str] = []
    current = ""
    for cluster in _clusters(line):
        if current and _width(current + cluster, face, size) > width:
            cut = current.rfind(" ")
            if cut > 0:
                rows.append(current[:cut])
                current = current[cut + 1 :]
            else:
                rows.append(current)
                current = ""
        current += cluster
    rows.append(current)
    return rows


def _text_pdf(data: bytes, reserve: float) -> bytes:
    """A plain text file typeset on A4, wrapped to the page.

    Proportional, not monospaced: the TLWG monospaced fonts give Thai marks a width of their
    own, so reportlab would draw them beside their letters.
    """
    face = _faces().regular
    size, leading, margin = 10.0, 14.0, 48.0
    page_w, page_h = A4
    text = _decode_text(data)
    rows: list[str] = []
    for line in text.splitlines() or [""]:
        clean = "".join(ch for ch in line.expandtabs(4) if unicodedata.category(ch) != "Cc")
        rows.extend(_wrap_text(clean, face, size, page_w - 2 * margin))
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
