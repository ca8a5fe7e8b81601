"""``anuyat report monthly``: the monthly service report as a spreadsheet and/or a PDF, or as
a table on the terminal — the same figures as the window's "Monthly report" page.

Like ``anuyat users`` it signs in first as the officer named by ``--as`` (default ``admin``;
the access table decides who may), with the password from ``--password-file``, else
``ANUYAT_ADMIN_PASSWORD``, else stdin or a prompt. Each file written is an event naming them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_profile, read_secret
from app.settings import Settings
from services.kernel.errors import InvalidInput
from services.reports import parse_day
from services.reports.texts import COLUMNS, figure_cells

__all__ = ["cmd_report"]


def _write(path: str, data: bytes) -> None:
    target = Path(path).expanduser()
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InvalidInput(
            f"เขียนไฟล์ {target} ไม่ได้ ({exc.strerror}) — เลือกโฟลเดอร์ที่เขียนได้",
            f"Cannot write {target} ({exc.strerror}). Choose a folder you can write to.",
            detail=repr(exc),
        ) from exc
    print(f"บันทึกแล้ว / Written: {target}")


def cmd_report(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        reports = runtime.ports.reports
        first, last = reports.default_period()
        if args.first:
            first = parse_day(args.first, "วันเริ่มต้น (--from)", "The start date (--from)")
        if args.last:
            last = parse_day(args.last, "วันสิ้นสุด (--to)", "The end date (--to)")
        if args.xlsx:
            _write(args.xlsx, reports.monthly_file(user, first, last, "xlsx"))
        if args.pdf:
            _write(args.pdf, reports.monthly_file(user, first, last, "pdf"))
        if not (args.xlsx or args.pdf):
            report = reports.monthly(user, first, last)
            print(f"# {report.agency_th} — {first.isoformat()} .. {last.isoformat()}")
            print("# " + " | ".join(f"{th} ({en})" for th, en in COLUMNS))
            for row in (*report.rows, report.total):
                print(f"{row.code or '*'} {row.name_th} | " + " | ".join(figure_cells(row)))
        return 0
    finally:
        runtime.close()
