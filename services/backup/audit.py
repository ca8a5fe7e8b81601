"""Backups in the audit log: ``backup.created``, ``backup.verified``, ``backup.restored`` and
``backup.failed``, each with the snapshot's name and figures (never a key, a path's owner or
a document's content), recorded by whoever acted: an officer's "Back up now", the station's
schedule (``system:backup``) or the command line (``system:cli``).

A snapshot does not hold its own ``backup.created`` event: the event is written after the
copy was taken, and so goes into the next one.
"""

from __future__ import annotations

import logging
from typing import Any

from services.kernel.actors import Actor
from services.kernel.errors import AnuyatError
from services.store import keys
from services.store.context import AppContext

__all__ = ["record_backup_event", "record_failure"]

log = logging.getLogger(__name__)


def record_backup_event(
    context: AppContext, actor: Actor, type: str, payload: dict[str, Any]
) -> None:
    profile_id = keys.read_profile_id(context.store.data_dir) or "profile"
    with context.unit_of_work(actor) as uow:
        uow.record(type, "backup", profile_id, payload)


def record_failure(context: AppContext, actor: Actor, action: str, exc: AnuyatError) -> None:
    """``backup.failed`` for ``action``; a store that cannot take it is only logged (the
    failure itself is what the person is told)."""
    try:
        record_backup_event(
            context, actor, "backup.failed", {"action": action, "code": exc.code, "reason": exc.en}
        )
    except Exception as inner:  # noqa: BLE001 - the original failure must reach the person
        log.warning("backup failure could not be recorded: %r", inner)
