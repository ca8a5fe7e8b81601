"""Identity proofing and delegation checks (requirements P2, P4; M06, M07, M14).

Kinds (``services.api.IdentityCheckRow.kind``) and the data each accepted verdict needs:

* ``id_document_genuine`` — optional ``method``; the MUST check at every IAL (M06).
* ``photo_consistent`` — nothing more (IAL2 and up).
* ``callback`` — ``channel`` (phone | email), ``at`` (when), ``result``; optional ``contact``.
* ``poa_stamp_duty`` — exactly one of: ``estamp_ref`` (e-Stamp instrument reference);
  ``duty_paid_baht`` + ``receipt_no`` (duty paid in money); ``stamps_affixed_baht`` with the
  ``document_id`` of the instrument carrying the cancelled stamps (M14).
* ``poa_grantor_call`` — ``phone``, ``at``, ``result``, ``grantor_name`` (M07, SHOULD).

Every kind also takes ``note``, ``reason`` (needed for rejected / not applicable),
``document_id`` and ``page``. Unknown fields are refused (accept as little input as possible,
requirements §3.3.1); a call time without a zone is Bangkok time and is stored in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Final

from models import Check, Document
from services.kernel.clock import BANGKOK, utc
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.review.checks import (
    IDENTITY_KINDS,
    MAX_REASON,
    check_verdict,
    document_of,
    reviewable,
)

__all__ = ["ESTAMP_REF", "estamp_ref", "record_identity_check"]

# e-Stamp instrument reference numbers issued by the Revenue Department are alphanumeric; the
# exact layout is not published in a form we could check against, so we accept capital
# letters, digits and single inner hyphens, 8 to 30 characters ([A-Z0-9-]{8,30}). The officer
# still verifies the code with the Revenue Department (requirements P4).
ESTAMP_REF: Final = re.compile(r"(?=[A-Z0-9-]{8,30}\Z)[A-Z0-9]+(?:-[A-Z0-9]+)*\Z")
_RECEIPT_NO: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z/.\- ]{0,39}\Z")
_PHONE: Final = re.compile(r"\+?[0-9]{9,12}\Z")
_MAX_TEXT: Final = 500

_COMMON_KEYS: Final = frozenset({"note", "reason", "document_id", "page"})
_KIND_KEYS: Final[Mapping[str, frozenset[str]]] = {
    "id_document_genuine": frozenset({"method"}),
    "photo_consistent": frozenset(),
    "callback": frozenset({"channel", "at", "result", "contact"}),
    "poa_stamp_duty": frozenset(
        {"estamp_ref", "duty_paid_baht", "receipt_no", "stamps_affixed_baht"}
    ),
    "poa_grantor_call": frozenset({"phone", "at", "result", "grantor_name"}),
}
# Personal data of third parties stays in the check row, out of the append-only log.
_NOT_LOGGED: Final = frozenset({"phone", "contact", "grantor_name"})


def _text(data: Mapping[str, str], key: str, th: str, en: str) -> str:
    value = data.get(key, "")
    if not value:
        raise InvalidInput(f"โปรดระบุ{th}", f"Please give {en}.")
    return value


def _moment(uow: UnitOfWork, value: str) -> str:
    """An ISO time of a call; naive means Bangkok time; never in the future."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(
            f"เวลาที่ติดต่อ “{value[:40]}” ไม่ถูกต้อง (ใช้รูปแบบ 2026-11-25T10:30)",
            f"The call time “{value[:40]}” is not valid (use 2026-11-25T10:30).",
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BANGKOK)
    moment = utc(moment)
    if moment > uow.now:
        raise InvalidInput(
            "เวลาที่ติดต่ออยู่ในอนาคต — บันทึกหลังจากติดต่อแล้ว",
            "The call time is in the future; record the call after it took place.",
        )
    return moment.isoformat()


