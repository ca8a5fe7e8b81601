"""A ready demo agency: officers for every role and applications from fictional applicants.

Everything goes through the same services an officer's actions use, so the
demo's audit trail verifies like a real one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from functools import partial
from pathlib import Path

import tomli_w
from sqlalchemy import select

from demo.content import demo_applicants, demo_requests, render_attachments
from demo.model import DemoApplicant, DemoAttachment, DemoRequest
from demo.progress import DemoStep, steps_for
from models import Application, User
from services.access import officers
from services.access.officers import NewOfficer, OfficerDetails
from services.access.passwords import PasswordPolicy
from services.cases.applications import NewApplicant
from services.fees.account import AccountDetails, set_account
from services.intake.drive import DriveScanner
from services.intake.mail.maildir import MaildirMailbox
from services.intake.pipeline import Arrival, ingest
from services.intake.sync import SyncPlan, run_sync
from services.intake.types import ParsedAttachment
from services.kernel.actors import Actor
from services.kernel.clock import Clock, FixedClock
from services.outbox import MaildirTransport
from services.store.context import AppContext
from services.store.profile import AgencySetup, initialise_profile, load_context

__all__ = ["DEMO_AGENCY", "DEMO_NAMES_EN", "DEMO_USERS", "DemoSummary", "create_demo_profile"]

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

# Where the demo's applicants pay: a fictional account and a fictional biller ID (a tax ID
# of the 0994000 government series and suffix 00), so notices carry a bill-payment QR.
DEMO_FEE_ACCOUNT = AccountDetails(
    bank_name_th="ธนาคารกรุงไทย สาขาหนองบัวลำภู",
    bank_name_en="Krung Thai Bank, Nong Bua Lam Phu branch",
    account_number="000-0-00000-0",
    account_name_th="เทศบาลตำบลหนองบัวทอง (เงินรายได้)",
    promptpay_kind="bill_payment",
    promptpay_id="099400000000000",
)

# (user name, password, roles, display name, position) — printed by `anuyat demo`, in README.
DEMO_USERS: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("admin", "admin-2569", ("admin",), "นายสมศักดิ์ ดูแลระบบ", "นักวิชาการคอมพิวเตอร์"),
    ("intake", "intake-2569", ("intake",), "นางสาวมาลี รับเรื่อง", "เจ้าพนักงานธุรการ"),
    ("reviewer", "review-2569", ("reviewer",), "นายวิชัย ตรวจสอบ", "นักวิชาการสาธารณสุข"),
    ("finance", "finance-2569", ("finance",), "นางสุนีย์ การเงิน", "นักวิชาการเงินและบัญชี"),
    ("approver", "approve-2569", ("approver",), "นายประยูร อนุมัติ", "ปลัดเทศบาล"),
    (
        "supervisor",
        "supervise-2569",
        ("supervisor",),
        "นางสาวอรุณี จัดงาน",
        "หัวหน้าฝ่ายบริการประชาชน",
    ),
)
DEMO_NAMES_EN = {
    "admin": "Mr Somsak Doolaerabob",
    "intake": "Ms Malee Rabrueang",
    "reviewer": "Mr Wichai Truatsop",
    "finance": "Mrs Sunee Kanngoen",
    "approver": "Mr Prayoon Anumat",
    "supervisor": "Ms Arunee Jatngan",
}

# The demo's published passwords contain their user names ("intake-2569"), which a real
# agency's policy refuses; fictional accounts only.
DEMO_PASSWORD_POLICY = PasswordPolicy(forbid_username=False)

# The station syncs mail and the shared drive this long after something arrives.
_SYNC_DELAY = timedelta(minutes=5)
# The agency and its officers were set up this long before the first request arrived.
_SET_UP_BEFORE = timedelta(days=3)


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


def _mail(request: DemoRequest, applicant: DemoApplicant, attachments: list[DemoAttachment],
          received_at: datetime) -> bytes:  # fmt: skip
    message = EmailMessage()
    message["From"] = formataddr((applicant.signer.name_th, applicant.email))
    message["To"] = DEMO_AGENCY.email
    message["Subject"] = request.subject
    message["Date"] = format_datetime(received_at)
    message["Message-ID"] = f"<demo-{request.key}@example.com>"
    message.set_content(request.body)
    for attachment in attachments:
        main, _, sub = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.data, maintype=main, subtype=sub, filename=attachment.filename
        )
    return message.as_bytes()


def _deliver_to_maildir(root: Path, key: str, data: bytes, received_at: datetime) -> None:
    """Drop a message into the demo mailbox as a mail server would (mtime = arrival)."""
    for sub in ("new", "cur", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    path = root / "new" / f"{int(received_at.timestamp())}.demo-{key}.anuyat"
    path.write_bytes(data)
    stamp = received_at.timestamp()
    os.utime(path, (stamp, stamp))


def _drop_on_drive(root: Path, request: DemoRequest, applicant: DemoApplicant,
                   attachments: list[DemoAttachment], received_at: datetime) -> None:  # fmt: skip
    folder = root / f"{request.key} {applicant.signer.first_name_th}"
    folder.mkdir(parents=True, exist_ok=True)
    sidecar = {
        "service": request.service_code,
        "applicant_name": applicant.name_th,
        "applicant_kind": applicant.kind,
        "national_id": applicant.national_id,
        "email": applicant.email,
        "phone": applicant.phone,
        "subject": request.subject,
        "note": request.body,
        "channel_note": "สแกนจากเคาน์เตอร์ / scanned at the counter",
    }
    files = [(a.filename, a.data) for a in attachments]
    files.append(("request.toml", tomli_w.dumps(sidecar).encode("utf-8")))
    stamp = received_at.timestamp()
    for name, data in files:
        path = folder / name
        path.write_bytes(data)
        os.utime(path, (stamp, stamp))


def _counter(context: AppContext, request: DemoRequest, applicant: DemoApplicant,
             attachments: list[DemoAttachment], received_at: datetime) -> None:  # fmt: skip
    ingest(
        context,
        Arrival(
            channel="counter",
            source_key=f"demo:{request.key}",
            received_at=received_at,
            subject=request.subject,
            body_text=request.body,
            sender_name=applicant.name_th,
            sender_address=applicant.email,
            reply_to=applicant.email,
            attachments=tuple(
                ParsedAttachment(a.filename, a.content_type, a.data) for a in attachments
            ),
            service_code=request.service_code,
            applicant=_applicant(applicant),
        ),
        actor=_actor("intake"),
    )


def _application_ids(context: AppContext) -> set[str]:
    with context.read() as session:
        return set(session.scalars(select(Application.id)))


@dataclass
class _Timeline:
    """What happens, in the order it happens: arrivals, syncs and officers' actions, each run
    with the demo's clock set to its moment, so every event carries the time it happened."""

    clock: FixedClock
    agenda: list[tuple[datetime, int, Callable[[], None]]] = field(default_factory=list)

    def at(self, moment: datetime, action: Callable[[], None]) -> None:
        self.agenda.append((moment, len(self.agenda), action))

    def run(self, until: datetime) -> None:
        for moment, _, action in sorted(self.agenda, key=lambda entry: entry[:2]):
            if moment > until:
                raise ValueError(f"demo data: an action at {moment} is after now ({until})")
            self.clock.set(moment)
            action()
        self.clock.set(until)


