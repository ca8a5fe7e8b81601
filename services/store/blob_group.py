"""Blobs written as a group and made durable together, before the transaction that names them.

Intake records several arrivals in one transaction (:mod:`services.intake.group`). Synced one by
one, each blob costs an fsync of its file and one of its folder (plus its parents' when a shard
folder is new): about six per mail. In a group, each blob is sealed into a temporary file beside
its address and nothing is synced; :meth:`BlobGroup.make_durable` then makes the files durable
(one ``syncfs``), renames them into place, and makes the renames durable (one more) — two
syncs for the whole group, after which the caller commits.

A crash before the renames leaves only temporary files, which no address names (the store's
listing skips them), so a torn file is never mistaken for a stored blob; the transaction did
not commit, and the next run writes the blobs again. A crash after the renames leaves whole
blobs that nothing refers to yet; the next run finds them in place and does not write them
twice. Where ``syncfs`` does not exist every file and folder is fsynced instead: slower, as
safe. What such a crash leaves and no later run names — temporary files, whole blobs of a
group never committed — the orphan sweep removes once past its grace period
(:mod:`services.store.blob_sweep`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from services.kernel.fsutil import fsync_dir, sync_filesystem

__all__ = ["BlobGroup"]


class BlobGroup:
    """The blobs put since the group opened, waiting in temporary files next to their address."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pending: dict[Path, Path] = {}  # final path → its temporary file
        self._new_dirs: list[Path] = []
        self.syncs = 0
        """How many times the group synced (for the benchmark and its tests)."""

    def __len__(self) -> int:
        return len(self._pending)

    def waiting(self, path: Path) -> Path | None:
        """The temporary file holding the blob bound for ``path``, if this group wrote it."""
        return self._pending.get(path)

    def add(self, path: Path, sealed: bytes) -> None:
        """Write ``sealed`` next to ``path`` (mode 0600), unsynced and not yet under its name."""
        if path in self._pending:
            return
        self._make_dirs(path.parent)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:16]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(sealed)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        self._pending[path] = Path(name)

    def addresses(self) -> set[str]:
        """The addresses of the blobs waiting (all written by this group: new to the store)."""
        return {path.stem for path in self._pending}

    def forget(self, addresses: set[str]) -> int:
        """Drop the waiting blobs at ``addresses``: they are never put in place. How many.

        For blobs the transaction ended up not naming (an intake group recorded again one
        mail at a time, a mail that failed alone): put in place they would be files no row
        refers to, kept encrypted for ever."""
        dropped = 0
        for path in [p for p in self._pending if p.stem in addresses]:
            self._pending.pop(path).unlink(missing_ok=True)
            dropped += 1
        return dropped

    def make_durable(self) -> None:
        """Sync the files, put each under its address, sync the folders. Then commit."""
        if not self._pending:
            return
        if sync_filesystem(self.root):
            self.syncs += 1
        else:
            for tmp in self._pending.values():
                _fsync_file(tmp)
        for path, tmp in self._pending.items():
            os.replace(tmp, path)
        folders = {p.parent for p in self._pending} | {d.parent for d in self._new_dirs}
        self._pending.clear()
        self._new_dirs.clear()
        if sync_filesystem(self.root):
            self.syncs += 1
            return
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            fsync_dir(folder)

    def discard(self) -> None:
        """Remove what was not made durable (the transaction it belonged to is abandoned)."""
        for tmp in self._pending.values():
            tmp.unlink(missing_ok=True)
        self._pending.clear()
        self._new_dirs.clear()

    def _make_dirs(self, directory: Path) -> None:
        missing: list[Path] = []
        current = directory
        while not current.is_dir():
            missing.append(current)
            current = current.parent
        for new in reversed(missing):
            with contextlib.suppress(FileExistsError):
                new.mkdir()
                self._new_dirs.append(new)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
