"""The ways an approver can sign, each knowing the signature type it gives (DGA table 4.1).

* :class:`RecordMethod` — type 1: the authenticated approval record; the visible stamp is on
  the page already, no key;
* :class:`TokenMethod` — a certificate and its key on a PKCS#11 token (type 3 when a CA under
  the agency's trust roots issued it for signing, else type 2);
* :class:`Pkcs12Method` — a PKCS#12 file (type 2 at most; only where the agency allows it).

A method is made once per batch (one PIN, one token session) and then signs each PDF; it
checks the certificate first (valid now, signing key usage), so a batch never starts with a
certificate that cannot sign.

With the agency's time-stamping authority set (``tsa_url``), a key method asks it for a
time-stamp on each signature. When the TSA does not answer — the workstation is offline —
the signature is made without one (``last_timestamped`` is False, so the caller queues the
document for a time-stamp later) and the rest of the batch does not wait for it again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding

from services.produce.sign.certs import CertificateFacts, certificate_facts, check_usable
from services.produce.sign.errors import CertificateUnusable, TimestampUnavailable
from services.produce.sign.pdf_signer import pkcs12_signer, sign_pdf, timestamper, token_signer
from services.produce.sign.strength import KeyKind, SignatureType, offered_type
from services.produce.sign.token import Pin, TokenCertificate, TokenSession

if TYPE_CHECKING:  # pyHanko is imported only when something is signed (pdf_signer)
    from pyhanko.sign.signers.pdf_cms import Signer

__all__ = ["Pkcs12Method", "RecordMethod", "SigningMethod", "TokenMethod", "chains_to"]

log = logging.getLogger(__name__)


class SigningMethod(Protocol):
    kind: KeyKind
    signature_type: SignatureType
    certificate_subject: str
    certificate_sha256: str
    last_timestamped: bool
    """Whether the last signature carries a TSA time-stamp."""
    timestamp_wanted: bool
    """Whether the agency wants time-stamps on this method's signatures (a TSA is set)."""

    def sign(self, pdf: bytes, *, reason: str, location: str) -> bytes: ...

    def close(self) -> None: ...


def chains_to(cert: x509.Certificate, roots: list[x509.Certificate]) -> bool:
    """Whether one of ``roots`` issued ``cert`` directly (the agency's CA roots)."""
    for root in roots:
        try:
            cert.verify_directly_issued_by(root)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return True
    return False


@dataclass
class RecordMethod:
    """Type 1: the approver signed in and confirmed; the stamp is drawn on the memo."""

    kind: KeyKind = "record"
    signature_type: SignatureType = SignatureType.RECORD
    certificate_subject: str = ""
    certificate_sha256: str = ""
    last_timestamped: bool = False
    timestamp_wanted: bool = False  # no cryptographic signature to stamp

    def sign(self, pdf: bytes, *, reason: str, location: str) -> bytes:
        return pdf

    def close(self) -> None:
        return None


@dataclass
class _KeyMethod:
    signer: Signer
    facts: CertificateFacts
    kind: KeyKind
    signature_type: SignatureType
    tsa_url: str = ""
    certificate_subject: str = field(init=False)
    certificate_sha256: str = field(init=False)
    last_timestamped: bool = field(init=False, default=False)
    timestamp_wanted: bool = field(init=False, default=False)
    _tsa_down: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.certificate_subject = self.facts.subject
        self.certificate_sha256 = self.facts.sha256
        self.timestamp_wanted = bool(self.tsa_url)

    def sign(self, pdf: bytes, *, reason: str, location: str) -> bytes:
        if self.tsa_url and not self._tsa_down:
            try:
                signed = sign_pdf(
                    pdf, self.signer, field_name="Approval", reason=reason, location=location,
                    tsa=timestamper(self.tsa_url), tsa_url=self.tsa_url,
                )  # fmt: skip
            except TimestampUnavailable:
                self._tsa_down = True  # the rest of the batch does not wait for it again
                log.warning("signing without a time-stamp; it is queued for later")
            else:
                self.last_timestamped = True
                return signed
        self.last_timestamped = False
        return sign_pdf(pdf, self.signer, field_name="Approval", reason=reason, location=location)

    def close(self) -> None:
        return None


class TokenMethod(_KeyMethod):
    """A token certificate and its key; owns the token session until :meth:`close`."""

    def __init__(
        self,
        session: TokenSession,
        certificate: TokenCertificate,
        roots: list[x509.Certificate],
        now: datetime,
        tsa_url: str = "",
    ) -> None:
        check_usable(certificate.facts, now)
        cert = x509.load_der_x509_certificate(certificate.der)
        chains = chains_to(cert, roots)
        issuers = tuple(r.public_bytes(Encoding.DER) for r in roots if r.subject == cert.issuer)
        super().__init__(
            signer=token_signer(session, certificate, issuers),
            facts=certificate.facts,
            kind="token",
            signature_type=offered_type("token", certificate.facts, chains_to_roots=chains),
            tsa_url=tsa_url,
        )
        self.session = session
        self.chains_to_roots = chains

    def close(self) -> None:
        self.session.close()


class Pkcs12Method(_KeyMethod):
    def __init__(self, data: bytes, passphrase: Pin, now: datetime, tsa_url: str = "") -> None:
        signer = pkcs12_signer(data, passphrase)
        if signer.signing_cert is None:
            raise CertificateUnusable(
                "ไฟล์ PKCS#12 ไม่มีใบรับรอง", "The PKCS#12 file holds no certificate."
            )
        cert = x509.load_der_x509_certificate(signer.signing_cert.dump())
        facts = certificate_facts(cert)
        check_usable(facts, now)
        super().__init__(
            signer=signer,
            facts=facts,
            kind="pkcs12",
            signature_type=offered_type("pkcs12", facts),
            tsa_url=tsa_url,
        )
