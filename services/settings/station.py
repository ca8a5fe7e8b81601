"""The station's settings: read by section, checked, saved as an audit event, tested.

A section is saved in one unit of work (administrator only): the ``settings.changed`` event
(which settings changed, old and new values; for a password only that it was replaced),
then the password into the keyring, then the profile's ``settings.toml`` replaced — last,
so that a file that cannot be written rolls the event back and nothing is half-saved.

The same checks run as when the program reads the file (the declaration), plus the ones
the mailbox and the outbox apply when they connect (``ImapAccount``, ``SmtpTransport``:
plain text only to this computer, a user name needs a password), so a section the page
accepts is one the sync can use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.access.table import Action, require
from services.intake.mail.imap import ImapAccount
from services.kernel.errors import InvalidInput
from services.kernel.unit_of_work import UnitOfWork
from services.outbox.smtp import SmtpTransport
from services.settings.declaration import BY_NAME
from services.settings.labels import SettingsRefused
from services.settings.probes import (
    MAILBOX,
    SIGNING,
    SMTP,
    ProbeResult,
    probe_folder,
    probe_imap,
    probe_pkcs11,
    probe_smtp,
    within,
)
from services.settings.sections import SECTIONS, SectionKey, TakesEffect, section
from services.settings.settings_file import read_settings_file, write_settings_file
from services.store import keys

__all__ = [
    "EVENT",
    "NETWORK_TIMEOUT",
    "SectionValues",
    "SettingsSaved",
    "check_section",
    "read_sections",
    "save_section",
    "test_section",
]

EVENT = "settings.changed"
NETWORK_TIMEOUT = 10.0
"""Seconds a test waits for each network step (the whole test gets a few more)."""

_DRIVE = ("โฟลเดอร์ไดรฟ์ที่ใช้ร่วมกัน", "shared drive folder")
_PROCESSED = ("โฟลเดอร์เก็บรายการที่รับแล้ว", "folder for taken items")
_BACKUP = ("ที่เก็บสำรองข้อมูล", "backup folder")


@dataclass(frozen=True)
class SectionValues:
    """One section as the page shows it."""

    key: SectionKey
    values: Mapping[str, Any]
    """Every setting of the section: the saved value, or the declared default."""
    password_saved: bool | None
    """Whether the keyring holds this section's password (None: it has none)."""
    takes_effect: TakesEffect


@dataclass(frozen=True)
class SettingsSaved:
    key: SectionKey
    changed: tuple[str, ...]
    password_replaced: bool
    takes_effect: TakesEffect

    @property
    def nothing(self) -> bool:
        return not self.changed and not self.password_replaced


def read_sections(effective: Mapping[str, Any]) -> list[SectionValues]:
    """Every section with its current values (``effective``: the merged settings files)."""
    result = []
    for part in SECTIONS:
        values = {name: effective.get(name, BY_NAME[name].default) for name in part.names}
        saved = None if part.secret is None else keys.load_secret(part.secret) is not None
        result.append(SectionValues(part.key, values, saved, part.takes_effect))
    return result


def check_section(key: SectionKey, values: Mapping[str, Any], password_known: bool) -> None:
    """Refuse (:class:`InvalidInput`, every problem named) what could not be used."""
    part = section(key)
    problems = [
        (f"'{name}' ไม่อยู่ในส่วนนี้", f"'{name}' is not in this section")
        for name in values
        if name not in part.names
    ]
    problems += [
        (f"ไม่มีค่า '{name}'", f"'{name}' is missing") for name in part.names if name not in values
    ]
    if problems:  # the caller's mistake, not the administrator's: named by file key
        raise InvalidInput(
            "ค่าตั้งไม่ถูกต้อง ไม่ได้บันทึก: " + "; ".join(p[0] for p in problems),
            "The settings are not valid and were not saved: "
            + "; ".join(p[1] for p in problems)
            + ".",
        )
    refused = []
    for name in part.names:
        reason = BY_NAME[name].reason(values[name])
        if reason is not None:
            refused.append((name, *reason))
    if refused:
        raise SettingsRefused(tuple(refused))
    if key is SectionKey.MAILBOX and values["imap_host"].strip():
        # The mailbox's own rules (a user, plain text only to this computer, folders).
        ImapAccount(
            host=values["imap_host"],
            port=values["imap_port"],
            username=values["imap_user"],
            security=values["imap_security"],
            folders=tuple(values["imap_folders"]),
            cafile=values["imap_cafile"] or None,
        )
        _need_password(password_known, "กล่องจดหมาย", "mailbox")
    if key is SectionKey.SMTP and values["smtp_host"].strip():
        # The outbox's own rules; the password is asked for below, in the page's words.
        SmtpTransport(values["smtp_host"], values["smtp_port"], values["smtp_security"], None, None)
        if values["smtp_user"].strip():
            _need_password(password_known, "SMTP", "SMTP")


