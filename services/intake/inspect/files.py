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

Accepted types: PDF, DOC, DOCX, TXT (UTF-8, UTF-16 with BOM, TIS-620/cp874), JPEG, PNG,
GIF, and ZIP (unpacked). TIFF is refused (multi-page TIFFs show only their first page
in most viewers, so pages would be missed), as are other Office and image formats.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PIL import Image
from pypdf import PasswordType, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from services.intake.mail.parse import safe_filename
from services.intake.types import InspectedFile, Limits, ParsedAttachment

__all__ = ["inspect_attachments", "sniff", "Sniffed", "REASONS"]

log = logging.getLogger(__name__)

_MB = 1024 * 1024
_CHUNK = 256 * 1024
_RATIO_FLOOR = _MB  # below this many unpacked bytes a high ratio is harmless (tiny text files)
_DEFAULT_DPIS = frozenset({72, 96})  # camera/screen defaults: they say nothing about a scan
_PDF_WALK_LIMIT = 200_000

# reason_code → (Thai, English); ``{…}`` fields are filled per file.
REASONS: dict[str, tuple[str, str]] = {
    "empty_file": (
        "ไฟล์ว่างเปล่า (0 ไบต์) — ขอให้ผู้ยื่นส่งไฟล์นี้ใหม่",
        "The file is empty (0 bytes); ask the applicant to send it again.",
    ),
    "file_too_large": (
        "ไฟล์มีขนาด {size} เกินกำหนด {limit} ต่อไฟล์ — ขอให้ผู้ยื่นย่อขนาดหรือแบ่งเป็นหลายไฟล์แล้วส่งใหม่",
        "The file is {size}, over the limit of {limit} per file; ask the applicant to make it "
        "smaller or split it, and send it again.",
    ),
    "application_too_large": (
        "ไฟล์ทั้งหมดของคำขอรวมกันเกิน {limit} จึงไม่ได้รับไฟล์นี้ไว้ — ขอให้ผู้ยื่นส่งไฟล์ที่เหลือแยกอีกฉบับหรือย่อขนาด",
        "All files of this application together exceed {limit}, so this file was not taken; "
        "ask the applicant to send the rest separately or smaller.",
    ),
    "too_many_files": (
        "คำขอมีไฟล์เกิน {limit} ไฟล์ จึงไม่ได้รับไฟล์นี้ไว้ — ขอให้ผู้ยื่นรวมไฟล์หรือส่งแยกอีกฉบับ",
        "The application has more than {limit} files, so this one was not taken; ask the "
        "applicant to combine files or send the rest separately.",
    ),
    "executable": (
        "{named_th}เนื้อในเป็น{what_th} — ไม่รับไว้ด้วยเหตุผลด้านความปลอดภัย",
        "{named_en}contains {what_en}; not accepted for safety.",
    ),
    "script": (
        "ไฟล์นี้เป็นสคริปต์หรือหน้าเว็บที่สั่งงานได้ ({what_th}) — ไม่รับไว้ด้วยเหตุผลด้านความปลอดภัย ขอให้ส่งเป็น PDF",
        "The file is a script or web page that can run code ({what_en}); not accepted for "
        "safety. Ask for a PDF instead.",
    ),
    "office_macro": (
        "เอกสาร Word มีมาโคร (โค้ดที่สั่งงานได้) — ไม่รับไว้ด้วยเหตุผลด้านความปลอดภัย "
        "ขอให้ส่งเป็น PDF หรือ DOCX ที่ไม่มีมาโคร",
        "The Word document contains macros (code that can run); not accepted for safety. Ask "
        "for a PDF, or a DOCX without macros.",
    ),
    "office_encrypted": (
        "เอกสาร Office ตั้งรหัสผ่านไว้ เจ้าหน้าที่เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งไฟล์ที่ไม่ตั้งรหัสผ่าน",
        "The Office document is password-protected and officers cannot open it; ask the "
        "applicant to send it without a password.",
    ),
    "type_not_accepted": (
        "ไฟล์ชนิด {what_th} ไม่อยู่ในชนิดที่รับ (PDF, DOC, DOCX, TXT, JPEG, PNG, GIF, ZIP) "
        "— ขอให้ผู้ยื่นส่งเป็น PDF หรือ JPEG",
        "{what_en} is not an accepted type (PDF, DOC, DOCX, TXT, JPEG, PNG, GIF, ZIP); ask the "
        "applicant to send it as PDF or JPEG.",
    ),
    "archive_not_supported": (
        "ไฟล์บีบอัดชนิด {what_th} ไม่รองรับ — ขอให้ผู้ยื่นส่งเป็น ZIP หรือแนบไฟล์แยกกัน",
        "{what_en} archives are not supported; ask the applicant for a ZIP or separate files.",
    ),
    "tnef_unsupported": (
        "ไฟล์ winmail.dat จากโปรแกรม Outlook เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งใหม่ในรูปแบบ HTML "
        "หรือข้อความธรรมดา (ไม่ใช่ Rich Text)",
        "A winmail.dat from Outlook cannot be opened; ask the applicant to send the mail again "
        "in HTML or plain-text format (not Rich Text).",
    ),
    "pdf_encrypted": (
        "PDF ตั้งรหัสผ่านไว้ เจ้าหน้าที่เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งไฟล์ที่ไม่ตั้งรหัสผ่าน",
        "The PDF is password-protected and officers cannot open it; ask the applicant to send "
        "it without a password.",
    ),
    "pdf_corrupt": (
        "PDF เสียหรือไม่สมบูรณ์ เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งไฟล์ใหม่",
        "The PDF is damaged or incomplete and cannot be opened; ask the applicant to send it "
        "again.",
    ),
    "pdf_active_content": (
        "PDF มีส่วนที่สั่งงานได้ ({what_th}) — กักไว้ด้วยเหตุผลด้านความปลอดภัย "
        "ขอให้ผู้ยื่นส่ง PDF ธรรมดา (เช่น สั่งพิมพ์เป็น PDF ใหม่)",
        "The PDF contains active content ({what_en}); held back for safety. Ask the applicant "
        "for a plain PDF (for example, print it to PDF again).",
    ),
    "image_corrupt": (
        "ภาพเสียหรือไม่สมบูรณ์ เปิดดูไม่ได้ — ขอให้ผู้ยื่นส่งภาพใหม่",
        "The image is damaged or incomplete and cannot be shown; ask the applicant to send it "
        "again.",
    ),
    "image_too_large": (
        "ภาพมีจำนวนพิกเซลมากผิดปกติ อาจเป็นไฟล์โจมตี — ไม่รับไว้ ขอให้ส่งภาพขนาดปกติ",
        "The image has an abnormal number of pixels, possibly an attack; not accepted. Ask for "
        "a normal-size image.",
    ),
    "zip_corrupt": (
        "ไฟล์ ZIP เสียหรือเปิดไม่ได้ — ขอให้ผู้ยื่นส่งใหม่ หรือแนบไฟล์แยกกัน",
        "The ZIP file is damaged or cannot be opened; ask the applicant to send it again or "
        "attach the files separately.",
    ),
    "zip_encrypted": (
        "ไฟล์ ZIP ตั้งรหัสผ่านไว้ — ขอให้ผู้ยื่นส่งใหม่โดยไม่ตั้งรหัสผ่าน",
        "The ZIP file is password-protected; ask the applicant to send it again without a "
        "password.",
    ),
    "zip_traversal": (
        "ไฟล์ ZIP มีชื่อไฟล์ที่ชี้ออกนอกโฟลเดอร์ ({member}) ซึ่งเป็นลักษณะของไฟล์โจมตี — กักไว้ทั้งไฟล์",
        "The ZIP file holds a name that points outside its folder ({member}), a sign of an "
        "attack; the whole archive is held back.",
    ),
    "zip_symlink": (
        "ไฟล์ ZIP มีลิงก์สัญลักษณ์ (symlink) ซึ่งอาจใช้โจมตีได้ — กักไว้ทั้งไฟล์",
        "The ZIP file holds a symbolic link, which can be used in attacks; the whole archive is "
        "held back.",
    ),
    "zip_too_many_members": (
        "ไฟล์ ZIP มีไฟล์ข้างในเกิน {limit} ไฟล์ — ขอให้ผู้ยื่นแบ่งส่งหลายชุด",
        "The ZIP file holds more than {limit} files; ask the applicant to send smaller sets.",
    ),
    "zip_too_large": (
        "ไฟล์ใน ZIP เมื่อแตกออกแล้วรวมกันเกิน {limit} — ขอให้ผู้ยื่นแบ่งส่งหลายชุด",
        "Unpacked, the ZIP contents exceed {limit}; ask the applicant to send smaller sets.",
    ),
    "zip_member_too_large": (
        "ไฟล์ใน ZIP ({member}) ใหญ่เกินกำหนด {limit} ต่อไฟล์ — ขอให้ผู้ยื่นย่อขนาดแล้วส่งใหม่",
        "A file inside the ZIP ({member}) is over the limit of {limit} per file; ask the "
        "applicant to make it smaller and send it again.",
    ),
    "zip_bomb": (
        "ไฟล์ ZIP ขยายตัวผิดปกติ (มากกว่า {ratio} เท่า) ซึ่งเป็นลักษณะของไฟล์โจมตี — ไม่แตกไฟล์และกักไว้",
        "The ZIP file expands abnormally (more than {ratio} times), a sign of a 'zip bomb'; it "
        "was not unpacked and is held back.",
    ),
    "zip_too_deep": (
        "ไฟล์ ZIP ซ้อนกันเกิน {limit} ชั้น — ขอให้ผู้ยื่นส่งไฟล์โดยไม่บีบอัดซ้อนกัน",
        "ZIP files are nested more than {limit} levels deep; ask the applicant for the files "
        "without nested archives.",
    ),
    "zip_empty": (
        "ไฟล์ ZIP ไม่มีไฟล์อยู่ข้างใน — ขอให้ผู้ยื่นตรวจแล้วส่งใหม่",
        "The ZIP file holds no files; ask the applicant to check it and send it again.",
    ),
    "unreadable": (
        "ตรวจไฟล์นี้ไม่ได้เพราะเกิดข้อผิดพลาด — กักไว้ให้เจ้าหน้าที่ตรวจเอง",
        "This file could not be checked because of an error; held back for an officer to look at.",
    ),
    # Flags on accepted files.
    "low_resolution": (
        "ภาพมีความละเอียดต่ำกว่าที่อ่านได้ชัด ({detail}) — ตรวจดูว่าอ่านออกหรือไม่ "
        "ถ้าไม่ชัดให้ขอภาพใหม่อย่างน้อย {min_dpi} dpi",
        "Image below readable resolution ({detail}); check that it can be read, and if not ask "
        "for a new scan of at least {min_dpi} dpi.",
    ),
    "name_mismatch": (
        "ชื่อไฟล์ลงท้าย {ext} แต่เนื้อในเป็น {what_th} — รับไว้ตามชนิดที่ตรวจพบ",
        "The name ends in {ext} but the content is {what_en}; kept as the type found.",
    ),
    "pdf_restricted": (
        "PDF ตั้งรหัสผ่านเจ้าของไว้ (จำกัดการพิมพ์หรือแก้ไข) แต่เปิดอ่านได้โดยไม่ต้องใช้รหัสผ่าน",
        "The PDF has an owner password (it limits printing or editing) but opens without one.",
    ),
    "pdf_embedded_xml": (
        "PDF แนบข้อมูล XML มาด้วย (เช่น ใบกำกับภาษีหรือใบรับอิเล็กทรอนิกส์) — รับไว้",
        "The PDF carries attached XML data (for example an e-Tax invoice or e-Receipt); accepted.",
    ),
    "office_embedded_object": (
        "เอกสารมีวัตถุฝังอยู่ (embedded object) — อย่าเปิดวัตถุที่ฝังไว้หากไม่จำเป็น",
        "The document contains embedded objects; do not open them unless needed.",
    ),
}
# Flags that explain themselves in reason_th/reason_en (others, like "inline", are only tags).
_EXPLAINED_FLAGS = ("low_resolution", "name_mismatch", "pdf_restricted", "pdf_embedded_xml",
                    "office_embedded_object")  # fmt: skip


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


