"""Composition root: settings → profile folder → logging → services → workstation."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from app import demo_keyring
from app.intake_setup import build_plan
from app.logging_setup import setup_logging
from app.settings import Settings, default_data_dir, with_profile
from services.api.workstation import Workstation
from services.intake.sync import SyncPlan, run_sync, summarise
from services.kernel.clock import Clock, SystemClock
from services.store.context import AppContext
from services.store.profile import load_context

__all__ = ["Runtime", "resolve_data_dir", "open_runtime"]

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    data_dir: Path
    context: AppContext
    workstation: Workstation
    demo_file_keyring: bool
    settings: Settings
    plan: SyncPlan

    def close(self) -> None:
        self.context.store.close()


def resolve_data_dir(cli_value: str | None, settings: Settings) -> Path:
    """--data-dir, then ANUYAT_DATA_DIR, then the settings file, then the platform default."""
    chosen = cli_value or os.environ.get("ANUYAT_DATA_DIR") or settings.get("data_dir")
    return Path(chosen).expanduser().resolve() if chosen else default_data_dir()


def prepare_profile_dir(data_dir: Path, settings: Settings) -> bool:
    """Logging and (demo only) the file keyring; returns True if the demo keyring is used."""
    data_dir.mkdir(parents=True, exist_ok=True)
    setup_logging(
        data_dir,
        settings.get("log_level"),
        settings.get("log_max_bytes"),
        settings.get("log_backups"),
    )
    return demo_keyring.activate_if_needed(data_dir)


def open_runtime(data_dir: Path, settings: Settings, clock: Clock | None = None) -> Runtime:
    settings = with_profile(settings, data_dir)
    demo_file = prepare_profile_dir(data_dir, settings)
    context = load_context(
        data_dir,
        clock or SystemClock(),
        catalog_path=settings.path("catalog_path"),
        holidays_path=settings.path("holidays_path"),
    )
    plan = build_plan(context, settings, data_dir)
    workstation = Workstation(
        context, sync=lambda: summarise(run_sync(context, plan)), limits=plan.limits
    )
    log.info("profile opened (station %s)", context.station_code)
    return Runtime(data_dir, context, workstation, demo_file, settings, plan)
