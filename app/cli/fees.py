"""``anuyat fees``: the agency's fee account (where applicants pay, printed on every payment
notice) and the fee ledger for the finance system.

``anuyat fees account`` signs in as an administrator (``--as``, default ``admin``);
``anuyat fees ledger`` as a finance officer (``--as finance``). The password comes from
``--password-file``, else ``ANUYAT_ADMIN_PASSWORD``, else stdin or a prompt. Each change and
each export is an event naming them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_profile, read_secret
from app.cli.report import _write
from app.settings import Settings
from services.api.fees import AccountDetails
from services.reports import parse_day

__all__ = ["cmd_fees"]


def cmd_fees(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        port = runtime.ports.fees
        assert port is not None
        if args.fees_command == "account":
            port.set_account(
                user,
                AccountDetails(args.bank_th, args.bank_en, args.account, args.account_name,
                               args.promptpay_kind, args.promptpay_id),
            )  # fmt: skip
            print("บันทึกบัญชีรับชำระแล้ว / Fee account saved")
            return 0
        first = parse_day(args.first, "วันเริ่มต้น (--from)", "The start date (--from)")
        last = parse_day(args.last, "วันสิ้นสุด (--to)", "The end date (--to)")
        for kind in ("csv", "xlsx"):
            target = getattr(args, kind)
            if target:
                _write(target, port.ledger_file(user, first, last, kind))
        if not (args.csv or args.xlsx):
            print("ระบุ --csv หรือ --xlsx / Give --csv or --xlsx")
            return 2
        return 0
    finally:
        runtime.close()
