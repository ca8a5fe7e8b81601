"""The reviewer's verdicts on the document checklist, and where a review stands.

Every verdict is a new ``Check`` row (history is kept; the latest verdict per item counts)
and an audit event in the same transaction. Identity and delegation verdicts are recorded by
:mod:`services.review.identity`; this module judges them all together:

* Checklist (requirements P3/P4, M09): the service's required documents for the applicant's
  kind, plus the delegation documents when a proxy applies.
* Identity (P2, M05, M06, M29): the ID document is genuine at every IAL (with the method, the
  document and the page as evidence); at IAL3 the applicant was proofed face to face, at the
  counter or by video call; from IAL2 the photo is consistent and the applicant was called
  back (phone or e-mail).
* Juristic applicants (M07): the company certificate is recent enough (the service's
  ``company_certificate_max_months``) and who may sign for the company, alone or jointly, was
  read from it.
* Delegation (P4, M07, M14, M30): stamp duty on the power of attorney (an e-Stamp reference,
  or duty paid in money with a receipt, or stamps affixed and cancelled on the instrument), a
  call to the grantor, and for a juristic applicant that the power of attorney was signed by
  the company's authorised director(s) — the grantor's authority to delegate.

The MUST checks (:data:`MUST_ACCEPT`) count only when *accepted*, and "not applicable" is
refused for them whenever they are required (a juristic applicant's checks, face to face at
IAL3, and the power-of-attorney checks once the form or the intake officer declared a proxy:
a declared delegation cannot be waved away). The SHOULD checks (photo, call-back, grantor call)
also count when marked not applicable with a reason, so a case is never stuck on a phone nobody
answers, and the reason stays on record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, Check, Document, User
from models.ordering import insertion_order
from services.access.table import Action, require
from services.catalog.loader import ApplicantKind, DocumentRequirement, ServiceSpec
from services.catalog.versions import spec_for
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.review.kinds import IdentityCheckKind, Verdict
from services.review.queue import load_application, require_holder
from services.review.views import ChecklistItem, IdentityCheckRow

__all__ = [
    "CHECKLIST_KIND",
    "IDENTITY_KINDS",
    "IDENTITY_NAMES",
    "MAX_REASON",
    "MUST_ACCEPT",
    "REVIEWABLE_STATUSES",
    "VERDICTS",
    "VERDICT_NAMES",
    "ReviewState",
    "check_verdict",
    "declared_delegated",
    "document_of",
    "na_refused",
    "record_checklist",
    "required_identity_checks",
    "review_state",
    "reviewable",
    "service_spec",
]

CHECKLIST_KIND: Final = "checklist"
VERDICTS: Final = tuple(Verdict)
VERDICT_NAMES: Final[Mapping[str, tuple[str, str]]] = {
    "accepted": ("ถูกต้อง", "accepted"),
    "rejected": ("ไม่ถูกต้อง", "rejected"),
    "not_applicable": ("ไม่เกี่ยวข้อง", "not applicable"),
}
IDENTITY_KINDS: Final = tuple(IdentityCheckKind)
IDENTITY_NAMES: Final[Mapping[str, tuple[str, str]]] = {
    "id_document_genuine": ("ความถูกต้องแท้จริงของบัตรประจำตัว", "ID document is genuine"),
    "face_to_face": (
        "การพิสูจน์ตัวตนแบบพบหน้า (ที่เคาน์เตอร์หรือผ่านวิดีโอ)",
        "Face-to-face proofing (at the counter or by video call)",
    ),
    "photo_consistent": ("ความสอดคล้องของรูปถ่ายและข้อมูล", "Photo and details consistent"),
    "callback": ("การติดต่อกลับผู้ยื่นคำขอ", "Call-back to the applicant"),
    "juristic_certificate": (
        "หนังสือรับรองการจดทะเบียนนิติบุคคล (ออกไม่เกินระยะที่กำหนด)",
        "Company certificate (issued recently enough)",
    ),
    "juristic_signatory": (
        "กรรมการผู้มีอำนาจลงนามตามหนังสือรับรอง",
        "Authorised signatories per the company certificate",
    ),
    "poa_stamp_duty": ("อากรแสตมป์หนังสือมอบอำนาจ", "Stamp duty on the power of attorney"),
    "poa_grantor_call": ("การโทรยืนยันกับผู้มอบอำนาจ", "Call to confirm with the grantor"),
    "poa_grantor_authority": (
        "ผู้มอบอำนาจมีอำนาจลงนามแทนนิติบุคคล",
        "The grantor has the authority to delegate",
    ),
}
_POA_KINDS: Final = tuple(k for k in IdentityCheckKind if k.for_delegation)
_JURISTIC_KINDS: Final = (
    IdentityCheckKind.JURISTIC_CERTIFICATE,
    IdentityCheckKind.JURISTIC_SIGNATORY,
)
# MUST clauses (M06, M07, M14, M29, M30): only an accepted verdict satisfies them.
MUST_ACCEPT: Final = frozenset(k for k in IdentityCheckKind if k.must_accept)

MAX_REASON: Final = 1000
# Verdicts are recorded while the review runs, and while the applicant is asked for more.
REVIEWABLE_STATUSES: Final = frozenset({"in_review", "waiting_applicant"})


def required_identity_checks(
    spec_ial: int, delegated: bool, *, juristic: bool = False
) -> tuple[IdentityCheckKind, ...]:
    """The identity checks a service of IAL ``spec_ial`` needs, in the order to do them.

    IAL3 adds face-to-face proofing (M29); a juristic applicant adds the company certificate
    and its signatories (M07); a proxy adds the power-of-attorney checks, and for a juristic
    applicant the grantor's authority to delegate (M30).
    """
    kinds = [IdentityCheckKind.ID_DOCUMENT_GENUINE]
    if spec_ial >= 3:
        kinds.append(IdentityCheckKind.FACE_TO_FACE)
    if spec_ial >= 2:
        kinds += [IdentityCheckKind.PHOTO_CONSISTENT, IdentityCheckKind.CALLBACK]
    if juristic:
        kinds += list(_JURISTIC_KINDS)
    if delegated:
        kinds += [IdentityCheckKind.POA_STAMP_DUTY, IdentityCheckKind.POA_GRANTOR_CALL]
        if juristic:
            kinds.append(IdentityCheckKind.POA_GRANTOR_AUTHORITY)
    return tuple(kinds)


def declared_delegated(application: Application) -> bool:
    """The form (or the intake officer filling it in) says a proxy applies."""
    return _truthy((application.form_data or {}).get("delegated"))


def na_refused(state: ReviewState) -> tuple[IdentityCheckKind, ...]:
    """The checks that may not be marked "not applicable" on this application now."""
    refused = [k for k in state.required_checks if k in MUST_ACCEPT]
    if state.declared_delegated:
        refused += [k for k in _POA_KINDS if k not in refused]
    return tuple(k for k in IDENTITY_KINDS if k in refused)


@dataclass(frozen=True)
class ReviewState:
    """Where the review of one application stands (computed, never stored)."""

    spec: ServiceSpec | None
    applicant_kind: ApplicantKind
    delegated: bool
    checklist: tuple[ChecklistItem, ...]
    identity: tuple[IdentityCheckRow, ...]  # the latest verdict per kind
    required_checks: tuple[IdentityCheckKind, ...]
    missing_items: tuple[str, ...]  # checklist codes not accepted / not applicable
    missing_checks: tuple[IdentityCheckKind, ...]  # identity kinds not satisfied
    declared_delegated: bool = False  # the form or the intake officer declared a proxy

    @property
    def complete(self) -> bool:
        """Every required item and check done (never, before the service is known)."""
        return self.spec is not None and not self.missing_items and not self.missing_checks


def service_spec(session: Session, application: Application) -> ServiceSpec | None:
    """The request's service as the catalog version it was received under has it."""
    return spec_for(session, application)


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "y", "ใช่", "มอบอำนาจ"}
    return bool(value)


