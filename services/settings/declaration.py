"""Every setting, declared once: name, type, default, what it is for, the values it may take.

The one declaration both the command line (``app.settings`` reads the files with it) and the
administrator's settings page (:mod:`services.settings.station` saves with it) check values
against, so a value the window accepts is one the next start accepts too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["BY_NAME", "SETTINGS", "Setting", "problems_in"]


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
    folder: bool = False
    """A path (to a folder or a file): when set, it must be absolute (``~`` is allowed), since
    the sync, the window and a scheduled task do not share one working folder."""
    web: bool = False
    """A web address: when set, ``https://`` and a host name, no spaces (it is printed)."""

    def problem(self, value: Any) -> tuple[str, str] | None:
        """What is wrong with ``value`` for this setting (Thai, English), or None; named by
        its file key, as settings.toml and the command line know it."""
        reason = self.reason(value)
        if reason is None:
            return None
        return f"'{self.name}' {reason[0]}", f"'{self.name}' {reason[1]}"

    def reason(self, value: Any) -> tuple[str, str] | None:
        """What is wrong with ``value`` without naming the setting ("must be at most 200
        (not 250)"), so the settings page can put the field's label in front."""
        wanted = {str: "text", int: "a whole number", list: "a list", bool: "true or false"}
        wanted_th = {str: "ข้อความ", int: "จำนวนเต็ม", list: "รายการ", bool: "true หรือ false"}
        bool_as_number = self.type is int and isinstance(value, bool)
        if bool_as_number or not isinstance(value, self.type):
            return (
                f"ต้องเป็น{wanted_th.get(self.type, self.type.__name__)}",
                f"must be {wanted.get(self.type, self.type.__name__)}",
            )
        if self.choices:
            candidate = value.upper() if self.name == "log_level" else value
            if candidate not in self.choices:
                listed = ", ".join(self.choices)
                return (
                    f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {listed} (ไม่ใช่ {value!r})",
                    f"must be one of {listed} (not {value!r})",
                )
        if self.min is not None and value < self.min:
            return (
                f"ต้องไม่น้อยกว่า {self.min} (ไม่ใช่ {value})",
                f"must be at least {self.min} (not {value})",
            )
        if self.max is not None and value > self.max:
            return (
                f"ต้องไม่เกิน {self.max} (ไม่ใช่ {value})",
                f"must be at most {self.max} (not {value})",
            )
        if self.type is list and not all(isinstance(item, str) and item.strip() for item in value):
            return (
                "ต้องเป็นรายการข้อความที่ไม่ว่าง",
                "must be a list of non-empty texts",
            )
        if self.folder and value and not Path(value).expanduser().is_absolute():
            return (
                f"ต้องเป็นเส้นทางเต็มที่ขึ้นต้นจากราก เช่น /srv/share หรือ D:\\share (ไม่ใช่ {value!r})",
                f"must be a full path from the root, e.g. /srv/share or D:\\share (not {value!r})",
            )
        if self.web and value and not _WEB.fullmatch(value):
            return (
                f"ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https:// และชื่อเครื่อง เช่น "
                f"https://www.example.go.th/verify (ไม่ใช่ {value!r})",
                f"must be a web address starting with https:// and a host name, "
                f"e.g. https://www.example.go.th/verify (not {value!r})",
            )
        return None


# https://, a host with at least one dot, then a path without spaces, quotes or a query.
_WEB = re.compile(r"https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?(/[^\s\"'<>?#]*)?")

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
    Setting(
        "pkcs11_module",
        str,
        "",
        "PKCS#11 library of the signing token (USB token). Empty: the first usual one found "
        "(OpenSC, SafeNet eToken, SoftHSM2).",
        folder=True,
    ),
    Setting(
        "signing_trust_roots",
        list,
        [],
        "PEM/DER files of the certificate authorities whose certificates the agency trusts "
        "for approval signatures (type 3).",
    ),
    Setting(
        "register_url",
        str,
        "",
        "Where the public register of licences is published (anuyat licences publish); each "
        "licence's QR code and the line under it lead to <register_url>/<code>.html. Empty: "
        "https://<the agency's mail domain>/verify.",
        web=True,
    ),
    Setting(
        "signing_allow_pkcs12",
        bool,
        False,
        "Allow approvers to sign with a PKCS#12 file instead of a token (type 2 at most).",
    ),
    Setting(
        "signing_tsa_url",
        str,
        "",
        "RFC 3161 time-stamping authority for type-2/3 signatures (its CA among "
        "signing_trust_roots). Empty: no time-stamps. Offline, signatures go without and "
        "are time-stamped later.",
    ),
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
        "imap_cafile",
        str,
        "",
        "CA certificate (PEM) of a server signed by the agency's own authority. Empty: the "
        "system's trusted authorities.",
        folder=True,
    ),
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
    Setting("drive_root", str, "", "Watched shared-drive folder. Empty: not watched.", folder=True),
    Setting("drive_stable_seconds", int, 30, "A file is taken once unchanged this long.", min=0),
    Setting(
        "drive_processed_dir",
        str,
        "",
        "Move taken items here. Empty: never touch source.",
        folder=True,
    ),
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
    Setting(
        "smtp_cafile",
        str,
        "",
        "CA certificate (PEM) of an SMTP server signed by the agency's own authority.",
        folder=True,
    ),
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
    # Where copies of the store and the files go (another disk, or a server share).
    Setting(
        "backup_dir",
        str,
        "",
        "Backup folder: another disk or a server share. Empty: not set.",
        folder=True,
    ),
    Setting(
        "backup_every_hours", int, 24, "Back up when the last backup is this old.", min=1, max=720
    ),
    Setting(
        "backup_after_changes",
        int,
        500,
        "Back up after this many recorded changes (0: by time only).",
        min=0,
        max=1_000_000,
    ),
    Setting(
        "backup_warn_after_hours",
        int,
        48,
        "Warn in the window and in 'anuyat doctor' when the last backup is older.",
        min=1,
        max=8_760,
    ),
    # An officer who walks away: the screen locks itself (ui.shell.screen_lock).
    Setting(
        "lock_after_minutes",
        int,
        10,
        "Minutes without a key or the mouse before the screen locks itself (0: never).",
        min=0,
        max=120,
    ),
    Setting(
        "retention_years",
        int,
        0,
        "Years a closed request is kept before it may go on a destruction list for the head "
        "of the agency's order; 0 keeps every request indefinitely.",
        min=0,
        max=200,
    ),
    Setting(
        "retention_by_service",
        list,
        [],
        "Services whose legal retention period differs, as SERVICE_CODE=YEARS (0: for ever).",
    ),
)
BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def problems_in(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What is wrong with ``values`` (Thai, English): unknown names, then bad values."""
    problems: list[tuple[str, str]] = []
    for key, value in values.items():
        setting = BY_NAME.get(key)
        if setting is None:
            problems.append((f"ไม่รู้จักค่าตั้ง '{key}'", f"unknown setting '{key}'"))
        elif (problem := setting.problem(value)) is not None:
            problems.append(problem)
    return problems
