"""A fee's deadline: one reminder, then the request lapses with a letter (requirements P6).

Run after each sync (as the system). A payment still due (no evidence sent) gets a reminder
once it is within the catalog's ``reminder_business_days`` of its deadline; past the
deadline it lapses: the payment is marked ``lapsed``, the request is closed as refused with
the reason, and the applicant is told. A payment with evidence waiting never lapses: the
agency owes the check. Each payment moves with one conditional UPDATE, so two runs at once
neither remind twice nor lapse twice.
"""

from __future__ import annotations

from sqlalchemy import select, update

from models import Application, Payment
from services.cases.applications import change_status
from services.catalog.versions import spec_for
from services.fees.thai_baht import baht_figures
from services.kernel.calendar import BusinessCalendar
from services.kernel.statuses import ApplicationStatus
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.applicant_mail import applicant_address, mail_applicant

__all__ = ["run_deadlines"]

_LAPSED_TH = "ไม่ได้ชำระค่าธรรมเนียมภายในกำหนด"


def run_deadlines(uow: UnitOfWork, calendar: BusinessCalendar) -> tuple[int, int]:
    """(reminders sent, payments lapsed)."""
    reminded = lapsed = 0
    due = uow.session.scalars(
        select(Payment).where(Payment.status == "due", Payment.due_at.is_not(None))
    ).all()
    for payment in due:
        application = uow.session.get(Application, payment.application_id)
        assert application is not None and payment.due_at is not None
        left = calendar.business_days_left(payment.due_at, uow.now)
        if left <= 0 and application.status == ApplicationStatus.PAYMENT_DUE:
            if _claim(uow, payment.id, "lapsed", reminded_too=False):
                _lapse(uow, calendar, application, payment)
                lapsed += 1
            continue
        spec = spec_for(uow.session, application)
        days = spec.fee.reminder_business_days if spec is not None else 0
        if payment.reminded_at is None and 0 < left <= days:
            if _claim(uow, payment.id, "due", reminded_too=True):
                _letter(uow, application, payment, reminder=True)
                uow.record("fees.reminded", "application", application.id,
                           {"payment": payment.id})  # fmt: skip
                reminded += 1
    return reminded, lapsed


def _claim(uow: UnitOfWork, payment_id: str, to: str, *, reminded_too: bool) -> bool:
    condition = [Payment.id == payment_id, Payment.status == "due"]
    values: dict[str, object] = {"status": to}
    if reminded_too:
        condition.append(Payment.reminded_at.is_(None))
        values["reminded_at"] = uow.now
    moved = uow.session.execute(
        update(Payment).where(*condition).values(**values).returning(Payment.id),
        execution_options={"synchronize_session": False},
    ).scalar_one_or_none()
    uow.session.expire_all()
    return moved is not None


def _lapse(
    uow: UnitOfWork, calendar: BusinessCalendar, application: Application, payment: Payment
) -> None:
    payment.reason = _LAPSED_TH
    change_status(uow, calendar, application.id, ApplicationStatus.REJECTED, reason=_LAPSED_TH)
    letter = _letter(uow, application, payment, reminder=False)
    uow.record("fees.lapsed", "application", application.id,
               {"payment": payment.id, "letter_outbox_id": letter})  # fmt: skip


def _letter(
    uow: UnitOfWork, application: Application, payment: Payment, *, reminder: bool
) -> str | None:
    to_addr = applicant_address(application)
    if to_addr is None:
        return None
    due = payment.due_at or uow.now
    amount = baht_figures(payment.amount_satang)
    tracking = application.tracking_number
    if reminder:
        subject = f"เตือนชำระค่าธรรมเนียม คำขอเลขที่ {tracking} / Fee reminder for request {tracking}"
        body = (
            f"โปรดชำระค่าธรรมเนียม {amount} บาท สำหรับคำขอเลขที่ {tracking} (รหัสอ้างอิง "
            f"{payment.transaction_id}) ภายในวันที่ {format_thai_date(due)} "
            "ตามหนังสือแจ้งชำระที่ส่งไปก่อนหน้า หากชำระแล้วโปรดตอบกลับอีเมลนี้พร้อมแนบสลิป\n\n"
            f"Please pay the fee of {amount} baht for request {tracking} (Transaction ID "
            f"{payment.transaction_id}) by {format_english_date(due)}, as the payment notice "
            "said. If you have paid, reply to this e-mail with the slip attached.\n"
        )
    else:
        subject = f"คำขอเลขที่ {tracking} สิ้นผล / Request {tracking} has lapsed"
        body = (
            f"คำขอเลขที่ {tracking} สิ้นผลแล้ว เนื่องจากไม่ได้ชำระค่าธรรมเนียม {amount} บาท ภายในวันที่ "
            f"{format_thai_date(due)} หากยังประสงค์จะขอรับบริการ โปรดยื่นคำขอใหม่\n\n"
            f"Request {tracking} has lapsed: the fee of {amount} baht was not paid by "
            f"{format_english_date(due)}. If you still need the service, please apply again.\n"
        )
    queued = mail_applicant(
        uow, application, to_addr, kind="payment_reminder" if reminder else "result",
        subject=subject, body=body, auto_submitted="auto-generated", signed=True,
    )  # fmt: skip
    return queued.id
