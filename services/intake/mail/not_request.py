"""Whether a mail is a request at all, or a delivery report, an auto-reply, a newsletter or a
machine notice that only reached the intake address.

Such mail must not become an unclassified application in the officers' queue, nor be
acknowledged (an acknowledgement to an auto-responder is how mail loops start). It is set
aside in its own tray (:mod:`services.intake.not_request`), where an officer can still take it
as a request. The judgement reads only headers, the sender and the subject: nothing in the
body is trusted to decide it. It errs on the side of "not a request" only on signs a person
writing to the agency does not produce by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from services.intake.mail.headers import first_header

__all__ = ["NOT_REQUEST_REASONS", "NotRequest", "ReasonText", "not_request_reason"]


@dataclass(frozen=True)
class NotRequest:
    code: str  # a key of NOT_REQUEST_REASONS
    detail: str  # the sign that decided it, e.g. "Auto-Submitted: auto-replied"


@dataclass(frozen=True)
class ReasonText:
    """Officer wording only (the applicant is never told: nothing is sent to these mails)."""

    th: str  # ``{detail}`` is filled in
    en: str


NOT_REQUEST_REASONS: Final[dict[str, ReasonText]] = {
    "delivery_report": ReasonText(
        "รายงานการส่งอีเมลจากเซิร์ฟเวอร์ (ส่งไม่ถึงหรือแจ้งการอ่าน) ไม่ใช่คำขอ ({detail}) "
        "หากเป็นอีเมลที่หน่วยงานส่งไปแล้วไม่ถึง โปรดตรวจที่อยู่ของผู้ยื่น",
        "A delivery or read report from a mail server, not a request ({detail}). If it is about "
        "a mail the agency sent, check the applicant's address.",
    ),
    "auto_reply": ReasonText(
        "ตอบกลับอัตโนมัติ (เช่น แจ้งไม่อยู่ที่สำนักงาน) ไม่ใช่คำขอ ({detail})",
        "An automatic reply (such as out of office), not a request ({detail}).",
    ),
    "bulk": ReasonText(
        "จดหมายข่าวหรืออีเมลกลุ่มที่ส่งถึงคนจำนวนมาก ไม่ใช่คำขอ ({detail})",
        "A newsletter or mailing-list mail sent to many people, not a request ({detail}).",
    ),
    "machine_notice": ReasonText(
        "อีเมลแจ้งเตือนจากระบบอัตโนมัติ (เช่น ธนาคาร ร้านค้า) ที่ไม่รับการตอบกลับ ไม่ใช่คำขอ ({detail})",
        "A notice from an automated system (such as a bank or a shop) that takes no replies, "
        "not a request ({detail}).",
    ),
}

_DAEMON_LOCAL = re.compile(r"^(mailer[-_.]?daemon|postmaster|double-bounce)$", re.IGNORECASE)
_NOTICE_LOCAL = re.compile(
    r"(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|alerts?|"
    r"e[-_.]?statements?|bounces?)($|[-_.+])",
    re.IGNORECASE,
)
_REPORT_SUBJECT = re.compile(
    r"^\s*(undeliver(ed|able)|delivery (status notification|has failed|failure)|"
    r"mail delivery (failed|failure|subsystem)|returned mail|failure notice|"
    r"ส่งไม่สำเร็จ|ไม่สามารถส่ง)",
    re.IGNORECASE,
)
_AWAY_SUBJECT = re.compile(
    r"^\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|away from|"
    r"ตอบกลับอัตโนมัติ|การตอบกลับอัตโนมัติ|ไม่อยู่ที่สำนักงาน|ไม่อยู่ที่ออฟฟิศ)",
    re.IGNORECASE,
)
_BULK_PRECEDENCE: Final = frozenset({"bulk", "list", "junk"})
_SUPPRESS_VALUES: Final = frozenset({"all", "autoreply", "oof"})


def not_request_reason(
    headers: dict[str, list[str]], sender_address: str, subject: str
) -> NotRequest | None:
    """Why this mail is not a request, or None when it may be one (headers by lower-case
    name, as :func:`services.intake.mail.headers.header_map` gives them)."""
    return (
        _delivery_report(headers, sender_address, subject)
        or _auto_reply(headers, subject)
        or _bulk(headers)
        or _machine_notice(sender_address)
    )


def _delivery_report(
    headers: dict[str, list[str]], sender_address: str, subject: str
) -> NotRequest | None:
    content_type = (first_header(headers, "content-type") or "").strip().lower()
    if content_type.startswith("multipart/report"):
        return NotRequest("delivery_report", "multipart/report")
    local = sender_address.rsplit("@", 1)[0] if "@" in sender_address else ""
    if _DAEMON_LOCAL.match(local):
        return NotRequest("delivery_report", f"sender {local[:40]}")
    return_path = first_header(headers, "return-path")
    empty_return = return_path is not None and return_path.strip() in ("<>", "")
    if empty_return or _REPORT_SUBJECT.match(subject):
        # An empty Return-Path alone marks a bounce (RFC 5321 4.5.5); a report subject
        # from anyone else is still a report, as no applicant titles a request that way.
        return NotRequest("delivery_report", "Return-Path: <>" if empty_return else subject[:60])
    return None


def _auto_reply(headers: dict[str, list[str]], subject: str) -> NotRequest | None:
    auto = (first_header(headers, "auto-submitted") or "").strip().lower()
    if auto and auto.split(";", 1)[0].strip() != "no":
        return NotRequest("auto_reply", f"Auto-Submitted: {auto[:40]}")
    for name in ("x-autoreply", "x-autorespond"):
        if name in headers:
            return NotRequest("auto_reply", name)
    suppress = (first_header(headers, "x-auto-response-suppress") or "").lower()
    if {v.strip() for v in re.split(r"[,\s]+", suppress)} & _SUPPRESS_VALUES:
        return NotRequest("auto_reply", f"X-Auto-Response-Suppress: {suppress[:40]}")
    precedence = (first_header(headers, "precedence") or "").strip().lower()
    if precedence in ("auto_reply", "auto-reply"):
        return NotRequest("auto_reply", f"Precedence: {precedence}")
    if _AWAY_SUBJECT.match(subject):
        return NotRequest("auto_reply", subject[:60])
    return None


def _bulk(headers: dict[str, list[str]]) -> NotRequest | None:
    precedence = (first_header(headers, "precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return NotRequest("bulk", f"Precedence: {precedence}")
    for name in ("list-id", "list-unsubscribe"):
        if name in headers:
            return NotRequest("bulk", name.title())
    return None


def _machine_notice(sender_address: str) -> NotRequest | None:
    local = sender_address.rsplit("@", 1)[0] if "@" in sender_address else ""
    if local and _NOTICE_LOCAL.search(local):
        return NotRequest("machine_notice", f"sender {local[:40]}")
    return None
