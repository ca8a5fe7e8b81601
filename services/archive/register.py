"""The destruction list (ทะเบียนขอทำลาย) as the head of the agency reads it: a PDF with one
row per request (number, tracking number, received, service, closed, period kept) and a
blank column for the committee's view, signed below; and the same rows as CSV.

It names requests and their dates, never the applicant or the content.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Agency, DestructionItem, ServiceType
from services.archive.retention import find_list
from services.kernel.thai_dates import format_thai_date
from services.produce.pdf.flow import Flow

__all__ = ["ListFiles", "list_files"]


@dataclass(frozen=True)
class ListFiles:
    number: int
    requests: int
    pdf: bytes
    csv: bytes


def list_files(session: Session, number: int) -> ListFiles:
    listing = find_list(session, number)
    agency = session.scalars(select(Agency)).one()
    names = dict(session.execute(select(ServiceType.code, ServiceType.name_th)).all())
    items = session.scalars(
        select(DestructionItem)
        .where(DestructionItem.list_id == listing.id)
        .order_by(DestructionItem.closed_at, DestructionItem.tracking_number)
    ).all()
    rows = [
        (
            str(i),
            item.tracking_number,
            format_thai_date(item.received_at),
            names.get(item.service_code, item.service_code or "-"),
            format_thai_date(item.closed_at),
            f"{item.keep_years} ปี",
            {"destroyed": "ทำลายแล้ว", "kept": "คงไว้"}.get(item.state, ""),
        )
        for i, item in enumerate(items, start=1)
    ]

    flow = Flow(f"ทะเบียนขอทำลาย ลำดับที่ {number}")
    flow.text(agency.name_th, size=12, centred=True)
    flow.heading(f"ทะเบียนขอทำลาย ลำดับที่ {number}", size=15)
    flow.text(f"Destruction list no. {number} — {len(rows)} requests", size=10, grey=True)
    flow.text(f"จัดทำเมื่อ {format_thai_date(listing.created_at, with_time=True)}", size=10)
    flow.rule()
    for no, tracking, received, service, closed, kept, state in rows:
        flow.text(f"{no}. {tracking}  ลงวันที่ {received}  ปิดเรื่อง {closed}  เก็บ {kept} {state}")
        flow.text(f"เรื่อง {service}", size=10, indent=14, grey=True)
        flow.text(
            "การพิจารณาของคณะกรรมการ ........................................", size=10, indent=14
        )
    flow.rule()
    if listing.order_number:
        flow.text(
            f"คำสั่งที่ {listing.order_number} ลงนามโดย {listing.ordered_by} "
            f"ลงวันที่ {format_thai_date(listing.ordered_on or listing.created_at)}"
        )
    else:
        flow.gap(24)
        flow.text("ลงชื่อ ........................................ หัวหน้าส่วนราชการ", centred=True)
        flow.text("คำสั่งที่ ................ ลงวันที่ ................", centred=True)

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["ลำดับที่", "เลขที่คำขอ", "ลงวันที่", "เรื่อง", "ปิดเรื่อง", "อายุการเก็บ", "สถานะ"])
    writer.writerows(rows)
    return ListFiles(number, len(rows), flow.finish(), ("\ufeff" + out.getvalue()).encode())
