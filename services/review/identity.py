"""Identity proofing and delegation checks (requirements P2, P4; M06, M07, M14, M29, M30).

Kinds (``services.api.IdentityCheckRow.kind``) and the data each accepted verdict needs
("the evidence" = ``document_id`` of the document it was seen in, and ``page`` when that
document has more than one page):

* ``id_document_genuine`` — ``method`` (``visual``: the card seen against its security
  features; ``card_reader``: the chip read with a smart-card reader; ``dopa_online``: checked
  with the registry (DOPA), with its ``dopa_ref``) and the evidence; the MUST check at every
  IAL (M06).
* ``face_to_face`` — ``how`` (``counter`` | ``video_call``), ``officer`` (who proofed the
  applicant), ``at`` (when); IAL3 (M29).
* ``photo_consistent`` — nothing more (IAL2 and up).
* ``callback`` — ``channel`` (phone | email), ``at`` (when), ``result``; optional ``contact``.
* ``juristic_certificate`` — ``issued_on`` (date of the company certificate, within the
  service's ``company_certificate_max_months``) and the evidence; juristic applicants (M07).
* ``juristic_signatory`` — ``signatories`` (the authorised directors named in the
  certificate), ``signing`` (``alone`` | ``jointly``; with ``jointly`` also ``joint_count``,
  how many must sign together), ``signed_by`` (who signed the application) and the evidence
  (M07).
* ``poa_stamp_duty`` — exactly one of: ``estamp_ref`` (e-Stamp instrument reference);
  ``duty_paid_baht`` + ``receipt_no`` (duty paid in money); ``stamps_affixed_baht`` with the
  ``document_id`` of the instrument carrying the cancelled stamps (M14).
* ``poa_grantor_call`` — ``phone``, ``at``, ``result``, ``grantor_name`` (M07, SHOULD).
* ``poa_grantor_authority`` — ``signed_by`` (the director(s) who signed the power of
  attorney, being authorised per the certificate) and the evidence: the power of attorney
  (M30, juristic applicants with a proxy).

Every kind also takes ``note``, ``reason`` (needed for rejected / not applicable),
``document_id`` and ``page``. "Not applicable" is refused for the MUST checks the application
requires, and for the power-of-attorney checks once a proxy was declared
(:func:`services.review.checks.na_refused`). Unknown fields are refused (accept as little
input as possible, requirements §3.3.1); a time without a zone is Bangkok time and is stored
in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Final

from models import Application, Check, Document
from services.kernel.clock import BANGKOK, utc
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.review.checks import (
    IDENTITY_KINDS,
    IDENTITY_NAMES,
    MAX_REASON,
    check_verdict,
    document_of,
    na_refused,
    review_state,
    reviewable,
    service_spec,
)

__all__ = [
    "FACE_TO_FACE_WAYS",
    "GENUINE_ID_METHODS",
    "ESTAMP_REF",
    "estamp_ref",
    "record_identity_check",
]

# e-Stamp instrument reference numbers issued by the Revenue Department are alphanumeric; the
# exact layout is not published in a form we could check against, so we accept capital
# letters, digits and single inner hyphens, 8 to 30 characters ([A-Z0-9-]{8,30}). The officer
# still verifies the code with the Revenue Department (requirements P4).
ESTAMP_REF: Final = re.compile(r"(?=[A-Z0-9-]{8,30}\Z)[A-Z0-9]+(?:-[A-Z0-9]+)*\Z")
_RECEIPT_NO: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z/.\- ]{0,39}\Z")
_PHONE: Final = re.compile(r"\+?[0-9]{9,12}\Z")
_DOPA_REF: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z/.\-]{3,39}\Z")
_MAX_TEXT: Final = 500
#: How the ID document was found genuine (M06).
GENUINE_ID_METHODS: Final = ("visual", "card_reader", "dopa_online")
#: How the applicant was proofed face to face at IAL3 (M29).
FACE_TO_FACE_WAYS: Final = ("counter", "video_call")
_SIGNING: Final = ("alone", "jointly")
# The checks whose acceptance rests on a document the officer points at.
_NEEDS_EVIDENCE: Final = frozenset(
    {"id_document_genuine", "juristic_certificate", "juristic_signatory", "poa_grantor_authority"}
)

_COMMON_KEYS: Final = frozenset({"note", "reason", "document_id", "page"})
_KIND_KEYS: Final[Mapping[str, frozenset[str]]] = {
    "id_document_genuine": frozenset({"method", "dopa_ref"}),
    "face_to_face": frozenset({"how", "officer", "at"}),
    "photo_consistent": frozenset(),
    "callback": frozenset({"channel", "at", "result", "contact"}),
    "poa_stamp_duty": frozenset(
        {"estamp_ref", "duty_paid_baht", "receipt_no", "stamps_affixed_baht"}
    ),
    "juristic_certificate": frozenset({"issued_on"}),
    "juristic_signatory": frozenset({"signatories", "signing", "joint_count", "signed_by"}),
    "poa_grantor_call": frozenset({"phone", "at", "result", "grantor_name"}),
    "poa_grantor_authority": frozenset({"signed_by"}),
}
# Personal data of third parties stays in the check row, out of the append-only log.
_NOT_LOGGED: Final = frozenset({"phone", "contact", "grantor_name", "signatories", "signed_by"})


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
    if verdict == "not_applicable":
        _refuse_not_applicable(uow, application, kind)
    cleaned = _clean(kind, data)
    page = _page(cleaned)
    document = document_of(uow.session, application, cleaned.get("document_id"), page)
    if verdict != "accepted":
        _text(cleaned, "reason", "เหตุผล", "the reason")
    else:
        _accepted_data(uow, application, kind, cleaned, document)
        if kind in _NEEDS_EVIDENCE:
            page = _evidence(kind, document, page)
            cleaned["page"] = str(page)
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


def _refuse_not_applicable(uow: UnitOfWork, application: Application, kind: str) -> None:
    state = review_state(uow.session, application)
    if kind not in na_refused(state):
        return
    th, en = IDENTITY_NAMES[kind]
    if kind.startswith("poa_") and state.declared_delegated:
        raise InvalidInput(
            f"คำขอนี้แจ้งว่ายื่นโดยผู้รับมอบอำนาจ (ในแบบคำขอหรือโดยเจ้าหน้าที่รับเรื่อง) — “{th}” "
            "จะบันทึกว่าไม่เกี่ยวข้องไม่ได้ ให้ตรวจหนังสือมอบอำนาจ หรือขอเอกสารเพิ่มเติมจากผู้ยื่น",
            f"This application was declared as made through a proxy (on the form or by the "
            f"intake officer), so “{en}” cannot be marked not applicable; check the power of "
            "attorney, or ask the applicant for it.",
        )
    raise InvalidInput(
        f"“{th}” เป็นการตรวจที่ต้องทำสำหรับคำขอนี้ (แนวปฏิบัติฯ กำหนดว่า “ต้อง”) "
        "จึงบันทึกว่าไม่เกี่ยวข้องไม่ได้ — บันทึกว่าถูกต้องพร้อมหลักฐาน หรือไม่ถูกต้องพร้อมเหตุผล",
        f"“{en}” is a must for this application (the DGA guidelines (draft) say MUST), so it "
        "cannot be marked not applicable; accept it with the evidence, or reject it with a "
        "reason.",
    )


def _evidence(kind: str, document: Document | None, page: int | None) -> int:
    """The page the evidence is on; a one-page document (a photo) needs no page number."""
    th, en = IDENTITY_NAMES[kind]
    if document is None:
        raise InvalidInput(
            f"โปรดเปิดเอกสารที่เป็นหลักฐานของ “{th}” ในช่องแสดงเอกสารก่อนบันทึกว่าถูกต้อง",
            f"Open the document that is the evidence for “{en}” in the viewer before accepting it.",
        )
    if page is None:
        if (document.pages or 1) > 1:
            raise InvalidInput(
                f"โปรดระบุหน้าของ {document.filename} ที่เป็นหลักฐานของ “{th}”",
                f"Give the page of {document.filename} that shows “{en}”.",
            )
        return 1
    return page


def _choice(data: Mapping[str, str], key: str, allowed: tuple[str, ...], th: str, en: str) -> str:
    value = _text(data, key, th, en)
    if value not in allowed:
        raise InvalidInput(
            f"{th} ต้องเป็นหนึ่งใน: {', '.join(allowed)}",
            f"{en[0].upper()}{en[1:]} must be one of: {', '.join(allowed)}.",
        )
    return value


def _issued_on(uow: UnitOfWork, application: Application, value: str, months: int) -> str:
    try:
        issued = date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(
            f"วันที่ออกหนังสือรับรอง “{value[:40]}” ไม่ถูกต้อง (ใช้รูปแบบ 2026-11-25 ปีคริสต์ศักราช)",
            f"The certificate's issue date “{value[:40]}” is not valid (use 2026-11-25).",
        ) from exc
    today = uow.now.astimezone(BANGKOK).date()
    if issued > today:
        raise InvalidInput(
            "วันที่ออกหนังสือรับรองอยู่ในอนาคต — ตรวจสอบวันที่บนหนังสือรับรองอีกครั้ง",
            "The certificate's issue date is in the future; check the date on it again.",
        )
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    day = min(today.day, _last_day(year, month))
    oldest = date(year, month, day)
    if issued < oldest:
        raise InvalidInput(
            f"หนังสือรับรองการจดทะเบียนนิติบุคคลออกเมื่อ {issued.isoformat()} เกิน {months} เดือน "
            f"ตามที่บริการกำหนด — ขอหนังสือรับรองฉบับใหม่จากผู้ยื่น ({application.tracking_number})",
            f"The company certificate was issued on {issued.isoformat()}, more than {months} "
            f"months ago, which the service does not allow; ask the applicant "
            f"({application.tracking_number}) for a new one.",
        )
    return issued.isoformat()


def _last_day(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def _accepted_data(
    uow: UnitOfWork,
    application: Application,
    kind: str,
    data: dict[str, str],
    document: Document | None,
) -> None:
    if kind == "id_document_genuine":
        method = _choice(
            data, "method", GENUINE_ID_METHODS, "วิธีตรวจบัตร", "the way the card was checked"
        )
        if method == "dopa_online":
            ref = _text(data, "dopa_ref", "เลขอ้างอิงการตรวจสอบกับกรมการปกครอง", "the DOPA reference")
            if _DOPA_REF.fullmatch(ref) is None:
                raise InvalidInput(
                    f"เลขอ้างอิงการตรวจสอบ “{ref[:40]}” ไม่ถูกต้อง",
                    f"The DOPA check reference “{ref[:40]}” is not valid.",
                )
        elif "dopa_ref" in data:
            raise InvalidInput(
                "เลขอ้างอิงกรมการปกครองใช้กับการตรวจสอบกับฐานข้อมูลทะเบียนราษฎร์เท่านั้น",
                "A DOPA reference goes with a registry (DOPA) check only.",
            )
    elif kind == "face_to_face":
        _choice(data, "how", FACE_TO_FACE_WAYS, "วิธีพบหน้า", "how the applicant was met")
        _text(data, "officer", "เจ้าหน้าที่ผู้พิสูจน์ตัวตน", "the officer who met the applicant")
        data["at"] = _moment(uow, _text(data, "at", "เวลาที่พบ", "when the meeting took place"))
    elif kind == "juristic_certificate":
        spec = service_spec(uow.session, application)
        months = spec.company_certificate_max_months if spec else 6
        data["issued_on"] = _issued_on(
            uow,
            application,
            _text(data, "issued_on", "วันที่ออกหนังสือรับรอง", "the certificate's issue date"),
            months,
        )
    elif kind == "juristic_signatory":
        _text(data, "signatories", "กรรมการผู้มีอำนาจลงนามตามหนังสือรับรอง", "the authorised directors")
        signing = _choice(
            data, "signing", _SIGNING, "เงื่อนไขการลงนาม", "whether they sign alone or jointly"
        )
        if signing == "jointly":
            count = _text(
                data, "joint_count", "จำนวนกรรมการที่ต้องลงนามร่วมกัน", "how many sign together"
            )
            if not count.isdigit() or not 2 <= int(count) <= 20:
                raise InvalidInput(
                    "จำนวนกรรมการที่ลงนามร่วมกันต้องเป็นตัวเลข 2 ขึ้นไป",
                    "The number of directors signing together must be 2 or more.",
                )
        else:
            data.pop("joint_count", None)
        _text(data, "signed_by", "ผู้ลงนามในคำขอ", "who signed the application")
    elif kind == "poa_grantor_authority":
        _text(
            data,
            "signed_by",
            "กรรมการผู้ลงนามในหนังสือมอบอำนาจ",
            "the director(s) who signed the power of attorney",
        )
    elif kind == "callback":
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
