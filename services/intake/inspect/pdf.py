"""PDF checks: opens without a password in pypdf and in the viewer's engine, has pages,
carries no active content."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PasswordType, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from services.cases.text_extract import pdf_reader_text
from services.intake.inspect.pdf_probe import PdfOpenProbe, PdfOpens
from services.intake.inspect.sniff import PDF, sniff
from services.intake.inspect.verdicts import accepted, rejected
from services.intake.types import InspectedFile

log = logging.getLogger(__name__)

_PDF_WALK_LIMIT = 200_000


# PDF names (2 to 20 letters, digits or #xx escapes) that can spell a key of _RAW_ACTIVE: they
# begin with J or L, or with either written as #4A/#4C. A name holds no "/", so leaving out the
# other names changes no match (tests/unit/test_pdf_raw_scan.py compares with every name).
_PDF_NAME_ACTIVE = re.compile(rb"/((?:[JL]|#4[AaCc])(?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){1,19})")
_RAW_ACTIVE = {b"JavaScript": "javascript", b"JS": "javascript", b"Launch": "launch"}
_ACTION_KINDS = {"/JavaScript": "javascript", "/Launch": "launch", "/ImportData": "import_data",
                 "/RichMediaExecute": "rich_media", "/GoToE": "embedded_goto"}  # fmt: skip
_ACTIVE_LABELS = {
    "javascript": ("JavaScript", "JavaScript"),
    "launch": ("คำสั่งเปิดโปรแกรม", "a command that launches programs"),
    "import_data": ("คำสั่งนำเข้าข้อมูล", "a data-import action"),
    "rich_media": ("สื่อที่สั่งงานได้", "rich media"),
    "embedded_goto": ("ลิงก์ไปไฟล์ที่ฝังไว้", "a jump into an embedded file"),
    "embedded_file": ("ไฟล์ที่ฝังไว้", "an embedded file"),
    "xfa_script": ("สคริปต์ในแบบฟอร์ม XFA", "scripts in an XFA form"),
}


def _raw_pdf_active(data: bytes) -> set[str]:
    """pdfid-style scan of the raw bytes, with #xx escapes in names undone."""
    found: set[str] = set()
    # A scan's random image bytes hold a "/" every few hundred bytes; only a name that may
    # spell JavaScript, JS or Launch is looked at in Python.
    for match in _PDF_NAME_ACTIVE.finditer(data):
        token = match.group(1)
        if b"#" in token:
            token = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), token)
        kind = _RAW_ACTIVE.get(token)
        if kind:
            found.add(kind)
    return found


def _embedded_is_xml(stream: StreamObject) -> bool:
    try:
        content = stream.get_data()
    except Exception:
        return False
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and sniff(content).kind == "text" and b"<svg" not in head.lower()


def _walk_pdf(reader: PdfReader) -> tuple[set[str], bool]:
    """Active features reachable from the trailer, and whether XML is embedded (harmless)."""
    found: set[str] = set()
    xml_embedded = False
    stack: list[object] = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    steps = 0
    while stack and steps < _PDF_WALK_LIMIT:
        steps += 1
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, ArrayObject):
            stack.extend(item)
        elif isinstance(item, DictionaryObject):
            if "/JS" in item or "/JavaScript" in item:
                found.add("javascript")
            action = item.get("/S")
            if isinstance(action, str) and action in _ACTION_KINDS:
                found.add(_ACTION_KINDS[action])
            if item.get("/Subtype") == "/RichMedia":
                found.add("rich_media")
            if item.get("/Type") == "/EmbeddedFile" and isinstance(item, StreamObject):
                if _embedded_is_xml(item):
                    xml_embedded = True
                else:
                    found.add("embedded_file")
            if "/XFA" in item:
                xfa = item["/XFA"]
                parts = xfa.get_object() if isinstance(xfa, IndirectObject) else xfa
                streams = parts if isinstance(parts, ArrayObject) else [parts]
                for part in streams:
                    part = part.get_object() if isinstance(part, IndirectObject) else part
                    if isinstance(part, StreamObject) and b"<script" in part.get_data().lower():
                        found.add("xfa_script")
            stack.extend(v for k, v in item.items() if k not in ("/Parent", "/P"))
    return found, xml_embedded


def inspect_pdf(
    name: str,
    data: bytes,
    origin: str,
    flags: list[str],
    explained: dict[str, dict[str, object]],
    probe: PdfOpenProbe | None = None,
) -> InspectedFile:
    """pypdf's reading (password, pages, active content), then the viewer's engine.

    With a probe: pypdf reads it but the viewer cannot → held (``pdf_viewer_cannot_open``);
    pypdf gives up but the viewer opens it → accepted, flagged ``pdf_repaired`` (its raw
    bytes still scanned for active content); the viewer does not finish in time → held
    (``pdf_too_slow``). Password-protected and active-content PDFs are held without asking.
    """
    pages: int | None = None
    active: set[str] = set()
    xml_embedded = False
    reader: PdfReader | None = None
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # unsupported algorithm or broken encryption dictionary
                opened = PasswordType.NOT_DECRYPTED
            if opened == PasswordType.NOT_DECRYPTED:
                return rejected(name, data, origin, "pdf_encrypted", PDF, (*flags,))
            flags.append("pdf_restricted")
            explained["pdf_restricted"] = {}
        pages = len(reader.pages)
        active, xml_embedded = _walk_pdf(reader)
    except Exception as exc:
        log.info("pdf could not be read by pypdf: %s", type(exc).__name__)
        pages = None
    active |= _raw_pdf_active(data)
    if active:
        kinds = sorted(active)
        what_th = ", ".join(_ACTIVE_LABELS[k][0] for k in kinds)
        what_en = ", ".join(_ACTIVE_LABELS[k][1] for k in kinds)
        extra = tuple(f"pdf_{k}" for k in kinds)
        return rejected(name, data, origin, "pdf_active_content", PDF, (*flags, *extra),
                        what_th=what_th, what_en=what_en)  # fmt: skip
    read_by_pypdf = bool(pages)
    shown = probe.probe(data) if probe is not None else None
    if shown is not None and shown.outcome is not PdfOpens.UNAVAILABLE:
        log.info("pdf: pypdf %s, viewer %s %s", "reads" if read_by_pypdf else "fails",
                 shown.outcome, shown.detail)  # fmt: skip
        if shown.outcome is PdfOpens.TOO_SLOW:
            seconds = f"{probe.time_limit:g}" if probe is not None else "?"
            return rejected(name, data, origin, "pdf_too_slow", PDF, (*flags,), seconds=seconds)
        if shown.outcome is PdfOpens.REFUSED:
            code = "pdf_viewer_cannot_open" if read_by_pypdf else "pdf_corrupt"
            return rejected(name, data, origin, code, PDF, (*flags,))
        if not read_by_pypdf:
            # The viewer repairs what pypdf gave up on: the officer reads it as shown.
            pages = shown.pages
            flags.append("pdf_repaired")
            explained["pdf_repaired"] = {"pages": pages or "?"}
    elif not read_by_pypdf:
        return rejected(name, data, origin, "pdf_corrupt", PDF, (*flags,))
    if xml_embedded:
        flags.append("pdf_embedded_xml")
        explained["pdf_embedded_xml"] = {}
    # Its words for the search index, from the objects pypdf has parsed already (a repaired
    # file pypdf could not read is left to the attach, which finds no text in it either).
    text = pdf_reader_text(reader) if read_by_pypdf and reader is not None else None
    return accepted(name, data, origin, PDF, flags, explained, text, pages=pages)


# -- images ------------------------------------------------------------------------------------
