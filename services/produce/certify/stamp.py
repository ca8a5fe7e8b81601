"""The certification stamp: what it says, and its layout in the TLWG fonts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from reportlab.lib.pagesizes import A4

from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, TLWG_DIRS, ThaiFace, register_thai_font
from services.produce.pdf.canvas import text_width
from services.produce.pdf.geometry import page_margin

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


@dataclass(frozen=True)
class Faces:
    regular: ThaiFace
    bold: ThaiFace


def stamp_faces() -> Faces:
    """TLWG fonts (marks placed right), else the bundled Sarabun (marks may overlap)."""
    sarabun, sarabun_bold = (BUNDLED_FONTS_DIR / f"Sarabun-{w}.ttf" for w in ("Regular", "Bold"))
    return Faces(
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


@dataclass(frozen=True)
class _Row:
    text: str
    face: ThaiFace
    size: float
    baseline: float  # above the stamp's bottom edge
    width: float


@dataclass(frozen=True)
class StampBlock:
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
        if lines and text_width(f"{lines[-1]} {word}", face, size) <= _TEXT_WIDTH:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    fitted: list[tuple[str, float]] = []
    for line in lines:
        width = text_width(line, face, size)
        fitted.append((line, size if width <= _TEXT_WIDTH else size * _TEXT_WIDTH / width))
    return [(line, max(_MIN_SIZE, s)) for line, s in fitted]


def _texts(stamp: CertificationStamp) -> list[str]:
    return [
        "สำเนาถูกต้อง",
        stamp.officer_name,
        stamp.officer_position,
        stamp.agency_name,
        f"วันที่ {stamp.date_th}",
        f"Certified true copy — {stamp.date_en}",
        f"Original SHA-256: {stamp.reference}",
    ]


# Per line of _texts: bold, size in points, a thin rule above it.
_STYLES: Final = ((True, 17.0, False), (False, 12.0, False), (False, 10.5, False),
                  (False, 10.5, False), (False, 10.5, False), (False, 8.0, True),
                  (False, 7.0, False))  # fmt: skip


def stamp_lines(stamp: CertificationStamp) -> tuple[str, ...]:
    """The stamp's words line by line, exactly as drawn (empty optional lines left out)."""
    return tuple(text for text in _texts(stamp) if text)


def layout(stamp: CertificationStamp) -> StampBlock:
    faces = stamp_faces()
    specs: list[tuple[str, ThaiFace, float, bool]] = [
        (text, faces.bold if bold else faces.regular, size, rule)
        for text, (bold, size, rule) in zip(_texts(stamp), _STYLES, strict=True)
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
            placed.append((line, face, line_size, y, text_width(line, face, line_size)))
            y -= _BELOW * line_size
    height = -y + _PAD
    width = max(w for *_, w in placed) + 2 * _PAD + 12
    return StampBlock(
        rows=tuple(_Row(t, f, s, height + b, w) for t, f, s, b, w in placed),
        rules=tuple(height + r for r in rules),
        width=width,
        height=height,
    )


def reserve_for(block: StampBlock) -> float:
    """The band an A4 page made here keeps free at its bottom for the stamp."""
    return block.height + 2 * page_margin(*A4)
