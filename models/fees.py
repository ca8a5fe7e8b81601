"""Where applicants pay the agency, and the receipts' running numbers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, id_column

__all__ = ["FeeAccount", "ReceiptCounter"]


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
