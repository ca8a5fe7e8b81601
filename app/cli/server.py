"""``anuyat server init|enrol-station`` (on the agency's server) and ``anuyat join FILE``
(on a new workstation): the services are in :mod:`services.server`."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from app import demo_keyring
from app.bootstrap import prepare_profile_dir
from app.cli.common import read_secret
from app.cli.profile import undo_on_failure
from app.settings import Settings, password_policy, with_profile
from services.kernel.clock import BANGKOK, SystemClock

__all__ = ["cmd_server", "cmd_join"]


def cmd_server(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    if args.server_command == "init":
        return _init(args, data_dir, settings)
    if args.server_command == "renew-cert":
        return _renew(args, data_dir)
    if args.server_command == "upgrade":
        return _upgrade(data_dir, settings)
    if args.server_command == "revoke-station":
        return _revoke(args, data_dir, settings)
    return _enrol(args, data_dir, settings)


def _revoke(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app.cli.common import open_profile
    from services.server.revoke import revoke_station

    runtime = open_profile(data_dir, settings)
    try:
        ended = revoke_station(runtime.context, args.code, superuser=args.superuser)
    finally:
        runtime.close()
    code = args.code.strip().upper()
    print(
        f"ถอนสิทธิ์สถานี {code} แล้ว: บทบาทของสถานีเข้าสู่ฐานข้อมูลไม่ได้อีก ปิดการเชื่อมต่อที่เปิดอยู่ "
        f"{ended} รายการ และไฟล์ลงทะเบียนของสถานีใช้เข้าร่วมไม่ได้อีก คำขอและเหตุการณ์ของสถานียังอยู่ครบ\n"
        "สิ่งที่คำสั่งนี้ไม่ได้ทำ: กุญแจหลักของหน่วยงานไม่ได้เปลี่ยน (ยังไม่มีการหมุนเวียนกุญแจ) "
        "ผู้ที่ได้เครื่องนั้นหรือไฟล์ลงทะเบียนพร้อมวลีรหัสผ่านไปยังถอดรหัสข้อมูลที่คัดลอกไปได้ "
        "— ดูหัวข้อเครื่องแม่ข่ายใน README\n"
        f"Station {code} is locked out: its role can no longer log in to the database, "
        f"{ended} open session(s) ended, and its enrolment file can no longer be used to join. "
        "Its requests and events stay.\n"
        "What this does NOT do: the agency's master key is unchanged (there is no key "
        "rotation yet). Whoever holds that computer, or its enrolment file and passphrase, "
        "can still decrypt any copy of the agency's data they obtain; see the README's "
        "agency server section. A replacement computer gets a new enrolment file."
    )
    return 0


def _upgrade(data_dir: Path, settings: Settings) -> int:
    from app.cli.common import open_profile
    from services.server.grants import restrict_app_role
    from services.server.setup import read_server_setup

    facts = read_server_setup(data_dir)  # refuses a folder that is not the server's profile
    # Opening the server profile migrates, as the migration role (services.store.engine).
    runtime = open_profile(data_dir, settings)
    try:
        restrict_app_role(runtime.context.store.engine, facts.app_role)
    finally:
        runtime.close()
    print(
        "ฐานข้อมูลของหน่วยงานเป็นรุ่นล่าสุดแล้ว — ปรับรุ่น Anuyat บนเครื่องลูกข่ายได้\n"
        "The agency's database is up to date; the workstations can be updated now."
    )
    return 0


def _renew(args: argparse.Namespace, data_dir: Path) -> int:
    from services.server.renew import renew_server_certificate

    until = renew_server_certificate(data_dir, args.superuser, SystemClock())
    print(
        f"ใบรับรองใหม่ของเครื่องแม่ข่ายใช้งานแล้ว ใช้ได้ถึง {until:%Y-%m-%d} (UTC)\n"
        f"The server now shows its new certificate, valid until {until:%Y-%m-%d} (UTC). "
        "The workstations need nothing new."
    )
    return 0


def _init(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.server.roles import ServerRoles
    from services.server.setup import initialise_server
    from services.store.anchors import checkpoint_store
    from services.store.engine import Store
    from services.store.profile import AgencySetup

    setup = AgencySetup(
        name_th=args.agency_name_th,
        name_en=args.agency_name_en,
        code=args.agency_code,
        number=args.agency_number,
        email=args.agency_email,
        station_code="SRV",
        station_name="Agency server",
        allow_free_mail=args.allow_free_mail,
    )
    setup.validate()
    with undo_on_failure(data_dir):
        prepare_profile_dir(data_dir, settings, demo_keyring_ok=False)
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD",
            "Admin password / รหัสผ่านผู้ดูแล: ",
            args.admin_password_file,
            True,
        )
        password_policy(settings).check(password, args.admin_user)

        def finish(store: Store) -> None:
            # Inside server init's journal: a kill here is undone by the next init too.
            drive_root = with_profile(settings, data_dir).path("drive_root")
            checkpoint_store(store, SystemClock().now(), drive_root)
            demo_keyring.write_profile_kind(data_dir, "real")

        store, report = initialise_server(
            data_dir,
            superuser=args.superuser,
            hosts=tuple(args.host),
            setup=setup,
            admin_username=args.admin_user,
            admin_password=password,
            admin_display_name=args.admin_name,
            clock=SystemClock(),
            roles=ServerRoles(args.database, args.owner_role, args.app_role),
            allow_from=args.allow_from,
            port=args.port,
            finish=finish,
            tell=print,
        )
        store.close()
    print(f"ตั้งค่าเครื่องแม่ข่ายแล้ว / Agency server set up; its profile: {data_dir}")
    print(f"TLS: {report.cert_file}, {report.key_file} (ssl = on, ALTER SYSTEM)")
    print(f"{report.hba_file} now begins with:")
    for line in report.hba_lines:
        print(f"    {line}")
    if report.listen_addresses in ("localhost", "127.0.0.1", "::1"):
        print(
            f"listen_addresses = '{report.listen_addresses}': workstations on the LAN cannot "
            "reach it yet. Set listen_addresses = '*' in postgresql.conf and restart "
            "PostgreSQL."
        )
    print(
        "ต่อไป: ส่งออกกุญแจกู้คืน แล้วออกไฟล์ลงทะเบียนให้แต่ละเครื่อง\n"
        "Next: anuyat recovery export --out FILE (keep it offline), then for each "
        "workstation: anuyat server enrol-station --out FILE"
    )
    return 0


def _enrol(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from app.cli.common import open_profile
    from services.server.enrol import enrol_station

    passphrase = read_secret(
        "ANUYAT_ENROL_PASSPHRASE", "Passphrase for the file / วลีรหัสผ่านของไฟล์: ", None, True
    )
    runtime = open_profile(data_dir, settings)
    try:
        done = enrol_station(
            runtime.context,
            Path(args.out),
            passphrase,
            superuser=args.superuser,
            name=args.name,
            code=args.code,
            valid_for=timedelta(days=args.valid_days),
        )
    finally:
        runtime.close()
    until = f"{done.expires_at.astimezone(BANGKOK):%Y-%m-%d %H:%M}"
    print(
        f"ลงทะเบียนสถานี {done.code} แล้ว ไฟล์: {done.file} — ใช้เข้าร่วมได้ครั้งเดียว ก่อน {until} "
        "ส่งไฟล์และวลีรหัสผ่านแยกช่องทางกัน แล้วลบไฟล์เมื่อใช้แล้ว\n"
        f"Station {done.code} registered; its file: {done.file}. It joins one computer, "
        f"once, before {until} (Bangkok time). Hand over the file and the passphrase by "
        "different routes, and delete the file once used. It holds the agency's key. On the "
        "workstation: anuyat join FILE"
    )
    return 0


def cmd_join(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.server.join import join_agency

    passphrase = read_secret("ANUYAT_ENROL_PASSPHRASE", "Passphrase / วลีรหัสผ่านของไฟล์: ")
    with undo_on_failure(data_dir):
        prepare_profile_dir(data_dir, settings, demo_keyring_ok=False)
        context = join_agency(data_dir, Path(args.file), passphrase, SystemClock())
        code = context.station_code
        context.store.close()
        demo_keyring.write_profile_kind(data_dir, "real")
    print(
        f"เครื่องนี้เป็นสถานี {code} ของหน่วยงานแล้ว / This computer is now station {code} of "
        f"the agency (profile {data_dir}). Start it with: anuyat --data-dir {data_dir}",
        file=sys.stdout,
    )
    return 0
