"""What the settings page calls each setting, in Thai and English.

The page's field labels and its refusals both take their words from here, so "Keep closed
requests for (years; 0: for ever)" is what an administrator reads above the field and in
the message that says what to correct there; the file key (``retention_years``) is for
settings.toml and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from services.kernel.errors import InvalidInput

__all__ = ["LABELS", "SettingsRefused", "setting_label"]

LABELS: Final[Mapping[str, tuple[str, str]]] = {
    "imap_host": ("เซิร์ฟเวอร์ IMAP", "IMAP server"),
    "imap_port": ("พอร์ต", "Port"),
    "imap_security": ("การเข้ารหัส", "Security"),
    "imap_user": ("ชื่อผู้ใช้", "User name"),
    "imap_folders": ("โฟลเดอร์ที่ติดตาม", "Folders to watch"),
    "imap_cafile": ("ใบรับรอง CA (ของหน่วยงานเอง)", "CA certificate (own authority)"),
    "smtp_host": ("เซิร์ฟเวอร์ SMTP", "SMTP server"),
    "smtp_port": ("พอร์ต", "Port"),
    "smtp_security": ("การเข้ารหัส", "Security"),
    "smtp_user": ("ชื่อผู้ใช้", "User name"),
    "smtp_cafile": ("ใบรับรอง CA (ของหน่วยงานเอง)", "CA certificate (own authority)"),
    "drive_root": ("โฟลเดอร์ไดรฟ์ที่ใช้ร่วมกัน", "Shared drive folder"),
    "drive_processed_dir": ("ย้ายไฟล์ที่รับแล้วไปที่", "Move taken files to"),
    "drive_stable_seconds": (
        "รับไฟล์เมื่อไม่เปลี่ยนแปลงนาน (วินาที)",
        "Take a file once unchanged for (seconds)",
    ),
    "pkcs11_module": ("ไลบรารี PKCS#11 ของโทเคน", "PKCS#11 library of the token"),
    "signing_tsa_url": ("ที่อยู่เซิร์ฟเวอร์ประทับเวลา (TSA)", "Time-stamp server (TSA) address"),
    "backup_dir": ("โฟลเดอร์สำรองข้อมูล", "Backup folder"),
    "backup_every_hours": ("สำรองข้อมูลทุก (ชั่วโมง)", "Back up every (hours)"),
    "backup_after_changes": (
        "หรือเมื่อเปลี่ยนแปลงครบ (รายการ)",
        "Also after this many changes (0: never)",
    ),
    "backup_warn_after_hours": (
        "เตือนเมื่อสำรองข้อมูลล่าสุดนานกว่า (ชั่วโมง)",
        "Warn when the last backup is older than (hours)",
    ),
    "register_url": ("ที่อยู่ทะเบียนใบอนุญาต", "Address of the licence register"),
    "lock_after_minutes": (
        "ล็อกหน้าจอเมื่อไม่มีการใช้งานนาน (นาที; 0: ไม่ล็อก)",
        "Lock the screen after this long unused (minutes; 0: never)",
    ),
    "retention_years": (
        "เก็บคำขอที่ปิดแล้วไว้ (ปี; 0: ตลอดไป)",
        "Keep closed requests for (years; 0: for ever)",
    ),
}


def setting_label(name: str) -> tuple[str, str]:
    """(Thai, English) label of the setting ``name``; its file key if it has none."""
    return LABELS.get(name, (name, name))


class SettingsRefused(InvalidInput):
    """Values the declarations refuse, each with the reason (Thai, English).

    The message names each setting by its file key, for settings.toml and the command line
    (``anuyat settings set``); :meth:`by_label` says the same with the page's labels and
    what to do, for the administrator at the settings page.
    """

    code = "settings_refused"

    def __init__(self, problems: tuple[tuple[str, str, str], ...]) -> None:
        self.problems = problems
        super().__init__(
            "ค่าตั้งไม่ถูกต้อง ไม่ได้บันทึก: " + "; ".join(f"'{name}' {th}" for name, th, _ in problems),
            "The settings are not valid and were not saved: "
            + "; ".join(f"'{name}' {en}" for name, _, en in problems)
            + ".",
        )

    def by_label(self) -> tuple[str, str]:
        """(Thai, English): each field by its label, then what to do."""
        th = "; ".join(f"«{setting_label(name)[0]}» {reason}" for name, reason, _ in self.problems)
        en = "; ".join(f"“{setting_label(name)[1]}” {reason}" for name, _, reason in self.problems)
        return (
            f"ยังไม่ได้บันทึก: {th} — แก้ค่าในช่องนั้นแล้วกดบันทึกอีกครั้ง",
            f"Nothing was saved: {en}. Correct that field and save again.",
        )
