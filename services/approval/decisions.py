"""What an approver decides: approve (with conditions, signed), refuse with reasons, or send
back to the reviewer (:func:`services.review.returns.return_to_review`).

Approving is two steps so that nothing slow happens inside a transaction and nothing is
half-written: :func:`prepare_approval` reads the request and draws the decision memo;
the caller signs it (a token may take a while, or fail); :func:`record_approval` then, in one
transaction, checks again that the approver still holds the request and that the signature
is strong enough for the service, and stores the signed memo, the approval record, the
status change, its event and the letter to the applicant — together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy.orm import Session

from models import Application, Approval, User
from services import fees
from services.access.table import Action, require
from services.approval.approver import Approver
from services.approval.memo import MemoContent, memo_document
from services.approval.notice import render_approval
from services.approval.summary import payment_text, review_completed, service_spec_of
from services.cases.applications import change_status
from services.cases.documents import FileFacts, attach_document
from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import BANGKOK
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.statuses import STATUSES, ApplicationStatus
from services.kernel.thai_dates import format_thai_date
from services.kernel.thai_id import mask_national_id
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.applicant_mail import applicant_address, mail_applicant
from services.produce.sign.errors import SignatureTooWeak
from services.produce.sign.later import TIMESTAMP_PENDING
from services.produce.sign.strength import TYPE_NAMES, SignatureType
from services.review import load_application, reject
from services.review.checks import IDENTITY_NAMES, review_state
from services.review.queue import require_holder
from services.store.blobstore import BlobStore

__all__ = [
    "ApprovalDraft",
    "SignedRecord",
    "check_conditions",
    "prepare_approval",
    "record_approval",
    "refuse",
]

_MAX_CONDITIONS: Final = 20
_MAX_CONDITION: Final = 500


@dataclass(frozen=True)
class ApprovalDraft:
    """An approval ready to sign: the unsigned memo and what it says."""

    application_id: str
    tracking_number: str
    conditions: tuple[str, ...]
    min_signature_type: int
    service_th: str
    service_en: str
    memo: bytes
    memo_text: str
    """The memo's words as drawn, for the search index."""
    reference: str
    decided_at: datetime


@dataclass(frozen=True)
class SignedRecord:
    """The memo as signed, and by what (type 1: no certificate)."""

    pdf: bytes
    signature_type: int
    certificate_subject: str = ""
    certificate_sha256: str = ""
    timestamp_pending: bool = False
    """A TSA is set but did not answer: the memo waits for a time-stamp (see
    :mod:`services.approval.timestamps`)."""


def _approver(session: Session, user_id: str | None) -> User:
    user = session.get(User, user_id) if user_id else None
    if user is None:
        raise PermissionDenied(
            "การอนุมัติต้องทำโดยผู้อนุมัติที่ลงชื่อเข้าใช้", "Only a signed-in approver can approve."
        )
    return user


def check_conditions(conditions: Sequence[str]) -> tuple[str, ...]:
    """The conditions as they will be printed: trimmed, empty ones dropped, bounded."""
    kept = tuple(" ".join(c.split()) for c in conditions if c.strip())
    if len(kept) > _MAX_CONDITIONS:
        raise InvalidInput(
            f"เงื่อนไขมีได้ไม่เกิน {_MAX_CONDITIONS} ข้อ", f"At most {_MAX_CONDITIONS} conditions."
        )
    for condition in kept:
        if len(condition) > _MAX_CONDITION:
            raise InvalidInput(
                f"เงื่อนไขแต่ละข้อยาวได้ไม่เกิน {_MAX_CONDITION} ตัวอักษร",
                f"Each condition may be at most {_MAX_CONDITION} characters long.",
            )
    return kept


def _awaiting(application: Application) -> None:
    if application.status != ApplicationStatus.READY_FOR_APPROVAL:
        status = STATUSES[application.status]
        raise InvalidInput(
            f"คำขอ {application.tracking_number} อยู่ในสถานะ “{status.label_th}” ไม่ได้รออนุมัติ",
            f"Application {application.tracking_number} is “{status.label_en}”, not waiting "
            "for approval.",
        )


def prepare_approval(
    uow: UnitOfWork,
    approver: Approver,
    application_id: str,
    conditions: Sequence[str],
    signature_type: int,
) -> ApprovalDraft:
    """Check the approver may approve it now and draw the memo (``signature_type``: the type
    the chosen way of signing gives, printed on the stamp; ``approver`` as read when the action
    began). Writes nothing and locks nothing: ``uow`` may be on a read session
    (:func:`record_approval` locks the request and checks it again)."""
    require(uow.actor, Action.APPROVE)
    application = load_application(uow.session, application_id, lock=False)
    require_holder(uow, application)
    _awaiting(application)
    kept = check_conditions(conditions)
    service, spec = service_spec_of(uow.session, application)
    state = review_state(uow.session, application, approver.names_by_id)
    files = {d.id: d.filename for d in application.documents}
    checklist = tuple(
        (
            item.name_th,
            item.verdict or "",
            _where(files.get(item.document_id or "", ""), item.page) if item.document_id else "",
            item.checked_by or "",
        )
        for item in state.checklist
        if item.verdict
    )  # fmt: skip
    identity = tuple(
        (IDENTITY_NAMES[c.kind][0], c.verdict, c.checked_by)  # named by review_state
        for c in state.identity
    )
    reviewed_by, _, _ = review_completed(uow.session, application.id, approver.names_by_username)
    fee_th, _ = payment_text(uow.session, application, spec)
    applicant = application.applicant
    reference = f"{application.tracking_number}-{uow.now.astimezone(BANGKOK):%H%M%S}"
    memo = MemoContent(
        agency_th=approver.agency_th,
        tracking_number=application.tracking_number,
        service_th=service.name_th,
        applicant=(f"{applicant.title_th}{applicant.name_th}" if applicant else "-"),
        applicant_id_masked=_masked(applicant.national_id if applicant else None),
        received_th=format_thai_date(application.deemed_received_at),
        reviewed_by=reviewed_by,
        checklist=checklist,
        identity=identity,
        fee_th=fee_th,
        criteria_th=spec.approval_criteria_th,
        conditions=kept,
        approver=approver.display_name,
        position=approver.position_th,
        decided_at=uow.now,
        signature_type_th=TYPE_NAMES[SignatureType(signature_type)][0],
        reference=reference,
    )
    memo_pdf, memo_text = memo_document(memo)
    return ApprovalDraft(
        application_id=application.id,
        tracking_number=application.tracking_number,
        conditions=kept,
        min_signature_type=spec.min_signature_type,
        service_th=service.name_th,
        service_en=service.name_en,
        memo=memo_pdf,
        memo_text=memo_text,
        reference=reference,
        decided_at=uow.now,
    )


def _where(filename: str, page: int | None) -> str:
    return f"{filename} หน้า {page}" if page else filename


def _masked(national_id: str | None) -> str:
    return mask_national_id(national_id) if national_id else "-"


def record_approval(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    approver: Approver,
    draft: ApprovalDraft,
    signed: SignedRecord,
) -> str:
    """Store the signed approval in one transaction; returns the approval's id."""
    require(uow.actor, Action.APPROVE)
    application = load_application(uow.session, draft.application_id)
    require_holder(uow, application)
    _awaiting(application)
    service, spec = service_spec_of(uow.session, application)
    if signed.signature_type < spec.min_signature_type:
        need_th, need_en = TYPE_NAMES[SignatureType(spec.min_signature_type)]
        got_th, got_en = TYPE_NAMES[SignatureType(signed.signature_type)]
        raise SignatureTooWeak(
            f"บริการ “{service.name_th}” ต้องลงนามอย่างน้อย{need_th} แต่ลายมือชื่อนี้เป็น{got_th}",
            f"The service “{service.name_en}” needs at least a {need_en} signature; this one "
            f"is {got_en}.",
        )
    document = attach_document(
        uow,
        blobs,
        application.id,
        filename=f"approval_{application.tracking_number.replace('/', '_')}.pdf",
        content_type="application/pdf",
        data=signed.pdf,
        origin="produced",
        facts=FileFacts(pages=None, flags=(TIMESTAMP_PENDING,) if signed.timestamp_pending else ()),
        text=draft.memo_text,  # drawn by us: no need to read the signed PDF back
    )
    approval = Approval(
        application_id=application.id,
        decision="approved",
        approver_id=approver.user_id,
        signature_type=signed.signature_type,
        certificate_subject=signed.certificate_subject[:500],
        certificate_sha256=signed.certificate_sha256,
        reason="",
        decided_at=uow.now,
        conditions=list(draft.conditions),
        document_id=document.id,
    )
    uow.session.add(approval)
    change_status(uow, calendar, application.id, ApplicationStatus.APPROVED, reason="approved")
    notice_id = _queue_notice(uow, application, approver, draft.conditions)
    uow.session.flush()
    # A fee due before issuing falls due now: the payment notice goes with the approval.
    fees.after_approval(uow, calendar, blobs, application.id)
    uow.record(
        "approval.approved",
        "application",
        application.id,
        {
            "approval": approval.id,
            "conditions": list(draft.conditions),
            "signature_type": signed.signature_type,
            "certificate_sha256": signed.certificate_sha256,
            "document": document.id,
            "document_sha256": document.blob_sha256,
            "reference": draft.reference,
            "notice_outbox_id": notice_id,
            "timestamp_pending": signed.timestamp_pending,
        },
    )
    return approval.id


def _queue_notice(
    uow: UnitOfWork, application: Application, approver: Approver, conditions: Sequence[str]
) -> str | None:
    to_addr = applicant_address(application)
    if to_addr is None:
        return None  # the event says so: the officer tells the applicant by letter
    subject, body = render_approval(
        uow.session, application, (approver.display_name, approver.position_th), conditions, uow.now
    )
    queued = mail_applicant(
        uow, application, to_addr, kind="result", subject=subject, body=body, auto_submitted=None
    )
    return queued.id


def refuse(uow: UnitOfWork, calendar: BusinessCalendar, application_id: str, reasons: str) -> None:
    """Refuse with reasons: the applicant gets the result notice with appeal rights (from the
    agency's address, naming the approver and position); the record keeps who refused."""
    require(uow.actor, Action.APPROVE)
    application = load_application(uow.session, application_id)
    require_holder(uow, application)
    _awaiting(application)
    approver = _approver(uow.session, uow.actor.user_id)
    reject(uow, calendar, application_id, reasons)
    uow.session.add(
        Approval(
            application_id=application.id,
            decision="rejected",
            approver_id=approver.id,
            signature_type=SignatureType.RECORD,
            reason=reasons.strip()[:1000],
            decided_at=uow.now,
            conditions=[],
        )
    )
    uow.record("approval.refused", "application", application.id, {"reasons": reasons.strip()})
