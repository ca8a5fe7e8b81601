"""The audit chain against its checkpoints outside the store, and the state against the events.

Each tampering here is one a holder of the store key can do with plain SQL; before the
checkpoints and the replay, ``anuyat audit verify`` called every one of them "intact".
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from services.kernel.actors import SYSTEM
from services.kernel.events import GENESIS, event_hash
from services.store.anchors import (
    DRIVE_ANCHOR_DIR,
    LOCAL_ANCHOR_DIR,
    check_store_anchors,
    checkpoint_store,
)
from services.store.engine import open_store
from tests.conftest import STAFF_PASSWORD

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("ANUYAT_CONFIG_DIR", str(config))
    monkeypatch.delenv("ANUYAT_DATA_DIR", raising=False)
    return config


@pytest.fixture
def profile(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """A profile made by ``anuyat init`` (which writes the first checkpoint), plus events."""
    monkeypatch.setenv("ANUYAT_ADMIN_PASSWORD", STAFF_PASSWORD)
    assert main(
        ["--data-dir", str(data_dir), "init", "--agency-name-th", "เทศบาลตำบลทดสอบ",
         "--agency-name-en", "Test Municipality", "--agency-code", "TST",
         "--agency-number", "ทส 52001", "--agency-email", "saraban@test.example.go.th"]
    ) == 0  # fmt: skip
    _add_events(data_dir, 6)
    assert main(["--data-dir", str(data_dir), "audit", "checkpoint"]) == 0
    capsys.readouterr()
    return data_dir


def _add_events(data_dir: Path, n: int) -> None:
    from services.kernel.clock import FixedClock
    from services.store.profile import load_context

    context = load_context(data_dir, FixedClock(NOW))
    try:
        with context.unit_of_work(SYSTEM) as uow:
            for i in range(n):
                uow.record("test.happened", "test", f"agg-{i}", {"i": i})
    finally:
        context.store.close()


def _sql(data_dir: Path, *statements: str) -> None:
    store = open_store(data_dir)
    try:
        with store.engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        store.close()


def _verify(data_dir: Path, capsys) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "audit", "verify"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rehash_from(conn, seq: int) -> None:
    """What a key holder does after an edit: recompute every hash from ``seq`` on."""
    rows = conn.execute(
        text(
            "SELECT seq, id, station_id, station_seq, actor, occurred_at, type, "
            "aggregate_type, aggregate_id, payload FROM event ORDER BY seq"
        )
    ).all()
    prev = GENESIS
    for row in rows:
        if row.seq >= seq:
            digest = event_hash(
                prev,
                id=row.id,
                station_id=row.station_id,
                station_seq=row.station_seq,
                actor=row.actor,
                occurred_at=datetime.fromisoformat(str(row.occurred_at)),
                type=row.type,
                aggregate_type=row.aggregate_type,
                aggregate_id=row.aggregate_id,
                payload=row.payload,
            )
            conn.execute(
                text("UPDATE event SET prev_hash = :p, hash = :h WHERE seq = :s"),
                {"p": prev, "h": digest, "s": row.seq},
            )
            prev = digest
        else:
            prev = conn.execute(
                text("SELECT hash FROM event WHERE seq = :s"), {"s": row.seq}
            ).scalar_one()
    conn.execute(text("UPDATE chain_head SET last_hash = :h"), {"h": prev})


def test_an_intact_profile_names_the_checkpoint_it_used(profile: Path, capsys) -> None:
    code, out, err = _verify(profile, capsys)
    assert code == 0, err
    assert "Audit chain intact" in out
    assert f"Checked against the checkpoint in {profile / LOCAL_ANCHOR_DIR}" in out
    assert "Current state agrees with the events" in out


def test_deleting_the_last_rows_and_moving_the_head_is_tampering(profile: Path, capsys) -> None:
    _sql(
        profile,
        "DELETE FROM event WHERE seq > (SELECT max(seq) - 2 FROM event)",
        "UPDATE chain_head SET last_station_seq = (SELECT max(station_seq) FROM event), "
        "last_hash = (SELECT hash FROM event ORDER BY seq DESC LIMIT 1)",
    )
    code, out, err = _verify(profile, capsys)
    assert code == 3
    assert "Audit chain intact" in out  # the chain alone still checks out...
    assert "TAMPERED" in err and "events were removed" in err  # ...its checkpoint does not


def test_deleting_every_event_is_tampering(profile: Path, capsys) -> None:
    _sql(profile, "DELETE FROM event", "DELETE FROM chain_head")
    code, _out, err = _verify(profile, capsys)
    assert code == 3
    assert "TAMPERED" in err and "the chain now ends at #0" in err


def test_rehashing_the_chain_after_an_edit_is_tampering(profile: Path, capsys) -> None:
    store = open_store(profile)
    try:
        with store.engine.begin() as conn:
            seq = conn.execute(text("SELECT min(seq) + 2 FROM event")).scalar_one()
            conn.execute(text("UPDATE event SET payload = '{}' WHERE seq = :s"), {"s": seq})
            _rehash_from(conn, seq)
    finally:
        store.close()
    code, out, err = _verify(profile, capsys)
    assert code == 3
    assert "Audit chain intact" in out
    assert "TAMPERED" in err and "the chain was rewritten" in err


def test_a_forged_checkpoint_line_is_reported(profile: Path, capsys) -> None:
    anchor = next((profile / LOCAL_ANCHOR_DIR).glob("*.jsonl"))
    last = json.loads(anchor.read_text(encoding="utf-8").splitlines()[-1])
    forged = {**last, "seq": last["seq"] + 50, "mac": "0" * 64}
    with anchor.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(forged) + "\n")
    code, _out, err = _verify(profile, capsys)
    assert code == 3 and "is not authentic" in err


def test_no_checkpoint_is_said_plainly(profile: Path, capsys) -> None:
    import shutil

    shutil.rmtree(profile / LOCAL_ANCHOR_DIR)
    code, out, _err = _verify(profile, capsys)
    assert code == 0
    assert "No checkpoint found outside the store" in out and "ไม่พบจุดตรวจสอบ" in out
    assert str(profile / LOCAL_ANCHOR_DIR) in out


def test_the_shared_drive_copy_catches_what_the_local_file_no_longer_shows(
    profile: Path, tmp_path: Path, capsys
) -> None:
    import shutil

    drive = tmp_path / "drive"
    drive.mkdir()
    (profile / "settings.toml").write_text(f'drive_root = "{drive}"\n', encoding="utf-8")
    assert main(["--data-dir", str(profile), "audit", "checkpoint"]) == 0
    assert list((drive / DRIVE_ANCHOR_DIR).glob("*.jsonl"))
    # The key holder truncates the chain and removes the checkpoints beside the store.
    _sql(
        profile,
        "DELETE FROM event WHERE seq > (SELECT max(seq) - 3 FROM event)",
        "UPDATE chain_head SET last_station_seq = (SELECT max(station_seq) FROM event), "
        "last_hash = (SELECT hash FROM event ORDER BY seq DESC LIMIT 1)",
    )
    shutil.rmtree(profile / LOCAL_ANCHOR_DIR)
    capsys.readouterr()
    code, out, err = _verify(profile, capsys)
    assert code == 3
    assert f"Checked against the checkpoint in {drive / DRIVE_ANCHOR_DIR}" in out
    assert str(drive / DRIVE_ANCHOR_DIR) in err and "events were removed" in err


def test_no_new_checkpoint_anchors_a_rewritten_chain(profile: Path, capsys) -> None:
    store = open_store(profile)
    try:
        with store.engine.begin() as conn:
            seq = conn.execute(text("SELECT min(seq) FROM event")).scalar_one()
            conn.execute(text("UPDATE event SET actor = 'someone' WHERE seq = :s"), {"s": seq})
            _rehash_from(conn, seq)
    finally:
        store.close()
    _add_events(profile, 1)  # the head moves on top of the rewritten chain
    assert main(["--data-dir", str(profile), "audit", "checkpoint"]) == 3
    assert "No checkpoint written" in capsys.readouterr().err


def test_sync_and_sign_out_write_checkpoints(profile: Path) -> None:
    from app.bootstrap import open_runtime
    from app.settings import load_settings
    from services.kernel.clock import FixedClock

    runtime = open_runtime(profile, load_settings(), FixedClock(NOW))
    anchor = next((profile / LOCAL_ANCHOR_DIR).glob("*.jsonl"))
    try:
        lines = len(anchor.read_text(encoding="utf-8").splitlines())
        user = runtime.ports.shell.sign_in("admin", STAFF_PASSWORD)  # an event: the head moves
        runtime.ports.intake.run_sync(user)
        assert len(anchor.read_text(encoding="utf-8").splitlines()) == lines + 1
        runtime.ports.shell.sign_out(user)  # records the sign-out, then anchors it
        after = anchor.read_text(encoding="utf-8").splitlines()
        assert len(after) == lines + 2
        with runtime.context.read() as session:
            head = session.execute(text("SELECT last_station_seq FROM chain_head")).scalar_one()
            last_type = session.execute(
                text("SELECT type FROM event ORDER BY seq DESC LIMIT 1")
            ).scalar_one()
        assert json.loads(after[-1])["seq"] == head and last_type == "user.signed_out"
    finally:
        runtime.close()


def test_checkpoints_need_the_profile_key(context, tmp_path: Path) -> None:
    """Another profile's key (a forger without this one) cannot make a valid checkpoint."""
    from dataclasses import replace

    checkpoint_store(context.store, NOW, None)
    assert check_store_anchors(context.store, None).ok
    other = replace(context.store, anchor_key=b"\x01" * 32)
    report = check_store_anchors(other, None)
    assert not report.ok and {p.problem for p in report.problems} == {"forged"}


