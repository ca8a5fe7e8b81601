"""Test a folder setting (shared drive, processed items, backups): there, a folder, writable.

Writability is proven by writing, syncing and deleting a small file — permissions alone
do not tell (a read-only share, a full disk, an ACL the program cannot see).
"""

from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

from services.settings.probes.result import ProbeResult

__all__ = ["probe_folder"]


def probe_folder(value: str, what: tuple[str, str]) -> ProbeResult:
    """Check the folder ``value`` (as typed: ``~`` allowed) for the use ``what`` names."""
    if not value.strip():
        return ProbeResult(
            False,
            f"ยังไม่ได้ระบุ{what[0]} — เลือกโฟลเดอร์แล้วทดสอบอีกครั้ง",
            f"No {what[1]} is set. Choose a folder and test again.",
        )
    folder = Path(value).expanduser()
    if not folder.exists():
        return ProbeResult(
            False,
            f"ไม่พบโฟลเดอร์ {folder} — ตรวจสอบว่าเชื่อมต่อไดรฟ์ที่ใช้ร่วมกันแล้ว (mount/map) และสะกดเส้นทางถูกต้อง",
            f"The folder {folder} was not found. Check that the shared drive is connected "
            "(mounted or mapped) and the path is spelt right.",
        )
    if not folder.is_dir():
        return ProbeResult(
            False,
            f"{folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์ — เลือกโฟลเดอร์",
            f"{folder} is a file, not a folder. Choose a folder.",
        )
    try:
        count = sum(1 for _ in folder.iterdir())
    except OSError as exc:
        return ProbeResult(
            False,
            f"อ่านโฟลเดอร์ {folder} ไม่ได้ (ไม่มีสิทธิ์) — ขอสิทธิ์อ่านและเขียนจากผู้ดูแลระบบไอที",
            f"The folder {folder} cannot be read (no permission). Ask IT for read and write "
            "access.",
            reply=exc.strerror or "",
        )
    probe = folder / f".anuyat-write-test-{uuid.uuid4().hex}"
    try:
        with open(probe, "xb") as handle:
            handle.write(b"anuyat write test\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        full = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
        th = "ดิสก์เต็ม" if full else "ไม่มีสิทธิ์เขียน หรือเป็นที่เก็บแบบอ่านอย่างเดียว"
        en = "the disk is full" if full else "no permission to write, or a read-only drive"
        return ProbeResult(
            False,
            f"เขียนลงโฟลเดอร์ {folder} ไม่ได้ ({th}) — ขอสิทธิ์เขียนจากผู้ดูแลระบบไอที หรือเลือกโฟลเดอร์อื่น",
            f"The folder {folder} is not writable ({en}). Ask IT for write access, or choose "
            "another folder.",
            reply=exc.strerror or "",
        )
    finally:
        probe.unlink(missing_ok=True)
    return ProbeResult(
        True,
        f"ใช้ได้: {folder} เป็นโฟลเดอร์ที่อ่านและเขียนได้ (มี {count} รายการ)",
        f"Works: {folder} is a folder that can be read and written ({count} items in it).",
    )
