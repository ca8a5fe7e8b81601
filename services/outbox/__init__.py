"""The outbox: mail to applicants, queued with the decision behind it, sent when SMTP answers.

Queueing
    :func:`queue_message` adds a row (status ``queued``) and an ``outbox.queued`` event in the
    caller's unit of work, so a message exists exactly when the decision behind it was
    committed. Nothing touches the network there.

Sending
    :func:`send_due` takes the due rows oldest first and hands each to a :class:`Transport`:
    :class:`SmtpTransport` (the agency's server) or :class:`MaildirTransport` (a local "sent"
    Maildir: the demo, when no SMTP server is configured). Each outcome commits in its own
    unit of work:

    * accepted → ``sent`` (event ``outbox.sent``);
    * the server cannot be reached, answers 421, or refuses the login → the message backs off
      (1, 2, 4 … minutes, at most :data:`BACKOFF_CAP`) and the run stops: the link is down,
      so every other due message is held until that same moment instead of each one knocking
      on a dead link in turn (event ``outbox.deferred``). When the link returns, the held
      messages go out together, oldest first;
    * a temporary refusal of this one message (4xx such as greylisting) → that message backs
      off and the run goes on;
    * a permanent refusal (5xx) or an attachment that cannot be read → ``failed`` with the
      reason in both languages (event ``outbox.failed``). Officers see these in
      :func:`failed_messages` and may :func:`requeue_message` once the cause is fixed.

Delivery guarantee: at least once, never silently lost
    The row is committed before any attempt and marked ``sent`` only after the server has
    accepted the message. A crash (power cut, killed process) between the server's acceptance
    and that commit leaves the row ``queued``; after a restart it is sent again with the
    **same Message-ID** once its claim (:data:`CLAIM_LEASE`) has run out. A recipient may
    therefore, rarely, get a message twice; mail clients and :class:`MaildirTransport`
    de-duplicate by Message-ID. A message is never lost while the database survives.

    Before each attempt a row is *claimed*: its ``next_attempt_at`` moves one lease ahead in a
    committed, conditional update. Two runs at once (the background loop and a "send now"
    click) therefore never send the same row together.

Mail format
    UTF-8 throughout and 7-bit clean on the wire: RFC 2047 encoded Subject and display names,
    RFC 2231 attachment names, base64 Thai text, ``Content-Language: th``, a Message-ID on the
    agency's domain, ``Date`` in Bangkok time (the moment of the decision), ``Auto-Submitted``
    (RFC 3834): ``auto-replied`` on acknowledgements and answers to status enquiries,
    ``auto-generated`` on other automatic notices. Thai-script addresses (EAI, such as
    ``สมชาย@ตัวอย่าง.ไทย``) go out with SMTPUTF8 when the server offers it; a Thai domain after an
    ASCII name is written as its IDNA A-label (``xn--…``) and needs nothing special.

    The envelope sender is the official address, not the null sender RFC 3834 suggests for
    automatic replies: submission servers commonly refuse ``MAIL FROM:<>`` from an
    authenticated account, and bounces must reach the agency's mailbox so an officer learns
    that an applicant's address does not work. ``Auto-Submitted`` and
    ``X-Auto-Response-Suppress`` stop auto-reply loops instead.

Secrets and personal data
    The SMTP password comes from the keyring (:data:`SMTP_PASSWORD_SECRET`) through the
    caller and is never logged or shown in ``repr``. Events carry no body text. The demo's
    Maildir holds plain messages, as an SMTP server would receive them: do not point it at
    real applicants' mail.

Modules
    ``queue`` (queueing, requeue), ``claims`` (lease, back-off, the outcome on the row),
    ``send`` (the run), ``compose`` (the MIME message), ``addresses`` (addresses,
    Message-IDs), ``smtp`` and ``maildir`` (the transports), ``views`` (the read side),
    ``errors``.
"""

from services.outbox.addresses import check_address, make_message_id
from services.outbox.claims import BACKOFF_BASE, BACKOFF_CAP, CLAIM_LEASE, backoff_delay
from services.outbox.compose import (
    MAIL_POLICY,
    BlobReader,
    Sender,
    build_email,
    message_bytes,
    official_sender,
)
from services.outbox.errors import (
    DeliveryDeferred,
    RecipientRefused,
    TemporaryFailure,
    TransportUnavailable,
)
from services.outbox.maildir import MaildirTransport
from services.outbox.queue import (
    AUTO_SUBMITTED_VALUES,
    OutgoingAttachment,
    queue_message,
    requeue_message,
)
from services.outbox.send import SendReport, Transport, send_due
from services.outbox.smtp import SMTP_PASSWORD_SECRET, SmtpSettings, SmtpTransport
from services.outbox.views import OutboxRow, failed_messages, outbox_summary, sent_log

__all__ = [
    "AUTO_SUBMITTED_VALUES",
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "CLAIM_LEASE",
    "MAIL_POLICY",
    "SMTP_PASSWORD_SECRET",
    "BlobReader",
    "DeliveryDeferred",
    "MaildirTransport",
    "OutboxRow",
    "OutgoingAttachment",
    "RecipientRefused",
    "SendReport",
    "Sender",
    "SmtpSettings",
    "SmtpTransport",
    "TemporaryFailure",
    "Transport",
    "TransportUnavailable",
    "backoff_delay",
    "build_email",
    "check_address",
    "failed_messages",
    "make_message_id",
    "message_bytes",
    "official_sender",
    "outbox_summary",
    "queue_message",
    "requeue_message",
    "send_due",
    "sent_log",
]