_PDF = _s("pdf", "application/pdf", ".pdf", "PDF", "a PDF")
_JPEG = _s("jpeg", "image/jpeg", ".jpg", "ภาพ JPEG", "a JPEG image")
_PNG = _s("png", "image/png", ".png", "ภาพ PNG", "a PNG image")
_GIF = _s("gif", "image/gif", ".gif", "ภาพ GIF", "a GIF image")
_TIFF = _s("tiff", "image/tiff", ".tif", "ภาพ TIFF", "A TIFF image")
_HEIC = _s("heic", "image/heic", ".heic", "ภาพ HEIC (iPhone)", "A HEIC (iPhone) image")
_WEBP = _s("webp", "image/webp", ".webp", "ภาพ WebP", "A WebP image")
_BMP = _s("bmp", "image/bmp", ".bmp", "ภาพ BMP", "A BMP image")
_ZIP = _s("zip", "application/zip", ".zip", "ZIP", "a ZIP archive")
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
_UNKNOWN = _s("unknown", "application/octet-stream", ".bin", "ที่ไม่รู้จัก", "An unknown file")

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
    (b"PK\x03\x04", _ZIP),
    (b"PK\x05\x06", _ZIP),
    (b"BM", _BMP),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_ole(data: bytes) -> Sniffed:
    # Stream names sit in the OLE directory as UTF-16; looking for them is enough to tell apart.
    if _utf16("EncryptedPackage") in data:
        return _OFFICE_ENCRYPTED
    if _utf16("WordDocument") in data:
        return _DOC
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return _XLS
    if _utf16("PowerPoint Document") in data:
        return _PPT
    if _utf16("__substg1.0_") in data:
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
        return _ZIP
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
    return _ZIP


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
        return _PDF
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1"):
        return _HEIC
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _WEBP
    for magic, sniffed in _MAGIC:
        if head.startswith(magic):
            if sniffed is _ZIP:
                return _sniff_zip(data)
            if _plausible(sniffed, data):
                return sniffed
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header, so must we
        return _PDF
    encoding = _text_encoding(data)
    if encoding is None:
        return _UNKNOWN
    start = data[:4096]
    if encoding == "utf-16":
        start = data.decode("utf-16", errors="replace")[:4096].encode("utf-8")
    if start.lstrip().startswith(b"#!"):
        return _SCRIPT
    if _SCRIPT_START.match(start):
        return _SVG if b"<svg" in start.lower() else _HTML
    return Sniffed("text", f"text/plain; charset={encoding}", ".txt", "ข้อความ", "plain text")


