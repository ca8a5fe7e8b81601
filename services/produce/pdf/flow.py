"""A4 documents written top to bottom: headings, wrapped paragraphs, label/value rows, bullets.

For the agency's own documents (the counter receipt, the citizen manual): Thai is drawn with
the TLWG fonts through :mod:`services.kernel.thai_pdf_text`, so it looks right *and* pypdf or
``pdftotext`` extract the exact words. Lines wrap at spaces (Thai writers put a space between
phrases), else between character clusters, never inside one. A new page starts when the next
line would not fit.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Final

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, TLWG_DIRS, ThaiFace, register_thai_font
from services.produce.pdf.a4 import wrap_text
from services.produce.pdf.canvas import binary_streams, text_width

__all__ = ["DocumentFaces", "Flow", "document_faces"]

_FONT_DIRS: Final = (BUNDLED_FONTS_DIR, *TLWG_DIRS)  # a bundled TLWG font wins
_MARGIN: Final = 48.0
_GREY: Final = (0.35, 0.35, 0.35)


@dataclass(frozen=True)
class DocumentFaces:
    regular: ThaiFace
    bold: ThaiFace


def document_faces() -> DocumentFaces:
    """TLWG Garuda (marks placed right), else the bundled Sarabun (marks may overlap)."""
    sarabun, sarabun_bold = (BUNDLED_FONTS_DIR / f"Sarabun-{w}.ttf" for w in ("Regular", "Bold"))
    return DocumentFaces(
        regular=register_thai_font("AnuyatDoc-sans", "Garuda.ttf", sarabun, dirs=_FONT_DIRS),
        bold=register_thai_font("AnuyatDoc-bold", "Garuda-Bold.ttf", sarabun_bold, dirs=_FONT_DIRS),
    )


class Flow:
    """One document being written; :meth:`finish` returns the PDF bytes.

    ``scale`` shrinks every size and gap (a one-page receipt that came out long is written
    again smaller).
    """

    def __init__(self, title: str, *, scale: float = 1.0) -> None:
        self.faces = document_faces()
        self.scale = scale
        self.pages = 1
        # Every row drawn, in order: the document's text without reading the PDF back (the
        # search index takes it as it is; pypdf would take longer than drawing it did).
        self.rows: list[str] = []
        self._buffer = io.BytesIO()
        # Starting on an embedded face (not reportlab's Helvetica) keeps the file fit for PDF/A.
        self._canvas = Canvas(
            self._buffer,
            pagesize=A4,
            invariant=1,
            pageCompression=1,
            initialFontName=self.faces.regular.name,
        )
        self._canvas.setTitle(title)
        self._width: float = A4[0]
        self._height: float = A4[1]
        self._y = self._height - _MARGIN

    @property
    def text_width(self) -> float:
        return self._width - 2 * _MARGIN

    @property
    def canvas(self) -> Canvas:
        """The page being written, for what is drawn at a place of its own (a QR code)."""
        return self._canvas

    @property
    def y(self) -> float:
        """Where the next row starts, from the bottom of the page (points)."""
        return float(self._y)

    def room(self, height: float) -> None:
        """A new page unless ``height`` points still fit on this one."""
        self._room(height)

    def image(self, path: str, *, height: float) -> None:
        """A picture (an emblem) centred, ``height`` points high, its width as it is."""
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(path)
        w, h = reader.getSize()
        width = height * w / h
        self._room(height)
        self._y -= height
        self._canvas.drawImage(
            reader, (self._width - width) / 2, self._y, width, height, mask="auto"
        )

    def _room(self, height: float) -> None:
        if self._y - height < _MARGIN:
            self._canvas.showPage()
            self.pages += 1
            self._y = self._height - _MARGIN

    def _row(self, text: str, face: ThaiFace, size: float, x: float, grey: bool) -> None:
        leading = size * 1.45
        self._room(leading)
        self._y -= size * 1.05
        self._canvas.setFont(face.name, size)
        self._canvas.setFillColorRGB(*(_GREY if grey else (0, 0, 0)))
        self._canvas.drawString(x, self._y, face.glyphs(text))
        self.rows.append(text)
        self._y -= leading - size * 1.05

    def text(
        self,
        text: str,
        *,
        size: float = 11.0,
        bold: bool = False,
        indent: float = 0.0,
        grey: bool = False,
        centred: bool = False,
    ) -> None:
        """A paragraph wrapped to the text width (one line per row of the result)."""
        face = self.faces.bold if bold else self.faces.regular
        size *= self.scale
        width = self.text_width - indent
        for line in text.splitlines() or [""]:
            for row in wrap_text(line, face, size, width):
                x = _MARGIN + indent
                if centred:
                    x = (self._width - text_width(row, face, size)) / 2
                self._row(row, face, size, x, grey)

    def heading(self, text: str, *, size: float = 13.0) -> None:
        self.gap(4)
        self.text(text, size=size, bold=True)

    def bullet(self, text: str, *, size: float = 11.0, grey: bool = False) -> None:
        """``•`` then the text, wrapped under itself."""
        face = self.faces.regular
        scaled = size * self.scale
        indent = 12.0 * self.scale
        rows = wrap_text(text, face, scaled, self.text_width - 2 * indent)
        for i, row in enumerate(rows):
            if i == 0:
                self._room(scaled * 1.45)
                self._canvas.setFont(face.name, scaled)
                self._canvas.drawString(_MARGIN + indent * 0.3, self._y - scaled * 1.05, "-")
            self._row(row, face, scaled, _MARGIN + indent, grey)

    def pair(self, label: str, value: str, *, size: float = 11.0, label_width: float = 150) -> None:
        """``label`` in bold, ``value`` wrapped beside it."""
        scaled, width = size * self.scale, label_width * self.scale
        face, bold = self.faces.regular, self.faces.bold
        rows = wrap_text(value, face, scaled, self.text_width - width) or [""]
        self._room(scaled * 1.45)
        self._canvas.setFont(bold.name, scaled)
        self._canvas.setFillColorRGB(0, 0, 0)
        self._canvas.drawString(_MARGIN, self._y - scaled * 1.05, bold.glyphs(label))
        self.rows.append(label)
        for row in rows:
            self._row(row, face, scaled, _MARGIN + width, False)

    def picture(self, png: bytes, *, width: float, centred: bool = True) -> None:
        """A square image (a QR code) ``width`` points wide, drawn without smoothing."""
        size = width * self.scale
        self._room(size + 4)
        x = (self._width - size) / 2 if centred else _MARGIN
        self._y -= size
        self._canvas.drawImage(ImageReader(io.BytesIO(png)), x, self._y, size, size)
        self.gap(4)

    def rule(self) -> None:
        self.gap(3)
        self._canvas.setStrokeColorRGB(*_GREY)
        self._canvas.setLineWidth(0.5)
        self._canvas.line(_MARGIN, self._y, self._width - _MARGIN, self._y)
        self.gap(3)

    def gap(self, points: float) -> None:
        self._y -= points * self.scale

    def new_page(self) -> None:
        self._canvas.showPage()
        self.pages += 1
        self._y = self._height - _MARGIN

    @property
    def plain_text(self) -> str:
        """The words drawn so far, one row a line."""
        return "\n".join(self.rows)

    def finish(self) -> bytes:
        with binary_streams():
            self._canvas.showPage()
            self._canvas.save()
        return self._buffer.getvalue()
