"""What the bytes really are, by their content: never the name or the sender's claim."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class Sniffed:
    """What the bytes are: a short kind, the MIME type, the usual extension, and a label."""

    kind: str
    content_type: str
    extension: str
    label_th: str
    label_en: str


def _s(kind: str, ctype: str, ext: str, th: str, en: str) -> Sniffed:
    return Sniffed(kind, ctype, ext, th, en)


PDF = _s("pdf", "application/pdf", ".pdf", "PDF", "a PDF")
_JPEG = _s("jpeg", "image/jpeg", ".jpg", "ภาพ JPEG", "a JPEG image")
_PNG = _s("png", "image/png", ".png", "ภาพ PNG", "a PNG image")
_GIF = _s("gif", "image/gif", ".gif", "ภาพ GIF", "a GIF image")
_TIFF = _s("tiff", "image/tiff", ".tif", "ภาพ TIFF", "A TIFF image")
_HEIC = _s("heic", "image/heic", ".heic", "ภาพ HEIC (iPhone)", "A HEIC (iPhone) image")
_WEBP = _s("webp", "image/webp", ".webp", "ภาพ WebP", "A WebP image")
_BMP = _s("bmp", "image/bmp", ".bmp", "ภาพ BMP", "A BMP image")
ZIP = _s("zip", "application/zip", ".zip", "ZIP", "a ZIP archive")
_DOCX = _s(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
    "เอกสาร Word (DOCX)",
    "a Word document (DOCX)",
)
_DOCM = _s("docm", "application/vnd.ms-word.document.macroEnabled.12", ".docm",
           "เอกสาร Word มีมาโคร", "a macro-enabled Word document")  # fmt: skip
_XLSX = _s("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           ".xlsx", "Excel (XLSX)", "An Excel workbook (XLSX)")  # fmt: skip
_PPTX = _s("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
           ".pptx", "PowerPoint (PPTX)", "A PowerPoint file (PPTX)")  # fmt: skip
_ODF = _s("odf", "application/vnd.oasis.opendocument", ".odt", "OpenDocument",
          "An OpenDocument file")  # fmt: skip
_DOC = _s("doc", "application/msword", ".doc", "เอกสาร Word (DOC)", "a Word document (DOC)")
_XLS = _s("xls", "application/vnd.ms-excel", ".xls", "Excel (XLS)", "An Excel workbook (XLS)")
_PPT = _s("ppt", "application/vnd.ms-powerpoint", ".ppt", "PowerPoint (PPT)",
          "A PowerPoint file (PPT)")  # fmt: skip
_MSG = _s("msg", "application/vnd.ms-outlook", ".msg", "อีเมล Outlook (.msg)",
          "An Outlook message (.msg)")  # fmt: skip
_OLE = _s("ole", "application/x-ole-storage", ".bin", "ไฟล์ Office แบบเก่าที่ไม่รู้จัก",
          "An unknown old-style Office file")  # fmt: skip
_OFFICE_ENCRYPTED = _s(
    "office_encrypted",
    "application/x-ole-storage",
    ".docx",
    "เอกสาร Office ที่ตั้งรหัสผ่าน",
    "a password-protected Office document",
)
_RTF = _s("rtf", "application/rtf", ".rtf", "RTF", "An RTF document")
_TNEF = _s("tnef", "application/ms-tnef", ".dat", "winmail.dat", "winmail.dat")
_EXE = _s("exe", "application/x-msdownload", ".exe", "โปรแกรม Windows (.exe)",
          "a Windows program (.exe)")  # fmt: skip
_ELF = _s("exe", "application/x-executable", ".bin", "โปรแกรม Linux", "a Linux program")
_MACHO = _s("exe", "application/x-mach-binary", ".bin", "โปรแกรม macOS", "a macOS program")
_JAVA = _s("exe", "application/java-vm", ".class", "โปรแกรม Java", "a Java program")
_LNK = _s("exe", "application/x-ms-shortcut", ".lnk", "ทางลัด Windows (.lnk)",
          "a Windows shortcut (.lnk)")  # fmt: skip
_SCRIPT = _s("script", "text/x-script", ".txt", "สคริปต์", "a script")
_HTML = _s("script", "text/html", ".html", "หน้าเว็บ (HTML)", "a web page (HTML)")
_SVG = _s("script", "image/svg+xml", ".svg", "ภาพ SVG", "an SVG image")
_RAR = _s("archive", "application/vnd.rar", ".rar", "RAR", "RAR")
_7Z = _s("archive", "application/x-7z-compressed", ".7z", "7-Zip", "7-Zip")
_GZIP = _s("archive", "application/gzip", ".gz", "GZIP", "GZIP")
_BZIP2 = _s("archive", "application/x-bzip2", ".bz2", "BZIP2", "BZIP2")
_XZ = _s("archive", "application/x-xz", ".xz", "XZ", "XZ")
_CAB = _s("archive", "application/vnd.ms-cab-compressed", ".cab", "CAB", "CAB")
UNKNOWN = _s("unknown", "application/octet-stream", ".bin", "ที่ไม่รู้จัก", "An unknown file")

_MAGIC: tuple[tuple[bytes, Sniffed], ...] = (
    (b"\xff\xd8\xff", _JPEG),
    (b"\x89PNG\r\n\x1a\n", _PNG),
    (b"GIF87a", _GIF),
    (b"GIF89a", _GIF),
    (b"II*\x00", _TIFF),
    (b"MM\x00*", _TIFF),
    (b"MZ", _EXE),
    (b"\x7fELF", _ELF),
    (b"\xfe\xed\xfa\xce", _MACHO),
    (b"\xfe\xed\xfa\xcf", _MACHO),
    (b"\xce\xfa\xed\xfe", _MACHO),
    (b"\xcf\xfa\xed\xfe", _MACHO),
    (b"\xca\xfe\xba\xbe", _JAVA),
    (b"L\x00\x00\x00\x01\x14\x02\x00", _LNK),
    (b"\x78\x9f\x3e\x22", _TNEF),
    (b"{\\rtf", _RTF),
    (b"Rar!\x1a\x07", _RAR),
    (b"7z\xbc\xaf\x27\x1c", _7Z),
    (b"\x1f\x8b", _GZIP),
    (b"BZh", _BZIP2),
    (b"\xfd7zXZ\x00", _XZ),
    (b"MSCF", _CAB),
    (b"PK\x03\x04", ZIP),
    (b"PK\x05\x06", ZIP),
    (b"BM", _BMP),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_ole(data: bytes) -> Sniffed:
    # Stream names sit in the OLE directory as UTF-16; looking for them is enough to tell apart.
    if utf16("EncryptedPackage") in data:
        return _OFFICE_ENCRYPTED
    if utf16("WordDocument") in data:
        return _DOC
    if utf16("Workbook") in data or utf16("Book") in data:
        return _XLS
    if utf16("PowerPoint Document") in data:
        return _PPT
    if utf16("__substg1.0_") in data:
        return _MSG
    return _OLE


def _sniff_zip(data: bytes) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as stream:  # read(): a bomb could hide here
                    mimetype = stream.read(100)
    except Exception:  # a broken ZIP is judged as a ZIP (and rejected there)
        return ZIP
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return _ODF
    if "[Content_Types].xml" in names:
        if "word/vbaProject.bin" in names:
            return _DOCM
        if any(n.startswith("word/") for n in names):
            return _DOCX
        if any(n.startswith("xl/") for n in names):
            return _XLSX
        if any(n.startswith("ppt/") for n in names):
            return _PPTX
    return ZIP


def _text_encoding(data: bytes) -> str | None:
    """The encoding plain text is in (utf-8, utf-16, windows-874), or None for binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        encoding = "utf-16"
    else:
        if b"\x00" in data:
            return None
        for encoding in ("utf-8", "windows-874"):
            try:
                text = data.decode("utf-8-sig" if encoding == "utf-8" else "cp874")
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v\x1a")
    if controls > max(2, len(text) // 100):
        return None
    return encoding


_SCRIPT_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<script|<svg|<\?xml[^>]*>\s*<svg)", re.I)
_BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})


