"""Nothing left behind on a station's file store when an intake group's write fails or is killed.

An intake group writes its files before the rows that name them (services.intake.group).
(A group whose joint try fails drops what only that try wrote:
tests/integration/test_group_orphans.py, on both stores.) A group
killed (SIGKILL) before its commit leaves files no row names — whole blobs, or temporary
files — which the orphan sweep removes once past its grace period, keeping every named one.
(Station store only: on the agency server a put commits at once, and such blobs are the
sweep's, tests/integration/test_blob_sweep.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Event
from services.intake.group import record_group
from services.kernel.actors import Actor
from services.kernel.clock import FixedClock
from services.kernel.events import verify_chain
from services.store.blob_sweep import sweep_orphans
from services.store.context import AppContext
from services.store.profile import load_context
from tests.file_keyring import child_env, file_keyring_in_use
from tests.orphan_mail import prepared, request_mail, unnamed

pytestmark = pytest.mark.station_store

ROOT = Path(__file__).resolve().parents[2]


def _leftovers(data_dir: Path) -> list[Path]:
    return [p for p in (data_dir / "blobs").rglob(".*") if p.is_file()]


def _age_everything(data_dir: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    for path in (data_dir / "blobs").rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


# A child records one group of three mails and kills itself (SIGKILL) at the step given:
# "arrival" (rows written, files still temporary) or "durable" (files in place, no commit).
CHILD = textwrap.dedent(
    """
    import os
    import signal
    import sys
    from datetime import UTC, datetime
    from pathlib import Path

    from services.intake.group import parse_fetched, prepare_mail, record_group
    from services.intake.types import Limits, RawMail
    from services.kernel.clock import FixedClock
    from services.store.profile import load_context
    from tests.orphan_mail import SOURCE, request_mail

    data_dir, kill_at = Path(sys.argv[1]), sys.argv[2]
    context = load_context(data_dir, FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC)))
    group = []
    for uid in (11, 12, 13):
        arrived = datetime(2026, 11, 24, 2, uid, tzinfo=UTC)
        mail = RawMail(SOURCE, str(uid), arrived, request_mail(uid, "orphans"))
        fetched = parse_fetched(mail, SOURCE, 7, context.clock.now())
        group.append(prepare_mail(fetched, Limits()))

    def checkpoint(step):
        if step == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    record_group(context, group, checkpoint=checkpoint)
    """
)


@pytest.mark.parametrize("kill_at", ["arrival", "durable"])
def test_a_group_killed_before_its_commit_is_swept_and_nothing_named_goes(
    _profile_template, tmp_path: Path, kill_at: str
) -> None:
    import shutil

    template, secrets, *_ = _profile_template
    data_dir = tmp_path / "profile"
    shutil.copytree(template, data_dir)
    ring_path = tmp_path / "keyring.json"
    with file_keyring_in_use(ring_path, secrets):
        context = load_context(data_dir, FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC)))
        try:
            # One request recorded for good: its files must survive every sweep.
            record_group(context, [prepared(context, 1, request_mail(1, "orphans"))])
            named = set(context.store.blobs.iter_addresses())
        finally:
            context.store.close()
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(data_dir), kill_at],
            cwd=ROOT,
            env=child_env(ring_path),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert child.returncode == -9, child.stderr[-3000:]

        context = load_context(data_dir, FixedClock(datetime(2026, 11, 25, 4, 0, tzinfo=UTC)))
        try:
            left = unnamed(context) | set(map(str, _leftovers(data_dir)))
            assert left, "the kill left nothing behind: the test aims wrong"
            # Within the grace period a sweep keeps them all: a save may be under way.
            young = sweep_orphans(context, Actor.system("cli"))
            assert (young.files, young.temporary) == (0, 0)
            _age_everything(data_dir, 25)
            swept = sweep_orphans(context, Actor.system("cli"))
            assert swept.files + swept.temporary == len(left)
            assert swept.bytes > 0
            assert unnamed(context) == set()
            assert _leftovers(data_dir) == []
            assert set(context.store.blobs.iter_addresses()) == named
            for sha in named:
                context.store.blobs.get(sha)  # whole and authentic
            with context.read() as session:
                assert verify_chain(session).ok
        finally:
            context.store.close()


def test_the_sweep_command_reports_and_records(
    context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    blobs = context.store.blobs
    sha = blobs.put(b"left by a failed save three days ago").sha256
    then = time.time() - 72 * 3600
    os.utime(blobs.path_for(sha), (then, then))
    data_dir = context.store.data_dir
    context.store.close()
    assert main(["--data-dir", str(data_dir), "files", "sweep", "--grace-hours", "48"]) == 0
    out = capsys.readouterr().out
    assert "Removed 1 stored file(s) no record refers to" in out
    assert "ลบไฟล์ที่ไม่มีรายการใดอ้างถึงแล้ว 1 ไฟล์" in out
    assert not blobs.exists(sha)
    assert main(["--data-dir", str(data_dir), "files", "sweep", "--grace-hours", "0.5"]) != 0
    assert "at least 1 hour" in capsys.readouterr().err


def test_a_file_a_killed_sweep_left_aside_goes_back_and_stays_if_named(
    context: AppContext,
) -> None:
    # A sweep killed between taking a file aside and its last look leaves it under a name no
    # address has; the next sweep puts it back first, then judges it as any other.
    from tests.integration.test_blob_sweep import _named_by_mail

    blobs = context.store.blobs
    named = _named_by_mail(context, blobs.put(b"<licence number='7'/>").sha256)
    orphan = blobs.put(b"an orphan the killed sweep had taken").sha256
    for sha in (named, orphan):
        path = blobs.path_for(sha)
        then = time.time() - 72 * 3600
        os.utime(path, (then, then))
        os.rename(path, path.with_name(f".{sha}.0badcafe.sweep"))
    assert not blobs.exists(named)

    swept = sweep_orphans(context, Actor.system("cli"))
    assert (swept.files, swept.temporary) == (1, 0)
    assert blobs.get(named) == b"<licence number='7'/>"
    assert not blobs.exists(orphan)
    assert _leftovers(context.store.data_dir) == []


def test_a_backup_keeps_an_old_orphan_then_sweeps_it_from_the_store(
    context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    blobs = context.store.blobs
    sha = blobs.put(b"left by a save killed last week").sha256
    then = time.time() - 7 * 24 * 3600
    os.utime(blobs.path_for(sha), (then, then))
    data_dir = context.store.data_dir
    usb = tmp_path / "usb"

    assert main(["--data-dir", str(data_dir), "backup", "create", "--to", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "Backup made" in out and "Removed 1 stored file(s)" in out
    assert not blobs.exists(sha)
    assert [p for p in usb.rglob("*") if sha in p.name], "the backup holds it: copied first"
    with context.read() as session:
        types = session.scalars(select(Event.type).order_by(Event.seq)).all()
    assert types[-2:] == ["backup.created", "blobs.swept"]
