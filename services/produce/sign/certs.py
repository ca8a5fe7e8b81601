"""What a signing certificate says, for the picker, the checks and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from services.kernel.thai_dates import format_english_date, format_thai_date
from services.produce.sign.errors import CertificateUnusable

__all__ = ["CertificateFacts", "certificate_facts", "check_usable"]


@dataclass(frozen=True)
class CertificateFacts:
    """A certificate as a person chooses it: who, issued by whom, valid when, for what."""

    subject: str
    """The holder's common name (else the whole name, RFC 4514)."""
    issuer: str
    not_before: datetime
    not_after: datetime
    digital_signature: bool
    non_repudiation: bool
    self_signed: bool
    serial: str
    sha256: str

    @property
    def signs(self) -> bool:
        """Key usage allows signing documents (non-repudiation or digital signature); a
        certificate without the extension is not limited by it."""
        return self.digital_signature or self.non_repudiation


def _name(name: x509.Name) -> str:
    common = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(common[0].value) if common else name.rfc4514_string()


def certificate_facts(cert: x509.Certificate) -> CertificateFacts:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        digital, non_rep = usage.digital_signature, usage.content_commitment
    except x509.ExtensionNotFound:
        digital, non_rep = True, True
    return CertificateFacts(
        subject=_name(cert.subject),
        issuer=_name(cert.issuer),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        digital_signature=digital,
        non_repudiation=non_rep,
        self_signed=cert.subject == cert.issuer,
        serial=format(cert.serial_number, "x"),
        sha256=cert.fingerprint(hashes.SHA256()).hex(),
    )


def check_usable(facts: CertificateFacts, now: datetime) -> None:
    """Raise :class:`CertificateUnusable` unless the certificate may sign at ``now``."""
    moment = now.astimezone(UTC)
    if moment > facts.not_after:
        raise CertificateUnusable(
            f"ใบรับรองของ {facts.subject} หมดอายุแล้วเมื่อ {format_thai_date(facts.not_after)} "
            "— ขอใบรับรองใหม่จากผู้ออกใบรับรอง แล้วเลือกใบรับรองใหม่",
            f"The certificate of {facts.subject} expired on "
            f"{format_english_date(facts.not_after)}. Get a new certificate from the "
            "certificate authority and choose it.",
        )
    if moment < facts.not_before:
        raise CertificateUnusable(
            f"ใบรับรองของ {facts.subject} ยังไม่เริ่มใช้ได้จนถึง {format_thai_date(facts.not_before)} "
            "— ตรวจวันเวลาของเครื่อง หรือรอจนถึงวันดังกล่าว",
            f"The certificate of {facts.subject} is not valid until "
            f"{format_english_date(facts.not_before)}. Check the computer's date, or wait.",
        )
    if not facts.signs:
        raise CertificateUnusable(
            f"ใบรับรองของ {facts.subject} ไม่ได้ออกให้ใช้ลงนามเอกสาร (ไม่มี Key Usage แบบ "
            "nonRepudiation หรือ digitalSignature) — เลือกใบรับรองสำหรับลงนามบนโทเคน",
            f"The certificate of {facts.subject} is not for signing documents (its key usage "
            "has neither non-repudiation nor digital signature). Choose the token's signing "
            "certificate.",
        )
