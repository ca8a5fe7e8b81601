"""Backups of a real encrypted profile: made while it works, verified, restored, interrupted."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Application, Event
from services.backup.create import create_backup
from services.backup.layout import BLOBS, MANIFEST, SNAPSHOT_DB, BackupDamaged, BackupFailed
from services.backup.restore import restore_snapshot
from services.backup.status import last_snapshot, list_snapshots
from services.backup.verify import verify_snapshot
from services.intake.counter import register_counter_request
from services.intake.types import Limits
from services.intake.views import CounterRequest
from services.kernel.errors import InvalidInput
from services.store import keys
from services.store.engine import BLOB_DIR, open_store
from services.store.recovery import KdfParams, export_recovery_file
from tests.data import mail_corpus as corpus

PASSPHRASE = "ช้างเผือก กินกล้วย 2569"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def register(context, actor, folder: Path, n: int, files: int = 1) -> list[str]:
    numbers = []
    for i in range(n):
        paths = []
        for j in range(files):
            scan = folder / f"คำขอ_{len(list(folder.iterdir()))}_{i}_{j}.pdf"
            scan.write_bytes(corpus.file_pdf(2) + f"{scan.name}".encode())
            paths.append(str(scan))
        request = CounterRequest(
            applicant_kind="person",
            applicant_name="นางสาวสมหญิง ใจดี",
            national_id="",
            email="",
            phone="081-000-0000",
            service_code="FOOD-SHOP",
            subject=f"ยื่นคำขอที่เคาน์เตอร์ {i}",
            note="",
            files=tuple(paths),
            personal_data_consent=None,
        )
        numbers.append(register_counter_request(context, actor, request, Limits()))
    return numbers


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    return folder


@pytest.fixture
def master(context) -> bytes:
    return keys.load_master_key(context.store.data_dir)


@pytest.fixture
def recovery_file(context, master, tmp_path: Path) -> Path:
    out = tmp_path / "recovery.json"
    export_recovery_file(context.store.data_dir, master, PASSPHRASE, out, kdf=FAST_KDF)
    return out


def counts(context) -> tuple[int, int]:
    with context.read() as session:
        apps = session.scalar(select(func.count()).select_from(Application))
        events = session.scalar(select(func.count()).select_from(Event))
    return apps, events


def blob_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.blob")}


def test_restore_on_a_new_machine_gives_the_same_documents_and_a_good_chain(
    context, actors, scans, master, recovery_file, tmp_path: Path, memory_keyring
) -> None:
    register(context, actors["intake"], scans, 3, files=2)
    data_dir = context.store.data_dir
    made = create_backup(data_dir, tmp_path / "usb", master, clock=context.clock)
    assert made.manifest.counts["application"] == 3
    assert made.blobs_copied == len(blob_bytes(data_dir / BLOB_DIR)) >= 6
    # A new machine: an empty keyring, and only the recovery file and the backup.
    memory_keyring.secrets.clear()
    restored = tmp_path / "new-machine" / "profile"
    done = restore_snapshot(made.path, restored, recovery_file, PASSPHRASE)
    assert done.events_checked == made.manifest.events > 0
    assert blob_bytes(restored / BLOB_DIR) == blob_bytes(data_dir / BLOB_DIR)
    assert keys.read_profile_id(restored) == keys.read_profile_id(data_dir)
    store = open_store(restored)
    try:
        with store.reads() as session:
            apps = session.scalar(select(func.count()).select_from(Application))
        assert apps == 3
        for name in blob_bytes(restored / BLOB_DIR):
            address = Path(name).name.removesuffix(".blob")
            assert store.blobs.get(address)  # decrypts: the right key came with the file
    finally:
        store.close()


def test_a_second_backup_copies_only_the_new_documents(
    context, actors, scans, master, tmp_path: Path
) -> None:
    register(context, actors["intake"], scans, 2)
    first = create_backup(context.store.data_dir, tmp_path / "usb", master, clock=context.clock)
    register(context, actors["intake"], scans, 1)
    second = create_backup(context.store.data_dir, tmp_path / "usb", master, clock=context.clock)
    assert first.path != second.path  # same clock second: a new name, never a replacement
    assert second.blobs_copied == 1
    assert len(second.manifest.blobs) == len(first.manifest.blobs) + 1
    listed = list_snapshots(tmp_path / "usb", keys.profile_id(context.store.data_dir))
    assert [s.path for s in listed] == [second.path, first.path]
    for snapshot in (first, second):
        assert verify_snapshot(snapshot.path, master).manifest == snapshot.manifest


def test_a_backup_while_requests_are_registered_is_one_point_in_time(
    context, actors, scans, master, tmp_path: Path
) -> None:
    register(context, actors["intake"], scans, 1)
    stop = threading.Event()
    written: list[str] = []

    def writer() -> None:
        while not stop.is_set():
            written.extend(register(context, actors["intake"], scans, 1))

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        made = []
        while len(made) < 3:  # several copies, each cut somewhere in the writer's stream
            made.append(create_backup(context.store.data_dir, tmp_path / "usb", master))
    finally:
        stop.set()
        thread.join()
    assert written
    for snapshot in made:
        # The chain walks and the rows agree with the events: no half transaction copied.
        done = verify_snapshot(snapshot.path, master)
        assert done.events_checked == snapshot.manifest.events
    assert counts(context)[0] == 1 + len(written) >= made[-1].manifest.counts["application"]


def test_an_interrupted_backup_leaves_the_earlier_one_whole(
    context, actors, scans, master, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    register(context, actors["intake"], scans, 1)
    good = create_backup(context.store.data_dir, usb, master)
    register(context, actors["intake"], scans, 2)
    for stage in ("store", "blob", "manifest", "publish"):

        def pull_the_disk(what: str, stage: str = stage) -> None:
            if what.startswith(stage):
                raise OSError(5, "Input/output error")

        with pytest.raises(BackupFailed) as failed:
            create_backup(context.store.data_dir, usb, master, step=pull_the_disk)
        assert "Earlier backups are intact" in failed.value.en and "ยังอยู่ครบ" in failed.value.th
        pid = keys.profile_id(context.store.data_dir)
        assert [s.path for s in list_snapshots(usb, pid)] == [good.path]
        assert last_snapshot(usb, pid).path == good.path
        verify_snapshot(good.path, master)
    after = create_backup(context.store.data_dir, usb, master)
    assert verify_snapshot(after.path, master).manifest.counts["application"] == 3
    assert not [p for p in after.path.parent.iterdir() if p.name.startswith(".")]


def test_damaged_truncated_and_foreign_backups_are_refused_clearly(
    context, actors, scans, master, recovery_file, tmp_path: Path
) -> None:
    register(context, actors["intake"], scans, 1)
    made = create_backup(context.store.data_dir, tmp_path / "usb", master)
    into = tmp_path / "restored"
    with pytest.raises(InvalidInput) as wrong:
        restore_snapshot(made.path, into, recovery_file, "not the passphrase at all")
    assert "passphrase is wrong" in wrong.value.en
    # Another agency's profile: its own key and recovery file.
    other = tmp_path / "other-agency"
    other.mkdir()
    other_master = keys.create_master_key(other)
    shutil.copy(context.store.data_dir / "anuyat.db", other / "anuyat.db")
    other_file = tmp_path / "other-recovery.json"
    export_recovery_file(other, other_master, PASSPHRASE, other_file, kdf=FAST_KDF)
    with pytest.raises(BackupDamaged) as foreign:
        restore_snapshot(made.path, into, other_file, PASSPHRASE)
    assert "belongs to another profile" in foreign.value.en and "โปรไฟล์อื่น" in foreign.value.th
    with pytest.raises(BackupDamaged) as wrong_key:
        verify_snapshot(made.path, other_master)
    assert "not made from this profile" in wrong_key.value.en
    # Cut short: the copied store loses its tail; then a blob loses a byte.
    store_file = made.path / SNAPSHOT_DB
    whole = store_file.read_bytes()
    store_file.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(BackupDamaged) as truncated:
        restore_snapshot(made.path, into, recovery_file, PASSPHRASE)
    assert "incomplete or damaged" in truncated.value.en
    assert SNAPSHOT_DB in str(truncated.value.detail)
    store_file.write_bytes(whole)
    blob = next((made.path.parent / BLOBS).rglob("*.blob"))
    blob.write_bytes(blob.read_bytes()[:-1])
    with pytest.raises(BackupDamaged):
        verify_snapshot(made.path, master)
    (made.path / MANIFEST).write_text("{", encoding="utf-8")
    with pytest.raises(BackupDamaged):
        verify_snapshot(made.path, master)
    assert not into.exists()  # nothing half-restored


@pytest.fixture
def small_backup_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB file system (tmpfs) as the backup folder: a USB stick that fills up."""
    disk = tmp_path / "small-usb"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.fail(
            "this test needs a small real file system: run it as root (or with CAP_SYS_ADMIN) "
            f"so that `mount -t tmpfs` works: {mounted.stderr.strip()}"
        )
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_backup_disk_says_so_and_keeps_the_earlier_backup(
    context, actors, scans, master, small_backup_disk: Path
) -> None:
    register(context, actors["intake"], scans, 1)
    good = create_backup(context.store.data_dir, small_backup_disk, master)
    free = shutil.disk_usage(small_backup_disk).free
    (small_backup_disk / "someone-elses-files.bin").write_bytes(b"x" * (free - 64 * 1024))
    register(context, actors["intake"], scans, 2)
    with pytest.raises(BackupFailed) as full:
        create_backup(context.store.data_dir, small_backup_disk, master)
    assert "backup folder is full" in full.value.en and "เต็ม" in full.value.th
    pid = keys.profile_id(context.store.data_dir)
    assert [s.path for s in list_snapshots(small_backup_disk, pid)] == [good.path]
    verify_snapshot(good.path, master)


