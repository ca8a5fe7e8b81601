"""Long-term validation: keeping a signed PDF verifiable after its certificates expire.

:func:`add_long_term_validation` appends, in incremental updates that leave every signature
intact, (1) the validation data of each signature — its certificate chain, and revocation
data where it can be had — in the document security store (DSS, pyHanko's
``add_validation_info``), then (2) with the agency's time-stamping authority set, a document
time-stamp over it all (PAdES B-LTA). The same step gives a signature made offline its
time-stamp later: the document time-stamp proves the signed file existed at that time.

Offline by default: revocation data is fetched only when the caller says the workstation is
online (``fetch``); the certificates are embedded either way.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509

from services.produce.sign import pdf_hex
from services.produce.sign.errors import SigningFailed, TimestampUnavailable
from services.produce.sign.pdf_signer import SIGNATURE_ROOM, timestamper

if TYPE_CHECKING:
    from pyhanko_certvalidator import ValidationContext

__all__ = ["add_long_term_validation"]

log = logging.getLogger(__name__)


def _context(roots: list[asn1_x509.Certificate], fetch: bool) -> ValidationContext:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=roots, allow_fetching=fetch, revocation_mode="soft-fail")


def add_long_term_validation(
    pdf: bytes,
    trust_roots: list[asn1_x509.Certificate],
    *,
    tsa_url: str = "",
    fetch: bool = False,
) -> bytes:
    """``pdf`` with its signatures' validation data in the DSS and, with ``tsa_url``, a
    document time-stamp after it. A signature whose certificate does not chain to
    ``trust_roots`` keeps what it has (its chain cannot be vouched for); the rest proceed."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.signers import PdfTimeStamper
    from pyhanko.sign.timestamps import TimestampRequestError
    from pyhanko.sign.validation import add_validation_info
    from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError

    pdf_hex.install()  # the signatures' long hex strings read at C speed

    data = pdf
    count = len(PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures)
    for index in range(count):
        # Each update is a new revision: read the file again for the next signature.
        signature = PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures[index]
        try:
            out = add_validation_info(signature, _context(trust_roots, fetch), output=io.BytesIO())
        except (PathBuildingError, PathValidationError, SigningError) as exc:
            log.info("no validation data for signature %s: %s", signature.field_name, exc)
            continue
        data = out.getvalue()
    if not tsa_url:
        return data
    out = io.BytesIO()
    try:
        PdfTimeStamper(timestamper(tsa_url)).timestamp_pdf(
            IncrementalPdfFileWriter(io.BytesIO(data)),
            "sha256",
            validation_context=_context(trust_roots, fetch),
            bytes_reserved=SIGNATURE_ROOM,
            output=out,
        )
    except TimestampRequestError as exc:
        raise TimestampUnavailable(tsa_url, detail=repr(exc.__cause__)) from exc
    except (PathBuildingError, PathValidationError) as exc:
        # The TSA's certificate does not chain to the agency's roots: say so, add nothing.
        raise SigningFailed(detail=f"the TSA's certificate is not trusted: {exc}") from exc
    return out.getvalue()
