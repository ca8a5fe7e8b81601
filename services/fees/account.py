"""The agency's bank account and PromptPay details, as payment notices print them.

One row (``fee_account``). A PromptPay ID is checked by building a payload with it, so a
mistyped ID is refused when it is saved, not when an applicant's bank refuses the QR.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import FeeAccount
from services.access.table import Action, require
from services.fees.promptpay import BillPayment, CreditTransfer, PromptPayError, payload
from services.kernel.errors import InvalidInput
from services.kernel.text import clean_line
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["AccountDetails", "PROMPTPAY_KINDS", "read_account", "set_account", "qr_target"]

PROMPTPAY_KINDS: Final = ("", "credit_transfer", "bill_payment")


@dataclass(frozen=True)
class AccountDetails:
    bank_name_th: str = ""
    bank_name_en: str = ""
    account_number: str = ""
    account_name_th: str = ""
    promptpay_kind: str = ""
    promptpay_id: str = ""

    @property
    def has_promptpay(self) -> bool:
        return bool(self.promptpay_kind and self.promptpay_id)


def read_account(session: Session) -> AccountDetails:
    row = session.scalars(select(FeeAccount).limit(1)).first()
    if row is None:
        return AccountDetails()
    return AccountDetails(
        row.bank_name_th,
        row.bank_name_en,
        row.account_number,
        row.account_name_th,
        row.promptpay_kind,
        row.promptpay_id,
    )


def qr_target(account: AccountDetails, transaction_id: str) -> CreditTransfer | BillPayment | None:
    """Where the notice's QR pays: the PromptPay ID, or the biller with our reference 1."""
    if account.promptpay_kind == "credit_transfer":
        return CreditTransfer(account.promptpay_id)
    if account.promptpay_kind == "bill_payment":
        return BillPayment(account.promptpay_id, transaction_id)
    return None


def set_account(uow: UnitOfWork, details: AccountDetails) -> bool:
    """Save the details (administrator); one event with what changed. Returns whether
    anything did."""
    require(uow.actor, Action.SET_FEE_ACCOUNT)
    clean = AccountDetails(
        clean_line(details.bank_name_th, 200),
        clean_line(details.bank_name_en, 200),
        clean_line(details.account_number, 30),
        clean_line(details.account_name_th, 300),
        details.promptpay_kind.strip(),
        "".join(ch for ch in details.promptpay_id if ch.isdigit()),
    )
    if clean.promptpay_kind not in PROMPTPAY_KINDS:
        raise InvalidInput(
            "ชนิดพร้อมเพย์ต้องเป็น credit_transfer (รับโอนเข้าพร้อมเพย์) หรือ bill_payment (ชำระบิล)",
            "The PromptPay kind must be credit_transfer or bill_payment.",
        )
    if clean.promptpay_kind:
        target = qr_target(clean, "CHECK0")
        try:
            assert target is not None
            payload(target, 100)
        except PromptPayError as exc:
            raise InvalidInput(
                f"รหัสพร้อมเพย์ {details.promptpay_id!r} ใช้ไม่ได้: หมายเลขโทรศัพท์ 10 หลัก เลขประจำตัว "
                "ผู้เสียภาษี 13 หลัก หรือรหัสผู้รับชำระบิล (Biller ID) 15 หลัก",
                f"The PromptPay ID {details.promptpay_id!r} cannot be used: {exc}.",
            ) from exc
    if not clean.account_number and not clean.promptpay_kind:
        raise InvalidInput(
            "ต้องมีเลขที่บัญชีหรือพร้อมเพย์อย่างน้อยหนึ่งช่องทาง ผู้ยื่นจึงจะชำระเงินได้",
            "Give an account number or PromptPay details: applicants need a way to pay.",
        )
    row = uow.session.scalars(select(FeeAccount).limit(1).with_for_update()).first()
    before = read_account(uow.session)
    if row is None:
        row = FeeAccount(updated_at=uow.now)
        uow.session.add(row)
    for name in AccountDetails.__dataclass_fields__:
        setattr(row, name, getattr(clean, name))
    row.updated_at = uow.now
    uow.session.flush()
    changed = {
        n: {"from": getattr(before, n), "to": getattr(clean, n)}
        for n in AccountDetails.__dataclass_fields__
        if getattr(before, n) != getattr(clean, n)
    }
    uow.record("fees.account_set", "fee_account", row.id, {"changed": changed})
    return bool(changed)
