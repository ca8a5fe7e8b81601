"""Where applicants pay the agency, the receipts' running numbers, and the finance inbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["FeeAccount", "FeeInboxItem", "ReceiptCounter"]


class FeeAccount(Base):
    """The agency's bank account and PromptPay details printed on payment notices (one row)."""

    __tablename__ = "fee_account"

    id: Mapped[str] = id_column()
    bank_name_th: Mapped[str] = mapped_column(String(200), default="")
    bank_name_en: Mapped[str] = mapped_column(String(200), default="")
    account_number: Mapped[str] = mapped_column(String(30), default="")
    account_name_th: Mapped[str] = mapped_column(String(300), default="")
    # credit_transfer (tag 29: a PromptPay ID) | bill_payment (tag 30: a biller ID, with the
    # Transaction ID as reference 1) | "" (no PromptPay: the notice gives the account only)
    promptpay_kind: Mapped[str] = mapped_column(String(20), default="")
    promptpay_id: Mapped[str] = mapped_column(String(20), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReceiptCounter(Base):
    """The running number of official receipts per Thai fiscal year (Buddhist Era)."""

    __tablename__ = "receipt_counter"

    fiscal_year_be: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class FeeInboxItem(Base):
    """A slip (or a payment mail) intake could not tie to a payment: the finance inbox.

    One row per file of the mail (a mail with no file has one row without one), with the
    sender and the mail so the finance officer can tell whose it is. The officer attaches it
    to a payment or sets it aside with a reason; ``status`` changes by one conditional UPDATE
    (two officers, one winner). Nothing is deleted: the raw mail stays in the blob store.
    """

    __tablename__ = "fee_inbox"

    id: Mapped[str] = id_column()
    source_key: Mapped[str] = mapped_column(String(300), index=True)
    sender_name: Mapped[str] = mapped_column(String(300), default="")
    sender_address: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    raw_blob_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    filename: Mapped[str] = mapped_column(String(300), default="")
    content_type: Mapped[str] = mapped_column(String(100), default="")
    blob_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # no_match | not_applicant (it names a payment of someone else's request)
    reason_code: Mapped[str] = mapped_column(String(40))
    # The payment the mail names (its Transaction ID or tracking number), proposed only.
    suggested_payment_id: Mapped[str | None] = mapped_column(
        ForeignKey("payment.id"), nullable=True
    )
    # The slip's verification QR, once read (services.fees.inbox); qr_read marks it tried.
    slip_bank: Mapped[str] = mapped_column(String(10), default="")
    slip_reference: Mapped[str] = mapped_column(String(60), default="")
    qr_read: Mapped[int] = mapped_column(Integer, default=0)
    # waiting | attached | set_aside
    status: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    payment_id: Mapped[str | None] = mapped_column(ForeignKey("payment.id"), nullable=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("document.id"), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    decision_reason: Mapped[str] = mapped_column(String(1000), default="")
