"""Creating applications and moving them through their life cycle.

Tracking numbers carry the agency code, the station code and the Buddhist Era
year (``NKK-ST1-2569-000042``), so numbers from different stations never clash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from models import Applicant, Application, Payment, ServiceType, SlaPause, TrackingCounter, new_id
from services.access.table import Action, require
from services.cases.search import index_application
from services.catalog.versions import spec_for, version_for_new_request
from services.kernel.calendar import BusinessCalendar
from services.kernel.channels import INTAKE_CHANNELS
from services.kernel.clock import BANGKOK
from services.kernel.errors import IllegalTransition, InvalidInput, NotFound
from services.kernel.statuses import PAUSED_STATUSES, STATUSES, TRANSITIONS
from services.kernel.thai_id import normalize_national_id
from services.kernel.unit_of_work import UnitOfWork

__all__ = [
    "CONSENT_KEY",
    "NewApplicant",
    "consent_of",
    "expect_applicants",
    "change_status",
    "create_application",
    "find_or_create_applicant",
    "next_tracking_number",
    "recompute_sla",
]


CONSENT_KEY = "_personal_data_consent"
"""Where an applicant's answer to the consent box is kept in ``Application.form_data``
(``{"given": bool, "at": ISO time, "by": officer}``); catalog form keys never start with "_",
so no form field can overwrite it (PDPA s.19, M27)."""


def consent_of(form_data: Mapping[str, Any]) -> bool | None:
    """The recorded consent answer, or None when none was asked."""
    entry = form_data.get(CONSENT_KEY)
    given = entry.get("given") if isinstance(entry, dict) else None
    return given if isinstance(given, bool) else None


@dataclass(frozen=True)
class NewApplicant:
    kind: str  # "person" | "juristic"
    name_th: str
    title_th: str = ""
    name_en: str = ""
    national_id: str | None = None
    representative_th: str = ""
    email: str = ""
    phone: str = ""
    address_th: str = ""


def next_tracking_number(
    uow: UnitOfWork, agency_code: str, station_code: str, moment: datetime
) -> str:
    """The next number of the station's counter for the Buddhist Era year of ``moment``.

    The counter moves in the store, in one statement (``last_number = last_number + 1``,
    returning the new value): two writers can never read the same value and both use it.
    """
    be_year = moment.astimezone(BANGKOK).year + 543
    number = _bump_counter(uow, station_code, be_year)
    if number is None:
        # The first number of the year: create the row. Should another writer create it
        # first (a server database lets both try), the savepoint leaves ours out and the
        # bump then takes the next number of theirs.
        try:
            with uow.session.begin_nested():
                uow.session.add(
                    TrackingCounter(station_code=station_code, be_year=be_year, last_number=1)
                )
            number = 1
        except IntegrityError:
            number = _bump_counter(uow, station_code, be_year)
            assert number is not None
    return f"{agency_code}-{station_code}-{be_year}-{number:06d}"


_COUNTERS = cast(Table, TrackingCounter.__table__)
_BUMP = (
    update(_COUNTERS)
    .where(
        _COUNTERS.c.station_code == bindparam("station"), _COUNTERS.c.be_year == bindparam("year")
    )
    .values(last_number=_COUNTERS.c.last_number + 1)
    .returning(_COUNTERS.c.last_number)
)
"""Built once: intake numbers a group of requests in a row, and building this statement (an
ORM update) cost more than running it. On the table, so no ORM object is synchronised."""


def _bump_counter(uow: UnitOfWork, station_code: str, be_year: int) -> int | None:
    # No autoflush: the application the number is for is not needed in the store yet.
    with uow.session.no_autoflush:
        bumped: int | None = uow.session.execute(
            _BUMP, {"station": station_code, "year": be_year}
        ).scalar_one_or_none()
    return bumped


_BY_EMAIL = "applicants_by_email"
"""session.info pin: a batch's addresses and the applicant each names, or None (no one yet)."""
_CHUNK = 500  # bound parameters per query, well under every database's limit


