"""The profile's rotating log, which never holds personal data or secrets.

Code logs ids and outcomes, not names or national IDs; as a second line of
defence a filter masks anything shaped like a Thai ID, e-mail address or
phone number before it is written. SQL statement parameters (mail subjects,
bodies, names) never reach it: engines hide them from their errors
(``hide_parameters``) and SQLAlchemy's own loggers stay at WARNING whatever
the profile's level. The folder is private to its owner (0700) and every log
file, rotated ones included, is created 0600.
"""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from services.kernel.thai_id import NATIONAL_ID_LIKE

__all__ = ["RedactingFilter", "setup_logging"]

_PATTERNS = (
    (NATIONAL_ID_LIKE, "[national-id]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<!\d)0\d{1,2}[ -]?\d{3}[ -]?\d{4}(?!\d)"), "[phone]"),
    # Certificate subjects as the signing libraries print them ("Common Name: <approver's
    # name>, Organization: …" in asn1crypto's words, or CN=… in RFC 4514's): pyHanko logs
    # them on a path it cannot build, and a certificate's holder is a person.
    (
        re.compile(r"\b(Common Name|Given Name|Surname|Email Address|Pseudonym): [^,\"\n]*"),
        r"\1: [name]",
    ),
    (re.compile(r"\b(CN|GN|SN|emailAddress)=[^,/+\"\n]*"), r"\1=[name]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class _RedactingFormatter(logging.Formatter):
    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]  # noqa: N802
        return redact(super().formatException(ei))


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created readable by their owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # an older file may have been wider
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


# Loggers that would print SQL statements with their parameters at INFO/DEBUG.
_QUIET = ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm", "alembic")


def setup_logging(
    data_dir: Path, level: str = "INFO", max_bytes: int = 5_000_000, backups: int = 10
) -> Path:
    log_dir = data_dir / "logs"
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(log_dir, 0o700)
    log_file = log_dir / "anuyat.log"
    handler = _PrivateRotatingFileHandler(
        log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(
        _RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_anuyat", False)]:
        root.removeHandler(old)
        old.close()
    handler._anuyat = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    return log_file
