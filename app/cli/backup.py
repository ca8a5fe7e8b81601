"""``anuyat backup create|list|verify|restore``: copies of the profile in a second place."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.bootstrap import prepare_profile_dir
from app.cli.common import read_secret
from app.settings import Settings, with_profile
from services.backup.create import created_payload
from services.backup.layout import BackupNotSet
from services.kernel.actors import Actor
from services.kernel.clock import SystemClock
from services.kernel.errors import AnuyatError
from services.store import keys

__all__ = ["cmd_backup"]


def _backup_dir(args: argparse.Namespace, settings: Settings) -> Path:
    chosen = args.to or settings.get("backup_dir")
    if not chosen:
        raise BackupNotSet()
    return Path(chosen)


def _record(data_dir: Path, settings: Settings, type: str, payload: dict[str, Any]) -> None:
    """The backup's audit event, by ``system:cli`` (the command signs no officer in)."""
    from services.backup.audit import record_backup_event
    from services.store.profile import load_context

    context = load_context(data_dir, SystemClock())
    try:
        record_backup_event(context, Actor.system("cli"), type, payload)
    finally:
        context.store.close()


def _sweep(data_dir: Path) -> None:
    """The orphan sweep after a backup (services.store.blob_sweep), by ``system:cli``."""
    from app.cli.files import print_swept
    from services.store.blob_sweep import sweep_orphans
    from services.store.profile import load_context

    context = load_context(data_dir, SystemClock())
    try:
        print_swept(sweep_orphans(context, Actor.system("cli")))
    except Exception as exc:  # noqa: BLE001 - the backup is made; the next one sweeps again
        logging.getLogger(__name__).exception("the orphan sweep after a backup failed")
        print(
            "สำรองข้อมูลแล้ว แต่การลบไฟล์ที่ไม่มีรายการใดอ้างถึงไม่สำเร็จ (ดูบันทึก) "
            "— จะลองอีกครั้งในการสำรองครั้งถัดไป\n"
            f"The backup is made, but removing unreferenced files failed ({type(exc).__name__}; "
            "see the log). The next backup tries again, or run: anuyat files sweep",
            file=sys.stderr,
        )
    finally:
        context.store.close()


def _verify_server(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.backup.server_check import verify_server

    has_profile = keys.read_profile_id(data_dir) is not None
    master = keys.load_master_key(data_dir) if has_profile else None
    done = verify_server(args.server, master, against=args.against)
    blobs = "read whole and authenticated" if done.blobs_authenticated else "present"
    print(
        f"ฐานข้อมูลที่กู้คืน {done.database} ใช้ได้ / Restored database verified: {done.database}\n"
        f"  migration {done.head}; audit chains of {done.events_checked} events intact; rows "
        f"agree with the events; {done.blobs_checked} document files {blobs}"
        + ("; row counts equal to the live server's" if args.against else "")
    )
    if has_profile:
        _record(data_dir, settings, "backup.verified",
                {"server": done.database, "events": done.events_checked,
                 "files": done.blobs_checked})  # fmt: skip
    return 0


def cmd_backup(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    try:
        return _run(args, data_dir, settings)
    except AnuyatError as exc:
        failed_in = data_dir if args.backup_command != "restore" else None
        if failed_in is not None and keys.read_profile_id(failed_in) is not None:
            reason = {"action": args.backup_command, "code": exc.code, "reason": exc.en}
            try:
                _record(failed_in, settings, "backup.failed", reason)
            except AnuyatError:
                pass  # the store itself may be what failed: the person is told the first
        raise


def _run(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.backup.create import create_backup
    from services.backup.restore import restore_snapshot
    from services.backup.status import list_snapshots
    from services.backup.verify import verify_snapshot

    if args.backup_command == "restore":
        into = Path(args.into)
        passphrase = read_secret("ANUYAT_RECOVERY_PASSPHRASE", "Passphrase / วลีรหัสผ่าน: ")
        done = restore_snapshot(
            Path(args.snapshot),
            into,
            Path(args.recovery_file),
            passphrase,
            # A demo profile restored on a machine without a keyring keeps its key in a file.
            before_key=lambda folder: prepare_profile_dir(folder, settings),
        )
        _record(into, settings, "backup.restored",
                {"snapshot": Path(args.snapshot).name, "files": done.files_checked,
                 "events": done.events_checked})  # fmt: skip
        print(
            f"กู้คืนแล้วที่ {into}: ตรวจ {done.files_checked} ไฟล์ บันทึกเหตุการณ์ "
            f"{done.events_checked} รายการถูกต้อง\n"
            f"Restored into {into}: {done.files_checked} files checked, audit chain of "
            f"{done.events_checked} events intact. Open it with: anuyat --data-dir {into}"
        )
        return 0
    if args.backup_command == "verify" and args.server:
        return _verify_server(args, data_dir, settings)
    prepare_profile_dir(data_dir, settings)
    settings = with_profile(settings, data_dir)
    target = _backup_dir(args, settings)
    master = keys.load_master_key(data_dir)
    pid = keys.profile_id(data_dir)
    if args.backup_command == "create":
        made = create_backup(data_dir, target, master)
        _record(data_dir, settings, "backup.created", created_payload(made))
        print(
            f"สำรองข้อมูลแล้ว / Backup made: {made.path}\n"
            f"  {made.manifest.events} events, {len(made.manifest.blobs)} files "
            f"({made.blobs_copied} new), {made.bytes_written} bytes written"
        )
        _sweep(data_dir)  # what is removed was copied first
        return 0
    snapshots = list_snapshots(target, pid)
    if args.backup_command == "list":
        if not snapshots:
            print(f"ยังไม่มีสำเนาสำรองใน {target} / No backups in {target} yet.")
        for listed in snapshots:
            if listed.manifest is None:
                print(f"{listed.path}  เสียหาย / DAMAGED (manifest unreadable)")
            else:
                m = listed.manifest
                print(f"{listed.path}  {m.created_at}  {m.events} events  {len(m.blobs)} files")
        return 0
    if args.snapshot:
        chosen = Path(args.snapshot)
    elif snapshots:
        chosen = snapshots[0].path
    else:
        print(f"ยังไม่มีสำเนาสำรองใน {target} / No backups in {target} to verify.", file=sys.stderr)
        return 3
    done = verify_snapshot(chosen, master)
    _record(data_dir, settings, "backup.verified",
            {"snapshot": chosen.name, "files": done.files_checked, "bytes": done.bytes_read,
             "events": done.events_checked})  # fmt: skip
    age = SystemClock().now() - done.manifest_time()
    print(
        f"สำเนาสำรองถูกต้อง / Backup verified: {chosen}\n"
        f"  {done.files_checked} files, {done.bytes_read} bytes re-read; audit chain of "
        f"{done.events_checked} events intact; made {age // timedelta(hours=1)} hours ago"
    )
    return 0
