"""Plain text out of a received file, for the search index.

Only what a file carries as text is read: a PDF's text layer (a scan gives nothing; no OCR),
the paragraphs of a DOCX, a plain-text file in UTF-8 or the Thai Windows code page (cp874).
Old binary Word files (DOC) give nothing. Files come from the public, so anything unexpected
(broken, encrypted, a zip bomb, an XML entity trick) is logged and gives ``""``: extraction
never stops a document from being attached.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import zipfile
from typing import TYPE_CHECKING
from xml.etree import ElementTree

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["extract_text", "MAX_CHARS", "pdf_reader_text"]

log = logging.getLogger(__name__)

MAX_CHARS = 200_000
"""Default cap on the characters kept per file (the index needs words, not whole books)."""

_DOCX_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-word.document.macroEnabled.12",
    }
)
_TEXT_TYPES = frozenset({"text/plain", "text/csv"})
# A DOCX body is rarely over a few MB; a larger one is a bomb or not worth indexing whole.
_MAX_DOCX_XML = 64 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def extract_text(content_type: str, data: bytes, max_chars: int = MAX_CHARS) -> str:
    """The text of ``data`` (at most ``max_chars`` characters), or ``""``; never raises."""
    media_type, params = _parse_content_type(content_type)
    try:
        if media_type == "application/pdf":
            text = _pdf_text(data, max_chars)
        elif media_type in _DOCX_TYPES:
            text = _docx_text(data, max_chars)
        elif media_type in _TEXT_TYPES:
            text = _plain_text(data, max_chars, params.get("charset", ""))
        else:
            return ""  # images, DOC and the rest carry no text layer we read
        return _tidy(text, max_chars)
    except Exception as exc:  # a hostile file must never stop an attach
        log.info("no text from a %s file: %s: %s", media_type, type(exc).__name__, exc)
        return ""


def _parse_content_type(value: str) -> tuple[str, dict[str, str]]:
    """``"text/plain; charset=TIS-620"`` → ``("text/plain", {"charset": "tis-620"})``."""
    media_type, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for part in rest.split(";"):
        key, sep, raw = part.partition("=")
        if sep:
            params[key.strip().lower()] = raw.strip().strip("\"'").lower()
    return media_type.strip().lower(), params


def _tidy(text: str, max_chars: int) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = _BLANK_LINES.sub("\n\n", _SPACES.sub(" ", text))
    return text.strip()[:max_chars]


def pdf_reader_text(reader: PdfReader, max_chars: int = MAX_CHARS) -> str:
    """:func:`extract_text` of a PDF already opened (and decrypted, if it had a password to
    open) by someone who read it for another reason: intake judges each PDF with pypdf
    before its transaction, and parsing it a second time for its words cost as much again."""
    try:
        return _tidy(_pages_text(reader, max_chars), max_chars)
    except Exception as exc:  # a hostile file must never stop an attach
        log.info("no text from a pdf file: %s: %s", type(exc).__name__, exc)
        return ""


def _pdf_text(data: bytes, max_chars: int) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        # Only an owner password (no password to open) still lets us read the text.
        log.info("pdf is encrypted with a password to open; no text")
        return ""
    return _pages_text(reader, max_chars)


def _pages_text(reader: PdfReader, max_chars: int) -> str:
    parts: list[str] = []
    total = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total >= max_chars:
            break
    return "\n".join(parts)


def _docx_text(data: bytes, max_chars: int) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with archive.open("word/document.xml") as member:
            xml = member.read(_MAX_DOCX_XML + 1)
    if len(xml) > _MAX_DOCX_XML:
        log.info("docx body is over %d bytes; not indexed", _MAX_DOCX_XML)
        return ""
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        # Word never writes a DTD; one here is an entity-expansion trick.
        log.info("docx body declares a DTD; not indexed")
        return ""
    parts: list[str] = []
    total = 0
    for _event, element in ElementTree.iterparse(io.BytesIO(xml), events=("end",)):
        tag = element.tag
        if tag == f"{_W}t" and element.text:
            parts.append(element.text)
            total += len(element.text)
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr", f"{_W}p"):
            parts.append("\n")
            if tag == f"{_W}p":
                element.clear()  # keep memory flat on long documents
        if total >= max_chars:
            break
    return "".join(parts)


def _plain_text(data: bytes, max_chars: int, charset: str) -> str:
    # Thai is at most 3 bytes per character in UTF-8; no need to decode more than that.
    raw = data[: max_chars * 4]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    candidates = [charset] if charset else []
    candidates += ["utf-8-sig", "cp874"]
    for name in candidates:
        try:
            codecs.lookup(name)
        except LookupError:
            log.info("unknown charset %r in a text file", name)
            continue
        try:
            return raw.decode(name)
        except UnicodeDecodeError as exc:
            cut = len(raw) < len(data) and exc.start >= len(raw) - 3
            if cut and name.replace("-", "").startswith("utf8"):
                # The cut above split the last character; keep what came before it.
                return raw[: exc.start].decode(name)
            continue
    return raw.decode("cp874", errors="replace")