def _applicant_kind(application: Application) -> ApplicantKind:
    applicant = application.applicant
    return "juristic" if applicant is not None and applicant.kind == "juristic" else "person"


def _latest_checks(session: Session, application_id: str) -> list[Check]:
    # Insertion order breaks ties between verdicts recorded in the same instant.
    return list(
        session.scalars(
            select(Check)
            .where(Check.application_id == application_id)
            .order_by(Check.checked_at, insertion_order("review_check"))
        )
    )


def _is_delegated(
    form_data: Mapping[str, Any],
    identity: Mapping[str, Check],
    items: Mapping[str, Check],
    spec: ServiceSpec | None,
) -> bool:
    """A proxy applies: says the form, or the officer's POA verdicts.

    A delegation declared on the form (or by the intake officer) stands whatever the verdicts
    (M14: it cannot be waved away). Otherwise any POA verdict (a POA identity check, or a
    verdict on a delegation document) decides: delegated unless all of them are "not
    applicable" (the officer looked at the POA checks and found no proxy).
    """
    if _truthy(form_data.get("delegated")):
        return True
    delegation_codes = (
        {d.code for d in spec.required_documents if d.for_delegation} if spec else set()
    )
    verdicts = [identity[k].verdict for k in _POA_KINDS if k in identity]
    verdicts += [c.verdict for code, c in items.items() if code in delegation_codes]
    if verdicts:
        return any(v != "not_applicable" for v in verdicts)
    return False


