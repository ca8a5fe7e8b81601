"""Judge each received file: what it really is, whether an officer can read it, whether it is safe.

The type is sniffed from the bytes, never taken from the name or the sender's claim.
ZIP archives are unpacked in memory (never to disk) under caps on member count, total
size, compression ratio and nesting; their members are judged like any attachment and
the archive itself is not kept as a document when it unpacked cleanly (its members'
``origin_path`` names it). A bad archive is one rejected file with the reason.

Every rejected file keeps its bytes (for the quarantine) and carries a ``reason_code``
with ``reason_th`` / ``reason_en`` an officer can act on. Accepted files may carry flags
(``low_resolution``, ``name_mismatch`` …) with the same kind of text. Nothing here
raises for bad input: an unexpected error rejects that one file as ``unreadable``.

Accepted types (the table in ``accepted``, which the refusal texts quote): PDF, DOC, DOCX,
TXT (UTF-8, UTF-16 with BOM, TIS-620/cp874), JPEG, PNG, GIF, and ZIP (unpacked). TIFF is
refused (multi-page TIFFs show only their first page in most viewers, so pages would be
missed), as are other Office and image formats.

Modules: ``attachments`` (the dispatch, the entry point), ``accepted`` (the accepted types),
``sniff`` (type by content),
``pdf``, ``images``, ``office`` (the checks per type), ``archive`` (safe ZIP unpacking),
``reasons`` (the codes with their Thai and English texts), ``verdicts`` (building results,
per-application caps).
"""

from services.intake.inspect.attachments import inspect_attachments
from services.intake.inspect.reasons import REASONS
from services.intake.inspect.sniff import Sniffed, sniff

__all__ = ["inspect_attachments", "sniff", "Sniffed", "REASONS"]
