"""The ``anuyat`` command: a thin layer over the services (the GUI calls the same ones)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from app import cli_users, doctor
from app.bootstrap import Runtime, open_runtime, prepare_profile_dir, resolve_data_dir
from app.settings import Settings, load_settings, password_policy, with_profile
from services.kernel.clock import SystemClock
from services.kernel.errors import AnuyatError, InvalidInput
from services.store import keys, recovery

__all__ = ["main", "build_parser"]

log = logging.getLogger("anuyat.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="anuyat",
        description="Anuyat (อนุญาต): the officer workstation for permits and licences.",
    )
    parser.add_argument("--data-dir", help="profile folder (default: ANUYAT_DATA_DIR or settings)")
    parser.add_argument("--lang", choices=("th", "en"), help="user interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the workstation window (the default)")

    init = sub.add_parser("init", help="create a new agency profile (non-interactive)")
    init.add_argument("--agency-name-th", required=True)
    init.add_argument("--agency-name-en", required=True)
    init.add_argument("--agency-code", required=True, help="Roman-letter code, e.g. NKK")
    init.add_argument("--agency-number", required=True, help="official agency number")
    init.add_argument(
        "--agency-email", required=True, help="the official address requests are received on"
    )
    init.add_argument(
        "--allow-free-mail",
        action="store_true",
        help="accept a free-mail address (gmail, hotmail…) when the agency has none of its own",
    )
    init.add_argument("--station-code", default="ST1")
    init.add_argument("--station-name", default="Back office 1")
    init.add_argument("--admin-user", default="admin")
    init.add_argument("--admin-name", default="ผู้ดูแลระบบ")
    init.add_argument(
        "--admin-password-file",
        help="file holding the first admin password (else ANUYAT_ADMIN_PASSWORD, else stdin)",
    )

    demo = sub.add_parser("demo", help="create a demo agency with sample applications")
    demo.add_argument("--if-missing", action="store_true", help="do nothing if it exists")

    apps = sub.add_parser("apps", help="list or show applications")
    apps_sub = apps.add_subparsers(dest="apps_command", metavar="ACTION", required=True)
    apps_list = apps_sub.add_parser("list", help="applications, oldest first")
    apps_list.add_argument("--status")
    apps_list.add_argument("--limit", type=int, default=50)
    apps_list.add_argument("--json", action="store_true")
    apps_show = apps_sub.add_parser("show", help="one application by tracking number")
    apps_show.add_argument("tracking_number")
    apps_show.add_argument("--json", action="store_true")

    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_sub.add_parser(
        "verify",
        help="check the event hash chain, its checkpoints outside the store, and that the "
        "current state agrees with the events",
    )
    audit_sub.add_parser(
        "checkpoint",
        help="write the chain heads to the checkpoint files (profile folder, shared drive)",
    )

    sub.add_parser("doctor", help="check this computer and say how to fix what is missing")

    rec = sub.add_parser("recovery", help="the store's recovery key")
    rec_sub = rec.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)
    rec_export = rec_sub.add_parser("export", help="write the recovery key file (keep offline)")
    rec_export.add_argument("--out", required=True)
    rec_import = rec_sub.add_parser("import", help="reopen a copied store on this computer")
    rec_import.add_argument("file")

    sync = sub.add_parser("sync", help="mailbox, shared drive and outbox (e.g. from a scheduler)")
    sync.add_argument("--once", action="store_true", help="one round, then exit")

    secret = sub.add_parser("secret", help="passwords kept in the OS keyring")
    secret_sub = secret.add_subparsers(dest="secret_command", metavar="ACTION", required=True)
    secret_set = secret_sub.add_parser("set", help="store a password (read from stdin or prompt)")
    secret_set.add_argument("name", choices=("imap", "smtp"))

    cli_users.add_parser(sub)

    cat = sub.add_parser("catalog", help="the service catalog (citizen manual)")
    cat_sub = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    cat_check = cat_sub.add_parser("check", help="validate a catalog file")
    cat_check.add_argument("file")
    cat_manual = cat_sub.add_parser(
        "export-manual",
        help="write the citizen manual of every service as PDF and HTML pages",
    )
    cat_manual.add_argument("--out", required=True, help="folder to write into")
    cat_manual.add_argument("--catalog", help="catalog file (default: the shipped one)")
    cat_manual.add_argument("--agency-th", required=True, help="the agency's Thai name")
    cat_manual.add_argument("--agency-en", default="", help="the agency's English name")
    cat_manual.add_argument("--email", required=True, help="the agency's official e-mail")
    cat_manual.add_argument("--phone", default="", help="the enquiry phone number")
    cat_manual.add_argument("--address", default="", help="where the counter is (Thai)")
    return parser


def _read_secret(env_name: str, prompt: str, file: str | None = None, confirm: bool = False) -> str:
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


def _cmd_init(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
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
    with _undo_on_failure(data_dir):
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
        password = _read_secret(
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
def _undo_on_failure(data_dir: Path) -> Iterator[None]:
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


def _cmd_demo(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
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
        _warn_demo_keyring()
    summary = create_demo_profile(data_dir, SystemClock())
    print(f"สร้างหน่วยงานตัวอย่างแล้ว / Demo agency created: {data_dir}")
    print(f"  คำขอ / applications: {summary.applications}")
    print("  ผู้ใช้ / users (password = รหัสผ่าน):")
    for username, password, roles in summary.users:
        print(f"    {username:10} {password:16} {', '.join(roles)}")
    return 0


def _warn_demo_keyring() -> None:
    print(
        "คำเตือน: เครื่องนี้ไม่มีที่เก็บกุญแจ (keyring) — โปรไฟล์ตัวอย่างเก็บกุญแจไว้ในไฟล์ข้างข้อมูล "
        "ใช้กับข้อมูลตัวอย่างเท่านั้น\n"
        "Warning: this computer has no keyring. The DEMO profile keeps its key in a file beside "
        "the data: fine for fictional data only, never for real applications.",
        file=sys.stderr,
    )


def _runtime(data_dir: Path, settings: Settings) -> Runtime:
    from app import demo_keyring

    runtime = open_runtime(data_dir, settings)
    if runtime.demo_file_keyring:
        _warn_demo_keyring()
    if demo_keyring.stray_demo_marker(data_dir):
        print(
            "คำเตือน: มีไฟล์ชื่อ DEMO ในโฟลเดอร์ของโปรไฟล์จริง — ไม่มีผลใด ๆ ลบทิ้งได้\n"
            "Warning: a file named DEMO is in this real profile's folder. It has no effect; "
            "you may delete it.",
            file=sys.stderr,
        )
    return runtime


def _row_dict(row: Any) -> dict[str, Any]:
    return {
        "tracking_number": row.tracking_number,
        "service": row.service_code,
        "service_name_th": row.service_name_th,
        "applicant": row.applicant_name,
        "national_id": row.applicant_id_masked,
        "channel": row.channel,
        "status": row.status,
        "received_at": row.received_at.isoformat(),
        "deemed_received_at": row.deemed_received_at.isoformat(),
        "sla_due_at": row.sla_due_at.isoformat() if row.sla_due_at else None,
        "sla_state": row.sla_state,
        "business_days_left": row.business_days_left,
        "documents": row.document_count,
    }


def _cmd_apps(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.cases import queries
    from services.kernel.thai_dates import format_thai_date

    runtime = _runtime(data_dir, settings)
    try:
        context = runtime.context
        if args.apps_command == "list":
            with context.read() as session:
                rows = queries.list_applications(
                    session,
                    context.calendar,
                    context.clock.now(),
                    status=args.status,
                    limit=args.limit,
                )
            if args.json:
                print(json.dumps([_row_dict(r) for r in rows], ensure_ascii=False, indent=2))
            else:
                # Both moments, named: the window's list shows the arrival ("วันที่รับ").
                print(
                    "# เลขที่คำขอ | รับเมื่อ (received, arrival) | ถือว่ารับเมื่อ (deemed received, "
                    "SLA start) | สถานะ | ผู้ยื่น — เวลากรุงเทพฯ (Bangkok time)"
                )
                for r in rows:
                    came = format_thai_date(r.received_at, with_time=True, short=True)
                    when = format_thai_date(r.deemed_received_at, with_time=True, short=True)
                    print(
                        f"{r.tracking_number}  {came}  {when}  {r.status_label_th:24} "
                        f"{r.applicant_name}"
                    )
            return 0
        with context.read() as session:
            detail = queries.application_detail(
                session, context.calendar, context.clock.now(), args.tracking_number
            )
        if args.json:
            print(json.dumps(detail, ensure_ascii=False, indent=2, default=str))
        else:
            for key, value in detail.items():
                print(f"{key:22} {value}")
        return 0
    finally:
        runtime.close()


def _cmd_audit(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.kernel.events import verify_chain
    from services.kernel.state_check import check_state
    from services.store.anchors import check_store_anchors

    runtime = _runtime(data_dir, settings)
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
        print(f"ห่วงโซ่บันทึกถูกต้อง / Audit chain intact: {report.checked} events verified.")
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


def _cmd_recovery(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    prepare_profile_dir(data_dir, settings)
    if args.recovery_command == "export":
        master = keys.load_master_key(data_dir)
        passphrase = _read_secret(
            "ANUYAT_RECOVERY_PASSPHRASE", "Passphrase / วลีรหัสผ่าน: ", confirm=True
        )
        recovery.export_recovery_file(data_dir, master, passphrase, Path(args.out))
        print(
            f"เขียนไฟล์กุญแจกู้คืนแล้ว: {args.out} — เก็บไว้นอกเครื่อง แยกจากวลีรหัสผ่าน\n"
            f"Recovery key written to {args.out}. Keep it offline, apart from its passphrase."
        )
        return 0
    passphrase = _read_secret("ANUYAT_RECOVERY_PASSPHRASE", "Passphrase / วลีรหัสผ่าน: ")
    recovery.import_recovery_file(data_dir, Path(args.file), passphrase)
    print("ติดตั้งกุญแจแล้ว เปิดฐานข้อมูลได้ / Key installed; the store can be opened.")
    return 0


def _cmd_sync(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    import time

    from services.intake.sync import SyncRunning, run_sync

    runtime = _runtime(data_dir, settings)
    try:
        while True:
            try:
                report = run_sync(runtime.context, runtime.plan)
            except SyncRunning as exc:
                # Another process syncs this profile: say so, and (looping) try next round.
                print(exc.bilingual(), file=sys.stderr)
                if args.once:
                    return 5
                time.sleep(runtime.settings.get("sync_interval_seconds"))
                continue
            runtime.checkpoint()
            for part in report.parts:
                counts = ", ".join(f"{k} {v}" for k, v in sorted(part.outcomes.items())) or "-"
                print(f"{part.component:40} {part.state:8} {counts}")
                if part.state != "ok":
                    print(f"  {part.error_th}\n  {part.error_en}")
            if args.once:
                return 0 if report.ok else 4
            time.sleep(runtime.settings.get("sync_interval_seconds"))
    finally:
        runtime.close()


def _cmd_secret(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app.intake_setup import IMAP_SECRET, SMTP_SECRET

    prepare_profile_dir(data_dir, settings)
    name = {"imap": IMAP_SECRET, "smtp": SMTP_SECRET}[args.name]
    value = _read_secret("ANUYAT_SECRET_VALUE", f"{args.name} password / รหัสผ่าน: ")
    keys.store_secret(name, value)
    print(f"บันทึกในที่เก็บกุญแจแล้ว / Stored in the keyring: {args.name}")
    return 0


def _cmd_catalog(args: argparse.Namespace) -> int:
    from services.catalog.loader import default_catalog_path, load_catalog

    if args.catalog_command == "export-manual":
        from services.produce.manual import ManualAgency, export_manual

        catalog = load_catalog(Path(args.catalog) if args.catalog else default_catalog_path())
        agency = ManualAgency(
            name_th=args.agency_th,
            name_en=args.agency_en,
            email=args.email,
            phone=args.phone,
            address_th=args.address,
        )
        written = export_manual(catalog, agency, Path(args.out))
        print(
            f"เขียนคู่มือประชาชน {len(catalog)} บริการแล้ว / Citizen manual written: "
            f"{len(written)} files in {args.out}"
        )
        return 0
    catalog = load_catalog(Path(args.file))
    print(f"คู่มือประชาชนถูกต้อง / Catalog valid: {len(catalog)} services")
    return 0


def _cmd_users(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = _runtime(data_dir, settings)
    try:
        return cli_users.run(args, runtime, _read_secret)
    finally:
        runtime.close()


def _cmd_gui(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app.bootstrap import prepare_viewer_copies
    from ui.shell.start import run_gui

    runtime = _runtime(data_dir, settings)
    try:
        return run_gui(
            runtime.ports,
            language=args.lang or settings.get("language"),
            demo_warning=runtime.demo_file_keyring,
            accounts=runtime.officers,
            quit_after_first_paint=os.environ.get("ANUYAT_QUIT_AFTER_FIRST_PAINT") == "1",
            viewer_dir=prepare_viewer_copies(data_dir),
        )
    finally:
        runtime.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    root = logging.getLogger()
    if not root.handlers:
        # Until the profile's log is open, nothing goes to the terminal raw: Python's
        # last-resort handler would print warnings and tracebacks there.
        root.addHandler(logging.NullHandler())
    try:
        settings = load_settings()
        if command == "doctor":
            return doctor.run(resolve_data_dir(args.data_dir, settings), settings)
        if command == "catalog":
            return _cmd_catalog(args)
        data_dir = resolve_data_dir(args.data_dir, settings)
        handlers = {
            "gui": _cmd_gui,
            "init": _cmd_init,
            "demo": _cmd_demo,
            "apps": _cmd_apps,
            "audit": _cmd_audit,
            "recovery": _cmd_recovery,
            "sync": _cmd_sync,
            "secret": _cmd_secret,
            "users": _cmd_users,
        }
        return handlers[command](args, data_dir, settings)
    except AnuyatError as exc:
        log.warning("command %s failed: %s (%s)", command, exc.code, exc.detail or "")
        print(exc.bilingual(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log.exception("unexpected failure in command %s", command)
        log_file = _profile_log()
        if log_file is not None:
            print(
                f"เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดอยู่ในไฟล์บันทึก {log_file} — แจ้งผู้ดูแลระบบ\n"
                f"An unexpected error occurred. Details are in the profile's log ({log_file}); "
                "please tell your IT administrator.",
                file=sys.stderr,
            )
        else:  # the log could not be opened: say what happened here instead
            print(
                "เกิดข้อผิดพลาดที่ไม่คาดคิด และยังเขียนไฟล์บันทึกไม่ได้ — แจ้งผู้ดูแลระบบพร้อมข้อความนี้\n"
                "An unexpected error occurred before the profile's log could be opened; "
                f"please tell your IT administrator: {type(exc).__name__}: {exc}",
                file=sys.stderr,
            )
        return 1


def _profile_log() -> str | None:
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_anuyat", False):
            return str(getattr(handler, "baseFilename", "logs/anuyat.log"))
    return None


if __name__ == "__main__":
    sys.exit(main())
