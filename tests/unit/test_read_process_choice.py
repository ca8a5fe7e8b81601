"""When a fetch is read ahead by a process (only where what is left pays its start), and what
that start loads."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from services.intake.mail.sources import FolderCursor, MailBatch
from services.intake.read_process import PROCESS_FROM_MAILS, worth_a_process
from services.intake.types import RawMail

ROOT = Path(__file__).resolve().parents[2]


def _second_batch(size: int, total: int) -> MailBatch:
    """The second batch of a fetch of ``total`` mails, the first of which had ``size``."""
    mails = [RawMail("imap:x", str(n), datetime(2026, 12, 6, tzinfo=UTC), b"") for n in range(size)]
    return MailBatch(mails, cursor=FolderCursor(1, 2 * size), restarted=False, done=2 * size,
                     total=total)  # fmt: skip


def test_a_fetch_with_many_mails_left_after_its_first_batch_is_worth_a_process() -> None:
    assert worth_a_process(_second_batch(50, 50 + PROCESS_FROM_MAILS))
    assert worth_a_process(_second_batch(50, 1_000))


def test_a_fetch_of_a_few_batches_is_read_on_the_thread() -> None:
    assert not worth_a_process(_second_batch(50, 50 + PROCESS_FROM_MAILS - 1))
    assert not worth_a_process(_second_batch(3, 9))


def test_the_reader_process_loads_no_store_and_no_database_library() -> None:
    # Its start is paid per catch-up: the reading modules must not pull in the models.
    code = (
        "import sys, services.intake.read_child, app.pdf_probe; "
        "print(sorted(m for m in ('sqlalchemy', 'models', 'services.store.context', "
        "'services.cases.applications', 'PySide6') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout
