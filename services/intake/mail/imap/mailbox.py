"""The mailbox: fetching by UID under UIDVALIDITY, marking after commit, waiting for news."""

from __future__ import annotations

import contextlib
import imaplib
import logging
import socket
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from services.intake.mail.imap.account import ImapAccount
from services.intake.mail.imap.actions import after_action, read_only_error, uid_number
from services.intake.mail.imap.batching import plan_batches, uid_set
from services.intake.mail.imap.connection import ImapConnection
from services.intake.mail.imap.idle import IDLE_MAX_S, idle_exchange
from services.intake.mail.imap.responses import (
    SIZE_ITEM,
    UID_ITEM,
    body_of,
    fetch_items,
    parse_internaldate,
    response_text,
)
from services.intake.mail.sources import (
    PROCESSED_KEYWORD,
    FolderCursor,
    MailBatch,
    MailboxUnavailable,
)
from services.intake.types import RawMail

log = logging.getLogger(__name__)


class ImapMailbox(ImapConnection):
    """One IMAP account as a mail source (``with ImapMailbox(account, pw) as box: ...``).

    Calls re-connect on their own after a failure, so a retry loop can simply call
    again after :class:`MailboxUnavailable`.
    """

    def __init__(self, account: ImapAccount, password: str) -> None:
        super().__init__(account, password)
        self._fetched_uidnext: dict[str, int] = {}
        self._idle_tags = 0
        self._interrupted = threading.Event()

    # -- fetching --------------------------------------------------------------------------

    def fetch_new(self, folder: str, cursor: FolderCursor | None) -> Iterator[MailBatch]:
        """Batches of the messages with UID > ``cursor.last_uid``, ascending.

        A cursor from another UIDVALIDITY is void: the fetch starts from UID 0 and
        every batch says ``restarted``. Nothing yields when nothing is new.
        """
        selected = self._select(folder)
        uidvalidity = selected.uidvalidity
        restarted = cursor is not None and cursor.uidvalidity != uidvalidity
        after = cursor.last_uid if cursor is not None and not restarted else 0
        if restarted:
            log.warning(
                "%s/%s: UIDVALIDITY changed (%s → %s); reading the folder again from the start",
                self.account.label,
                folder,
                cursor.uidvalidity if cursor else None,
                uidvalidity,
            )
        self._fetched_uidnext[folder] = selected.uidnext
        if selected.exists == 0 or (selected.uidnext and selected.uidnext <= after + 1):
            return
        sizes = self._sizes_after(folder, after)
        if not sizes:
            return
        self._fetched_uidnext[folder] = max(selected.uidnext, sizes[-1][0] + 1)
        plan = plan_batches(sizes, self.account.batch_size, self.account.batch_max_bytes)
        done = 0
        for uids in plan:
            mails = self._fetch_bodies(folder, uidvalidity, uids)
            if mails is None:  # UIDVALIDITY changed under us: the rest of the plan is void
                return
            done += len(uids)
            yield MailBatch(
                mails,
                cursor=FolderCursor(uidvalidity, uids[-1]),
                restarted=restarted,
                done=done,
                total=len(sizes),
            )

    def _reselect(self, folder: str, uidvalidity: int) -> bool:
        """Make ``folder`` the selected one again; False when its UIDVALIDITY changed."""
        if self._conn is not None and self._selected is not None:
            if self._selected.folder == folder:
                return self._selected.uidvalidity == uidvalidity
        return self._select(folder).uidvalidity == uidvalidity

    def _sizes_after(self, folder: str, after: int) -> list[tuple[int, int]]:
        """``(uid, size)`` of every message with UID > ``after``, ascending."""
        conn = self._ensure()
        with self._guard(f"UID FETCH sizes {folder}"):
            typ, data = conn.uid("FETCH", f"{after + 1}:*", "(UID RFC822.SIZE)")
            if typ != "OK":
                raise MailboxUnavailable(
                    detail=f"UID FETCH {after + 1}:* {typ} {response_text(data)}"
                )
        sizes: dict[int, int] = {}
        for item in fetch_items(data):
            uid_m, size_m = UID_ITEM.search(item.text), SIZE_ITEM.search(item.text)
            # "n:*" always includes the highest message, even when its UID ≤ after.
            if uid_m and size_m and int(uid_m.group(1)) > after:
                sizes[int(uid_m.group(1))] = int(size_m.group(1))
        return sorted(sizes.items())

    def _fetch_bodies(self, folder: str, uidvalidity: int, uids: list[int]) -> list[RawMail] | None:
        if not self._reselect(folder, uidvalidity):
            return None
        conn = self._ensure()
        source = self.folder_source(folder)
        wanted = set(uids)
        found: dict[int, RawMail] = {}
        with self._guard(f"UID FETCH bodies {folder}"):
            typ, data = conn.uid("FETCH", uid_set(uids), "(UID INTERNALDATE BODY.PEEK[])")
            if typ != "OK":
                raise MailboxUnavailable(
                    detail=f"UID FETCH {uid_set(uids)}: {typ} {response_text(data)}"
                )
            for item in fetch_items(data):
                uid_m = UID_ITEM.search(item.text)
                if uid_m is None or int(uid_m.group(1)) not in wanted:
                    continue  # an unsolicited FETCH (flags changed by another client)
                uid = int(uid_m.group(1))
                body = body_of(item)
                if body is None:
                    continue
                when = parse_internaldate(item.text)
                if when is None:
                    log.warning("%s/%s UID %s: no INTERNALDATE; using now", source, folder, uid)
                    when = datetime.now(UTC)
                found[uid] = RawMail(source=source, uid=str(uid), internal_date=when, data=body)
            missing = sorted(wanted - set(found))
            if missing:
                self._check_gone(conn, missing)
        return [found[uid] for uid in uids if uid in found]

    def _check_gone(self, conn: imaplib.IMAP4, missing: list[int]) -> None:
        """Skipping a UID is right only when the message was expunged; else retry later."""
        typ, data = conn.uid("SEARCH", "UID", uid_set(missing))
        still = {
            int(n) for d in data if isinstance(d, bytes) for n in d.split() if n.isdigit()
        } & set(missing)
        if typ != "OK" or still:
            raise MailboxUnavailable(
                detail=f"server returned no body for existing UIDs {sorted(still)[:20]} ({typ})"
            )
        log.info("%s: UIDs %s were expunged before they could be read", self.name, missing[:20])

    # -- after-processing --------------------------------------------------------------------

    def mark_processed(
        self, folder: str, uids: Sequence[str], *, uidvalidity: int | None = None
    ) -> bool:
        """Flag or move the committed messages ``uids`` of ``folder`` as configured.

        ``flag`` sets the keyword ``$AnuyatProcessed`` (``\\Flagged`` when the server
        accepts no new keywords). ``move`` uses UID MOVE, else COPY + ``\\Deleted`` +
        UID EXPUNGE of exactly these UIDs (without UIDPLUS the copies are left marked
        ``\\Deleted`` rather than expunging anything else). Repeating it is harmless.
        """
        action = self.account.after
        if action == "none" or not uids:
            return True
        numbers = sorted({uid_number(u) for u in uids})
        selected = self._select(folder)
        if uidvalidity is not None and uidvalidity != selected.uidvalidity:
            log.warning(
                "%s/%s: not marking %d messages, UIDVALIDITY is now %s (was %s)",
                self.name,
                folder,
                len(numbers),
                selected.uidvalidity,
                uidvalidity,
            )
            return False
        if selected.read_only:
            raise read_only_error(self.name, folder)
        conn = self._ensure()
        with self._guard(f"{action} {folder}"):
            target = self._ensure_folder(conn, self.account.move_to) if action == "move" else ""
            keyword = PROCESSED_KEYWORD if selected.keywords_ok else "\\Flagged"
            after_action(conn, action, numbers, keyword=keyword, target=target, caps=self._caps)
        return True

    # -- waiting for news --------------------------------------------------------------------

    def supports_idle(self) -> bool:
        """Whether the server announces IDLE (connects if needed)."""
        self._ensure()
        return "IDLE" in self._caps

    def idle(self, folder: str, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` (at most 29 min) for new mail in ``folder``.

        True when the server reported new messages, or when mail has arrived since
        the last :meth:`fetch_new` of this folder (returns at once then). Without
        IDLE on the server it waits and compares UIDNEXT: polling, same answer.
        False on timeout or after :meth:`interrupt`.
        """
        if self._interrupted.is_set():
            self._interrupted.clear()
            return False
        selected = self._select(folder)
        known = self._fetched_uidnext.get(folder)
        if known is not None and selected.uidnext > known:
            return True
        wait = max(0.0, min(timeout_s, IDLE_MAX_S))
        if "IDLE" not in self._caps:
            if self._interrupted.wait(wait):
                self._interrupted.clear()
                return False
            self._selected = None
            return self._select(folder).uidnext > selected.uidnext
        conn = self._ensure()
        try:
            with self._guard(f"IDLE {folder}"):
                sock = conn.socket()
                previous_timeout = sock.gettimeout()
                try:
                    return self._idle_exchange(conn, sock, selected.exists, wait)
                finally:
                    if self._conn is conn:
                        sock.settimeout(previous_timeout)
        except MailboxUnavailable:
            if self._interrupted.is_set():  # our own interrupt() cut the connection
                self._interrupted.clear()
                return False
            raise

    def interrupt(self) -> None:
        """From another thread: make a running :meth:`idle` return False now (app closing).

        The connection is cut to wake the waiting read; the next call reconnects.
        """
        self._interrupted.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(OSError, AttributeError):
                conn.socket().shutdown(socket.SHUT_RDWR)

    def _idle_exchange(
        self, conn: imaplib.IMAP4, sock: socket.socket, exists: int, wait: float
    ) -> bool:
        self._idle_tags += 1
        tag = b"ANYIDLE%d" % self._idle_tags
        news, exists, leftover = idle_exchange(
            conn, sock, tag, exists, wait=wait, timeout_s=self.account.timeout_s
        )
        if leftover:  # bytes imaplib will never see: start afresh next time
            self._drop()
        elif self._selected is not None:
            self._selected.exists = exists
        return news
