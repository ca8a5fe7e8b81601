"""``--save FILE`` and ``--compare FILE``: a run's figures kept as JSON, and a later run's
change against them.

Each figure keeps its baseline from its own run, so the comparison is of ratios as much as of
values: on a busier machine both the value and its baseline grow, and the ratio says whether
the workstation's share changed. The load averages of both runs are printed with them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.bench.table import Figure

__all__ = ["compare", "load_run", "save_run"]


def _load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def save_run(path: Path, figures: list[Figure], load_before: list[float]) -> None:
    """Write the figures with when they were taken and the load before and after the run."""
    run = {
        "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_before": load_before,
        "load_after": _load_average(),
        "figures": [asdict(f) for f in figures],
    }
    path.write_text(json.dumps(run, ensure_ascii=False, indent=1), encoding="utf-8")


def load_run(path: Path) -> dict[str, Any]:
    run: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return run


def _ratio(f: dict[str, Any]) -> float | None:
    base = f.get("baseline")
    return f["value"] / base if base else None


def _num(x: float | None, width: int, digits: int = 2) -> str:
    return f"{x:{width}.{digits}f}" if x is not None else f"{'-':>{width}}"


def compare(figures: list[Figure], saved: dict[str, Any], load_before: list[float]) -> str:
    """This run's figures next to the saved run's: value, ratio, and how each changed."""
    before = {f["name"]: f for f in saved.get("figures", [])}
    header = (
        f"{'figure':44} {'value':>10} {'saved':>10} {'change':>7}  "
        f"{'ratio':>6} {'saved':>6}  {'unit':8} goal"
    )
    lines = [
        f"compared with {saved.get('taken_at', '?')} (load {saved.get('load_before')} → "
        f"{saved.get('load_after')}); this run: load {load_before} → {_load_average()}",
        header,
        "-" * len(header),
    ]
    for f in figures:
        old = before.pop(f.name, None)
        old_value = old["value"] if old else None
        change = f"{f.value / old_value:6.2f}×" if old_value else f"{'new':>7}"
        lines.append(
            f"{f.name:44} {_num(f.value, 10, 3)} {_num(old_value, 10, 3)} {change}  "
            f"{_num(f.ratio, 6)} {_num(_ratio(old) if old else None, 6)}  {f.unit:8} {f.goal}"
        )
    for name in before:
        lines.append(f"{name:44} {'(not measured in this run)':>30}")
    return "\n".join(lines)