def _fill(context: AppContext, timeline: _Timeline, now: datetime) -> int:
    """Requests arrive the way real ones do (mail, shared drive, counter), each at its own
    time; the station syncs a few minutes after each; officers then take some along."""
    data_dir = context.store.data_dir
    mailbox, drive, sent = data_dir / "mailbox", data_dir / "shared-drive", data_dir / "sent"
    drive.mkdir(parents=True, exist_ok=True)
    applicants = demo_applicants()
    requests = demo_requests(context.catalog.codes, now=now)
    plan = SyncPlan(
        open_mailbox=lambda: MaildirMailbox(mailbox, create=True),
        folders=("INBOX",),
        scanner=DriveScanner(drive, stable_for=timedelta(seconds=30), clock=context.clock),
        open_transport=lambda: MaildirTransport(sent),
    )
    created: dict[str, str] = {}

    def arrive(request: DemoRequest, arrival: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            before = _application_ids(context)
            arrival()
            new = _application_ids(context) - before
            if new:
                created[request.key] = new.pop()

        return run

    def progress(request: DemoRequest, step: DemoStep) -> Callable[[], None]:
        return lambda: step.run(context, created[request.key])

    for request in requests:
        applicant = applicants[request.applicant_index]
        received_at = request.received_at(now)
        attachments = render_attachments(request, applicant, now=now)
        if request.channel == "email":
            raw = _mail(request, applicant, attachments, received_at)
            deliver = partial(_deliver_to_maildir, mailbox, request.key, raw, received_at)
        elif request.channel == "drive":
            deliver = partial(_drop_on_drive, drive, request, applicant, attachments, received_at)
        if request.channel == "counter":
            at_counter = partial(_counter, context, request, applicant, attachments, received_at)
            timeline.at(received_at, arrive(request, at_counter))
        else:
            # It lands in the mailbox or on the drive on time; the station picks it up at its
            # next sync, a few minutes later.
            timeline.at(received_at, deliver)
            timeline.at(
                received_at + _SYNC_DELAY, arrive(request, partial(run_sync, context, plan))
            )
        for step in steps_for(request, received_at, [a.filename for a in attachments]):
            timeline.at(step.at, progress(request, step))
    timeline.run(now)
    (data_dir / "settings.toml").write_text(
        "# The demo agency's own settings (they overlay the user's settings.toml).\n"
        + tomli_w.dumps({"drive_root": str(drive)}),
        encoding="utf-8",
    )
    return len(requests)


def create_demo_profile(data_dir: Path, clock: Clock) -> DemoSummary:
    """The demo agency; its first administrator comes from ``anuyat init``'s path, the other
    officers from the officers' service, as an administrator adds them.

    Everything happens on the demo's own time line, which ends at ``clock``'s now: the agency is
    set up a few days before the first request arrives, and each event is dated when it
    happened, not when the demo was built."""
    now = clock.now()
    first = min(r.received_at(now) for r in demo_requests(["DEMO"], now=now))
    timeline = _Timeline(FixedClock(first - _SET_UP_BEFORE))
    admin_name, admin_password, _, admin_display, admin_position = DEMO_USERS[0]
    store = initialise_profile(
        data_dir,
        DEMO_AGENCY,
        admin_username=admin_name,
        admin_password=admin_password,
        admin_display_name=admin_display,
        clock=timeline.clock,
        demo=True,
    )
    store.close()
    context = load_context(data_dir, timeline.clock)
    try:
        with context.read() as session:
            admin_id = session.scalars(select(User.id).where(User.username == admin_name)).one()
        admin_actor = Actor(username=admin_name, roles=frozenset({"admin"}), user_id=admin_id)
        with context.unit_of_work(admin_actor) as uow:
            officers.update_details(
                uow,
                admin_name,
                OfficerDetails(
                    admin_display,
                    DEMO_NAMES_EN[admin_name],
                    admin_position,
                    f"{admin_name}@nongbuathong.example.go.th",
                ),
            )
            for username, password, roles, display, position in DEMO_USERS[1:]:
                officers.create_officer(
                    uow,
                    NewOfficer(
                        username=username,
                        name_th=display,
                        name_en=DEMO_NAMES_EN[username],
                        position_th=position,
                        email=f"{username}@nongbuathong.example.go.th",
                        roles=roles,
                    ),
                    DEMO_PASSWORD_POLICY,
                    password=password,
                )
            set_account(uow, DEMO_FEE_ACCOUNT)
        count = _fill(context, timeline, now)
    finally:
        context.store.close()
    return DemoSummary(
        applications=count,
        users=tuple((name, password, roles) for name, password, roles, *_ in DEMO_USERS),
    )
