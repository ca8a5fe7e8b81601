"""The monthly report an agency sends upward: per service, what came in, what was finished,
within or past the SLA, how long it took, and the fees collected.

Definitions (the PDF and the spreadsheet repeat them under the table):

* **received** — requests that *arrived* in the period (local day of ``received_at``), as the
  dashboard counts intake; one that arrived at 23:59 on the last day is in, although it is
  deemed received the next business morning;
* **completed** — requests whose status became *issued* or *refused* in the period (the
  moment of that status change, read from the audit log: the current row only knows the
  current status); **within / past SLA** compare that moment with the request's SLA due
  moment (requests refused before classification had no SLA and are in neither);
* **withdrawn** — status became *withdrawn* in the period;
* **open at end** — arrived before the period ended and neither completed nor withdrawn by
  then (still open today, or finished later);
* **average / 90th percentile business days** — open time from the deemed receipt to the
  outcome, without the time spent waiting for the applicant, over the completed requests;
* **fees** — payments verified in the period (zero while the store records none);
* **requests for licence data** — received, answered in time or late, open at the end (and
  of those, past due): one line under the table (:mod:`services.reports.data_requests`).

Everything is counted in SQL that SQLite and PostgreSQL both run (``GROUP BY``, ``EXISTS``);
only the business-day durations are computed here, with the calendar, for the completed
requests. A status change is found by the event's type and the ``to`` field at the top of its
payload, read by the engine's JSON functions (:func:`models.payload.payload_text`): a reason,
a note or a nested record that merely mentions a status word is not a status change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Final

from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.orm import Session

from models import Agency, Application, Event, Payment, ServiceType, SlaPause
from models.payload import payload_text
from services.kernel.calendar import BusinessCalendar
from services.kernel.clock import utc
from services.kernel.statuses import ApplicationStatus
from services.reports.data_requests import data_request_figures
from services.reports.durations import business_days_taken, mean, percentile
from services.reports.period import ReportPeriod
from services.reports.views import MonthlyReport, ServiceFigures

__all__ = ["COMPLETING", "UNCLASSIFIED", "monthly_report"]

COMPLETING: Final = (ApplicationStatus.ISSUED, ApplicationStatus.REJECTED)
"""Status changes that complete a request: a licence issued, or the request refused."""
_ENDING: Final = (*COMPLETING, ApplicationStatus.WITHDRAWN)
UNCLASSIFIED: Final = ("ยังไม่จำแนกประเภท", "Unclassified")
_STATUS_CHANGED: Final = "application.status_changed"
_P90: Final = 0.9

_ServiceKey = str | None

# What a receipt was for (services.fees.receipts.received_satang): the fee, or the part paid
# of a short payment; the month's fees then equal its receipts in the ledger.
_RECEIVED = case(
    (Payment.status == "short", func.coalesce(Payment.paid_satang, 0)),
    else_=Payment.amount_satang,
)


def _became(statuses: Iterable[str]) -> ColumnElement[bool]:
    """The event's payload says the status became one of ``statuses`` (see the docstring)."""
    return payload_text(Event.payload, "to").in_([str(status) for status in statuses])


