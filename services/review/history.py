"""An application's history, read from the audit log, as sentences in Thai and English.

Events of the application and of its documents, oldest first. Each known event type has a
summary; an unknown one (a newer module's) shows its type, so nothing is ever hidden.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Final

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from models import Application, Document, Event, User
from services.cases.views import HistoryEntry
from services.kernel.statuses import STATUSES
from services.kernel.thai_dates import format_english_date, format_thai_date
from services.review.checks import IDENTITY_NAMES, VERDICT_NAMES, service_spec

__all__ = ["history"]

_CHANNELS: Final[Mapping[str, tuple[str, str]]] = {
    "email": ("อีเมล", "e-mail"),
    "drive": ("ไดรฟ์กลาง", "the shared drive"),
    "counter": ("เคาน์เตอร์", "the counter"),
}
_MAIL_KINDS: Final[Mapping[str, tuple[str, str]]] = {
    "acknowledgement": ("ใบรับเรื่อง", "acknowledgement"),
    "request_documents": ("หนังสือขอเอกสารเพิ่มเติม", "request for documents"),
    "result": ("หนังสือแจ้งผลการพิจารณา", "result notice"),
    "status_enquiry": ("คำตอบสอบถามสถานะ", "status answer"),
    "cancel_request": ("คำตอบคำขอยกเลิก", "cancellation answer"),
    "acknowledgement_sla": ("ใบรับเรื่องแจ้งระยะเวลาดำเนินการ", "acknowledgement with the SLA"),
    "withdrawn": ("หนังสือยืนยันการถอนคำขอ", "withdrawal confirmation"),
}

_KINDS: Final[Mapping[str, tuple[str, str]]] = {
    "person": ("บุคคลธรรมดา", "person"),
    "juristic": ("นิติบุคคล", "juristic person"),
}


def _kind(p: dict[str, Any]) -> tuple[str, str]:
    return _KINDS.get(str(p.get("applicant_kind")), ("-", "-"))


Summary = Callable[[dict[str, Any], "_Names"], tuple[str, str]]


class _Names:
    """Display names of officers and of the service's documents, for the sentences."""

    def __init__(self, users: Mapping[str, str], items: Mapping[str, tuple[str, str]]) -> None:
        self.users = users
        self.items = items

    def user(self, username: object) -> str:
        name = str(username or "")
        return self.users.get(name, name) or "-"

    def item(self, code: object) -> tuple[str, str]:
        return self.items.get(str(code), (str(code), str(code)))


def _status(code: object) -> tuple[str, str]:
    status = STATUSES.get(str(code))
    return (status.label_th, status.label_en) if status else (str(code), str(code))


def _verdict(code: object) -> tuple[str, str]:
    return VERDICT_NAMES.get(str(code), (str(code), str(code)))


def _mail(kind: object) -> tuple[str, str]:
    return _MAIL_KINDS.get(str(kind), (str(kind), str(kind)))


def _with_reason(th: str, en: str, reason: object) -> tuple[str, str]:
    text = " ".join(str(reason or "").split())  # one line per entry
    if text:
        return f"{th} — {text}", f"{en} — {text}"
    return th, en


