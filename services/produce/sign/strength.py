"""The electronic-signature types of DGA table 4.1 and which one a way of signing gives.

* type 1 — an authenticated approval record with a visible stamp (ETA s.9);
* type 2 — a cryptographic signature with a key the approver alone controls: a token, or a
  PKCS#12 file where the agency allows it (ETA s.26);
* type 3 — a key on a token whose certificate a certificate authority issued under the
  agency's trust roots, with a signing key usage (ETA s.28).

A service's risk level sets the lowest type its approval may use (the catalog's
``min_signature_type``); :func:`require_strength` refuses anything weaker and says why.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final, Literal

from services.produce.sign.certs import CertificateFacts
from services.produce.sign.errors import SignatureTooWeak

__all__ = ["KeyKind", "SignatureType", "TYPE_NAMES", "offered_type", "require_strength"]

KeyKind = Literal["record", "pkcs12", "token"]


class SignatureType(IntEnum):
    RECORD = 1
    RELIABLE = 2
    CERTIFIED = 3


TYPE_NAMES: Final = {
    SignatureType.RECORD: ("แบบที่ 1 (บันทึกการอนุมัติพร้อมตราชื่อ)", "type 1 (approval record and stamp)"),
    SignatureType.RELIABLE: (
        "แบบที่ 2 (ลายมือชื่อดิจิทัลด้วยกุญแจของผู้อนุมัติ)",
        "type 2 (digital signature, approver's own key)",
    ),
    SignatureType.CERTIFIED: (
        "แบบที่ 3 (ใบรับรองจากผู้ให้บริการออกใบรับรองบนโทเคน)",
        "type 3 (CA certificate on a token)",
    ),
}


def offered_type(
    kind: KeyKind, facts: CertificateFacts | None = None, *, chains_to_roots: bool = False
) -> SignatureType:
    """The type a signature made this way gives (the certificate's checks decide 2 or 3)."""
    if kind == "record" or facts is None:
        return SignatureType.RECORD
    if kind == "token" and chains_to_roots and not facts.self_signed and facts.signs:
        return SignatureType.CERTIFIED
    return SignatureType.RELIABLE


def _why(kind: KeyKind, facts: CertificateFacts | None, chains: bool) -> tuple[str, str]:
    if kind == "record":
        return "การอนุมัติโดยไม่มีกุญแจเข้ารหัสเป็นลายมือชื่อแบบที่ 1", "an approval without a key is type 1"
    if kind == "pkcs12":
        return (
            "ไฟล์ PKCS#12 อยู่ในคอมพิวเตอร์ ไม่ใช่โทเคน จึงเป็นได้สูงสุดแบบที่ 2",
            "a PKCS#12 file lives on a computer, not a token, so it gives type 2 at most",
        )
    if facts is not None and facts.self_signed:
        return (
            "ใบรับรองนี้ออกให้ตนเอง ไม่ได้ออกโดยผู้ให้บริการออกใบรับรอง",
            "the certificate is self-signed, not issued by a certificate authority",
        )
    if not chains:
        return (
            "ใบรับรองนี้ไม่ได้ออกภายใต้ใบรับรองหลักที่หน่วยงานเชื่อถือ",
            "the certificate does not chain to the agency's trust roots",
        )
    return "ใบรับรองนี้ไม่มี Key Usage สำหรับลงนาม", "the certificate has no signing key usage"


def require_strength(
    required: int,
    kind: KeyKind,
    facts: CertificateFacts | None = None,
    *,
    chains_to_roots: bool = False,
    service_th: str = "",
    service_en: str = "",
) -> SignatureType:
    """The type offered, or :class:`SignatureTooWeak` when it is below ``required``."""
    offered = offered_type(kind, facts, chains_to_roots=chains_to_roots)
    if offered >= required:
        return offered
    need_th, need_en = TYPE_NAMES[SignatureType(required)]
    got_th, got_en = TYPE_NAMES[offered]
    why_th, why_en = _why(kind, facts, chains_to_roots)
    raise SignatureTooWeak(
        f"บริการ “{service_th}” ต้องลงนามอย่างน้อย{need_th} แต่วิธีที่เลือกให้ได้เพียง{got_th} "
        f"เพราะ{why_th} (แนวปฏิบัติ สพร. (ร่าง) ตาราง 4.1) "
        "— ใช้โทเคนที่มีใบรับรองของผู้อนุมัติจากผู้ให้บริการออกใบรับรอง",
        f"The service “{service_en}” needs at least a {need_en} signature, but this way of "
        f"signing gives only {got_en}: {why_en} (DGA guidelines (draft), table 4.1). Use a "
        "token with the approver's certificate from a certificate authority.",
    )
