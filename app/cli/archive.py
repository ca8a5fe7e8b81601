"""``anuyat archive export TRACKING --out FILE``: a request's whole file as one PDF/A-3 for
the archives or a court (its pages, letters, issued documents, history; originals and the
audit events attached).

Signs in as ``--as`` (default ``approver``; a supervisor may too); the password comes from
``--password-file``, else ``ANUYAT_ADMIN_PASSWORD``, else stdin or a prompt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_profile, read_secret
from app.settings import Settings

__all__ = ["cmd_archive"]


def cmd_archive(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        port = runtime.ports.archive
        assert port is not None
        done = port.export(user, args.tracking, Path(args.out))
        print(
            f"ส่งออกแฟ้มคำขอ {done.tracking_number} แล้ว ({done.pages} หน้า {done.files} ไฟล์) "
            f"ที่ {done.path}\nExported request {done.tracking_number} as PDF/A-3: {done.pages} "
            f"pages, {done.files} files, {done.size} bytes, sha256 {done.sha256}"
        )
        return 0
    finally:
        runtime.close()
