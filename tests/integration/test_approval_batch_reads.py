"""A batch of approvals reads its approver once, and one bad request still sinks nothing.

A batch is one action of the approver: their account, roles and name are read when it
begins, not again for every memo (that re-reading was most of the statements a batch sent
per memo). Each request keeps its own transaction, its own audit event and its own failure.
"""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review and test_approval)
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, select

from models import Application, Approval, Event
from services.access import auth
from services.api.approval import SigningChoice
from services.approval import BatchItem
from services.kernel.actors import SYSTEM
from services.produce.sign import Pin
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import reviewed, signing
from tests.integration.test_review import users, ws

# Statements a batch sends for each memo beyond the first. While the approver was read again
# for every memo, each cost 66 here (officers' rows 9 times, their roles 9, the agency 5); now
# 44: the memo's own reads and writes, its five audit events, its letter and fee notice.
PER_MEMO_BOUND = 55


@contextmanager
def statements(context) -> Iterator[Counter[str]]:
    """Count the SQL statements sent on the store, by the table they read from first."""
    seen: Counter[str] = Counter()

    def count(conn, cursor, statement, parameters, context_, executemany) -> None:
        found = re.search(r"\bFROM (\w+)", statement)
        seen[found.group(1) if found else statement.split(" ", 1)[0]] += 1
        seen["all"] += 1

    event.listen(context.store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(context.store.engine, "before_cursor_execute", count)


def _record(signing, approver, ids: list[str]) -> Counter[str]:
    for app_id in ids:
        signing.open_approval(approver, app_id, "ทดสอบ")
    with statements(signing.context) as seen:
        outcome = signing.approve_batch(
            approver,
            [BatchItem(i, ()) for i in ids],
            SigningChoice("record", secret=Pin(STAFF_PASSWORD)),
        )
    assert outcome.approved == tuple(ids) and not outcome.failed, outcome
    return seen


def test_a_batch_reads_its_approver_once_not_for_every_memo(context, ws, users, signing) -> None:
    approver = users["approver"]
    one = _record(signing, approver, [reviewed(context, ws, users, hour=8)])
    five = _record(signing, approver, [reviewed(context, ws, users, hour=h) for h in range(9, 14)])
    # The officer's account and roles: read when the batch begins, whatever its length.
    assert five["app_user"] == one["app_user"] and five["user_role"] == one["user_role"], (
        one,
        five,
    )
    # The agency: once per memo's transaction at most (its letter, fee notice and mails).
    assert five["agency"] - one["agency"] <= 4, (one, five)
    per_memo = (five["all"] - one["all"]) / 4
    assert per_memo < PER_MEMO_BOUND, (per_memo, one, five)


def test_a_request_held_by_another_fails_alone_and_the_rest_are_signed(
    context, ws, users, signing
) -> None:
    """Reading the approver once does not let them sign what another approver holds: that
    request fails with the holder named, the ones before and after it are approved, each
    with its own audit event, and it stays with its holder, untouched."""
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(uow, username="approver2", display_name="นางสาวสอง อนุมัติ",
                         password=STAFF_PASSWORD, roles=["approver"])  # fmt: skip
    other = ws.shell.sign_in("approver2", STAFF_PASSWORD)
    approver = users["approver"]
    ids = [reviewed(context, ws, users, hour=h) for h in (9, 10, 11)]
    signing.open_approval(approver, ids[0])
    signing.open_approval(other, ids[1])  # first come: approver2 holds the middle one
    signing.open_approval(approver, ids[2], "ทดสอบ")
    outcome = signing.approve_batch(
        approver,
        [BatchItem(i, ()) for i in ids],
        SigningChoice("record", secret=Pin(STAFF_PASSWORD)),
    )
    assert outcome.approved == (ids[0], ids[2]) and outcome.stopped is None
    [(failed_id, th, en)] = outcome.failed
    assert failed_id == ids[1]
    assert "นางสาวสอง อนุมัติ" in th and "held by นางสาวสอง อนุมัติ" in en
    with context.read() as session:
        statuses = [session.get(Application, i).status for i in ids]
        assignee = session.get(Application, ids[1]).assignee_id
        approved = session.scalars(select(Approval.application_id)).all()
        events = session.scalars(select(Event).where(Event.type == "approval.approved")).all()
    assert statuses[1] == "ready_for_approval" and assignee == other.user_id
    assert sorted(approved) == sorted([ids[0], ids[2]])
    assert sorted(e.aggregate_id for e in events) == sorted([ids[0], ids[2]])
    assert {e.actor for e in events} == {"approver"}
    assert all(json.loads(e.payload)["document_sha256"] for e in events)
