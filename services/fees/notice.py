"""The payment notice (หนังสือแจ้งชำระค่าธรรมเนียม): what it says, for the mail and the PDF.

Thai first, then English. It gives the amount in figures and in Thai words, the deadline,
the agency's account and PromptPay details, the Transaction ID and how it is built, and the
PromptPay QR payload (a one-time QR for exactly this amount). The mail comes from the
editable template ``resources/templates/payment_notice.txt``; the PDF is drawn by
:mod:`services.fees.notice_pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from models import Application, Payment, ServiceType
from services.fees.account import AccountDetails, qr_target, read_account
from services.fees.promptpay import payload
from services.fees.thai_baht import baht_figures, baht_text
from services.kernel.text import echo_name
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.letters.templates import RequiredPart, render_letter
from services.store.agency import pinned_agency

__all__ = ["NoticeContent", "notice_content", "render_notice_mail", "TEMPLATE", "TXID_RULE_TH"]

TEMPLATE: Final = (
    Path(__file__).resolve().parents[2] / "resources" / "templates" / "payment_notice.txt"
)
TXID_RULE_TH: Final = (
    "รหัสอ้างอิง = รหัสสถานี + ปี พ.ศ. 2 หลักท้าย + ลำดับคำขอ 6 หลัก (จากเลขที่รับเรื่อง) "
    "+ ครั้งที่ชำระ + อักษรตรวจสอบ (Luhn mod 36)"
)
TXID_RULE_EN: Final = (
    "Transaction ID = station code + last two digits of the B.E. year + the six-digit request "
    "number (from the tracking number) + the payment's sequence + a check character (Luhn mod 36)"
)
_PLACEHOLDERS: Final = frozenset(
    {
        "tracking_number", "applicant_name", "service_th", "service_en", "stage_th", "stage_en",
        "amount_figures", "amount_words", "deadline_th", "deadline_en", "channels_th",
        "channels_en", "transaction_id", "agency_th", "agency_en", "agency_email", "agency_phone",
    }
)  # fmt: skip
_REQUIRED: Final = (
    RequiredPart("จำนวนเงิน", "the amount", (("$amount_figures",),)),
    RequiredPart("วันครบกำหนด", "the deadline", (("$deadline_th",), ("$deadline_en",))),
    RequiredPart("รหัสอ้างอิง", "the Transaction ID", (("$transaction_id",),)),
    RequiredPart("ช่องทางชำระ", "how to pay", (("$channels_th",), ("$channels_en",))),
)
_STAGES: Final = {
    "at_submission": (
        "ได้รับแล้ว ค่าธรรมเนียมของงานบริการนี้ชำระเมื่อยื่นคำขอ",
        "has been received; this service's fee is paid when the request is made.",
    ),
    "before_approval": (
        "ผ่านการตรวจสอบแล้ว ต้องชำระค่าธรรมเนียมก่อนการพิจารณาอนุมัติ",
        "has been checked; the fee is paid before it goes for approval.",
    ),
    "before_issue": (
        "ได้รับอนุมัติแล้ว ต้องชำระค่าธรรมเนียมก่อนออกเอกสาร",
        "has been approved; the fee is paid before the document is issued.",
    ),
}


@dataclass(frozen=True)
class NoticeContent:
    tracking_number: str
    applicant_name: str
    service_th: str
    service_en: str
    stage: str
    amount_satang: int
    deadline_th: str
    deadline_en: str
    transaction_id: str
    account: AccountDetails
    qr_payload: str
    """Empty when the agency has no PromptPay details (the notice then gives the account)."""
    agency_th: str
    agency_en: str
    agency_email: str
    agency_phone: str
    issued_th: str
    issued_en: str

    @property
    def amount_figures(self) -> str:
        return baht_figures(self.amount_satang)

    @property
    def amount_words(self) -> str:
        return baht_text(self.amount_satang)

    def channels(self) -> tuple[list[str], list[str]]:
        """(Thai lines, English lines) naming each way to pay."""
        a = self.account
        th: list[str] = []
        en: list[str] = []
        if a.has_promptpay:
            kind_th = "ชำระบิล (Biller ID)" if a.promptpay_kind == "bill_payment" else "พร้อมเพย์"
            kind_en = "bill payment (Biller ID)" if a.promptpay_kind == "bill_payment" else ""
            th.append(f"- สแกนคิวอาร์โค้ดพร้อมเพย์ในหนังสือแจ้งชำระ ({kind_th} {a.promptpay_id})")
            en.append(f"- scan the PromptPay QR code on the notice ({kind_en or 'PromptPay'} "
                      f"{a.promptpay_id})")  # fmt: skip
        if a.account_number:
            th.append(
                f"- โอนเข้าบัญชี{a.bank_name_th} เลขที่ {a.account_number} ชื่อบัญชี {a.account_name_th}"
            )
            en.append(
                f"- transfer to {a.bank_name_en or a.bank_name_th} account {a.account_number} "
                f"({a.account_name_th})"
            )
        th.append("- ชำระเป็นเงินสดที่เคาน์เตอร์ของหน่วยงานในเวลาราชการ")
        en.append("- pay in cash at the agency's counter in office hours")
        return th, en


def notice_content(session: Session, application: Application, payment: Payment) -> NoticeContent:
    agency = pinned_agency(session)
    service = session.get(ServiceType, application.service_type_id or "")
    applicant = application.applicant
    name = f"{applicant.title_th}{applicant.name_th}".strip() if applicant else ""
    account = read_account(session)
    target = qr_target(account, payment.transaction_id)
    due = payment.due_at or payment.created_at
    return NoticeContent(
        tracking_number=application.tracking_number,
        applicant_name=echo_name(name) or "ผู้ยื่นคำขอ / Applicant",
        service_th=service.name_th if service else "",
        service_en=service.name_en if service else "",
        stage=payment.stage,
        amount_satang=payment.amount_satang,
        deadline_th=format_thai_date(due),
        deadline_en=format_english_date(due),
        transaction_id=payment.transaction_id,
        account=account,
        qr_payload=payload(target, payment.amount_satang) if target is not None else "",
        agency_th=agency.name_th,
        agency_en=agency.name_en,
        agency_email=agency.email,
        agency_phone=agency.phone or "-",
        issued_th=format_thai_date(payment.created_at),
        issued_en=format_english_date(payment.created_at),
    )


def render_notice_mail(content: NoticeContent, template: Path = TEMPLATE) -> tuple[str, str]:
    """(subject, body) of the mail that carries the notice."""
    stage_th, stage_en = _STAGES.get(content.stage, _STAGES["before_issue"])
    channels_th, channels_en = content.channels()
    values = {
        "tracking_number": content.tracking_number,
        "applicant_name": content.applicant_name,
        "service_th": content.service_th,
        "service_en": content.service_en,
        "stage_th": stage_th,
        "stage_en": stage_en,
        "amount_figures": content.amount_figures,
        "amount_words": content.amount_words,
        "deadline_th": content.deadline_th,
        "deadline_en": content.deadline_en,
        "channels_th": "\n".join(channels_th),
        "channels_en": "\n".join(channels_en),
        "transaction_id": content.transaction_id,
        "agency_th": content.agency_th,
        "agency_en": content.agency_en,
        "agency_email": content.agency_email,
        "agency_phone": content.agency_phone,
    }
    return render_letter(
        template,
        _PLACEHOLDERS,
        values,
        _REQUIRED,
        ("ผู้ยื่นต้องรู้ว่าต้องชำระเท่าใด ภายในเมื่อใด อย่างไร", "the applicant must know what to pay, "
         "by when and how."),
    )  # fmt: skip
