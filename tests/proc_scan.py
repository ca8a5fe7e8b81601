"""Processes found through Linux's /proc: what a test started, or what it must not leave."""

from __future__ import annotations

from pathlib import Path

__all__ = ["processes"]


def processes(
    command_part: bytes, *, parent: int | None = None, environ_item: bytes | None = None
) -> set[int]:
    """Ids of the processes whose command line holds ``command_part``, whose parent is
    ``parent`` and whose environment holds ``environ_item`` (``NAME=value``), where given."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            stat = (entry / "stat").read_text()
            environment = (entry / "environ").read_bytes() if environ_item else b""
        except OSError:  # it ended meanwhile, or is not ours to read
            continue
        if command_part not in command:
            continue
        if parent is not None and int(stat.rsplit(")", 1)[1].split()[1]) != parent:
            continue
        if environ_item is not None and environ_item not in environment.split(b"\0"):
            continue
        found.add(int(entry.name))
    return found
