"""Walking one item (a top-level folder or file) into its documents and sidecars."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from services.intake.drive.convention import (
    MAX_DEPTH,
    SIDECAR_NAMES,
    DriveRejection,
    is_ignored,
    rejection,
)
from services.intake.drive.safefs import is_hard_linked, is_link


@dataclass(frozen=True)
class Entry:
    relative_path: str  # inside the item, "/" separated, raw names
    parts: tuple[str, ...]  # from the root: (item name, *inside) or (file name,)
    st: os.stat_result

    @property
    def signature(self) -> tuple[str, int, int]:
        return (self.relative_path, self.st.st_size, self.st.st_mtime_ns)


@dataclass
class Listing:
    name: str
    path: Path
    documents: list[Entry] = field(default_factory=list)
    sidecars: list[Entry] = field(default_factory=list)
    rejections: list[DriveRejection] = field(default_factory=list)
    too_many: bool = False

    def signature(self) -> tuple[tuple[str, int, int], ...]:
        return tuple(sorted(e.signature for e in (*self.documents, *self.sidecars)))


def list_item(
    root: Path, name: str, st: os.stat_result, ignore: Sequence[str], max_files: int
) -> Listing:
    """Everything that belongs to the item ``root/name``; raises OSError if it vanished."""
    listing = Listing(name=name, path=root / name)
    if stat.S_ISREG(st.st_mode):
        if is_hard_linked(st):
            listing.rejections.append(rejection(name, name, "hard_link"))
        else:
            listing.documents.append(Entry(name, (name,), st))
        return listing
    stack: list[tuple[Path, tuple[str, ...]]] = [(listing.path, ())]
    count = 0
    while stack:
        folder, inside = stack.pop()
        try:
            children = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            if not inside:
                raise
            continue  # a sub-folder moved away mid-scan: the item's signature changes
        except PermissionError:
            listing.rejections.append(rejection(name, "/".join((name, *inside)), "unreadable"))
            continue
        for child in children:
            if child.name.startswith(".") or is_ignored(child.name, ignore):
                continue
            parts = (*inside, child.name)
            shown = "/".join((name, *parts))
            try:
                # lstat, not the cached DirEntry data: on Windows the directory entry can
                # hold a stale size/time for a file that is still being written.
                child_st = os.lstat(child.path)
            except FileNotFoundError:
                continue
            if is_link(child_st):
                listing.rejections.append(rejection(name, shown, "symlink"))
            elif stat.S_ISDIR(child_st.st_mode):
                if len(parts) >= MAX_DEPTH:
                    listing.rejections.append(rejection(name, shown, "too_deep"))
                else:
                    stack.append((Path(child.path), parts))
            elif not stat.S_ISREG(child_st.st_mode):
                listing.rejections.append(rejection(name, shown, "not_a_file"))
            elif is_hard_linked(child_st):
                listing.rejections.append(rejection(name, shown, "hard_link"))
            else:
                count += 1
                if count > max_files:
                    listing.too_many = True
                    listing.rejections.append(
                        rejection(name, name, "too_many_files", limit=max_files)
                    )
                    return listing
                entry = Entry("/".join(parts), (name, *parts), child_st)
                if not inside and child.name.lower() in SIDECAR_NAMES:
                    listing.sidecars.append(entry)
                else:
                    listing.documents.append(entry)
    return listing
