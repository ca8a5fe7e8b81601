"""Official receipt numbers (ใบเสร็จรับเงิน): a running number per Thai fiscal year.

The Thai government's fiscal year runs from 1 October to 30 September and is named by the
Buddhist Era year in which it ends: 1 October 2569 (2026) opens fiscal year 2570. Receipt
numbers read ``2570/000001``. The counter moves in one statement (``last_number =
last_number + 1 … RETURNING``), so two finance officers on a server database never print the
same number; a cancelled receipt keeps its number.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from models import Payment, ReceiptCounter
from services.kernel.clock import BANGKOK
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["fiscal_year_be", "next_receipt_number", "received_satang"]


def fiscal_year_be(moment: datetime) -> int:
    """The Thai fiscal year (Buddhist Era) that ``moment`` (aware) falls in, Bangkok time."""
    local = moment.astimezone(BANGKOK)
    return local.year + 543 + (1 if local.month >= 10 else 0)


def _bump(uow: UnitOfWork, year: int) -> int | None:
    with uow.session.no_autoflush:
        return uow.session.execute(
            update(ReceiptCounter)
            .where(ReceiptCounter.fiscal_year_be == year)
            .values(last_number=ReceiptCounter.last_number + 1)
            .returning(ReceiptCounter.last_number),
            execution_options={"synchronize_session": False},
        ).scalar_one_or_none()


def next_receipt_number(uow: UnitOfWork, moment: datetime) -> str:
    """The next receipt number of the fiscal year of ``moment``."""
    year = fiscal_year_be(moment)
    number = _bump(uow, year)
    if number is None:
        # The year's first receipt: should another writer create the row first, the
        # savepoint leaves ours out and the bump takes the number after theirs.
        try:
            with uow.session.begin_nested():
                uow.session.add(ReceiptCounter(fiscal_year_be=year, last_number=1))
            number = 1
        except IntegrityError:
            number = _bump(uow, year)
            assert number is not None
    return f"{year}/{number:06d}"


def received_satang(payment: Payment) -> int:
    """What the receipt is for: the fee, or the part paid when the payer paid less (more is
    the fee plus a refund owed, not income)."""
    paid = payment.paid_satang
    return paid if paid is not None and paid < payment.amount_satang else payment.amount_satang
