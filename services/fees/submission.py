"""Fees due at submission: the request's payment and notice come with its registration.

A service whose catalog says ``due = "at_submission"`` asks for its fee as soon as the
request is registered, whichever way it came (mail, shared drive, counter, or classified
later): :func:`open_submission_fees` runs after each sync and after a counter registration.
The review goes on meanwhile; its end sends the request to "payment due" only while the fee
is not yet verified (``services.review.decisions``).

Each request is taken under a row lock (``SELECT … FOR UPDATE`` on the server database; on
SQLite writers are serial), so two stations sweeping at once never open two payments.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Final

from sqlalchemy import exists, select

from models import Application, Payment, ServiceType
from services.catalog.loader import ServiceSpec
from services.catalog.versions import spec_for
from services.fees.gate import fee_falls_due
from services.kernel.calendar import BusinessCalendar
from services.kernel.statuses import ApplicationStatus
from services.kernel.unit_of_work import UnitOfWork
from services.store.blobstore import BlobStore

__all__ = ["open_submission_fees", "submission_services"]

_BEFORE_DECISION: Final = (
    ApplicationStatus.RECEIVED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.WAITING_APPLICANT,
)


def submission_services(specs: Iterable[ServiceSpec]) -> list[str]:
    """The codes of the catalog's services whose fee is due at submission."""
    return [s.code for s in specs if s.fee.due == "at_submission" and not s.fee.is_free]


def open_submission_fees(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    blobs: BlobStore,
    codes: Collection[str],
    application_ids: Collection[str] | None = None,
) -> int:
    """Open the payment (and queue the notice) of each registered request of ``codes`` that
    has none yet; ``application_ids`` narrows it (a counter registration). Returns how many."""
    if not codes:
        return 0
    query = (
        select(Application.id)
        .join(ServiceType, ServiceType.id == Application.service_type_id)
        .where(
            ServiceType.code.in_(list(codes)),
            Application.status.in_(_BEFORE_DECISION),
            ~exists().where(Payment.application_id == Application.id),
        )
        .order_by(Application.deemed_received_at)
    )
    if application_ids is not None:
        query = query.where(Application.id.in_(list(application_ids)))
    opened = 0
    for application_id in uow.session.scalars(query).all():
        application = uow.session.scalars(
            select(Application)
            .where(Application.id == application_id)
            .with_for_update(of=Application)
        ).one()
        spec = spec_for(uow.session, application)  # the version it was received under
        if spec is None or spec.fee.due != "at_submission" or spec.fee.is_free:
            continue
        taken = uow.session.scalar(
            select(Payment.id).where(Payment.application_id == application.id).limit(1)
        )
        if taken is None and fee_falls_due(uow, calendar, blobs, application.id, "at_submission"):
            opened += 1
    return opened
