"""The audit viewer's read side and exports: filters, national IDs masked, and the chain's
status ("intact up to event N", or where it breaks) on a real store."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from models import Application, Event
from services.api.ports import build_ports
from services.cases.applications import change_status
from services.kernel.clock import utc
from services.kernel.errors import NotFound, PermissionDenied
from services.reports import AuditFilter
from services.store.anchors import checkpoint_store
from tests.conftest import STAFF_PASSWORD
from tests.integration.month_seed import SEED, bkk, move, receive

NATIONAL_ID = "1101700230705"
SPACED_ID = "1-1017-00230-70-5"


@pytest.fixture
def ports(context):
    return build_ports(context)


@pytest.fixture
def admin(ports):
    return ports.shell.sign_in("admin", STAFF_PASSWORD)


@pytest.fixture
def seeded(context, ports):
    """Two requests in October, one withdrawn, the other moved with a reason naming the
    applicant's ID; the reviewer signs in (an event about, and by, the reviewer)."""
    first = receive(context, bkk(10, 1), "FOOD-SHOP", "first")
    second = receive(context, bkk(10, 2), "PETITION", "second")
    move(context, second, bkk(10, 5), "withdrawn")
    # The officer typed the applicant's ID into a reason.
    move_with_reason(context, first, f"ผู้ยื่น {SPACED_ID} ขอให้ตรวจ ({NATIONAL_ID})")
    context.clock.set(utc(bkk(11, 3)))
    ports.shell.sign_in("reviewer", STAFF_PASSWORD)
    with context.read() as session:
        rows = session.execute(select(Application.id, Application.tracking_number)).all()
    numbers = {app_id: tracking for app_id, tracking in rows}
    return {"first": numbers[first], "second": numbers[second]}


def move_with_reason(context, app_id: str, reason: str) -> None:
    context.clock.set(utc(bkk(10, 6)))
    with context.unit_of_work(SEED) as uow:
        change_status(uow, context.calendar, app_id, "in_review", reason=reason)


def test_a_request_shows_its_own_events_with_ids_masked(ports, admin, seeded) -> None:
    page = ports.reports.audit_events(admin, AuditFilter(tracking_number=seeded["first"]))
    assert page.total == len(page.rows) == 2
    assert [row.kind for row in page.rows] == [
        "application.status_changed",
        "application.received",
    ]  # newest first
    assert {row.subject for row in page.rows} == {seeded["first"]}
    details = page.rows[0].details
    assert NATIONAL_ID not in details and SPACED_ID not in details
    assert details.count("X-XXXX-XXXXX-70-5") == 2 and "ขอให้ตรวจ" in details


def test_filters_by_officer_kind_and_dates(ports, admin, seeded) -> None:
    reviewer = ports.reports.audit_events(admin, AuditFilter(officer="reviewer")).rows
    assert reviewer and all(
        row.actor == "reviewer" or row.subject == "reviewer" for row in reviewer
    )
    assert "user.signed_in" in {row.kind for row in reviewer}
    family = ports.reports.audit_events(admin, AuditFilter(kind="application")).rows
    assert family and all(row.kind.startswith("application.") for row in family)
    exact = ports.reports.audit_events(admin, AuditFilter(kind="application.received")).rows
    assert len(exact) == 2
    october_5 = AuditFilter(first_day=date(2026, 10, 5), last_day=date(2026, 10, 5))
    rows = ports.reports.audit_events(admin, october_5).rows
    assert [(row.kind, row.subject) for row in rows] == [
        ("application.status_changed", seeded["second"])
    ]
    assert "application.received" in ports.reports.audit_kinds(admin)


def test_an_unknown_request_is_said_plainly(ports, admin, seeded) -> None:
    with pytest.raises(NotFound) as missing:
        ports.reports.audit_events(admin, AuditFilter(tracking_number="TST-NOPE"))
    assert "TST-NOPE" in missing.value.th and "no request TST-NOPE" in missing.value.en


def test_only_the_administrator_reads_the_audit_log(ports, seeded) -> None:
    reviewer = ports.shell.sign_in("reviewer", STAFF_PASSWORD)
    assert not ports.reports.may_read_audit(reviewer)
    with pytest.raises(PermissionDenied):
        ports.reports.audit_events(reviewer, AuditFilter())
    with pytest.raises(PermissionDenied):
        ports.reports.audit_chain(reviewer)
    with pytest.raises(PermissionDenied):
        ports.reports.monthly(reviewer, date(2026, 10, 1), date(2026, 10, 31))


def test_an_intact_chain_vouches_for_every_row(context, ports, admin, seeded) -> None:
    checkpoint_store(context.store, context.clock.now(), None)
    status = ports.reports.audit_chain(admin)
    page = ports.reports.audit_events(admin, AuditFilter(), status.last_verified_seq)
    with context.read() as session:
        last = session.scalar(select(func.max(Event.seq)))
    assert status.intact and status.ok
    assert status.last_verified_seq == last and status.checked == last
    assert status.anchors_used == 1
    assert all(row.verified for row in page.rows)
    # Without a check named, nothing is marked verified.
    assert not any(row.verified for row in ports.reports.audit_events(admin, AuditFilter()).rows)


def test_an_altered_row_is_where_the_chain_breaks(context, ports, admin, seeded) -> None:
    with context.read() as session:
        target = session.scalar(select(Event.seq).order_by(Event.seq).offset(5).limit(1))
    with context.store.engine.begin() as conn:
        conn.execute(text("UPDATE event SET actor = 'someone' WHERE seq = :s"), {"s": target})
    status = ports.reports.audit_chain(admin)
    assert not status.intact and status.broken_at_seq == target
    assert status.last_verified_seq == target - 1
    assert "มีการแก้ไขแถวนี้" in status.problem_th and "was changed" in status.problem_en
    rows = ports.reports.audit_events(admin, AuditFilter(), status.last_verified_seq).rows
    assert all(row.verified == (row.seq < target) for row in rows)
    exported = ports.reports.audit_file(admin, AuditFilter(), "csv").decode("utf-8-sig")
    flags = {
        int(line[0]): line[8] for line in csv.reader(io.StringIO(exported)) if line[0].isdigit()
    }
    assert flags[target] == "no" and flags[target - 1] == "yes"


def test_exports_hold_every_match_masked_and_are_recorded(context, ports, admin, seeded) -> None:
    wanted = AuditFilter(tracking_number=seeded["first"])
    data = ports.reports.audit_file(admin, wanted, "csv")
    assert data.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0][0] == "ลำดับ (Row)" and len(lines) == 3
    assert [line[5] for line in lines[1:]] == ["application.received", "application.status_changed"]
    assert NATIONAL_ID not in data.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(ports.reports.audit_file(admin, wanted, "xlsx")))
    sheet = book.worksheets[0]
    assert sheet.max_row == 3 and isinstance(sheet["A2"].value, int)
    assert sheet["D2"].value.year == 2026  # a real date-time cell, Bangkok wall time
    assert sheet["D2"].value.hour == 10
    assert all(NATIONAL_ID not in str(cell.value) for row in sheet.iter_rows() for cell in row)
    exported = ports.reports.audit_events(admin, AuditFilter(kind="audit.exported")).rows
    assert len(exported) == 2 and {row.actor for row in exported} == {"admin"}
    assert '"rows":2' in exported[0].details
