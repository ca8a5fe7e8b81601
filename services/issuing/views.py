"""What the issuing page lists: approved requests waiting for their licence, and licences
issued (with their status and whether they reached the applicant)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import Applicant, Application, IssuedDocument, ServiceType
from services.access.table import Action, may
from services.approval.summary import service_spec_of
from services.issuing.premises import suggested_premises
from services.issuing.register import may_revoke
from services.kernel.actors import Actor
from services.kernel.errors import PermissionDenied
from services.kernel.statuses import ApplicationStatus
from services.kernel.thai_id import mask_national_id

__all__ = [
    "IssuedRow",
    "ToIssueRow",
    "issued_row",
    "issued_rows",
    "may_see_lists",
    "require_lists",
    "to_issue_rows",
    "with_request",
]


@dataclass(frozen=True)
class ToIssueRow:
    application_id: str
    tracking_number: str
    service_th: str
    service_en: str
    applicant: str
    channel: str
    min_signature_type: int = 1
    """The weakest signature the service's risk allows on its licence (DGA table 4.1)."""
    premises: str = ""
    """The suggested premises address (:func:`~services.issuing.premises.suggested_premises`),
    for the officer to confirm; shown only to the officers who issue."""


@dataclass(frozen=True)
class IssuedRow:
    issued_id: str
    number: str
    tracking_number: str
    licensee: str
    subject_th: str
    subject_en: str
    issued_at: datetime
    status: str
    """valid | revoked | superseded (stored; expiry is read from the date)"""
    channel: str
    delivered_at: datetime | None
    verification_code: str
    delivery_failed_at: datetime | None = None
    """The last delivery mail bounced (then ``delivered_at`` is None): send it again."""
    delivered_by: str = ""
    """The channel it went by (another than the request's after a bounce), once delivered."""
    origin: str = "system"
    """system | paper (issued on paper before the system and registered by hand: no request,
    nothing to deliver)."""
    may_revoke: bool = False
    """The officer who asked may revoke it (:func:`services.issuing.register.may_revoke`)."""
    valid_until: datetime | None = None
    expired: bool = False
    """Still marked valid but past its expiry when the list was read."""
    holder_id: str = ""
    """The holder's national ID or juristic number, masked as lists show it (PDPA); empty
    for a paper licence (no request behind it)."""


_SEE_LISTS = (Action.ISSUE_LICENCE, Action.DELIVER_DOCUMENT, Action.REGISTER_PAPER_LICENCE)
"""Who sees the issuing lists: who issues, who delivers, and who keeps the paper register
(a supervisor registers and revokes paper licences there)."""


def may_see_lists(roles: frozenset[str]) -> bool:
    return any(may(roles, action) for action in _SEE_LISTS)


def require_lists(actor: Actor) -> None:
    if not may_see_lists(actor.roles):
        raise PermissionDenied(
            "เฉพาะผู้อนุมัติ ผู้กำกับดูแล เจ้าหน้าที่รับเรื่อง และผู้ตรวจสอบ ดูรายการออกใบอนุญาตได้",
            "Only approvers, supervisors, intake officers and reviewers see the issuing lists.",
        )


def to_issue_rows(session: Session, actor: Actor) -> list[ToIssueRow]:
    require_lists(actor)
    query = (
        select(Application, ServiceType)
        .join(ServiceType, ServiceType.id == Application.service_type_id)
        .where(Application.status == ApplicationStatus.APPROVED)
        .order_by(Application.deemed_received_at)
    )
    rows = []
    for app, service in session.execute(query).all():
        who = app.applicant
        rows.append(
            ToIssueRow(
                app.id,
                app.tracking_number,
                service.name_th,
                service.name_en,
                f"{who.title_th}{who.name_th}" if who else "-",
                app.channel,
                service_spec_of(session, app)[1].min_signature_type,
                suggested_premises(app),
            )
        )
    return rows


def issued_row(
    d: IssuedDocument,
    tracking: str | None,
    channel: str | None,
    national_id: str | None,
    actor: Actor,
    now: datetime,
) -> IssuedRow:
    """One entry as the lists show it, with its request's tracking number and channel and
    its applicant's ID (all None for a paper licence), as :func:`with_request` reads them."""
    return IssuedRow(
        d.id,
        d.document_number,
        tracking or "",
        d.licensee,
        d.subject_th,
        d.subject_en,
        d.issued_at,
        d.status,
        channel or "",
        d.delivered_at,
        d.verification_code,
        d.delivery_failed_at,
        d.delivery_channel,
        d.origin,
        d.status == "valid" and may_revoke(actor.roles, d.origin),
        d.valid_until,
        d.status == "valid" and d.valid_until is not None and d.valid_until < now,
        mask_national_id(national_id) if national_id else "",
    )


def with_request() -> Select[IssuedDocument, str | None, str | None, str | None]:
    """Entries with the few columns of their request the lists show: not the request and
    applicant themselves (loading those whole costs more than the rest of the page)."""
    return (
        select(
            IssuedDocument, Application.tracking_number, Application.channel, Applicant.national_id
        )
        .outerjoin(Application, Application.id == IssuedDocument.application_id)
        .outerjoin(Applicant, Applicant.id == Application.applicant_id)
    )


def issued_rows(session: Session, actor: Actor, now: datetime, limit: int = 500) -> list[IssuedRow]:
    """The register's entries, the latest issued first: the system's licences and those
    registered from paper (no request behind them, so no tracking number or channel)."""
    require_lists(actor)
    query = (
        with_request()
        .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.document_number)
        .limit(limit)
    )
    return [issued_row(*row, actor, now) for row in session.execute(query)]
