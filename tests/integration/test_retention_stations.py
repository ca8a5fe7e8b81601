"""Two stations of one agency (real PostgreSQL, each its own profile and station code) draw up
a destruction list at the same moment: station A has drawn its list and not committed when
station B asks; B waits for A, then finds every request on A's list. Never two lists with
one number, never a request on two lists."""

# ruff: noqa: F401, F811  (the agency fixture imported from test_agency_server)
from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlalchemy import select, update

from models import Application, DestructionItem, DestructionList
from services.api.ports import build_ports
from services.archive.policy import RetentionPolicy
from services.archive.retention import draft_list, record_order
from services.kernel.actors import SYSTEM, Actor
from services.kernel.clock import FixedClock
from services.kernel.errors import InvalidInput
from services.store.profile import load_context
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_agency_server import NOW, Agency, _request, agency

ONE_YEAR = RetentionPolicy(years=1)
LATER = FixedClock(NOW + timedelta(days=400))


def test_two_stations_drawing_up_lists_at_once_list_each_request_once(agency: Agency) -> None:
    a = load_context(agency.a, LATER)
    b = load_context(agency.b, LATER)
    try:
        ids = [_request(a, minute).id for minute in (1, 2, 3)]
        with a.unit_of_work(SYSTEM) as uow:  # closed (withdrawn) more than a year before LATER
            uow.session.execute(
                update(Application)
                .where(Application.id.in_(ids))
                .values(status="withdrawn", closed_at=NOW)
            )
        admin = Actor.from_user(build_ports(a).shell.sign_in("admin", STAFF_PASSWORD))
        outcome: list[object] = []

        def station_b() -> None:
            try:
                with b.unit_of_work(admin) as uow:
                    outcome.append(draft_list(uow, ONE_YEAR).number)
            except Exception as exc:  # noqa: BLE001 - asserted below
                outcome.append(exc)

        with b.read() as session:  # B connected and warm
            session.scalars(select(DestructionList.number)).all()
        thread = threading.Thread(target=station_b)
        with a.unit_of_work(admin) as uow:
            number = draft_list(uow, ONE_YEAR).number
            thread.start()
            time.sleep(1.5)  # gives B the time to reach the list while A holds it
        thread.join()
        assert number == 1
        (refused,) = outcome
        assert isinstance(refused, InvalidInput), refused
        assert refused.code == "nothing_to_destroy"
        with a.read() as session:
            listed = session.scalars(select(DestructionItem.application_id)).all()
            assert sorted(listed) == sorted(ids)
            assert session.scalars(select(DestructionList.number)).all() == [1]
    finally:
        a.store.close()
        b.store.close()


def _closed(ctx, minutes: tuple[int, ...]) -> None:
    ids = [_request(ctx, minute).id for minute in minutes]
    with ctx.unit_of_work(SYSTEM) as uow:  # closed (withdrawn) more than a year before LATER
        uow.session.execute(
            update(Application)
            .where(Application.id.in_(ids))
            .values(status="withdrawn", closed_at=NOW)
        )


def test_two_stations_recording_one_order_number_on_two_lists_get_a_clear_refusal(
    agency: Agency,
) -> None:
    a = load_context(agency.a, LATER)
    b = load_context(agency.b, LATER)
    try:
        admin = Actor.from_user(build_ports(a).shell.sign_in("admin", STAFF_PASSWORD))
        _closed(a, (1,))
        with a.unit_of_work(admin) as uow:
            first = draft_list(uow, ONE_YEAR).number
        _closed(a, (2,))
        with a.unit_of_work(admin) as uow:
            second = draft_list(uow, ONE_YEAR).number
        signed = NOW + timedelta(days=390)
        outcome: list[object] = []

        def station_b() -> None:
            try:
                with b.unit_of_work(admin) as uow:
                    record_order(uow, second, order_number="5/2570", ordered_by="นายก",
                                 ordered_on=signed)  # fmt: skip
                    outcome.append("recorded")
            except Exception as exc:  # noqa: BLE001 - asserted below
                outcome.append(exc)

        with b.read() as session:  # B connected and warm
            session.scalars(select(DestructionList.number)).all()
        thread = threading.Thread(target=station_b)
        # A records the number and has not committed when B checks it (B sees no holder),
        # so B's write meets the unique constraint once A commits.
        with a.unit_of_work(admin) as uow:
            record_order(uow, first, order_number="5/2570", ordered_by="นายก", ordered_on=signed)
            thread.start()
            time.sleep(1.5)  # gives B the time to check and to reach the write
        thread.join()
        (refused,) = outcome
        assert isinstance(refused, InvalidInput), refused
        assert refused.en == f"Order 5/2570 is already recorded on destruction list {first}."
        assert refused.th == f"คำสั่งเลขที่ 5/2570 บันทึกไว้กับทะเบียนลำดับที่ {first} แล้ว"
        with a.read() as session:
            held = session.execute(select(DestructionList.number, DestructionList.order_number))
            assert sorted(held) == [(first, "5/2570"), (second, None)]
    finally:
        a.store.close()
        b.store.close()
