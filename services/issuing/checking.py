"""Checking a licence someone shows an officer (M20: also scanned paper and photographed ones).

What is shown may be the signed PDF itself, a photo or screenshot of a licence (its QR code
is read with zxing-cpp), a scan of a paper licence as a PDF of images, or only the number or
verification code read off the paper. Each way ends at the same question asked of the
register: which entry, and what is its status today — valid, expired, revoked (and why) or
superseded by a renewal. For a PDF the signatures are validated too, and the attached
``licence.xml`` is compared with the one registered, so a licence whose data was changed
after issue does not pass for the registered one.

The answer holds only what the public register shows (no national ID, no address).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256
from typing import Final

import zxingcpp
from asn1crypto import x509 as asn1_x509
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import IssuedDocument
from services.access.table import Action, require
from services.issuing.numbers import normal_code
from services.issuing.register import status_on
from services.issuing.xmldata import parse_licence_xml, read_xml
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.produce.sign import VerificationResult, verify_pdf

__all__ = [
    "LicenceCheck",
    "RegisterEntry",
    "check_file",
    "check_typed",
    "code_in_qr",
    "find_issued",
]

log = logging.getLogger(__name__)

_MAX_PIXELS: Final = 60_000_000  # a phone photo is ~12 MP; more is not a photo of a licence
_MAX_PDF_PAGES: Final = 5
_CODE: Final = re.compile(r"([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})")


@dataclass(frozen=True)
class RegisterEntry:
    """A register entry as the public may see it."""

    number: str
    subject_th: str
    subject_en: str
    licensee: str
    issued_at: datetime
    valid_until: datetime | None
    status: str
    """valid | expired | revoked | superseded"""
    revoked_reason: str
    registered_from_paper: str = ""
    """For a paper licence registered by hand (services.issuing.paper): who typed it in;
    empty for one the system issued."""
    registered_at: datetime | None = None


@dataclass(frozen=True)
class LicenceCheck:
    """What was read from what was shown, and what the register and signatures say."""

    read_from: str
    """xml (the PDF's data) | qr (a photo, a screenshot, a scan) | typed | none"""
    reference: str
    """The verification code or number found ("" when none could be read)."""
    entry: RegisterEntry | None
    signature: VerificationResult | None
    """None unless a PDF was shown (a photo carries no signature)."""
    data_matches: bool | None
    """The attached licence.xml is the registered one; None when there is none to compare."""

    @property
    def ok(self) -> bool:
        """In the register, valid today, and nothing shown contradicts it."""
        if self.entry is None or self.entry.status != "valid" or self.data_matches is False:
            return False
        return self.signature is None or self.signature.ok

    def lines(self) -> tuple[tuple[str, str], ...]:
        """(Thai, English) lines for the officer, the verdict first."""
        out: list[tuple[str, str]] = [self._verdict()]
        e = self.entry
        if e is not None:
            until_th = format_thai_date(e.valid_until) if e.valid_until else "ไม่มีกำหนด"
            until_en = format_english_date(e.valid_until) if e.valid_until else "no expiry"
            out += [
                (f"เลขที่: {e.number}", f"Number: {e.number}"),
                (f"เรื่อง: {e.subject_th}", f"Subject: {e.subject_en}"),
                (f"ผู้ได้รับใบอนุญาต: {e.licensee}", f"Licensee: {e.licensee}"),
                (f"วันที่ออก: {format_thai_date(e.issued_at)}",
                 f"Issued: {format_english_date(e.issued_at)}"),
                (f"ใช้ได้ถึง: {until_th}", f"Valid until: {until_en}"),
            ]  # fmt: skip
            if e.registered_from_paper:
                on = e.registered_at or e.issued_at
                out.append((
                    f"ใบอนุญาตฉบับกระดาษ ลงทะเบียนด้วยมือโดย {e.registered_from_paper} "
                    f"เมื่อ {format_thai_date(on)} — ไม่มีไฟล์หรือลายมือชื่ออิเล็กทรอนิกส์ "
                    "ตรวจกับตัวจริงที่เห็น",
                    f"Paper licence, registered by hand by {e.registered_from_paper} on "
                    f"{format_english_date(on)}: there is no file or digital signature; "
                    "compare with the paper shown.",
                ))  # fmt: skip
            if e.status == "revoked":
                out.append((f"เหตุผลการเพิกถอน: {e.revoked_reason}",
                            f"Reason revoked: {e.revoked_reason}"))  # fmt: skip
        if self.data_matches is False:
            out.append((
                "ข้อมูลที่แนบในไฟล์ไม่ตรงกับที่ลงทะเบียนไว้ — ไฟล์นี้ถูกแก้ไขหลังออก",
                "The data attached to this file is not the data registered: it was changed "
                "after issue.",
            ))  # fmt: skip
        if self.signature is not None:
            if not self.signature.signatures:
                out.append(("ไฟล์นี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์",
                            "This file carries no digital signature."))  # fmt: skip
            for check in self.signature.signatures:
                out.extend(check.lines())
            if self.signature.signatures:
                # Time-stamps added later (services.issuing.timestamps) and the LTV data.
                out.extend(self.signature.lines())
        elif self.read_from == "qr":
            out.append((
                "อ่านจากรูปภาพ: ตรวจได้เฉพาะสถานะในทะเบียน ไม่มีลายมือชื่อให้ตรวจ",
                "Read from a picture: only the register status is checked; a picture carries "
                "no signature.",
            ))  # fmt: skip
        return tuple(out)

    def _verdict(self) -> tuple[str, str]:
        e = self.entry
        if e is None:
            if not self.reference:
                return ("ไม่พบรหัสตรวจสอบหรือ QR ของใบอนุญาตในสิ่งที่ให้ตรวจ",
                        "No licence verification code or QR code was found in what was "
                        "shown.")  # fmt: skip
            return (f"ไม่พบ “{self.reference}” ในทะเบียนของหน่วยงาน — อาจไม่ใช่ใบอนุญาตที่หน่วยงานออก",
                    f"“{self.reference}” is not in the agency's register: it may not be a "
                    "licence the agency issued.")  # fmt: skip
        if e.status == "revoked":
            return ("ถูกเพิกถอน — ใบอนุญาตนี้ใช้ไม่ได้แล้ว", "REVOKED: this licence is no longer valid.")
        if e.status == "superseded":
            return ("ถูกแทนที่ด้วยใบอนุญาตที่ต่ออายุแล้ว — ขอดูฉบับใหม่",
                    "SUPERSEDED by a renewed licence: ask for the new one.")  # fmt: skip
        if e.status == "expired":
            if e.registered_from_paper:
                return ("หมดอายุแล้ว (ใบอนุญาตฉบับกระดาษที่ลงทะเบียนไว้)",
                        "EXPIRED (a paper licence registered by hand).")  # fmt: skip
            return ("หมดอายุแล้ว", "EXPIRED.")
        if self.data_matches is False or (self.signature is not None and not self.signature.ok):
            return ("อยู่ในทะเบียน แต่ไฟล์นี้ตรวจไม่ผ่าน — อย่ารับไฟล์นี้เป็นหลักฐาน",
                    "In the register, but this file does not pass the checks: do not accept "
                    "this file as proof.")  # fmt: skip
        if e.registered_from_paper:
            return ("ใช้ได้ — ตรงกับทะเบียนของหน่วยงาน (ลงทะเบียนจากใบอนุญาตฉบับกระดาษ)",
                    "VALID: it matches the agency's register (registered from a paper "
                    "licence).")  # fmt: skip
        return ("ใช้ได้ — ตรงกับทะเบียนของหน่วยงาน", "VALID: it matches the agency's register.")


def code_in_qr(text: str) -> str:
    """The verification code in a licence QR's text (its public page's URL), or ""."""
    found = _CODE.search(text.upper())
    return found.group(1) if found else ""


def _qr_texts(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)]


