"""Where a page puts ink (text, vector paths, dark pixels of scans), roughly, to avoid it."""

from __future__ import annotations

import logging
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from PIL import Image
from pypdf import PageObject
from pypdf.errors import PyPdfError

from services.produce.pdf.geometry import Point, apply, multiply

log = logging.getLogger(__name__)

_FILL_OPS: Final = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_STROKE_OPS: Final = frozenset({b"S", b"s"})
_PATH_OPS: Final = frozenset({b"m", b"l", b"c", b"v", b"y", b"re"})


@dataclass
class PageInk:
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
        o, u, v = apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1)
        if (
            abs(u[1] - o[1]) < 0.01
            and abs(v[0] - o[0]) < 0.01
            or (abs(u[0] - o[0]) < 0.01 and abs(v[1] - o[1]) < 0.01)
        ):
            self.boxes.append([o, u, v, apply(m, x1, y1)])
        else:  # turned text (a diagonal watermark): its bounding box would cover the page
            self.quads.append((o, u, v))


def page_ink(page: PageObject) -> PageInk:
    """The page's :class:`PageInk`; empty when the page cannot be read this way (a guide only)."""
    ink = PageInk()
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
        matrix, em = multiply(tm, cm), float(size)
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
                path.append([apply(cm, px, py) for px, py in corners])
                return
            points = [apply(cm, nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]
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
        return PageInk()
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    page_area = abs((x1 - x0) * (y1 - y0))
    for image, cm in images:
        if abs(cm[0] * cm[3] - cm[1] * cm[2]) < 0.2 * page_area or not _dark_pixels(image, cm, ink):
            ink.add_quad(cm, 0.0, 0.0, 1.0, 1.0)
    return ink


_FILL_COLOURS: Final = {b"g": [1.0], b"rg": [1.0, 1.0, 1.0], b"k": [0.0, 0.0, 0.0, 0.0]}
"""Fill colour operators, and the operands that make the fill white."""


def _dark_pixels(image: Any, cm: Sequence[float], ink: PageInk) -> bool:
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
    if pixels is None:
        return False
    for j in range(rows):
        v = 1 - (j + 0.5) / rows  # image rows run top to bottom; its unit square bottom to top
        for i in range(columns):
            value = pixels[i, j]
            if isinstance(value, int | float) and value < 200:
                ink.dots.append(apply(cm, (i + 0.5) / columns, v))
    return True