def monthly_report(
    session: Session, calendar: BusinessCalendar, period: ReportPeriod, now: datetime
) -> MonthlyReport:
    start, end = period.bounds(calendar.tz)
    received = _count_by_service(
        session,
        select(Application.service_type_id, func.count())
        .where(Application.received_at >= start, Application.received_at < end)
        .group_by(Application.service_type_id),
    )
    withdrawn = _count_by_service(
        session,
        select(Application.service_type_id, func.count(func.distinct(Application.id)))
        .join(Event, Event.aggregate_id == Application.id)
        .where(
            Event.type == _STATUS_CHANGED,
            Event.aggregate_type == "application",
            Event.occurred_at >= start,
            Event.occurred_at < end,
            _became([ApplicationStatus.WITHDRAWN]),
        )
        .group_by(Application.service_type_id),
    )
    ended_by_then = exists().where(
        Event.aggregate_id == Application.id,
        Event.type == _STATUS_CHANGED,
        Event.aggregate_type == "application",
        Event.occurred_at < end,
        _became(_ENDING),
    )
    open_at_end = _count_by_service(
        session,
        select(Application.service_type_id, func.count())
        .where(Application.received_at < end, ~ended_by_then)
        .group_by(Application.service_type_id),
    )
    fees = _count_by_service(
        session,
        select(Application.service_type_id, func.coalesce(func.sum(_RECEIVED), 0))
        .join(Application, Application.id == Payment.application_id)
        .where(
            Payment.status.in_(("verified", "short")),
            Payment.verified_at >= start,
            Payment.verified_at < end,
        )
        .group_by(Application.service_type_id),
    )
    completions = _completions(session, calendar, start, end)

    names = {
        row.id: (row.code, row.name_th, row.name_en, row.active)
        for row in session.execute(
            select(ServiceType.id, ServiceType.code, ServiceType.name_th, ServiceType.name_en,
                   ServiceType.active)
        )
    }  # fmt: skip
    busy = set(received) | set(withdrawn) | set(open_at_end) | set(fees) | set(completions)
    # Every service in force is listed (a zero is an answer too); a retired one only if it
    # still had work in the period; the unclassified line only when it has something.
    keys: list[_ServiceKey] = sorted(
        (sid for sid, (_c, _t, _e, active) in names.items() if active or sid in busy),
        key=lambda sid: names[sid][0],
    )
    if None in busy:
        keys.append(None)

    rows = []
    for key in keys:
        code, name_th, name_en = names[key][:3] if key is not None else ("", *UNCLASSIFIED)
        rows.append(
            _figures(
                code or "-",
                name_th,
                name_en,
                received.get(key, 0),
                withdrawn.get(key, 0),
                open_at_end.get(key, 0),
                fees.get(key, 0),
                completions.get(key, []),
            )
        )
    total = _figures(
        "",
        "รวมทุกบริการ",
        "All services",
        sum(received.values()),
        sum(withdrawn.values()),
        sum(open_at_end.values()),
        sum(fees.values()),
        [done for per_service in completions.values() for done in per_service],
    )
    agency = session.execute(select(Agency.name_th, Agency.name_en).limit(1)).first()
    return MonthlyReport(
        agency_th=agency.name_th if agency else "",
        agency_en=agency.name_en if agency else "",
        first_day=period.first,
        last_day=period.last,
        generated_at=utc(now),
        rows=tuple(rows),
        total=total,
        data_requests=data_request_figures(session, start, end, now),
    )


# (business days taken, within SLA: True / False / None for no SLA)
_Done = tuple[float, bool | None]


def _figures(
    code: str,
    name_th: str,
    name_en: str,
    received: int,
    withdrawn: int,
    open_at_end: int,
    fees: int,
    done: list[_Done],
) -> ServiceFigures:
    days = [taken for taken, _ in done]
    return ServiceFigures(
        code=code,
        name_th=name_th,
        name_en=name_en,
        received=received,
        withdrawn=withdrawn,
        completed=len(done),
        within_sla=sum(1 for _, within in done if within is True),
        past_sla=sum(1 for _, within in done if within is False),
        open_at_end=open_at_end,
        average_days=mean(days),
        p90_days=percentile(days, _P90),
        fees_satang=int(fees),
    )


def _count_by_service(session: Session, query: Select[str | None, int]) -> dict[_ServiceKey, int]:
    return {sid: int(n or 0) for sid, n in session.execute(query)}


def _completions(
    session: Session, calendar: BusinessCalendar, start: datetime, end: datetime
) -> Mapping[_ServiceKey, list[_Done]]:
    """Per service: each request completed in ``[start, end)``, how long and whether in time."""
    found = session.execute(
        select(
            Application.id,
            Application.service_type_id,
            Application.deemed_received_at,
            Application.sla_due_at,
            Event.occurred_at,
        )
        .join(Event, Event.aggregate_id == Application.id)
        .where(
            Event.type == _STATUS_CHANGED,
            Event.aggregate_type == "application",
            Event.occurred_at >= start,
            Event.occurred_at < end,
            _became(COMPLETING),
        )
        .order_by(Event.seq)
    ).all()
    first: dict[str, tuple[_ServiceKey, datetime, datetime | None, datetime]] = {}
    for app_id, service_id, deemed, due, occurred in found:
        first.setdefault(app_id, (service_id, deemed, due, occurred))
    pauses: dict[str, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    ids = list(first)
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        for app_id, began, ended in session.execute(
            select(SlaPause.application_id, SlaPause.started_at, SlaPause.ended_at).where(
                SlaPause.application_id.in_(chunk)
            )
        ):
            pauses[app_id].append((began, ended))
    result: dict[_ServiceKey, list[_Done]] = defaultdict(list)
    for app_id, (service_id, deemed, due, done) in first.items():
        taken = business_days_taken(calendar, deemed, done, pauses[app_id])
        within = None if due is None else utc(done) <= utc(due)
        result[service_id].append((taken, within))
    return result
