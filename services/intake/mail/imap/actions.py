"""What happens to a message after its application is committed: a flag, or a move.

Only committed messages are touched, by UID, in chunks that keep command lines short.
"""

from __future__ import annotations

import imaplib
from collections.abc import Sequence

from services.intake.mail.imap.batching import uid_set
from services.intake.mail.imap.responses import response_text
from services.intake.mail.sources import MailboxUnavailable
from services.kernel.errors import AnuyatError, InvalidInput

STORE_CHUNK = 500  # UIDs per STORE/MOVE command, keeps command lines short


def uid_number(uid: str) -> int:
    """The IMAP UID in ``uid`` (a positive whole number), or :class:`InvalidInput`."""
    text = str(uid).strip()
    if not text.isdigit() or int(text) == 0:
        raise InvalidInput(
            "หมายเลขข้อความ (UID) ไม่ถูกต้อง",
            "A message number (UID) is not valid.",
            detail=f"not an IMAP UID: {uid!r}",
        )
    return int(text)


def read_only_error(mailbox: str, folder: str) -> AnuyatError:
    """Why recorded mail in ``folder`` cannot be flagged or moved: the account may only read."""
    return AnuyatError(
        f"บัญชีนี้อ่านโฟลเดอร์ «{folder}» ได้อย่างเดียว จึงติดธงหรือย้ายอีเมลที่บันทึกแล้วไม่ได้ "
        "โปรดเลือก «ไม่ต้องทำอะไร» เป็นการจัดการหลังบันทึกในหน้าตั้งค่า หรือขอสิทธิ์เขียนจากผู้ดูแลระบบ",
        f"This account may only read the folder “{folder}”, so recorded mail cannot be "
        "flagged or moved. Choose “nothing” as the after-processing action in Settings, "
        "or ask the IT administrator for write access.",
        detail=f"{mailbox}/{folder}: READ-ONLY",
        code="mailbox_read_only",
    )


def after_action(
    conn: imaplib.IMAP4,
    action: str,
    numbers: Sequence[int],
    *,
    keyword: str,
    target: str,
    caps: frozenset[str],
) -> None:
    """Flag (``keyword``) or move (to the server name ``target``) the UIDs ``numbers``.

    The folder holding them must be selected. A move uses UID MOVE, else COPY +
    ``\\Deleted`` + UID EXPUNGE of exactly these UIDs when the server has UIDPLUS
    (without it the copies are left marked ``\\Deleted``, expunging nothing else).
    """
    for start in range(0, len(numbers), STORE_CHUNK):
        uids = uid_set(numbers[start : start + STORE_CHUNK])
        if action == "flag":
            _ok(conn.uid("STORE", uids, "+FLAGS.SILENT", f"({keyword})"), "STORE")
        elif "MOVE" in caps:
            _ok(conn.uid("MOVE", uids, target), "MOVE")
        else:
            _ok(conn.uid("COPY", uids, target), "COPY")
            _ok(conn.uid("STORE", uids, "+FLAGS.SILENT", "(\\Deleted)"), "STORE")
            if "UIDPLUS" in caps:
                _ok(conn.uid("EXPUNGE", uids), "EXPUNGE")


def _ok(result: tuple[str, list[object]], what: str) -> None:
    typ, data = result
    if typ != "OK":
        raise MailboxUnavailable(detail=f"UID {what}: {typ} {response_text(data)}")
