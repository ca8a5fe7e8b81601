"""Approve and sign a selection of requests with one PIN (one signing method per batch).

For each request, in the order given: draw the memo (:func:`prepare_approval`), sign it,
validate the signature at once against the agency's trust roots, then store it all in one
transaction (:func:`record_approval`). Between requests the caller may cancel; a token that
fails or is pulled out stops the batch. Either way what was signed stays signed and the rest
stay in the queue: nothing is stored for a request until its signed memo validated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Application, ServiceType
from services.access.table import Action, require
from services.approval.approver import Approver, read_approver
from services.approval.decisions import SignedRecord, prepare_approval, record_approval
from services.approval.summary import service_spec_of
from services.catalog.loader import ServiceSpec
from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError
from services.kernel.unit_of_work import UnitOfWork
from services.produce.sign.choice import SigningSettings, ways_for
from services.produce.sign.errors import (
    PinLocked,
    SigningFailed,
    TokenMissing,
    TokenModuleUnusable,
    TokenRemoved,
)
from services.produce.sign.methods import SigningMethod
from services.produce.sign.strength import KeyKind, require_strength
from services.produce.sign.verify import validation_context, verify_pdf
from services.review import load_application
from services.store.context import AppContext

__all__ = ["BatchItem", "BatchOutcome", "BatchWays", "approve_batch", "batch_ways"]

log = logging.getLogger(__name__)

# Failures of the token or the signing library: the next request would fail the same way.
_STOPS = (TokenRemoved, TokenMissing, TokenModuleUnusable, PinLocked, SigningFailed)


@dataclass(frozen=True)
class BatchItem:
    application_id: str
    conditions: tuple[str, ...]


@dataclass(frozen=True)
class BatchOutcome:
    approved: tuple[str, ...]
    """Application ids approved and stored, in order."""
    failed: tuple[tuple[str, str, str], ...]
    """(application id, Thai, English) of requests skipped for a reason of their own."""
    stopped: AnuyatError | None
    """Why the batch stopped early (the token), else None."""
    cancelled: bool
    remaining: tuple[str, ...]
    """Application ids not attempted (after a stop or a cancel)."""
    timestamp_pending: tuple[str, ...] = ()
    """Application ids signed without the time-stamp the agency wants (its TSA was not
    reachable): queued, to be added later (:mod:`services.approval.timestamps`)."""


def approve_batch(
    context: AppContext,
    actor: Actor,
    items: Sequence[BatchItem],
    method: SigningMethod,
    trust_roots: list[asn1_x509.Certificate],
    *,
    progress: Callable[[int, int, str], None] = lambda done, total, tracking: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> BatchOutcome:
    approver = _begin(context, actor, items, method)
    approved: list[str] = []
    pending: list[str] = []
    failed: list[tuple[str, str, str]] = []
    total = len(items)
    location = context.agency_code
    # One validation context for the batch's new signatures: one certificate makes them all.
    checking = validation_context(trust_roots) if method.signature_type > 1 else None
    for index, item in enumerate(items):
        if cancelled():
            return BatchOutcome(
                tuple(approved), tuple(failed), None, True, _ids(items[index:]), tuple(pending)
            )
        try:
            # Reading and drawing write nothing: no write lock is held for them (the sync may
            # write meanwhile); record_approval locks the request and checks it again.
            with context.read() as session:
                reading = UnitOfWork(
                    session, approver.actor, context.clock.now(), context.station_id
                )
                draft = prepare_approval(
                    reading, approver, item.application_id, item.conditions, method.signature_type
                )
            signed_pdf = method.sign(draft.memo, reason="อนุมัติ / Approved", location=location)
            if method.signature_type > 1:
                result = verify_pdf(signed_pdf, trust_roots, just_signed=True, shared=checking)
                if not (result.signatures and all(s.intact and s.valid for s in result.signatures)):
                    raise SigningFailed(detail="the new signature did not validate")
            late = method.timestamp_wanted and not method.last_timestamped
            record = SignedRecord(
                signed_pdf, method.signature_type, method.certificate_subject,
                method.certificate_sha256, timestamp_pending=late,
            )  # fmt: skip
            # One action: the approver was read as it began (_begin), not again per request.
            with context.unit_of_work(approver.actor, checked_at_start=True) as uow:
                record_approval(uow, context.calendar, context.store.blobs, approver, draft, record)
        except _STOPS as exc:
            log.warning("batch stopped at item %d of %d: %s", index + 1, total, exc.code)
            return BatchOutcome(
                tuple(approved), tuple(failed), exc, False, _ids(items[index:]), tuple(pending)
            )
        except AnuyatError as exc:
            failed.append((item.application_id, exc.th, exc.en))
            progress(index + 1, total, "")
            continue
        approved.append(item.application_id)
        if late:
            pending.append(item.application_id)
        progress(index + 1, total, draft.tracking_number)
    return BatchOutcome(tuple(approved), tuple(failed), None, False, (), tuple(pending))


def _begin(
    context: AppContext, actor: Actor, items: Sequence[BatchItem], method: SigningMethod
) -> Approver:
    """The approver as the store knows them now (account, roles, name), read once for the
    whole batch; and refuse the whole batch, before anything is signed, when one of its
    services needs a stronger signature than this way of signing gives (and say why)."""
    with context.read() as session:
        approver = read_approver(session, actor)
        require(approver.actor, Action.APPROVE)
        for service, spec in _services_of(session, _ids(items)):
            if method.signature_type < spec.min_signature_type:
                facts = getattr(method, "facts", None)
                require_strength(
                    spec.min_signature_type,
                    method.kind,
                    facts,
                    chains_to_roots=bool(getattr(method, "chains_to_roots", False)),
                    service_th=service.name_th,
                    service_en=service.name_en,
                )
    return approver


@dataclass(frozen=True)
class BatchWays:
    """How a batch may be signed: the ways to offer, and the signature type its strictest
    service needs (the dialog names it when it refuses the password)."""

    ways: tuple[KeyKind, ...]
    min_signature_type: int


def batch_ways(
    session: Session, settings: SigningSettings, application_ids: Sequence[str]
) -> BatchWays:
    """The ways of signing offered for a batch: one way signs every request in it, so the
    strictest of its services decides (and the agency's settings, :func:`ways_for`)."""
    strictest = 1
    for _, spec in _services_of(session, application_ids):
        strictest = max(strictest, spec.min_signature_type)
    return BatchWays(ways_for(settings, strictest), strictest)


def _services_of(
    session: Session, application_ids: Sequence[str]
) -> list[tuple[ServiceType, ServiceSpec]]:
    """The service and its rules (of the catalog version each was received under) of each
    request, read in one query for all the requests rather than one each."""
    found = {
        a.id: a
        for a in session.scalars(select(Application).where(Application.id.in_(application_ids)))
    }
    known: dict[tuple[str | None, int | None], tuple[ServiceType, ServiceSpec]] = {}
    services = []
    for application_id in application_ids:
        application = found.get(application_id) or load_application(
            session, application_id, lock=False
        )  # not found: refused as one request alone would be
        key = (application.service_type_id, application.catalog_version)
        if key not in known:
            known[key] = service_spec_of(session, application)
        services.append(known[key])
    return services


def _ids(items: Sequence[BatchItem]) -> tuple[str, ...]:
    return tuple(i.application_id for i in items)
