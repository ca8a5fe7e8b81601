"""What a "Test connection" says, and the deadline every test runs under.

A test never raises: whatever happens (a refusal, a bad value, a peer that never answers)
becomes a :class:`ProbeResult` in Thai and English that says what to do. The peer's own words
(``AnuyatError.reply``: an IMAP ``NO`` line, an SMTP ``535`` reply) are kept apart in
``reply`` and shown as they are.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from services.kernel.errors import AnuyatError

__all__ = ["ProbeResult", "within"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    th: str
    en: str
    reply: str = ""
    """What the peer answered, word for word ("" when it said nothing worth showing)."""


def within(seconds: float, work: Callable[[], ProbeResult], what: tuple[str, str]) -> ProbeResult:
    """Run ``work`` with a deadline; ``what`` names the peer (Thai, English) in messages.

    The work runs in its own daemon thread: a network share or a token library that hangs
    in a system call cannot be interrupted, but the administrator gets an answer on time
    (and the stuck thread does not keep the program from closing).
    """
    outcome: list[ProbeResult] = []

    def run() -> None:
        try:
            outcome.append(work())
        except AnuyatError as exc:
            log.info("connection test of %s refused: %s (%s)", what[1], exc.code, exc.detail)
            outcome.append(ProbeResult(False, exc.th, exc.en, exc.reply or ""))
        except Exception:
            log.exception("connection test of %s failed", what[1])
            outcome.append(
                ProbeResult(
                    False,
                    f"ทดสอบ{what[0]}ไม่สำเร็จเพราะข้อผิดพลาดที่ไม่คาดคิด รายละเอียดอยู่ในไฟล์บันทึก "
                    "— แจ้งผู้ดูแลระบบไอที",
                    f"Testing the {what[1]} failed with an unexpected error; the details are in "
                    "the log. Tell your IT administrator.",
                )
            )

    thread = threading.Thread(target=run, name=f"probe-{what[1]}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive() or not outcome:
        log.warning("connection test of %s gave no answer within %s s", what[1], seconds)
        return ProbeResult(
            False,
            f"{what[0]}ไม่ตอบภายใน {seconds:g} วินาที — ตรวจสอบว่าเครื่องนี้เชื่อมต่อเครือข่ายได้ "
            "และชื่อหรือเส้นทางถูกต้อง แล้วลองอีกครั้ง",
            f"The {what[1]} gave no answer within {seconds:g} seconds. Check that this computer "
            "is on the network and that the name or path is right, then try again.",
        )
    return outcome[0]
