"""Request mails for the orphan-blob tests, and the stored files no row names.

Shared by tests/integration/test_group_orphans.py and test_orphan_blobs.py (and the latter's
killed child), so that they build their mails and judge what was left the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime

from services.intake.group import Prepared, parse_fetched, prepare_mail
from services.intake.types import Limits, RawMail
from services.store.blob_references import referenced_among
from services.store.context import AppContext
from tests.data import mail_corpus as corpus

__all__ = ["SOURCE", "prepared", "request_mail", "unnamed"]

SOURCE = "imap:officer@mail.tst.go.th/INBOX"


def request_mail(n: int, tag: str, pdf: bytes | None = None) -> bytes:
    """Request ``n``: one PDF, unique to ``tag`` and ``n`` unless ``pdf`` is given."""
    return corpus.mail_with_files(
        [(f"แบบคำขอ-{n}.pdf", pdf or corpus.file_pdf() + f"% {tag} {n}\n".encode())],
        subject=corpus.encoded_word(f"ขอใบอนุญาต ลำดับที่ {n}"),
        sender=f"Citizen {n} <citizen{n}@example.co.th>",
        message_id=f"<{tag}-{n}@example.co.th>",
    )


def prepared(context: AppContext, uid: int, raw: bytes) -> Prepared:
    mail = RawMail(SOURCE, str(uid), datetime(2026, 11, 24, 2, uid, tzinfo=UTC), raw)
    return prepare_mail(parse_fetched(mail, SOURCE, 7, context.clock.now()), Limits())


def unnamed(context: AppContext) -> set[str]:
    """The addresses stored that no row names."""
    stored = set(context.store.blobs.iter_addresses())
    with context.read() as session:
        return stored - referenced_among(session, stored)