def _qr_code_in(data: bytes) -> str:
    """The code of the first licence QR in an image, or in the pictures of a scanned PDF."""
    texts: list[str] = []
    if data[:5] == b"%PDF-":
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages[:_MAX_PDF_PAGES]:
            for picture in page.images:
                if picture.image is not None:
                    texts += _qr_texts(picture.image.convert("RGB"))
    else:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > _MAX_PIXELS:
                raise _unreadable(f"{image.width}x{image.height} pixels")
            texts = _qr_texts(image.convert("RGB"))
    return next((code for code in map(code_in_qr, texts) if code), "")


def _unreadable(detail: str) -> InvalidInput:
    return InvalidInput(
        "เปิดไฟล์นี้ไม่ได้ — ให้ตรวจด้วยไฟล์ PDF ของใบอนุญาต รูปถ่าย (JPEG, PNG) "
        "หรือพิมพ์เลขที่หรือรหัสตรวจสอบที่พิมพ์อยู่บนใบอนุญาต",
        "This file cannot be opened. Check the licence's PDF or a photo (JPEG, PNG), or type "
        "the number or verification code printed on the licence.",
        detail=detail,
    )


def _entry(issued: IssuedDocument, now: datetime) -> RegisterEntry:
    return RegisterEntry(
        number=issued.document_number,
        subject_th=issued.subject_th,
        subject_en=issued.subject_en,
        licensee=issued.licensee,
        issued_at=issued.issued_at,
        valid_until=issued.valid_until,
        status=status_on(issued, now),
        revoked_reason=issued.revoked_reason,
        registered_from_paper=(issued.registered_by or "-") if issued.origin == "paper" else "",
        registered_at=issued.registered_at,
    )