# -- names -------------------------------------------------------------------------------------

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


# -- results -----------------------------------------------------------------------------------


@dataclass
class _Budget:
    """What is left to unpack from one top-level archive and everything nested in it."""

    bytes_left: int
    members_left: int


class _ArchiveProblem(Exception):
    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields


def _size(n: int) -> str:
    return f"{n / _MB:.1f} MB" if n >= _MB else f"{max(1, n // 1024)} KB"


def _texts(code: str, fields: dict[str, object]) -> tuple[str, str]:
    th, en = REASONS[code]
    return th.format(**fields), en.format(**fields)


def _rejected(
    name: str,
    data: bytes,
    origin: str,
    code: str,
    sniffed: Sniffed | None = None,
    flags: tuple[str, ...] = (),
    **fields: object,
) -> InspectedFile:
    th, en = _texts(code, fields)
    content_type = (sniffed or _UNKNOWN).content_type if data else "application/x-empty"
    return InspectedFile(
        filename=name,
        content_type=content_type,
        data=data,
        verdict="rejected",
        reason_code=code,
        reason_th=th,
        reason_en=en,
        flags=flags if code in flags else (code, *flags),
        origin_path=origin,
    )


def _accepted(
    name: str,
    data: bytes,
    origin: str,
    sniffed: Sniffed,
    flags: list[str],
    explained: dict[str, dict[str, object]],
    **facts: int | None,
) -> InspectedFile:
    reasons = [f for f in _EXPLAINED_FLAGS if f in explained]
    texts = [_texts(code, explained[code]) for code in reasons]
    return InspectedFile(
        filename=name,
        content_type=sniffed.content_type,
        data=data,
        verdict="accepted",
        reason_code=reasons[0] if reasons else None,
        reason_th=" ".join(t[0] for t in texts),
        reason_en=" ".join(t[1] for t in texts),
        flags=tuple(dict.fromkeys(flags)),
        origin_path=origin,
        pages=facts.get("pages"),
        width_px=facts.get("width_px"),
        height_px=facts.get("height_px"),
        dpi=facts.get("dpi"),
    )


