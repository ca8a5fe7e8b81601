"""``export_case``: a request's whole file as one PDF/A-3 for the archives or a court.

The pages are drawn by :mod:`.render`; the originals (each applicant's file and each issued
document, byte for byte) and the audit events as CSV ride along as associated files. The
export is an audit event of its own (who took the file out, and the hash of what they took),
recorded after the file is written, so an export that failed leaves no claim behind.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path, PurePath

from pypdf import PdfReader

from services.access.table import Action, require
from services.archive.gather import CaseFile, gather_case, read_blobs
from services.archive.render import render_case
from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError
from services.kernel.fsutil import write_atomically
from services.produce.pdf.pdfa import ArchivalInfo, AssociatedFile, make_pdfa
from services.store.context import AppContext

__all__ = ["ArchiveExport", "export_case"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArchiveExport:
    path: Path
    tracking_number: str
    sha256: str
    pages: int
    files: int
    size: int


def _safe_name(number: int, name: str) -> str:
    # Two files may share a name ("scan.pdf" twice); a path in a name is not a folder.
    return f"{number:02d}-{PurePath(name.replace(chr(92), '/')).name or 'file'}"


def _attachments(case: CaseFile, info: ArchivalInfo) -> list[AssociatedFile]:
    attached = [
        AssociatedFile(
            "events.csv",
            case.events_csv,
            "text/csv",
            "Data",
            "บันทึกเหตุการณ์ของคำขอ / the request's audit events",
            info.created,
        )
    ]
    for number, entry in enumerate(case.files, start=1):
        if entry.data is None:
            continue
        attached.append(
            AssociatedFile(
                _safe_name(number, entry.name),
                entry.data,
                entry.content_type or "application/octet-stream",
                "Source",
                f"ต้นฉบับ / original, sha256 {entry.sha256}",
                entry.received_at.astimezone(UTC),
            )
        )
    return attached


def export_case(context: AppContext, actor: Actor, tracking: str, out: Path) -> ArchiveExport:
    """Write request ``tracking``'s whole file as PDF/A-3 to ``out`` (replacing it whole)."""
    actor = context.verified(actor)
    require(actor, Action.EXPORT_ARCHIVE)
    with context.read(actor) as session:
        case = gather_case(session, tracking)
    case = read_blobs(case, context.store.blobs)
    info = ArchivalInfo(
        title=f"แฟ้มคำขอ {case.tracking_number}",
        author=case.agency_th,
        created=context.clock.now().astimezone(UTC),
        subject=f"{case.service_th} — {case.applicant}",
    )
    pdf = make_pdfa(render_case(case), info, attachments=_attachments(case, info))
    digest = hashlib.sha256(pdf).hexdigest()
    try:
        write_atomically(out, pdf)
    except OSError as exc:
        log.warning("archive export to %s failed: %r", out, exc)
        raise AnuyatError(
            f"เขียนไฟล์ {out} ไม่ได้ ตรวจว่าโฟลเดอร์มีอยู่ เขียนได้ และมีที่ว่างพอ",
            f"Could not write {out}: check the folder exists, is writable and has room.",
            detail=repr(exc),
        ) from exc
    pages = len(PdfReader(out).pages)
    with context.unit_of_work(actor) as uow:
        uow.record(
            "archive.exported",
            "application",
            case.application_id,
            {"tracking": case.tracking_number, "sha256": digest, "pages": pages,
             "files": len(case.files), "size": len(pdf)},
        )  # fmt: skip
    return ArchiveExport(out, case.tracking_number, digest, pages, len(case.files), len(pdf))
