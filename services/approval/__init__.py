"""Approval (requirements P5, M16, M17; signature types by risk, DGA table 4.1).

Reviewed requests reach the approver first come, first served (the review queue's approver
part, with its compare-and-set claims); the approver reads a summary of what was checked and
decides, one module per job:

* :mod:`services.approval.summary` — the queue and the summary of one request;
* :mod:`services.approval.decisions` — approve (memo drawn, signed, stored in one
  transaction), refuse with reasons; sending back is :mod:`services.review.returns`;
* :mod:`services.approval.batch` — approve and sign a selection with one PIN;
* :mod:`services.approval.memo` / :mod:`services.approval.notice` — the signed decision
  record (officers') and the letter to the applicant (the applicant's).

Signing itself is :mod:`services.produce.sign`, shared with issuing.
"""

from services.approval.batch import BatchItem, BatchOutcome, BatchWays, approve_batch, batch_ways
from services.approval.decisions import (
    ApprovalDraft,
    SignedRecord,
    check_conditions,
    prepare_approval,
    record_approval,
    refuse,
)
from services.approval.summary import (
    approval_queue,
    approval_queue_count,
    approval_summary,
    latest_approval,
)
from services.approval.views import ApprovalRecord, ApprovalSummary, SignatureStatus

__all__ = [
    "ApprovalDraft",
    "ApprovalRecord",
    "ApprovalSummary",
    "BatchItem",
    "BatchOutcome",
    "BatchWays",
    "SignatureStatus",
    "SignedRecord",
    "approval_queue",
    "approval_queue_count",
    "approval_summary",
    "approve_batch",
    "batch_ways",
    "check_conditions",
    "latest_approval",
    "prepare_approval",
    "record_approval",
    "refuse",
]
