"""Composition root: settings → profile folder → logging → services → the ports the UI gets.

Opening a profile imports what the sign-in needs (the store, the access services, the
shell's facade); everything else — the sync's plan and its PDF worker, the signing settings,
the settings page's and backup's facades, every other area's facade — is made on first use
(:class:`services.api.ports.Later`, :class:`services.kernel.once.Once`), so the sign-in acts
about as soon as the store is open. The GUI builds them in a worker while the officer types.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import demo_keyring
from app.logging_setup import setup_logging
from app.settings import (
    Settings,
    password_policy,
    profile_settings_path,
    resolve_data_dir,
    with_profile,
)
from demo.token import softhsm_environment
from services.api.admin import OfficersFacade
from services.api.ports import Later, Ports, build_ports
from services.kernel.clock import Clock, SystemClock
from services.kernel.errors import AnuyatError
from services.kernel.once import Once
from services.store.anchors import CheckpointRun, checkpoint_store
from services.store.context import AppContext
from services.store.profile import is_demo_store, load_context

if TYPE_CHECKING:
    # Made on first use (see the module's docstring): named here for the type checker.
    from app.pdf_probe import QtPdfProbe
    from services.api.approval import SigningSettings
    from services.api.archive import RetentionPolicy
    from services.api.backup import BackupPort
    from services.api.settings import SettingsPort
    from services.intake.inspect.pdf_probe import PdfOpenProbe
    from services.intake.sync import SyncPlan
    from services.intake.views import SyncSummary

__all__ = [
    "DataDirUnusable",
    "Runtime",
    "checkpoint_quietly",
    "resolve_data_dir",
    "open_runtime",
    "prepare_profile_dir",
    "prepare_viewer_copies",
]

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    data_dir: Path
    context: AppContext
    ports: Ports
    demo_file_keyring: bool
    settings: Settings
    officers: OfficersFacade
    _plan: Once[SyncPlan] = field(repr=False, kw_only=True)
    _pdf_engine: Once[QtPdfProbe] = field(repr=False, kw_only=True)

    @property
    def plan(self) -> SyncPlan:
        """The sync's plan from the settings (made on first use; replaced when they are saved)."""
        return self._plan.get()

    @plan.setter
    def plan(self, plan: SyncPlan) -> None:
        self._plan = Once(lambda: plan)

    @property
    def pdf_probe(self) -> QtPdfProbe | None:
        """The viewer's engine judging PDFs at intake (a worker process, stopped by close);
        None until something has used it."""
        return self._pdf_engine.get() if self._pdf_engine.made else None

    @property
    def drive_root(self) -> Path | None:
        return self.settings.path("drive_root")

    def checkpoint(self) -> CheckpointRun | None:
        """Anchor the audit chain outside the store (services.store.anchors); never raises."""
        return checkpoint_quietly(self.context, self.drive_root)

    def close(self) -> None:
        self.checkpoint()
        if self.pdf_probe is not None:
            self.pdf_probe.close()
        self.context.store.close()


def checkpoint_quietly(context: AppContext, drive_root: Path | None) -> CheckpointRun | None:
    """Write audit checkpoints; a failure is logged, never in the way of closing or syncing."""
    try:
        return checkpoint_store(context.store, context.clock.now(), drive_root)
    except Exception:
        log.exception("audit checkpoint failed")
        return None


class DataDirUnusable(AnuyatError):
    """The profile folder cannot be created or written (a file, read-only, no permission)."""

    code = "data_dir_unusable"

    def __init__(self, data_dir: Path, exc: OSError) -> None:
        if data_dir.exists() and not data_dir.is_dir():
            why_th, why_en = "ชื่อนี้เป็นไฟล์ ไม่ใช่โฟลเดอร์", "that name is a file, not a folder"
        elif isinstance(exc, NotADirectoryError):
            why_th = "ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์"
            why_en = "part of the path is a file, not a folder"
        elif isinstance(exc, PermissionError) or exc.errno in (1, 13, 30):
            why_th = "ไม่มีสิทธิ์เขียน หรือเป็นที่เก็บแบบอ่านอย่างเดียว"
            why_en = "it cannot be written (no permission, or a read-only drive)"
        else:
            why_th, why_en = f"ระบบแจ้งว่า: {exc.strerror}", f"the system says: {exc.strerror}"
        super().__init__(
            f"ใช้โฟลเดอร์ข้อมูล {data_dir} ไม่ได้ เพราะ{why_th} — ไม่ได้เปลี่ยนแปลงอะไร "
            "ให้เลือกโฟลเดอร์ที่เขียนได้ด้วย --data-dir (หรือ ANUYAT_DATA_DIR) "
            "หรือให้ผู้ดูแลระบบแก้สิทธิ์ของโฟลเดอร์",
            f"The data folder {data_dir} cannot be used: {why_en}. Nothing was changed. "
            "Choose a folder you can write to with --data-dir (or ANUYAT_DATA_DIR), "
            "or ask your IT administrator to fix the folder's permissions.",
            detail=f"{data_dir}: {exc!r}",
        )