def _phone(value: str, th: str, en: str) -> str:
    digits = re.sub(r"[\s\-().]", "", value)
    if _PHONE.fullmatch(digits) is None:
        raise InvalidInput(
            f"หมายเลขโทรศัพท์{th} “{value[:30]}” ไม่ถูกต้อง",
            f"The {en} phone number “{value[:30]}” is not valid.",
        )
    return digits


def _baht(value: str) -> str:
    try:
        amount = Decimal(value.replace(",", ""))
    except InvalidOperation as exc:
        raise InvalidInput(
            f"จำนวนเงินอากร “{value[:20]}” ไม่ใช่ตัวเลข",
            f"The stamp duty amount “{value[:20]}” is not a number.",
        ) from exc
    if not amount.is_finite() or amount <= 0 or amount > 1_000_000 or amount != round(amount, 2):
        raise InvalidInput(
            "จำนวนเงินอากรต้องมากกว่า 0 และมีทศนิยมไม่เกิน 2 ตำแหน่ง",
            "The stamp duty must be more than 0 baht, with at most 2 decimals.",
        )
    return f"{amount:.2f}"


def estamp_ref(value: str) -> str:
    """The e-Stamp reference in canonical form (upper case, no spaces), or InvalidInput."""
    ref = "".join(value.split()).upper()
    if ESTAMP_REF.fullmatch(ref) is None:
        raise InvalidInput(
            f"เลขอ้างอิง e-Stamp “{value[:40]}” ไม่ถูกต้อง — ต้องเป็นตัวอักษรภาษาอังกฤษหรือตัวเลข "
            "8-30 ตัว (มีขีดคั่นได้) ตรวจสอบกับหนังสือมอบอำนาจและระบบของกรมสรรพากรอีกครั้ง",
            f"The e-Stamp reference “{value[:40]}” is not valid: it must be 8-30 letters or "
            "digits (hyphens allowed). Check it against the power of attorney and the "
            "Revenue Department's system.",
        )
    return ref


def _stamp_duty(data: dict[str, str], document: Document | None) -> None:
    ways = [k for k in ("estamp_ref", "duty_paid_baht", "stamps_affixed_baht") if k in data]
    if len(ways) != 1:
        raise InvalidInput(
            "ระบุการชำระอากรอย่างใดอย่างหนึ่ง: เลขอ้างอิง e-Stamp หรือจำนวนเงินอากรที่ชำระพร้อมเลขที่ใบเสร็จ "
            "หรือจำนวนอากรแสตมป์ที่ปิดและขีดฆ่าบนหนังสือมอบอำนาจ",
            "Give exactly one way the duty was paid: the e-Stamp reference, or the duty paid "
            "in money with its receipt number, or the stamps affixed and cancelled on the "
            "power of attorney.",
        )
    if "estamp_ref" in data:
        data["estamp_ref"] = estamp_ref(data["estamp_ref"])
        if "receipt_no" in data:
            raise InvalidInput(
                "เลขที่ใบเสร็จใช้กับการชำระอากรเป็นตัวเงินเท่านั้น",
                "A receipt number goes with duty paid in money only.",
            )
    elif "duty_paid_baht" in data:
        data["duty_paid_baht"] = _baht(data["duty_paid_baht"])
        receipt = _text(data, "receipt_no", "เลขที่ใบเสร็จรับเงินค่าอากร", "the duty receipt number")
        if _RECEIPT_NO.fullmatch(receipt) is None:
            raise InvalidInput(
                f"เลขที่ใบเสร็จ “{receipt[:40]}” ไม่ถูกต้อง",
                f"The receipt number “{receipt[:40]}” is not valid.",
            )
    else:
        data["stamps_affixed_baht"] = _baht(data["stamps_affixed_baht"])
        if document is None:
            raise InvalidInput(
                "โปรดเลือกเอกสารหนังสือมอบอำนาจที่ปิดอากรแสตมป์",
                "Choose the power-of-attorney document that carries the stamps.",
            )


