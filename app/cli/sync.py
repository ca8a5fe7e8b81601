"""``anuyat sync`` (mailbox, shared drive and outbox, e.g. from a scheduler) and
``anuyat secret set`` (the mailbox passwords it needs, kept in the OS keyring)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.bootstrap import prepare_profile_dir
from app.cli.common import open_profile, read_secret
from app.settings import Settings
from services.store import keys

__all__ = ["cmd_sync", "cmd_secret"]


def cmd_sync(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    import time

    from app.bootstrap import (
        draw_notices_quietly,
        match_slips_quietly,
        note_bounces_quietly,
        queue_digests_quietly,
    )
    from services.intake.sync import SyncRunning, run_sync

    runtime = open_profile(data_dir, settings)
    try:
        while True:
            queue_digests_quietly(runtime.context)  # sent by this same run
            draw_notices_quietly(runtime.context)  # likewise
            try:
                report = run_sync(runtime.context, runtime.plan)
            except SyncRunning as exc:
                # Another process syncs this profile: say so, and (looping) try next round.
                print(exc.bilingual(), file=sys.stderr)
                if args.once:
                    return 5
                time.sleep(runtime.settings.get("sync_interval_seconds"))
                continue
            match_slips_quietly(runtime.context)
            note_bounces_quietly(runtime.context)
            runtime.checkpoint()
            for part in report.parts:
                counts = ", ".join(f"{k} {v}" for k, v in sorted(part.outcomes.items())) or "-"
                print(f"{part.component:40} {part.state:8} {counts}")
                if part.state != "ok":
                    print(f"  {part.error_th}\n  {part.error_en}")
            if args.once:
                return 0 if report.ok else 4
            time.sleep(runtime.settings.get("sync_interval_seconds"))
    finally:
        runtime.close()


def cmd_secret(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app.intake_setup import IMAP_SECRET, SMTP_SECRET

    prepare_profile_dir(data_dir, settings)
    name = {"imap": IMAP_SECRET, "smtp": SMTP_SECRET}[args.name]
    value = read_secret("ANUYAT_SECRET_VALUE", f"{args.name} password / รหัสผ่าน: ")
    keys.store_secret(name, value)
    print(f"บันทึกในที่เก็บกุญแจแล้ว / Stored in the keyring: {args.name}")
    return 0
