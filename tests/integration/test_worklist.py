"""Assigning, internal notes, filtered lists, saved views, alerts and the daily digest, on a
real encrypted profile through the real intake (Wednesday 25 Nov 2026, 10:00 Bangkok)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from models import Application, ApplicationNote, OutboxMessage, User
from services.access import auth
from services.access.officers import set_section
from services.api.ports import Ports, build_ports
from services.intake.pipeline import Arrival, ingest
from services.kernel.actors import SYSTEM, Actor, SignedInUser
from services.kernel.clock import BANGKOK, FixedClock
from services.kernel.errors import InvalidInput, NotFound, PermissionDenied
from services.kernel.events import verify_chain
from services.review import OutOfOrder
from services.worklist.digest import queue_daily_digests
from services.worklist.views import AlertKind, ListFilter, SortOrder
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_review import events, submit


@pytest.fixture
def ws(context) -> Ports:
    return build_ports(context)


@pytest.fixture
def users(ws: Ports, context) -> dict[str, SignedInUser]:
    """One signed-in officer per role, a supervisor and a second reviewer in section B."""
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(
            uow,
            username="boss",
            display_name="นางหัวหน้า ใจเย็น",
            password=STAFF_PASSWORD,
            roles=["supervisor"],
        )
        auth.create_user(
            uow,
            username="reviewer2",
            display_name="นางสาวสอง ถี่ถ้วน",
            password=STAFF_PASSWORD,
            roles=["reviewer"],
        )
    names = ("intake", "reviewer", "finance", "approver", "admin", "boss", "reviewer2")
    signed = {name: ws.shell.sign_in(name, STAFF_PASSWORD) for name in names}
    with context.unit_of_work(Actor.from_user(signed["admin"])) as uow:
        set_section(uow, "reviewer", "งานอาหาร")
        set_section(uow, "reviewer2", "งานก่อสร้าง")
    return signed


def _row(context, app_id: str) -> Application:
    with context.read() as session:
        app = session.get(Application, app_id)
        session.expunge(app)
        return app


def _holder(context, app_id: str) -> str | None:
    with context.read() as session:
        return session.scalar(
            select(User.username)
            .join(Application, Application.assignee_id == User.id)
            .where(Application.id == app_id)
        )


# --- assigning and routing ----------------------------------------------------------------


def test_a_supervisor_assigns_the_oldest_with_a_note_and_it_is_in_the_history(
    context, ws, users
) -> None:
    oldest = submit(context, hour=9)
    submit(context, hour=10)
    result = ws.worklist.assign(
        users["boss"], (oldest,), to_officer="reviewer", note="ตรวจแผนที่ให้ละเอียด"
    )
    assert result.to_officer == "นายตรวจ ละเอียด" and result.skipped_earlier == 0
    assert _holder(context, oldest) == "reviewer"
    (event,) = events(context, "application.assigned")
    assert event["to"] == "reviewer" and event["from"] is None and event["note_id"]
    assert "ตรวจแผนที่" not in str(event)  # the note's text stays out of the audit log
    notes = ws.worklist.notes(users["approver"], oldest)
    assert [(n.author_username, n.body) for n in notes] == [("boss", "ตรวจแผนที่ให้ละเอียด")]
    history = ws.review.history(users["reviewer"], oldest)
    assert any(h.summary_en == "Assigned to นายตรวจ ละเอียด with a note" for h in history)
    with context.read() as session:
        assert verify_chain(session).ok


def test_assigning_ahead_of_older_requests_needs_a_reason(context, ws, users) -> None:
    submit(context, hour=9)
    newer = submit(context, hour=10)
    with pytest.raises(OutOfOrder) as refused:
        ws.worklist.assign(users["boss"], (newer,), to_officer="reviewer")
    assert refused.value.waiting == 1 and "reason" in str(refused.value.bilingual())
    assert _holder(context, newer) is None  # nothing changed
    result = ws.worklist.assign(
        users["boss"], (newer,), to_officer="reviewer", out_of_order_reason="ผู้ยื่นเป็นผู้พิการ"
    )
    assert result.skipped_earlier == 1
    event = events(context, "application.assigned")[-1]
    assert event["out_of_order_reason"] == "ผู้ยื่นเป็นผู้พิการ" and event["skipped"] == 1


def test_a_batch_in_first_come_order_needs_no_reason_and_is_all_or_nothing(
    context, ws, users
) -> None:
    first, second = submit(context, hour=9), submit(context, hour=10)
    third = submit(context, hour=11)
    ws.review.open_application(users["finance"], third)  # read-only for finance, unchanged
    result = ws.worklist.assign(users["boss"], (second, first), to_officer="reviewer2")
    assert len(result.assigned) == 2 and result.skipped_earlier == 0
    assert result.assigned == tuple(
        _row(context, i).tracking_number for i in (first, second)
    )  # first come first
    # One item a reviewer cannot work (already passed on) refuses the whole batch.
    with context.store.sessions() as session, session.begin():
        session.execute(
            update(Application).where(Application.id == third).values(status="payment_due")
        )
    with pytest.raises(InvalidInput, match="needs role: finance"):
        ws.worklist.assign(users["boss"], (first, third), to_officer="reviewer")
    assert _holder(context, first) == "reviewer2"


def test_only_a_supervisor_or_the_administrator_hands_work_out(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    for role in ("reviewer", "intake", "approver"):
        with pytest.raises(PermissionDenied):
            ws.worklist.assign(users[role], (app_id,), to_officer="reviewer")
    ws.worklist.assign(users["admin"], (app_id,), to_officer="reviewer", note="แทนหัวหน้า")
    assert _holder(context, app_id) == "reviewer"
    with pytest.raises(NotFound):
        ws.worklist.assign(users["boss"], (app_id,), to_officer="nobody")
    with pytest.raises(InvalidInput, match="one officer, or one section"):
        ws.worklist.assign(users["boss"], (app_id,))


def test_a_request_routed_to_a_section_goes_to_that_sections_queue(context, ws, users) -> None:
    older = submit(context, hour=9)
    newer = submit(context, hour=10)
    officers, sections = ws.worklist.assign_targets(users["boss"])
    assert sections == ["งานก่อสร้าง", "งานอาหาร"] and any(o.username == "boss" for o in officers)
    ws.worklist.assign(users["boss"], (older,), to_section="งานก่อสร้าง")
    assert _row(context, older).section == "งานก่อสร้าง"
    # The food section's reviewer is not offered the building section's request ...
    got = ws.review.next_application(users["reviewer"], None)
    assert got is not None and got.id == newer
    # ... and the building section's reviewer takes it first, in turn.
    got = ws.review.next_application(users["reviewer2"], None)
    assert got is not None and got.id == older
    with pytest.raises(NotFound, match="section"):
        ws.worklist.assign(users["boss"], (older,), to_section="ฝ่ายที่ไม่มี")


def test_assigning_a_request_someone_holds_moves_it_and_names_both(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    ws.review.next_application(users["reviewer"], None)
    ws.worklist.assign(users["boss"], (app_id,), to_officer="reviewer2")
    assert _holder(context, app_id) == "reviewer2"
    event = events(context, "application.assigned")[-1]
    assert (event["from"], event["to"]) == ("reviewer", "reviewer2")


def test_who_holds_a_request_after_assigning_or_routing_replays_from_the_events(
    context, ws, users
) -> None:
    from services.kernel.state_check import check_state

    to_officer, kept, dropped = (submit(context, hour=h) for h in (9, 10, 11))
    ws.worklist.assign(users["boss"], (to_officer,), to_officer="reviewer2")
    # reviewer2 (building section) holds both; routing one to their own section keeps it
    # with them, routing the other to the food section ends their claim.
    ws.worklist.assign(users["boss"], (kept, dropped), to_officer="reviewer2")
    ws.worklist.assign(users["boss"], (kept,), to_section="งานก่อสร้าง")
    ws.worklist.assign(users["boss"], (dropped,), to_section="งานอาหาร")
    assert [_holder(context, i) for i in (to_officer, kept, dropped)] == [
        "reviewer2",
        "reviewer2",
        None,
    ]
    assert [e["holder"] for e in events(context, "application.assigned")[-2:]] == [
        "reviewer2",
        None,
    ]
    with context.read() as session:
        assert [m.describe() for m in check_state(session)] == []


# --- internal notes -----------------------------------------------------------------------

NOTE = "ผู้ยื่นเคยถูกปฏิเสธเมื่อปีที่แล้ว โปรดระวัง"


def test_notes_are_for_officers_and_never_reach_the_applicant(context, ws, users) -> None:
    app_id = submit(context, hour=9)
    reviewer = users["reviewer"]
    ws.review.open_application(reviewer, app_id)
    ws.worklist.add_note(reviewer, app_id, NOTE)
    with pytest.raises(InvalidInput, match="empty"):
        ws.worklist.add_note(reviewer, app_id, "   ")
    with pytest.raises(PermissionDenied):
        ws.worklist.notes(users["admin"], app_id)  # the system administrator reads no case
    assert [n.body for n in ws.worklist.notes(users["approver"], app_id)] == [NOTE]
    number = _row(context, app_id).tracking_number
    # A status enquiry from the applicant, then a refusal: both answered by mail.
    ingest(
        context,
        Arrival(
            channel="email",
            source_key="enquiry-1@example.co.th",
            received_at=datetime(2026, 11, 25, 2, tzinfo=UTC),
            subject=f"สอบถามสถานะ {number}",
            body_text="",
            sender_name="สมชาย ใจดี",
            sender_address="somchai@example.co.th",
            reply_to="somchai@example.co.th",
            attachments=(),
        ),
    )
    ws.review.reject(reviewer, app_id, "สถานที่ตั้งอยู่นอกเขตเทศบาล")
    with context.read() as session:
        sent = session.scalars(select(OutboxMessage)).all()
    assert {m.kind for m in sent} >= {"acknowledgement", "status_enquiry", "result"}
    for message in sent:
        assert NOTE not in message.body_text and NOTE not in message.subject
        assert "ผู้ยื่นเคยถูกปฏิเสธ" not in message.body_text
    history = ws.review.history(reviewer, app_id)
    assert any(h.summary_th == "บันทึกความเห็นเจ้าหน้าที่" for h in history)


# --- filtered lists, sort, saved views -----------------------------------------------------


def test_the_list_filters_and_sorts_as_the_officer_chose(context, ws, users) -> None:
    early = submit(context, hour=9, day=23)
    food = submit(context, hour=10, day=24)
    other = submit(context, hour=9, day=24, service="FOOD-SHOP")
    reviewer = users["reviewer"]
    ws.worklist.assign(users["boss"], (early, other), to_officer="reviewer2",
                       out_of_order_reason="ทดสอบ")  # fmt: skip
    ws.worklist.assign(users["boss"], (food,), to_officer="reviewer")

    def ids(**kw) -> list[str]:
        f = ListFilter(**kw)
        rows = ws.worklist.list_filtered(reviewer, f, 0, 50)
        assert ws.worklist.count_filtered(reviewer, f) == len(rows)
        return [r.id for r in rows]

    assert ids() == [food, early, other]  # assigned to me first, then first come
    assert ids(mine_first=False) == [early, other, food]
    assert ids(mine_first=False, sort=SortOrder.NEWEST) == [food, other, early]
    assert ids(services=("FOOD-SHOP",)) == [other]
    assert ids(officer="reviewer2", mine_first=False) == [early, other]
    assert ids(assigned_to_me=True) == [food]
    assert ids(received_from=date(2026, 11, 24), mine_first=False) == [other, food]
    assert ids(received_to=date(2026, 11, 23)) == [early]
    assert ids(channels=("counter",)) == []
    assert ids(statuses=("in_review",), officer="") == []
    with context.store.sessions() as session, session.begin():
        session.execute(
            update(Application)
            .where(Application.id == other)
            .values(sla_due_at=datetime(2026, 11, 24, 10, tzinfo=BANGKOK))
        )
    assert ids(overdue_only=True) == [other]
    sla_order = ids(mine_first=False, sort=SortOrder.SLA_DUE)
    assert sla_order[0] == other


def test_saved_views_and_the_last_filter_follow_the_officer(context, ws, users) -> None:
    reviewer = users["reviewer"]
    mine = ListFilter(assigned_to_me=True, sort=SortOrder.SLA_DUE)
    late = ListFilter(overdue_only=True, services=("FOOD-SHOP", ""), mine_first=False,
                      received_from=date(2026, 11, 1))  # fmt: skip
    ws.worklist.save_view(reviewer, "  งานของฉัน ", mine)
    views = ws.worklist.save_view(reviewer, "เกินกำหนด", late)
    assert [(v.name, v.filter) for v in views] == [("งานของฉัน", mine), ("เกินกำหนด", late)]
    views = ws.worklist.save_view(reviewer, "งานของฉัน", replace(mine, sort=SortOrder.NEWEST))
    assert len(views) == 2 and views[0].filter.sort == SortOrder.NEWEST
    with pytest.raises(InvalidInput, match="name"):
        ws.worklist.save_view(reviewer, "  ", mine)
    assert ws.worklist.saved_views(users["reviewer2"]) == []  # each officer their own
    assert [v.name for v in ws.worklist.delete_view(reviewer, "เกินกำหนด")] == ["งานของฉัน"]
    assert ws.worklist.last_filter(reviewer) == ListFilter()
    ws.worklist.set_last_filter(reviewer, late)
    ws.worklist.set_last_filter(reviewer, late)  # the upsert twice: one row, same value
    # Signed in again (another workstation): the same filter comes back from the store.
    again = ws.shell.sign_in("reviewer", STAFF_PASSWORD)
    assert ws.worklist.last_filter(again) == late
    assert ListFilter.from_json({"sort": "nonsense", "received_from": "x"}) == ListFilter()


# --- alerts and the digest ----------------------------------------------------------------


def test_alerts_tell_new_assigned_replied_and_about_to_breach(context, ws, users) -> None:
    reviewer = users["reviewer"]
    assert ws.worklist.alerts(reviewer).total == 0
    new = submit(context, hour=9)
    given = submit(context, hour=8, day=20)
    ws.worklist.assign(users["boss"], (given,), to_officer="reviewer")
    alerts = ws.worklist.alerts(reviewer)
    assert alerts.count(AlertKind.NEW_IN_QUEUE) == 2  # both arrived in the reviewer's queue
    assert alerts.count(AlertKind.ASSIGNED_TO_ME) == 1
    assert ws.worklist.alerts(users["reviewer2"]).count(AlertKind.ASSIGNED_TO_ME) == 0
    # the request received on Friday 20 Nov is due soon: about to breach
    with context.store.sessions() as session, session.begin():
        session.execute(
            update(Application)
            .where(Application.id == given)
            .values(sla_due_at=datetime(2026, 11, 25, 15, tzinfo=BANGKOK))
        )
    ws.worklist.mark_alerts_seen(reviewer)
    alerts = ws.worklist.alerts(reviewer)
    assert [(a.kind, a.application_id) for a in alerts.items] == [(AlertKind.SLA_AT_RISK, given)]
    # An applicant's reply after the officer looked is new again.
    context.clock = FixedClock(datetime(2026, 11, 25, 4, 0, tzinfo=UTC))
    number = _row(context, new).tracking_number
    ingest(
        context,
        Arrival(
            channel="email",
            source_key="reply-1@example.co.th",
            received_at=datetime(2026, 11, 25, 4, tzinfo=UTC),
            subject=f"Re: {number} เอกสารเพิ่มเติม",
            body_text="",
            sender_name="สมชาย ใจดี",
            sender_address="somchai@example.co.th",
            reply_to="somchai@example.co.th",
            attachments=(),
        ),
    )
    kinds = {a.kind for a in ws.worklist.alerts(reviewer).items}
    assert kinds == {AlertKind.SLA_AT_RISK, AlertKind.APPLICANT_REPLIED}


def test_the_supervisors_bell_lists_what_is_late_and_what_nobody_holds(context, ws, users) -> None:
    # The supervisor has no queue and holds nothing: their bell was empty. It lists every
    # open request about to breach (whoever holds it) and those nobody holds; the badge counts
    # only what needs the supervisor: the late one, and a request nobody has held for longer
    # than one business day. One waiting since this morning is listed, not counted.
    boss = users["boss"]
    waiting = submit(context, hour=9)  # yesterday 09:00, now 10:00: 9 open hours > 8
    fresh = submit(context, hour=9, day=25)  # an hour ago
    late = submit(context, hour=8, day=20)
    ws.worklist.assign(boss, (late,), to_officer="reviewer")
    with context.store.sessions() as session, session.begin():
        session.execute(  # due an hour ago: overdue, though the reviewer holds it
            update(Application)
            .where(Application.id == late)
            .values(sla_due_at=datetime(2026, 11, 25, 9, tzinfo=BANGKOK))
        )
    alerts = ws.worklist.alerts(boss)
    assert [(a.kind, a.application_id, a.needs_action) for a in alerts.items] == [
        (AlertKind.SLA_AT_RISK, late, True),
        (AlertKind.UNASSIGNED, waiting, True),
        (AlertKind.UNASSIGNED, fresh, False),
    ]
    assert alerts.needing_action == 2 and alerts.total == 3
    (overdue,) = [a for a in alerts.items if a.kind == AlertKind.SLA_AT_RISK]
    assert overdue.business_days_left is not None and overdue.business_days_left < 0
    # All stand after "seen"; once someone holds the waiting one, it leaves the list.
    ws.worklist.mark_alerts_seen(boss)
    assert ws.worklist.alerts(boss).needing_action == 2
    ws.worklist.assign(boss, (waiting,), to_officer="reviewer")
    after = ws.worklist.alerts(boss)
    assert [a.kind for a in after.items] == [AlertKind.SLA_AT_RISK, AlertKind.UNASSIGNED]
    assert after.needing_action == 1
    # The next morning the fresh one has waited a whole business day too: now it counts.
    context.clock = FixedClock(datetime(2026, 11, 26, 3, 30, tzinfo=UTC))  # 10:30 Bangkok
    assert ws.worklist.alerts(boss).needing_action == 2
    # An officer with a queue still sees only their own: the second reviewer, nothing.
    assert ws.worklist.alerts(users["reviewer2"]).count(AlertKind.SLA_AT_RISK) == 0
    assert ws.worklist.alerts(users["reviewer2"]).count(AlertKind.UNASSIGNED) == 0


def test_the_daily_digest_is_queued_once_per_officer_who_asked(context, ws, users) -> None:
    submit(context, hour=9)
    with context.store.sessions() as session, session.begin():
        session.execute(
            update(User).where(User.username == "reviewer").values(email="reviewer@test.example")
        )
    assert ws.worklist.wants_digest(users["reviewer"]) is False
    ws.worklist.set_digest(users["reviewer"], True)
    assert ws.worklist.wants_digest(users["reviewer"]) is True
    with context.unit_of_work(SYSTEM) as uow:
        with pytest.raises(PermissionDenied):
            queue_daily_digests(replace_actor(uow, users["reviewer"]), context.calendar)
    for _ in range(2):  # a second run the same day adds nothing
        with context.unit_of_work(SYSTEM) as uow:
            assert queue_daily_digests(uow, context.calendar) == ["reviewer"]
    with context.read() as session:
        (digest,) = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "officer_digest")
        ).all()
    assert digest.to_addr == "reviewer@test.example" and digest.application_id is None
    assert "คำขอในคิวของท่านที่ยังไม่มีผู้รับ: 1 รายการ" in digest.body_text
    assert "Requests waiting in your queue, unassigned: 1" in digest.body_text
    assert "สมชาย" not in digest.body_text  # no applicant's name leaves in an officer's mail
    # Before opening time nothing is queued.
    context.clock = FixedClock(datetime(2026, 11, 26, 0, 30, tzinfo=UTC))  # 07:30 Bangkok
    with context.unit_of_work(SYSTEM) as uow:
        assert queue_daily_digests(uow, context.calendar) == []


def replace_actor(uow, user: SignedInUser):
    uow.actor = Actor.from_user(user)
    return uow


def test_no_note_table_is_read_by_the_letters() -> None:
    """The letters, notices and answers are built without the notes table (by source)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "services"
    for package in ("letters", "outbox", "intake", "produce"):
        for path in (root / package).rglob("*.py"):
            assert "ApplicationNote" not in path.read_text(), path
    assert ApplicationNote.__tablename__ == "application_note"


