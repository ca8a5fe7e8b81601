"""Sending a request back to the reviewer: an approver (while it waits for approval) or a
finance officer (while a fee is due or its payment is checked) who finds a problem.

The note says what to look at again. It is kept on the request (``form_data["returns"]``) and in
the event, so the reviewer reads it in the request; the request goes back to "in review", held
by the reviewer who passed it on when they still review, else waiting in the reviewers' queue.
Nothing is sent to the applicant: the note is between officers.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import select

from models import Event, User
from services.access.table import Action, may, require
from services.cases.applications import change_status
from services.kernel.calendar import BusinessCalendar
from services.kernel.errors import InvalidInput
from services.kernel.statuses import STATUSES, ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.review.queue import clear_claim, load_application, require_holder

__all__ = ["RETURNABLE_STATUSES", "return_to_review", "returned_notes"]

# Where each role may send a request back from (the status table allows these moves).
RETURNABLE_STATUSES: Final = {
    ApplicationStatus.READY_FOR_APPROVAL: "approver",
    ApplicationStatus.PAYMENT_DUE: "finance",
    ApplicationStatus.PAYMENT_TO_VERIFY: "finance",
}
_MAX_NOTE: Final = 2000


def return_to_review(
    uow: UnitOfWork, calendar: BusinessCalendar, application_id: str, note: str
) -> str | None:
    """Back to "in review" with ``note``; returns the username of the reviewer it went back
    to (None: it waits in the reviewers' queue)."""
    require(uow.actor, Action.RETURN_TO_REVIEW)
    application = load_application(uow.session, application_id)
    require_holder(uow, application)
    text = note.strip()
    if not text:
        raise InvalidInput(
            "โปรดบันทึกว่าพบปัญหาอะไร ให้ผู้ตรวจสอบแก้ไข (ผู้ตรวจสอบจะเห็นบันทึกนี้ในคำขอ)",
            "Please note what is wrong, for the reviewer (they see this note in the request).",
        )
    if len(text) > _MAX_NOTE:
        raise InvalidInput("บันทึกยาวเกิน 2,000 ตัวอักษร", "The note is longer than 2,000 characters.")
    if application.status not in RETURNABLE_STATUSES:
        status = STATUSES[application.status]
        raise InvalidInput(
            f"คำขอ {application.tracking_number} อยู่ในสถานะ “{status.label_th}” ส่งกลับให้ผู้ตรวจสอบไม่ได้",
            f"Application {application.tracking_number} is “{status.label_en}”; it cannot be "
            "sent back to the reviewer.",
        )
    old = application.status
    change_status(
        uow,
        calendar,
        application.id,
        ApplicationStatus.IN_REVIEW,
        reason=text,
        extra={"returned": True},
    )
    reviewer = _last_reviewer(uow, application.id)
    clear_claim(application)
    if reviewer is not None:
        application.assignee_id = reviewer.id
        application.claimed_at = uow.now
    returns = list((application.form_data or {}).get("returns", []))
    returns.append({"at": uow.now.isoformat(), "by": uow.actor.username, "from": old,
                    "note": text})  # fmt: skip
    # A new dict, so the JSON column sees the change.
    application.form_data = {**(application.form_data or {}), "returns": returns}
    uow.record(
        "review.returned",
        "application",
        application.id,
        {"from": old, "note": text, "to_reviewer": reviewer.username if reviewer else None},
    )
    return reviewer.username if reviewer else None


def returned_notes(form_data: dict[str, object] | None) -> tuple[tuple[str, str, str], ...]:
    """(when ISO, by username, note) of each time the request was sent back, oldest first."""
    rows = (form_data or {}).get("returns")
    if not isinstance(rows, list):
        return ()
    return tuple(
        (str(r.get("at", "")), str(r.get("by", "")), str(r.get("note", "")))
        for r in rows
        if isinstance(r, dict)
    )


def _last_reviewer(uow: UnitOfWork, application_id: str) -> User | None:
    """Who passed the review on, if they are still an active reviewer."""
    username = uow.session.scalar(
        select(Event.actor)
        .where(Event.aggregate_id == application_id, Event.type == "review.completed")
        .order_by(Event.seq.desc())
        .limit(1)
    )
    if not username:
        return None
    user = uow.session.scalar(select(User).where(User.username == username))
    if user is None or not user.active or not may(user.role_names, Action.DECIDE_REVIEW):
        return None
    return user
