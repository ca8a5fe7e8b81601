"""Whose request a forwarded mail is: the original sender it names, or the one who forwarded it.

When a clerk forwards a citizen's mail to the intake address (as an attachment or inline),
intake records the original sender as a proposal (``form_data["forwarded"]``, see
:data:`services.intake.pipeline.FORWARDED_KEY`) and sends no acknowledgement yet. An intake
officer confirms the original sender as the applicant, or keeps the forwarder; the
application's reply address becomes the confirmed one (later letters go there too) and the
acknowledgement goes to it, in the same transaction as the decision and its event.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import Application
from services.access.table import Action, require
from services.cases.applications import NewApplicant, find_or_create_applicant
from services.intake.acknowledgement import DEFAULT_TEMPLATE
from services.intake.classify import queue_stored_acknowledgement
from services.intake.pipeline import FORWARDED_KEY
from services.kernel.errors import InvalidInput, NotFound
from services.kernel.unit_of_work import UnitOfWork

__all__ = ["ForwardProposal", "confirm_applicant", "forward_proposal"]


@dataclass(frozen=True)
class ForwardProposal:
    """What the request's intake view shows of a forwarded request."""

    original_name: str
    original_address: str
    forwarder_name: str
    forwarder_address: str
    decision: str | None  # None (to confirm) | "original" | "forwarder"


def forward_proposal(form_data: dict[str, Any] | None) -> ForwardProposal | None:
    entry = (form_data or {}).get(FORWARDED_KEY)
    if not isinstance(entry, dict) or not entry.get("address"):
        return None
    decision = entry.get("decision")
    return ForwardProposal(
        original_name=str(entry.get("name") or ""),
        original_address=str(entry["address"]),
        forwarder_name=str(entry.get("forwarder_name") or ""),
        forwarder_address=str(entry.get("forwarder_address") or ""),
        decision=str(decision["chosen"]) if isinstance(decision, dict) else None,
    )


def confirm_applicant(
    uow: UnitOfWork,
    application_id: str,
    take_original: bool,
    *,
    template: Path = DEFAULT_TEMPLATE,
) -> None:
    """Confirm who the applicant of a forwarded request is, and acknowledge it to them."""
    require(uow.actor, Action.CONFIRM_APPLICANT)
    # Locked: two officers confirming at once must not both send an acknowledgement.
    application = uow.session.scalar(
        select(Application)
        .where(Application.id == application_id)
        .with_for_update(of=Application)  # not the outer-joined applicant (PostgreSQL)
    )
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    data = dict(application.form_data or {})
    proposal = forward_proposal(data)
    if proposal is None:
        raise InvalidInput(
            f"คำขอ {application.tracking_number} ไม่ได้มาจากอีเมลที่ส่งต่อ — ไม่มีอะไรให้ยืนยัน",
            f"Request {application.tracking_number} was not forwarded; there is nothing to "
            "confirm.",
        )
    if proposal.decision is not None:
        raise InvalidInput(
            "ผู้ยื่นของคำขอนี้ได้รับการยืนยันไปแล้ว — ไม่มีอะไรเปลี่ยนแปลง",
            "The applicant of this request was confirmed already; nothing was changed.",
        )
    if take_original:
        kind = application.applicant.kind if application.applicant else "person"
        applicant = find_or_create_applicant(
            uow,
            NewApplicant(
                kind=kind,
                name_th=proposal.original_name or proposal.original_address,
                email=proposal.original_address,
            ),
        )
        application.applicant_id = applicant.id
        application.reply_to = proposal.original_address
    chosen = "original" if take_original else "forwarder"
    entry = dict(data[FORWARDED_KEY])
    entry["decision"] = {"chosen": chosen, "by": uow.actor.label, "at": uow.now.isoformat()}
    data[FORWARDED_KEY] = entry
    application.form_data = data  # a new dict: the JSON column sees the change
    uow.session.flush()
    # The citizen never saw the forwarder's mail: her acknowledgement starts a new thread.
    notice = queue_stored_acknowledgement(
        uow, application, kind="acknowledgement", template=template, in_thread=not take_original
    )
    uow.record(
        "application.applicant_confirmed",
        "application",
        application.id,
        {
            "chosen": chosen,
            "reply_to": application.reply_to,
            "forwarder": proposal.forwarder_address,
            "notice_outbox_id": notice.id if notice else None,
        },
    )
