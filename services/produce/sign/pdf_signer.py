"""A PAdES signature on a PDF with pyHanko, by a token key or a PKCS#12 file.

The visible Thai stamp (name, position, date in the Buddhist Era, how to verify) is part of
the page the caller drew (:mod:`services.produce.pdf`), so it reads right and extracts
exactly; the signature covers it with the rest of the file. The signature field itself is
invisible: pyHanko's own appearance text cannot shape Thai.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509

from services.produce.sign import pdf_hex
from services.produce.sign.errors import CertificateUnusable, SigningFailed, TimestampUnavailable
from services.produce.sign.token import Pin, TokenCertificate, TokenSession, token_errors

# pyHanko (with aiohttp and the certificate validator) takes a large share of a cold start:
# it is imported when something is signed, never for the sign-in.
if TYPE_CHECKING:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers.pdf_cms import Signer
    from pyhanko.sign.timestamps import TimeStamper

__all__ = ["SIGNATURE_ROOM", "pkcs12_signer", "sign_pdf", "timestamper", "token_signer"]

# Room kept in the file for the signature container, in hex digits (two a byte). Without it
# pyHanko signs once more to measure the container first, which doubles the work on the
# token. 16 384 digits hold a PAdES container with the signer's and issuing CA's certificates,
# and a TSA's time-stamp token with its certificate, with room to spare.
SIGNATURE_ROOM = 16_384
# How long a time-stamp request may take before the signature goes without one.
TSA_TIMEOUT_S = 10

log = logging.getLogger(__name__)


def token_signer(
    session: TokenSession, certificate: TokenCertificate, chain: tuple[bytes, ...] = ()
) -> Signer:
    """A pyHanko signer using the token key beside ``certificate`` (``chain``: issuer
    certificates to embed, DER)."""
    from pyhanko.sign.pkcs11 import PKCS11Signer

    again = session.signing_pin(certificate.key_id)
    with token_errors():
        return PKCS11Signer(
            session.session,
            # A key that wants the PIN at every signature gets it (C_Login, context-specific).
            base_sign_kwargs={"pin": again.reveal()} if again is not None else None,
            key_id=certificate.key_id,
            cert_id=certificate.key_id,
            signing_cert=asn1_x509.Certificate.load(certificate.der),
            ca_chain=[asn1_x509.Certificate.load(c) for c in chain],
            other_certs_to_pull=None,
        )


def pkcs12_signer(data: bytes, passphrase: Pin) -> Signer:
    """A pyHanko signer from a PKCS#12 file's bytes (only where the agency allows it)."""
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=passphrase.reveal().encode("utf-8") or None
        )
    except (ValueError, TypeError) as exc:
        raise CertificateUnusable(
            "เปิดไฟล์ PKCS#12 ไม่ได้ — รหัสผ่านของไฟล์ไม่ถูกต้อง หรือไฟล์เสียหาย",
            "The PKCS#12 file cannot be opened: its password is wrong or the file is damaged.",
            detail=type(exc).__name__,
        ) from exc
    finally:
        passphrase.forget()
    if signer is None:
        raise CertificateUnusable(
            "ไฟล์ PKCS#12 ไม่มีกุญแจสำหรับลงนาม", "The PKCS#12 file holds no signing key."
        )
    loaded: Signer = signer
    return loaded


def timestamper(url: str) -> TimeStamper:
    """An RFC 3161 client for the agency's time-stamping authority at ``url``."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url, timeout=TSA_TIMEOUT_S)


def _producers_agree(writer: IncrementalPdfFileWriter) -> None:
    """A PDF/A keeps its Info dictionary and its XMP packet saying the same (ISO 19005 6.6.3).

    Signing, pyHanko writes its own name as the XMP producer but appends it to the Info one
    ("Anuyat; pyHanko …"); naming it alone in both keeps a signed PDF/A conforming.
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    if "/Metadata" not in writer.root:
        return
    try:
        info = writer.trailer["/Info"]
    except KeyError:
        return
    info[generic.NameObject("/Producer")] = generic.TextStringObject(VENDOR)


def sign_pdf(
    pdf: bytes,
    signer: Signer,
    *,
    field_name: str,
    reason: str,
    location: str,
    tsa: TimeStamper | None = None,
    tsa_url: str = "",
) -> bytes:
    """``pdf`` with a PAdES (ETSI.CAdES.detached) signature in a new invisible field; with
    ``tsa``, the signature carries the TSA's time-stamp token (PAdES B-T). A TSA that does not
    answer raises :class:`TimestampUnavailable` (nothing is returned half-signed)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.timestamps import TimestampRequestError

    pdf_hex.install()  # a file signed already: its signatures' hex read at C speed

    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    out = io.BytesIO()
    with token_errors():
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
            _producers_agree(writer)
            signers.sign_pdf(
                writer,
                meta,
                signer=signer,
                timestamper=tsa,
                output=out,
                bytes_reserved=SIGNATURE_ROOM,
            )
        except TimestampRequestError as exc:
            log.warning("the time-stamping authority did not answer: %s", exc.__cause__ or exc)
            raise TimestampUnavailable(tsa_url or "TSA", detail=repr(exc.__cause__)) from exc
        except (ValueError, OSError) as exc:
            log.warning("signing failed: %s", type(exc).__name__)
            raise SigningFailed(detail=repr(exc)) from exc
    return out.getvalue()
