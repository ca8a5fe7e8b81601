"""Writing an export: whole or not at all (temp file → fsync → rename), with a message a
person can act on when the folder refuses."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from services.api import InvalidInput

__all__ = ["write_file"]


def write_file(path: Path, data: bytes) -> None:
    """Runs in the I/O pool. Raises InvalidInput (Thai and English) when it cannot write."""
    folder = path.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=".anuyat-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InvalidInput(
            f"บันทึกไฟล์ {path} ไม่ได้ ({exc.strerror or exc}) — เลือกโฟลเดอร์อื่นที่เขียนได้ แล้วลองอีกครั้ง",
            f"Could not save {path} ({exc.strerror or exc}). Choose another folder you can "
            "write to and try again.",
            detail=repr(exc),
        ) from exc
