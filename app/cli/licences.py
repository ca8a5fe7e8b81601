"""``anuyat licences publish --to DIR``: the public register of issued licences, written to a
folder the agency puts on its website or shared drive (M20).

Signs in as an approver (``--as``, default ``approver``); the password comes from
``--password-file``, else ``ANUYAT_ADMIN_PASSWORD``, else stdin or a prompt. Re-running it
rewrites only the pages that changed (a revoked licence's, the JSON, the CSV, the manifest).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import open_profile, read_secret
from app.settings import Settings

__all__ = ["add_parser", "cmd_licences"]


def add_parser(sub: Any) -> None:
    licences = sub.add_parser("licences", help="the public register of issued licences")
    licences.add_argument("--as", dest="as_user", default="approver", help="user to sign in as")
    licences.add_argument(
        "--password-file", help="file holding that user's password (else ANUYAT_ADMIN_PASSWORD)"
    )
    act = licences.add_subparsers(dest="licences_command", metavar="ACTION", required=True)
    publish = act.add_parser("publish", help="write the register as HTML pages, JSON and CSV")
    publish.add_argument("--to", required=True, help="the publish folder")


def cmd_licences(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        port = runtime.ports.issuing
        assert port is not None
        summary = port.publish(user, Path(args.to))
        print(
            f"เขียนทะเบียนสาธารณะแล้ว {summary.written} ไฟล์ (ไม่เปลี่ยน {summary.unchanged}) ที่ "
            f"{summary.folder}\nPublic register written: {summary.written} file(s) changed, "
            f"{summary.unchanged} unchanged, in {summary.folder}"
        )
        return 0
    finally:
        runtime.close()