# -- PDF ---------------------------------------------------------------------------------------

_PDF_NAME = re.compile(rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){2,20})")
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
    for match in _PDF_NAME.finditer(data):
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


def _inspect_pdf(
    name: str, data: bytes, origin: str, flags: list[str], explained: dict[str, dict[str, object]]
) -> InspectedFile:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # unsupported algorithm or broken encryption dictionary
                opened = PasswordType.NOT_DECRYPTED
            if opened == PasswordType.NOT_DECRYPTED:
                return _rejected(name, data, origin, "pdf_encrypted", _PDF, (*flags,))
            flags.append("pdf_restricted")
            explained["pdf_restricted"] = {}
        pages = len(reader.pages)
        active, xml_embedded = _walk_pdf(reader)
    except Exception as exc:
        log.info("pdf could not be read: %s", type(exc).__name__)
        return _rejected(name, data, origin, "pdf_corrupt", _PDF, (*flags,))
    if pages == 0:
        return _rejected(name, data, origin, "pdf_corrupt", _PDF, (*flags,))
    active |= _raw_pdf_active(data)
    if active:
        kinds = sorted(active)
        what_th = ", ".join(_ACTIVE_LABELS[k][0] for k in kinds)
        what_en = ", ".join(_ACTIVE_LABELS[k][1] for k in kinds)
        extra = tuple(f"pdf_{k}" for k in kinds)
        return _rejected(name, data, origin, "pdf_active_content", _PDF, (*flags, *extra),
                         what_th=what_th, what_en=what_en)  # fmt: skip
    if xml_embedded:
        flags.append("pdf_embedded_xml")
        explained["pdf_embedded_xml"] = {}
    return _accepted(name, data, origin, _PDF, flags, explained, pages=pages)


