"""The station's settings as the administrator sees them: sections, their password, and
when a change takes effect.

A section groups settings of the declaration (:mod:`services.settings.declaration`) that
are changed and tested together. A password belongs to the OS keyring under the section's
``secret`` name, never to the settings file or the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "IMAP_SECRET",
    "SECTIONS",
    "SMTP_SECRET",
    "TESTABLE",
    "Section",
    "SectionKey",
    "TakesEffect",
    "section",
]

IMAP_SECRET = "imap-password"
"""The mailbox password's name in the keyring (``services.store.keys.load_secret``)."""
SMTP_SECRET = "smtp-password"
"""The SMTP password's name in the keyring (the outbox reads the same one)."""


class SectionKey(StrEnum):
    MAILBOX = "mailbox"
    SMTP = "smtp"
    DRIVE = "drive"
    SIGNING = "signing"
    BACKUP = "backup"
    ISSUING = "issuing"
    RETENTION = "retention"
    SCREEN_LOCK = "screen_lock"


class TakesEffect(StrEnum):
    """When a saved change is used."""

    NEXT_SYNC = "next_sync"
    """The next mailbox/drive/outbox round (the window rebuilds its sync plan on save)."""
    NEXT_USE = "next_use"
    """The next time it is used (signing, backup): nothing is held open."""
    WITHIN_SECONDS = "within_seconds"
    """Within seconds, in the windows already open: they read it at each periodic check
    (the screen lock's idle watch, every 15 s), so "the next time it is used" would be wrong."""


@dataclass(frozen=True)
class Section:
    key: SectionKey
    names: tuple[str, ...]
    """The settings in this section, in the order the page shows them."""
    secret: str | None
    """The keyring name of this section's password, if it has one."""
    takes_effect: TakesEffect
    testable: bool = True
    """Whether there is something to reach and try ("Test connection")."""


SECTIONS: tuple[Section, ...] = (
    Section(
        SectionKey.MAILBOX,
        ("imap_host", "imap_port", "imap_security", "imap_user", "imap_folders", "imap_cafile"),
        IMAP_SECRET,
        TakesEffect.NEXT_SYNC,
    ),
    Section(
        SectionKey.SMTP,
        ("smtp_host", "smtp_port", "smtp_security", "smtp_user", "smtp_cafile"),
        SMTP_SECRET,
        TakesEffect.NEXT_SYNC,
    ),
    Section(
        SectionKey.DRIVE,
        ("drive_root", "drive_processed_dir", "drive_stable_seconds"),
        None,
        TakesEffect.NEXT_SYNC,
    ),
    Section(SectionKey.SIGNING, ("pkcs11_module",), None, TakesEffect.NEXT_USE),
    Section(
        SectionKey.BACKUP,
        ("backup_dir", "backup_every_hours", "backup_after_changes", "backup_warn_after_hours"),
        None,
        TakesEffect.NEXT_USE,
    ),
    # The https address printed under each licence's QR (the next licence issued uses it).
    Section(SectionKey.ISSUING, ("register_url",), None, TakesEffect.NEXT_USE, testable=False),
    # Years a closed request is kept (the next destruction list uses it); the per-service
    # exceptions (retention_by_service) stay in settings.toml, where they can be commented.
    Section(SectionKey.RETENTION, ("retention_years",), None, TakesEffect.NEXT_USE, testable=False),
    # Minutes before an unattended screen locks; the open windows read it at each idle check.
    Section(
        SectionKey.SCREEN_LOCK,
        ("lock_after_minutes",),
        None,
        TakesEffect.WITHIN_SECONDS,
        testable=False,
    ),
)
_BY_KEY = {s.key: s for s in SECTIONS}
TESTABLE: frozenset[SectionKey] = frozenset(s.key for s in SECTIONS if s.testable)
"""The sections with a "Test connection" (something to reach: a server, a folder, a driver)."""


def section(key: str) -> Section:
    """The section named ``key``; ``KeyError`` for a name that is not one."""
    return _BY_KEY[SectionKey(key)]
