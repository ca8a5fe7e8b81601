"""Page geometry: the crop box and ``/Rotate`` as a reader sees the page, and matrices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PageObject

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True)
class PageGeometry:
    """A page's visible box (the crop box) and its ``/Rotate``, as the reader sees the page."""

    box: Rect
    rotation: int  # 0, 90, 180 or 270, clockwise

    @classmethod
    def of(cls, page: PageObject) -> PageGeometry:
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


def apply(m: Sequence[float], x: float, y: float) -> Point:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def multiply(a: Sequence[float], b: Sequence[float]) -> tuple[float, ...]:
    """``a`` then ``b`` (PDF order: a point is multiplied by ``a`` first)."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def page_margin(width: float, height: float) -> float:
    return min(24.0, 0.04 * min(width, height))
