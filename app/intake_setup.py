"""Build a sync plan from the settings and the keyring (the composition root for intake)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.settings import Settings
from services.intake.acknowledgement import DEFAULT_TEMPLATE
from services.intake.drive import DriveScanner
from services.intake.inspect.pdf_probe import PdfOpenProbe
from services.intake.mail.imap import ImapAccount, ImapMailbox
from services.intake.mail.maildir import MaildirMailbox
from services.intake.mail.sources import MailSource
from services.intake.sync import SyncPlan
from services.kernel.errors import InvalidInput
from services.outbox import MaildirTransport, SmtpSettings, Transport
from services.settings.sections import IMAP_SECRET, SMTP_SECRET
from services.store import keys
from services.store.context import AppContext

__all__ = ["IMAP_SECRET", "SMTP_SECRET", "build_plan"]


def _secret(name: str, what_th: str, what_en: str) -> str:
    value = keys.load_secret(name)
    if not value:
        raise InvalidInput(
            f"ยังไม่ได้บันทึกรหัสผ่าน{what_th} — สั่ง 'anuyat secret set {name.split('-')[0]}'",
            f"No {what_en} password is stored yet; run 'anuyat secret set {name.split('-')[0]}'.",
        )
    return value


def build_plan(
    context: AppContext,
    settings: Settings,
    data_dir: Path,
    pdf_probe: PdfOpenProbe | None = None,
) -> SyncPlan:
    """The sync's plan from the settings; ``pdf_probe`` (one per runtime, it owns a worker
    process) judges PDFs with the viewer's engine."""
    folders = tuple(str(f) for f in settings.get("imap_folders")) or ("INBOX",)
    open_mailbox = None
    if settings.get("imap_host"):
        account = ImapAccount(
            host=settings.get("imap_host"),
            port=settings.get("imap_port"),
            username=settings.get("imap_user"),
            security=settings.get("imap_security"),
            folders=folders,
            after=settings.get("imap_after"),
            move_to=settings.get("imap_move_to"),
            batch_size=settings.get("imap_batch_size"),
            cafile=settings.get("imap_cafile") or None,
        )

        def open_imap() -> MailSource:
            return ImapMailbox(account, _secret(IMAP_SECRET, " IMAP", "IMAP"))

        open_mailbox = open_imap
    else:
        maildir = settings.path("maildir_path") or data_dir / "mailbox"

        def open_maildir() -> MailSource:
            return MaildirMailbox(
                maildir, folders=folders, after=settings.get("imap_after"), create=True
            )

        open_mailbox = open_maildir
    scanner = None
    if settings.get("drive_root"):
        scanner = DriveScanner(
            Path(settings.get("drive_root")).expanduser(),
            stable_for=timedelta(seconds=settings.get("drive_stable_seconds")),
            clock=context.clock,
            processed_dir=settings.path("drive_processed_dir"),
        )
    if settings.get("smtp_host"):
        smtp = SmtpSettings(
            host=settings.get("smtp_host"),
            port=settings.get("smtp_port"),
            security=settings.get("smtp_security"),
            username=settings.get("smtp_user") or None,
            cafile=settings.get("smtp_cafile") or None,
        )

        def open_transport() -> Transport:
            password = keys.load_secret(SMTP_SECRET) if smtp.username else None
            return smtp.transport(password)

    else:
        sent = settings.path("sent_maildir") or data_dir / "sent"

        def open_transport() -> Transport:
            return MaildirTransport(sent)

    return SyncPlan(
        open_mailbox=open_mailbox,
        folders=folders,
        scanner=scanner,
        open_transport=open_transport,
        ack_template=settings.path("ack_template") or DEFAULT_TEMPLATE,
        lock_wait_seconds=float(settings.get("sync_lock_wait_seconds")),
        authserv_id=settings.get("mail_authserv_id") or settings.get("imap_host"),
        pdf_probe=pdf_probe,
    )
