"""Judging every received file: one dispatch by sniffed type, ZIPs unpacked and judged again."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from services.intake.inspect.accepted import ACCEPTED_KINDS, accepted_types_text, named_as
from services.intake.inspect.archive import ArchiveProblem, Budget, unpack_zip
from services.intake.inspect.images import inspect_image
from services.intake.inspect.office import office_flags
from services.intake.inspect.pdf import inspect_pdf
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.inspect.sniff import ZIP, sniff
from services.intake.inspect.verdicts import accepted, apply_application_limits, rejected
from services.intake.mail.parse import safe_filename
from services.intake.types import InspectedFile, Limits, ParsedAttachment
from services.kernel.sizes import format_size

log = logging.getLogger(__name__)

_CLAIMS: dict[str, str] = {
    ".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".jpe": "jpeg", ".jfif": "jpeg",
    ".png": "png", ".gif": "gif", ".tif": "tiff", ".tiff": "tiff", ".doc": "doc",
    ".docx": "docx", ".txt": "text", ".zip": "zip", ".xls": "xls", ".xlsx": "xlsx",
    ".ppt": "ppt", ".pptx": "pptx", ".rtf": "rtf", ".heic": "heic", ".webp": "webp",
}  # fmt: skip
_RUNNABLE_EXTS = frozenset(
    ".exe .com .scr .pif .bat .cmd .vbs .vbe .js .jse .mjs .wsf .wsh .hta .ps1 .psm1 .msi .msp "
    ".lnk .jar .sh .bash .py .pl .rb .php .reg .cpl .dll .sys .apk .app .command .scf .inf "
    ".url .iso .img .vhd .vhdx .html .htm .xhtml .svg .mht .mhtml .chm .application .gadget "
    ".appx .msix .xll .xlam .docm .dotm .xlsm .pptm".split()
)


def _extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem and 0 < len(ext) <= 12 else ""


def _inspect_zip(
    name: str,
    data: bytes,
    origin: str,
    depth: int,
    limits: Limits,
    budget: Budget | None,
    probe: PdfOpenProbe | None,
) -> list[InspectedFile]:
    if depth > limits.zip_max_depth:
        return [rejected(name, data, origin, "zip_too_deep", ZIP, limit=limits.zip_max_depth)]
    budget = budget or Budget(limits.zip_max_total_bytes, limits.zip_max_members)
    try:
        members = unpack_zip(data, limits, budget)
    except ArchiveProblem as problem:
        return [rejected(name, data, origin, problem.code, ZIP, (), **problem.fields)]
    except Exception as exc:  # BadZipFile, CRC errors, zlib errors, unsupported methods …
        log.info("zip could not be unpacked: %s", type(exc).__name__)
        return [rejected(name, data, origin, "zip_corrupt", ZIP)]
    results: list[InspectedFile] = []
    for index, (path, content) in enumerate(members, start=1):
        member_name = safe_filename(path) or f"{name}-{index}"
        results.extend(
            _inspect_guarded(member_name, content, f"{origin}/{path}", depth, limits, budget, probe)
        )
    if not results:
        return [rejected(name, data, origin, "zip_empty", ZIP)]
    return results


# -- one file ----------------------------------------------------------------------------------


def _inspect_one(
    name: str,
    data: bytes,
    origin: str,
    depth: int,
    limits: Limits,
    budget: Budget | None,
    probe: PdfOpenProbe | None,
    inline: bool = False,
) -> list[InspectedFile]:
    flags: list[str] = ["inline"] if inline else []
    if not data:
        return [rejected(name, data, origin, "empty_file", None, (*flags,))]
    sniffed = sniff(data)
    claimed_ext = _extension(name)
    if not claimed_ext:
        name = f"{name}{sniffed.extension}"
    if len(data) > limits.max_file_bytes:
        return [
            rejected(
                name,
                data,
                origin,
                "file_too_large",
                sniffed,
                (*flags,),
                size=format_size(len(data)),
                limit=format_size(limits.max_file_bytes),
            )
        ]
    kind = sniffed.kind
    what = {"what_th": sniffed.label_th, "what_en": sniffed.label_en}
    if kind == "exe":
        named_th = f"ไฟล์ชื่อ {claimed_ext} แต่" if claimed_ext in _CLAIMS else "ไฟล์นี้"
        named_en = (
            f"The file is named {claimed_ext} but " if claimed_ext in _CLAIMS else "The file "
        )
        return [rejected(name, data, origin, "executable", sniffed, (*flags,),
                         named_th=named_th, named_en=named_en, **what)]  # fmt: skip
    if kind == "script" or (kind == "text" and claimed_ext in _RUNNABLE_EXTS):
        if kind == "text":
            what = {"what_th": f"ไฟล์ {claimed_ext}", "what_en": f"a {claimed_ext} file"}
        return [rejected(name, data, origin, "script", sniffed, (*flags,), **what)]
    if kind == "zip":
        return _inspect_zip(name, data, origin, depth + 1, limits, budget, probe)
    if kind == "tnef":
        return [rejected(name, data, origin, "tnef_unsupported", sniffed, (*flags,))]
    if kind == "archive":
        return [rejected(name, data, origin, "archive_not_supported", sniffed, (*flags,), **what)]
    if kind in ("docm", "office_encrypted"):
        code = "office_macro" if kind == "docm" else "office_encrypted"
        return [rejected(name, data, origin, code, sniffed, (*flags,))]

    if kind not in ACCEPTED_KINDS:
        claimed_type = named_as(claimed_ext)
        if claimed_type is not None:  # named as something accepted: say what it really is
            what_en = sniffed.label_en[:1].lower() + sniffed.label_en[1:]
            return [rejected(name, data, origin, "type_not_as_named", sniffed, (*flags,),
                             ext=claimed_ext, named=claimed_type.label,
                             what_th=sniffed.label_th, what_en=what_en)]  # fmt: skip
        return [rejected(name, data, origin, "type_not_accepted", sniffed, (*flags,),
                         accepted=accepted_types_text(), **what)]  # fmt: skip
    explained: dict[str, dict[str, object]] = {}
    claimed = _CLAIMS.get(claimed_ext)
    if (claimed is not None and claimed != kind) or claimed_ext in _RUNNABLE_EXTS:
        # Kept as what it is; the right extension is added so no program opens it by its name.
        flags.append("name_mismatch")
        explained["name_mismatch"] = {"ext": claimed_ext, **what}
        name = f"{name}{sniffed.extension}"
    if kind == "pdf":
        return [inspect_pdf(name, data, origin, flags, explained, probe)]
    if kind in ("jpeg", "png", "gif"):
        return [inspect_image(name, data, origin, sniffed, flags, explained, limits)]
    if kind in ("doc", "docx"):
        macros, embedded = office_flags(sniffed, data)
        if macros:
            return [rejected(name, data, origin, "office_macro", sniffed, (*flags,))]
        if embedded:
            flags.append("office_embedded_object")
            explained["office_embedded_object"] = {}
    return [accepted(name, data, origin, sniffed, flags, explained)]


def _inspect_guarded(
    name: str,
    data: bytes,
    origin: str,
    depth: int,
    limits: Limits,
    budget: Budget | None,
    probe: PdfOpenProbe | None,
    inline: bool = False,
) -> list[InspectedFile]:
    try:
        return _inspect_one(name, data, origin, depth, limits, budget, probe, inline)
    except Exception as exc:
        log.warning("file inspection failed: %s", type(exc).__name__)
        log.debug("file inspection failure", exc_info=True)
        flags = ("inline",) if inline else ()
        return [rejected(name, data, origin, "unreadable", None, flags)]


_DEFAULT_LIMITS = Limits()


def inspect_attachments(
    attachments: Sequence[ParsedAttachment],
    limits: Limits = _DEFAULT_LIMITS,
    pdf_probe: PdfOpenProbe | None = None,
) -> list[InspectedFile]:
    """Judge every attachment (ZIPs unpacked); never raises, never drops a file silently.

    ``pdf_probe`` is the viewer's engine (see :mod:`services.intake.inspect.pdf_probe`); it
    may take seconds per PDF, so call this outside any database transaction. Without it,
    PDFs are judged by pypdf alone.

    Accepted files come first-come-first-served against the per-application caps
    (``max_files``, ``max_application_bytes``); later ones over a cap are rejected with
    the reason. Rejected files keep their bytes for the quarantine.
    """
    results: list[InspectedFile] = []
    for index, attachment in enumerate(attachments, start=1):
        name = safe_filename(attachment.filename) or f"attachment-{index}"
        results.extend(
            _inspect_guarded(
                name, attachment.data, name, 0, limits, None, pdf_probe, attachment.inline
            )
        )
    return apply_application_limits(results, limits)
