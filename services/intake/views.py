"""Frozen read models of intake: sync state, quarantine, counter registration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.intake.types import InspectedFile, ParsedAttachment
from services.kernel.channels import Channel

__all__ = [
    "CounterRequest",
    "NotRequestRow",
    "QuarantineRow",
    "ServiceOption",
    "SyncStatusRow",
    "SyncSummary",
]


@dataclass(frozen=True)
class SyncStatusRow:
    component: str  # "mail:<source>", "drive", "outbox"
    state: str  # ok | working | offline | error | never
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    error_th: str
    error_en: str
    processed: int
    pending: int


@dataclass(frozen=True)
class SyncSummary:
    new: int
    appended: int
    quarantined: int
    sent: int
    problems_th: tuple[str, ...]
    problems_en: tuple[str, ...]
    set_aside: int = 0  # mail that is not a request, put in the "Not requests" tray


@dataclass(frozen=True)
class QuarantineRow:
    id: str
    filename: str
    content_type: str
    size: int
    reason_code: str
    reason_th: str
    reason_en: str
    channel: Channel
    tracking_number: str | None
    created_at: datetime
    """When intake held the file (the sync that read it)."""
    status: str  # held | released | discarded
    received_at: datetime | None = None
    """When the mail or file reached the agency (the server's time, as its message records it);
    None only for a hold with no recorded message. Screens show this as "Received"."""


@dataclass(frozen=True)
class NotRequestRow:
    """A mail set aside as not a request (the "Not requests" tray); reasons are officer text."""

    id: str
    sender_name: str
    sender_address: str
    subject: str
    received_at: datetime
    reason_code: str  # delivery_report | auto_reply | bulk | machine_notice
    reason_th: str
    reason_en: str
    status: str  # set_aside | taken_as_request
    tracking_number: str | None  # the request it became, once taken


@dataclass(frozen=True)
class ServiceOption:
    code: str
    name_th: str
    name_en: str
    needs_consent: bool = False
    """The service's lawful basis is consent: the counter form asks (box never pre-ticked)."""
    purpose_th: str = ""
    purpose_en: str = ""
    asks_premises: bool = False
    """Its licence says where it holds (``services.issuing.premises``): the counter form
    offers a field for the premises address, which the issue dialog later starts from."""


@dataclass(frozen=True)
class CounterRequest:
    """A request brought to the counter or phoned in, typed by the intake officer."""

    applicant_kind: str  # "person" | "juristic"
    applicant_name: str
    national_id: str
    email: str
    phone: str
    service_code: str | None
    subject: str
    note: str
    files: tuple[str, ...]  # paths of scans (shared drive or file picker)
    premises_address: str = ""
    """Where the licence will hold, when the applicant said so at the counter (optional)."""
    personal_data_consent: bool | None = None
    """For a service whose lawful basis is consent: the applicant's answer to the consent box
    (never pre-ticked). None: the service rests on another basis, nothing was asked."""
    # The files already read (``read_counter_files``), so registering touches no disk.
    contents: tuple[ParsedAttachment, ...] | None = None
    # ... and judged as intake judges mail (the viewer's engine on each PDF, which may take
    # its whole time limit), so registering in the one database worker waits on no PDF.
    inspected: tuple[InspectedFile, ...] | None = None
