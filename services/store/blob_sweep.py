"""The orphan sweep: stored files no row names, removed once older than a grace period.

Files are written before the rows that name them (a crash must never leave a row without
its file), so an interrupted or failed write can leave the opposite: an encrypted file no
row refers to — an intake group killed between putting its files in place and its commit,
a put on the agency server whose transaction then rolled back, a temporary file a crash
left beside its address. Nothing reads them; they only take space, and a document the
agency meant to destroy could survive in one. :func:`sweep_orphans` removes them:

- only blobs older than ``grace`` (24 hours by default, one hour at the least): a blob put a
  moment ago may belong to a transaction about to commit, on this station or another. A put
  that finds its bytes already stored makes the blob young again (``BlobStore._present``);
- only blobs no row names (:mod:`.blob_references`), asked once for the whole store and again
  for each blob just before it goes, in a way that holds while stations keep working
  (``BlobStore.remove_orphan``: a file is taken aside first; a server blob goes by one
  conditional DELETE);
- temporary files older than the grace period (never named by an address).

Every sweep that removed something is an audit event, ``blobs.swept``, with the counts and
bytes only (never an address: which file a request had is not for the log). It runs after
every backup (``anuyat backup create`` and the workstation's scheduled backup: what is
removed was copied first) and from ``anuyat files sweep``.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput
from services.store import keys
from services.store.blob_references import all_referenced, unreferenced
from services.store.context import AppContext

__all__ = ["DEFAULT_GRACE", "LEAST_GRACE", "Swept", "sweep_orphans"]

log = logging.getLogger(__name__)

DEFAULT_GRACE = timedelta(hours=24)
LEAST_GRACE = timedelta(hours=1)
"""Far longer than any transaction: a shorter grace could take a file a slow save is about
to name."""


@dataclass(frozen=True)
class Swept:
    files: int
    """Blobs removed: no row named them and they were older than the grace period."""
    bytes: int
    """Their size as stored (sealed), and that of the temporary files removed."""
    temporary: int
    """Temporary files a crash left, removed."""
    kept_young: int
    """Blobs no row names yet, kept: younger than the grace period (or named meanwhile)."""
    examined: int
    """Blobs in the store."""


def sweep_orphans(context: AppContext, actor: Actor, *, grace: timedelta = DEFAULT_GRACE) -> Swept:
    """Remove the store's unreferenced blobs and temporary files older than ``grace``."""
    if grace < LEAST_GRACE:
        hours = LEAST_GRACE / timedelta(hours=1)
        raise InvalidInput(
            f"ระยะผ่อนผันต้องไม่น้อยกว่า {hours:g} ชั่วโมง — ไฟล์ที่เพิ่งบันทึกอาจเป็นของงานที่ยังบันทึกไม่เสร็จ",
            f"The grace period must be at least {hours:g} hour(s): a file stored a moment ago "
            "may belong to a save that has not finished.",
            detail=f"grace {grace}",
            code="sweep_grace_too_short",
        )
    blobs = context.store.blobs
    returned = blobs.put_back_aside()
    if returned:
        log.warning("%d file(s) an interrupted sweep had taken aside were put back", returned)

    def is_unreferenced(sha256: str) -> bool:
        with context.read() as session:
            return bool(session.scalar(select(unreferenced(sha256))))

    with context.read() as session:
        named = all_referenced(session)
    files = size = young = examined = 0
    for sha256 in blobs.iter_addresses():
        examined += 1
        if bytes.fromhex(sha256) not in named:
            freed = blobs.remove_orphan(sha256, grace, is_unreferenced)
            if freed is None:
                young += 1
            else:
                files += 1
                size += freed
    temporary = 0
    for leftover in blobs.stale_leftovers(grace):
        with contextlib.suppress(FileNotFoundError):
            freed = leftover.stat().st_size
            leftover.unlink()
            temporary += 1
            size += freed
    swept = Swept(files, size, temporary, young, examined)
    if files or temporary:
        profile_id = keys.read_profile_id(context.store.data_dir) or "profile"
        with context.unit_of_work(actor) as uow:
            uow.record(
                "blobs.swept",
                "blob_store",
                profile_id,
                {
                    "files": files,
                    "temporary_files": temporary,
                    "bytes": size,
                    "grace_hours": grace / timedelta(hours=1),
                },
            )
    log.info("orphan sweep: %s", swept)
    return swept
