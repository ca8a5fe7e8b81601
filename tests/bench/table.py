"""A figure with its baseline, and the table that prints them."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    note: str = ""
    goal: str = ""
    """What the figure should reach (e.g. "ratio ≤ 2"), from the issue that asked for it."""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        return self.value / self.baseline


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings in seconds (the least disturbed by a shared machine)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def render(figures: list[Figure]) -> str:
    header = f"{'figure':44} {'value':>12} {'unit':8} {'baseline':>12}  {'ratio':>6}  baseline is"
    lines = [header, "-" * len(header)]
    for f in figures:
        base = f"{f.baseline:12.3f}" if f.baseline is not None else f"{'-':>12}"
        ratio = f"{f.ratio:6.2f}" if f.ratio is not None else f"{'-':>6}"
        lines.append(f"{f.name:44} {f.value:12.3f} {f.unit:8} {base}  {ratio}  {f.baseline_name}")
        if f.goal:
            lines.append(f"{'':44} goal: {f.goal}")
        if f.note:
            lines.append(f"{'':44} {f.note}")
    return "\n".join(lines)
