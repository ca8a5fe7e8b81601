"""Frozen read models of the review workstation (checklist, identity checks, detail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.access.table import Action
from services.cases.views import ApplicationRow, DocumentInfo
from services.review.kinds import IdentityCheckKind, Verdict

__all__ = [
    "ApplicationDetail",
    "ChecklistItem",
    "IdentityCheckRow",
    "Officer",
    "RequestPreview",
    "incomplete_summary",
]


@dataclass(frozen=True)
class ChecklistItem:
    """One required document of the service, and the officer's verdict on it."""

    code: str
    name_th: str
    name_en: str
    required: bool
    for_delegation: bool
    verdict: Verdict | None  # None: not checked yet
    reason: str
    document_id: str | None
    page: int | None
    checked_by: str | None
    checked_at: datetime | None


@dataclass(frozen=True)
class RequestPreview:
    """What the viewer needs to show a request before it is claimed: its message and its
    documents in the viewer's order (read ahead; nothing in it says what the officer may do)."""

    application_id: str
    tracking_number: str
    body_text: str
    documents: tuple[DocumentInfo, ...]


@dataclass(frozen=True)
class IdentityCheckRow:
    kind: IdentityCheckKind
    verdict: Verdict
    satisfied: bool  # counts as done (a MUST check only when accepted)
    data: dict[str, str]
    checked_by: str
    checked_at: datetime


@dataclass(frozen=True)
class ApplicationDetail:
    row: ApplicationRow
    applicant_kind: str
    applicant_name: str
    applicant_id_masked: str
    applicant_email: str
    applicant_phone: str
    applicant_address: str
    representative: str
    body_text: str
    form_fields: tuple[tuple[str, str, str], ...]  # (label_th, label_en, value)
    documents: tuple[DocumentInfo, ...]
    checklist: tuple[ChecklistItem, ...]
    identity_checks: tuple[IdentityCheckRow, ...]
    required_ial: int
    risk_level: str
    fee_satang: int
    fee_due: str  # none | at_submission | before_approval | before_issue
    claimed_by: str | None  # display name of the officer holding it
    claimed_by_me: bool
    checklist_complete: bool
    missing_items: tuple[str, ...]  # codes of required items not accepted
    intake_notes: tuple[str, ...]
    required_checks: tuple[IdentityCheckKind, ...]  # needed, in the order to do them
    missing_checks: tuple[IdentityCheckKind, ...]  # required identity/POA checks not satisfied
    review_complete: bool  # every required item and check done: the review may pass on
    delegation_checks: tuple[IdentityCheckKind, ...]  # needed when applying through a proxy
    delegated: bool  # a proxy applies (says the form, or the officer's POA verdicts)
    declared_delegated: bool  # the form or the intake officer declared a proxy (stands)
    must_checks: tuple[IdentityCheckKind, ...]  # only "accepted" completes them (MUST)
    not_applicable_refused: tuple[IdentityCheckKind, ...]  # "not applicable" refused, now
    company_certificate_max_months: int  # a company certificate must be this recent
    allowed: frozenset[Action]  # what the viewing officer may do on it now
    # Each time an approver or finance officer sent it back: (when, who, note), oldest first.
    returned: tuple[tuple[datetime, str, str], ...] = ()
    # The catalog version the request was received under (its SLA, documents and fee);
    # None for a request not yet classified, or received before catalog versions began.
    catalog_version: int | None = None

    @property
    def open_count(self) -> int:
        """Required documents and checks still to do (the services' review state)."""
        return len(self.missing_items) + len(self.missing_checks)

    def incomplete_summary(self) -> tuple[str, str]:
        """(Thai, English) one-line "cannot pass on yet" for what is still open."""
        names = {i.code: i for i in self.checklist}
        first = names.get(self.missing_items[0]) if self.missing_items else None
        return incomplete_summary(
            self.open_count,
            f"เอกสาร: {first.name_th}" if first else "",
            f"document: {first.name_en}" if first else "",
        )


def incomplete_summary(count: int, first_th: str = "", first_en: str = "") -> tuple[str, str]:
    """(Thai, English): a review that cannot pass on yet, in one line per language."""
    th = f"ยังส่งต่อไม่ได้ ยังตรวจไม่ครบ {count} รายการ"
    en = f"This request cannot be passed on yet: {count} still to check"
    if first_th:
        th += f" (รายการแรก {first_th})"
    if first_en:
        en += f" (first, {first_en})"
    return th, en


@dataclass(frozen=True)
class Officer:
    username: str
    display_name: str
    roles: frozenset[str]
