"""``sync --once`` and the background loop: mailbox → store, shared drive → store, outbox → SMTP.

Each part runs on its own and reports its state in ``sync_state`` (shown by the
UI, whichever process ran it). One part failing — the link is down, the share
is not mounted — never stops the others, and never loses anything: what was
not done is done on the next run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from models import InboundMessage, SyncState
from services import outbox
from services.cases import search
from services.cases.applications import NewApplicant
from services.intake.acknowledgement import DEFAULT_TEMPLATE
from services.intake.drive import DriveFileChanged, DriveItem, DriveScanner, read_file
from services.intake.folder_sync import FolderRun, sync_folder
from services.intake.group import Checkpoint, GroupLimits
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.inspect.reasons import applicant_texts
from services.intake.mail.sources import MailboxUnavailable, MailSource
from services.intake.pipeline import (
    Arrival,
    IntakeOutcome,
    ingest,
)
from services.intake.types import InspectedFile, Limits, ParsedAttachment
from services.intake.views import SyncSummary
from services.kernel.errors import AnuyatError, DiskFull, InvalidInput, is_disk_full
from services.kernel.sizes import format_size
from services.kernel.text import clean_filename, clean_name, clean_subject
from services.store.context import AppContext
from services.store.profile_lock import SyncRunning, sync_lock

__all__ = [
    "PartReport",
    "SyncPlan",
    "SyncRunning",
    "SyncReport",
    "run_sync",
    "summarise",
    "sync_drive",
    "sync_mailbox",
    "sync_outbox",
]

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (component, done, total-or-0)
DEFAULT_GROUP = GroupLimits()


@dataclass
class PartReport:
    component: str
    state: str = "ok"  # ok | offline | error
    processed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    error_th: str = ""
    error_en: str = ""


@dataclass
class SyncReport:
    parts: list[PartReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.state == "ok" for p in self.parts)


def _save_state(context: AppContext, report: PartReport, pending: int = 0) -> None:
    now = context.clock.now()
    with context.writing() as session:
        row = session.get(SyncState, report.component)
        if row is None:
            row = SyncState(component=report.component, state=report.state)
            session.add(row)
        row.state = report.state
        row.last_attempt_at = now
        if report.state == "ok":
            row.last_success_at = now
            row.last_error_th = row.last_error_en = ""
        else:
            row.last_error_th, row.last_error_en = report.error_th, report.error_en
        row.processed = report.processed
        row.pending = pending


def _fail(report: PartReport, exc: BaseException) -> None:
    if isinstance(exc, MailboxUnavailable):
        report.state = "offline"
    else:
        report.state = "error"
    if not isinstance(exc, AnuyatError) and is_disk_full(exc):
        exc = DiskFull(detail=f"{type(exc).__name__}: {exc}")
    if isinstance(exc, AnuyatError):
        report.error_th, report.error_en = exc.th, exc.en
        log.warning("%s: %s (%s)", report.component, exc.code, exc.detail or "")
    else:
        report.error_th = "เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดอยู่ในไฟล์บันทึก"
        report.error_en = "Unexpected error; details are in the log."
        log.exception("%s failed", report.component)


def _count(report: PartReport, outcome: IntakeOutcome | str) -> None:
    kind = outcome if isinstance(outcome, str) else outcome.kind
    report.outcomes[kind] = report.outcomes.get(kind, 0) + 1
    report.processed += 1


def sync_mailbox(
    context: AppContext,
    mailbox: MailSource,
    folders: tuple[str, ...],
    *,
    limits: Limits,
    ack_template: Path = DEFAULT_TEMPLATE,
    progress: Progress | None = None,
    authserv_id: str = "",
    pdf_probe: PdfOpenProbe | None = None,
    group_limits: GroupLimits = DEFAULT_GROUP,
    checkpoint: Checkpoint | None = None,
    read_ahead: bool | None = None,
    reader_process: bool | None = None,
) -> PartReport:
    """Take new mail from ``folders``; ``authserv_id`` names the agency's receiving server,
    the only one whose Authentication-Results are believed ("" believes none); ``pdf_probe``
    judges PDFs with the viewer's engine. Mail is recorded in groups of ``group_limits``
    (:mod:`services.intake.group`), each step of which is told to ``checkpoint``; the next
    batch is read while one is recorded if ``read_ahead`` (None: when there are two cores,
    :mod:`services.intake.read_ahead`), in a process of its own if ``reader_process`` (None:
    where it pays, :mod:`services.intake.read_process`)."""
    report = PartReport(component=f"mail:{mailbox.name}")

    def told(done: int, total: int) -> None:
        if progress:
            progress(report.component, done, total)

    run = FolderRun(
        context,
        mailbox,
        lambda outcome: _count(report, outcome),
        told,
        limits,
        ack_template,
        authserv_id,
        pdf_probe,
        group_limits,
        checkpoint,
        read_ahead,
        reader_process,
    )
    try:
        with mailbox:
            for folder in folders:
                sync_folder(run, folder)
    except (AnuyatError, OSError) as exc:
        _fail(report, exc)
    except Exception as exc:  # noqa: BLE001 — a sync part must never take the app down
        _fail(report, exc)
    _save_state(context, report)
    return report


def _drive_arrival(item: DriveItem, limits: Limits) -> Arrival:
    files: list[ParsedAttachment] = []
    refused: list[InspectedFile] = []
    for f in item.files:
        name = clean_filename(f.relative_path.rpartition("/")[2]) or "file"
        try:
            data = read_file(item, f, max_bytes=limits.max_file_bytes)
        except InvalidInput as exc:  # too large to even read: listed for the officer, not kept
            to_th, to_en = applicant_texts(
                exc.code, {"size": format_size(f.size), "limit": format_size(limits.max_file_bytes)}
            )
            refused.append(
                InspectedFile(
                    filename=name,
                    content_type="application/octet-stream",
                    data=b"",
                    verdict="rejected",
                    reason_code=exc.code,
                    reason_th=exc.th,
                    reason_en=exc.en,
                    applicant_th=to_th,
                    applicant_en=to_en,
                    origin_path=f.relative_path,
                )
            )
            continue
        files.append(ParsedAttachment(filename=name, declared_type="", data=data))
    side = item.sidecar
    applicant = None
    if side.get("applicant_name"):
        applicant = NewApplicant(
            kind=side.get("applicant_kind", "person"),
            name_th=clean_name(side["applicant_name"]),
            national_id=side.get("national_id") or None,
            email=side.get("email", ""),
            phone=side.get("phone", ""),
        )
    notes = tuple(n for n in (item.sidecar_problem_th, item.sidecar_problem_en) if n)
    email = side.get("email", "").lower()
    return Arrival(
        channel="drive",
        source_key=item.key,
        received_at=item.received_at,
        subject=clean_subject(side.get("subject") or item.name),
        body_text=side.get("note", ""),
        sender_name=clean_name(side.get("applicant_name", "")),
        sender_address=email,
        reply_to=email,
        attachments=tuple(files),
        refused=tuple(refused),
        service_code=side.get("service") or None,
        applicant=applicant,
        notes=notes,
        premises_address=" ".join(side.get("premises_address", "").split()),
    )


def _recorded(context: AppContext, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    with context.read() as session:
        return set(
            session.scalars(
                select(InboundMessage.source_key).where(InboundMessage.source_key.in_(keys))
            )
        )


def sync_drive(
    context: AppContext,
    scanner: DriveScanner,
    *,
    limits: Limits,
    ack_template: Path = DEFAULT_TEMPLATE,
    pdf_probe: PdfOpenProbe | None = None,
) -> PartReport:
    """Take every stable item once; one bad item never blocks the others."""
    report = PartReport(component="drive")
    pending = 0
    try:
        items = scanner.scan()
        done = _recorded(context, [i.key for i in items])
        for item in items:
            if item.key in done:
                scanner.mark_processed(item)  # recorded earlier; only the move was left
                continue
            try:
                arrival = _drive_arrival(item, limits)
            except DriveFileChanged:
                continue  # still changing: the next scan offers it again
            try:
                outcome = ingest(
                    context, arrival, limits=limits, ack_template=ack_template, pdf_probe=pdf_probe
                )
            except AnuyatError as exc:
                # e.g. a sidecar naming an unknown service: keep the files, unclassified.
                log.info("drive item taken without its sidecar data: %s", exc.code)
                plain = replace(
                    arrival,
                    service_code=None,
                    applicant=None,
                    notes=(*arrival.notes, exc.th, exc.en),
                )
                outcome = ingest(
                    context, plain, limits=limits, ack_template=ack_template, pdf_probe=pdf_probe
                )
            _count(report, outcome)
            scanner.mark_processed(item)
        pending = len(scanner.pending())
    except Exception as exc:  # noqa: BLE001 — a sync part must never take the app down
        _fail(report, exc)
    _save_state(context, report, pending)
    return report


def sync_outbox(context: AppContext, transport: outbox.Transport) -> PartReport:
    report = PartReport(component="outbox")
    try:
        sent = outbox.send_due(context, transport)
        report.processed = sent.sent
        report.outcomes = {"sent": sent.sent, "failed": sent.failed, "deferred": sent.deferred}
        if sent.deferred and sent.last_error:
            report.state = "offline"
            report.error_th = "ส่งอีเมลไม่ได้ในขณะนี้ จะลองใหม่อัตโนมัติ"
            report.error_en = f"Mail could not be sent now; it will be retried. ({sent.last_error})"
    except Exception as exc:  # noqa: BLE001
        _fail(report, exc)
    with context.read() as session:
        waiting = outbox.outbox_summary(session).get("queued", 0)
    _save_state(context, report, waiting)
    return report


DRIVE_DEFAULT_STABLE = timedelta(seconds=30)


@dataclass
class SyncPlan:
    """What one sync run talks to; built by app/ from the settings and the keyring."""

    open_mailbox: Callable[[], MailSource] | None
    folders: tuple[str, ...]
    scanner: DriveScanner | None
    open_transport: Callable[[], outbox.Transport] | None
    limits: Limits = field(default_factory=Limits)
    ack_template: Path = DEFAULT_TEMPLATE
    authserv_id: str = ""  # the agency's receiving server in Authentication-Results
    lock_wait_seconds: float = 60.0  # how long a run waits for another run to finish
    pdf_probe: PdfOpenProbe | None = None  # the viewer's engine; None: pypdf judges alone
    group_limits: GroupLimits = field(default_factory=GroupLimits)  # mail per transaction
    checkpoint: Checkpoint | None = None  # told each step of a group commit (tracing, tests)
    read_ahead: bool | None = None  # read the next batch while one records (None: if 2+ cores)
    reader_process: bool | None = None  # ... in a process of its own (None: where it pays)


def run_sync(
    context: AppContext,
    plan: SyncPlan,
    progress: Progress | None = None,
    *,
    wait: float | None = None,
) -> SyncReport:
    """Mailbox, shared drive, then the outbox (so acknowledgements go out in the same run).

    One run per profile at a time (``services.store.profile_lock``): this one waits up to
    ``wait`` seconds (default ``plan.lock_wait_seconds``) for another to finish, then raises
    :class:`SyncRunning`.
    """
    limit = plan.lock_wait_seconds if wait is None else wait
    with sync_lock(context.store.data_dir, limit, context.store.engine):
        return _run_sync(context, plan, progress)


def _run_sync(context: AppContext, plan: SyncPlan, progress: Progress | None) -> SyncReport:
    report = SyncReport()
    if plan.open_mailbox is not None:
        try:
            mailbox = plan.open_mailbox()
        except AnuyatError as exc:
            part = PartReport(component="mail")
            _fail(part, exc)
            _save_state(context, part)
            report.parts.append(part)
        else:
            report.parts.append(
                sync_mailbox(
                    context,
                    mailbox,
                    plan.folders,
                    limits=plan.limits,
                    ack_template=plan.ack_template,
                    progress=progress,
                    authserv_id=plan.authserv_id,
                    pdf_probe=plan.pdf_probe,
                    group_limits=plan.group_limits,
                    checkpoint=plan.checkpoint,
                    read_ahead=plan.read_ahead,
                    reader_process=plan.reader_process,
                )
            )
    if plan.scanner is not None:
        report.parts.append(
            sync_drive(
                context,
                plan.scanner,
                limits=plan.limits,
                ack_template=plan.ack_template,
                pdf_probe=plan.pdf_probe,
            )
        )
    _catch_up_search_index(context)
    if plan.open_transport is not None:
        try:
            transport = plan.open_transport()
        except AnuyatError as exc:
            part = PartReport(component="outbox")
            _fail(part, exc)
            _save_state(context, part)
            report.parts.append(part)
        else:
            try:
                report.parts.append(sync_outbox(context, transport))
            finally:
                transport.close()
    return report


def _catch_up_search_index(context: AppContext, batch: int = 100) -> None:
    """Index the text of documents stored before the search index existed, a batch a run."""
    try:
        with context.writing() as session:
            search.index_stored_documents(session, context.store.blobs, limit=batch)
    except Exception:  # noqa: BLE001 — search catching up must never stop the sync
        log.exception("search index catch-up failed")


def summarise(report: SyncReport) -> SyncSummary:
    def total(kind: str) -> int:
        return sum(p.outcomes.get(kind, 0) for p in report.parts)

    problems = [p for p in report.parts if p.state != "ok"]
    return SyncSummary(
        new=total("new"),
        appended=total("appended"),
        quarantined=total("quarantined") + total("held"),
        sent=total("sent"),
        problems_th=tuple(p.error_th for p in problems),
        problems_en=tuple(p.error_en for p in problems),
        set_aside=total("not_request"),
    )