def expect_applicants(uow: UnitOfWork, emails: Iterable[str]) -> None:
    """Look up a batch's addresses in one query, so each :func:`find_or_create_applicant`
    skips its own (intake registers up to a group of requests in one transaction).

    The answers are kept for the transaction, and an applicant registered in it is added, so
    a second request from the same address finds her as the query would have. A SAVEPOINT's
    rollback drops them with every pin (models.store): lookups then go to the store again.
    """
    wanted = list(dict.fromkeys(e.lower() for e in emails if e))
    known: dict[str, Applicant | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for found in uow.session.scalars(select(Applicant).where(Applicant.email.in_(chunk))):
            known[found.email] = known[found.email] or found
    uow.session.info[_BY_EMAIL] = known


def _by_email(uow: UnitOfWork, email: str) -> Applicant | None:
    known: dict[str, Applicant | None] | None = uow.session.info.get(_BY_EMAIL)
    if known is not None and email in known:
        return known[email]
    return uow.session.scalar(select(Applicant).where(Applicant.email == email).limit(1))


def find_or_create_applicant(uow: UnitOfWork, data: NewApplicant) -> Applicant:
    """National ID is stored once: a known ID (or a known e-mail without one) is reused."""
    national_id = normalize_national_id(data.national_id) if data.national_id else None
    existing: Applicant | None = None
    if national_id:
        existing = uow.session.scalar(select(Applicant).where(Applicant.national_id == national_id))
    elif data.email:
        existing = _by_email(uow, data.email.lower())
    if existing is not None:
        return existing
    if data.kind not in ("person", "juristic"):
        raise InvalidInput("ประเภทผู้ยื่นไม่ถูกต้อง", "Applicant kind must be person or juristic.")
    applicant = Applicant(
        id=new_id(),  # known now: the rows that name it need no flush to learn it
        kind=data.kind,
        title_th=data.title_th,
        name_th=data.name_th.strip(),
        name_en=data.name_en.strip(),
        national_id=national_id,
        representative_th=data.representative_th,
        email=data.email.lower(),
        phone=data.phone,
        address_th=data.address_th,
        created_at=uow.now,
    )
    if national_id is None:
        # Nothing unique to collide with (an e-mail may be shared): no SAVEPOINT, no flush
        # of its own; the row goes out with the transaction's next flush.
        uow.session.add(applicant)
    else:
        try:
            with uow.session.begin_nested():
                uow.session.add(applicant)
                uow.session.flush()
        except IntegrityError:
            # On the agency's server another station may register the same ID between our
            # read and our write (stations do not queue behind each other): theirs is the
            # applicant.
            existing = uow.session.scalar(
                select(Applicant).where(Applicant.national_id == national_id)
            )
            if existing is None:
                raise
            return existing
    known: dict[str, Applicant | None] | None = uow.session.info.get(_BY_EMAIL)
    if known is not None and applicant.email and known.get(applicant.email) is None:
        known[applicant.email] = applicant  # the next request from this address finds her
    # The ID itself stays out of the log payload: the event says only that one was given.
    uow.record(
        "applicant.registered",
        "applicant",
        applicant.id,
        {"kind": data.kind, "name_th": applicant.name_th, "has_national_id": bool(national_id)},
    )
    return applicant


def create_application(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    *,
    agency_code: str,
    station_code: str,
    channel: str,
    received_at: datetime,
    subject: str,
    body_text: str = "",
    applicant: Applicant | None = None,
    service_code: str | None = None,
    source_key: str | None = None,
    reply_to: str = "",
    form_data: dict[str, Any] | None = None,
) -> Application:
    """Register a request: deemed-received time, SLA due date, tracking number, event."""
    require(uow.actor, Action.REGISTER_APPLICATION)
    if channel not in INTAKE_CHANNELS:
        raise InvalidInput("ช่องทางรับเรื่องไม่ถูกต้อง", f"Unknown channel {channel!r}.")
    service: ServiceType | None = None
    if service_code:
        service = _service(uow, service_code)
        if service is None:
            raise NotFound(
                f"ไม่พบบริการรหัส {service_code} ในคู่มือประชาชน",
                f"No service with code {service_code} in the catalog.",
            )
    deemed = calendar.deemed_received_at(received_at)
    application = Application(
        id=new_id(),
        tracking_number=next_tracking_number(uow, agency_code, station_code, deemed),
        service_type_id=service.id if service else None,
        catalog_version=version_for_new_request(uow.session) if service else None,
        applicant_id=applicant.id if applicant else None,
        # The object too: read back before the row is written (the acknowledgement's name).
        applicant=applicant,
        station_id=uow.station_id,
        channel=channel,
        subject=subject,
        body_text=body_text,
        reply_to=reply_to,
        source_key=source_key,
        received_at=received_at,
        deemed_received_at=deemed,
        sla_due_at=(
            calendar.sla_due_at(deemed, service.sla_business_days) if service is not None else None
        ),
        status="received" if service else "unclassified",
        form_data=form_data or {},
        created_at=uow.now,
        updated_at=uow.now,
    )
    uow.session.add(application)
    uow.record(
        "application.received",
        "application",
        application.id,
        {
            "tracking_number": application.tracking_number,
            "channel": channel,
            "service": service_code,
            "applicant_id": applicant.id if applicant else None,
            "received_at": received_at.isoformat(),
            "deemed_received_at": deemed.isoformat(),
            "sla_due_at": application.sla_due_at.isoformat() if application.sla_due_at else None,
            "status": application.status,
        },
    )
    index_application(uow.session, application.id)
    return application


def _service(uow: UnitOfWork, code: str) -> ServiceType | None:
    # Cached per transaction: a query here would autoflush the previous
    # application on every call and defeat batched inserts during a sync.
    cache: dict[str, ServiceType | None] = uow.session.info.setdefault("services", {})
    if code not in cache:
        cache[code] = uow.session.scalar(select(ServiceType).where(ServiceType.code == code))
    return cache[code]


def recompute_sla(application: Application, calendar: BusinessCalendar, now: datetime) -> None:
    service_days = _service_days(application)
    if service_days is None:
        application.sla_due_at = None
        return
    pauses = [(p.started_at, p.ended_at) for p in application.pauses]
    application.sla_due_at = calendar.sla_due_at(
        application.deemed_received_at, service_days, pauses, now=now
    )


def _service_days(application: Application) -> int | None:
    if application.service_type_id is None:
        return None
    session = object_session(application)
    if session is None:  # a programming error: SLA needs the catalog, read in the session
        raise RuntimeError(f"application {application.id} is not attached to a session")
    # The SLA of the catalog version the request was received under, not today's.
    spec = spec_for(session, application)
    return spec.sla_business_days if spec else None


# Leaving the fee's wait for approval or issuing needs a verified payment (requirements P6):
# whoever holds the finance role, no other path skips the check.
_PAST_THE_FEE = frozenset(
    {("payment_to_verify", "ready_for_approval"), ("payment_to_verify", "approved")}
)


def _fee_gate(session: Session, application: Application, old: str, new: str) -> None:
    if (old, new) == ("approved", "issued"):
        # Nothing is issued while a payment of the request is still open (due, or evidence
        # not yet checked); approval itself moves a fee due before issue to "payment due".
        waiting = session.scalar(
            select(Payment.id)
            .where(
                Payment.application_id == application.id,
                Payment.status.in_(("due", "submitted")),
            )
            .limit(1)
        )
        if waiting is not None:
            raise IllegalTransition(
                f"คำขอ {application.tracking_number} ยังมีค่าธรรมเนียมที่รอชำระหรือรอตรวจสอบ "
                "จึงออกเอกสารไม่ได้ — ให้เจ้าหน้าที่การเงินตรวจสอบการชำระก่อน ไม่มีข้อมูลใดเปลี่ยนแปลง",
                f"Application {application.tracking_number} still has a fee unpaid or not yet "
                "verified, so nothing can be issued. A finance officer must verify the payment "
                "first. Nothing was changed.",
            )
        return
    if (old, new) not in _PAST_THE_FEE:
        return
    verified = session.scalar(
        select(Payment.id)
        .where(Payment.application_id == application.id, Payment.status == "verified")
        .limit(1)
    )
    if verified is None:
        raise IllegalTransition(
            f"คำขอ {application.tracking_number} ยังไม่มีการชำระค่าธรรมเนียมที่ตรวจสอบแล้ว จึงผ่านขั้นตอน"
            "ชำระค่าธรรมเนียมไม่ได้ — ให้เจ้าหน้าที่การเงินตรวจสอบหลักฐานการชำระก่อน ไม่มีข้อมูลใดเปลี่ยนแปลง",
            f"Application {application.tracking_number} has no verified payment, so it cannot "
            "pass the fee step. A finance officer must verify the payment first. Nothing was "
            "changed.",
        )


def change_status(
    uow: UnitOfWork,
    calendar: BusinessCalendar,
    application_id: str,
    new_status: str,
    *,
    reason: str = "",
    extra: dict[str, Any] | None = None,
) -> Application:
    """Move an application along an allowed transition, pausing the SLA where the rules say."""
    application = uow.session.get(Application, application_id)
    if application is None:
        raise NotFound("ไม่พบคำขอ", f"No application with id {application_id}.")
    old = application.status
    if new_status not in STATUSES:
        raise InvalidInput("สถานะไม่ถูกต้อง", f"Unknown status {new_status!r}.")
    allowed = TRANSITIONS.get((old, new_status))
    if allowed is None:
        raise IllegalTransition(
            f"เปลี่ยนสถานะคำขอ {application.tracking_number} จาก "
            f"“{STATUSES[old].label_th}” เป็น “{STATUSES[new_status].label_th}” ไม่ได้ "
            "ตามขั้นตอนของงาน — ไม่มีข้อมูลใดเปลี่ยนแปลง",
            f"Application {application.tracking_number} cannot go from "
            f"“{STATUSES[old].label_en}” to “{STATUSES[new_status].label_en}”. "
            "Nothing was changed.",
        )
    uow.actor.require(*sorted(allowed))
    _fee_gate(uow.session, application, old, new_status)
    if old in PAUSED_STATUSES:
        for pause in application.pauses:
            if pause.ended_at is None:
                pause.ended_at = uow.now
    if new_status in PAUSED_STATUSES:
        pause = SlaPause(
            application_id=application.id, started_at=uow.now, reason=reason or new_status
        )
        uow.session.add(pause)
        application.pauses.append(pause)
    application.status = new_status
    application.updated_at = uow.now
    if STATUSES[new_status].closed:
        application.closed_at = uow.now
    recompute_sla(application, calendar, uow.now)
    payload: dict[str, Any] = {"from": old, "to": new_status, "reason": reason}
    payload.update(extra or {})
    uow.record("application.status_changed", "application", application.id, payload)
    return application
