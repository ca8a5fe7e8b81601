"""The screens read the agency's date and time from the services (a port's ``today``/``now``:
the services' clock in Bangkok), never from the computer, so a date a form proposes is one the
services agree with. A screen may read the computer's clock only where that clock is the
right one (when this window last refreshed, say), and then says so in a comment just above.
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
COMPUTER_CLOCK = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.today|time\.time)\(")
SAYS_WHY = "computer's clock is right here"


def _readings() -> list[tuple[Path, int, list[str]]]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if COMPUTER_CLOCK.search(line.split("#", 1)[0]):
                found.append((path, number + 1, lines[max(0, number - 3) : number + 1]))
    return found


def test_the_screens_read_the_computers_clock_only_where_a_comment_says_why() -> None:
    readings = _readings()
    assert readings, "the pattern finds the readings that are there (see ui/shell/)"
    unexplained = [
        f"{path.relative_to(UI.parent)}:{number}"
        for path, number, context in readings
        if not any(SAYS_WHY in line for line in context)
    ]
    assert unexplained == [], (
        "read the agency's date from the services (a port's today/now), or say above why "
        f"the computer's clock is right there: {unexplained}"
    )
