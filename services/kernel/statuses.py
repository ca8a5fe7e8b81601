"""The application's life cycle (requirements P3–P8) as a state machine.

Only the transitions listed here exist; each names the roles allowed to make
it. ``system`` is the workstation itself (intake sync, replies matched by mail).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ApplicationStatus",
    "Status",
    "STATUSES",
    "TRANSITIONS",
    "OPEN_STATUSES",
    "PAUSED_STATUSES",
    "label",
]


class ApplicationStatus(StrEnum):
    """An application's status; the members are the stored values (a StrEnum: ``==`` a str)."""

    UNCLASSIFIED = "unclassified"
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    WAITING_APPLICANT = "waiting_applicant"
    PAYMENT_DUE = "payment_due"
    PAYMENT_TO_VERIFY = "payment_to_verify"
    READY_FOR_APPROVAL = "ready_for_approval"
    APPROVED = "approved"
    ISSUED = "issued"
    DELIVERED = "delivered"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Status:
    code: ApplicationStatus
    label_th: str
    label_en: str
    closed: bool = False


_S = ApplicationStatus
# Keyed by member; a plain stored string finds the same entry (StrEnum hashes as its value).
STATUSES: dict[str, Status] = {
    s.code: s
    for s in (
        Status(_S.UNCLASSIFIED, "รอจำแนกประเภท", "Unclassified"),
        Status(_S.RECEIVED, "รับเรื่องแล้ว", "Received"),
        Status(_S.IN_REVIEW, "กำลังตรวจสอบ", "In review"),
        Status(_S.WAITING_APPLICANT, "รอเอกสารจากผู้ยื่น", "Waiting for applicant"),
        Status(_S.PAYMENT_DUE, "รอชำระค่าธรรมเนียม", "Payment due"),
        Status(_S.PAYMENT_TO_VERIFY, "รอตรวจสอบการชำระเงิน", "Payment to verify"),
        Status(_S.READY_FOR_APPROVAL, "รออนุมัติ", "Ready for approval"),
        Status(_S.APPROVED, "อนุมัติแล้ว รอออกเอกสาร", "Approved, to issue"),
        Status(_S.ISSUED, "ออกเอกสารแล้ว", "Issued"),
        Status(_S.DELIVERED, "ส่งมอบแล้ว", "Delivered", closed=True),
        Status(_S.REJECTED, "ไม่อนุมัติ/ไม่รับคำขอ", "Rejected", closed=True),
        Status(_S.WITHDRAWN, "ผู้ยื่นถอนคำขอ", "Withdrawn", closed=True),
    )
}

_INTAKE = frozenset({"intake", "system"})
_REVIEW = frozenset({"reviewer"})
_FINANCE = frozenset({"finance"})
_APPROVE = frozenset({"approver"})
_ISSUE = frozenset({"reviewer", "approver"})
_FRONT = frozenset({"intake", "reviewer"})
# A withdrawal: an officer at the front desk, or the applicant's verified mail (system).
_WITHDRAW = _FRONT | frozenset({"system"})

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("unclassified", "received"): _INTAKE,
    ("unclassified", "rejected"): _INTAKE,
    ("unclassified", "withdrawn"): _WITHDRAW,
    ("received", "in_review"): _REVIEW,
    ("received", "rejected"): _REVIEW,
    ("received", "withdrawn"): _WITHDRAW,
    ("in_review", "waiting_applicant"): _REVIEW,
    ("in_review", "payment_due"): _REVIEW,
    ("in_review", "ready_for_approval"): _REVIEW,
    ("in_review", "rejected"): _REVIEW,
    ("in_review", "withdrawn"): _WITHDRAW,
    ("waiting_applicant", "in_review"): _REVIEW | _INTAKE,
    ("waiting_applicant", "rejected"): _REVIEW,
    ("waiting_applicant", "withdrawn"): _WITHDRAW,
    ("payment_due", "payment_to_verify"): _FINANCE | _INTAKE,
    ("payment_due", "rejected"): _FINANCE | frozenset({"system"}),  # or the fee lapsed
    ("payment_due", "in_review"): _FINANCE,  # sent back to the reviewer with a note
    ("payment_due", "withdrawn"): _WITHDRAW,
    ("payment_to_verify", "ready_for_approval"): _FINANCE,
    ("payment_to_verify", "approved"): _FINANCE,  # fee due before issue, after approval
    ("payment_to_verify", "payment_due"): _FINANCE,  # evidence rejected, ask again
    ("payment_to_verify", "in_review"): _FINANCE,  # sent back to the reviewer with a note
    ("payment_to_verify", "withdrawn"): _WITHDRAW,
    ("ready_for_approval", "approved"): _APPROVE,
    ("ready_for_approval", "in_review"): _APPROVE,  # sent back to the reviewer
    ("ready_for_approval", "rejected"): _APPROVE,
    ("ready_for_approval", "withdrawn"): _WITHDRAW,
    ("approved", "payment_due"): _APPROVE | _FINANCE | frozenset({"system"}),
    ("approved", "issued"): _ISSUE,
    ("approved", "withdrawn"): _WITHDRAW,
    ("issued", "delivered"): _FRONT | frozenset({"system"}),
    # The licence's delivery mail bounced (services.issuing.bounces): to be sent again.
    ("delivered", "issued"): _FRONT | frozenset({"system"}),
}

OPEN_STATUSES = tuple(s.code for s in STATUSES.values() if not s.closed)
# While waiting for the applicant the SLA clock stands still (requirements P4).
PAUSED_STATUSES = frozenset({ApplicationStatus.WAITING_APPLICANT})


def label(code: str, language: str = "th") -> str:
    status = STATUSES[code]
    return status.label_th if language == "th" else status.label_en
