"""What the approver's screen shows: frozen read models, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.review.views import ApplicationDetail

__all__ = ["ApprovalRecord", "ApprovalSummary", "SignatureStatus"]


@dataclass(frozen=True)
class SignatureStatus:
    """The result of validating a stored signed record (done when asked, offline)."""

    signed: bool
    ok: bool
    lines_th: tuple[str, ...]
    lines_en: tuple[str, ...]


@dataclass(frozen=True)
class ApprovalRecord:
    """A decision already taken on the request."""

    decision: str  # approved | rejected
    approver: str
    position: str
    decided_at: datetime
    signature_type: int
    certificate_subject: str
    conditions: tuple[str, ...]
    reason: str
    document_id: str | None


@dataclass(frozen=True)
class ApprovalSummary:
    """Everything the approver weighs: the review's detail (checklist outcomes with their
    documents and pages, identity and POA checks, fee, documents) and what the review
    screen does not show — who passed it on and when, the catalog's criteria and default
    conditions, the lowest signature type the service's risk allows."""

    detail: ApplicationDetail
    reviewed_by: str
    reviewed_at: datetime | None
    review_note: str
    criteria_th: str
    criteria_en: str
    default_conditions: tuple[str, ...]
    min_signature_type: int
    payment_th: str
    payment_en: str
    decision: ApprovalRecord | None
    identity_names: tuple[tuple[str, str, str], ...] = ()
    """(kind, Thai, English) names of the identity and POA checks shown."""
