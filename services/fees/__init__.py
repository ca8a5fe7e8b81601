"""Fees (requirements P6): what a request owes, the payment notice with its PromptPay QR and
Transaction ID, the finance officer's verification, and official receipt numbers.

Modules: ``amounts`` (the catalog's fee rule applied to a form), ``thai_baht`` (amounts in
Thai words), ``transaction_id`` (the documented rule with its check character),
``promptpay`` (the EMVCo payload, by hand), ``account`` (the agency's bank and PromptPay
details), ``notice`` / ``notice_pdf`` (the notice's mail and PDF), ``notice_drafts`` (a
notice held in the outbox until its PDF is drawn after an approval batch), ``receipts`` (running
numbers per Thai fiscal year) and ``gate`` (opening, evidencing, verifying a payment).
"""

from services.fees.gate import (
    OPEN,
    PaymentTaken,
    after_approval,
    fee_falls_due,
    open_payment,
    record_evidence,
    reject_evidence,
    verify,
)
from services.fees.notice_drafts import DRAFTING, draw_pending_notices

__all__ = [
    "DRAFTING",
    "OPEN",
    "PaymentTaken",
    "after_approval",
    "draw_pending_notices",
    "fee_falls_due",
    "open_payment",
    "record_evidence",
    "reject_evidence",
    "verify",
]
