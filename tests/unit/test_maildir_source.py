"""MaildirMailbox on real Maildir folders (the embedded, server-less mailbox)."""

from __future__ import annotations

import mailbox
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.intake.mail.maildir import UIDLIST_NAME, MaildirMailbox
from services.intake.mail.sources import (
    FolderCursor,
    MailboxUnavailable,
    MailFolderMissing,
    MailSource,
)
from services.kernel.errors import InvalidInput

BASE_TIME = 1_795_000_000  # a fixed arrival time, seconds since the epoch


def message(n: int) -> bytes:
    return (
        f"Message-ID: <req-{n}@citizen.test>\r\n"
        "From: citizen@example.test\r\n"
        f"Subject: คำขอใบอนุญาตประกอบกิจการ ฉบับที่ {n}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"เรียน เจ้าหน้าที่ ขอยื่นคำขอหมายเลข {n}\r\n"
    ).encode()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    mailbox.Maildir(path, create=True)
    return path


def deliver(root: Path, raw: bytes, *, at: float | None = None, folder: str = "") -> str:
    """Deliver like an MTA (tmp/ → new/) through the stdlib; returns the key."""
    box = mailbox.Maildir(root, create=True)
    if folder:
        box = box.add_folder(folder)
    key = box.add(raw)
    path = Path(box._path) / "new" / key  # noqa: SLF001 — test-side only
    stamp = at if at is not None else BASE_TIME
    os.utime(path, (stamp, stamp))
    return str(key)


def fetch_all(box: MaildirMailbox, cursor: FolderCursor | None = None, folder: str = "INBOX"):
    return list(box.fetch_new(folder, cursor))


def test_batches_in_arrival_order_byte_for_byte(root: Path) -> None:
    raws = [message(n) for n in range(120)]
    # Delivered out of order: the numbering follows arrival (mtime), not the listing.
    keys = {}
    for n in reversed(range(120)):
        keys[n] = deliver(root, raws[n], at=BASE_TIME + n)
    box = MaildirMailbox(root, batch_size=50)
    assert isinstance(box, MailSource)
    with box:
        validity, uidnext = box.select("INBOX")
        batches = fetch_all(box)
    assert uidnext == 121
    assert [len(b) for b in batches] == [50, 50, 20]
    got = [m for b in batches for m in b]
    assert [m.data for m in got] == raws
    assert [m.uid for m in got] == [keys[n] for n in range(120)]
    assert [b.cursor for b in batches] == [
        FolderCursor(validity, 50),
        FolderCursor(validity, 100),
        FolderCursor(validity, 120),
    ]
    assert [(b.done, b.total, b.restarted) for b in batches][-1] == (120, 120, False)
    assert got[3].internal_date == datetime.fromtimestamp(BASE_TIME + 3, UTC)
    assert got[3].internal_date.tzinfo is UTC
    assert got[0].source == f"maildir:{root}/INBOX"


def test_cursor_resume_and_stable_numbering(root: Path) -> None:
    for n in range(3):
        deliver(root, message(n), at=BASE_TIME + n)
    (first,) = fetch_all(MaildirMailbox(root, after="none"))
    # A new instance (the app restarted) keeps UIDVALIDITY and numbers.
    box = MaildirMailbox(root, after="none")
    assert box.select("INBOX") == (first.cursor.uidvalidity, 4)
    assert fetch_all(box, first.cursor) == []
    deliver(root, message(3), at=BASE_TIME - 100)  # an old mtime still arrives last
    (second,) = fetch_all(box, first.cursor)
    assert [m.data for m in second] == [message(3)]
    assert second.cursor == FolderCursor(first.cursor.uidvalidity, 4)
    # Without a cursor (and with no after-action) everything comes again.
    assert sum(len(b) for b in fetch_all(box)) == 4


def test_lost_numbering_means_a_new_uidvalidity(root: Path) -> None:
    for n in range(3):
        deliver(root, message(n), at=BASE_TIME + n)
    box = MaildirMailbox(root, after="none")
    (first,) = fetch_all(box)
    (root / UIDLIST_NAME).unlink()
    (again,) = fetch_all(box, first.cursor)
    assert again.restarted
    assert again.cursor.uidvalidity != first.cursor.uidvalidity
    assert [m.data for m in again] == [message(n) for n in range(3)]
    # A damaged file is treated the same way.
    (root / UIDLIST_NAME).write_text("garbage\n", encoding="utf-8")
    (third,) = fetch_all(box, again.cursor)
    assert third.restarted and len(third) == 3


def test_flag_marks_only_the_given_keys_and_they_are_not_fetched_again(root: Path) -> None:
    keys = [deliver(root, message(n), at=BASE_TIME + n) for n in range(4)]
    box = MaildirMailbox(root, after="flag")
    (batch,) = fetch_all(box)
    assert box.mark_processed("INBOX", [keys[0], keys[2]])
    assert box.mark_processed("INBOX", [keys[0]])  # again: harmless
    flags = {str(k): m.get_flags() for k, m in mailbox.Maildir(root).items()}
    assert flags == {keys[0]: "F", keys[1]: "", keys[2]: "F", keys[3]: ""}
    # The bytes are untouched by flagging.
    assert mailbox.Maildir(root).get_file(keys[0]).read() == message(0)
    rest = [m.uid for b in fetch_all(box) for m in b]
    assert rest == [keys[1], keys[3]]


