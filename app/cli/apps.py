"""``anuyat apps list|show``: applications as the officer's queue shows them, or as JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.common import open_profile
from app.settings import Settings

__all__ = ["cmd_apps"]

# Both moments, named as the window names them (its list shows the arrival; the detail panel
# and the review screen show both): ui/common/formatting.py arrival_label / deemed_label.
LIST_HEADER = (
    "# เลขที่คำขอ | มาถึงเมื่อ · Arrived | "
    "ถือว่ารับเมื่อ (เริ่มนับเวลา) · Deemed received (SLA start) | สถานะ | ผู้ยื่น — "
    "เวลากรุงเทพฯ (Bangkok time)"
)


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


def cmd_apps(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from services.cases import queries
    from services.kernel.thai_dates import format_thai_date

    runtime = open_profile(data_dir, settings)
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
                print(LIST_HEADER)
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