def _need_password(known: bool, what_th: str, what_en: str) -> None:
    if not known:
        raise InvalidInput(
            f"ต้องมีรหัสผ่านของ{what_th} — พิมพ์รหัสผ่านในช่องรหัสผ่านแล้วบันทึกอีกครั้ง "
            "(รหัสผ่านจะเก็บในที่เก็บกุญแจของเครื่อง ไม่ใช่ในไฟล์)",
            f"The {what_en} needs a password: type it in the password field and save again "
            "(it is kept in this computer's keyring, not in a file).",
            code="password_missing",
        )


def save_section(
    uow: UnitOfWork,
    settings_file: Path,
    effective: Mapping[str, Any],
    key: SectionKey,
    values: Mapping[str, Any],
    password: str | None = None,
) -> SettingsSaved:
    """Save one section (administrator only); ``password`` replaces the keyring's if given.

    Settings of the section left out of ``values`` keep their current value. Nothing
    changed (same values, no password) records nothing and writes nothing.
    """
    require(uow.actor, Action.MANAGE_SETTINGS)
    part = section(key)
    password = password or None
    if password is not None and part.secret is None:
        raise InvalidInput("ส่วนนี้ไม่มีรหัสผ่าน", "This section has no password.")
    known = password is not None or (part.secret is not None and keys.load_secret(part.secret))
    # A setting left out keeps its value (a name the section does not have is still refused).
    values = {
        **{name: effective.get(name, BY_NAME[name].default) for name in part.names},
        **values,
    }
    check_section(key, values, bool(known))
    changed = {
        name: {"from": effective.get(name, BY_NAME[name].default), "to": values[name]}
        for name in part.names
        if values[name] != effective.get(name, BY_NAME[name].default)
    }
    saved = SettingsSaved(key, tuple(changed), password is not None, part.takes_effect)
    if saved.nothing:
        return saved
    uow.record(
        EVENT,
        "station",
        uow.station_id,
        {"section": str(key), "changed": changed, "password_replaced": password is not None},
    )
    if password is not None and part.secret is not None:
        keys.store_secret(part.secret, password)
    on_file = read_settings_file(settings_file)
    on_file.update({name: values[name] for name in part.names})
    write_settings_file(settings_file, on_file)
    return saved


def test_section(key: SectionKey, values: Mapping[str, Any], password: str | None) -> ProbeResult:
    """Try the section's values as typed (``password``: typed, else the keyring's)."""
    part = section(key)
    if not part.testable:
        raise InvalidInput(
            "ส่วนนี้ไม่มีสิ่งที่ต้องทดสอบการเชื่อมต่อ — บันทึกค่าได้เลย",
            "This section has no connection to test: just save it.",
        )
    if part.secret is not None and not password:
        password = keys.load_secret(part.secret)
    deadline = NETWORK_TIMEOUT * 3
    if key is SectionKey.MAILBOX:
        return within(deadline, lambda: probe_imap(values, password, NETWORK_TIMEOUT), MAILBOX)
    if key is SectionKey.SMTP:
        return within(deadline, lambda: probe_smtp(values, password, NETWORK_TIMEOUT), SMTP)
    if key is SectionKey.SIGNING:
        return within(deadline, lambda: probe_pkcs11(values["pkcs11_module"]), SIGNING)
    if key is SectionKey.BACKUP:
        return within(deadline, lambda: probe_folder(values["backup_dir"], _BACKUP), _BACKUP)
    drive = within(deadline, lambda: probe_folder(values["drive_root"], _DRIVE), _DRIVE)
    processed = str(values.get("drive_processed_dir", ""))
    if not drive.ok or not processed.strip():
        return drive
    moved = within(deadline, lambda: probe_folder(processed, _PROCESSED), _PROCESSED)
    if not moved.ok:
        return moved
    return ProbeResult(True, f"{drive.th}\n{moved.th}", f"{drive.en}\n{moved.en}")
