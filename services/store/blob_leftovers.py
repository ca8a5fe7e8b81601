"""The file store's side of the orphan sweep (services.store.blob_sweep): removing a blob file
no row names without ever losing one a save is about to name, and a crash's leftovers.

A blob file's age is its modification time (the file system's clock); a put that finds the
blob touches it (``BlobStore._present``). :func:`remove_orphan_file` first renames the file
aside — atomically, under a name no address has — then asks its age and the rows again: a
put that touched it before the rename is seen then and the file goes back; a put after the
rename finds nothing at the address and writes the blob anew. A sweep stopped between the
two leaves the file aside; the next sweep puts it back first (:func:`put_back_aside`).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

__all__ = ["put_back_aside", "remove_orphan_file", "stale_leftovers"]

_SHARD = re.compile(r"[0-9a-f]{2}")
# A blob group's or an atomic write's temporary file; a blob the sweep took aside.
_LEFTOVER = re.compile(r"\.[0-9a-f]{1,16}\..+\.tmp")
_TAKEN_ASIDE = re.compile(r"\.([0-9a-f]{64})\.[0-9a-f]{8}\.sweep")


def _older_than(mtime: float, grace: timedelta) -> bool:
    return time.time() - mtime >= grace.total_seconds()


def remove_orphan_file(
    path: Path, sha256: str, grace: timedelta, unreferenced: Callable[[str], bool]
) -> int | None:
    """Remove the blob file at ``path`` if older than ``grace`` and ``unreferenced(sha256)``
    still holds once it is aside (module doc); its size, or None when it stays."""
    try:
        if not _older_than(path.stat().st_mtime, grace):
            return None
        aside = path.with_name(f".{sha256}.{secrets.token_hex(4)}.sweep")
        os.rename(path, aside)
    except FileNotFoundError:
        return None
    # Another sweep may give it back meanwhile (put_back_aside): then it simply stays.
    try:
        kept = aside.stat()
        if not _older_than(kept.st_mtime, grace) or not unreferenced(sha256):
            os.replace(aside, path)  # a copy written meanwhile holds the same content
            return None
        aside.unlink()
    except FileNotFoundError:
        return None
    # Not synced: a removal a crash undoes only brings back an orphan the next sweep takes.
    return kept.st_size


def stale_leftovers(root: Path, grace: timedelta) -> Iterator[Path]:
    """Temporary files older than ``grace`` that no write is using any more: what a crash
    left of a blob group or an atomic write (never named by an address)."""
    for entry in _shard_entries(root):
        if _LEFTOVER.fullmatch(entry.name) is None:
            continue
        with contextlib.suppress(FileNotFoundError):
            if entry.is_file() and _older_than(entry.stat().st_mtime, grace):
                yield entry


def put_back_aside(root: Path, path_for: Callable[[str], Path]) -> int:
    """Give back to its address every blob a stopped sweep left aside; how many."""
    returned = 0
    for entry in _shard_entries(root):
        match = _TAKEN_ASIDE.fullmatch(entry.name)
        if match is None:
            continue
        # One another sweep is judging right now goes back too; that sweep then finds it
        # gone from aside and leaves it (remove_orphan_file): the safe way round.
        with contextlib.suppress(FileNotFoundError):
            home = path_for(match.group(1))
            if home.exists():
                entry.unlink()  # written again since: the same content
            else:
                os.rename(entry, home)
                returned += 1
    return returned


def _shard_entries(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for first in root.iterdir():
        if not (first.is_dir() and _SHARD.fullmatch(first.name)):
            continue
        for second in first.iterdir():
            if second.is_dir() and _SHARD.fullmatch(second.name):
                yield from second.iterdir()
