"""A month of requests to report on: October 2026 and its edges (arrived 23:59 on the last day,
midnight boundaries, withdrawn, refused before classification, still open, a pause for the
applicant, fees verified outside the month). Real services write it: create_application and
change_status, each in its unit of work with its events, at the moment the clock is set to."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from models import IssuedDocument, LicenceDataRequest, Payment
from services.cases.applications import change_status, create_application
from services.kernel.actors import Actor
from services.kernel.clock import BANGKOK, utc
from services.reports import ReportPeriod

OCTOBER = ReportPeriod(date(2026, 10, 1), date(2026, 10, 31))
# change_status checks the transition's roles; the seed walks every kind of transition.
SEED = Actor("seed", frozenset({"intake", "reviewer", "finance", "approver", "system"}))
TO_ISSUED = ("in_review", "ready_for_approval", "approved", "issued")


def bkk(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BANGKOK)


def receive(context, at: datetime, service: str | None, key: str) -> str:
    context.clock.set(utc(at))
    with context.unit_of_work(SEED) as uow:
        app = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=at,
            subject=key,
            service_code=service,
        )
        uow.session.flush()
        return app.id


def move(context, app_id: str, at: datetime, *statuses: str, **details: Any) -> None:
    context.clock.set(utc(at))
    for status in statuses:
        with context.unit_of_work(SEED) as uow:
            change_status(uow, context.calendar, app_id, status, **details)


def seed_mere_mentions(context) -> str:
    """A request in review since October whose status changes only *mention* ending words:
    a reason quoting the applicant, and a nested record with a ``to`` of its own. It is open
    at October's end, neither completed nor withdrawn."""
    app_id = receive(context, bkk(10, 6), "PETITION", "mentions")
    move(context, app_id, bkk(10, 7), "in_review",
         reason='ผู้ยื่นถามว่า "issued" แล้วหรือยัง / asked whether it is "to":"issued" yet',
         extra={"forwarded": {"to": "withdrawn"}, "copy": {"to": "issued"}})  # fmt: skip
    return app_id


def pay(context, app_id: str, satang: int, status: str, verified: datetime | None) -> None:
    with context.writing() as session:
        session.add(
            Payment(
                application_id=app_id,
                amount_satang=satang,
                status=status,
                verified_at=verified,
                created_at=utc(verified or bkk(10, 1)),
            )
        )


def seed_october(context) -> dict[str, str]:
    """Requests, status changes and payments around October 2026 (the edges of a month)."""
    ids = {}
    # Arrived and issued in October, inside hours: 5.0 business days (1 Oct 10:00 to 8 Oct 10:00).
    ids["quick"] = receive(context, bkk(10, 1), "FOOD-SHOP", "quick")
    move(context, ids["quick"], bkk(10, 8), *TO_ISSUED)
    # Waited for the applicant 6-20 Oct: that time is not counted; issued 30 Oct.
    ids["paused"] = receive(context, bkk(10, 5, 9), "FOOD-SHOP", "paused")
    move(context, ids["paused"], bkk(10, 6), "in_review", "waiting_applicant")
    move(context, ids["paused"], bkk(10, 20), "in_review")
    move(context, ids["paused"], bkk(10, 30), "ready_for_approval", "approved", "issued")
    # Arrived Saturday 31 Oct 23:59: October's intake (deemed 2 Nov), open at the end.
    ids["last-minute"] = receive(context, bkk(10, 31, 23, 59), "FOOD-SHOP", "last-minute")
    # Arrived in September, issued late in October: past its 7-day SLA, not October's intake.
    ids["late"] = receive(context, bkk(9, 30, 23, 59), "FOOD-NOTICE", "late")
    move(context, ids["late"], bkk(10, 28), *TO_ISSUED)
    # Midnight exactly on 1 October: in.
    ids["midnight"] = receive(context, bkk(10, 1, 0, 0), "FOOD-NOTICE", "midnight")
    # Issued at midnight 1 November exactly: not October's completion; open at October's end.
    move(context, ids["midnight"], bkk(11, 1, 0, 0), *TO_ISSUED)
    # Withdrawn in October.
    ids["withdrawn"] = receive(context, bkk(10, 10), "PETITION", "withdrawn")
    move(context, ids["withdrawn"], bkk(10, 15), "withdrawn")
    # Refused before classification: completed, no SLA, on the unclassified line.
    ids["refused"] = receive(context, bkk(10, 12), None, "refused")
    move(context, ids["refused"], bkk(10, 14), "rejected")
    # Refused in November: open at October's end.
    ids["refused-later"] = receive(context, bkk(10, 20), "PETITION", "refused-later")
    move(context, ids["refused-later"], bkk(11, 2), "in_review", "rejected")
    # November's intake: nowhere in October.
    ids["november"] = receive(context, bkk(11, 3), "PETITION", "november")
    # Fees: one verified in October counts; one verified at midnight 1 Nov and one never
    # verified do not.
    pay(context, ids["quick"], 50_000, "verified", bkk(10, 15))
    pay(context, ids["paused"], 25_050, "verified", bkk(11, 1, 0, 0))
    pay(context, ids["late"], 10_000, "submitted", None)
    return ids


def seed_data_requests(context, app_id: str) -> None:
    """Requests for a licence's data around October, each with its due moment (three business
    days later, written out) and answer, if any. October: received B C D E F G (6); answered
    in time A B (2), late C (1); open at the end D E F G (4), E past due (1). November, with
    the report made on 3 Nov at noon: received H; answered in time F; open D E G H, of which
    D and E past due (G and H are not due yet)."""
    with context.writing() as session:
        licence = IssuedDocument(
            application_id=app_id, document_number="สร.1/2569", file_name="licence.pdf",
            blob_sha256="0" * 64, issued_at=utc(bkk(9, 1)), verification_code="SEED-DATA-1",
        )  # fmt: skip
        session.add(licence)
        session.flush()
        for key, received, due, answered in (
            ("I", bkk(9, 20), bkk(9, 23, 16, 30), bkk(9, 22)),
            ("A", bkk(9, 29), bkk(10, 2, 16, 30), bkk(10, 1)),
            ("B", bkk(10, 5), bkk(10, 8, 16, 30), bkk(10, 8, 16, 30)),  # on the due moment
            ("C", bkk(10, 9), bkk(10, 14, 16, 30), bkk(10, 20)),
            ("D", bkk(10, 28), bkk(11, 2, 16, 30), None),
            ("E", bkk(10, 20), bkk(10, 23, 16, 30), None),
            ("F", bkk(10, 30), bkk(11, 4, 16, 30), bkk(11, 3, 10)),
            ("G", bkk(10, 31, 23, 59), bkk(11, 5, 16, 30), None),
            ("H", bkk(11, 1, 0, 0), bkk(11, 5, 16, 30), None),
        ):
            session.add(
                LicenceDataRequest(
                    issued_document_id=licence.id, requester=f"ผู้ขอ {key}",
                    received_at=utc(received), due_at=utc(due), recorded_by="seed",
                    answered_by_channel="email" if answered else "",
                    answered_at=utc(answered) if answered else None,
                )
            )  # fmt: skip