# -- images ------------------------------------------------------------------------------------


def _dpi(value: object) -> int | None:
    if isinstance(value, tuple) and value:
        value = value[0]
    try:
        dpi = round(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return dpi if dpi > 1 else None


def _inspect_image(
    name: str,
    data: bytes,
    origin: str,
    sniffed: Sniffed,
    flags: list[str],
    explained: dict[str, dict[str, object]],
    limits: Limits,
) -> InspectedFile:
    pil_format = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF"}[sniffed.kind]
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_IMAGE_PIXELS and only raises at twice that; refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
                width, height = image.size
                dpi = _dpi(image.info.get("dpi"))
                if sniffed.kind == "png":
                    image.verify()  # chunk CRCs and structure, without unpacking pixels
                else:
                    if sniffed.kind == "jpeg":  # decode at 1/8 scale: cheap, still finds truncation
                        image.draft("L", (max(1, width // 8), max(1, height // 8)))
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _rejected(name, data, origin, "image_too_large", sniffed, (*flags,))
    except Exception as exc:
        log.info("image could not be read: %s", type(exc).__name__)
        return _rejected(name, data, origin, "image_corrupt", sniffed, (*flags,))
    if dpi is not None and dpi not in _DEFAULT_DPIS:
        low, detail = dpi < limits.min_image_dpi, f"{dpi} dpi"
    else:
        low, detail = min(width, height) < limits.min_image_width_px, f"{width}×{height} px"
    if low:
        flags.append("low_resolution")
        explained["low_resolution"] = {"detail": detail, "min_dpi": limits.min_image_dpi}
    return _accepted(name, data, origin, sniffed, flags, explained,
                     width_px=width, height_px=height, dpi=dpi)  # fmt: skip


# -- ZIP ---------------------------------------------------------------------------------------

_JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


def _member_path(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it: UTF-8 flag, Info-ZIP Unicode field, or cp874."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")  # zipfile decoded the bytes as cp437; undo that
    extra = info.extra
    while len(extra) >= 4:
        field_id = int.from_bytes(extra[0:2], "little")
        size = int.from_bytes(extra[2:4], "little")
        body = extra[4 : 4 + size]
        if field_id == 0x7075 and len(body) > 5 and body[0] == 1:
            if int.from_bytes(body[1:5], "little") == zlib.crc32(raw):
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    pass
        extra = extra[4 + size :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp874", errors="replace")


def _unsafe_path(path: str) -> bool:
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return True
    return any(part == ".." for part in path.split("/"))


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, limits: Limits, budget: _Budget
) -> bytes:
    """Unpack one member with running caps; the sizes in the headers are not trusted."""
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            out += chunk
            if len(out) > limits.max_file_bytes:
                raise _ArchiveProblem(
                    "zip_member_too_large", member=path, limit=_size(limits.max_file_bytes)
                )
            if len(out) > budget.bytes_left:
                raise _ArchiveProblem("zip_too_large", limit=_size(limits.zip_max_total_bytes))
            if len(out) > _RATIO_FLOOR and len(out) > max(1, info.compress_size) * (
                limits.zip_max_ratio
            ):
                raise _ArchiveProblem("zip_bomb", ratio=f"{limits.zip_max_ratio:g}")
    budget.bytes_left -= len(out)
    return bytes(out)


def _unpack_zip(data: bytes, limits: Limits, budget: _Budget) -> list[tuple[str, bytes]]:
    members: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > min(limits.zip_max_members, budget.members_left):
            raise _ArchiveProblem("zip_too_many_members", limit=limits.zip_max_members)
        budget.members_left -= len(infos)
        declared = sum(i.file_size for i in infos)
        if declared > budget.bytes_left:
            raise _ArchiveProblem("zip_too_large", limit=_size(limits.zip_max_total_bytes))
        plan: list[tuple[zipfile.ZipInfo, str]] = []
        for info in infos:
            path = _member_path(info).replace("\\", "/")
            if _unsafe_path(path):
                raise _ArchiveProblem("zip_traversal", member=path[:80])
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                raise _ArchiveProblem("zip_symlink")
            if info.flag_bits & 0x1:
                raise _ArchiveProblem("zip_encrypted")
            if path.endswith("/") or info.is_dir():
                continue
            parts = path.split("/")
            if parts[0] == "__MACOSX" or parts[-1].lower() in _JUNK_NAMES:
                continue  # made by the zipping tool, not by the applicant
            if info.file_size > limits.max_file_bytes:
                raise _ArchiveProblem(
                    "zip_member_too_large", member=path[:80], limit=_size(limits.max_file_bytes)
                )
            if info.file_size > _RATIO_FLOOR and info.file_size > max(1, info.compress_size) * (
                limits.zip_max_ratio
            ):
                raise _ArchiveProblem("zip_bomb", ratio=f"{limits.zip_max_ratio:g}")
            plan.append((info, path))
        for info, path in plan:
            members.append((path, _read_member(archive, info, path, limits, budget)))
    return members


def _inspect_zip(
    name: str, data: bytes, origin: str, depth: int, limits: Limits, budget: _Budget | None
) -> list[InspectedFile]:
    if depth > limits.zip_max_depth:
        return [_rejected(name, data, origin, "zip_too_deep", _ZIP, limit=limits.zip_max_depth)]
    budget = budget or _Budget(limits.zip_max_total_bytes, limits.zip_max_members)
    try:
        members = _unpack_zip(data, limits, budget)
    except _ArchiveProblem as problem:
        return [_rejected(name, data, origin, problem.code, _ZIP, (), **problem.fields)]
    except Exception as exc:  # BadZipFile, CRC errors, zlib errors, unsupported methods …
        log.info("zip could not be unpacked: %s", type(exc).__name__)
        return [_rejected(name, data, origin, "zip_corrupt", _ZIP)]
    results: list[InspectedFile] = []
    for index, (path, content) in enumerate(members, start=1):
        member_name = safe_filename(path) or f"{name}-{index}"
        results.extend(
            _inspect_guarded(member_name, content, f"{origin}/{path}", depth, limits, budget)
        )
    if not results:
        return [_rejected(name, data, origin, "zip_empty", _ZIP)]
    return results


# -- one file ----------------------------------------------------------------------------------


def _office_flags(sniffed: Sniffed, data: bytes) -> tuple[bool, bool]:
    """(has macros, has embedded objects) for DOC and DOCX."""
    if sniffed.kind == "doc":
        macros = _utf16("_VBA_PROJECT") in data or _utf16("Macros") in data
        return macros, _utf16("ObjectPool") in data and _utf16("\x01Ole10Native") in data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n.lower() for n in archive.namelist()]
    except Exception:
        return False, False
    macros = any(n.endswith("vbaproject.bin") for n in names)
    return macros, any(n.startswith("word/embeddings/") and n.endswith(".bin") for n in names)


def _inspect_one(
    name: str,
    data: bytes,
    origin: str,
    depth: int,
    limits: Limits,
    budget: _Budget | None,
    inline: bool = False,
) -> list[InspectedFile]:
    flags: list[str] = ["inline"] if inline else []
    if not data:
        return [_rejected(name, data, origin, "empty_file", None, (*flags,))]
    sniffed = sniff(data)
    claimed_ext = _extension(name)
    if not claimed_ext:
        name = f"{name}{sniffed.extension}"
    if len(data) > limits.max_file_bytes:
        return [_rejected(name, data, origin, "file_too_large", sniffed, (*flags,),
                          size=_size(len(data)), limit=_size(limits.max_file_bytes))]  # fmt: skip
    kind = sniffed.kind
    what = {"what_th": sniffed.label_th, "what_en": sniffed.label_en}
    if kind == "exe":
        named_th = f"ไฟล์ชื่อ {claimed_ext} แต่" if claimed_ext in _CLAIMS else "ไฟล์นี้"
        named_en = (
            f"The file is named {claimed_ext} but " if claimed_ext in _CLAIMS else "The file "
        )
        return [_rejected(name, data, origin, "executable", sniffed, (*flags,),
                          named_th=named_th, named_en=named_en, **what)]  # fmt: skip
    if kind == "script" or (kind == "text" and claimed_ext in _RUNNABLE_EXTS):
        if kind == "text":
            what = {"what_th": f"ไฟล์ {claimed_ext}", "what_en": f"a {claimed_ext} file"}
        return [_rejected(name, data, origin, "script", sniffed, (*flags,), **what)]
    if kind == "zip":
        return _inspect_zip(name, data, origin, depth + 1, limits, budget)
    if kind == "tnef":
        return [_rejected(name, data, origin, "tnef_unsupported", sniffed, (*flags,))]
    if kind == "archive":
        return [_rejected(name, data, origin, "archive_not_supported", sniffed, (*flags,), **what)]
    if kind in ("docm", "office_encrypted"):
        code = "office_macro" if kind == "docm" else "office_encrypted"
        return [_rejected(name, data, origin, code, sniffed, (*flags,))]

    if kind not in ("pdf", "jpeg", "png", "gif", "doc", "docx", "text"):
        return [_rejected(name, data, origin, "type_not_accepted", sniffed, (*flags,), **what)]
    explained: dict[str, dict[str, object]] = {}
    claimed = _CLAIMS.get(claimed_ext)
    if (claimed is not None and claimed != kind) or claimed_ext in _RUNNABLE_EXTS:
        # Kept as what it is; the right extension is added so no program opens it by its name.
        flags.append("name_mismatch")
        explained["name_mismatch"] = {"ext": claimed_ext, **what}
        name = f"{name}{sniffed.extension}"
    if kind == "pdf":
        return [_inspect_pdf(name, data, origin, flags, explained)]
    if kind in ("jpeg", "png", "gif"):
        return [_inspect_image(name, data, origin, sniffed, flags, explained, limits)]
    if kind in ("doc", "docx"):
        macros, embedded = _office_flags(sniffed, data)
        if macros:
            return [_rejected(name, data, origin, "office_macro", sniffed, (*flags,))]
        if embedded:
            flags.append("office_embedded_object")
            explained["office_embedded_object"] = {}
    return [_accepted(name, data, origin, sniffed, flags, explained)]


def _inspect_guarded(
    name: str,
    data: bytes,
    origin: str,
    depth: int,
    limits: Limits,
    budget: _Budget | None,
    inline: bool = False,
) -> list[InspectedFile]:
    try:
        return _inspect_one(name, data, origin, depth, limits, budget, inline)
    except Exception as exc:
        log.warning("file inspection failed: %s", type(exc).__name__)
        log.debug("file inspection failure", exc_info=True)
        flags = ("inline",) if inline else ()
        return [_rejected(name, data, origin, "unreadable", None, flags)]


def _apply_application_limits(files: list[InspectedFile], limits: Limits) -> list[InspectedFile]:
    count = 0
    total = 0
    out: list[InspectedFile] = []
    for item in files:
        if item.verdict != "accepted":
            out.append(item)
            continue
        if count + 1 > limits.max_files:
            code, limit = "too_many_files", str(limits.max_files)
        elif total + len(item.data) > limits.max_application_bytes:
            code, limit = "application_too_large", _size(limits.max_application_bytes)
        else:
            count += 1
            total += len(item.data)
            out.append(item)
            continue
        th, en = _texts(code, {"limit": limit})
        out.append(replace(item, verdict="rejected", reason_code=code, reason_th=th,
                           reason_en=en, flags=(code, *item.flags)))  # fmt: skip
    return out


_DEFAULT_LIMITS = Limits()


def inspect_attachments(
    attachments: Sequence[ParsedAttachment], limits: Limits = _DEFAULT_LIMITS
) -> list[InspectedFile]:
    """Judge every attachment (ZIPs unpacked); never raises, never drops a file silently.

    Accepted files come first-come-first-served against the per-application caps
    (``max_files``, ``max_application_bytes``); later ones over a cap are rejected with
    the reason. Rejected files keep their bytes for the quarantine.
    """
    results: list[InspectedFile] = []
    for index, attachment in enumerate(attachments, start=1):
        name = safe_filename(attachment.filename) or f"attachment-{index}"
        results.extend(
            _inspect_guarded(name, attachment.data, name, 0, limits, None, attachment.inline)
        )
    return _apply_application_limits(results, limits)