def prepare_profile_dir(
    data_dir: Path, settings: Settings, *, demo_keyring_ok: bool = True
) -> bool:
    """Logging and (demo only) the file keyring; returns True if the demo keyring is used.

    ``demo_keyring_ok=False`` (creating a profile) never switches to the file keyring.
    Raises :class:`DataDirUnusable` when the folder cannot be created or written.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if not data_dir.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(data_dir))
        setup_logging(
            data_dir,
            settings.get("log_level"),
            settings.get("log_max_bytes"),
            settings.get("log_backups"),
        )
    except OSError as exc:
        raise DataDirUnusable(data_dir, exc) from exc
    if demo_keyring.stray_demo_marker(data_dir):
        log.warning("a file named DEMO in a profile folder that is not a demo: ignored")
    return demo_keyring.activate_if_needed(data_dir) if demo_keyring_ok else False


VIEWER_COPIES = "viewer-copies"
"""The profile's private folder for the plain copies "Open with the system viewer" makes."""


def prepare_viewer_copies(data_dir: Path) -> Path:
    """Empty (or create, 0700) the profile's folder for viewer copies; return it.

    Copies a crash left behind are deleted here, before the GUI starts, and so are the
    ``anuyat-view-*`` folders older versions left in the system temp folder (this user's
    only). Not called by the CLI's other commands: a scheduled ``anuyat sync`` must not
    delete a copy the officer has open.
    """
    folder = data_dir / VIEWER_COPIES
    removed = 0
    if folder.is_dir() and not folder.is_symlink():
        for child in list(folder.iterdir()):
            removed += 1
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    uid = getattr(os, "getuid", lambda: None)()
    for legacy in Path(tempfile.gettempdir()).glob("anuyat-view-*"):
        try:
            mine = uid is None or legacy.lstat().st_uid == uid
        except OSError:
            continue
        if mine and legacy.is_dir() and not legacy.is_symlink():
            removed += 1
            shutil.rmtree(legacy, ignore_errors=True)
    if removed:
        log.info("removed %d viewer copies left from an earlier session", removed)
    return folder


def open_runtime(data_dir: Path, settings: Settings, clock: Clock | None = None) -> Runtime:
    settings_without_profile = settings
    settings = with_profile(settings, data_dir)
    # The demo's software token lives in the profile (a real token needs nothing here).
    softhsm_environment(data_dir)
    demo_file = prepare_profile_dir(data_dir, settings)
    context = load_context(
        data_dir,
        clock or SystemClock(),
        catalog_path=settings.path("catalog_path"),
        holidays_path=settings.path("holidays_path"),
    )
    if demo_file:
        with context.read() as session:
            marked = is_demo_store(session)
        if not marked:
            context.store.close()
        demo_keyring.check_store_is_demo(marked, data_dir)
    holiday_file = settings.path("holidays_path")
    if holiday_file is not None:
        from services.cases.sla_moves import apply_holiday_file

        # A changed holiday file in the settings is a calendar change like one made in the
        # window: a new version, and the due dates it moves are moved (each with an event).
        moved = apply_holiday_file(context, holiday_file)
        if moved is not None:
            log.info("holiday file %s taken: %d due dates moved", holiday_file.name, len(moved))
    base = settings_without_profile

    def make_engine() -> QtPdfProbe:
        from app.pdf_probe import PDF_OPEN_SECONDS, QtPdfProbe

        return QtPdfProbe(PDF_OPEN_SECONDS)

    def make_probe() -> PdfOpenProbe:
        from services.intake.inspect.pdf_probe import CachedPdfProbe

        return CachedPdfProbe(engine.get())

    def make_plan(plan_settings: Settings) -> SyncPlan:
        from app.intake_setup import build_plan

        return build_plan(context, plan_settings, data_dir, pdf_probe.get())

    # One worker for the runtime's life: the sync and the counter share it (and its cache).
    engine = Once(make_engine)
    pdf_probe = Later(make_probe)

    def sync() -> SyncSummary:
        from services.intake.sync import run_sync, summarise

        # The GUI does not wait for another sync of the profile: it says one is running.
        # The plan is read at each run: the settings page may have replaced it.
        queue_digests_quietly(context)
        draw_notices_quietly(context)  # sent by this same run
        summary = summarise(run_sync(context, runtime.plan, wait=0))
        match_slips_quietly(context)
        note_bounces_quietly(context)
        checkpoint_quietly(context, runtime.drive_root)
        return summary

    def settings_saved(values: dict[str, Any]) -> None:
        # A saved section takes effect at the next sync round, without a restart.
        from services.api.issuing import Issuing
        from services.api.reports import Reports

        runtime.settings = Settings(values, profile_settings_path(data_dir))
        runtime.plan = make_plan(runtime.settings)
        if isinstance(ports.reports, Reports):  # the audit checkpoints' second place
            ports.reports.drive_root = runtime.drive_root
        if isinstance(ports.issuing, Issuing):  # printed under the QR of the next licence
            ports.issuing.verify_base = runtime.settings.get("register_url")
        log.info("settings saved: the next sync uses them")

    def settings_facade() -> SettingsPort:
        from services.api.settings import SettingsFacade

        return SettingsFacade(
            context, profile_settings_path(data_dir), base.values(), on_saved=settings_saved
        )

    def signing() -> SigningSettings:
        from services.api.approval import SigningSettings

        return SigningSettings(
            pkcs11_module=settings.get("pkcs11_module"),
            trust_roots=tuple(Path(p) for p in settings.get("signing_trust_roots")),
            allow_pkcs12=settings.get("signing_allow_pkcs12"),
            tsa_url=settings.get("signing_tsa_url"),
        )

    def backup() -> BackupPort:
        from services.api.backup import BackupFacade

        # Read at each use: a saved Settings page changes the folder and the schedule.
        return BackupFacade(context, lambda: runtime.settings.values())

    def retention() -> RetentionPolicy:
        from services.api.archive import RetentionPolicy

        # Read at each use: the periods as the settings stand.
        return RetentionPolicy.from_settings(
            runtime.settings.get("retention_years") or 0,
            runtime.settings.get("retention_by_service") or [],
        )

    ports = build_ports(
        context,
        sync=sync,
        limits=Later(lambda: runtime.plan.limits),
        ack_template=Later(lambda: runtime.plan.ack_template),
        on_sign_out=lambda: checkpoint_quietly(context, runtime.drive_root),
        drive_root=settings.path("drive_root"),
        settings=Later(settings_facade),
        signing=Later(signing),
        pdf_probe=pdf_probe,
        register_url=settings.get("register_url"),
        backup=Later(backup),
        retention=retention,
        # Read at each idle check: a saved Settings page changes it in the open window.
        lock_minutes=lambda: int(runtime.settings.get("lock_after_minutes")),
    )
    officers = OfficersFacade(context, password_policy(settings))
    runtime = Runtime(
        data_dir,
        context,
        ports,
        demo_file,
        settings,
        officers,
        _plan=Once(lambda: make_plan(settings)),
        _pdf_engine=engine,
    )
    log.info("profile opened (station %s)", context.station_code)
    return runtime