def review_state(
    session: Session, application: Application, known_names: Mapping[str, str] | None = None
) -> ReviewState:
    """Where the review of ``application`` stands; ``known_names``: officers' display names
    by id already read in this action (a batch of approvals reads them once)."""
    spec = service_spec(session, application)
    kind = _applicant_kind(application)
    items: dict[str, Check] = {}
    identity: dict[str, Check] = {}
    for check in _latest_checks(session, application.id):
        if check.kind == CHECKLIST_KIND:
            items[check.item_code] = check
        elif check.kind in IDENTITY_KINDS:
            identity[check.kind] = check
    names = _display_names(session, [*items.values(), *identity.values()], known_names or {})
    delegated = _is_delegated(application.form_data or {}, identity, items, spec)
    documents: Sequence[DocumentRequirement] = (
        spec.documents_for(kind, delegated=delegated) if spec else ()
    )
    checklist = tuple(_item(d, items.get(d.code), names) for d in documents)
    missing_items = tuple(
        i.code
        for i in checklist
        if (i.required and i.verdict not in ("accepted", "not_applicable"))
        or i.verdict == "rejected"
    )
    required = (
        required_identity_checks(spec.ial, delegated, juristic=kind == "juristic") if spec else ()
    )
    missing_checks = tuple(k for k in required if not _satisfied(k, identity.get(k)))
    rows = tuple(_identity_row(identity[k], names) for k in IDENTITY_KINDS if k in identity)
    return ReviewState(
        spec,
        kind,
        delegated,
        checklist,
        rows,
        required,
        missing_items,
        missing_checks,
        declared_delegated=declared_delegated(application),
    )


def _satisfied(kind: str, check: Check | None) -> bool:
    if check is None:
        return False
    if check.verdict == "accepted":
        return True
    return check.verdict == Verdict.NOT_APPLICABLE and not IdentityCheckKind(kind).must_accept


def _display_names(
    session: Session, checks: Sequence[Check], known: Mapping[str, str]
) -> dict[str, str]:
    names = {c.checked_by: known[c.checked_by] for c in checks if c.checked_by in known}
    ids = {c.checked_by for c in checks} - names.keys()
    if ids:
        query = select(User.id, User.display_name).where(User.id.in_(ids))
        names.update({user_id: name for user_id, name in session.execute(query)})
    return names


def _item(d: DocumentRequirement, check: Check | None, names: Mapping[str, str]) -> ChecklistItem:
    return ChecklistItem(
        code=d.code,
        name_th=d.name_th,
        name_en=d.name_en,
        required=d.required,
        for_delegation=d.for_delegation,
        verdict=Verdict(check.verdict) if check else None,
        reason=check.reason if check else "",
        document_id=check.document_id if check else None,
        page=check.page if check else None,
        checked_by=names.get(check.checked_by, check.checked_by) if check else None,
        checked_at=check.checked_at if check else None,
    )


def _identity_row(check: Check, names: Mapping[str, str]) -> IdentityCheckRow:
    return IdentityCheckRow(
        kind=IdentityCheckKind(check.kind),
        verdict=Verdict(check.verdict),
        satisfied=_satisfied(check.kind, check),
        data={str(k): str(v) for k, v in (check.data or {}).items()},
        checked_by=names.get(check.checked_by, check.checked_by),
        checked_at=check.checked_at,
    )


# --- recording ---------------------------------------------------------------------------


def reviewable(uow: UnitOfWork, application_id: str) -> Application:
    require(uow.actor, Action.RECORD_CHECKS)
    application = load_application(uow.session, application_id)
    require_holder(uow, application)
    if application.status not in REVIEWABLE_STATUSES:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ไม่อยู่ระหว่างการตรวจสอบ — บันทึกผลการตรวจไม่ได้",
            f"Application {application.tracking_number} is not in review; verdicts cannot be "
            "recorded now.",
        )
    return application


def check_verdict(verdict: str) -> str:
    if verdict not in VERDICTS:
        raise InvalidInput(
            "ผลการตรวจต้องเป็น ถูกต้อง ไม่ถูกต้อง หรือไม่เกี่ยวข้อง",
            "The verdict must be accepted, rejected or not_applicable.",
        )
    return verdict