# --- the current state against the events ---------------------------------------------


def _application(context) -> tuple[str, str]:
    from services.cases.applications import (
        NewApplicant,
        create_application,
        find_or_create_applicant,
    )

    with context.unit_of_work(SYSTEM) as uow:
        applicant = find_or_create_applicant(
            uow, NewApplicant(kind="person", name_th="นายทดสอบ ระบบ", email="t@example.co.th")
        )
        application = create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="counter",
            received_at=NOW,
            subject="คำขอทดสอบ",
            applicant=applicant,
            service_code=context.catalog.services[0].code,
        )
        return application.id, applicant.id


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("UPDATE application SET status = 'approved'", "status is 'approved'"),
        (
            "UPDATE application SET assignee_id = (SELECT id FROM app_user WHERE username = "
            "'approver')",
            "holder is 'approver'",
        ),
        ("UPDATE application SET applicant_id = NULL", "applicant_id is None"),
        ("UPDATE applicant SET name_th = 'นายคนอื่น แทนที่'", "its name differs"),
        ("UPDATE applicant SET national_id = '1101700207030'", "has_national_id is True"),
    ],
)
def test_state_changed_without_an_event_is_found(context, statement: str, named: str) -> None:
    from services.kernel.state_check import check_state

    _application(context)
    with context.read() as session:
        assert check_state(session) == []
    with context.store.engine.begin() as conn:
        conn.execute(text(statement))
    with context.read() as session:
        found = check_state(session)
    assert len(found) == 1 and named in found[0].describe()
    assert "นายคนอื่น" not in found[0].describe()  # names are not repeated in the report