def note_bounces_quietly(context: AppContext) -> None:
    """After a sync, mark the licence deliveries whose mail bounced (the delivery reports the
    sync set aside), so the issuing page offers to send them again; a failure is logged and
    the next sync tries again."""
    from services.issuing.bounces import note_bounces
    from services.kernel.actors import SYSTEM

    try:
        with context.unit_of_work(SYSTEM) as uow:
            failed = note_bounces(uow, context.calendar, context.store.blobs)
    except Exception:  # the sync itself succeeded; this is retried at the next one
        log.exception("reading delivery reports for licences failed")
        return
    if failed:
        log.info("licence deliveries bounced: %d", failed)


def draw_notices_quietly(context: AppContext) -> None:
    """Before a sync's outbox run, draw the payment notices still held for their PDF (an
    approval batch leaves them so, and draws them right after; this catches any it did not,
    e.g. after a crash); a failure is logged and the next sync tries again."""
    from services.fees import draw_pending_notices

    try:
        drawn = draw_pending_notices(context)
    except Exception:
        log.exception("drawing held payment notices failed")
        return
    if drawn:
        log.info("payment notices drawn before sending: %d", len(drawn))


def match_slips_quietly(context: AppContext) -> None:
    """After a sync, match the files that arrived on requests awaiting a fee to their
    payments (services.fees.slips), then remind or lapse fees past their time
    (services.fees.deadlines); a failure is logged and the next sync tries again."""
    from services.fees.deadlines import run_deadlines
    from services.fees.inbox import read_inbox_slips
    from services.fees.slips import match_slips
    from services.fees.submission import open_submission_fees, submission_services
    from services.kernel.actors import SYSTEM

    try:
        with context.unit_of_work(SYSTEM) as uow:
            matched = match_slips(uow, context.calendar, context.store.blobs)
            read_inbox_slips(uow, context.store.blobs)
        # Requests registered in this sync whose fee is due at submission: payment, notice.
        with context.unit_of_work(SYSTEM) as uow:
            open_submission_fees(
                uow, context.calendar, context.store.blobs, submission_services(context.catalog)
            )
        # After matching: a slip that arrived in this sync saves its request from lapsing.
        with context.unit_of_work(SYSTEM) as uow:
            reminded, lapsed = run_deadlines(uow, context.calendar)
    except Exception:
        log.exception("matching payment slips or fee deadlines failed")
        return
    if matched or reminded or lapsed:
        log.info("fees: %d matched, %d reminded, %d lapsed", matched, reminded, lapsed)


def queue_digests_quietly(context: AppContext) -> None:
    """Queue the officers' daily digests before a sync sends the outbox; a failure here is
    logged and never stops the sync (the next run tries again, once per officer per day)."""
    from services.worklist.digest import queue_digests_now

    try:
        queued = queue_digests_now(context)
    except Exception:
        log.exception("queueing the daily digests failed")
        return
    if queued:
        log.info("daily digest queued for %d officer(s)", len(queued))
