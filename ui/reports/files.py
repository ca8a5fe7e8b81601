"""Writing an export: whole or not at all (temp file → fsync → rename), with a message a
person can act on when the folder refuses; and the two steps every report export takes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject

from services.api import InvalidInput
from ui.common.tasks import TaskRunner

__all__ = ["export_in_two_steps", "write_file"]

_Read = TypeVar("_Read")


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


def export_in_two_steps(
    runner: TaskRunner,
    owner: QObject,
    *,
    read: Callable[[], _Read],
    render: Callable[[_Read], bytes],
    path: Path,
    failed: Callable[[BaseException | None], None],
    read_done: Callable[[], None],
    written: Callable[[], None],
    label: str,
) -> None:
    """Read what to export (and record the export's event) in the database worker, then
    render and write the file in the I/O pool, so a PDF being drawn holds up no database
    work. ``failed`` gets the error of either step; ``read_done`` runs between the steps
    and ``written`` once the file is whole on disk."""

    def on_written(_result: object, error: BaseException | None) -> None:
        if error is not None:
            failed(error)
            return
        written()

    def on_read(data: _Read | None, error: BaseException | None) -> None:
        if error is not None or data is None:
            failed(error)
            return
        read_done()
        runner.run(
            lambda: write_file(path, render(data)),
            on_written,
            pool="io",
            owner=owner,
            label=f"save {label}",
        )

    runner.run(read, on_read, owner=owner, label=f"{label} export")
