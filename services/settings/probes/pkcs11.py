"""Test the signing module: load the PKCS#11 library, list its slots and tokens.

No PIN is asked and no session is opened: this proves the driver is the right one for this
computer (64-bit, loadable) and sees the token, not that the officer can sign.
The library stays loaded afterwards (signing uses the same one; unloading a library another
part of the program holds would break it).
"""

from __future__ import annotations

import logging
from pathlib import Path

from services.settings.probes.result import ProbeResult

__all__ = ["SIGNING", "probe_pkcs11"]

log = logging.getLogger(__name__)

SIGNING = ("ไลบรารีโทเคนลงลายมือชื่อ (PKCS#11)", "signing token library (PKCS#11)")


def probe_pkcs11(value: str) -> ProbeResult:
    """Load the library at ``value`` and say which slots and tokens it sees."""
    if not value.strip():
        return ProbeResult(
            False,
            "ยังไม่ได้ระบุไลบรารี PKCS#11 — ใส่เส้นทางของไดรเวอร์โทเคน (เช่น "
            "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so) ซึ่งใช้เฉพาะเครื่องของผู้อนุมัติ",
            "No PKCS#11 library is set. Enter the token driver's path (e.g. "
            "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so); only the approver's station needs it.",
        )
    path = Path(value).expanduser()
    if not path.is_file():
        return ProbeResult(
            False,
            f"ไม่พบไฟล์ {path} — ติดตั้งไดรเวอร์ของโทเคน หรือแก้เส้นทางให้ถูกต้อง",
            f"The file {path} was not found. Install the token's driver, or correct the path.",
        )
    import pkcs11  # the token library is needed only here and on the signing station

    try:
        library = pkcs11.lib(str(path))
        slots = library.get_slots()
        tokens = []
        for slot in slots:
            if pkcs11.SlotFlag.TOKEN_PRESENT not in slot.flags:
                continue
            token = slot.get_token()
            # A blank token (SoftHSM keeps one spare, a new card has one) cannot sign.
            if pkcs11.TokenFlag.TOKEN_INITIALIZED in token.flags:
                tokens.append(token.label.strip() or "(no label)")
        maker = f"{library.manufacturer_id.strip()} {library.library_description.strip()}"
    except Exception as exc:  # a library that is not PKCS#11, or fails to start
        log.info("PKCS#11 library %s did not load: %r", path, exc)
        return ProbeResult(
            False,
            f"โหลด {path.name} เป็นไลบรารี PKCS#11 ไม่ได้ — ตรวจสอบว่าเป็นไดรเวอร์ของโทเคนรุ่นที่ใช้ "
            "สำหรับระบบ 64 บิต แล้วติดตั้งใหม่",
            f"{path.name} could not be loaded as a PKCS#11 library. Check that it is the "
            "64-bit driver of the token you use, and reinstall it.",
            reply=str(exc)[:300],
        )
    if not tokens:
        return ProbeResult(
            False,
            f"โหลดไลบรารีได้ ({maker}) มี {len(slots)} ช่อง แต่ไม่พบโทเคน — เสียบโทเคนแล้วทดสอบอีกครั้ง",
            f"The library loads ({maker}) with {len(slots)} slots, but no token is present. "
            "Plug the token in and test again.",
        )
    names = ", ".join(tokens)
    return ProbeResult(
        True,
        f"ใช้ได้: โหลดไลบรารีได้ ({maker}) มี {len(slots)} ช่อง พบโทเคน: {names}",
        f"Works: the library loads ({maker}) with {len(slots)} slots; tokens found: {names}.",
    )
