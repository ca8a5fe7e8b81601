"""Who may do what: every action an officer (or the workstation) can take → the roles allowed.

The one place the role rules live, like the status table in :mod:`services.kernel.statuses`.
The services check it before acting (:func:`require`); the screens ask it (through
``services.api``) what to offer, and never decide it themselves. :func:`may` takes the roles
rather than a user, so it works whether they come from the sign-in or are re-read from the
store inside a unit of work.

Which *status* changes a role may make is the status table's business; which *queue* a role
works from is :data:`services.review.queue.QUEUES`. Both come on top of this table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Final

from models import ROLES
from services.kernel.actors import Actor

__all__ = ["ACCESS", "Action", "may", "require"]


class Action(StrEnum):
    # Reading cases (lists, counts, a request opened read-only, history, dashboard, search).
    READ_CASES = "read_cases"
    # The content of applicants' files.
    READ_DOCUMENTS = "read_documents"
    # The review screen: open a request to work on it, take the next one of a queue.
    OPEN_REVIEW = "open_review"
    # Take the oldest waiting request of one's queue ("Next"): the roles that have a queue
    # on the review screen (the administrator opens requests only to hand them over).
    TAKE_NEXT = "take_next"
    # Record checklist and identity verdicts on a request one holds.
    RECORD_CHECKS = "record_checks"
    # Ask for documents, pass on (reviewed), refuse.
    DECIDE_REVIEW = "decide_review"
    CERTIFY_COPY = "certify_copy"
    # Give a request to another officer; put back a request someone else holds.
    REASSIGN = "reassign"
    # Hand requests out: to a named officer or to a section, one or a batch, with a note
    # (services.worklist.assign).
    ASSIGN = "assign"
    # Internal notes on a request (ความเห็นเจ้าหน้าที่): officers only, never the applicant.
    READ_NOTES = "read_notes"
    WRITE_NOTE = "write_note"
    # Alerts on one's own queue, the daily digest, one's saved list views.
    OWN_WORKLIST = "own_worklist"
    # Queue the officers' daily digest e-mails (the background run, the sync command).
    QUEUE_DIGESTS = "queue_digests"
    REGISTER_APPLICATION = "register_application"
    # Name the service of a request that arrived unclassified (its SLA starts then).
    CLASSIFY = "classify"
    # Close a request the applicant withdraws (asked in person, by phone or by letter).
    WITHDRAW = "withdraw"
    # An approver or finance officer sends a request back to the reviewer with a note.
    RETURN_TO_REVIEW = "return_to_review"
    # Approve (signing the decision record) or refuse a reviewed request (services.approval).
    APPROVE = "approve"
    # Issue the licence of an approved request: numbered, drawn and signed by the approver
    # (services.issuing); revoke or renew one (each with a letter to the holder).
    ISSUE_LICENCE = "issue_licence"
    # Send or hand over an issued document by the applicant's channel (e-mail through the
    # outbox, the counter, the shared drive) and record it delivered.
    DELIVER_DOCUMENT = "deliver_document"
    # Check a licence someone shows (its PDF, a photo of it, a paper one's number) against the
    # register: the officers who meet applicants and holders, and the supervisor.
    VERIFY_LICENCE = "verify_licence"
    # Register by hand a licence the agency issued on paper before the system, so a check by
    # its number finds it (services.issuing.paper): those who sign and supervise licences.
    REGISTER_PAPER_LICENCE = "register_paper_licence"
    REGISTER_AT_COUNTER = "register_at_counter"
    RUN_SYNC = "run_sync"
    # List, release and discard files held at intake (they are applicants' files).
    HANDLE_QUARANTINE = "handle_quarantine"
    REQUEUE_MAIL = "requeue_mail"
    # See the mail set aside as not requests (bounces, auto-replies, newsletters, notices):
    # intake, and the administrator who looks after the mailbox.
    VIEW_NOT_REQUESTS = "view_not_requests"
    # Take a set-aside mail as a request after all (it enters the normal intake flow).
    TAKE_AS_REQUEST = "take_as_request"
    # Confirm who the applicant of a forwarded request is (the original sender or the
    # forwarder); the acknowledgement goes to the one confirmed.
    CONFIRM_APPLICANT = "confirm_applicant"
    # Change the service catalog: a file at start-up, an edit or an import in the window.
    SYNC_CATALOG = "sync_catalog"
    # See the catalog and the holidays (every officer: they work by them).
    VIEW_CATALOG = "view_catalog"
    # Change the holiday calendar (a year from the Cabinet's announcement, a day, a confirmation).
    EDIT_CALENDAR = "edit_calendar"
    CREATE_USER = "create_user"
    UNLOCK_USER = "unlock_user"
    # The officers' page: list accounts, correct details, roles, deactivate/activate, reset
    # a password (services.access.officers).
    MANAGE_OFFICERS = "manage_officers"
    # The monthly report (figures per service, no personal data) and its exports: for those
    # who run the office and report upward.
    READ_REPORTS = "read_reports"
    # The audit viewer: every event, who did it, the chain's verification, and its exports.
    READ_AUDIT = "read_audit"
    # The agency's identity and hours, the station's mailbox, SMTP, shared drive, signing
    # module and backup place; their passwords in the keyring; "Test connection".
    MANAGE_SETTINGS = "manage_settings"
    # "Back up now" in the window (the schedule backs up on its own, as the station).
    BACK_UP_NOW = "back_up_now"
    # A request's whole file as one PDF/A for the archives or a court (services.archive):
    # it carries every personal document, so those who decide on requests, not the admin.
    EXPORT_ARCHIVE = "export_archive"
    # Draw up the destruction list (ทะเบียนขอทำลาย) of closed requests past their retention
    # period, for the head of the agency's order.
    LIST_FOR_DESTRUCTION = "list_for_destruction"
    # Record that order and carry the destruction out (services.archive.retention).
    DESTROY_RECORDS = "destroy_records"
    # A finance officer verifies or rejects a payment's evidence and issues the receipt.
    VERIFY_PAYMENT = "verify_payment"
    # See the refunds owed on overpayments and record one paid back (services.fees.refunds):
    # finance only, as the list names payers with sums of money.
    RECORD_REFUND = "record_refund"
    # The agency's bank account and PromptPay details printed on payment notices.
    SET_FEE_ACCOUNT = "set_fee_account"


# The officers who work cases may read applicants' files; the system administrator may not
# (least privilege, PDPA: personal data only to those who need it).
_CASES: Final = frozenset({"intake", "reviewer", "finance", "approver"})
# Those who hand work out: a supervisor, or the administrator where there is none.
_SUPERVISORS: Final = frozenset({"supervisor", "admin"})
_OFFICERS: Final = frozenset(ROLES)
_SYSTEM: Final = frozenset({"system"})

ACCESS: Final[Mapping[Action, frozenset[str]]] = {
    Action.READ_CASES: _OFFICERS,
    Action.READ_DOCUMENTS: _CASES,
    # The administrator opens requests to hand them over to someone (read-only otherwise).
    Action.OPEN_REVIEW: frozenset({"reviewer", "finance", "approver", "supervisor", "admin"}),
    Action.TAKE_NEXT: frozenset({"reviewer", "finance", "approver"}),
    Action.RECORD_CHECKS: frozenset({"reviewer"}),
    Action.DECIDE_REVIEW: frozenset({"reviewer"}),
    Action.CERTIFY_COPY: frozenset({"reviewer", "intake"}),
    Action.REASSIGN: _SUPERVISORS,
    Action.ASSIGN: _SUPERVISORS,
    # The notes speak of the applicant's case: the officers who work it and the supervisor
    # who hands it out, not the system administrator (least privilege).
    Action.READ_NOTES: _CASES | {"supervisor"},
    Action.WRITE_NOTE: _CASES | {"supervisor"},
    Action.OWN_WORKLIST: _OFFICERS,
    Action.QUEUE_DIGESTS: _SYSTEM,
    Action.REGISTER_APPLICATION: frozenset({"intake"}) | _SYSTEM,
    Action.REGISTER_AT_COUNTER: frozenset({"intake"}),
    Action.CLASSIFY: frozenset({"intake"}),
    Action.WITHDRAW: frozenset({"intake", "reviewer"}),
    Action.RETURN_TO_REVIEW: frozenset({"approver", "finance"}),
    Action.APPROVE: frozenset({"approver"}),
    Action.ISSUE_LICENCE: frozenset({"approver"}),
    Action.DELIVER_DOCUMENT: frozenset({"intake", "reviewer"}),
    Action.VERIFY_LICENCE: frozenset({"intake", "reviewer", "approver", "supervisor"}),
    Action.REGISTER_PAPER_LICENCE: frozenset({"approver", "supervisor"}),
    Action.RUN_SYNC: frozenset({"intake", "reviewer", "admin"}),
    Action.HANDLE_QUARANTINE: frozenset({"intake", "reviewer"}),
    Action.REQUEUE_MAIL: frozenset({"intake", "reviewer", "admin"}),
    Action.VIEW_NOT_REQUESTS: frozenset({"intake", "admin"}),
    Action.TAKE_AS_REQUEST: frozenset({"intake"}),
    Action.CONFIRM_APPLICANT: frozenset({"intake"}),
    Action.SYNC_CATALOG: frozenset({"admin"}) | _SYSTEM,
    Action.VIEW_CATALOG: _OFFICERS,
    Action.EDIT_CALENDAR: frozenset({"admin"}) | _SYSTEM,
    Action.CREATE_USER: frozenset({"admin"}) | _SYSTEM,
    Action.UNLOCK_USER: frozenset({"admin"}),
    Action.MANAGE_OFFICERS: frozenset({"admin"}),
    Action.READ_REPORTS: _SUPERVISORS,
    Action.READ_AUDIT: frozenset({"admin"}),
    Action.MANAGE_SETTINGS: frozenset({"admin"}),
    Action.BACK_UP_NOW: frozenset({"admin"}),
    Action.EXPORT_ARCHIVE: frozenset({"supervisor", "approver"}),
    # The list names requests, not their content: the records' keeper (admin) or a supervisor.
    Action.LIST_FOR_DESTRUCTION: _SUPERVISORS,
    Action.DESTROY_RECORDS: frozenset({"admin"}),
    Action.VERIFY_PAYMENT: frozenset({"finance"}),
    Action.RECORD_REFUND: frozenset({"finance"}),
    Action.SET_FEE_ACCOUNT: frozenset({"admin"}) | _SYSTEM,
}


def may(roles: Iterable[str], action: Action) -> bool:
    """Whether the holder of ``roles`` may take ``action``."""
    return not ACCESS[action].isdisjoint(roles)


def require(actor: Actor, action: Action) -> None:
    """Raise PermissionDenied (Thai and English) unless ``actor`` may take ``action``."""
    if not may(actor.roles, action):
        actor.require(*sorted(ACCESS[action]))  # raises, naming the roles that would do
