"""``anuyat audit verify|checkpoint``: the event hash chain, its checkpoints outside the store,
and whether the current state agrees with the events."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import open_profile
from app.settings import Settings

__all__ = ["cmd_audit"]


def cmd_audit(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.kernel.events import verify_chain
    from services.kernel.state_check import check_state
    from services.store.anchors import check_store_anchors

    runtime = open_profile(data_dir, settings)
    store = runtime.context.store
    try:
        if args.audit_command == "checkpoint":
            run = runtime.checkpoint()
            if run is None or run.refused:
                print(
                    "เขียนจุดตรวจสอบไม่ได้: ห่วงโซ่บันทึกไม่ต่อจากจุดตรวจสอบเดิม — สั่ง anuyat audit verify\n"
                    "No checkpoint written: the audit chain no longer extends the last "
                    "checkpoint (or it could not be read). Run 'anuyat audit verify'.",
                    file=sys.stderr,
                )
                return 3
            for path in run.written:
                print(f"บันทึกจุดตรวจสอบแล้ว / Checkpoint written: {path}")
            if not run.written:
                print("จุดตรวจสอบเป็นปัจจุบันอยู่แล้ว / Checkpoints already up to date.")
            for folder in run.failed:
                print(
                    f"คำเตือน: เขียนที่ {folder} ไม่ได้ / Warning: could not write to {folder}",
                    file=sys.stderr,
                )
            return 0
        with runtime.context.read() as session:
            report = verify_chain(session)
            mismatches = check_state(session)
        anchors = check_store_anchors(store, runtime.drive_root)
    finally:
        store.close()  # verifying writes nothing, not even a checkpoint
    failed = False
    if report.ok:
        # Each station of an agency keeps its own chain; every one of them was walked.
        print(
            f"ห่วงโซ่บันทึกถูกต้อง {report.checked} เหตุการณ์ จาก {report.stations} สถานี / "
            f"Audit chain intact: {report.checked} events verified "
            f"in {report.stations} station chain(s)."
        )
    else:
        assert report.broken is not None
        failed = True
        print(
            f"ห่วงโซ่บันทึกเสียหาย / Audit chain BROKEN after checking {report.checked} events:\n"
            f"  {report.broken.describe()}",
            file=sys.stderr,
        )
    for checkpoint in anchors.used:
        print(f"ตรวจกับจุดตรวจสอบ / Checked against the checkpoint in {checkpoint.describe()}")
    if not anchors.used:
        looked = ", ".join(str(p) for p in anchors.searched)
        print(
            f"ไม่พบจุดตรวจสอบนอกฐานข้อมูล (ค้นใน {looked}) — ตรวจห่วงโซ่ได้เฉพาะภายในตัวเอง\n"
            f"No checkpoint found outside the store (looked in {looked}): the chain was only "
            "checked against itself. Run 'anuyat audit checkpoint' to anchor it."
        )
    if anchors.problems:
        failed = True
        print(
            "พบการแก้ไขย้อนหลัง: ห่วงโซ่บันทึกไม่ตรงกับจุดตรวจสอบ / "
            "Audit chain TAMPERED: it does not match its checkpoints:",
            file=sys.stderr,
        )
        for problem in anchors.problems:
            print(f"  {problem.describe()}", file=sys.stderr)
    if mismatches:
        failed = True
        print(
            f"ข้อมูลปัจจุบันไม่ตรงกับบันทึกเหตุการณ์ {len(mismatches)} รายการ / "
            f"Current state DIFFERS from the events in {len(mismatches)} places "
            "(changed without an event):",
            file=sys.stderr,
        )
        for mismatch in mismatches[:20]:
            print(f"  {mismatch.describe()}", file=sys.stderr)
    else:
        print("ข้อมูลปัจจุบันตรงกับบันทึกเหตุการณ์ / Current state agrees with the events.")
    return 3 if failed else 0
