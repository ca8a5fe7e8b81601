"""Mail about a fee, told apart at intake, in the arrival's own transaction.

A payer does not always answer the payment notice: a slip may come in a new mail, from a
colleague's address, or on the thread of another of the applicant's requests. Intake must
neither make such a mail a new request nor lose it:

* a mail naming the Transaction ID of an open payment (subject, body or a file name) goes
  to that payment's request when the sender is its applicant — also when it arrived on the
  thread of another request ("cross-request"); slip matching (``services.fees.slips``) then
  makes the file the payment's evidence;
* the same mail from anyone else, or a mail with no request behind it that speaks of a
  payment and carries a picture or a PDF, goes to the finance inbox — unless it asks for a
  service and its subject does not speak of the payment (an application with its slip among
  its documents is a new request) — (:class:`models.FeeInboxItem`) with the sender and the
  mail; the finance officer attaches it to a payment or sets it aside
  (``services.fees.inbox``).

The Transaction ID is looked up in the store, not judged by its check character here: only
an ID the agency issued can name a payment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from sqlalchemy import select

from models import Application, FeeInboxItem, Payment
from services.intake.types import InspectedFile
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

if TYPE_CHECKING:
    from services.intake.arrival import Arrival

__all__ = ["PaymentMailRoute", "route_payment_mail", "to_finance_inbox"]

_OPEN: Final = ("due", "submitted")
_CANDIDATE: Final = re.compile(r"\b[0-9A-Z]{12,20}\b")
_TRACKING: Final = re.compile(r"\b([A-Z]{2,10}-[A-Z0-9]{2,10}-25\d\d-\d{6})\b")
# Words a payer writes with a slip; a new request rarely carries them with a picture.
_PAYMENT_WORDS: Final = re.compile(
    r"สลิป|หลักฐานการโอน|หลักฐานการชำระ|โอนเงินแล้ว|ชำระเงินแล้ว|ชำระแล้ว|โอนแล้ว|"
    r"\bslip\b|\bproof of payment\b|\bpaid\b|\bpay-?in\b",
    re.IGNORECASE,
)
_SLIP_KINDS: Final = ("image/", "application/pdf")
_MAX_BODY: Final = 4000


@dataclass(frozen=True)
class PaymentMailRoute:
    """``append``: add the mail to ``application`` (the named payment's request);
    ``inbox``: the finance inbox, ``payment_id`` proposed when the mail names one."""

    kind: Literal["append", "inbox"]
    application: Application | None
    payment_id: str | None
    reason_code: str


def _text(arrival: Arrival) -> str:
    names = " ".join(a.filename for a in arrival.attachments)
    return f"{arrival.subject}\n{arrival.body_text[:_MAX_BODY]}\n{names}"


def _named_payment(uow: UnitOfWork, text: str) -> Payment | None:
    candidates = sorted(set(_CANDIDATE.findall(text.upper())))[:20]
    if not candidates:
        return None
    return uow.session.scalars(
        select(Payment)
        .where(Payment.transaction_id.in_(candidates), Payment.status.in_(_OPEN))
        .order_by(Payment.created_at)
        .limit(1)
    ).first()


def _payment_by_tracking(uow: UnitOfWork, text: str) -> Payment | None:
    found = _TRACKING.search(text)
    if found is None:
        return None
    return uow.session.scalars(
        select(Payment)
        .join(Application, Application.id == Payment.application_id)
        .where(Application.tracking_number == found.group(1), Payment.status.in_(_OPEN))
        .limit(1)
    ).first()


def _from_applicant(application: Application, arrival: Arrival) -> bool:
    address = arrival.sender_address.lower()
    applicant = application.applicant
    known = {application.reply_to.lower(), applicant.email.lower() if applicant else ""}
    return bool(address) and address in known - {""}


def route_payment_mail(
    uow: UnitOfWork,
    arrival: Arrival,
    inspected: list[InspectedFile],
    target: Application | None,
    names_service: bool = False,
) -> PaymentMailRoute | None:
    """Where a mail about a fee goes, or None when it is not one (or already on the request
    whose payment it names: the normal addition does).

    ``names_service``: the mail asks for a service (by the address it was sent to or its
    subject). Unless its subject speaks of a payment, such a mail is a new request even with
    a slip among its files: an applicant who pays before submitting sends the slip with the
    form."""
    if arrival.channel != "email":
        return None
    text = _text(arrival)
    named = _named_payment(uow, text)
    if named is not None and (target is None or named.application_id != target.id):
        owner = uow.session.get(Application, named.application_id)
        if owner is not None and _from_applicant(owner, arrival):
            return PaymentMailRoute("append", owner, named.id, "")
        return PaymentMailRoute("inbox", None, named.id, "not_applicant")
    if target is not None:
        return None
    has_file = any(f.content_type.startswith(_SLIP_KINDS) for f in inspected)
    if names_service and not _PAYMENT_WORDS.search(arrival.subject):
        # An application that carries its slip among its documents: its subject asks for
        # the service; a payer's subject speaks of the payment (even naming the shop).
        return None
    if has_file and _PAYMENT_WORDS.search(text):
        suggested = _payment_by_tracking(uow, text)
        return PaymentMailRoute("inbox", None, suggested.id if suggested else None, "no_match")
    return None


def to_finance_inbox(
    uow: UnitOfWork,
    blobs: BlobStore,
    arrival: Arrival,
    inspected: list[InspectedFile],
    route: PaymentMailRoute,
) -> list[str]:
    """One inbox row per file (one row without a file for a mail with none), an event; the
    raw mail is kept so nothing is lost. Returns the rows' ids."""
    raw_sha = blobs.put(arrival.raw).sha256 if arrival.raw else None
    files: list[InspectedFile | None] = [f for f in inspected if f.data] or [None]
    ids: list[str] = []
    for item in files:
        row = FeeInboxItem(
            source_key=arrival.source_key[:300],
            sender_name=arrival.sender_name[:300],
            sender_address=arrival.sender_address[:300],
            subject=arrival.subject[:500],
            body_text=arrival.body_text[:_MAX_BODY],
            raw_blob_sha256=raw_sha,
            received_at=arrival.received_at,
            filename=item.filename[:300] if item else "",
            content_type=item.content_type[:100] if item else "",
            blob_sha256=blobs.put(item.data).sha256 if item else None,
            reason_code=route.reason_code,
            suggested_payment_id=route.payment_id,
            status="waiting",
            created_at=uow.now,
            slip_bank="",
            slip_reference="",
            qr_read=0,
            decision_reason="",
        )
        uow.session.add(row)
        uow.session.flush()
        ids.append(row.id)
    uow.record(
        "fees.inbox_received",
        "inbound",
        ids[0],
        {"items": ids, "reason": route.reason_code, "suggested_payment": route.payment_id,
         "source_key": arrival.source_key},
    )  # fmt: skip
    return ids