def document_of(
    session: Session, application: Application, document_id: str | None, page: int | None
) -> Document | None:
    if document_id is None:
        if page is not None:
            raise InvalidInput(
                "ระบุหน้าได้เมื่อเลือกเอกสารแล้วเท่านั้น", "A page needs the document it is in."
            )
        return None
    document = session.get(Document, document_id)
    if document is None or document.application_id != application.id:
        raise InvalidInput(
            f"เอกสารที่เลือกไม่ใช่เอกสารของคำขอ {application.tracking_number}",
            f"The chosen document does not belong to application {application.tracking_number}.",
        )
    if document.withdrawn_at is not None:
        raise InvalidInput(
            f"สำเนาถูกต้อง {document.filename} ถูกถอนแล้ว — อ้างอิงต้นฉบับหรือสำเนาที่ทำใหม่แทน",
            f"The certified copy {document.filename} was withdrawn; refer to the original or a "
            "new copy instead.",
            code="copy_withdrawn",
        )
    if page is not None:
        last = document.pages or 1
        if not 1 <= page <= last:
            raise InvalidInput(
                f"เอกสาร {document.filename} มี {last} หน้า — เลขหน้า {page} ไม่ถูกต้อง",
                f"{document.filename} has {last} page(s); page {page} does not exist.",
            )
    return document


def clean_reason(text: str) -> str:
    reason = " ".join(text.split())
    if len(reason) > MAX_REASON:
        raise InvalidInput(
            "เหตุผลยาวเกิน 1,000 ตัวอักษร — โปรดสรุปให้สั้นลง",
            "The reason is longer than 1,000 characters; please shorten it.",
        )
    return reason


def record_checklist(
    uow: UnitOfWork,
    application_id: str,
    item_code: str,
    verdict: str,
    reason: str = "",
    document_id: str | None = None,
    page: int | None = None,
) -> Check:
    """One verdict on one required document; rejected (and not applicable for a required
    item) needs a reason, accepted needs the document it was found in."""
    application = reviewable(uow, application_id)
    spec = service_spec(uow.session, application)
    if spec is None:
        raise InvalidInput(
            "คำขอนี้ยังไม่ได้จำแนกประเภทบริการ — จำแนกก่อนแล้วจึงตรวจเอกสาร",
            "This application has no service yet; classify it before checking documents.",
        )
    kind = _applicant_kind(application)
    allowed = {d.code: d for d in spec.documents_for(kind, delegated=True)}
    requirement = allowed.get(item_code)
    if requirement is None:
        raise InvalidInput(
            f"รายการเอกสาร “{item_code}” ไม่อยู่ในรายการเอกสารของบริการ {spec.name_th}",
            f"“{item_code}” is not a document of the service {spec.name_en}.",
        )
    verdict = check_verdict(verdict)
    if (
        verdict == "not_applicable"
        and requirement.for_delegation
        and declared_delegated(application)
    ):
        raise InvalidInput(
            f"คำขอนี้แจ้งว่ายื่นโดยผู้รับมอบอำนาจ — “{requirement.name_th}” "
            "จะบันทึกว่าไม่เกี่ยวข้องไม่ได้ ให้ตรวจเอกสารนี้ หรือขอเอกสารเพิ่มเติมจากผู้ยื่น",
            f"This application was declared as made through a proxy, so “{requirement.name_en}” "
            "cannot be marked not applicable; check it, or ask the applicant for it.",
        )
    why = clean_reason(reason)
    if not why and (
        verdict == "rejected" or (verdict == "not_applicable" and requirement.required)
    ):
        raise InvalidInput(
            f"โปรดระบุเหตุผลที่ “{requirement.name_th}” "
            + ("ไม่ถูกต้อง" if verdict == "rejected" else "ไม่เกี่ยวข้อง")
            + " (ผู้ยื่นจะได้รับแจ้งเหตุผลนี้)",
            f"Please give the reason why “{requirement.name_en}” is "
            + ("rejected" if verdict == "rejected" else "not applicable")
            + " (the applicant may be told this reason).",
        )
    if verdict == "accepted" and document_id is None:
        raise InvalidInput(
            f"โปรดเลือกเอกสารที่พบ “{requirement.name_th}” ก่อนบันทึกว่าถูกต้อง",
            f"Choose the document in which “{requirement.name_en}” was found before accepting it.",
        )
    document = document_of(uow.session, application, document_id, page)
    check = Check(
        application_id=application.id,
        kind=CHECKLIST_KIND,
        item_code=item_code,
        verdict=verdict,
        reason=why,
        document_id=document.id if document else None,
        page=page,
        data={},
        checked_by=uow.actor.user_id,
        checked_at=uow.now,
    )
    uow.session.add(check)
    uow.session.flush()
    uow.record(
        "review.checklist_recorded",
        "application",
        application.id,
        {
            "check_id": check.id,
            "item": item_code,
            "verdict": verdict,
            "reason": why,
            "document_id": check.document_id,
            "page": page,
        },
    )
    return check
