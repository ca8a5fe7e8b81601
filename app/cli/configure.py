"""``anuyat settings show|set|test``: the settings page's twin on the command line.

The same service as the window (:class:`services.api.settings.SettingsFacade`): the same
checks, one audit event per change naming the administrator, passwords to the keyring.
Every action signs in first as ``--as`` (default ``admin``), with the password from
``--password-file``, else ``ANUYAT_ADMIN_PASSWORD``, else stdin or a prompt. A section's
own password (IMAP, SMTP) comes from ``--secret-file`` or ``ANUYAT_SECRET_VALUE``, never
from the command line.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict, replace
from datetime import time
from pathlib import Path
from typing import Any

from app.cli.common import open_profile, read_secret
from app.cli.parser_groups import AGENCY
from app.settings import Settings
from services.api.settings import AgencyDetails, SectionKey, SettingsPort
from services.kernel.errors import InvalidInput
from services.settings.declaration import BY_NAME

__all__ = ["cmd_settings"]


def cmd_settings(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        port = runtime.ports.settings
        assert port is not None  # app/ always builds it
        command = args.settings_command
        if command == "show":
            return _show(port, user, args.json)
        if command == "test":
            key = SectionKey(args.section)
            values = _section_values(port, user, key, args.values)
            result = port.test_section(user, key, values)
            print(f"{result.th}\n{result.en}")
            if result.reply:
                print(f"  {result.reply}")
            return 0 if result.ok else 4
        return _set(port, user, args)
    finally:
        runtime.close()


def _show(port: SettingsPort, user: Any, as_json: bool) -> int:
    agency = port.agency_details(user)
    sections = port.sections(user)
    if as_json:
        data: dict[str, Any] = {AGENCY: _agency_dict(agency)}
        for section in sections:
            data[section.key.value] = dict(section.values)
            if section.password_saved is not None:
                data[section.key.value]["password_saved_in_keyring"] = section.password_saved
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"[{AGENCY}]")
    for name, value in _agency_dict(agency).items():
        print(f"  {name:24} {value}")
    for section in sections:
        print(f"[{section.key.value}]  (takes effect: {section.takes_effect.value})")
        for name, value in section.values.items():
            print(f"  {name:24} {value}")
        if section.password_saved is not None:
            state = "saved in the keyring" if section.password_saved else "not saved"
            print(f"  {'password':24} ({state})")
    return 0


def _agency_dict(agency: AgencyDetails) -> dict[str, Any]:
    data = asdict(agency)
    data["opens_at"] = agency.opens_at.strftime("%H:%M")
    data["closes_at"] = agency.closes_at.strftime("%H:%M")
    data["workdays"] = ",".join(str(d) for d in agency.workdays)
    return data


def _pairs(texts: list[str]) -> dict[str, str]:
    pairs = {}
    for text in texts:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(
                f"'{text}' ไม่อยู่ในรูป ชื่อ=ค่า (เช่น imap_port=993)",
                f"'{text}' is not NAME=VALUE (e.g. imap_port=993).",
            )
        pairs[name.strip()] = value.strip()
    return pairs


def _typed(name: str, text: str) -> Any:
    """The text of a NAME=VALUE as the declaration's type (the service checks the value)."""
    setting = BY_NAME.get(name)
    if setting is None:
        return text  # the service names it as unknown, with the section's settings
    if setting.type is int:
        try:
            return int(text)
        except ValueError:
            raise InvalidInput(
                f"'{name}' ต้องเป็นจำนวนเต็ม (ไม่ใช่ {text!r})",
                f"'{name}' must be a whole number (not {text!r}).",
            ) from None
    if setting.type is list:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def _section_values(
    port: SettingsPort, user: Any, key: SectionKey, texts: list[str]
) -> dict[str, Any]:
    current = next(s for s in port.sections(user) if s.key is key)
    values = dict(current.values)
    for name, text in _pairs(texts).items():
        values[name] = _typed(name, text)
    return values


def _set(port: SettingsPort, user: Any, args: argparse.Namespace) -> int:
    if args.section == AGENCY:
        update = port.save_agency(
            user,
            _agency_with(port.agency_details(user), _pairs(args.values)),
            allow_free_mail=args.allow_free_mail,
        )
        changed = ", ".join(update.changed) or "-"
        print(f"บันทึกแล้ว / Saved: {changed}")
        if update.warning is not None:
            print(f"{update.warning[0]}\n{update.warning[1]}")
        return 0
    key = SectionKey(args.section)
    secret = None
    if _wants_secret(args):
        secret = read_secret("ANUYAT_SECRET_VALUE", "Password / รหัสผ่าน: ", args.secret_file)
    saved = port.save_section(user, key, _section_values(port, user, key, args.values), secret)
    if saved.nothing:
        print("ไม่มีอะไรเปลี่ยน / Nothing changed.")
        return 0
    parts = list(saved.changed) + (["password (keyring)"] if saved.password_replaced else [])
    print(f"บันทึกแล้ว / Saved: {', '.join(parts)} (takes effect: {saved.takes_effect.value})")
    return 0


def _wants_secret(args: argparse.Namespace) -> bool:
    # Never stdin by surprise: a password is read only when one was offered.
    return bool(args.secret_file or os.environ.get("ANUYAT_SECRET_VALUE"))


def _agency_with(agency: AgencyDetails, pairs: dict[str, str]) -> AgencyDetails:
    fields = set(asdict(agency))
    changes: dict[str, Any] = {}
    for name, text in pairs.items():
        if name not in fields:
            raise InvalidInput(
                f"ไม่รู้จัก '{name}' ของหน่วยงาน (มี: {', '.join(sorted(fields))})",
                f"Unknown agency field '{name}' (known: {', '.join(sorted(fields))}).",
            )
        if name in ("opens_at", "closes_at"):
            changes[name] = _clock(name, text)
        elif name == "workdays":
            changes[name] = tuple(int(d) for d in text.split(",") if d.strip().isdigit())
        else:
            changes[name] = text
    return replace(agency, **changes)


def _clock(name: str, text: str) -> time:
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise InvalidInput(
            f"'{name}' ต้องเป็นเวลา ชช:นน เช่น 08:30 (ไม่ใช่ {text!r})",
            f"'{name}' must be a time HH:MM, e.g. 08:30 (not {text!r}).",
        ) from None
