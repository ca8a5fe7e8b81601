"""Mail to the applicant: to which address, in which conversation, from which domain.

Every letter a decision or a payment step sends the applicant (documents asked for, the
result, a payment notice, a receipt, a reminder, a refund) is queued the same way: to the
address they wrote from (else the registered one), as a reply in the conversation of their
first mail, with a Message-ID on the agency's own domain. :func:`mail_applicant` is that one
way; the callers say what the letter is.
"""

from __future__ import annotations

from collections.abc import Sequence

from models import Application, OutboxMessage
from services import outbox
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.store.agency import pinned_agency

__all__ = ["applicant_address", "applicant_thread", "mail_applicant", "mail_domain"]


def mail_domain(session_agency_email: str) -> str:
    return session_agency_email.rpartition("@")[2] or "anuyat.invalid"


def applicant_address(application: Application) -> str | None:
    """The applicant's address (the one they wrote from, else the registered one)."""
    for address in (
        application.reply_to,
        application.applicant.email if application.applicant else "",
    ):
        if address:
            try:
                return outbox.check_address(address)
            except InvalidInput:
                continue
    return None


def applicant_thread(application: Application) -> str | None:
    """The applicant's first mail, so the letter sits in the same conversation."""
    # A mail that reused another's Message-ID is keyed "<id> reused:<hash>"; a Message-ID
    # never holds white space, so the first word is the id.
    key = (application.source_key or "").split(" ", 1)[0]
    if application.channel == "email" and key and not key.startswith("sha256:"):
        return key
    return None


def mail_applicant(
    uow: UnitOfWork,
    application: Application,
    to_addr: str,
    *,
    kind: str,
    subject: str,
    body: str,
    auto_submitted: str | None,
    attachments: Sequence[outbox.OutgoingAttachment] = (),
    signed: bool = False,
) -> OutboxMessage:
    """Queue a letter to the applicant at ``to_addr`` (from :func:`applicant_address`) in the
    caller's transaction. ``auto_submitted`` as :func:`services.outbox.queue_message` takes it
    (``None`` for a letter an officer wrote and the applicant may answer); ``signed`` ends the
    body with the agency's names, Thai then English."""
    agency = pinned_agency(uow.session)
    if signed:
        body += f"\n{agency.name_th}\n{agency.name_en}\n"
    return outbox.queue_message(
        uow,
        kind=kind,
        to_addr=to_addr,
        subject=subject,
        body_text=body,
        application_id=application.id,
        attachments=attachments,
        in_reply_to=applicant_thread(application),
        auto_submitted=auto_submitted,
        domain=mail_domain(agency.email),
    )
