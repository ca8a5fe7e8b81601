"""The catalog and the holidays as the administrator changes them in the window (through
the catalog port): every change checked in full first, versioned, audited; a request keeps
the catalog version it was received under; a new holiday moves the due dates it should,
shown before saving."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Application, CalendarVersion, CatalogVersion, Event, ServiceType
from services.api.catalog import CatalogFacade, ServiceEdit
from services.catalog.holidays import CalendarChanged
from services.catalog.problems import CatalogError
from services.catalog.store_sync import CatalogChanged
from services.kernel.calendar import Holiday
from services.kernel.errors import InvalidInput, PermissionDenied
from tests.integration import test_review
from tests.integration.test_review import submit

ws = test_review.ws  # fixtures: the ports, one signed-in officer per role
users = test_review.users

DATA = Path(__file__).resolve().parents[1] / "data" / "catalog"


@pytest.fixture
def port(context) -> CatalogFacade:
    return CatalogFacade(context)


def _edit(port: CatalogFacade, user, code: str, **changes) -> ServiceEdit:
    spec = next(s for s in port.catalog(user).services if s.code == code)
    edit = ServiceEdit(
        code=spec.code,
        name_th=spec.name_th,
        name_en=spec.name_en,
        fee_satang=spec.fee.amount_satang,
        fee_due=spec.fee.due,
        sla_business_days=spec.sla_business_days,
        ial=spec.ial,
        risk_level=spec.risk_level,
        validity_days=spec.validity_days,
        lawful_basis=spec.lawful_basis,
        purpose_th=spec.purpose_th,
        purpose_en=spec.purpose_en,
    )
    return replace(edit, **changes)


def _count(context, model) -> int:
    with context.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_fee_changed_in_the_form_is_a_new_version_and_earlier_requests_keep_theirs(
    context, port, users, ws
) -> None:
    admin = users["admin"]
    before = submit(context, hour=9)  # received under the catalog as shipped
    view = port.catalog(admin)
    assert view.may_edit and view.version == 1
    change = port.save_service(
        admin,
        view.version,
        _edit(port, admin, "FOOD-NOTICE", fee_satang=35000, sla_business_days=3),
    )
    assert change.version == 2 and change.changed == ("FOOD-NOTICE",)
    after = submit(context, hour=10)

    reviewer = users["reviewer"]
    old = ws.review.open_application(reviewer, before)
    new = ws.review.open_application(reviewer, after)
    assert (old.catalog_version, old.fee_satang) == (1, 20000)
    assert (new.catalog_version, new.fee_satang) == (2, 35000)
    # The SLA promised stays that of the version each was received under.
    with context.read() as session:
        first, second = (session.get(Application, i) for i in (before, after))
        days = context.calendar.business_days_left
        assert days(first.sla_due_at, first.deemed_received_at) == 7  # as shipped
        assert days(second.sla_due_at, second.deemed_received_at) == 3
        version = session.get(CatalogVersion, 2)
        assert (version.created_by, version.source, version.changed) == (
            "admin",
            "form",
            ["FOOD-NOTICE"],
        )
        event = session.scalars(
            select(Event).where(Event.type == "catalog.version_created").order_by(Event.seq.desc())
        ).first()
        assert event.actor == "admin" and json.loads(event.payload)["changed"] == ["FOOD-NOTICE"]
    assert port.catalog(admin).versions[0].number == 2


def test_an_edit_with_an_error_changes_nothing_and_says_where(context, port, users) -> None:
    admin = users["admin"]
    versions, events = _count(context, CatalogVersion), _count(context, Event)
    # A fee with "before approval" but nothing to pay, and an SLA of no days.
    edit = _edit(port, admin, "FOOD-NOTICE", fee_satang=0, sla_business_days=0)
    with pytest.raises(CatalogError) as caught:
        port.save_service(admin, 1, edit)
    fields = {p.field for p in caught.value.problems}
    assert "sla_business_days" in fields and any(f and f.startswith("fee") for f in fields)
    assert all(p.service_code == "FOOD-NOTICE" for p in caught.value.problems)
    assert _count(context, CatalogVersion) == versions and _count(context, Event) == events
    with context.read() as session:
        row = session.scalar(select(ServiceType).where(ServiceType.code == "FOOD-NOTICE"))
        assert (row.fee_satang, row.sla_business_days) == (20000, 7)


def test_an_imported_file_is_checked_whole_before_anything_changes(
    context, port, users, tmp_path
) -> None:
    admin = users["admin"]
    versions = _count(context, CatalogVersion)
    with pytest.raises(CatalogError) as caught:
        port.import_catalog(admin, 1, DATA / "many_problems.toml")
    assert len(caught.value.problems) > 3 and all(p.line for p in caught.value.problems)
    assert _count(context, CatalogVersion) == versions
    assert "FOOD-SHOP" in context.catalog

    # The catalog exported, one fee changed in a text editor, imported: one new version.
    exported = tmp_path / "catalog.toml"
    port.export_catalog(admin, exported)
    text = exported.read_text(encoding="utf-8").replace(
        "amount_satang = 20000", "amount_satang = 25000", 1
    )
    exported.write_text(text, encoding="utf-8")
    change = port.import_catalog(admin, 1, exported)
    assert change.version == 2 and len(change.changed) == 1
    assert context.catalog.get(change.changed[0]).fee.amount_satang == 25000


def test_two_changes_from_the_same_version_cannot_both_be_saved(context, port, users) -> None:
    admin = users["admin"]
    port.save_service(admin, 1, _edit(port, admin, "FOOD-NOTICE", fee_satang=30000))
    with pytest.raises(CatalogChanged):
        port.save_service(admin, 1, _edit(port, admin, "FOOD-SHOP", fee_satang=210000))
    with context.read() as session:
        row = session.scalar(select(ServiceType).where(ServiceType.code == "FOOD-SHOP"))
        assert row.fee_satang == 200000


def test_two_windows_saving_at_once_keep_exactly_one(context, port, users) -> None:
    admin = users["admin"]
    edits = [
        _edit(port, admin, "FOOD-NOTICE", fee_satang=30000),
        _edit(port, admin, "FOOD-SHOP", fee_satang=210000),
    ]
    gate = threading.Barrier(2)
    outcomes: list[object] = []

    def save(edit: ServiceEdit) -> None:
        gate.wait()
        try:
            outcomes.append(port.save_service(admin, 1, edit))
        except CatalogChanged as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=save, args=(e,)) for e in edits]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(type(o).__name__ for o in outcomes) == ["CatalogChange", "CatalogChanged"]
    assert _count(context, CatalogVersion) == 2


def test_officers_see_the_catalog_only_the_administrator_changes_it(context, port, users) -> None:
    reviewer = users["reviewer"]
    view = port.catalog(reviewer)
    assert not view.may_edit and len(view.services) == len(context.catalog)
    assert not port.calendar(reviewer).may_edit
    with pytest.raises(PermissionDenied):
        port.save_service(reviewer, 1, _edit(port, reviewer, "FOOD-NOTICE", fee_satang=1))
    with pytest.raises(PermissionDenied):
        port.propose_removal(reviewer, 1, date(2026, 12, 7))
    assert _count(context, CatalogVersion) == 1


def test_a_new_holiday_shows_the_due_dates_it_moves_and_moves_them_when_saved(
    context, port, users
) -> None:
    admin = users["admin"]
    app_id = submit(context, hour=9)  # 24 Nov 2026, due 7 business days later
    with context.read() as session:
        due = session.get(Application, app_id).sla_due_at
    view = port.calendar(admin)
    assert view.version == 1 and view.may_edit
    holiday = Holiday(date(2026, 11, 30), "วันหยุดพิเศษ", "Special holiday", confirmed=False)
    proposal = port.propose_holiday(admin, view.version, holiday)
    assert [m.application_id for m in proposal.moves] == [app_id]
    assert proposal.moves[0].old_due == due and proposal.moves[0].new_due > due
    assert proposal.added == (holiday,)
    # Only a proposal: nothing moved yet.
    assert _count(context, CalendarVersion) == 1
    with context.read() as session:
        assert session.get(Application, app_id).sla_due_at == due

    assert port.save_calendar(admin, proposal) == 2
    with context.read() as session:
        app = session.get(Application, app_id)
        assert app.sla_due_at == proposal.moves[0].new_due
        version = session.get(CalendarVersion, 2)
        assert version.moved == [app.tracking_number] and version.created_by == "admin"
        moved = session.scalars(
            select(Event).where(Event.type == "application.sla_moved", Event.aggregate_id == app_id)
        ).one()
        assert json.loads(moved.payload)["new_due"] == proposal.moves[0].new_due.isoformat()
    assert context.calendar.holiday(date(2026, 11, 30)) == holiday
    stored = port.calendar(admin)
    assert stored.version == 2
    assert [h for h in stored.holidays if h.day == date(2026, 11, 30)] == [holiday]
    # The same proposal again was made from version 1: refused, nothing changes.
    with pytest.raises(CalendarChanged):
        port.save_calendar(admin, proposal)


def test_a_years_announcement_replaces_that_year_only(context, port, users, tmp_path) -> None:
    admin = users["admin"]
    announcement = tmp_path / "cabinet_2028.toml"
    announcement.write_text(
        '[[holiday]]\ndate = 2028-01-03\nname_th = "วันหยุดชดเชยวันขึ้นปีใหม่"\n'
        'name_en = "New Year\'s Day substitution"\n\n'
        '[[holiday]]\ndate = 2028-02-10\nname_th = "วันมาฆบูชา"\nname_en = "Makha Bucha Day"\n'
        "confirmed = false\n",
        encoding="utf-8",
    )
    before = port.calendar(admin)
    proposal = port.propose_import(admin, before.version, announcement)
    assert [h.day.year for h in proposal.added] == [2028, 2028] and proposal.removed == ()
    assert proposal.moves == ()  # nothing open is due in 2028
    port.save_calendar(admin, proposal)
    after = port.calendar(admin)
    assert len(after.holidays) == len(before.holidays) + 2
    assert [h.confirmed for h in after.holidays if h.day.year == 2028] == [True, False]

    broken = tmp_path / "broken.toml"
    broken.write_text('[[holiday]]\ndate = 2571-01-01\nname_th = "x"\nname_en = "x"\n')
    with pytest.raises(InvalidInput, match="Buddhist Era"):
        port.propose_import(admin, after.version, broken)
    assert port.calendar(admin).version == after.version


def test_the_calendar_is_seeded_once_and_a_window_change_survives_a_restart(
    context, port, users, data_dir, clock
) -> None:
    from services.store.profile import load_context

    admin = users["admin"]
    proposal = port.propose_removal(admin, 1, date(2026, 12, 7))
    port.save_calendar(admin, proposal)
    reopened = load_context(data_dir, clock)
    try:
        assert reopened.calendar.holiday(date(2026, 12, 7)) is None
        assert reopened.calendar.holiday(date(2026, 12, 10)) is not None
    finally:
        reopened.store.close()


def test_doctor_reads_the_holidays_the_store_holds(
    context, port, users, data_dir, tmp_path
) -> None:
    from app import doctor
    from app.settings import Settings

    # The shipped file stops at 2027: in March 2028 it alone would fail the check.
    settings = Settings({}, None)
    before = doctor._holidays(settings, data_dir, date(2028, 3, 1))
    assert not before.ok and "version 1" in before.detail
    announcement = tmp_path / "cabinet_2028.toml"
    announcement.write_text(
        '[[holiday]]\ndate = 2028-01-03\nname_th = "วันหยุดชดเชยวันขึ้นปีใหม่"\n'
        'name_en = "New Year\'s Day substitution"\n',
        encoding="utf-8",
    )
    admin = users["admin"]
    port.save_calendar(admin, port.propose_import(admin, 1, announcement))
    after = doctor._holidays(settings, data_dir, date(2028, 3, 1))
    assert after.ok and "version 2" in after.detail and "2028" in after.detail


def test_a_changed_holiday_file_in_the_settings_moves_due_dates_like_the_window(
    context, users, tmp_path
) -> None:
    from services.cases.sla_moves import apply_holiday_file
    from services.kernel.calendar import DEFAULT_HOLIDAYS_PATH

    app_id = submit(context, hour=9)
    with context.read() as session:
        due = session.get(Application, app_id).sla_due_at
    named = tmp_path / "holidays.toml"
    named.write_bytes(DEFAULT_HOLIDAYS_PATH.read_bytes())
    assert apply_holiday_file(context, named) is None  # the same holidays: nothing to take
    named.write_text(
        named.read_text(encoding="utf-8")
        + '\n[[holiday]]\ndate = 2026-11-30\nname_th = "วันหยุดพิเศษ"\nname_en = "Special holiday"\n',
        encoding="utf-8",
    )
    moves = apply_holiday_file(context, named)
    assert moves is not None and [m.application_id for m in moves] == [app_id]
    with context.read() as session:
        assert session.get(Application, app_id).sla_due_at > due
        version = session.get(CalendarVersion, 2)
        assert version.source == "file" and version.moved == [moves[0].tracking_number]
    assert context.calendar.holiday(date(2026, 11, 30)) is not None
    assert apply_holiday_file(context, named) is None  # taken once
