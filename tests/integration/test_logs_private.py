"""The profile's log: no statement parameters (subjects, bodies, names), private files."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.logging_setup import setup_logging
from models import InboundMessage
from tests.conftest import find_personal_data, profile_logs
from tests.data.mail_corpus import THAI_BODY, THAI_NAME, THAI_SUBJECT


@pytest.fixture
def profile_log(context) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers), root.level
    path = setup_logging(context.store.data_dir, "DEBUG")
    yield path
    for handler in [h for h in root.handlers if h not in before[0]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(before[1])


def _inbound(source_key: str) -> InboundMessage:
    return InboundMessage(
        source_key=source_key,
        channel="email",
        sender=f"{THAI_NAME} <somchai@example.co.th>",
        subject=THAI_SUBJECT,
        received_at=datetime(2026, 11, 25, 3, 0, tzinfo=UTC),
        outcome="new",
    )


def test_a_failed_statement_logs_no_subject_or_sender(context, profile_log: Path) -> None:
    # Two syncs racing for the same mail: the loser's error is logged with its traceback.
    log = logging.getLogger("services.intake.sync")
    with context.store.sessions() as session, session.begin():
        session.add(_inbound("<same@example.co.th>"))
    with pytest.raises(IntegrityError) as caught:
        with context.store.sessions() as session, session.begin():
            session.add(_inbound("<same@example.co.th>"))
    log.error("sync round failed", exc_info=caught.value)
    # At DEBUG, an ordinary query with a body as parameter is not written out either.
    with context.store.engine.connect() as conn:
        conn.execute(
            text("SELECT count(*) FROM application WHERE body_text = :b"), {"b": THAI_BODY}
        )
    with context.read() as session:
        session.scalars(select(InboundMessage).where(InboundMessage.subject == THAI_SUBJECT)).all()
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = profile_log.read_text(encoding="utf-8")
    assert "IntegrityError" in written and "sync round failed" in written
    assert THAI_SUBJECT not in written and THAI_NAME not in written
    assert THAI_BODY.splitlines()[1] not in written
    assert find_personal_data(profile_log.parent) == []


def test_a_certificate_holders_name_from_the_signing_library_is_not_written(
    profile_log: Path,
) -> None:
    # pyHanko warns with the certificate's subject (the approver's name) when it cannot
    # build a path to the agency's roots, and raises with it in the message too.
    subject = "Common Name: นายอนุมัติ รอบคอบ, Organization: Test Municipality, Country: TH"
    log = logging.getLogger("pyhanko.sign.validation.generic_cms")
    log.warning("Failed to build path for %s", subject)
    try:
        raise ValueError(f'no path for the certificate "{subject}" (CN=Somsri Jaidee,O=Test)')
    except ValueError as error:
        log.warning("validation failed", exc_info=error)
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = profile_log.read_text(encoding="utf-8")
    assert "Failed to build path" in written and "Organization: Test Municipality" in written
    assert "รอบคอบ" not in written and "Somsri" not in written
    assert "Common Name: [name]" in written and "CN=[name]" in written


def test_log_files_are_private_and_rotate_privately(data_dir: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        (data_dir / "logs").mkdir(mode=0o755)
        (data_dir / "logs" / "anuyat.log").write_text("older\n", encoding="utf-8")
        (data_dir / "logs" / "anuyat.log").chmod(0o644)
        setup_logging(data_dir, "INFO", max_bytes=2_000, backups=3)
        log = logging.getLogger("anuyat.test")
        for n in range(200):
            log.info("line %d of a long log that has to rotate a few times", n)
        files = profile_logs(data_dir)
        assert len(files) >= 3  # rotated at least twice
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert stat.S_IMODE((data_dir / "logs").stat().st_mode) == 0o700
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
