"""``anuyat retention list --to DIR | order LIST … | destroy LIST``: the destruction of closed
requests past their retention period, only ever after the head of the agency's order.

``list`` draws up a new destruction list (ทะเบียนขอทำลาย, PDF and CSV) of the requests past
``retention_years`` / ``retention_by_service`` (by default none: everything is kept);
``order`` records the head's order for a list (number, signer, date); ``destroy`` carries
an ordered list out. Signs in like ``users`` (``--as``, default ``admin``).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.common import open_profile, read_secret
from app.settings import Settings, with_profile
from services.archive.policy import RetentionPolicy
from services.kernel.errors import InvalidInput

__all__ = ["cmd_retention"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"วันที่ '{text}' ไม่ถูกต้อง ให้เขียนแบบ ปี ค.ศ.-เดือน-วัน เช่น 2027-01-15",
            f"'{text}' is not a date: write it as YYYY-MM-DD (Common Era), e.g. 2027-01-15.",
        ) from None


def cmd_retention(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    settings = with_profile(settings, data_dir)  # the periods are the profile's settings
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        port = runtime.ports.archive
        assert port is not None
        if args.retention_command == "list":
            policy = RetentionPolicy.from_settings(
                settings.get("retention_years") or 0, settings.get("retention_by_service") or []
            )
            written = port.draw_up_list(user, policy, Path(args.to))
            print(
                f"จัดทำทะเบียนขอทำลายลำดับที่ {written.number} แล้ว ({written.requests} คำขอ): "
                f"{written.pdf}\nDestruction list {written.number} drawn up "
                f"({written.requests} requests): {written.pdf}, {written.csv}. Nothing is "
                f"destroyed until the head of the agency's order is recorded "
                f"(anuyat retention order {written.number} …)."
            )
        elif args.retention_command == "order":
            port.record_order(user, args.list, args.order_number, args.ordered_by, _day(args.date))
            print(
                f"บันทึกคำสั่งที่ {args.order_number} สำหรับทะเบียนลำดับที่ {args.list} แล้ว\n"
                f"Order {args.order_number} recorded for destruction list {args.list}."
            )
        else:
            done = port.destroy(user, args.list)
            print(
                f"ทำลายแล้ว {len(done.destroyed)} คำขอ คงไว้ {len(done.kept)} คำขอ "
                f"(ทะเบียนลำดับที่ {done.list_number})\nDestroyed {len(done.destroyed)} "
                f"request(s), kept {len(done.kept)} (reopened or already gone) from list "
                f"{done.list_number}; each leaves its tombstone and an audit event."
            )
        return 0
    finally:
        runtime.close()
