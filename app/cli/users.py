"""``anuyat users …``: the officers' accounts from the command line (the admin page's twin).

Every action signs in first, as the administrator named by ``--as`` (default ``admin``),
with the password from ``--password-file``, else ``ANUYAT_ADMIN_PASSWORD``, else stdin or
a prompt: never from the command line. The sign-in and every change are events naming
that administrator. One-time passwords are printed once and nowhere kept.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.bootstrap import Runtime
from app.cli.common import open_profile, read_secret
from app.settings import Settings
from services.access.officers import IssuedPassword, NewOfficer, OfficerAccount
from services.kernel.errors import InvalidInput
from services.kernel.thai_dates import format_thai_date

__all__ = ["cmd_users"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _state(row: OfficerAccount) -> str:
    if not row.active:
        return "deactivated"
    if row.locked:
        return "locked"
    if row.must_change_password:
        return "must-change"
    return "active"


def _as_dict(row: OfficerAccount) -> dict[str, Any]:
    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "username": row.username,
        "name_th": row.name_th,
        "name_en": row.name_en,
        "position_th": row.position_th,
        "email": row.email,
        "roles": list(row.roles),
        "state": _state(row),
        "active": row.active,
        "locked": row.locked,
        "locked_until": iso(row.locked_until),
        "must_change_password": row.must_change_password,
        "last_sign_in_at": iso(row.last_sign_in_at),
        "created_at": iso(row.created_at),
    }


def _print_issued(issued: IssuedPassword) -> None:
    print(
        f"รหัสผ่านชั่วคราวของ {issued.username} (แสดงครั้งเดียว ไม่มีการเก็บไว้):\n"
        f"One-time password for {issued.username} (shown once, kept nowhere):\n"
        f"\n    {issued.password}\n\n"
        "ส่งให้เจ้าหน้าที่โดยตรง เมื่อลงชื่อเข้าใช้ครั้งแรกระบบจะให้ตั้งรหัสผ่านของตนเอง\n"
        "Hand it to the officer in person; at first sign-in they must choose their own."
    )


def cmd_users(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        return _run(args, runtime)
    finally:
        runtime.close()


def _run(args: argparse.Namespace, runtime: Runtime) -> int:
    password = read_secret(
        "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
    )
    user = runtime.ports.shell.sign_in(args.as_user, password)
    port = runtime.officers
    command = args.users_command
    if command == "passwd":
        new = read_secret(
            "ANUYAT_NEW_PASSWORD", "New password / รหัสผ่านใหม่: ", args.new_password_file, True
        )
        port.change_my_password(user, password, new)
        print(f"เปลี่ยนรหัสผ่านของ {user.username} แล้ว / Password changed for {user.username}.")
        return 0
    if user.must_change_password:
        raise InvalidInput(
            f"{user.username} ต้องตั้งรหัสผ่านของตนเองก่อน: anuyat users --as {user.username} passwd",
            f"{user.username} must choose their own password first: "
            f"anuyat users --as {user.username} passwd",
        )
    if command == "list":
        rows = port.officers(user)
        if args.json:
            print(json.dumps([_as_dict(r) for r in rows], ensure_ascii=False, indent=2))
            return 0
        for r in rows:
            seen = format_thai_date(r.last_sign_in_at, short=True) if r.last_sign_in_at else "-"
            print(
                f"{r.username:14} {_state(r):12} {','.join(r.roles):24} "
                f"{seen:12} {r.name_th} ({r.position_th or '-'})"
            )
        return 0
    if command == "add":
        issued = port.create_officer(
            user,
            NewOfficer(
                username=args.username,
                name_th=args.name_th,
                name_en=args.name_en,
                position_th=args.position,
                email=args.email,
                roles=_split(args.roles),
            ),
        )
        print(f"เพิ่มเจ้าหน้าที่ {issued.username} แล้ว / Officer {issued.username} added.")
        _print_issued(issued)
        return 0
    if command == "roles":
        current = next(
            (r for r in port.officers(user) if r.username == args.username.lower()), None
        )
        held = set(current.roles) if current else set()
        if args.set is not None:
            wanted = set(_split(args.set))
        elif args.add is not None:
            wanted = held | set(_split(args.add))
        else:
            wanted = held - set(_split(args.remove))
        changed = port.set_roles(user, args.username, tuple(sorted(wanted)))
        roles = ", ".join(sorted(wanted))
        if changed:
            print(f"บทบาทของ {args.username}: {roles} / Roles of {args.username}: {roles}")
        else:
            print(f"ไม่มีอะไรเปลี่ยน / Nothing changed: {args.username} has {roles}")
        return 0
    if command == "deactivate":
        port.deactivate(user, args.username, args.reason)
        print(
            f"ระงับบัญชี {args.username} แล้ว (ข้อมูลและประวัติยังอยู่ครบ) / "
            f"{args.username} deactivated (records and history stay)."
        )
        return 0
    if command == "activate":
        port.activate(user, args.username)
        print(f"เปิดใช้บัญชี {args.username} แล้ว / {args.username} can sign in again.")
        return 0
    if command == "section":
        port.set_section(user, args.username, args.name)
        where = args.name or "-"
        print(f"ฝ่ายของ {args.username}: {where} / Section of {args.username}: {where}")
        return 0
    if command == "reset-password":
        _print_issued(port.reset_password(user, args.username))
        return 0
    port.unlock(user, args.username)
    print(f"ปลดล็อกบัญชี {args.username} แล้ว / {args.username} unlocked.")
    return 0
