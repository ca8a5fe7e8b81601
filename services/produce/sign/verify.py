"""Validating a signed PDF against the agency's trust roots, offline by default.

Used right after every signature (nothing is saved unless it validates), by
``anuyat verify FILE.pdf`` and by the verification dialog. Fetching revocation data is off:
the approver's workstation may be offline; the result says what was checked — including
the time-stamp on each signature (PAdES B-T), the document time-stamps added later
(:mod:`services.produce.sign.ltv`) and whether validation data is embedded (DSS).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from services.kernel.errors import InvalidInput
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.produce.sign import name_prep, pdf_hex

if TYPE_CHECKING:
    from pyhanko_certvalidator import ValidationContext

__all__ = [
    "SignatureCheck",
    "TimestampCheck",
    "VerificationResult",
    "load_trust_roots",
    "validation_context",
    "verify_pdf",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of the file, as validated."""

    field: str
    signer: str
    issuer: str
    signing_time: datetime | None
    intact: bool
    """The signed bytes are unchanged (the digest matches)."""
    valid: bool
    """The cryptographic signature is correct."""
    trusted: bool
    """The signer's certificate chains to one of the trust roots given."""
    covers_whole_file: bool
    """Nothing was added after signing."""
    modification: str
    """What was added after signing, if anything (pyHanko's modification level)."""
    timestamp: TimestampCheck | None = None
    """The TSA's time-stamp on this signature, if it has one."""
    chain: tuple[str, ...] = ()
    """The certificates from the signer's up to the trusted root (common names), when the
    chain was built; else the signer's and its issuer's."""

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted

    def lines(self) -> tuple[tuple[str, str], ...]:
        """(Thai, English) lines for a person, in the order ``anuyat verify`` prints them."""
        when_th = format_thai_date(self.signing_time, with_time=True) if self.signing_time else "-"
        when_en = (
            format_english_date(self.signing_time, with_time=True) if self.signing_time else "-"
        )
        yes = {True: ("ใช่", "yes"), False: ("ไม่ใช่", "no")}
        return (
            (f"ผู้ลงนาม: {self.signer}", f"Signer: {self.signer}"),
            (f"ผู้ออกใบรับรอง: {self.issuer}", f"Issuer: {self.issuer}"),
            (f"เวลาลงนาม: {when_th}", f"Signing time: {when_en}"),
            (
                f"เอกสารไม่ถูกแก้ไข: {yes[self.intact and self.valid][0]}",
                f"Integrity: {yes[self.intact and self.valid][1]}",
            ),
            (
                f"ใบรับรองเชื่อถือได้ (ตามใบรับรองหลักของหน่วยงาน): {yes[self.trusted][0]}",
                f"Trusted (agency's roots): {yes[self.trusted][1]}",
            ),
            (
                f"มีการเพิ่มเติมหลังลงนาม: {yes[not self.covers_whole_file][0]}"
                + (f" ({self.modification})" if not self.covers_whole_file else ""),
                f"Added after signing: {yes[not self.covers_whole_file][1]}"
                + (f" ({self.modification})" if not self.covers_whole_file else ""),
            ),
            (
                "สายใบรับรอง: " + " → ".join(self.chain or (self.signer, self.issuer)),
                "Certificate chain: " + " → ".join(self.chain or (self.signer, self.issuer)),
            ),
            self.timestamp.line("ตราประทับเวลาของลายมือชื่อ", "Signature time-stamp")
            if self.timestamp is not None
            else ("ตราประทับเวลาของลายมือชื่อ: ไม่มี", "Signature time-stamp: none"),
        )


@dataclass(frozen=True)
class TimestampCheck:
    """An RFC 3161 time-stamp: on a signature, or over the whole document (added later)."""

    time: datetime
    authority: str
    """The time-stamping authority (its certificate's common name)."""
    intact: bool
    trusted: bool
    """The TSA's certificate chains to the trust roots given."""

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted

    def line(self, label_th: str, label_en: str) -> tuple[str, str]:
        when_th = format_thai_date(self.time, with_time=True)
        when_en = format_english_date(self.time, with_time=True)
        trust_th = "เชื่อถือได้" if self.ok else "ตรวจสอบไม่ผ่าน"
        trust_en = "trusted" if self.ok else "NOT valid or not trusted"
        return (
            f"{label_th}: {when_th} โดย {self.authority} ({trust_th})",
            f"{label_en}: {when_en} by {self.authority} ({trust_en})",
        )


@dataclass(frozen=True)
class VerificationResult:
    signatures: tuple[SignatureCheck, ...]
    document_timestamps: tuple[TimestampCheck, ...] = ()
    validation_data: bool = False
    """The file carries validation data for long-term validation (a DSS)."""

    @property
    def ok(self) -> bool:
        """Signed, and every signature and time-stamp intact, valid and trusted."""
        return (
            bool(self.signatures)
            and all(s.ok for s in self.signatures)
            and all(t.ok for t in self.document_timestamps)
        )

    @property
    def timestamped(self) -> bool:
        """Some time-stamp vouches for when it was signed (its own, or one added later)."""
        return any(s.timestamp is not None for s in self.signatures) or bool(
            self.document_timestamps
        )

    def lines(self) -> tuple[tuple[str, str], ...]:
        """The document's own lines (after the signatures'): later time-stamps, LTV."""
        found = [
            stamp.line("ตราประทับเวลาของเอกสาร", "Document time-stamp")
            for stamp in self.document_timestamps
        ]
        found.append(
            ("ข้อมูลสำหรับตรวจสอบระยะยาว (LTV): มี", "Long-term validation data (LTV): yes")
            if self.validation_data
            else ("ข้อมูลสำหรับตรวจสอบระยะยาว (LTV): ไม่มี", "Long-term validation data (LTV): no")
        )
        return tuple(found)