def _clean(kind: str, data: Mapping[str, str]) -> dict[str, str]:
    allowed = _COMMON_KEYS | _KIND_KEYS[kind]
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise InvalidInput(
            f"ข้อมูลที่ไม่รู้จักสำหรับการตรวจนี้: {', '.join(unknown)}",
            f"Unknown fields for this check: {', '.join(unknown)} "
            f"(allowed: {', '.join(sorted(allowed))}).",
        )
    cleaned: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(value, str):
            raise InvalidInput(f"ข้อมูล {key} ต้องเป็นข้อความ", f"The field {key} must be text.")
        text = " ".join(value.split())
        if len(text) > (MAX_REASON if key == "reason" else _MAX_TEXT):
            raise InvalidInput(f"ข้อมูล {key} ยาวเกินไป", f"The field {key} is too long.")
        if text:
            cleaned[key] = text
    return cleaned


def _page(data: Mapping[str, str]) -> int | None:
    if "page" not in data:
        return None
    if not data["page"].isdigit():
        raise InvalidInput("เลขหน้าต้องเป็นตัวเลข", "The page must be a number.")
    return int(data["page"])


def record_identity_check(
    uow: UnitOfWork, application_id: str, kind: str, verdict: str, data: Mapping[str, str]
) -> Check:
    """One identity or delegation check (see the module docstring for what each needs)."""
    application = reviewable(uow, application_id)
    if kind not in IDENTITY_KINDS:
        raise InvalidInput(
            f"ไม่รู้จักการตรวจประเภท “{kind[:40]}”",
            f"Unknown check “{kind[:40]}” (known: {', '.join(IDENTITY_KINDS)}).",
        )
    verdict = check_verdict(verdict)
    cleaned = _clean(kind, data)
    page = _page(cleaned)
    document = document_of(uow.session, application, cleaned.get("document_id"), page)
    if verdict != "accepted":
        _text(cleaned, "reason", "เหตุผล", "the reason")
    else:
        _accepted_data(uow, kind, cleaned, document)
    check = Check(
        application_id=application.id,
        kind=kind,
        item_code="",
        verdict=verdict,
        reason=cleaned.get("reason", ""),
        document_id=document.id if document else None,
        page=page,
        data=cleaned,
        checked_by=uow.actor.user_id,
        checked_at=uow.now,
    )
    uow.session.add(check)
    uow.session.flush()
    uow.record(
        "review.identity_recorded",
        "application",
        application.id,
        {
            "check_id": check.id,
            "kind": kind,
            "verdict": verdict,
            "data": {k: v for k, v in cleaned.items() if k not in _NOT_LOGGED},
        },
    )
    return check


def _accepted_data(
    uow: UnitOfWork, kind: str, data: dict[str, str], document: Document | None
) -> None:
    if kind == "callback":
        channel = _text(data, "channel", "ช่องทางที่ติดต่อ", "the channel")
        if channel not in ("phone", "email"):
            raise InvalidInput(
                "ช่องทางการติดต่อกลับต้องเป็นโทรศัพท์ (phone) หรืออีเมล (email)",
                "The call-back channel must be phone or email.",
            )
        data["at"] = _moment(uow, _text(data, "at", "เวลาที่ติดต่อ", "when the call took place"))
        _text(data, "result", "ผลการติดต่อ", "the result of the call")
        if channel == "phone" and "contact" in data:
            data["contact"] = _phone(data["contact"], "ที่ติดต่อ", "called")
    elif kind == "poa_grantor_call":
        data["phone"] = _phone(
            _text(data, "phone", "หมายเลขโทรศัพท์ผู้มอบอำนาจ", "the grantor's phone number"),
            "ผู้มอบอำนาจ",
            "grantor's",
        )
        data["at"] = _moment(uow, _text(data, "at", "เวลาที่โทร", "when the call took place"))
        _text(data, "result", "ผลการโทรยืนยัน", "the result of the call")
        _text(data, "grantor_name", "ชื่อผู้มอบอำนาจ", "the grantor's name")
    elif kind == "poa_stamp_duty":
        _stamp_duty(data, document)
