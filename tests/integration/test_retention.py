"""Retention and destruction on a real encrypted profile: nothing is listed by default; a
list for the head of the agency's order; no destruction before the order is recorded; then
each request goes once, leaving its tombstone and an event, its files removed, the audit
chain intact; two stations destroying the same list at once destroy each request once."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_review)
from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from models import Application, DestructionItem, Document, Event
from services.api.archive import Archive
from services.archive.policy import RetentionPolicy
from services.kernel.actors import Actor
from services.kernel.errors import InvalidInput, PermissionDenied
from services.kernel.events import verify_chain
from services.kernel.state_check import check_state
from services.store.profile import load_context
from tests.data import mail_corpus as corpus
from tests.integration.test_review import submit, users, ws
from tests.pdf_reading import pdftotext_pages, pypdf_pages, save_artifact

ONE_YEAR = RetentionPolicy(years=1)


@pytest.fixture
def closed_and_open(context, ws, users) -> tuple[str, str]:
    """A request withdrawn (closed) today and one still open; they share one file (the
    same bytes: one blob)."""
    files = (("ใบมอบอำนาจ.pdf", corpus.file_pdf(3)), ("บัตรประชาชน.pdf", corpus.file_pdf(1)))
    closed = submit(context, hour=9, files=files)
    ws.intake.withdraw(users["intake"], closed, "ผู้ยื่นขอถอนคำขอที่เคาน์เตอร์")
    still_open = submit(context, hour=10, email="open@example.co.th")
    return closed, still_open


def _blobs_of(context, app_id: str) -> list[str]:
    with context.read() as session:
        return list(
            session.scalars(select(Document.blob_sha256).where(Document.application_id == app_id))
        )


def test_nothing_is_listed_by_default_and_nothing_before_its_period(
    context, users, closed_and_open, tmp_path
) -> None:
    archive = Archive(context)
    context.clock.advance(timedelta(days=3650))
    with pytest.raises(InvalidInput) as raised:
        archive.draw_up_list(users["admin"], RetentionPolicy(), tmp_path)
    assert raised.value.code == "nothing_to_destroy" and "for ever" in raised.value.en
    context.clock.advance(timedelta(days=-3650 + 300))  # closed 300 days ago: kept a year
    with pytest.raises(InvalidInput):
        archive.draw_up_list(users["admin"], ONE_YEAR, tmp_path)
    with pytest.raises(PermissionDenied):
        archive.draw_up_list(users["reviewer"], ONE_YEAR, tmp_path)


def test_destruction_needs_the_order_then_leaves_a_tombstone_and_an_intact_chain(
    context, users, closed_and_open, tmp_path
) -> None:
    closed, still_open = closed_and_open
    archive = Archive(context)
    admin = users["admin"]
    shas = _blobs_of(context, closed)
    shared = set(shas) & set(_blobs_of(context, still_open))
    assert len(shas) == 2 and len(shared) == 1
    assert all(context.store.blobs.exists(s) for s in shas)
    context.clock.advance(timedelta(days=366))

    written = archive.draw_up_list(admin, ONE_YEAR, tmp_path)
    with context.read() as session:
        tracking = session.get(Application, closed).tracking_number
        open_tracking = session.get(Application, still_open).tracking_number
    assert written.requests == 1
    pdf = written.pdf.read_bytes()
    save_artifact("destruction-list.pdf", pdf)
    for pages in (pypdf_pages(pdf), pdftotext_pages(written.pdf)):
        text = " ".join(pages)
        assert f"ทะเบียนขอทำลาย ลำดับที่ {written.number}" in text
        assert tracking in text and open_tracking not in text
        assert "สมชาย" not in text  # names requests, never applicants
    csv_text = written.csv.read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("ลำดับที่,เลขที่คำขอ") and tracking in csv_text

    # No order recorded: refused, nothing changes.
    with pytest.raises(InvalidInput) as raised:
        archive.destroy(admin, written.number)
    assert raised.value.code == "no_destruction_order" and "head of the agency" in raised.value.en
    assert all(context.store.blobs.exists(s) for s in shas)
    with pytest.raises(PermissionDenied):
        archive.record_order(users["approver"], written.number, "1/2570", "นายก", date(2027, 1, 5))
    archive.record_order(admin, written.number, "12/2570", "นายกเทศมนตรี ใจดี", date(2027, 1, 5))
    with pytest.raises(InvalidInput, match="already"):
        archive.record_order(admin, written.number, "13/2570", "นายก", date(2027, 1, 6))

    done = archive.destroy(admin, written.number)
    assert done.destroyed == (tracking,) and done.kept == ()
    # Its own file is gone; the one the open request also holds stays.
    assert [context.store.blobs.exists(s) for s in shas] == [s in shared for s in shas]
    with context.read() as session:
        tombstone = session.get(Application, closed)
        assert tombstone.destroyed_at is not None and tombstone.form_data == {}
        assert tombstone.tracking_number == tracking  # the row stays
        item = session.scalars(select(DestructionItem)).one()
        assert item.state == "destroyed" and item.files_removed == len(shas)
        assert session.get(Application, still_open).destroyed_at is None
        events = session.scalars(select(Event).where(Event.type == "application.destroyed")).all()
        assert [e.aggregate_id for e in events] == [closed] and "12/2570" in events[0].payload
        assert verify_chain(session).ok and check_state(session) == []
    # Again: nothing left to destroy, nothing destroyed twice.
    again = archive.destroy(admin, written.number)
    assert again.destroyed == () and again.kept == ()
    with context.read() as session:
        count = session.scalar(
            select(func.count()).select_from(Event).where(Event.type == "application.destroyed")
        )
    assert count == 1
    # The request's file still exports: its tombstone, and pages saying what went.
    from services.archive.export import export_case
    from services.kernel.actors import Actor

    exported = export_case(
        context, Actor.from_user(users["approver"]), tracking, tmp_path / "after.pdf"
    )
    text = " ".join(pypdf_pages(exported.path.read_bytes()))
    assert "ทำลายแล้วตามคำสั่ง" in text and "destroyed by order" in text
    # The list's PDF now shows the order.
    shown = archive.write_list(admin, written.number, tmp_path / "after")
    assert "คำสั่งที่ 12/2570" in " ".join(pypdf_pages(shown.pdf.read_bytes()))


def test_two_stations_destroying_one_list_at_once_destroy_each_request_once(
    context, users, ws, data_dir, clock, tmp_path
) -> None:
    ids = []
    for hour in (9, 10, 11, 13):
        app_id = submit(context, hour=hour, email=f"r{hour}@example.co.th")
        ws.intake.withdraw(users["intake"], app_id, "ผู้ยื่นขอถอน")
        ids.append(app_id)
    clock.advance(timedelta(days=366))
    archive = Archive(context)
    number = archive.draw_up_list(users["admin"], ONE_YEAR, tmp_path).number
    archive.record_order(users["admin"], number, "7/2570", "นายก", date(2027, 1, 5))

    other = load_context(data_dir, clock)  # a second engine on the same store
    results, errors = [], []

    def run(ctx) -> None:
        try:
            results.append(Archive(ctx).destroy(users["admin"], number))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in (context, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.store.close()
    assert errors == []
    destroyed = sorted(t for r in results for t in r.destroyed)
    assert len(destroyed) == 4 and len(set(destroyed)) == 4
    with context.read() as session:
        per_app = dict(
            session.execute(
                select(Event.aggregate_id, func.count())
                .where(Event.type == "application.destroyed")
                .group_by(Event.aggregate_id)
            ).all()
        )
        assert per_app == {app_id: 1 for app_id in ids}
        assert verify_chain(session).ok


def test_the_cli_refuses_to_destroy_without_the_order_then_destroys_with_it(
    context, users, closed_and_open, data_dir, tmp_path, monkeypatch, capsys
) -> None:
    from app.cli import main
    from tests.conftest import STAFF_PASSWORD

    context.clock.advance(timedelta(days=366))
    number = Archive(context).draw_up_list(users["admin"], ONE_YEAR, tmp_path).number
    context.store.close()  # the command opens the profile itself
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    base = ["--data-dir", str(data_dir), "retention"]

    assert main([*base, "destroy", str(number)]) == 2
    assert "no order of the head of the agency" in capsys.readouterr().err
    order = ["order", str(number), "--order-number", "3/2570", "--ordered-by", "นายก ใจดี"]
    assert main([*base, *order, "--date", "5/1/2027"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    # The command runs on the real clock: an order dated ahead of today is refused.
    assert main([*base, *order, "--date", "2999-01-05"]) == 2
    assert "in the future" in capsys.readouterr().err
    assert main([*base, *order, "--date", "2026-11-30"]) == 0
    assert main([*base, "destroy", str(number)]) == 0
    assert "Destroyed 1 request(s), kept 0" in capsys.readouterr().out

    # The periods are read from the profile's settings.toml.
    (data_dir / "settings.toml").write_text('retention_by_service = ["FOOD-SHOP: 5"]\n')
    assert main([*base, "list", "--to", str(tmp_path / "lists")]) == 2
    assert "SERVICE_CODE=YEARS" in capsys.readouterr().err
    (data_dir / "settings.toml").write_text("retention_years = 0\n")
    assert main([*base, "list", "--to", str(tmp_path / "lists")]) == 2
    assert "kept for ever" in capsys.readouterr().err


def test_the_overview_counts_what_is_past_and_an_order_dated_ahead_is_refused(
    context, users, closed_and_open, tmp_path
) -> None:
    from services.api.archive import KeptBecause, ListState

    closed, _ = closed_and_open
    policy = RetentionPolicy(years=1, by_service={"FOOD-SHOP": 0})
    archive = Archive(context, lambda: policy)
    admin = users["admin"]
    context.clock.advance(timedelta(days=366))
    overview = archive.retention_overview(admin)
    periods = {s.code: (s.years, s.past) for s in overview.services}
    assert periods["FOOD-NOTICE"] == (1, 1) and periods["FOOD-SHOP"] == (0, 0)
    assert overview.default_years == 1 and overview.past == 1 and overview.lists == ()
    with pytest.raises(PermissionDenied):
        archive.retention_overview(users["reviewer"])

    number = archive.draft(admin)
    after = archive.retention_overview(admin)
    assert after.past == 0  # on an open list now
    assert [(s.number, s.state, s.requests) for s in after.lists] == [
        (number, ListState.DRAFTED, 1)
    ]
    (listed,) = archive.listed_requests(admin, number)
    assert listed.state == "listed" and listed.service_code == "FOOD-NOTICE"
    with pytest.raises(InvalidInput, match="in the future"):
        archive.record_typed_order(admin, number, "1/2571", "นายก", "31/12/2600")
    with pytest.raises(InvalidInput, match="not a date"):
        archive.record_typed_order(admin, number, "1/2571", "นายก", "วันนี้")
    archive.record_typed_order(admin, number, "1/2571", "นายก ใจดี", "5/11/2570")
    assert archive.retention_overview(admin).lists[0].state == ListState.ORDERED
    # Worked on again elsewhere (no service reopens a closed request today).
    with context.unit_of_work(Actor.from_user(admin)) as uow:
        uow.session.execute(
            update(Application)
            .where(Application.id == closed)
            .values(status="in_review", closed_at=None)
        )
    done = archive.destroy(admin, number)
    assert done.destroyed == () and len(done.kept) == 1
    (kept,) = archive.listed_requests(admin, number)
    assert kept.state == "kept" and kept.kept_because == KeptBecause.REOPENED
    assert archive.retention_overview(admin).lists[0].state == ListState.DESTROYED
