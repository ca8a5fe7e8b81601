"""``anuyat init`` and ``demo``: creating a profile (real or demo); ``gui`` is app.cli.gui."""

from __future__ import annotations

import argparse
import contextlib
import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from app.bootstrap import prepare_profile_dir
from app.cli.common import read_secret, warn_demo_keyring
from app.settings import Settings, password_policy, profile_settings_path, with_profile
from demo.token import DEMO_TOKEN_PIN, DemoToken, provision_demo_token
from services.kernel.clock import SystemClock
from services.kernel.errors import InvalidInput

__all__ = ["cmd_init", "cmd_demo", "undo_on_failure"]


def cmd_init(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app import demo_keyring
    from services.store.anchors import checkpoint_store
    from services.store.engine import DB_FILE
    from services.store.profile import AgencySetup, free_mail_domain, initialise_profile

    setup = AgencySetup(
        name_th=args.agency_name_th,
        name_en=args.agency_name_en,
        code=args.agency_code,
        number=args.agency_number,
        email=args.agency_email,
        station_code=args.station_code,
        station_name=args.station_name,
        allow_free_mail=args.allow_free_mail,
    )
    setup.validate()  # before anything is created
    domain = free_mail_domain(setup.email)
    if domain:
        print(
            f"คำเตือน: {setup.email} เป็นอีเมลฟรี ({domain}) ไม่ระบุหน่วยงาน "
            "— เปลี่ยนเป็นอีเมลของหน่วยงานโดยเร็ว\n"
            f"Warning: {setup.email} is free mail ({domain}) and does not identify the agency; "
            "move to the agency's own address as soon as it has one.",
            file=sys.stderr,
        )
    with undo_on_failure(data_dir):
        # A real profile: its key goes in the OS keyring whatever files the folder holds.
        prepare_profile_dir(data_dir, settings, demo_keyring_ok=False)
        if not (data_dir / DB_FILE).exists() and (
            (data_dir / demo_keyring.STRAY_MARKER).exists()
            or demo_keyring.is_demo_profile(data_dir)
        ):
            print(
                "คำเตือน: โฟลเดอร์นี้มีไฟล์ที่บอกว่าเป็นโปรไฟล์ตัวอย่าง (DEMO หรือ profile.json) "
                "— ไม่สนใจไฟล์นั้น: นี่คือโปรไฟล์จริง กุญแจจะเก็บในที่เก็บกุญแจของระบบเท่านั้น\n"
                "Warning: this folder holds a file claiming a demo profile (DEMO or "
                "profile.json). It is ignored: this is a real profile, and its key is kept "
                "in the OS keyring only.",
                file=sys.stderr,
            )
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD",
            "Admin password / รหัสผ่านผู้ดูแล: ",
            args.admin_password_file,
            True,
        )
        password_policy(settings).check(password, args.admin_user)
        store = initialise_profile(
            data_dir,
            setup,
            admin_username=args.admin_user,
            admin_password=password,
            admin_display_name=args.admin_name,
            clock=SystemClock(),
        )
        try:  # the first audit checkpoint, as soon as the profile exists
            checkpoint_store(
                store, SystemClock().now(), with_profile(settings, data_dir).path("drive_root")
            )
        finally:
            store.close()
        demo_keyring.write_profile_kind(data_dir, "real")
    print(f"สร้างโปรไฟล์แล้ว / Profile created: {data_dir}")
    print("ต่อไป: ส่งออกกุญแจกู้คืน / Next: export the recovery key: anuyat recovery export --out FILE")
    return 0


@contextlib.contextmanager
def undo_on_failure(data_dir: Path) -> Iterator[None]:
    """A refused ``init`` removes what it created (folders, files), never what existed."""
    new_dirs = [p for p in (data_dir, *data_dir.parents) if not p.exists()]
    existed = set(data_dir.iterdir()) if data_dir.is_dir() else set()
    try:
        yield
    except BaseException:
        # The profile's log file may be one of the things to remove: let go of it first.
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_anuyat", False)]:
            root.removeHandler(handler)
            handler.close()
            root.addHandler(logging.NullHandler())  # the failure is reported on stderr
        if new_dirs:
            shutil.rmtree(new_dirs[-1], ignore_errors=True)
        elif data_dir.is_dir():
            for entry in set(data_dir.iterdir()) - existed:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        raise


def cmd_demo(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app import demo_keyring
    from demo.build import create_demo_profile
    from services.store.engine import DB_FILE

    prepare_profile_dir(data_dir, settings, demo_keyring_ok=False)
    if (data_dir / DB_FILE).exists():
        if args.if_missing:
            print(f"โปรไฟล์ตัวอย่างมีอยู่แล้ว / The demo profile is ready: {data_dir}")
            return 0
        raise InvalidInput(
            f"มีข้อมูลอยู่แล้วใน {data_dir} — ไม่ได้เปลี่ยนแปลงอะไร",
            f"{data_dir} already holds a profile; nothing was changed. "
            "Use another --data-dir for the demo.",
        )
    # This command, not a file in the folder, makes the profile a demo (see app.demo_keyring).
    demo_keyring.write_profile_kind(data_dir, "demo")
    if demo_keyring.activate_if_needed(data_dir):
        warn_demo_keyring()
    summary = create_demo_profile(data_dir, SystemClock())
    token = _demo_token(data_dir)
    print(f"สร้างหน่วยงานตัวอย่างแล้ว / Demo agency created: {data_dir}")
    print(f"  คำขอ / applications: {summary.applications}")
    print("  ผู้ใช้ / users (password = รหัสผ่าน):")
    for username, password, roles in summary.users:
        print(f"    {username:10} {password:16} {', '.join(roles)}")
    if token is not None:
        print(
            f"  โทเคนลงนามของผู้อนุมัติ (SoftHSM2) / approver's signing token: "
            f"'{token.label}', PIN {DEMO_TOKEN_PIN}"
        )
    else:
        print(
            "  ไม่มีโทเคนตัวอย่าง: ติดตั้ง softhsm2 แล้วสร้างโปรไฟล์ตัวอย่างใหม่ / No demo token: "
            "install softhsm2 and create the demo again (type-1 approvals still work)."
        )
    return 0


def _demo_token(data_dir: Path) -> DemoToken | None:
    """The approver's SoftHSM2 token, named in the demo profile's own settings."""
    import tomllib

    import tomli_w

    from demo.build import DEMO_USERS

    name = next(display for user, _, _, display, _ in DEMO_USERS if user == "approver")
    token = provision_demo_token(data_dir, name)
    if token is None:
        return None
    path = profile_settings_path(data_dir)
    values = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    values.update(pkcs11_module=token.module, signing_trust_roots=[str(token.root_pem)])
    path.write_text(
        "# The demo agency's own settings (they overlay the user's settings.toml).\n"
        + tomli_w.dumps(values),
        encoding="utf-8",
    )
    return token
