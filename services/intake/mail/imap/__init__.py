"""The agency's official mailbox on an IMAP server, read without side effects.

Sync is by UID under UIDVALIDITY (see :mod:`services.intake.mail.sources` for the
contract). Bodies are fetched with ``BODY.PEEK[]`` so a message is never marked
read by accident; the after-action (flag or move) happens only when the caller
says the message is committed. Batches are bounded by count *and* by bytes, so a
mailbox of large scans never has to fit in memory at once.

Every network failure becomes :class:`~services.intake.mail.sources.MailboxUnavailable`
(the connection is dropped and re-opened by the next call), a refused sign-in
becomes :class:`~services.intake.mail.sources.MailboxAuthFailed`. All socket operations
have a timeout, so a server that dies or freezes mid-fetch cannot hang the sync.

Not thread-safe: one :class:`ImapMailbox` belongs to one worker thread (only
:meth:`ImapMailbox.interrupt` may be called from another one).

Modules: ``account`` (settings), ``connection`` (TLS, sign-in, folders, SELECT), ``mailbox``
(the source: fetch by UID, mark, IDLE), ``batching`` (UID sets, count/byte bounds), ``actions``
(flag or move after commit), ``idle`` (RFC 2177 on the raw socket), ``names`` (modified
UTF-7), ``responses`` (parsing what imaplib hands back).
"""

from services.intake.mail.imap.account import AfterAction, ImapAccount, Security, is_loopback_host
from services.intake.mail.imap.mailbox import ImapMailbox
from services.intake.mail.imap.names import decode_mailbox_name, encode_mailbox_name

__all__ = [
    "Security",
    "AfterAction",
    "ImapAccount",
    "ImapMailbox",
    "is_loopback_host",
    "encode_mailbox_name",
    "decode_mailbox_name",
]
