"""ImapMailbox against a real Dovecot on 127.0.0.1 (tests/peers/dovecot.py)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.intake.mail.imap import (
    ImapAccount,
    ImapMailbox,
    decode_mailbox_name,
    encode_mailbox_name,
    is_loopback_host,
)
from services.intake.mail.sources import (
    PROCESSED_KEYWORD,
    FolderCursor,
    MailBatch,
    MailboxAuthFailed,
    MailboxUnavailable,
    MailFolderMissing,
    MailSource,
)
from services.kernel.errors import AnuyatError, InvalidInput
from tests.peers.dovecot import DovecotServer

pytestmark = pytest.mark.peer

BANGKOK = timezone(timedelta(hours=7))


def account(dovecot: DovecotServer, **changes: object) -> ImapAccount:
    settings: dict[str, object] = {
        "host": dovecot.host,
        "port": dovecot.port,
        "username": dovecot.user,
        "security": "plain",
        "timeout_s": 5.0,
    }
    settings.update(changes)
    return ImapAccount(**settings)  # type: ignore[arg-type]


def message(n: int, *, subject: str = "", size: int = 0) -> bytes:
    """A realistic request mail with CRLF line ends (what a server stores)."""
    subject = subject or f"=?UTF-8?B?{_b64(f'ขอใบอนุญาต ฉบับที่ {n}')}?="
    body = f"เรียน เจ้าหน้าที่\r\nขอยื่นคำขอหมายเลข {n}\r\n".encode() + b"x" * size
    return (
        f"Message-ID: <req-{n}@citizen.test>\r\n"
        f"From: =?UTF-8?B?{_b64('นายทดสอบ ใจดี')}?= <citizen{n}@example.test>\r\n"
        "To: intake@agency.test\r\n"
        f"Subject: {subject}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
    ).encode() + body


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


def fetch_all(box: ImapMailbox, folder: str, cursor: FolderCursor | None) -> list[MailBatch]:
    return list(box.fetch_new(folder, cursor))


# --- settings ---------------------------------------------------------------------------


def test_plain_to_a_non_loopback_host_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        ImapAccount(host="mail.agency.go.th", port=143, username="u", security="plain")
    assert "clear text" in caught.value.en and "TLS" in caught.value.en
    assert caught.value.th and caught.value.code == "insecure_connection"
    for host in ("127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST."):
        assert is_loopback_host(host), host
        ImapAccount(host=host, port=143, username="u", security="plain")
    for host in ("10.0.0.1", "192.168.1.5", "mail.agency.go.th", "localhost.evil.test", "::2"):
        assert not is_loopback_host(host), host


def test_account_settings_are_checked() -> None:
    good = {"host": "mail.agency.go.th", "port": 993, "username": "u", "security": "tls"}
    for bad in (
        {"port": 0},
        {"username": " "},
        {"security": "ssl"},
        {"folders": ()},
        {"after": "delete"},
        {"after": "move", "move_to": "INBOX"},
        {"batch_size": 0},
        {"timeout_s": 0},
    ):
        with pytest.raises(InvalidInput):
            ImapAccount(**{**good, **bad})  # type: ignore[arg-type]


def test_modified_utf7_folder_names() -> None:
    # RFC 3501 §5.1.3's example, and Thai.
    assert encode_mailbox_name("~peter/mail/台北/日本語") == "~peter/mail/&U,BTFw-/&ZeVnLIqe-"
    assert encode_mailbox_name("A&B") == "A&-B"
    for name in ("คำขอ/ใบอนุญาต", "A&B", "INBOX", "~peter/mail/台北/日本語", "ก"):
        assert decode_mailbox_name(encode_mailbox_name(name)) == name
        assert encode_mailbox_name(name).isascii()


# --- fetching ---------------------------------------------------------------------------


def test_fetch_comes_in_bounded_batches_in_ascending_uid_order(dovecot: DovecotServer) -> None:
    received = datetime(2026, 11, 24, 9, 30, 5, tzinfo=BANGKOK)
    raws = [message(n) for n in range(120)]
    uids = dovecot.append_many("INBOX", raws, internal_date=received)
    with ImapMailbox(account(dovecot, batch_size=50), dovecot.password) as box:
        assert isinstance(box, MailSource)
        uidvalidity, uidnext = box.select("INBOX")
        assert uidnext == uids[-1] + 1
        batches = fetch_all(box, "INBOX", None)
    assert [len(b) for b in batches] == [50, 50, 20]
    got = [m for b in batches for m in b]
    assert [int(m.uid) for m in got] == uids == sorted(uids)
    assert [m.data for m in got] == raws
    assert [b.cursor for b in batches] == [
        FolderCursor(uidvalidity, uids[49]),
        FolderCursor(uidvalidity, uids[99]),
        FolderCursor(uidvalidity, uids[119]),
    ]
    assert [(b.done, b.total, b.restarted) for b in batches] == [
        (50, 120, False),
        (100, 120, False),
        (120, 120, False),
    ]
    first = got[0]
    assert first.source == f"imap:{dovecot.user}@{dovecot.host}/INBOX"
    assert first.internal_date == received.astimezone(UTC)
    assert first.internal_date.tzinfo is UTC


def test_fetch_never_marks_mail_read(dovecot: DovecotServer) -> None:
    uids = dovecot.append_many("INBOX", [message(1), message(2)])
    dovecot.append("INBOX", message(3), flags=["\\Seen"])
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        assert len(fetch_all(box, "INBOX", None)[0]) == 3
    for uid in uids:
        assert "\\Seen" not in dovecot.flags("INBOX", uid)
        assert PROCESSED_KEYWORD not in dovecot.flags("INBOX", uid)


def test_thai_mail_survives_byte_for_byte(dovecot: DovecotServer) -> None:
    raw_utf8_header = message(7, subject="คำขอใบอนุญาตก่อสร้างอาคาร (ด่วน) — ที่ดินแปลง ๑๒๓")
    encoded = message(8)
    dovecot.append("INBOX", raw_utf8_header)
    dovecot.append("INBOX", encoded)
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        (batch,) = fetch_all(box, "INBOX", None)
    assert [m.data for m in batch] == [raw_utf8_header, encoded]
    assert "คำขอใบอนุญาตก่อสร้างอาคาร".encode() in batch[0].data


def test_cursor_resumes_after_the_last_committed_uid(dovecot: DovecotServer) -> None:
    dovecot.append_many("INBOX", [message(n) for n in range(5)])
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        (first,) = fetch_all(box, "INBOX", None)
        assert fetch_all(box, "INBOX", first.cursor) == []
        new = dovecot.append_many("INBOX", [message(n) for n in range(5, 8)])
        (second,) = fetch_all(box, "INBOX", first.cursor)
        assert [int(m.uid) for m in second] == new
        assert second.cursor.last_uid == new[-1]
        # A cursor in the middle returns exactly what follows it.
        middle = FolderCursor(first.cursor.uidvalidity, 3)
        assert [int(m.uid) for b in box.fetch_new("INBOX", middle) for m in b] == [4, 5, 6, 7, 8]


def test_uid_range_star_quirk_is_filtered(dovecot: DovecotServer) -> None:
    """``UID FETCH n:*`` returns the last message even when its UID is below n."""
    uids = dovecot.append_many("INBOX", [message(n) for n in range(5)])
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        (batch,) = fetch_all(box, "INBOX", None)
        # Another client deletes the newest message: now UIDNEXT (6) > cursor + 1,
        # yet every remaining UID is at or below the cursor.
        with dovecot.connect() as other:
            other.select("INBOX")
            other.uid("STORE", str(uids[-1]), "+FLAGS", "(\\Deleted)")
            other.expunge()
        assert fetch_all(box, "INBOX", batch.cursor) == []


def test_uidvalidity_change_restarts_from_zero(dovecot: DovecotServer) -> None:
    raws = [message(n) for n in range(3)]
    dovecot.append_many("INBOX", raws)
    box = ImapMailbox(account(dovecot), dovecot.password)
    (batch,) = fetch_all(box, "INBOX", None)
    old = batch.cursor
    new_validity = dovecot.uidvalidity_reset("INBOX")
    assert new_validity != old.uidvalidity
    (again,) = fetch_all(box, "INBOX", old)  # the dropped connection re-opens by itself
    box.close()
    assert again.restarted
    assert again.cursor.uidvalidity == new_validity
    assert [m.data for m in again] == raws  # everything again; the caller de-duplicates


def test_batches_are_bounded_by_bytes_too(dovecot: DovecotServer) -> None:
    dovecot.append_many("INBOX", [message(n, size=100_000) for n in range(3)])
    dovecot.append_many("INBOX", [message(n) for n in range(3, 6)])
    acct = account(dovecot, batch_size=50, batch_max_bytes=150_000)
    with ImapMailbox(acct, dovecot.password) as box:
        sizes = [len(b) for b in fetch_all(box, "INBOX", None)]
    assert sizes == [1, 1, 4]


def test_a_thai_folder_name_works(dovecot: DovecotServer) -> None:
    folder = "คำขอ/ใบอนุญาต"
    uid = dovecot.append(folder, message(1))
    with ImapMailbox(account(dovecot, folders=(folder,)), dovecot.password) as box:
        (batch,) = fetch_all(box, folder, None)
        assert batch[0].uid == str(uid)
        assert batch[0].source.endswith("/คำขอ/ใบอนุญาต")
        with pytest.raises(MailFolderMissing) as caught:
            box.select("ไม่มีโฟลเดอร์นี้")
        assert "ไม่มีโฟลเดอร์นี้" in caught.value.th and caught.value.en
        # The connection is still good after a missing folder.
        assert box.select(folder)[1] == uid + 1


# --- after-processing -------------------------------------------------------------------


def test_flag_marks_only_the_given_uids(dovecot: DovecotServer) -> None:
    uids = dovecot.append_many("INBOX", [message(n) for n in range(4)])
    with ImapMailbox(account(dovecot, after="flag"), dovecot.password) as box:
        (batch,) = fetch_all(box, "INBOX", None)
        assert box.mark_processed("INBOX", [batch[0].uid, batch[2].uid])
        assert box.mark_processed("INBOX", [batch[0].uid])  # again: harmless
    flagged = [uid for uid in uids if PROCESSED_KEYWORD in dovecot.flags("INBOX", uid)]
    assert flagged == [uids[0], uids[2]]
    assert all("\\Seen" not in dovecot.flags("INBOX", uid) for uid in uids)


def test_move_moves_only_the_given_uids_and_creates_the_folder(dovecot: DovecotServer) -> None:
    raws = [message(n) for n in range(5)]
    uids = dovecot.append_many("INBOX", raws)
    assert "Anuyat.Processed" not in dovecot.folders()
    with ImapMailbox(account(dovecot, after="move"), dovecot.password) as box:
        (batch,) = fetch_all(box, "INBOX", None)
        box.mark_processed("INBOX", [batch[1].uid, batch[3].uid])
        box.mark_processed("INBOX", [batch[1].uid])  # already gone: harmless
        # The cursor still works after the folder shrank.
        assert fetch_all(box, "INBOX", batch.cursor) == []
    assert "Anuyat.Processed" in dovecot.folders()
    assert dovecot.uids("INBOX") == [uids[0], uids[2], uids[4]]
    with dovecot.connect() as other:
        other.select('"Anuyat.Processed"', readonly=True)
        _, data = other.uid("FETCH", "1:*", "(BODY.PEEK[])")
        moved = [part[1] for part in data if isinstance(part, tuple)]
    assert moved == [raws[1], raws[3]]


def test_move_without_the_move_extension(dovecot: DovecotServer) -> None:
    """COPY + \\Deleted + UID EXPUNGE of exactly these UIDs, on servers without MOVE."""
    uids = dovecot.append_many("INBOX", [message(n) for n in range(3)])
    # Another client had marked a message deleted without expunging it: it must stay.
    with dovecot.connect() as other:
        other.select("INBOX")
        other.uid("STORE", str(uids[2]), "+FLAGS", "(\\Deleted)")
    box = ImapMailbox(account(dovecot, after="move", move_to="Done"), dovecot.password)
    with box:
        box._caps = box._caps - {"MOVE"}  # the branch for servers without RFC 6851
        box.mark_processed("INBOX", [str(uids[0])])
    assert dovecot.uids("INBOX") == [uids[1], uids[2]]
    assert len(dovecot.uids("Done")) == 1


def test_no_action_and_stale_uidvalidity_change_nothing(dovecot: DovecotServer) -> None:
    uids = dovecot.append_many("INBOX", [message(n) for n in range(2)])
    with ImapMailbox(account(dovecot, after="none"), dovecot.password) as box:
        assert box.mark_processed("INBOX", [str(u) for u in uids])
    with ImapMailbox(account(dovecot, after="move"), dovecot.password) as box:
        validity, _ = box.select("INBOX")
        assert not box.mark_processed("INBOX", [str(uids[0])], uidvalidity=validity + 1)
        with pytest.raises(InvalidInput):
            box.mark_processed("INBOX", ["1:*"])
    assert dovecot.uids("INBOX") == uids
    assert all(dovecot.flags("INBOX", u) <= {"\\Recent"} for u in uids)


def test_a_read_only_folder_is_read_but_not_changed(dovecot: DovecotServer) -> None:
    uid = dovecot.append("Shared", message(1))
    dovecot.read_only("Shared")
    with ImapMailbox(account(dovecot, folders=("Shared",)), dovecot.password) as box:
        (batch,) = fetch_all(box, "Shared", None)
        assert batch[0].data == message(1)
        with pytest.raises(AnuyatError) as caught:
            box.mark_processed("Shared", [batch[0].uid])
        assert caught.value.code == "mailbox_read_only" and caught.value.th
        assert box.select("Shared")[1] == uid + 1  # the connection is still good
    assert dovecot.flags("Shared", uid) <= {"\\Recent"}


# --- failures ---------------------------------------------------------------------------


def test_server_stopped_mid_fetch_then_restarted(dovecot: DovecotServer) -> None:
    raws = [message(n) for n in range(120)]
    uids = dovecot.append_many("INBOX", raws)
    box = ImapMailbox(account(dovecot, batch_size=50, timeout_s=5), dovecot.password)
    batches = box.fetch_new("INBOX", None)
    first = next(batches)
    committed = first.cursor  # what the caller stored with batch 1
    dovecot.stop()
    started = time.monotonic()
    with pytest.raises(MailboxUnavailable) as caught:
        next(batches)
    assert time.monotonic() - started < 5
    assert caught.value.code == "mailbox_unavailable"
    assert caught.value.th and "retrying" in caught.value.en and caught.value.detail
    # Still down: the next attempt fails fast too (connection refused).
    with pytest.raises(MailboxUnavailable):
        box.select("INBOX")
    dovecot.start()
    rest = [m for b in box.fetch_new("INBOX", committed) for m in b]
    box.close()
    assert [int(m.uid) for m in rest] == uids[50:]
    assert [m.data for m in first] + [m.data for m in rest] == raws


def test_a_frozen_server_times_out_instead_of_hanging(dovecot: DovecotServer) -> None:
    dovecot.append_many("INBOX", [message(n) for n in range(4)])
    box = ImapMailbox(account(dovecot, batch_size=2, timeout_s=1.0), dovecot.password)
    batches = box.fetch_new("INBOX", None)
    first = next(batches)
    dovecot.pause()
    try:
        started = time.monotonic()
        with pytest.raises(MailboxUnavailable):
            next(batches)
        with pytest.raises(MailboxUnavailable):  # connect: TCP accepted, no greeting
            box.open()
        assert time.monotonic() - started < 4
    finally:
        dovecot.resume()
    rest = [m for b in box.fetch_new("INBOX", first.cursor) for m in b]
    box.close()
    assert len(first) + len(rest) == 4


def test_wrong_password(dovecot: DovecotServer) -> None:
    box = ImapMailbox(account(dovecot), "not-the-password")
    with pytest.raises(MailboxAuthFailed) as caught:
        box.open()
    err = caught.value
    assert err.code == "mailbox_auth_failed"
    assert "password" in err.en and "Settings" in err.en and "รหัสผ่าน" in err.th
    assert err.detail and "not-the-password" not in err.detail
    assert "not-the-password" not in repr(box)


def test_server_down_is_unavailable_not_auth(dovecot: DovecotServer) -> None:
    dovecot.stop()
    with pytest.raises(MailboxUnavailable), ImapMailbox(account(dovecot), dovecot.password):
        pass


def test_a_thai_password_signs_in(dovecot: DovecotServer) -> None:
    acct = account(dovecot, username=dovecot.thai_user)
    with ImapMailbox(acct, dovecot.thai_password) as box:
        assert box.select("INBOX")[0] > 0
    with pytest.raises(MailboxAuthFailed):
        ImapMailbox(acct, "รหัสผิด").open()


def test_password_from_the_keyring(dovecot: DovecotServer) -> None:
    from services.settings.sections import IMAP_SECRET
    from services.store.keys import store_secret

    with pytest.raises(MailboxAuthFailed) as caught:
        ImapMailbox.from_keyring(account(dovecot), IMAP_SECRET)
    assert caught.value.code == "mailbox_no_password"
    store_secret(IMAP_SECRET, dovecot.password)
    with ImapMailbox.from_keyring(account(dovecot), IMAP_SECRET) as box:
        assert box.select("INBOX")[0] > 0


# --- TLS --------------------------------------------------------------------------------


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_verifies_the_certificate(dovecot: DovecotServer, security: str) -> None:
    port = dovecot.tls_port if security == "tls" else dovecot.port
    uid = dovecot.append("INBOX", message(1))
    trusted = account(dovecot, security=security, port=port, cafile=str(dovecot.cafile))
    with ImapMailbox(trusted, dovecot.password) as box:
        (batch,) = fetch_all(box, "INBOX", None)
        assert batch[0].uid == str(uid)
    # Without the agency CA the certificate is not trusted: refused before any password.
    untrusted = account(dovecot, security=security, port=port)
    with pytest.raises(MailboxUnavailable) as caught:
        ImapMailbox(untrusted, dovecot.password).open()
    assert caught.value.code == "mailbox_certificate"
    assert "certificate" in caught.value.en


# --- waiting for mail -------------------------------------------------------------------


def test_idle_wakes_on_mail_from_another_connection(dovecot: DovecotServer) -> None:
    dovecot.append("INBOX", message(1))
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        assert box.supports_idle()
        (first,) = fetch_all(box, "INBOX", None)
        timer = threading.Timer(0.3, dovecot.append, ("INBOX", message(2)))
        timer.start()
        started = time.monotonic()
        try:
            assert box.idle("INBOX", 10) is True
        finally:
            timer.join()
        assert time.monotonic() - started < 5
        # The connection is in step after DONE: the new mail is fetched normally.
        (second,) = fetch_all(box, "INBOX", first.cursor)
        assert [m.data for m in second] == [message(2)]


def test_idle_times_out_without_mail(dovecot: DovecotServer) -> None:
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        list(box.fetch_new("INBOX", None))
        started = time.monotonic()
        assert box.idle("INBOX", 0.8) is False
        assert 0.7 < time.monotonic() - started < 3
        assert box.select("INBOX")[0] > 0  # still usable


def test_idle_reports_mail_that_came_since_the_last_fetch(dovecot: DovecotServer) -> None:
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        list(box.fetch_new("INBOX", None))
        dovecot.append("INBOX", message(1))  # between the fetch and the wait
        started = time.monotonic()
        assert box.idle("INBOX", 10) is True
        assert time.monotonic() - started < 1


def test_idle_on_a_server_that_goes_away(dovecot: DovecotServer) -> None:
    with ImapMailbox(account(dovecot, timeout_s=2), dovecot.password) as box:
        list(box.fetch_new("INBOX", None))
        timer = threading.Timer(0.3, dovecot.stop)
        timer.start()
        try:
            with pytest.raises(MailboxUnavailable):
                box.idle("INBOX", 10)
        finally:
            timer.join()


def test_interrupt_ends_idle_at_once(dovecot: DovecotServer) -> None:
    """Closing the app must not wait for a 29-minute IDLE."""
    with ImapMailbox(account(dovecot), dovecot.password) as box:
        list(box.fetch_new("INBOX", None))
        timer = threading.Timer(0.3, box.interrupt)
        timer.start()
        started = time.monotonic()
        try:
            assert box.idle("INBOX", 60) is False
        finally:
            timer.join()
        assert time.monotonic() - started < 3
        dovecot.append("INBOX", message(1))
        assert len(fetch_all(box, "INBOX", None)[0]) == 1  # reconnects by itself
