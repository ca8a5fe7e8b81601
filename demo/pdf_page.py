"""The page the demo's PDFs are drawn on: a reportlab canvas with Thai-aware helpers.

Printed labels, dotted lines with handwritten values, wrapped paragraphs, blue-ink
signatures, a watermark and the "sample" footer every demo document carries. Fonts come
from :func:`demo.documents.demo_faces`; Thai is drawn through
:class:`services.kernel.thai_pdf_text.ThaiFace` so it extracts as written.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterable
from typing import Literal

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from demo.documents import demo_faces

__all__ = ["GREY", "INK", "SAMPLE_NOTE", "DemoPage"]

INK = (0.08, 0.16, 0.55)  # ballpoint blue
GREY = (0.45, 0.45, 0.45)
SAMPLE_NOTE = "เอกสารตัวอย่าง ข้อมูลสมมติ ใช้สาธิตโปรแกรมอนุญาตเท่านั้น / SAMPLE - FICTIONAL DATA"


class DemoPage:
    """A reportlab canvas with Thai-aware text helpers; one instance per PDF."""

    def __init__(self, title: str, seed: str, family: Literal["sans", "serif"] = "sans") -> None:
        self.family = family  # footer and watermark use it: fewer fonts, smaller files
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Anuyat demo")
        self.canvas.setCreator("Anuyat demo content")
        self.faces = demo_faces()
        self.random = random.Random(seed)
        self.width, self.height = A4

    def glyphs(self, text: str, role: str) -> str:
        return self.faces[role].glyphs(text)

    def text_width(self, text: str, role: str, size: float) -> float:
        width: float = pdfmetrics.stringWidth(self.glyphs(text, role), self.faces[role].name, size)
        return width

    def text(
        self,
        x: float,
        y: float,
        text: str,
        role: str = "sans",
        size: float = 13,
        *,
        align: Literal["left", "centre", "right"] = "left",
        colour: tuple[float, float, float] = (0, 0, 0),
    ) -> float:
        """Draw one line; return the x just after it."""
        c = self.canvas
        width = self.text_width(text, role, size)
        if align == "centre":
            x -= width / 2
        elif align == "right":
            x -= width
        c.setFillColorRGB(*colour)
        c.setFont(self.faces[role].name, size)
        c.drawString(x, y, self.glyphs(text, role))
        c.setFillColorRGB(0, 0, 0)
        return x + width

    def field(self, x: float, y: float, label: str, value: str, right: float) -> None:
        """A printed label, a dotted line to ``right`` and a handwritten value on it."""
        after = self.text(x, y, label, "sans", 13) + 4 if label else x
        self.canvas.setDash(1, 2)
        self.canvas.setStrokeColorRGB(*GREY)
        self.canvas.line(after, y - 2, right, y - 2)
        self.canvas.setDash()
        self.canvas.setStrokeColorRGB(0, 0, 0)
        size = 13.0
        while size > 7 and self.text_width(value, "hand", size) > right - after - 8:
            size -= 0.5  # people write smaller when the line is short
        self.text(after + 6, y + 1, value, "hand", size, colour=INK)

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        width: float,
        role: str = "serif",
        size: float = 14,
        leading: float = 21,
        *,
        keep: Iterable[str] = (),
        indent: float = 0,
        colour: tuple[float, float, float] = (0, 0, 0),
    ) -> float:
        """Draw ``text`` wrapped at spaces (never inside a phrase in ``keep``); return next y."""
        for n, line in enumerate(self.wrap(text, role, size, width, keep, indent)):
            self.text(x + (indent if n == 0 else 0), y, line, role, size, colour=colour)
            y -= leading
        return y

    def wrap(
        self, text: str, role: str, size: float, width: float, keep: Iterable[str], indent: float
    ) -> list[str]:
        for phrase in keep:
            text = text.replace(phrase, phrase.replace(" ", "\0"))
        lines: list[str] = []
        line = ""
        for word in text.split(" "):
            trial = f"{line} {word}" if line else word
            room = width - (indent if not lines else 0)
            if line and self.text_width(trial.replace("\0", " "), role, size) > room:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        return [ln.replace("\0", " ") for ln in lines]

    def signature(self, x: float, y: float, width: float = 90) -> None:
        """A scribble in blue ink: humps, a loop or two and a tail; different for every seed."""
        c, rnd = self.canvas, self.random
        c.setStrokeColorRGB(*INK)
        c.setLineWidth(1.1)
        path = c.beginPath()
        x0, y0 = x, y + rnd.uniform(0, 8)
        path.moveTo(x0, y0)
        strokes = rnd.randint(4, 6)
        step = width * 0.75 / (strokes * 1.2)  # humps overshoot by a fifth; the tail takes 1/4
        for _ in range(strokes):
            up, down = rnd.uniform(10, 24), rnd.uniform(2, 12)
            back = -0.5 * step if rnd.random() < 0.4 else 0.2 * step  # going back makes a loop
            x1 = x0 + step
            path.curveTo(x0 + back, y0 + up, x1 - back, y0 + up, x1, y0)
            path.curveTo(
                x1 + 0.1 * step, y0 - down, x1 + 0.3 * step, y0 - down, x1 + 0.2 * step, y0
            )
            x0, y0 = x1 + 0.2 * step, y0 + rnd.uniform(-3, 3)
        tail = width * 0.25
        path.curveTo(
            x0 + tail / 4, y0 - 6, x0 + tail * 0.7, y0 + 2, x0 + tail, y0 + rnd.uniform(-2, 6)
        )
        c.drawPath(path, stroke=1, fill=0)
        c.setLineWidth(1)
        c.setStrokeColorRGB(0, 0, 0)

    def sign_block(self, x: float, y: float, role_label: str, name: str) -> None:
        """``(ลงชื่อ) ~~~ role`` over ``(name)``, centred on ``x``."""
        self.text(x - 120, y, "(ลงชื่อ)", self.family, 13)
        self.signature(x - 65, y + 2, 80)
        self.text(x + 45, y, role_label, self.family, 13)
        self.text(x, y - 20, f"({name})", self.family, 13, align="centre")

    def sample_footer(self) -> None:
        self.text(self.width / 2, 28, SAMPLE_NOTE, self.family, 9, align="centre", colour=GREY)

    def watermark(self, text: str = "ตัวอย่าง  SAMPLE") -> None:
        c = self.canvas
        c.saveState()
        c.translate(self.width / 2, self.height / 2)
        c.rotate(35)
        c.setFillColorRGB(0.88, 0.88, 0.88)
        bold = f"{self.family}_bold"
        c.setFont(self.faces[bold].name, 64)
        c.drawCentredString(0, 0, self.glyphs(text, bold))
        c.restoreState()

    def finish(self) -> bytes:
        self.sample_footer()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()
