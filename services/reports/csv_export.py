"""The audit events as CSV: UTF-8 with a byte-order mark, so a spreadsheet opens the Thai
right; the same columns as the spreadsheet export."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from services.kernel.clock import BANGKOK, utc
from services.reports.views import AuditRow
from services.reports.xlsx import AUDIT_HEADERS

__all__ = ["audit_csv"]


def audit_csv(rows: Sequence[AuditRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(AUDIT_HEADERS)
    for row in rows:
        writer.writerow(
            [
                row.seq,
                row.station_code,
                row.station_seq,
                utc(row.occurred_at).astimezone(BANGKOK).strftime("%Y-%m-%d %H:%M:%S"),
                row.actor,
                row.kind,
                row.subject,
                row.details,
                "yes" if row.verified else "no",
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
