"""``anuyat files sweep [--grace-hours H]``: remove stored files no record refers to.

What a failed or interrupted write can leave (services.store.blob_sweep): encrypted files,
on this station or on the agency's server, that no request, message or letter names, and
temporary files a crash left. Only those older than the grace period (24 hours by default)
go; the count and bytes are printed and recorded as an audit event (``system:cli``). Also
run after every backup; this command is for an IT person who wants it now.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from app.bootstrap import prepare_profile_dir
from app.settings import Settings
from services.kernel.actors import Actor
from services.kernel.clock import SystemClock
from services.store.blob_sweep import Swept, sweep_orphans

__all__ = ["cmd_files", "print_swept"]


def cmd_files(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.store.profile import load_context

    prepare_profile_dir(data_dir, settings)
    context = load_context(data_dir, SystemClock())
    try:
        swept = sweep_orphans(context, Actor.system("cli"), grace=timedelta(hours=args.grace_hours))
    finally:
        context.store.close()
    print_swept(swept)
    return 0


def print_swept(swept: Swept) -> None:
    print(
        f"ลบไฟล์ที่ไม่มีรายการใดอ้างถึงแล้ว {swept.files} ไฟล์ และไฟล์ชั่วคราวค้าง {swept.temporary} "
        f"ไฟล์ รวม {swept.bytes:,} ไบต์ (ตรวจ {swept.examined} ไฟล์ เก็บไว้ {swept.kept_young} ไฟล์ "
        "ที่ยังใหม่เกินระยะผ่อนผัน)\n"
        f"Removed {swept.files} stored file(s) no record refers to and {swept.temporary} "
        f"leftover temporary file(s): {swept.bytes:,} bytes ({swept.examined} examined; "
        f"{swept.kept_young} unreferenced but younger than the grace period, kept)."
    )
