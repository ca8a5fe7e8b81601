"""A ready demo agency: officers for every role and applications from fictional applicants.

Everything goes through the same services an officer's actions use, so the
demo's audit trail verifies like a real one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from pathlib import Path

from services import auth
from services.applications import (
    NewApplicant,
    change_status,
    create_application,
    find_or_create_applicant,
)
from services.clock import Clock
from services.context import SYSTEM, Actor, AppContext
from services.demo_content import DemoApplicant, demo_applicants, demo_requests, render_attachments
from services.documents import attach_document
from services.profile import AgencySetup, initialise_profile, load_context

__all__ = ["DEMO_AGENCY", "DEMO_USERS", "DemoSummary", "create_demo_profile"]

DEMO_AGENCY = AgencySetup(
    name_th="เทศบาลตำบลหนองบัวทอง",
    name_en="Nong Bua Thong Subdistrict Municipality",
    code="NBT",
    number="นภ 52001",
    station_code="ST1",
    station_name="กองสาธารณสุขและสิ่งแวดล้อม",
    address_th="99 หมู่ 4 ตำบลหนองบัวทอง อำเภอเมือง จังหวัดหนองบัวลำภู 39000",
    email="saraban@nongbuathong.example.go.th",
    phone="042-000-000",
    opens_at=time(8, 30),
    closes_at=time(16, 30),
)

# (user name, password, roles, display name, position) — printed by `anuyat demo`, in README.
DEMO_USERS: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("admin", "admin-2569", ("admin",), "นายสมศักดิ์ ดูแลระบบ", "นักวิชาการคอมพิวเตอร์"),
    ("intake", "intake-2569", ("intake",), "นางสาวมาลี รับเรื่อง", "เจ้าพนักงานธุรการ"),
    ("reviewer", "review-2569", ("reviewer",), "นายวิชัย ตรวจสอบ", "นักวิชาการสาธารณสุข"),
    ("finance", "finance-2569", ("finance",), "นางสุนีย์ การเงิน", "นักวิชาการเงินและบัญชี"),
    ("approver", "approve-2569", ("approver",), "นายประยูร อนุมัติ", "ปลัดเทศบาล"),
)

# How far along the oldest demo requests are, so every queue has something in it.
_PROGRESS: tuple[tuple[str, ...], ...] = (
    ("in_review", "ready_for_approval"),
    ("in_review", "payment_due"),
    ("in_review", "waiting_applicant"),
    ("in_review",),
)


@dataclass(frozen=True)
class DemoSummary:
    applications: int
    users: tuple[tuple[str, str, tuple[str, ...]], ...]


def _applicant(demo: DemoApplicant) -> NewApplicant:
    if demo.kind == "juristic":
        return NewApplicant(
            kind="juristic",
            name_th=demo.name_th,
            name_en=demo.name_en,
            national_id=demo.national_id,
            representative_th=demo.signer.name_th,
            email=demo.email,
            phone=demo.phone,
            address_th=demo.address.text_th,
        )
    person = demo.signer
    return NewApplicant(
        kind="person",
        title_th=person.title_th,
        name_th=f"{person.first_name_th} {person.last_name_th}",
        name_en=demo.name_en,
        national_id=demo.national_id,
        email=demo.email,
        phone=demo.phone,
        address_th=demo.address.text_th,
    )


def _actor(username: str) -> Actor:
    for name, _, roles, _, _ in DEMO_USERS:
        if name == username:
            return Actor(username=name, roles=frozenset(roles))
    raise KeyError(username)


def _fill(context: AppContext) -> int:
    now = context.clock.now()
    applicants = demo_applicants()
    requests = demo_requests(context.catalog.codes, now=now)
    intake = _actor("intake")
    created: list[str] = []
    for request in requests:
        demo_applicant = applicants[request.applicant_index]
        received_at = request.received_at(now)
        service = request.service_code
        if request.channel == "email" and context.catalog.classify(request.subject) is None:
            service = ""  # the intake officer classifies it, as with real mail
        with context.unit_of_work(intake) as uow:
            applicant = find_or_create_applicant(uow, _applicant(demo_applicant))
            application = create_application(
                uow,
                context.calendar,
                agency_code=context.agency_code,
                station_code=context.station_code,
                channel=request.channel,
                received_at=received_at,
                subject=request.subject,
                body_text=request.body,
                applicant=applicant,
                service_code=service or None,
                source_key=f"demo:{request.key}",
                reply_to=demo_applicant.email,
            )
            for attachment in render_attachments(request, demo_applicant, now=now):
                attach_document(
                    uow,
                    context.store.blobs,
                    application.id,
                    filename=attachment.filename,
                    content_type=attachment.content_type,
                    data=attachment.data,
                    origin=request.channel,
                )
            if service:
                created.append(application.id)
    reviewer = _actor("reviewer")
    for application_id, steps in zip(created, _PROGRESS, strict=False):
        for status in steps:
            with context.unit_of_work(reviewer) as uow:
                change_status(uow, context.calendar, application_id, status)
    return len(requests)


def create_demo_profile(data_dir: Path, clock: Clock) -> DemoSummary:
    admin_name, admin_password, _, admin_display, _ = DEMO_USERS[0]
    store = initialise_profile(
        data_dir,
        DEMO_AGENCY,
        admin_username=admin_name,
        admin_password=admin_password,
        admin_display_name=admin_display,
        clock=clock,
    )
    store.close()
    context = load_context(data_dir, clock)
    try:
        with context.unit_of_work(SYSTEM) as uow:
            for username, password, roles, display, position in DEMO_USERS[1:]:
                auth.create_user(
                    uow,
                    username=username,
                    display_name=display,
                    password=password,
                    roles=roles,
                    position_th=position,
                )
        count = _fill(context)
    finally:
        context.store.close()
    return DemoSummary(
        applications=count,
        users=tuple((name, password, roles) for name, password, roles, _, _ in DEMO_USERS),
    )
