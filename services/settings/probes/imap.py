"""Test the mailbox settings: reach the server, secure the link, sign in, find the folders.

Uses the intake's own connection (:class:`~services.intake.mail.imap.connection.
ImapConnection`): the same TLS rules, the same sign-in, so a test that passes means the
sync will get in too. Nothing in the mailbox is changed (no folder is created, no message
is read).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.intake.mail.imap import ImapAccount
from services.intake.mail.imap.connection import ImapConnection
from services.intake.mail.sources import MailboxAuthFailed, MailFolderMissing
from services.settings.probes.network import missing_cafile, unreachable
from services.settings.probes.result import ProbeResult

__all__ = ["MAILBOX", "probe_imap"]

MAILBOX = ("เซิร์ฟเวอร์อีเมลขาเข้า (IMAP)", "mail server (IMAP)")


def probe_imap(values: Mapping[str, Any], password: str | None, timeout: float) -> ProbeResult:
    """Sign in with ``values`` (the form's, saved or not) and ``password``."""
    host = str(values.get("imap_host", "")).strip()
    if not host:
        return ProbeResult(
            False,
            "ยังไม่ได้ระบุเซิร์ฟเวอร์ IMAP — ตอนนี้โปรแกรมอ่านอีเมลจากโฟลเดอร์ Maildir ในเครื่อง "
            "ใส่ชื่อเซิร์ฟเวอร์ของกล่องจดหมายราชการแล้วทดสอบอีกครั้ง",
            "No IMAP server is set: mail is read from the local Maildir folder. Enter the "
            "official mailbox's server and test again.",
        )
    account = ImapAccount(
        host=host,
        port=int(values["imap_port"]),
        username=str(values.get("imap_user", "")),
        security=values["imap_security"],
        folders=tuple(values.get("imap_folders") or ("INBOX",)),
        timeout_s=timeout,
        cafile=str(values.get("imap_cafile", "")).strip() or None,
    )
    bad_ca = missing_cafile(str(values.get("imap_cafile", "")))
    if bad_ca is not None:
        return bad_ca
    if not password:
        return ProbeResult(
            False,
            "ยังไม่มีรหัสผ่านของกล่องจดหมาย — พิมพ์รหัสผ่านในช่องรหัสผ่านแล้วทดสอบอีกครั้ง",
            "There is no mailbox password yet. Type it in the password field and test again.",
        )
    problem = unreachable(host, account.port, timeout, MAILBOX)
    if problem is not None:
        return problem
    connection = ImapConnection(account, password)
    try:
        try:
            connection.open()
        except MailboxAuthFailed as exc:
            said = f" (เซิร์ฟเวอร์ตอบว่า: {exc.reply})" if exc.reply else ""
            said_en = f" The server answered: {exc.reply}" if exc.reply else ""
            return ProbeResult(
                False,
                f"เซิร์ฟเวอร์ {host} ไม่ยอมให้ {account.username} เข้าสู่ระบบ{said} — "
                "ตรวจสอบชื่อผู้ใช้และรหัสผ่าน (พิมพ์รหัสผ่านใหม่ในช่องรหัสผ่าน) แล้วทดสอบอีกครั้ง",
                f"The server {host} refused the sign-in of {account.username}.{said_en} "
                "Check the user name and password (type the password again), then test again.",
                reply=exc.reply or "",
            )
        capabilities = connection.capabilities
        folders = connection.folder_names()
        missing = []
        for folder in account.folders:
            try:
                connection.select(folder)
            except MailFolderMissing:
                missing.append(folder)
    finally:
        connection.close()
    facts = " ".join(sorted(c for c in capabilities if c in _WORTH_NAMING))
    if missing:
        names = ", ".join(missing)
        return ProbeResult(
            False,
            f"เข้าสู่ระบบได้ แต่ไม่พบโฟลเดอร์ที่ติดตาม: {names} (กล่องจดหมายมี {len(folders)} โฟลเดอร์) "
            "— แก้รายชื่อโฟลเดอร์ให้ตรงกับในกล่องจดหมาย",
            f"Signed in, but the folders to watch are missing: {names} (the mailbox has "
            f"{_folders(len(folders))}). Correct the folder names to match the mailbox.",
            reply=f"CAPABILITY {facts}" if facts else "",
        )
    return ProbeResult(
        True,
        f"เชื่อมต่อสำเร็จ: เข้าสู่ระบบ {account.username} ที่ {host} ได้ กล่องจดหมายมี "
        f"{len(folders)} โฟลเดอร์ และพบโฟลเดอร์ที่ติดตามครบ",
        f"Connected: signed in as {account.username} at {host}; the mailbox has "
        f"{_folders(len(folders))} and every folder to watch is there.",
        reply=f"CAPABILITY {facts}" if facts else "",
    )


# The capabilities an administrator may care about (the full list is long and technical).
_WORTH_NAMING = frozenset({"IMAP4REV1", "IMAP4REV2", "IDLE", "MOVE", "UIDPLUS", "UTF8=ACCEPT"})


def _folders(count: int) -> str:
    return f"{count} folder" if count == 1 else f"{count} folders"
