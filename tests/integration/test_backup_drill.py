"""The restore drill as an administrator runs it: separate ``anuyat`` processes throughout.

Back up a working profile, then on a "new machine" (an empty keyring, a new folder) restore
it with only the recovery file: ``anuyat audit verify`` passes and the counts match. And a
backup process killed at random moments never damages the backups made before it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from services.backup.status import list_snapshots
from services.backup.verify import verify_snapshot
from services.store import keys
from tests.file_keyring import FileKeyring, child_env
from tests.integration.test_backup import register

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "ช้างเผือก กินกล้วย 2569"


def anuyat(ring: Path, config: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=child_env(ring, ANUYAT_CONFIG_DIR=str(config), ANUYAT_RECOVERY_PASSPHRASE=PASSPHRASE),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def working(context, actors, memory_keyring, tmp_path: Path):
    """The test profile with five requests, its key in a keyring file children can read."""
    scans = tmp_path / "scans"
    scans.mkdir()
    register(context, actors["intake"], scans, 5, files=2)
    context.store.close()
    ring = tmp_path / "keyring.json"
    keyring.set_keyring(FileKeyring(ring))
    for (service, username), secret in memory_keyring.secrets.items():
        keyring.set_password(service, username, secret)
    config = tmp_path / "config"
    config.mkdir()
    return context.store.data_dir, ring, config


def test_backup_then_restore_on_a_new_machine_with_the_recovery_file_alone(
    working, tmp_path: Path
) -> None:
    data_dir, ring, config = working
    usb = tmp_path / "usb"
    made = anuyat(ring, config, "--data-dir", str(data_dir), "backup", "create", "--to", str(usb))
    assert "Backup made" in made.stdout
    recovery = tmp_path / "recovery.json"
    anuyat(ring, config, "--data-dir", str(data_dir), "recovery", "export", "--out", str(recovery))
    listed = anuyat(ring, config, "--data-dir", str(data_dir), "backup", "list", "--to", str(usb))
    snapshot = listed.stdout.split()[0]
    own = ("--data-dir", str(data_dir))
    checked = anuyat(ring, config, *own, "backup", "verify", "--to", str(usb))
    assert "Backup verified" in checked.stdout and "intact" in checked.stdout
    before = anuyat(ring, config, "--data-dir", str(data_dir), "apps", "list", "--json")

    new_ring, new_config = tmp_path / "new-keyring.json", tmp_path / "new-config"
    new_config.mkdir()
    restored = tmp_path / "new-machine" / "profile"
    anuyat(
        new_ring, new_config, "backup", "restore", snapshot,
        "--recovery-file", str(recovery), "--into", str(restored),
    )  # fmt: skip
    audit = anuyat(new_ring, new_config, "--data-dir", str(restored), "audit", "verify")
    assert "Audit chain intact" in audit.stdout
    after = anuyat(new_ring, new_config, "--data-dir", str(restored), "apps", "list", "--json")
    assert len(json.loads(after.stdout)) == len(json.loads(before.stdout)) == 5
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_a_backup_killed_at_random_moments_never_damages_earlier_backups(
    working, tmp_path: Path
) -> None:
    data_dir, ring, config = working
    usb = tmp_path / "usb"
    anuyat(ring, config, "--data-dir", str(data_dir), "backup", "create", "--to", str(usb))
    master = keys.load_master_key(data_dir)
    pid = keys.profile_id(data_dir)
    good = list_snapshots(usb, pid)
    rng = random.Random(20261205)
    killed = 0
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(data_dir), "backup", "create",
             "--to", str(usb)],
            cwd=ROOT, env=child_env(ring, ANUYAT_CONFIG_DIR=str(config)),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # Aim inside the backup itself: once its temporary folder exists, a random moment.
        root = usb / f"anuyat-{pid}"
        deadline = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < deadline:
            if any(p.name.startswith(".partial-") for p in root.iterdir()):
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            killed += 1
        child.wait()
        snapshots = list_snapshots(usb, pid)
        assert all(s.manifest is not None for s in snapshots)  # only whole ones are listed
        for snapshot in good:
            verify_snapshot(snapshot.path, master)
        good = snapshots
    assert killed >= 3  # most were cut off inside the backup
    # The next backup clears what the killed ones left and is whole.
    anuyat(ring, config, "--data-dir", str(data_dir), "backup", "create", "--to", str(usb))
    newest = list_snapshots(usb, pid)[0]
    verify_snapshot(newest.path, master)
    assert not [p for p in newest.path.parent.iterdir() if p.name.startswith(".partial-")]


def test_a_demo_profile_restored_without_a_keyring_keeps_its_key_in_its_file(
    working, tmp_path: Path
) -> None:
    from app.demo_keyring import DEMO_KEYRING_FILE, write_profile_kind

    data_dir, ring, config = working
    write_profile_kind(data_dir, "demo")
    usb = tmp_path / "usb"
    anuyat(ring, config, "--data-dir", str(data_dir), "backup", "create", "--to", str(usb))
    recovery = tmp_path / "recovery.json"
    anuyat(ring, config, "--data-dir", str(data_dir), "recovery", "export", "--out", str(recovery))
    restored = tmp_path / "training-room" / "demo"
    done = subprocess.run(
        [sys.executable, "-m", "app", "backup", "restore", str(usb),
         "--recovery-file", str(recovery), "--into", str(restored)],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env=dict(
            os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
            ANUYAT_CONFIG_DIR=str(config), ANUYAT_RECOVERY_PASSPHRASE=PASSPHRASE,
        ),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    kept = json.loads((restored / DEMO_KEYRING_FILE).read_text(encoding="utf-8"))
    assert keys.load_master_key(data_dir).hex() in kept.values()
