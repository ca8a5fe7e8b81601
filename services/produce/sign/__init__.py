"""The one signing service: approval records now, issued licences next (requirements §4.1).

* :mod:`.strength` — the signature types of DGA table 4.1 and which one a key gives;
* :mod:`.certs` — what a certificate says (subject, issuer, validity, key usage);
* :mod:`.token` — a PKCS#11 token (a USB token, SoftHSM in tests): find it, log in with a
  PIN the caller asked for, list its certificates, and every way that can fail, in Thai and
  English;
* :mod:`.pdf_signer` — a PAdES signature on a PDF with pyHanko;
* :mod:`.verify` — validating a signed PDF against the agency's trust roots, offline.

Nothing here keeps a PIN: it is handed in, used to log in, and dropped.
"""

from services.produce.sign.certs import CertificateFacts, certificate_facts
from services.produce.sign.errors import (
    CertificateUnusable,
    PinIncorrect,
    PinLocked,
    SignatureTooWeak,
    SigningFailed,
    TokenMissing,
    TokenModuleUnusable,
    TokenRemoved,
)
from services.produce.sign.pdf_signer import sign_pdf
from services.produce.sign.strength import SignatureType, offered_type, require_strength
from services.produce.sign.token import Pin, TokenCertificate, TokenInfo, TokenSession, list_tokens
from services.produce.sign.verify import VerificationResult, load_trust_roots, verify_pdf

__all__ = [
    "CertificateFacts",
    "CertificateUnusable",
    "Pin",
    "PinIncorrect",
    "PinLocked",
    "SignatureTooWeak",
    "SignatureType",
    "SigningFailed",
    "TokenCertificate",
    "TokenInfo",
    "TokenMissing",
    "TokenModuleUnusable",
    "TokenRemoved",
    "TokenSession",
    "VerificationResult",
    "certificate_facts",
    "list_tokens",
    "load_trust_roots",
    "offered_type",
    "require_strength",
    "sign_pdf",
    "verify_pdf",
]
