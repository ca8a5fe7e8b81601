"""How far the demo's officers took some requests, through the services an officer's actions use.

A request's ``progress`` (resources/demo/requests.toml) names where it ends up; the steps to get
there are the real ones, so the demo never shows a state the workstation could not reach:

* ``in_review`` — the reviewer takes it (first come, first served) and checks what is there;
* ``waiting_applicant`` — as above, then asks the applicant, by letter, for what is missing;
* ``ready_for_approval`` — every required document and identity check accepted, review passed;
* ``payment_due`` — as above, the approver approves (an approval record, type 1), and the
  service's fee (due before the licence is issued) falls due: only for a service with a fee;
* ``issued`` — as above, then the applicant pays the fee in cash at the counter (finance
  verifies it, the receipt goes out) and the approver issues the licence, signed as its
  approval was (a type-1 record: only a "standard" service), numbered from the register;
* ``delivered`` — as above, then the reviewer delivers it by the request's own channel.

Apart from ``progress``, the supervisor hands some requests out the way the *Assign…* action
does (``assign_to`` with ``assign_note``: an assignment with an internal note) and writes an
internal note on others (``supervisor_note``), an hour after they arrived.

Each step runs at its own moment on the request's time line (``at``), after it arrived, so
its history reads in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select

from demo.content import demo_applicants
from demo.model import AttachmentKind, DemoRequest
from models import Application, Document, IssuedDocument, User
from services.approval.batch import BatchItem, approve_batch
from services.fees import fee_falls_due
from services.fees.cash import record_cash
from services.fees.gate import open_payment
from services.issuing import prepare_licence, record_licence
from services.issuing.delivery import deliver
from services.issuing.register import default_verify_base
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK
from services.kernel.unit_of_work import UnitOfWork
from services.produce.sign.methods import RecordMethod
from services.review.checks import record_checklist, review_state
from services.review.decisions import mark_reviewed, request_documents
from services.review.identity import record_identity_check
from services.review.queue import claim, open_for, release_claim
from services.store.context import AppContext
from services.worklist.assign import assign
from services.worklist.notes import add_note

__all__ = ["DemoStep", "steps_for"]

# Which checklist item each kind of demo attachment is the evidence for.
_EVIDENCE: Final[Mapping[AttachmentKind, str]] = {
    AttachmentKind.ID_CARD_PHOTO: "ID-CARD",
    AttachmentKind.HOUSE_REGISTRATION: "HOUSE-REG",
    AttachmentKind.SITE_MAP: "LOCATION-MAP",
    AttachmentKind.COMPANY_CERTIFICATE: "COMPANY-CERT",
    AttachmentKind.POWER_OF_ATTORNEY: "POWER-OF-ATTORNEY",
    AttachmentKind.DELEGATE_ID_CARD_PHOTO: "PROXY-ID",
    AttachmentKind.PREMISES_CONSENT: "PREMISES-RIGHT",
    AttachmentKind.FLOOR_PLAN: "FLOOR-PLAN",
}
# The first-come rule still holds in the demo; a request taken ahead of older ones says why.
_OUT_OF_ORDER: Final = "ผู้ยื่นติดต่อสอบถามความคืบหน้า (ข้อมูลสาธิต)"
_HOUR: Final = timedelta(hours=1)
_NOT_SENT: Final = "ผู้ยื่นไม่ได้แนบมา และไม่จำเป็นสำหรับคำขอนี้"
# How far each progress goes: past review, past approval, past issue.
_ISSUED: Final = ("issued", "delivered")
_APPROVED: Final = ("payment_due", *_ISSUED)
_REVIEWED: Final = ("ready_for_approval", *_APPROVED)


@dataclass(frozen=True)
class DemoStep:
    """One officer action at one moment of a request's time line."""

    at: datetime
    run: Callable[[AppContext, str], None]  # (context, application id)


def _officer(context: AppContext, username: str) -> Actor:
    with context.read() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        return Actor(username=user.username, roles=user.role_names, user_id=user.id)


def _documents(
    context: AppContext, application_id: str, request: DemoRequest, filenames: Sequence[str]
) -> dict[AttachmentKind, Document]:
    """The stored document of each attachment the request carried, found by its file name."""
    with context.read() as session:
        stored = {
            d.filename: d
            for d in session.scalars(
                select(Document).where(Document.application_id == application_id)
            )
        }
    return {
        k: stored[n] for k, n in zip(request.attachments, filenames, strict=True) if n in stored
    }