def find_issued(session: Session, reference: str) -> IssuedDocument | None:
    """The register entry with this number or verification code (as typed), or None."""
    typed = " ".join(reference.split())
    return session.scalars(
        select(IssuedDocument).where(
            or_(
                IssuedDocument.verification_code == normal_code(typed),
                IssuedDocument.document_number == typed,
            )
        )
    ).first()


def check_typed(session: Session, actor: Actor, reference: str, now: datetime) -> LicenceCheck:
    """A paper licence checked by the number or verification code printed on it."""
    require(actor, Action.VERIFY_LICENCE)
    typed = " ".join(reference.split())
    if not typed:
        raise InvalidInput(
            "พิมพ์เลขที่ใบอนุญาต (เช่น 12/2569) หรือรหัสตรวจสอบ (เช่น AB12-CD34-EF56)",
            "Type the licence number (e.g. 12/2569) or its verification code "
            "(e.g. AB12-CD34-EF56).",
        )
    found = find_issued(session, typed)
    return LicenceCheck("typed", typed, _entry(found, now) if found else None, None, None)


def check_file(
    session: Session,
    actor: Actor,
    data: bytes,
    trust_roots: list[asn1_x509.Certificate],
    now: datetime,
) -> LicenceCheck:
    """A licence PDF, a photo or screenshot of one, or a scanned paper licence."""
    require(actor, Action.VERIFY_LICENCE)
    is_pdf = data[:5] == b"%PDF-"
    xml: bytes | None = None
    code = ""
    try:
        if is_pdf:
            xml = read_xml(data)
            if xml is not None:
                code = parse_licence_xml(xml).verification_code
        if not code:
            code = _qr_code_in(data)
    except (OSError, UnidentifiedImageError, PyPdfError, ValueError, SyntaxError) as exc:
        log.info("licence not readable: %s", type(exc).__name__)
        raise _unreadable(repr(exc)) from exc
    signature = verify_pdf(data, trust_roots) if is_pdf else None
    if signature is not None and xml is None and not signature.signatures:
        signature = None  # a scanned paper licence: its QR and the register are what count
    found = find_issued(session, code) if code else None
    matches = None
    if found is not None and xml is not None and found.xml_sha256:
        matches = sha256(xml).hexdigest() == found.xml_sha256
    read_from = "xml" if xml is not None else ("qr" if code else "none")
    entry = _entry(found, now) if found else None
    return LicenceCheck(read_from, code, entry, signature, matches)