def test_doctor_tells_when_the_last_backup_is_too_old(
    context, master, tmp_path: Path, data_dir: Path
) -> None:
    from datetime import timedelta

    from app.doctor import _backup
    from app.settings import Settings

    usb = tmp_path / "usb"
    settings = Settings({"backup_dir": str(usb), "backup_warn_after_hours": 48}, None)
    now = context.clock.now()
    never = _backup(settings, data_dir, now)
    assert "no backup" in never.detail and "older than 48 hours" in never.warning
    create_backup(data_dir, usb, master, clock=context.clock)
    fresh = _backup(settings, data_dir, now + timedelta(hours=1))
    assert fresh.ok and not fresh.warning and "last backup" in fresh.detail
    stale = _backup(settings, data_dir, now + timedelta(hours=49))
    assert "older than 48 hours" in stale.warning and "anuyat backup create" in stale.warning
    unset = _backup(Settings({}, None), data_dir, now)
    assert "Set the backup folder" in unset.warning


def test_restore_takes_the_newest_backup_of_the_folder_or_says_there_is_none(
    context, actors, scans, master, recovery_file, tmp_path: Path, memory_keyring
) -> None:
    usb = tmp_path / "usb"
    register(context, actors["intake"], scans, 1)
    create_backup(context.store.data_dir, usb, master)
    register(context, actors["intake"], scans, 1)
    newest = create_backup(context.store.data_dir, usb, master)
    with pytest.raises(BackupDamaged) as missing:
        restore_snapshot(tmp_path / "empty-usb", tmp_path / "r0", recovery_file, PASSPHRASE)
    assert "No backup of this profile was found" in missing.value.en
    memory_keyring.secrets.clear()
    done = restore_snapshot(usb, tmp_path / "restored", recovery_file, PASSPHRASE)
    assert done.manifest == newest.manifest
    assert done.manifest.counts["application"] == 2
