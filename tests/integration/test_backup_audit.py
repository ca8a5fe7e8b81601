"""Backups leave audit events, and a later backup vouches for the blobs it already holds
without reading them again, while ``backup verify`` still re-reads every one."""

# ruff: noqa: F401, F811  (pytest fixtures imported from test_backup)
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Event
from services.api.backup import BackupFacade
from services.backup.create import create_backup
from services.backup.layout import BLOBS, BackupDamaged, BackupFailed
from services.backup.verify import verify_snapshot
from services.kernel.events import verify_chain
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_backup import master, register, scans


def test_a_later_backup_reads_only_the_new_blobs_and_verify_still_reads_all(
    context, actors, scans, master, tmp_path: Path
) -> None:
    register(context, actors["intake"], scans, 3)
    usb = tmp_path / "usb"
    first = create_backup(context.store.data_dir, usb, master, clock=context.clock)
    register(context, actors["intake"], scans, 1)
    steps: list[str] = []
    second = create_backup(
        context.store.data_dir, usb, master, clock=context.clock, step=steps.append
    )

    assert second.blobs_copied == 1
    assert [s for s in steps if s.startswith(("blob ", "hash "))] == [
        s for s in steps if s.startswith("blob ")
    ]  # nothing already in the folder was hashed again
    assert len([s for s in steps if s.startswith("blob ")]) == 1
    vouched = set(first.manifest.blobs)
    assert {k: second.manifest.blobs[k] for k in vouched} == first.manifest.blobs
    assert verify_snapshot(second.path, master).files_checked >= len(second.manifest.blobs)

    # A vouched-for blob damaged on the backup disk since: verify finds it all the same.
    name = sorted(vouched)[0]
    damaged = second.path.parent / BLOBS / name
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupDamaged):
        verify_snapshot(second.path, master)


def test_backups_made_and_failed_are_audit_events(context, tmp_path: Path) -> None:
    from services.api.ports import build_ports

    admin = build_ports(context).shell.sign_in("admin", STAFF_PASSWORD)
    chosen = {"backup_dir": str(tmp_path / "usb")}
    facade = BackupFacade(context, lambda: chosen)
    made = facade.back_up_now(admin)
    chosen["backup_dir"] = str(tmp_path / "a-file")
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(BackupFailed):
        facade.back_up_now(admin)

    with context.read() as session:
        events = session.scalars(
            select(Event).where(Event.aggregate_type == "backup").order_by(Event.seq)
        ).all()
        assert [(e.type, e.actor) for e in events] == [
            ("backup.created", "admin"),
            ("backup.failed", "admin"),
        ]
        created = json.loads(events[0].payload)
        assert created["snapshot"] == made.path.name and created["copied"] == made.blobs_copied
        assert json.loads(events[1].payload)["action"] == "create"
        assert verify_chain(session).ok


def test_the_command_line_records_its_backups_and_verifications(
    context, data_dir: Path, tmp_path: Path, capsys
) -> None:
    from app.cli import main

    usb = tmp_path / "usb"
    base = ["--data-dir", str(data_dir), "backup"]
    assert main([*base, "create", "--to", str(usb)]) == 0
    assert main([*base, "verify", "--to", str(usb)]) == 0
    assert main([*base, "verify", str(tmp_path / "nothing-here")]) == 2
    capsys.readouterr()

    with context.read() as session:
        events = session.scalars(
            select(Event).where(Event.aggregate_type == "backup").order_by(Event.seq)
        ).all()
        assert [(e.type, e.actor) for e in events] == [
            ("backup.created", "system:cli"),
            ("backup.verified", "system:cli"),
            ("backup.failed", "system:cli"),
        ]
        assert json.loads(events[2].payload)["action"] == "verify"
        assert verify_chain(session).ok


def test_a_restore_is_recorded_in_the_restored_profile(
    context, data_dir: Path, master, tmp_path: Path, monkeypatch, capsys
) -> None:
    from app.cli import main
    from services.store.profile import load_context
    from services.store.recovery import export_recovery_file
    from tests.integration.test_backup import FAST_KDF, PASSPHRASE

    made = create_backup(context.store.data_dir, tmp_path / "usb", master, clock=context.clock)

    recovery = tmp_path / "recovery.json"
    export_recovery_file(data_dir, master, PASSPHRASE, recovery, kdf=FAST_KDF)
    monkeypatch.setenv("ANUYAT_RECOVERY_PASSPHRASE", PASSPHRASE)
    into = tmp_path / "restored"
    assert main(["backup", "restore", str(made.path), "--recovery-file", str(recovery),
                 "--into", str(into)]) == 0  # fmt: skip
    assert "Restored into" in capsys.readouterr().out

    restored = load_context(into, context.clock)
    try:
        with restored.read() as session:
            (event,) = session.scalars(select(Event).where(Event.type == "backup.restored")).all()
            assert event.actor == "system:cli"
            assert json.loads(event.payload)["snapshot"] == made.path.name
            assert verify_chain(session).ok
    finally:
        restored.store.close()
