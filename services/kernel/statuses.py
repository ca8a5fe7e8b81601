"""The application's life cycle (requirements P3–P8) as a state machine.

Only the transitions listed here exist; each names the roles allowed to make
it. ``system`` is the workstation itself (intake sync, replies matched by mail).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Status", "STATUSES", "TRANSITIONS", "OPEN_STATUSES", "PAUSED_STATUSES", "label"]


@dataclass(frozen=True)
class Status:
    code: str
    label_th: str
    label_en: str
    closed: bool = False


STATUSES: dict[str, Status] = {
    s.code: s
    for s in (
        Status("unclassified", "รอจำแนกประเภท", "Unclassified"),
        Status("received", "รับเรื่องแล้ว", "Received"),
        Status("in_review", "กำลังตรวจสอบ", "In review"),
        Status("waiting_applicant", "รอเอกสารจากผู้ยื่น", "Waiting for applicant"),
        Status("payment_due", "รอชำระค่าธรรมเนียม", "Payment due"),
        Status("payment_to_verify", "รอตรวจสอบการชำระเงิน", "Payment to verify"),
        Status("ready_for_approval", "รออนุมัติ", "Ready for approval"),
        Status("approved", "อนุมัติแล้ว รอออกเอกสาร", "Approved, to issue"),
        Status("issued", "ออกเอกสารแล้ว", "Issued"),
        Status("delivered", "ส่งมอบแล้ว", "Delivered", closed=True),
        Status("rejected", "ไม่อนุมัติ/ไม่รับคำขอ", "Rejected", closed=True),
        Status("withdrawn", "ผู้ยื่นถอนคำขอ", "Withdrawn", closed=True),
    )
}

_INTAKE = frozenset({"intake", "system"})
_REVIEW = frozenset({"reviewer"})
_FINANCE = frozenset({"finance"})
_APPROVE = frozenset({"approver"})
_ISSUE = frozenset({"reviewer", "approver"})
_FRONT = frozenset({"intake", "reviewer"})

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("unclassified", "received"): _INTAKE,
    ("unclassified", "rejected"): _INTAKE,
    ("unclassified", "withdrawn"): _FRONT,
    ("received", "in_review"): _REVIEW,
    ("received", "rejected"): _REVIEW,
    ("received", "withdrawn"): _FRONT,
    ("in_review", "waiting_applicant"): _REVIEW,
    ("in_review", "payment_due"): _REVIEW,
    ("in_review", "ready_for_approval"): _REVIEW,
    ("in_review", "rejected"): _REVIEW,
    ("in_review", "withdrawn"): _FRONT,
    ("waiting_applicant", "in_review"): _REVIEW | _INTAKE,
    ("waiting_applicant", "rejected"): _REVIEW,
    ("waiting_applicant", "withdrawn"): _FRONT,
    ("payment_due", "payment_to_verify"): _FINANCE | _INTAKE,
    ("payment_due", "rejected"): _FINANCE,
    ("payment_due", "withdrawn"): _FRONT,
    ("payment_to_verify", "ready_for_approval"): _FINANCE,
    ("payment_to_verify", "approved"): _FINANCE,  # fee due before issue, after approval
    ("payment_to_verify", "payment_due"): _FINANCE,  # evidence rejected, ask again
    ("ready_for_approval", "approved"): _APPROVE,
    ("ready_for_approval", "in_review"): _APPROVE,  # sent back to the reviewer
    ("ready_for_approval", "rejected"): _APPROVE,
    ("approved", "payment_due"): _APPROVE | _FINANCE | frozenset({"system"}),
    ("approved", "issued"): _ISSUE,
    ("issued", "delivered"): _FRONT | frozenset({"system"}),
}

OPEN_STATUSES = tuple(code for code, s in STATUSES.items() if not s.closed)
# While waiting for the applicant the SLA clock stands still (requirements P4).
PAUSED_STATUSES = frozenset({"waiting_applicant"})


def label(code: str, language: str = "th") -> str:
    status = STATUSES[code]
    return status.label_th if language == "th" else status.label_en
