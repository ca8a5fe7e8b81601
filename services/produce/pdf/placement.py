"""Placing a box on a page where it covers the least ink, nearest the bottom-right corner."""

from __future__ import annotations

import math
from typing import Final

from services.produce.pdf.geometry import PageGeometry, page_margin
from services.produce.pdf.ink import PageInk


class InkGrid:
    """The seen page in square cells, each marked when the page puts ink there."""

    CELL: Final = 6.0

    def __init__(self, geometry: PageGeometry, ink: PageInk) -> None:
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


def place(width: float, height: float, geometry: PageGeometry, ink: PageInk) -> tuple[float, float]:
    """Where (seen coordinates) the stamp covers the least ink, nearest the bottom right.

    Windows step across the page from the bottom-right corner; of those that cover the least
    ink (with a little room around the stamp) the nearest wins: a page with a free bottom-right
    corner is stamped there, a busy one wherever the stamp hides the least.
    """
    page_w, page_h = geometry.size
    margin = page_margin(page_w, page_h)
    right, bottom = page_w - margin - width, margin
    top = page_h - margin - height
    if right < margin or top < bottom:  # a page smaller than the stamp: centre it
        return (max(0.0, (page_w - width) / 2), max(0.0, (page_h - height) / 2))
    grid, step, room = InkGrid(geometry, ink), InkGrid.CELL, 3.0
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