def _review(
    request: DemoRequest, filenames: Sequence[str], *, complete: bool
) -> Callable[[AppContext, str], None]:
    """The reviewer opens the request and records a verdict on each document it carries;
    ``complete`` also records the identity checks (the card's owner checked with DOPA, or
    seen at the counter) that a passed review needs."""

    def run(context: AppContext, application_id: str) -> None:
        reviewer = _officer(context, "reviewer")
        by_kind = _documents(context, application_id, request, filenames)
        calendar = context.calendar
        with context.unit_of_work(reviewer) as uow:
            open_for(uow, calendar, application_id, _OUT_OF_ORDER)
            application = uow.session.get(Application, application_id)
            assert application is not None
            checklist = review_state(uow.session, application).checklist
            wanted = {i.code for i in checklist}
            for kind, document in by_kind.items():
                code = _EVIDENCE.get(kind)
                if code in wanted:
                    record_checklist(uow, application_id, code, "accepted", "", document.id, 1)
                    wanted.discard(code)
            if complete:
                # A passed review leaves nothing unanswered: what is optional and was not
                # sent is marked not applicable, with the reason.
                for item in checklist:
                    if item.code in wanted and not item.required:
                        record_checklist(
                            uow, application_id, item.code, "not_applicable", _NOT_SENT
                        )
            card = by_kind.get(AttachmentKind.ID_CARD_PHOTO)
            if complete and card is not None:
                at_counter = request.channel == "counter"
                method = (
                    {"method": "visual"}
                    if at_counter
                    else {
                        "method": "dopa_online",
                        "dopa_ref": f"DOPA-{request.key}-{application.tracking_number[-4:]}",
                    }
                )
                record_identity_check(
                    uow,
                    application_id,
                    "id_document_genuine",
                    "accepted",
                    {**method, "document_id": card.id},
                )
                _higher_assurance(uow, application_id, card.id)

    return run


def _higher_assurance(uow: UnitOfWork, application_id: str, card_id: str) -> None:
    """What a service of a higher assurance level (IAL2) also asks for: the card's photo and
    details agree, and a call back to the applicant's own number, made a little earlier."""
    application = uow.session.get(Application, application_id)
    assert application is not None
    missing = review_state(uow.session, application).missing_checks
    if "photo_consistent" in missing:
        record_identity_check(
            uow, application_id, "photo_consistent", "accepted", {"document_id": card_id}
        )
    if "callback" in missing:
        called = (uow.now - _HOUR / 4).astimezone(BANGKOK).replace(tzinfo=None)
        record_identity_check(
            uow,
            application_id,
            "callback",
            "accepted",
            {
                "channel": "phone",
                "at": called.isoformat(timespec="minutes"),
                "result": "ผู้ยื่นรับสายที่หมายเลขในแบบคำขอ และยืนยันว่าเป็นผู้ยื่นคำขอนี้เอง",
            },
        )


def _ask_for_missing(context: AppContext, application_id: str) -> None:
    reviewer = _officer(context, "reviewer")
    with context.unit_of_work(reviewer) as uow:
        application = uow.session.get(Application, application_id)
        assert application is not None
        state = review_state(uow.session, application)
        deadline = uow.now.astimezone(BANGKOK).date() + timedelta(days=15)
        request_documents(
            uow,
            context.calendar,
            application_id,
            list(state.missing_items),
            "โปรดส่งเอกสารที่ยังขาดตามรายการด้านล่างทางอีเมลนี้ หรือนำมายื่นที่สำนักงานเทศบาลภายในวันที่กำหนด",
            deadline,
        )


def _pass_on(context: AppContext, application_id: str) -> None:
    with context.unit_of_work(_officer(context, "reviewer")) as uow:
        status = mark_reviewed(uow, context.calendar, application_id, "เอกสารและการตรวจตัวตนครบถ้วน")
        if status == "payment_due":
            fee_falls_due(
                uow, context.calendar, context.store.blobs, application_id, "before_approval"
            )


def _approve_then_fee(context: AppContext, application_id: str) -> None:
    """The approver takes it and approves it with a type-1 approval record (the services'
    own path, memo and letter included); the fee, due before issue, then falls due. Only a
    service with a fee gets here."""
    approver = _officer(context, "approver")
    with context.unit_of_work(approver) as uow:
        claim(uow, context.calendar, application_id, _OUT_OF_ORDER)
    outcome = approve_batch(
        context, approver, [BatchItem(application_id, ())], RecordMethod(), trust_roots=[]
    )
    if outcome.approved != (application_id,):
        raise ValueError(f"demo data: the approval did not go through: {outcome.failed}")
    # Approval made the fee due (payment and notice with it); the approver puts the request
    # back in the queues, where finance finds it.
    with context.unit_of_work(approver) as uow:
        release_claim(uow, application_id)
        application = uow.session.get(Application, application_id)
        assert application is not None
        if application.status != "payment_due":
            raise ValueError(f"demo data: {application.tracking_number} has no fee to pay")


