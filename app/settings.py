"""Every setting, declared once: name, type, default, and what it is for.

Settings live in ``settings.toml`` under the platform's config directory
(``ANUYAT_CONFIG_DIR`` overrides it). Unknown keys and wrong types are reported
in Thai and English; the file is never rewritten behind the user's back.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from services.access.passwords import PasswordPolicy
from services.kernel.errors import InvalidInput

__all__ = [
    "SETTINGS",
    "Setting",
    "Settings",
    "config_dir",
    "default_data_dir",
    "load_settings",
    "password_policy",
    "with_profile",
]


@dataclass(frozen=True)
class Setting:
    """One setting: its type, default and meaning, and the values it may take.

    ``choices`` lists the allowed values of a text setting; ``min``/``max`` bound a
    number (inclusive). A TOML ``true`` is never taken for a number.
    """

    name: str
    type: type[Any]
    default: Any
    doc: str
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None

    def problem(self, value: Any) -> tuple[str, str] | None:
        """What is wrong with ``value`` for this setting (Thai, English), or None."""
        wanted = {str: "text", int: "a whole number", list: "a list", bool: "true or false"}
        wanted_th = {str: "ข้อความ", int: "จำนวนเต็ม", list: "รายการ", bool: "true หรือ false"}
        bool_as_number = self.type is int and isinstance(value, bool)
        if bool_as_number or not isinstance(value, self.type):
            return (
                f"'{self.name}' ต้องเป็น{wanted_th.get(self.type, self.type.__name__)}",
                f"'{self.name}' must be {wanted.get(self.type, self.type.__name__)}",
            )
        if self.choices:
            candidate = value.upper() if self.name == "log_level" else value
            if candidate not in self.choices:
                listed = ", ".join(self.choices)
                return (
                    f"'{self.name}' ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {listed} (ไม่ใช่ {value!r})",
                    f"'{self.name}' must be one of {listed} (not {value!r})",
                )
        if self.min is not None and value < self.min:
            return (
                f"'{self.name}' ต้องไม่น้อยกว่า {self.min} (ไม่ใช่ {value})",
                f"'{self.name}' must be at least {self.min} (not {value})",
            )
        if self.max is not None and value > self.max:
            return (
                f"'{self.name}' ต้องไม่เกิน {self.max} (ไม่ใช่ {value})",
                f"'{self.name}' must be at most {self.max} (not {value})",
            )
        return None


_SECURITY = ("tls", "starttls", "plain")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "data_dir", str, "", "Profile folder (store, blobs, logs). Empty: the platform's data dir."
    ),
    Setting("language", str, "th", "User interface language: 'th' or 'en'.", ("th", "en")),
    Setting(
        "log_level",
        str,
        "INFO",
        "Log level for the profile's rotating log.",
        ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"),
    ),
    Setting("log_max_bytes", int, 5_000_000, "Size at which the log file rotates.", min=64_000),
    Setting("log_backups", int, 10, "How many rotated log files to keep.", min=1, max=1000),
    Setting("catalog_path", str, "", "Service catalog TOML. Empty: the bundled catalog."),
    Setting("holidays_path", str, "", "Public holidays TOML. Empty: the bundled calendar."),
    Setting("pkcs11_module", str, "", "PKCS#11 library of the signing token (USB token)."),
    # Mail in: an IMAP account (password in the keyring: `anuyat secret set imap`), else
    # a local Maildir folder (the demo's mailbox).
    Setting("imap_host", str, "", "IMAP server of the agency's official address. Empty: Maildir."),
    Setting("imap_port", int, 993, "IMAP port (993 TLS, 143 STARTTLS).", min=1, max=65535),
    Setting(
        "imap_security", str, "tls", "'tls', 'starttls', or 'plain' (loopback only).", _SECURITY
    ),
    Setting("imap_user", str, "", "IMAP login, usually the official address."),
    Setting("imap_folders", list, ["INBOX"], "Folders to watch."),
    Setting(
        "imap_after",
        str,
        "flag",
        "After a mail is recorded: 'none', 'flag' or 'move'.",
        ("none", "flag", "move"),
    ),
    Setting("imap_move_to", str, "Anuyat/Processed", "Folder for 'move'."),
    Setting("imap_batch_size", int, 50, "Messages fetched per round trip.", min=1, max=1000),
    Setting("maildir_path", str, "", "Local Maildir used when no IMAP server is set."),
    Setting(
        "mail_authserv_id",
        str,
        "",
        "The agency's receiving mail server as it names itself in Authentication-Results "
        "(RFC 8601); only its SPF/DKIM/DMARC results are believed. Empty: the IMAP host.",
    ),
    # Shared drive
    Setting("drive_root", str, "", "Watched shared-drive folder. Empty: not watched."),
    Setting("drive_stable_seconds", int, 30, "A file is taken once unchanged this long.", min=0),
    Setting("drive_processed_dir", str, "", "Move taken items here. Empty: never touch source."),
    # Mail out: SMTP (password in the keyring: `anuyat secret set smtp`), else a local
    # "sent" Maildir.
    Setting("smtp_host", str, "", "SMTP server. Empty: messages go to the sent Maildir."),
    Setting("smtp_port", int, 587, "SMTP port (465 TLS, 587 STARTTLS).", min=1, max=65535),
    Setting(
        "smtp_security",
        str,
        "starttls",
        "'tls', 'starttls', or 'plain' (loopback only).",
        _SECURITY,
    ),
    Setting("smtp_user", str, "", "SMTP login."),
    Setting("sent_maildir", str, "", "Where messages go without SMTP. Empty: <profile>/sent."),
    Setting("ack_template", str, "", "Acknowledgement template. Empty: the bundled one."),
    Setting(
        "sync_interval_seconds",
        int,
        120,
        "Polling interval when IDLE is unavailable.",
        min=5,
        max=86_400,
    ),
    Setting(
        "sync_lock_wait_seconds",
        int,
        60,
        "How long 'anuyat sync' waits for another sync of the profile to finish (0: not).",
        min=0,
        max=3_600,
    ),
    # Officers' passwords (checked when one is chosen; one-time passwords always satisfy it).
    Setting("password_min_length", int, 10, "Fewest characters in a password.", min=8, max=64),
    Setting(
        "password_min_kinds", int, 2, "Of letters, digits, symbols: kinds required.", min=1, max=3
    ),
    Setting("password_forbid_username", bool, True, "Refuse passwords containing the user name."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def config_dir() -> Path:
    override = os.environ.get("ANUYAT_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("anuyat"))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("anuyat")) / "default"


class Settings:
    """Read-only access to the settings; the one accessor every module uses."""

    def __init__(self, values: dict[str, Any], source: Path | None) -> None:
        self._values = values
        self.source = source

    def get(self, name: str) -> Any:
        return self._values.get(name, _BY_NAME[name].default)

    def path(self, name: str) -> Path | None:
        value = self.get(name)
        return Path(value).expanduser() if value else None


def load_settings(path: Path | None = None) -> Settings:
    """The user's settings (config dir); see :func:`with_profile` for the agency's own."""
    path = path or config_dir() / "settings.toml"
    if not path.exists():
        return Settings({}, None)
    return Settings(_read(path), path)


def with_profile(settings: Settings, data_dir: Path) -> Settings:
    """Overlay the profile's ``settings.toml``: an agency's mailbox belongs to its profile."""
    path = data_dir / "settings.toml"
    if not path.exists():
        return settings
    merged = dict(settings._values)
    merged.update(_read(path))
    return Settings(merged, path)


def password_policy(settings: Settings) -> PasswordPolicy:
    """The officers' password policy; a value out of range is refused with what to fix."""
    return PasswordPolicy(
        min_length=settings.get("password_min_length"),
        min_kinds=settings.get("password_min_kinds"),
        forbid_username=settings.get("password_forbid_username"),
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"อ่านไฟล์ตั้งค่า {path} ไม่ได้: {exc} — แก้ไขไฟล์หรือลบทิ้งเพื่อใช้ค่าเริ่มต้น",
            f"Cannot read the settings file {path}: {exc}. Fix it, or delete it to use defaults.",
        ) from exc
    problems: list[tuple[str, str]] = []
    for key, value in raw.items():
        setting = _BY_NAME.get(key)
        if setting is None:
            problems.append((f"ไม่รู้จักค่าตั้ง '{key}'", f"unknown setting '{key}'"))
        elif (problem := setting.problem(value)) is not None:
            problems.append(problem)
    if problems:
        raise InvalidInput(
            f"ไฟล์ตั้งค่า {path} มีค่าที่ไม่ถูกต้อง: {'; '.join(p[0] for p in problems)} "
            "— แก้ไขไฟล์แล้วเปิดโปรแกรมใหม่",
            f"The settings file {path} has problems: {'; '.join(p[1] for p in problems)}. "
            f"Fix the file and start again. Known settings: {', '.join(_BY_NAME)}.",
        )
    if "log_level" in raw:
        raw["log_level"] = raw["log_level"].upper()
    return raw
