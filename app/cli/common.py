"""What several commands share: reading a secret without echoing it, and opening a profile
with its warnings said on stderr."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from app.bootstrap import Runtime, open_runtime
from app.settings import Settings
from services.kernel.errors import InvalidInput

__all__ = ["read_secret", "open_profile", "warn_demo_keyring"]


def read_secret(env_name: str, prompt: str, file: str | None = None, confirm: bool = False) -> str:
    if file:
        try:
            return Path(file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                f"อ่านไฟล์รหัสผ่าน {file} ไม่ได้ — ตรวจชื่อไฟล์และสิทธิ์การอ่าน",
                f"Cannot read the password file {file}. Check its name and permissions.",
                detail=type(exc).__name__,
            ) from exc
    if os.environ.get(env_name):
        return os.environ[env_name]
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again / อีกครั้ง: ") != first:
        raise InvalidInput("ข้อความที่พิมพ์สองครั้งไม่ตรงกัน", "The two entries do not match.")
    return first


def warn_demo_keyring() -> None:
    print(
        "คำเตือน: เครื่องนี้ไม่มีที่เก็บกุญแจ (keyring) — โปรไฟล์ตัวอย่างเก็บกุญแจไว้ในไฟล์ข้างข้อมูล "
        "ใช้กับข้อมูลตัวอย่างเท่านั้น\n"
        "Warning: this computer has no keyring. The DEMO profile keeps its key in a file beside "
        "the data: fine for fictional data only, never for real applications.",
        file=sys.stderr,
    )


def open_profile(data_dir: Path, settings: Settings) -> Runtime:
    from app import demo_keyring

    runtime = open_runtime(data_dir, settings)
    if runtime.demo_file_keyring:
        warn_demo_keyring()
    if demo_keyring.stray_demo_marker(data_dir):
        print(
            "คำเตือน: มีไฟล์ชื่อ DEMO ในโฟลเดอร์ของโปรไฟล์จริง — ไม่มีผลใด ๆ ลบทิ้งได้\n"
            "Warning: a file named DEMO is in this real profile's folder. It has no effect; "
            "you may delete it.",
            file=sys.stderr,
        )
    return runtime
