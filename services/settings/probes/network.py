"""Can this computer reach a server at all? Said precisely before any sign-in is tried."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

from services.settings.probes.result import ProbeResult

__all__ = ["missing_cafile", "unreachable"]


def unreachable(host: str, port: int, timeout: float, what: tuple[str, str]) -> ProbeResult | None:
    """``None`` when ``host:port`` takes a TCP connection; else why not, and what to do."""
    where = f"{host}:{port}"
    try:
        connection = socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror as exc:
        return ProbeResult(
            False,
            f"ไม่พบเครื่องชื่อ {host} ในเครือข่าย — ตรวจสอบการสะกดชื่อ{what[0]} "
            "หรือถามผู้ดูแลระบบไอทีว่าชื่อที่ถูกคืออะไร",
            f"No computer named {host} was found on the network. Check the spelling of the "
            f"{what[1]}'s name, or ask your IT administrator for the right one.",
            reply=exc.strerror or "",
        )
    except ConnectionRefusedError:
        return ProbeResult(
            False,
            f"{host} ปฏิเสธการเชื่อมต่อที่พอร์ต {port} (ไม่มีบริการรออยู่) — ตรวจสอบหมายเลขพอร์ต "
            f"และการเลือก TLS/STARTTLS หรือถามผู้ดูแลระบบไอทีว่า{what[0]}ทำงานอยู่หรือไม่",
            f"{host} refused the connection on port {port} (nothing listens there). Check the "
            f"port and the TLS/STARTTLS choice, or ask IT whether the {what[1]} is running.",
        )
    except TimeoutError:
        return ProbeResult(
            False,
            f"{where} ไม่ตอบภายใน {timeout:g} วินาที — อาจมีไฟร์วอลล์กั้น หรือเครือข่ายขัดข้อง "
            "ลองอีกครั้ง หรือถามผู้ดูแลระบบไอที",
            f"{where} did not answer within {timeout:g} seconds: a firewall may be in the way, "
            "or the network is down. Try again, or ask your IT administrator.",
        )
    except OSError as exc:
        return ProbeResult(
            False,
            f"เชื่อมต่อ {where} ไม่ได้ — ตรวจสอบการเชื่อมต่อเครือข่ายของเครื่องนี้",
            f"Cannot connect to {where}. Check this computer's network connection.",
            reply=exc.strerror or str(exc),
        )
    with contextlib.suppress(OSError):
        connection.close()
    return None


def missing_cafile(value: str) -> ProbeResult | None:
    """``None`` when no CA file is named or it is a readable file; else what to fix."""
    if not value.strip():
        return None
    path = Path(value).expanduser()
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError:
        return ProbeResult(
            False,
            f"อ่านไฟล์ใบรับรอง (CA) {path} ไม่ได้ — ตรวจสอบเส้นทาง หรือเว้นว่างเพื่อใช้ผู้ออกใบรับรองที่ระบบเชื่อถือ",
            f"The CA certificate file {path} cannot be read. Check the path, or leave it empty "
            "to use the authorities the system trusts.",
        )
    if "BEGIN CERTIFICATE" not in text:
        return ProbeResult(
            False,
            f"{path} ไม่ใช่ใบรับรองแบบ PEM (ต้องมี BEGIN CERTIFICATE) — ขอไฟล์ที่ถูกต้องจากผู้ดูแลระบบไอที",
            f"{path} is not a PEM certificate (it has no BEGIN CERTIFICATE). Ask IT for the "
            "right file.",
        )
    return None
