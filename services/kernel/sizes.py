"""File sizes as people read them: one convention, decimal units, everywhere.

1 kB = 1,000 bytes and 1 MB = 1,000,000 bytes, the units file managers, mail providers and
phones show, so "30.1 MB" on a hold reason is the number the applicant's phone showed her.
The intake limits are whole decimal megabytes for the same reason (a "25 MB" limit refuses
25,000,001 bytes, not 26,214,401). The unit letters read the same in Thai offices, so one
text serves both languages.
"""

from __future__ import annotations

from typing import Final

__all__ = ["KB", "MB", "format_size"]

KB: Final = 1000
MB: Final = 1000 * KB
_GB: Final = 1000 * MB


def _number(value: float) -> str:
    # One decimal, dropped when it is zero: "25 MB" for a limit, "30.1 MB" for a file.
    text = f"{value:,.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_size(size: int) -> str:
    """``820 B``, ``12.4 kB``, ``30.1 MB``, ``1.2 GB`` (decimal units; never below 0)."""
    size = max(0, size)
    if size < KB:
        return f"{size:,} B"
    if size < MB:
        return f"{_number(size / KB)} kB"
    if size < _GB:
        return f"{_number(size / MB)} MB"
    return f"{_number(size / _GB)} GB"
