"""The ports the screens are given, one per area, and how app/ builds them.

:mod:`services.api.shell`, :mod:`services.api.intake`, :mod:`services.api.review`,
:mod:`services.api.reports` and :mod:`services.api.worklist` each hold an area's port (a
Protocol: what its screens may ask) and its facade (the real thing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from services.api.approval import Approval, ApprovalPort, SigningSettings
from services.api.archive import Archive, ArchivePort, RetentionPolicy
from services.api.backup import BackupPort
from services.api.catalog import CatalogFacade, CatalogPort
from services.api.changes import ChangesPort, ServerChanges
from services.api.fees import Fees, FeesPort
from services.api.intake import Intake, IntakePort
from services.api.issuing import Issuing, IssuingPort
from services.api.reports import Reports, ReportsPort
from services.api.review import Review, ReviewPort
from services.api.settings import SettingsPort
from services.api.shell import Shell, ShellPort
from services.api.worklist import Worklist, WorklistPort
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.types import Limits
from services.intake.views import SyncSummary
from services.store.context import AppContext

__all__ = ["Ports", "build_ports"]


@dataclass(frozen=True)
class Ports:
    """What the UI is handed: one port per area."""

    shell: ShellPort
    intake: IntakePort
    review: ReviewPort
    reports: ReportsPort
    approval: ApprovalPort
    worklist: WorklistPort
    settings: SettingsPort | None = None
    """The administrator's settings page (None: the window shows no settings page)."""
    # The catalog and calendar page (None in tests that build the window without it).
    catalog: CatalogPort | None = None
    # The finance officer's payments page (None in tests that build the window without it).
    fees: FeesPort | None = None
    # The last good backup and "Back up now" (None: the window shows no backup state).
    backup: BackupPort | None = None
    issuing: IssuingPort | None = None
    # A request's whole file as PDF/A for the archives (None: the window offers no export).
    archive: ArchivePort | None = None
    # Other workstations' changes and the server's link (None: a station's own store).
    changes: ChangesPort | None = None


def build_ports(
    context: AppContext,
    *,
    sync: Callable[[], SyncSummary] | None = None,
    limits: Limits | None = None,
    ack_template: Path | None = None,
    on_sign_out: Callable[[], object] | None = None,
    drive_root: Path | None = None,
    settings: SettingsPort | None = None,
    signing: SigningSettings | None = None,
    pdf_probe: PdfOpenProbe | None = None,
    backup: BackupPort | None = None,
    register_url: str = "",
    retention: Callable[[], RetentionPolicy] | None = None,
    lock_minutes: Callable[[], int] | None = None,
) -> Ports:
    """The real facades over one opened profile (``sync``: one intake run, for "Sync now";
    ``on_sign_out``: what to do after an officer signs out, e.g. anchor the audit chain;
    ``drive_root``: the shared drive, where the audit chain's second checkpoints are;
    ``settings``: the settings page's facade, which needs the profile's files;
    ``pdf_probe``: the viewer's engine judging counter PDFs, as the sync's plan has it;
    ``register_url``: where the public register of licences is published;
    ``retention``: the retention periods as the settings stand, read at each use;
    ``lock_minutes``: the station's idle minutes before the screen locks, as last saved)."""
    return Ports(
        shell=Shell(context, on_sign_out=on_sign_out, lock_minutes=lock_minutes),
        intake=Intake(
            context, sync=sync, limits=limits, ack_template=ack_template, pdf_probe=pdf_probe
        ),
        review=Review(context),
        reports=Reports(context, drive_root),
        approval=Approval(context, signing),
        settings=settings,
        worklist=Worklist(context),
        catalog=CatalogFacade(context),
        fees=Fees(context),
        backup=backup,
        issuing=Issuing(context, signing, verify_base=register_url, drive_root=drive_root),
        archive=Archive(context, retention),
        changes=ServerChanges(context)
        if context.store.engine.dialect.name == "postgresql"
        else None,
    )