def test_claims_and_releases_replay_to_the_current_holder(context, actors) -> None:
    from services.kernel.state_check import check_state
    from services.review import queue

    app_id, _ = _application(context)
    with context.unit_of_work(actors["reviewer"]) as uow:
        queue.claim(uow, context.calendar, app_id)
    with context.read() as session:
        assert check_state(session) == []
    with context.unit_of_work(actors["admin"]) as uow:
        queue.release_claim(uow, app_id)
    with context.read() as session:
        assert check_state(session) == []
    with context.store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE application SET assignee_id = "
                "(SELECT id FROM app_user WHERE username = 'reviewer')"
            )
        )
    with context.read() as session:
        assert [m.field for m in check_state(session)] == ["holder"]


def test_verify_reports_an_application_added_without_an_event(profile: Path, capsys) -> None:
    from services.kernel.clock import FixedClock
    from services.store.profile import load_context

    context = load_context(profile, FixedClock(NOW))
    try:
        _application(context)
        with context.store.engine.begin() as conn:
            conn.execute(text("UPDATE application SET status = 'issued'"))
    finally:
        context.store.close()
    code, _out, err = _verify(profile, capsys)
    assert code == 3
    assert "Current state DIFFERS from the events in 1 places" in err
    assert "status is 'issued'" in err