def load_trust_roots(paths: list[Path]) -> list[asn1_x509.Certificate]:
    """Certificates from PEM or DER files (a PEM file may hold several)."""
    roots: list[asn1_x509.Certificate] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                f"อ่านไฟล์ใบรับรองหลัก {path} ไม่ได้ — ตรวจการตั้งค่า signing_trust_roots",
                f"The trust root file {path} cannot be read; check the signing_trust_roots "
                "setting.",
                detail=repr(exc),
            ) from exc
        try:
            if pem.detect(data):
                roots.extend(
                    asn1_x509.Certificate.load(der)
                    for _, _, der in pem.unarmor(data, multiple=True)
                )
            else:
                roots.append(asn1_x509.Certificate.load(data))
            for root in roots:
                root.native  # noqa: B018 - parse now, so a broken file fails here
        except (ValueError, TypeError) as exc:
            raise InvalidInput(
                f"ไฟล์ {path} ไม่ใช่ใบรับรอง (PEM หรือ DER)",
                f"{path} is not a certificate file (PEM or DER).",
                detail=repr(exc),
            ) from exc
    return roots


def _common_name(name: asn1_x509.Name) -> str:
    native = name.native
    return str(native.get("common_name") or name.human_friendly)


def _not_a_pdf(detail: str) -> InvalidInput:
    return InvalidInput(
        "อ่านไฟล์นี้เป็น PDF ไม่ได้ จึงตรวจลายมือชื่อไม่ได้",
        "This file cannot be read as a PDF, so its signatures cannot be checked.",
        detail=detail,
    )


def validation_context(trust_roots: list[asn1_x509.Certificate]) -> ValidationContext:
    """pyHanko's validation context for ``trust_roots``: offline, revocation soft-fail, the
    time of validation now. A batch checks each of its new signatures with one (it learns the
    roots and the signer's chain once); any other check takes a fresh one."""
    # pyHanko and its validator load here, on the first check, not at the workstation's start.
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=trust_roots, allow_fetching=False, revocation_mode="soft-fail"
    )


def verify_pdf(
    data: bytes,
    trust_roots: list[asn1_x509.Certificate],
    *,
    just_signed: bool = False,
    shared: ValidationContext | None = None,
) -> VerificationResult:
    """Validate every signature of ``data``; never fetches anything from the network.

    ``just_signed``: the file is one this process signed a moment ago, whose signature is its
    last revision — the check made right after signing. The analysis of what was added after
    signing is skipped then (nothing was); integrity, the signature and the chain are not.
    ``shared``: one :func:`validation_context` for a batch's new signatures, all made with
    one certificate (its chain is built once); without it each signature gets a fresh one.
    """
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp

    pdf_hex.install()  # the signature's long hex string read at C speed
    name_prep.install()  # certificate names prepared once, not for every parse

    def context() -> ValidationContext:
        return shared if shared is not None else validation_context(trust_roots)

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_regular_signatures)
        stamps = list(reader.embedded_timestamp_signatures)
        validation_data = "/DSS" in reader.root
    except (PdfReadError, ValueError, KeyError) as exc:
        raise _not_a_pdf(repr(exc)) from exc
    checks = []
    for sig in embedded:
        try:
            status = validate_pdf_signature(sig, context(), skip_diff=just_signed)
        except (SigningError, ValueError) as exc:
            log.info("signature %s could not be validated: %s", sig.field_name, exc)
            checks.append(
                SignatureCheck(
                    sig.field_name, "-", "-", None, False, False, False, False, "unreadable"
                )
            )
            continue
        cert = status.signing_cert
        level = status.modification_level
        checks.append(
            SignatureCheck(
                field=sig.field_name,
                signer=_common_name(cert.subject),
                issuer=_common_name(cert.issuer),
                signing_time=status.signer_reported_dt,
                intact=status.intact,
                valid=status.valid,
                trusted=status.trusted,
                covers_whole_file=status.coverage is not None
                and status.coverage.name == "ENTIRE_FILE",
                modification=level.name if level is not None else "",
                timestamp=_timestamp(status.timestamp_validity),
                chain=_chain(status),
            )
        )
    documents = []
    for sig in stamps:
        try:
            documents.append(_timestamp(validate_pdf_timestamp(sig, context())))
        except (SigningError, ValueError) as exc:
            log.info("document time-stamp %s could not be validated: %s", sig.field_name, exc)
    return VerificationResult(
        tuple(checks), tuple(d for d in documents if d is not None), validation_data
    )


def _chain(status: object) -> tuple[str, ...]:
    """Signer first, root last, from the path pyHanko validated (empty without one)."""
    path = getattr(status, "validation_path", None)
    if path is None:
        return ()
    certs = list(path.iter_certs(include_root=True))
    return tuple(_common_name(c.subject) for c in reversed(certs))


def _timestamp(status: object) -> TimestampCheck | None:
    """A time-stamp's status from pyHanko (``TimestampSignatureStatus`` or a document's)."""
    if status is None:
        return None
    cert = getattr(status, "signing_cert", None)
    return TimestampCheck(
        time=getattr(status, "timestamp"),  # noqa: B009 - a status of either kind has it
        authority=_common_name(cert.subject) if cert is not None else "-",
        intact=bool(getattr(status, "intact", False) and getattr(status, "valid", False)),
        trusted=bool(getattr(status, "trusted", False)),
    )
