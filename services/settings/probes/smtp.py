"""Test the SMTP settings: reach the server, secure the link, sign in; nothing is sent.

Uses the outbox's own transport (:meth:`services.outbox.smtp.SmtpTransport.check`), so the
same TLS rules apply as when letters go out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.outbox.errors import TemporaryFailure
from services.outbox.smtp import SmtpSettings
from services.settings.probes.network import missing_cafile, unreachable
from services.settings.probes.result import ProbeResult

__all__ = ["SMTP", "probe_smtp"]

SMTP = ("เซิร์ฟเวอร์ส่งอีเมล (SMTP)", "mail server (SMTP)")


def probe_smtp(values: Mapping[str, Any], password: str | None, timeout: float) -> ProbeResult:
    """Connect and sign in with ``values`` (the form's, saved or not) and ``password``."""
    host = str(values.get("smtp_host", "")).strip()
    if not host:
        return ProbeResult(
            False,
            "ยังไม่ได้ระบุเซิร์ฟเวอร์ SMTP — ตอนนี้อีเมลขาออกถูกเก็บไว้ในโฟลเดอร์ sent ในเครื่อง "
            "ไม่ได้ส่งออกไปจริง ใส่ชื่อเซิร์ฟเวอร์แล้วทดสอบอีกครั้ง",
            "No SMTP server is set: outgoing mail is kept in the local 'sent' folder and not "
            "really sent. Enter the server and test again.",
        )
    username = str(values.get("smtp_user", "")).strip() or None
    if username and not password:
        return ProbeResult(
            False,
            "ยังไม่มีรหัสผ่าน SMTP — พิมพ์รหัสผ่านในช่องรหัสผ่านแล้วทดสอบอีกครั้ง",
            "There is no SMTP password yet. Type it in the password field and test again.",
        )
    settings = SmtpSettings(
        host=host,
        port=int(values["smtp_port"]),
        security=values["smtp_security"],
        username=username,
        timeout_s=timeout,
        cafile=str(values.get("smtp_cafile", "")).strip() or None,
    )
    bad_ca = missing_cafile(str(values.get("smtp_cafile", "")))
    if bad_ca is not None:
        return bad_ca
    problem = unreachable(host, settings.port, timeout, SMTP)
    if problem is not None:
        return problem
    try:
        extensions = settings.transport(password).check()
    except TemporaryFailure as exc:
        if exc.reply and exc.reply.startswith("53"):  # 530/534/535: the login was refused
            return ProbeResult(
                False,
                f"เซิร์ฟเวอร์ {host}:{settings.port} ไม่ยอมให้ {username} เข้าสู่ระบบ "
                f"(เซิร์ฟเวอร์ตอบว่า: {exc.reply}) — ตรวจสอบชื่อผู้ใช้และรหัสผ่าน "
                "(พิมพ์รหัสผ่านใหม่ในช่องรหัสผ่าน) แล้วทดสอบอีกครั้ง",
                f"The server {host}:{settings.port} refused the sign-in of {username}. The "
                f"server answered: {exc.reply}. Check the user name and password (type the "
                "password again), then test again.",
                reply=exc.reply,
            )
        said = f" (เซิร์ฟเวอร์ตอบว่า: {exc.reply})" if exc.reply else ""
        said_en = f" The server answered: {exc.reply}" if exc.reply else ""
        return ProbeResult(False, exc.th + said, exc.en + said_en, reply=exc.reply or "")
    who = f" เข้าสู่ระบบเป็น {username} ได้" if username else " (ไม่ต้องเข้าสู่ระบบ)"
    who_en = f", signed in as {username}" if username else " (no sign-in needed)"
    return ProbeResult(
        True,
        f"เชื่อมต่อสำเร็จ: {host}:{settings.port}{who} — ยังไม่ได้ส่งอีเมลใด ๆ",
        f"Connected: {host}:{settings.port}{who_en}. Nothing was sent.",
        reply="EHLO " + " ".join(extensions) if extensions else "",
    )