def _received(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    th, en = _CHANNELS.get(str(p.get("channel")), ("-", "-"))
    number = p.get("tracking_number", "")
    return f"รับคำขอเลขที่ {number} ทาง{th}", f"Request {number} received by {en}"


def _status_changed(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    a, b = _status(p.get("from")), _status(p.get("to"))
    return _with_reason(
        f"เปลี่ยนสถานะจาก “{a[0]}” เป็น “{b[0]}”",
        f"Status changed from “{a[1]}” to “{b[1]}”",
        p.get("reason"),
    )


def _checklist(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    item, verdict = n.item(p.get("item")), _verdict(p.get("verdict"))
    return _with_reason(
        f"ตรวจเอกสาร “{item[0]}”: {verdict[0]}",
        f"Document “{item[1]}” checked: {verdict[1]}",
        p.get("reason"),
    )


def _identity(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    kind = str(p.get("kind"))
    th, en = IDENTITY_NAMES.get(kind, (kind, kind))
    verdict = _verdict(p.get("verdict"))
    data = p.get("data") or {}
    return _with_reason(
        f"ตรวจ{th}: {verdict[0]}", f"{en}: {verdict[1]}", data.get("reason") or data.get("note")
    )


def _day(value: object) -> tuple[str, str]:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value), str(value)
    return format_thai_date(day), format_english_date(day)


def _requested(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    items = [n.item(c) for c in p.get("items") or []]
    deadline = _day(p.get("deadline", ""))
    return (
        f"ขอเอกสารเพิ่มเติม {len(items)} รายการ ({', '.join(i[0] for i in items) or '-'}) "
        f"ภายใน {deadline[0]}",
        f"Asked for {len(items)} more document(s) ({', '.join(i[1] for i in items) or '-'}) "
        f"by {deadline[1]}",
    )


def _completed(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    to = _status(p.get("to"))
    return _with_reason(
        f"ตรวจสอบครบถ้วน ส่งต่อ: {to[0]}", f"Review complete, passed on: {to[1]}", p.get("note")
    )


def _assigned(p: dict[str, Any], n: _Names) -> tuple[str, str]:
    if p.get("to"):
        th, en = f"มอบหมายให้ {n.user(p.get('to'))}", f"Assigned to {n.user(p.get('to'))}"
    else:
        th, en = f"ส่งให้ฝ่าย{p.get('section')}", f"Routed to section {p.get('section')}"
    if p.get("note_id"):
        th, en = th + " พร้อมความเห็น", en + " with a note"
    if p.get("out_of_order_reason"):
        th += f" ก่อนคำขอที่ยื่นก่อนหน้า {p.get('skipped')} รายการ เหตุผล: {p['out_of_order_reason']}"
        en += f" ahead of {p.get('skipped')} earlier request(s); reason: {p['out_of_order_reason']}"
    return th, en


_SUMMARIES: Final[Mapping[str, Summary]] = {
    "application.received": _received,
    "application.status_changed": _status_changed,
    "application.not_acknowledged": lambda p, n: _with_reason(
        "ไม่ได้ส่งใบรับเรื่อง", "No acknowledgement sent", p.get("reason")
    ),
    "application.applicant_replied": lambda p, n: (
        f"ผู้ยื่นตอบกลับ แนบเอกสาร {p.get('documents', 0)} ไฟล์",
        f"The applicant replied with {p.get('documents', 0)} file(s)",
    ),
    "application.cancel_requested": lambda p, n: (
        "ผู้ยื่นขอยกเลิกคำขอ",
        "The applicant asked to cancel",
    ),
    "application.classified": lambda p, n: (
        f"ระบุประเภทบริการ: {p.get('service')} ({_kind(p)[0]})",
        f"Classified: {p.get('service')} ({_kind(p)[1]})",
    ),
    "application.withdrawn": lambda p, n: _with_reason(
        "ถอนคำขอ" + (" ตามอีเมลของผู้ยื่น" if p.get("by") == "applicant e-mail" else ""),
        "Withdrawn" + (" by the applicant's e-mail" if p.get("by") == "applicant e-mail" else ""),
        p.get("reason"),
    ),
    "review.returned": lambda p, n: _with_reason(
        f"ส่งกลับให้ผู้ตรวจสอบ (จาก “{_status(p.get('from'))[0]}”)",
        f"Sent back to the reviewer (from “{_status(p.get('from'))[1]}”)",
        p.get("note"),
    ),
    "application.status_enquiry_answered": lambda p, n: (
        "ตอบคำถามสถานะคำขอ",
        "Status enquiry answered",
    ),
    "application.claimed": lambda p, n: (
        f"{n.user(p.get('assignee'))} รับคำขอไปดำเนินการ",
        f"Taken by {n.user(p.get('assignee'))}",
    ),
    "application.released": lambda p, n: (
        f"ปล่อยคำขอคืนคิว (เดิม: {n.user(p.get('holder'))})",
        f"Released back to the queue (was: {n.user(p.get('holder'))})",
    ),
    "application.reassigned": lambda p, n: (
        f"มอบหมายจาก {n.user(p.get('from'))} ให้ {n.user(p.get('to'))}",
        f"Reassigned from {n.user(p.get('from'))} to {n.user(p.get('to'))}",
    ),
    "application.assigned": lambda p, n: _assigned(p, n),
    # The note's text is not in the event (see services.worklist.notes); the screen lists
    # the notes themselves beside the history.
    "application.note_added": lambda p, n: (
        "บันทึกความเห็นเจ้าหน้าที่",
        "Internal note added",
    ),
    "application.opened_out_of_order": lambda p, n: (
        f"เปิดก่อนคำขอที่ยื่นก่อนหน้า {p.get('skipped')} รายการ เหตุผล: {p.get('reason')}",
        f"Opened ahead of {p.get('skipped')} earlier request(s); reason: {p.get('reason')}",
    ),
    "document.attached": lambda p, n: (
        f"แนบเอกสาร {p.get('filename')}",
        f"Document attached: {p.get('filename')}",
    ),
    "document.certified": lambda p, n: (
        f"ทำสำเนาถูกต้อง (ผู้รับรอง {p.get('officer', '-')})",
        f"Certified copy made (certified by {p.get('officer', '-')})",
    ),
    "document.certified_copy_withdrawn": lambda p, n: _with_reason(
        f"ถอนสำเนาถูกต้อง {p.get('filename', '')} (เก็บไว้ ไม่ใช้แล้ว)",
        f"Certified copy withdrawn: {p.get('filename', '')} (kept, no longer used)",
        p.get("reason"),
    ),
    "review.checklist_recorded": _checklist,
    "review.identity_recorded": _identity,
    "review.documents_requested": _requested,
    "review.completed": _completed,
    "review.rejected": lambda p, n: _with_reason(
        "ไม่อนุญาต/ไม่รับคำขอ", "Request refused", p.get("reasons")
    ),
    "outbox.queued": lambda p, n: (
        f"เตรียมส่งอีเมล{_mail(p.get('kind'))[0]}: {p.get('subject', '')}",
        f"E-mail queued ({_mail(p.get('kind'))[1]}): {p.get('subject', '')}",
    ),
    "outbox.sent": lambda p, n: (
        f"ส่งอีเมล{_mail(p.get('kind'))[0]}แล้ว",
        f"E-mail sent ({_mail(p.get('kind'))[1]})",
    ),
    "outbox.deferred": lambda p, n: (
        "ส่งอีเมลยังไม่สำเร็จ ระบบจะลองใหม่",
        "E-mail not sent yet; will retry",
    ),
    "outbox.failed": lambda p, n: (
        f"ส่งอีเมลไม่สำเร็จ: {p.get('reason_th', '')}",
        f"E-mail could not be sent: {p.get('reason_en', '')}",
    ),
    "outbox.requeued": lambda p, n: ("ส่งอีเมลใหม่อีกครั้ง", "E-mail queued again"),
    "quarantine.held": lambda p, n: (
        f"กักไฟล์ไว้ตรวจสอบ ({p.get('reason')})",
        f"File held in quarantine ({p.get('reason')})",
    ),
    "quarantine.released": lambda p, n: _with_reason(
        "ปล่อยไฟล์ที่กักไว้เป็นเอกสารของคำขอ", "Held file released to the application", p.get("reason")
    ),
    "quarantine.discarded": lambda p, n: _with_reason(
        "ทิ้งไฟล์ที่กักไว้", "Held file discarded", p.get("reason")
    ),
}


def _actor(label: str, users: Mapping[str, str]) -> str:
    if label.startswith("system:"):
        return f"ระบบ ({label.partition(':')[2]})"
    return users.get(label, label)


def history(session: Session, application: Application) -> list[HistoryEntry]:
    """The application's events and its documents' events, oldest first."""
    document_ids = list(
        session.scalars(select(Document.id).where(Document.application_id == application.id))
    )
    events = session.scalars(
        select(Event)
        .where(
            or_(
                Event.aggregate_id == application.id,
                Event.aggregate_id.in_(document_ids) if document_ids else false(),
            )
        )
        .order_by(Event.occurred_at, Event.seq)
    ).all()
    users = dict(session.execute(select(User.username, User.display_name)).all())
    spec = service_spec(session, application)
    items = {d.code: (d.name_th, d.name_en) for d in spec.required_documents} if spec else {}
    names = _Names(users, items)
    entries: list[HistoryEntry] = []
    for event in events:
        try:
            payload = json.loads(event.payload)
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        summary = _SUMMARIES.get(event.type)
        th, en = summary(payload, names) if summary else (event.type, event.type)
        entries.append(
            HistoryEntry(
                at=event.occurred_at,
                actor=_actor(event.actor, users),
                type=event.type,
                summary_th=th,
                summary_en=en,
            )
        )
    return entries
