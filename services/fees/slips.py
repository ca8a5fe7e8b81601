"""Transfer slips matched to the payments they prove, offline.

A Thai bank's transfer slip carries a small verification QR: tag ``00`` holds ``00`` the API
ID (``000001``), ``01`` the sending bank's code and ``02`` the transaction reference; then
``51`` the country (TH) and ``91`` a CRC-16/CCITT-FALSE like PromptPay's. It is read with
zxing-cpp from the slip image, or from the images inside a PDF slip (pypdf), never sent to
any service. No OCR: amount and date are the finance officer's to read.

:func:`match_slips` looks at each payment still due whose request received a file after
the notice: a slip whose bank and reference were already used (for this request or another)
is flagged and held for the finance officer; otherwise the file becomes the payment's
evidence and the request waits for verification. Each file is looked at once (its flags say
so), and every outcome is an event.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Final

import zxingcpp
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from sqlalchemy import String, cast, select

from models import Document, Payment
from models.ordering import insertion_order
from services.fees.gate import OPEN, record_evidence
from services.fees.gate import SLIP_CHECKED as _CHECKED
from services.fees.promptpay import PromptPayError, crc16_ccitt_false, parse_tlv
from services.fees.transaction_id import find_transaction_ids
from services.kernel.calendar import BusinessCalendar
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["SlipQr", "parse_slip_qr", "read_slip_qr", "match_slips", "SLIP_FLAGS"]

log = logging.getLogger(__name__)

_REUSED: Final = "fee_slip_reused"
_NO_QR: Final = "fee_slip_no_qr"
SLIP_FLAGS: Final = (_CHECKED, _REUSED, _NO_QR)
_MAX_PDF_PAGES: Final = 3  # a slip is one page; a long PDF is not read to its end
_MAX_PIXELS: Final = 40_000_000


@dataclass(frozen=True)
class SlipQr:
    bank: str
    reference: str


def parse_slip_qr(text: str) -> SlipQr | None:
    """The bank and reference of a slip's verification QR, or None if it is not one."""
    try:
        body, crc = text[:-4], text[-4:]
        if not body.endswith("9104"):
            return None
        if f"{crc16_ccitt_false(body.encode('ascii')):04X}" != crc.upper():
            return None
        fields = parse_tlv(text)
        inner = parse_tlv(fields.get("00", ""))
    except (PromptPayError, UnicodeEncodeError):
        return None
    bank, reference = inner.get("01", ""), inner.get("02", "")
    if inner.get("00") != "000001" or not bank.isdigit() or not reference:
        return None
    return SlipQr(bank, reference)


def _decode(image: Image.Image) -> SlipQr | None:
    for found in zxingcpp.read_barcodes(image):
        slip = parse_slip_qr(found.text)
        if slip is not None:
            return slip
    return None


def read_slip_qr(data: bytes, content_type: str) -> SlipQr | None:
    """The slip's QR from an image or a PDF's images; None when there is none to read."""
    try:
        if content_type == "application/pdf" or data[:5] == b"%PDF-":
            reader = PdfReader(io.BytesIO(data))
            for page in reader.pages[:_MAX_PDF_PAGES]:
                for picture in page.images:
                    if picture.image is not None and (slip := _decode(picture.image)):
                        return slip
            return None
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > _MAX_PIXELS:
                return None
            return _decode(image.convert("RGB"))
    except (OSError, UnidentifiedImageError, PyPdfError, ValueError) as exc:
        log.info("slip not readable: %s", type(exc).__name__)
        return None


def _reused(uow: UnitOfWork, slip: SlipQr) -> Payment | None:
    return uow.session.scalars(
        select(Payment)
        .where(Payment.slip_bank == slip.bank, Payment.slip_reference == slip.reference)
        .limit(1)
    ).first()


def match_slips(uow: UnitOfWork, calendar: BusinessCalendar, blobs: BlobStore) -> int:
    """Match files received since each open payment's notice; returns how many became
    evidence. A payment that has its evidence still has later files read, for a reused slip.

    One query finds the files not yet looked at (their flags, as text, lack the mark), so a
    sync costs the same with ten thousand payments open as with ten."""
    matched = 0
    pending = uow.session.execute(
        select(Payment.id, Document.id)
        .join(Document, Document.application_id == Payment.application_id)
        .where(
            Payment.status.in_(OPEN),
            Document.origin != "produced",
            Document.received_at >= Payment.created_at,
            Document.withdrawn_at.is_(None),
            ~cast(Document.flags, String).contains(_CHECKED),
        )
        # Files in the order they arrived, whichever payment they are for: the first
        # use of a slip is the evidence and a later copy is the reuse (ids are random).
        .order_by(Document.received_at, insertion_order("document"), Payment.created_at)
    ).all()
    for payment_id, document_id in pending:
        payment = uow.session.get(Payment, payment_id)
        document = uow.session.get(Document, document_id)
        if payment is None or document is None or _CHECKED in (document.flags or []):
            continue
        wanted = payment.status == "due"
        if _consider(uow, calendar, blobs, payment, document, evidence_wanted=wanted):
            matched += 1
    return matched


def _consider(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    payment: Payment,
    document: Document,
    *,
    evidence_wanted: bool,
) -> bool:
    slip = read_slip_qr(blobs.get(document.blob_sha256), document.content_type)
    flags = [*(document.flags or []), _CHECKED]
    named = payment.transaction_id in find_transaction_ids(document.filename)
    if slip is not None:
        earlier = _reused(uow, slip)
        if earlier is not None:
            document.flags = [*flags, _REUSED]
            uow.record(
                "fees.slip_reused",
                "application",
                payment.application_id,
                {"payment": payment.id, "document": document.id, "slip_bank": slip.bank,
                 "slip_reference": slip.reference, "used_by_payment": earlier.id},
            )  # fmt: skip
            return False
    else:
        flags.append(_NO_QR)
    document.flags = flags
    if not evidence_wanted:
        return False  # the payment has its evidence: a further file is for the officer
    record_evidence(
        uow,
        calendar,
        payment.id,
        document.id,
        slip_bank=slip.bank if slip else "",
        slip_reference=slip.reference if slip else "",
    )
    uow.record(
        "fees.slip_matched",
        "application",
        payment.application_id,
        {"payment": payment.id, "document": document.id, "by": "qr" if slip else
         ("transaction_id" if named else "thread")},
    )  # fmt: skip
    return True
