"""Word documents (DOC, DOCX): macros and embedded objects."""

from __future__ import annotations

import io
import zipfile

from services.intake.inspect.sniff import Sniffed, utf16


def office_flags(sniffed: Sniffed, data: bytes) -> tuple[bool, bool]:
    """(has macros, has embedded objects) for DOC and DOCX."""
    if sniffed.kind == "doc":
        macros = utf16("_VBA_PROJECT") in data or utf16("Macros") in data
        return macros, utf16("ObjectPool") in data and utf16("\x01Ole10Native") in data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n.lower() for n in archive.namelist()]
    except Exception:
        return False, False
    macros = any(n.endswith("vbaproject.bin") for n in names)
    return macros, any(n.startswith("word/embeddings/") and n.endswith(".bin") for n in names)