def _plausible(sniffed: Sniffed, data: bytes) -> bool:
    """Short magic numbers that plain text could start with need a second look."""
    if sniffed is _BMP:
        return (
            len(data) >= 26
            and data[6:10] == b"\x00\x00\x00\x00"
            and int.from_bytes(data[14:18], "little") in _BMP_HEADER_SIZES
        )
    if sniffed is _BZIP2:
        return data[3:4].isdigit() and data[4:10] == b"1AY&SY"
    if sniffed is _CAB:
        return data[4:8] == b"\x00\x00\x00\x00"
    return True


def sniff(data: bytes) -> Sniffed:
    """What the bytes are, by their content alone."""
    head = data[:64]
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(data)
    if head.startswith(b"%PDF-"):
        return PDF
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1"):
        return _HEIC
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _WEBP
    for magic, sniffed in _MAGIC:
        if head.startswith(magic):
            if sniffed is ZIP:
                return _sniff_zip(data)
            if _plausible(sniffed, data):
                return sniffed
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header, so must we
        return PDF
    encoding = _text_encoding(data)
    if encoding is None:
        return UNKNOWN
    start = data[:4096]
    if encoding == "utf-16":
        start = data.decode("utf-16", errors="replace")[:4096].encode("utf-8")
    if start.lstrip().startswith(b"#!"):
        return _SCRIPT
    if _SCRIPT_START.match(start):
        return _SVG if b"<svg" in start.lower() else _HTML
    return Sniffed("text", f"text/plain; charset={encoding}", ".txt", "ข้อความ", "plain text")