def test_the_sync_runs_queue_the_digests_as_the_system(context, ws, users) -> None:
    from services.worklist.digest import queue_digests_now

    with context.store.sessions() as session, session.begin():
        session.execute(
            update(User).where(User.username == "approver").values(email="approver@test.example")
        )
    assert queue_digests_now(context) == []  # nobody asked yet
    ws.worklist.set_digest(users["approver"], True)
    assert queue_digests_now(context) == ["approver"]
    assert queue_digests_now(context) == ["approver"]  # the same message, not a second one
    assert events(context, "outbox.queued")[-1]["kind"] == "officer_digest"
    assert len([e for e in events(context, "outbox.queued") if e["kind"] == "officer_digest"]) == 1


def test_pages_of_a_list_in_parts_join_up_to_the_whole_list(context, ws, users) -> None:
    """ "Mine first" and "due soonest" page each part on its own index; page after page
    gives the same rows as one long page, none twice, none missing."""
    ids = [submit(context, hour=h, day=d) for d in (20, 23, 24) for h in (9, 10, 11)]
    unclassified = submit(context, hour=12, service=None)  # type: ignore[arg-type]
    reviewer = users["reviewer"]
    ws.worklist.assign(users["boss"], tuple(ids[4:7]), to_officer="reviewer",
                       out_of_order_reason="ทดสอบ")  # fmt: skip
    for sort in SortOrder:
        chosen = ListFilter(sort=sort)
        whole = [r.id for r in ws.worklist.list_filtered(reviewer, chosen, 0, 100)]
        paged = [
            r.id for start in range(0, 12, 2)
            for r in ws.worklist.list_filtered(reviewer, chosen, start, 2)
        ]  # fmt: skip
        assert paged == whole and len(whole) == len(ids) + 1, sort
        assert set(whole[:3]) == set(ids[4:7])  # the reviewer's own first, in every order
    by_due = [r.id for r in ws.worklist.list_filtered(reviewer, ListFilter(sort=SortOrder.SLA_DUE,
              mine_first=False), 0, 100)]  # fmt: skip
    assert by_due[-1] == unclassified  # no SLA yet: after every request that has one
