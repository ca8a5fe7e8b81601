"""The demo's data model: addresses, people, applicants, requests, attachments, the render
context. Plain frozen data, imported by the loaders (:mod:`demo.content`) and the renderers
(:mod:`demo.pdfs`, :mod:`demo.images`) alike, so imports go one way: model ← renderers ← content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal

__all__ = [
    "PROGRESS_STEPS",
    "AttachmentKind",
    "DemoAddress",
    "DemoApplicant",
    "DemoAttachment",
    "DemoPerson",
    "DemoRequest",
    "RenderContext",
]


class AttachmentKind(StrEnum):
    """The files a demo request can carry."""

    APPLICATION_FORM = "application_form"  # PDF: the service's form, filled in
    HOUSE_REGISTRATION = "house_registration"  # PDF: copy of a house registration page
    SITE_MAP = "site_map"  # PDF: hand-made map of the premises
    POWER_OF_ATTORNEY = "power_of_attorney"  # PDF: หนังสือมอบอำนาจ for the delegate
    COMPANY_CERTIFICATE = "company_certificate"  # PDF: juristic registration, signatories
    ID_CARD_PHOTO = "id_card_photo"  # JPEG: the signer's (sample) identity card
    DELEGATE_ID_CARD_PHOTO = "delegate_id_card_photo"  # JPEG: the delegate's card
    PAYMENT_SLIP = "payment_slip"  # JPEG: a bank-app transfer screenshot
    LOW_RES_PHOTO = "low_res_photo"  # JPEG: the form photographed, too small to read well
    PREMISES_CONSENT = "premises_consent"  # PDF: the owner lets the applicant use the premises
    FLOOR_PLAN = "floor_plan"  # PDF: hand-drawn plan of the premises, machines, waste trap


#: The statuses the demo's officers take a request to, each through the real services:
#: the reviewer's checks and decisions, the approver's decision, the fee falling due, the
#: fee paid, the licence issued and delivered.
PROGRESS_STEPS = (
    "in_review",
    "waiting_applicant",
    "ready_for_approval",
    "payment_due",
    "issued",
    "delivered",
)


@dataclass(frozen=True)
class DemoAddress:
    """A Thai postal address (all parts fictional)."""

    house_no: str
    tambon: str
    amphoe: str
    changwat: str
    postcode: str
    moo: str = ""
    soi: str = ""
    road: str = ""

    @property
    def text_th(self) -> str:
        """One line, as written on forms: ``45/2 หมู่ 3 ถนนริมธาร ตำบลท่าน้ำใส …``."""
        parts = [self.house_no]
        if self.moo:
            parts.append(f"หมู่ {self.moo}")
        if self.soi:
            parts.append(f"ซอย{self.soi}")
        if self.road:
            parts.append(f"ถนน{self.road}")
        parts += [
            f"ตำบล{self.tambon}",
            f"อำเภอ{self.amphoe}",
            f"จังหวัด{self.changwat}",
            self.postcode,
        ]
        return " ".join(parts)


@dataclass(frozen=True)
class DemoPerson:
    """A natural person: an applicant, a juristic person's signatory, a delegate."""

    title_th: str
    first_name_th: str
    last_name_th: str
    title_en: str
    first_name_en: str
    last_name_en: str
    national_id: str
    birth_date: date
    address: DemoAddress
    nationality_th: str = "ไทย"
    nationality_en: str = "Thai"

    @property
    def name_th(self) -> str:
        """The title joined to the first name, as Thai documents write it."""
        return f"{self.title_th}{self.first_name_th} {self.last_name_th}"

    @property
    def name_en(self) -> str:
        return f"{self.title_en} {self.first_name_en} {self.last_name_en}"


@dataclass(frozen=True)
class DemoApplicant:
    """An applicant: a person, or a juristic person acting through ``signer``."""

    key: str
    kind: Literal["person", "juristic"]
    name_th: str
    name_en: str
    #: 13 digits with a valid check digit: the national id of a person, the juristic
    #: registration number of a company or partnership.
    national_id: str
    address: DemoAddress
    phone: str
    email: str
    #: Who signs: the applicant themself, or the juristic person's authorised signatory.
    signer: DemoPerson
    signer_position_th: str = ""
    signer_position_en: str = ""
    registered_on: date | None = None
    capital_baht: int | None = None

    @property
    def is_juristic(self) -> bool:
        return self.kind == "juristic"


@dataclass(frozen=True)
class DemoRequest:
    """One request as it reaches the agency: who, for which service, when, what is attached."""

    key: str
    kind: str
    applicant_index: int
    service_code: str
    subject: str
    body: str
    #: How long before ``now`` it arrived (``now`` as passed to :func:`demo_requests`).
    received_offset: timedelta
    channel: Literal["email", "drive", "counter"]
    attachments: tuple[AttachmentKind, ...]
    language: Literal["th", "en"] = "th"
    #: Index of the applicant acting under a power of attorney (sends the mail), if any.
    delegate_index: int | None = None
    business_name: str = ""
    activity: str = ""
    area_sqm: int | None = None
    #: The fee shown on the payment slip, if one is attached.
    payment_baht: int = 0
    #: The petition's details as written on the form (petitions only).
    details: str = ""
    #: How far the demo's officers have taken it (a status from :data:`PROGRESS_STEPS`), or
    #: "" to leave it where intake put it.
    progress: str = ""
    #: The officer (user name) the supervisor hands it to, with ``assign_note``; "" for none.
    assign_to: str = ""
    assign_note: str = ""
    #: An internal note the supervisor writes on it (officers only), or "".
    supervisor_note: str = ""

    def received_at(self, now: datetime) -> datetime:
        """When it arrived, given the same ``now`` that :func:`demo_requests` was given."""
        return now - self.received_offset


@dataclass(frozen=True)
class DemoAttachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class RenderContext:
    """Everything a renderer needs about one request."""

    request: DemoRequest
    applicant: DemoApplicant
    delegate: DemoApplicant | None
    received: datetime  # Bangkok wall clock

    @property
    def seed(self) -> str:
        return f"{self.request.key}/{self.applicant.key}"

    @property
    def day(self) -> date:
        return self.received.date()
