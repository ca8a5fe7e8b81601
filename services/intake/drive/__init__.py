"""Requests dropped on the shared network drive: what counts as one application, and when.

The convention (also in ``docs/shared-drive.md`` for the agency's IT person):

* The watched folder's **direct children are items**. A **sub-folder is one application**:
  every file inside it, at any depth, except ignored ones. A **file directly in the watched
  folder is one application** on its own.
  (โฟลเดอร์ย่อยหนึ่งโฟลเดอร์ = คำขอหนึ่งเรื่อง ไฟล์ทุกไฟล์ในโฟลเดอร์นั้นเป็นเอกสารของคำขอ;
  ไฟล์ที่วางไว้ในโฟลเดอร์หลักโดยตรงหนึ่งไฟล์ = คำขอหนึ่งเรื่อง)
* Names at the top level starting with ``.`` or ``_`` are skipped (files and folders), so IT
  can keep ``_processed`` or ``_อ่านก่อน.txt`` there; so is the processed folder wherever it
  is. Anything starting with ``.`` is skipped at every depth, and so is every name matching
  an ignore pattern (:data:`DEFAULT_IGNORES`: ``Thumbs.db``, ``~$*``, ``*.part`` …).
  (ชื่อที่ขึ้นต้นด้วย ``.`` หรือ ``_`` ในโฟลเดอร์หลักจะไม่ถูกนำเข้า)
* A sub-folder may hold a **sidecar**, ``request.toml`` or ``request.json``, directly inside it
  (not deeper, and not in the watched folder itself, where it is an ordinary one-file
  application). It is not a document; it gives applicant and service data, every key optional,
  every value text: ``service`` (catalog code), ``applicant_name``, ``applicant_kind``
  (``person`` / ``juristic``, or ``บุคคลธรรมดา`` / ``นิติบุคคล``), ``national_id``, ``email``,
  ``phone``, ``subject``, ``note``, ``channel_note`` (e.g. ``LINE``), ``premises_address``;
  a number is kept as text but flagged, since it has lost any leading 0. Unknown keys, wrong types
  and broken syntax never drop the item: it is still taken, with the problem told in Thai and
  English in ``sidecar_problem_th`` / ``sidecar_problem_en`` so intake can queue it as
  unclassified with a note. (ไฟล์ request.toml ที่เขียนผิดรูปแบบจะไม่ทำให้คำขอหาย)
* An item is taken only once **every file in it has kept the same size and modification time
  for** ``stable_for`` across scans (the first sighting starts the clock, any change restarts
  it), so a copy still in progress is not taken half-way; it shows in :meth:`pending`.
* An item's ``key`` is ``"drive:"`` + SHA-256 over its sorted (relative path, file SHA-256)
  pairs, the sidecar included (a corrected sidecar is new information, not a duplicate). The
  same content dropped again under the same names has the same key, so the caller's
  idempotency record keeps a re-scan from ever duplicating an application.
* The source is **never modified**, unless a processed folder is configured: then
  :meth:`DriveScanner.mark_processed` moves the item there after it has been recorded.
* Symbolic links (and Windows junctions) are never followed, wherever they point: they are
  left out and reported by :meth:`DriveScanner.rejected`.

The scanner is not thread-safe: one sync worker owns it. :class:`DriveWatcher` only tells
that worker to scan early; the periodic scan is what guarantees nothing is missed, because
network shares often deliver no change events.

Modules: ``convention`` (names, limits, item key, the data seen), ``safefs`` (no links, bounded
reads), ``listing`` (walking one item), ``sidecar`` (``request.toml``), ``scanner`` (full scan
and stability), ``reader`` (one document's bytes, checked), ``watcher`` (watchdog), ``errors``.
"""

from services.intake.drive.convention import (
    DEFAULT_IGNORES,
    DEFAULT_MAX_FILE_BYTES,
    DEFAULT_MAX_FILES_PER_ITEM,
    SIDECAR_KEYS,
    SIDECAR_NAMES,
    DriveFile,
    DriveItem,
    DriveRejection,
    is_ignored,
)
from services.intake.drive.errors import (
    DriveFileChanged,
    DriveMoveFailed,
    DriveUnavailable,
    DriveWatchUnavailable,
)
from services.intake.drive.reader import read_file
from services.intake.drive.scanner import DriveScanner
from services.intake.drive.watcher import DriveWatcher

__all__ = [
    "DEFAULT_IGNORES",
    "DEFAULT_MAX_FILE_BYTES",
    "DEFAULT_MAX_FILES_PER_ITEM",
    "SIDECAR_NAMES",
    "SIDECAR_KEYS",
    "DriveFile",
    "DriveItem",
    "DriveRejection",
    "DriveUnavailable",
    "DriveFileChanged",
    "DriveMoveFailed",
    "DriveWatchUnavailable",
    "DriveScanner",
    "DriveWatcher",
    "is_ignored",
    "read_file",
]