def test_move_moves_only_the_given_keys(root: Path) -> None:
    keys = [deliver(root, message(n), at=BASE_TIME + n) for n in range(5)]
    box = MaildirMailbox(root, after="move")
    (batch,) = fetch_all(box)
    box.mark_processed("INBOX", [keys[1], keys[3]])
    box.mark_processed("INBOX", [keys[1]])  # already moved: harmless
    inbox = mailbox.Maildir(root)
    assert sorted(inbox.keys()) == sorted([keys[0], keys[2], keys[4]])
    processed = inbox.get_folder("Anuyat.Processed")
    assert sorted(processed.keys()) == sorted([keys[1], keys[3]])
    assert processed.get_file(keys[1]).read() == message(1)
    assert fetch_all(box, batch.cursor) == []
    assert [m.uid for b in fetch_all(box) for m in b] == [keys[0], keys[2], keys[4]]


def test_no_action_and_bad_keys(root: Path) -> None:
    key = deliver(root, message(1))
    box = MaildirMailbox(root, after="none")
    assert box.mark_processed("INBOX", [key])
    assert os.listdir(root / "new") == [key] and os.listdir(root / "cur") == []
    moving = MaildirMailbox(root, after="move")
    for bad in ("../x", ".hidden", "a/b", ""):
        with pytest.raises(InvalidInput):
            moving.mark_processed("INBOX", [bad])
    assert list(mailbox.Maildir(root).keys()) == [key]


def test_sub_folders_and_missing_places(root: Path, tmp_path: Path) -> None:
    key = deliver(root, message(1), folder="คำขอ.ใบอนุญาต")
    box = MaildirMailbox(root, folders=("คำขอ/ใบอนุญาต",))
    (batch,) = fetch_all(box, folder="คำขอ/ใบอนุญาต")
    assert batch[0].uid == key
    assert batch[0].source == f"maildir:{root}/คำขอ/ใบอนุญาต"
    with pytest.raises(MailFolderMissing):
        box.select("Missing")
    with pytest.raises(InvalidInput):
        MaildirMailbox(root, folders=("../etc",))
    gone = MaildirMailbox(tmp_path / "not-there")
    with pytest.raises(MailboxUnavailable) as caught:
        gone.open()
    assert caught.value.code == "maildir_missing" and caught.value.th
    created = MaildirMailbox(tmp_path / "new-box", create=True)
    with created:
        assert created.select("INBOX")[1] == 1
        assert fetch_all(created) == []


def test_a_message_renamed_while_fetching_is_still_read(root: Path) -> None:
    """A mail client moving new/ → cur/ between the scan and the read loses nothing."""
    keys = [deliver(root, message(n), at=BASE_TIME + n) for n in range(3)]
    box = MaildirMailbox(root, batch_size=1, after="none")
    batches = box.fetch_new("INBOX", None)
    first = next(batches)
    os.rename(root / "new" / keys[1], root / "cur" / f"{keys[1]}:2,S")
    rest = list(batches)
    assert [m.uid for m in first] + [m.uid for b in rest for m in b] == keys
    assert rest[0][0].data == message(1)


def test_batches_bounded_by_bytes(root: Path) -> None:
    for n in range(3):
        deliver(root, message(n) + b"x" * 10_000, at=BASE_TIME + n)
    box = MaildirMailbox(root, batch_size=50, batch_max_bytes=15_000)
    assert [len(b) for b in fetch_all(box)] == [1, 1, 1]


def test_idle_wakes_on_delivery_and_times_out(root: Path) -> None:
    deliver(root, message(0))
    box = MaildirMailbox(root)
    assert box.supports_idle()
    fetch_all(box)
    started = time.monotonic()
    assert box.idle("INBOX", 0.6) is False
    assert 0.5 < time.monotonic() - started < 2
    timer = threading.Timer(0.3, deliver, (root, message(1)))
    timer.start()
    try:
        started = time.monotonic()
        assert box.idle("INBOX", 10) is True
        assert time.monotonic() - started < 3
    finally:
        timer.join()
    # Mail that came since the last fetch is reported at once.
    assert box.idle("INBOX", 10) is True
    fetch_all(box)
    assert box.idle("INBOX", 0.01) is False


def test_interrupt_ends_idle_at_once(root: Path) -> None:
    box = MaildirMailbox(root)
    fetch_all(box)
    timer = threading.Timer(0.2, box.interrupt)
    timer.start()
    started = time.monotonic()
    try:
        assert box.idle("INBOX", 60) is False
    finally:
        timer.join()
    assert time.monotonic() - started < 2
    with pytest.raises(InvalidInput):
        MaildirMailbox(root, after="move", folders=("INBOX", "Done"), move_to="Done")
