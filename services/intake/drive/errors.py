"""The errors the drive source raises, each told in Thai and English."""

from __future__ import annotations

from pathlib import Path

from services.kernel.errors import AnuyatError

# --- errors --------------------------------------------------------------------------------


class DriveUnavailable(AnuyatError):
    """The watched folder cannot be reached; the caller retries on its next cycle."""

    code = "drive_unavailable"

    def __init__(self, root: Path, *, detail: str | None = None) -> None:
        super().__init__(
            f"เข้าถึงโฟลเดอร์รับคำขอบนไดรฟ์กลาง ({root}) ไม่ได้ ไดรฟ์เครือข่ายอาจยังไม่ได้เชื่อมต่อ"
            " ให้ตรวจสอบการเชื่อมต่อเครือข่ายและไดรฟ์ที่แชร์ ระบบจะลองใหม่เองโดยอัตโนมัติ",
            f"The shared-drive intake folder ({root}) cannot be reached: the network share may"
            " not be mounted. Check the network drive; Anuyat will try again by itself.",
            detail=detail,
        )
        self.root = root


class DriveFileChanged(AnuyatError):
    """A file changed or vanished after its item was taken; the next scan offers it anew."""

    code = "drive_file_changed"

    def __init__(self, relative_path: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"ไฟล์ {relative_path} บนไดรฟ์กลางถูกแก้ไขหรือย้ายออกไประหว่างนำเข้า ระบบจะนำเข้าใหม่ในรอบถัดไป",
            f"The file {relative_path} on the shared drive changed or was moved while it was"
            " being taken in. It will be taken again on the next scan.",
            detail=detail,
        )


class DriveMoveFailed(AnuyatError):
    """The item was recorded but could not be moved to the processed folder."""

    code = "drive_move_failed"

    def __init__(self, name: str, target: Path, *, detail: str | None = None) -> None:
        super().__init__(
            f"บันทึกคำขอ {name} แล้ว แต่ย้ายไปโฟลเดอร์ที่ดำเนินการแล้ว ({target}) ไม่ได้"
            " ให้ตรวจสอบสิทธิ์การเขียนบนไดรฟ์กลาง คำขอจะไม่ถูกบันทึกซ้ำ",
            f"The request {name} was recorded but could not be moved to the processed folder"
            f" ({target}). Check write permission on the shared drive; it will not be"
            " recorded twice.",
            detail=detail,
        )


class DriveWatchUnavailable(AnuyatError):
    """Change events are not available for the folder; the periodic scan carries on."""

    code = "drive_watch_unavailable"

    def __init__(self, root: Path, *, detail: str | None = None) -> None:
        super().__init__(
            f"ติดตามการเปลี่ยนแปลงในโฟลเดอร์ {root} ทันทีไม่ได้"
            " ระบบจะตรวจโฟลเดอร์ตามรอบเวลาแทน คำขอจะเข้าช้าลงเล็กน้อยแต่ไม่สูญหาย",
            f"Changes in {root} cannot be watched live; the folder will be checked on a"
            " timer instead. Requests may arrive a little later, but none are lost.",
            detail=detail,
        )
