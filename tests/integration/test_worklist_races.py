"""Assigning while officers press "Next": every change of holder is one compare-and-set, so
nothing is given twice and every event names who really held the request before.

Real processes on one profile (``tests/integration/racing.py``), and one interleaving forced
exactly (another officer's claim lands between the assignment's read and its write). What is
checked is the outcome — holders, events, the chain — never how long anything took.
"""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import event, select

from models import Application, Event, User
from services.access import auth
from services.api.ports import build_ports
from services.kernel.actors import SYSTEM, Actor
from services.kernel.unit_of_work import UnitOfWork
from services.worklist.assign import assign
from tests.conftest import STAFF_PASSWORD
from tests.integration.racing import NOW, SharedProfile
from tests.integration.test_concurrency import (  # noqa: F401 — the fixture is used by name
    add_requests,
    add_reviewers,
    assert_chain_intact,
    shared_profile,
)

# A supervisor assigns every other request to reviewer3 (with a reason: officers take the
# older ones meanwhile) while two reviewers take requests with "Next" until none is left.
RACE = """
from services.api.ports import build_ports
from services.kernel.errors import AnuyatError

ws = build_ports(ctx)
user = ws.shell.sign_in(ARGS["username"], ARGS["password"])
start_together()
done = []
if ARGS.get("ids"):
    for app_id in ARGS["ids"]:
        try:
            ws.worklist.assign(
                user, (app_id,), to_officer="reviewer3", out_of_order_reason="ทดสอบ"
            )
            done.append(app_id)
        except AnuyatError as exc:
            done.append("refused: " + exc.en)
else:
    while (row := ws.review.next_application(user, "received")) is not None:
        done.append(row.id)
report(done)
"""


def _add_supervisor(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow, username="boss", display_name="นางหัวหน้า ใจเย็น", password=STAFF_PASSWORD,
            roles=["supervisor"],
        )  # fmt: skip


def _replay(ctx, app_ids: list[str]) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Each request's holder as its events tell it, checking every assignment named the
    holder it really took the request from."""
    holders: dict[str, str | None] = dict.fromkeys(app_ids)
    with ctx.read() as session:
        rows = session.execute(
            select(Event.aggregate_id, Event.type, Event.payload)
            .where(Event.type.in_(["application.claimed", "application.assigned"]))
            .order_by(Event.seq)
        ).all()
    for app_id, kind, payload in rows:
        data = json.loads(payload)
        if kind == "application.claimed":
            assert holders[app_id] is None, (app_id, holders[app_id], data)
            holders[app_id] = data["assignee"]
        else:
            assert data["from"] == holders[app_id], (app_id, holders[app_id], data)
            holders[app_id] = data["to"]
    return holders


def test_assigning_while_officers_press_next_loses_no_change(
    shared_profile: SharedProfile,  # noqa: F811 — the fixture
) -> None:
    with shared_profile.opened() as ctx:
        reviewers = add_reviewers(ctx, 3)
        requests = add_requests(ctx, 30)
        _add_supervisor(ctx)
    children = [{"username": n, "password": STAFF_PASSWORD} for n in reviewers[:2]]
    children.append({"username": "boss", "password": STAFF_PASSWORD, "ids": requests[::2]})
    first, second, assigned = shared_profile.race(RACE, children)

    assert not [a for a in assigned if a.startswith("refused")], assigned
    taken = Counter(first + second)
    assert max(taken.values()) == 1  # "Next" never gave a request twice
    with shared_profile.opened() as ctx:
        told = _replay(ctx, requests)
        with ctx.read() as session:
            stored = dict(
                session.execute(
                    select(Application.id, User.username).outerjoin(
                        User, User.id == Application.assignee_id
                    )
                ).all()
            )
        assert_chain_intact(ctx)
    # Every request is held by exactly whom its events say, and the supervisor's all went
    # to reviewer3 (an assignment after a claim moved it, naming the officer it left).
    assert {a: stored[a] for a in requests} == told
    assert all(told[a] == "reviewer3" for a in requests[::2])
    assert all(told[a] is not None for a in requests)


def test_a_claim_landing_between_the_assignments_read_and_write_is_named(context) -> None:
    add_reviewers(context, 3)
    (app_id,) = add_requests(context, 1)
    _add_supervisor(context)
    ports = build_ports(context)
    taker, boss = (ports.shell.sign_in(n, STAFF_PASSWORD) for n in ("reviewer", "boss"))
    with context.store.reads() as session, session.begin():
        uow = UnitOfWork(session, Actor.from_user(boss), NOW, context.station_id)
        mine = session.connection()
        claimed: list[bool] = []

        def officer_claims_first(conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            if conn is mine and not claimed and statement.lstrip()[:6] in ("UPDATE", "INSERT"):
                assert ports.review.next_application(taker, "received") is not None
                claimed.append(True)

        event.listen(context.store.engine, "before_cursor_execute", officer_claims_first)
        try:
            assign(uow, (app_id,), to_officer="reviewer2")
        finally:
            event.remove(context.store.engine, "before_cursor_execute", officer_claims_first)
    assert claimed == [True]
    assert _replay(context, [app_id]) == {app_id: "reviewer2"}
    with context.read() as session:
        held = session.scalar(
            select(User.username).join(Application, Application.assignee_id == User.id)
        )
    assert held == "reviewer2"
    assert_chain_intact(context)
