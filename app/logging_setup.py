"""The profile's rotating log, which never holds personal data or secrets.

Code logs ids and outcomes, not names or national IDs; as a second line of
defence a filter masks anything shaped like a Thai ID, e-mail address or
phone number before it is written.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

__all__ = ["RedactingFilter", "setup_logging"]

_PATTERNS = (
    (re.compile(r"(?<!\d)\d(?:[ -]?\d){12}(?!\d)"), "[national-id]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<!\d)0\d{1,2}[ -]?\d{3}[ -]?\d{4}(?!\d)"), "[phone]"),
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


def setup_logging(
    data_dir: Path, level: str = "INFO", max_bytes: int = 5_000_000, backups: int = 10
) -> Path:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "anuyat.log"
    handler = RotatingFileHandler(
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
    return log_file
