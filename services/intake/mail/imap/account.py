"""What one IMAP mailbox is: its settings, checked when made, and which hosts may go plain."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal

from services.kernel.errors import InvalidInput

Security = Literal["tls", "starttls", "plain"]
AfterAction = Literal["none", "flag", "move"]


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1`` (the only hosts plain IMAP may use)."""
    name = host.strip().rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def invalid_settings(th: str, en: str, detail: str) -> InvalidInput:
    return InvalidInput(th, en, detail=detail, code="invalid_mail_settings")


@dataclass(frozen=True)
class ImapAccount:
    """Settings of one IMAP mailbox; the password is not here (it lives in the keyring)."""

    host: str
    """Server name as on its certificate, e.g. ``mail.agency.go.th``."""
    port: int
    """993 for TLS, 143 for STARTTLS."""
    username: str
    """The login, usually the official address."""
    security: Security
    """``tls`` (implicit TLS), ``starttls``, or ``plain`` (only to a loopback address)."""
    folders: tuple[str, ...] = ("INBOX",)
    """Folders to watch; ``/`` separates levels whatever the server's own separator."""
    after: AfterAction = "flag"
    """After a message is committed: ``none``, ``flag`` (keyword ``$AnuyatProcessed``,
    or ``\\Flagged`` when the server allows no keywords) or ``move`` (to ``move_to``)."""
    move_to: str = "Anuyat/Processed"
    """Folder for ``after="move"``; created when missing."""
    batch_size: int = 50
    """Most messages per fetch round trip (and per batch handed to the caller)."""
    timeout_s: float = 30
    """Socket timeout for every network operation."""
    batch_max_bytes: int = 64 * 1024 * 1024
    """Most message bytes per batch (a single larger message still comes, alone)."""
    cafile: str | None = None
    """Extra CA certificates (PEM) to trust, e.g. the agency's own CA; verification stays on."""

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise invalid_settings(
                "ยังไม่ได้ระบุเซิร์ฟเวอร์อีเมล (IMAP) ในหน้าตั้งค่า",
                "No IMAP server is set in Settings.",
                "empty host",
            )
        if not 0 < self.port < 65536:
            raise invalid_settings(
                f"หมายเลขพอร์ตของเซิร์ฟเวอร์อีเมลไม่ถูกต้อง ({self.port})",
                f"The IMAP port is not valid ({self.port}).",
                f"port={self.port}",
            )
        if not self.username.strip():
            raise invalid_settings(
                "ยังไม่ได้ระบุชื่อผู้ใช้ของกล่องจดหมายในหน้าตั้งค่า",
                "No mailbox user name is set in Settings.",
                "empty username",
            )
        if self.security not in ("tls", "starttls", "plain"):
            raise invalid_settings(
                "รูปแบบการเชื่อมต่อต้องเป็น TLS, STARTTLS หรือ plain",
                "The connection security must be TLS, STARTTLS or plain.",
                f"security={self.security!r}",
            )
        if self.security == "plain" and not is_loopback_host(self.host):
            raise InvalidInput(
                "รหัสผ่านต้องไม่ถูกส่งผ่านเครือข่ายโดยไม่เข้ารหัส โปรดเลือกการเชื่อมต่อแบบ TLS หรือ STARTTLS",
                "Passwords must not cross the network in clear text; use TLS or STARTTLS.",
                detail=f"plain IMAP refused for non-loopback host {self.host!r}",
                code="insecure_connection",
            )
        if not self.folders or any(not f.strip() for f in self.folders):
            raise invalid_settings(
                "ต้องระบุโฟลเดอร์ที่ติดตามอย่างน้อยหนึ่งโฟลเดอร์ (เช่น INBOX)",
                "At least one folder to watch is needed (e.g. INBOX).",
                f"folders={self.folders!r}",
            )
        if self.after not in ("none", "flag", "move"):
            raise invalid_settings(
                "การจัดการหลังบันทึกต้องเป็น none, flag หรือ move",
                "The after-processing action must be none, flag or move.",
                f"after={self.after!r}",
            )
        if self.after == "move" and (not self.move_to.strip() or self.move_to in self.folders):
            raise invalid_settings(
                "โฟลเดอร์ปลายทางต้องไม่ว่างและต้องไม่ใช่โฟลเดอร์ที่ติดตามอยู่",
                "The folder to move processed mail to must be set and not be a watched folder.",
                f"move_to={self.move_to!r} folders={self.folders!r}",
            )
        if not 1 <= self.batch_size <= 1000:
            raise invalid_settings(
                "จำนวนข้อความต่อรอบต้องอยู่ระหว่าง 1 ถึง 1000",
                "The batch size must be between 1 and 1000.",
                f"batch_size={self.batch_size}",
            )
        if not self.timeout_s > 0 or self.batch_max_bytes < 1:
            raise invalid_settings(
                "ค่าเวลารอหรือขนาดต่อรอบไม่ถูกต้อง",
                "The timeout or batch byte limit is not valid.",
                f"timeout_s={self.timeout_s} batch_max_bytes={self.batch_max_bytes}",
            )

    @property
    def label(self) -> str:
        """``user@host`` for logs and status lines (no secrets)."""
        return f"{self.username}@{self.host}"
