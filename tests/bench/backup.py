"""``python -m tests.bench.backup``: backup and restore speed, against a bare copy in the same run.

A profile with ``--apps`` counter-sized requests' worth of rows is not needed for the figure
that matters (bytes moved): the profile gets ``--files`` random 1 MiB documents in its blob
store (encrypted, as intake stores them) and a store, then:

* a full backup (store by the online backup API, files hashed and fsynced) in MB/s, against
  ``shutil.copytree`` of the same profile folder (no hashing, no fsync);
* a full restore (verify every byte, the audit chain, then copy) in MB/s, same baseline;
* an incremental backup after ``--new`` more documents: bytes written and seconds.

Usage: python -m tests.bench.backup [--files N] [--new N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import keyring

from services.backup.create import create_backup
from services.backup.restore import restore_snapshot
from services.store import keys
from services.store.recovery import KdfParams, export_recovery_file
from tests.bench.__main__ import _profile
from tests.bench.table import Figure, render
from tests.conftest import MemoryKeyring

MIB = 1024 * 1024


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.backup")
    parser.add_argument("--files", type=int, default=300, help="1 MiB documents in the profile")
    parser.add_argument("--new", type=int, default=100, help="documents added before the second")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="anuyat-bench-backup-") as scratch:
        tmp = Path(scratch)
        data_dir = tmp / "profile"
        context = _profile(data_dir)
        for _ in range(args.files):
            context.store.blobs.put(os.urandom(MIB))
        master = keys.load_master_key(data_dir)
        total = _size(data_dir) / MIB

        started = time.perf_counter()
        shutil.copytree(data_dir, tmp / "bare-copy")
        bare = time.perf_counter() - started

        started = time.perf_counter()
        full = create_backup(data_dir, tmp / "usb", master)
        backup_s = time.perf_counter() - started

        for _ in range(args.new):
            context.store.blobs.put(os.urandom(MIB // 4))
        started = time.perf_counter()
        second = create_backup(data_dir, tmp / "usb", master)
        incremental_s = time.perf_counter() - started

        recovery = tmp / "recovery.json"
        fast = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
        export_recovery_file(data_dir, master, "bench passphrase 2569", recovery, kdf=fast)
        started = time.perf_counter()
        restore_snapshot(full.path, tmp / "restored", recovery, "bench passphrase 2569")
        restore_s = time.perf_counter() - started
        context.store.close()

    figures = [
        Figure(
            f"full backup of {total:.0f} MiB",
            total / backup_s,
            "MiB/s",
            "cp -r (no hash, no fsync)",
            total / bare,
        ),
        Figure(
            f"restore (verify all, then copy) of {total:.0f} MiB",
            total / restore_s,
            "MiB/s",
            "cp -r (no hash, no fsync)",
            total / bare,
        ),
        Figure(
            f"incremental backup after {args.new} new documents",
            second.bytes_written / MIB,
            "MiB",
            "full backup",
            full.bytes_written / MIB,
            note=f"{incremental_s:.1f} s, {second.blobs_copied} documents copied",
        ),
    ]
    sys.stdout.write(render(figures) + "\n")


if __name__ == "__main__":
    main()