def _pay_at_counter(context: AppContext, application_id: str) -> None:
    """The applicant brings the payment notice to the counter and pays the fee in cash;
    finance records what was counted (the receipt goes out, the request is approved again)."""
    with context.read() as session:
        payment = open_payment(session, application_id)
        if payment is None:
            raise ValueError(f"demo data: {application_id} has no fee to pay")
        reference, amount = payment.transaction_id, payment.amount_satang
    with context.unit_of_work(_officer(context, "finance")) as uow:
        record_cash(uow, context.calendar, context.store.blobs, reference, amount)


def _issue(request: DemoRequest) -> Callable[[AppContext, str], None]:
    """The approver issues the licence as the issuing page does: numbered from the outgoing
    register, drawn, signed as the approval was (a type-1 record leaves the PDF as drawn),
    then kept and registered. The premises are the shop, at the applicant's address (the
    demo's small shops are run from home), as the officer would confirm in the dialog."""

    def run(context: AppContext, application_id: str) -> None:
        approver = _officer(context, "approver")
        with context.read() as session:
            base = default_verify_base(session)
        # The applicant's address as the demo's content has it (a mailed request's applicant
        # record carries none: mail gives no postal address).
        home = demo_applicants()[request.applicant_index].address.text_th
        premises = f"ร้าน{request.business_name} {home}" if request.business_name else home
        method = RecordMethod()
        with context.unit_of_work(approver) as uow:
            draft = prepare_licence(
                uow, application_id, base, signature_type=method.signature_type, premises=premises
            )
        signed = method.sign(
            draft.pdf, reason=f"ออกใบอนุญาต / Licence {draft.number}", location=context.agency_code
        )
        with context.unit_of_work(approver) as uow:
            record_licence(
                uow, context.calendar, context.store.blobs, draft, signed, method.signature_type
            )

    return run


def _deliver(context: AppContext, application_id: str) -> None:
    """The reviewer sends the issued licence by the request's own channel (e-mail here:
    a letter in the outbox, the licence attached)."""
    with context.read() as session:
        issued = session.scalars(
            select(IssuedDocument.id).where(IssuedDocument.application_id == application_id)
        ).one()
    with context.unit_of_work(_officer(context, "reviewer")) as uow:
        deliver(uow, context.calendar, context.store.blobs, issued)


def _assign(request: DemoRequest) -> Callable[[AppContext, str], None]:
    def run(context: AppContext, application_id: str) -> None:
        with context.unit_of_work(_officer(context, "supervisor")) as uow:
            assign(
                uow,
                [application_id],
                to_officer=request.assign_to,
                note=request.assign_note,
                out_of_order_reason=_OUT_OF_ORDER,
            )

    return run


def _note(request: DemoRequest) -> Callable[[AppContext, str], None]:
    def run(context: AppContext, application_id: str) -> None:
        with context.unit_of_work(_officer(context, "supervisor")) as uow:
            add_note(uow, application_id, request.supervisor_note)

    return run


def _supervision(request: DemoRequest, received_at: datetime) -> list[DemoStep]:
    """The supervisor's hand-out and note, an hour after arrival (before any review)."""
    steps = []
    if request.assign_to:
        steps.append(DemoStep(received_at + _HOUR, _assign(request)))
    if request.supervisor_note:
        steps.append(DemoStep(received_at + _HOUR + _HOUR / 4, _note(request)))
    return steps


def _on_a_weekday(moment: datetime) -> datetime:
    """``moment``, or the Monday after it when it falls on a Bangkok weekend."""
    weekday = moment.astimezone(BANGKOK).weekday()
    return moment + timedelta(days=7 - weekday) if weekday >= 5 else moment


def steps_for(
    request: DemoRequest, received_at: datetime, filenames: Sequence[str]
) -> list[DemoStep]:
    """The officer actions that take ``request`` to its ``progress``, each with its moment:
    the reviewer starts a couple of hours after arrival, the approver the next morning.
    ``filenames`` are those of the request's attachments, in order. The supervisor's
    steps come first."""
    supervision = _supervision(request, received_at)
    if not request.progress:
        return supervision
    start = received_at + 2 * _HOUR
    complete = request.progress in _REVIEWED
    steps = [DemoStep(start, _review(request, filenames, complete=complete))]
    if request.progress == "waiting_applicant":
        steps.append(DemoStep(start + _HOUR / 2, _ask_for_missing))
    if complete:
        steps.append(DemoStep(start + _HOUR, _pass_on))
    if request.progress in _APPROVED:
        steps.append(DemoStep(start + 18 * _HOUR, _approve_then_fee))
    if request.progress in _ISSUED:
        # The applicant comes to pay two days after the review, on a weekday (the counter
        # is closed at weekends); the approver issues it two hours later, and it goes out
        # an hour after that.
        paid = _on_a_weekday(start + 48 * _HOUR)
        steps.append(DemoStep(paid, _pay_at_counter))
        steps.append(DemoStep(paid + 2 * _HOUR, _issue(request)))
        if request.progress == "delivered":
            steps.append(DemoStep(paid + 3 * _HOUR, _deliver))
    return supervision + steps
