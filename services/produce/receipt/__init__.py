"""The counter receipt (ใบรับคำขอ): what a walk-in applicant takes home.

An applicant who registers at the counter (or whose request came from the shared drive
without an e-mail address) gets no e-mail acknowledgement: this one-page A4 PDF is their
acknowledgement (DGA guidelines (draft) §6.1.2, §6.3.2; M01 at the counter, M03). It states
the tracking number, the deemed-received time with a Buddhist Era year, the service, the SLA
in business days and its due date, how to follow the request up (the agency's contact and the
tracking number), the documents received, and the privacy notice with the service's lawful
basis and purpose (PDPA, M27).

Modules: ``content`` (what the receipt says, read from the store), ``render`` (the PDF).
"""

from services.produce.receipt.content import CounterReceipt, ReceiptDocument, counter_receipt
from services.produce.receipt.render import render_receipt

__all__ = ["CounterReceipt", "ReceiptDocument", "counter_receipt", "render_receipt"]
