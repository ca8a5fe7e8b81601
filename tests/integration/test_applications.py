"""Applications: tracking numbers, deemed-received time, SLA, and the status machine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import Application, Event
from services.cases import queries
from services.cases.applications import (
    NewApplicant,
    change_status,
    create_application,
    find_or_create_applicant,
)
from services.kernel.clock import BANGKOK
from services.kernel.errors import IllegalTransition, InvalidInput, PermissionDenied
from services.kernel.thai_id import generate_valid_id


def _new(context, actor, received_at: datetime, service: str | None = "FOOD-SHOP", **kw):
    with context.unit_of_work(actor) as uow:
        applicant = find_or_create_applicant(
            uow,
            NewApplicant(
                kind="person",
                title_th="นางสาว",
                name_th="สมหญิง ใจดี",
                national_id=kw.pop("national_id", None),
                email=kw.pop("email", "somying@example.co.th"),
            ),
        )
        app = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="email",
            received_at=received_at,
            subject="ขอใบอนุญาตจำหน่ายอาหาร",
            applicant=applicant,
            service_code=service,
            **kw,
        )
        return app.id, app.tracking_number


def test_tracking_number_carries_station_and_buddhist_era_year(context, actors) -> None:
    received = datetime(2026, 11, 25, 10, 0, tzinfo=BANGKOK)
    _, first = _new(context, actors["intake"], received)
    _, second = _new(context, actors["intake"], received + timedelta(minutes=5))
    assert first == "TST-ST1-2569-000001"
    assert second == "TST-ST1-2569-000002"


def test_numbering_restarts_with_the_buddhist_era_year(context, actors) -> None:
    _, last_year = _new(context, actors["intake"], datetime(2026, 12, 30, 10, 0, tzinfo=BANGKOK))
    # Received on New Year's Eve evening: deemed received in 2570 (2027).
    _, next_year = _new(context, actors["intake"], datetime(2026, 12, 31, 20, 0, tzinfo=BANGKOK))
    assert last_year.endswith("2569-000001")
    assert next_year.endswith("2570-000001")


def test_friday_evening_request_is_deemed_received_monday_morning(context, actors) -> None:
    friday_evening = datetime(2026, 11, 27, 18, 45, tzinfo=BANGKOK)
    app_id, _ = _new(context, actors["intake"], friday_evening)
    with context.read() as session:
        app = session.get(Application, app_id)
        assert app is not None
        assert app.received_at == friday_evening.astimezone(UTC)
        assert app.deemed_received_at.astimezone(BANGKOK) == datetime(
            2026, 11, 30, 8, 30, tzinfo=BANGKOK
        )
        assert app.sla_due_at is not None and app.sla_due_at > app.deemed_received_at


def test_unclassified_request_has_no_sla_until_classified(context, actors) -> None:
    app_id, _ = _new(context, actors["intake"], datetime(2026, 11, 25, 9, tzinfo=BANGKOK), None)
    with context.read() as session:
        app = session.get(Application, app_id)
        assert app is not None and app.status == "unclassified" and app.sla_due_at is None


def test_illegal_transition_is_refused_and_loses_nothing(context, actors) -> None:
    app_id, number = _new(context, actors["intake"], datetime(2026, 11, 25, 9, tzinfo=BANGKOK))
    with context.read() as session:
        events_before = session.scalar(select(func.count()).select_from(Event))
    with pytest.raises(IllegalTransition) as caught:
        with context.unit_of_work(actors["approver"]) as uow:
            change_status(uow, context.calendar, app_id, "issued")
    assert number in caught.value.en and "ไม่ได้" in caught.value.th
    with context.read() as session:
        app = session.get(Application, app_id)
        assert app is not None and app.status == "received"
        assert session.scalar(select(func.count()).select_from(Event)) == events_before


def test_roles_are_enforced_in_services(context, actors) -> None:
    app_id, _ = _new(context, actors["intake"], datetime(2026, 11, 25, 9, tzinfo=BANGKOK))
    with pytest.raises(PermissionDenied):
        with context.unit_of_work(actors["finance"]) as uow:
            change_status(uow, context.calendar, app_id, "in_review")
    with pytest.raises(PermissionDenied):
        _new(context, actors["reviewer"], datetime(2026, 11, 25, 9, tzinfo=BANGKOK))


def test_waiting_for_the_applicant_pauses_the_sla(context, actors, clock) -> None:
    app_id, _ = _new(context, actors["intake"], datetime(2026, 11, 25, 9, tzinfo=BANGKOK))
    with context.unit_of_work(actors["reviewer"]) as uow:
        change_status(uow, context.calendar, app_id, "in_review")
    with context.unit_of_work(actors["reviewer"]) as uow:
        due_before = change_status(
            uow, context.calendar, app_id, "waiting_applicant", reason="ขาดแผนที่ตั้ง"
        ).sla_due_at
    clock.advance(timedelta(days=7))  # a whole business week passes while paused
    with context.unit_of_work(actors["reviewer"]) as uow:
        due_after = change_status(uow, context.calendar, app_id, "in_review").sla_due_at
    assert due_before is not None and due_after is not None
    assert due_after - due_before >= timedelta(days=7)
    with context.read() as session:
        rows = queries.list_applications(session, context.calendar, clock.now())
    assert rows[0].sla_state in ("on_track", "at_risk")


def test_national_id_is_stored_once_and_masked_in_lists(context, actors, clock) -> None:
    import random

    national_id = generate_valid_id(random.Random(7))
    _new(
        context,
        actors["intake"],
        datetime(2026, 11, 25, 9, tzinfo=BANGKOK),
        national_id=national_id,
    )
    _new(
        context,
        actors["intake"],
        datetime(2026, 11, 25, 10, tzinfo=BANGKOK),
        national_id=national_id,
    )
    with context.read() as session:
        rows = queries.list_applications(session, context.calendar, clock.now())
        events = session.scalars(select(Event.payload)).all()
    assert len({r.applicant_name for r in rows}) == 1
    assert all(
        r.applicant_id_masked.endswith(national_id[-3:-1] + "-" + national_id[-1]) for r in rows
    )
    assert all(national_id not in r.applicant_id_masked for r in rows)
    assert all(national_id not in payload for payload in events)


def test_bad_national_id_is_refused_with_a_clear_message(context, actors) -> None:
    with pytest.raises(InvalidInput) as caught:
        _new(
            context,
            actors["intake"],
            datetime(2026, 11, 25, 9, tzinfo=BANGKOK),
            national_id="1234567890123",
        )
    assert caught.value.th and caught.value.en


def test_list_is_first_come_first_served(context, actors, clock) -> None:
    late = datetime(2026, 11, 25, 15, 0, tzinfo=BANGKOK)
    early_but_registered_later = datetime(2026, 11, 24, 9, 0, tzinfo=BANGKOK)
    _new(context, actors["intake"], late)
    _new(context, actors["intake"], early_but_registered_later)
    with context.read() as session:
        rows = queries.list_applications(session, context.calendar, clock.now())
    assert [r.deemed_received_at for r in rows] == sorted(r.deemed_received_at for r in rows)
    assert rows[0].received_at == early_but_registered_later.astimezone(UTC)
