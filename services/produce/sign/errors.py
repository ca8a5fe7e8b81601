"""Every way signing can fail that an approver can see, each with what to do (Thai, English).

The PIN never appears in any of them, nor in ``detail`` (which goes to the log).
"""

from __future__ import annotations

from services.kernel.errors import AnuyatError

__all__ = [
    "CertificateUnusable",
    "PinIncorrect",
    "PinLocked",
    "SignatureTooWeak",
    "SigningFailed",
    "TimestampUnavailable",
    "TokenMissing",
    "TokenModuleUnusable",
    "TokenRemoved",
]


class TokenModuleUnusable(AnuyatError):
    """The PKCS#11 module (the token maker's library) cannot be loaded from the set path."""

    code = "token_module_unusable"

    def __init__(self, path: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"เปิดโปรแกรมขับเคลื่อนโทเคน (PKCS#11) ที่ {path} ไม่ได้ — ตรวจว่าติดตั้งซอฟต์แวร์ของโทเคนแล้ว "
            "และตั้งค่า pkcs11_module ให้ชี้ไปที่ไฟล์ที่ถูกต้อง (เช่น /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so "
            "หรือ C:\\Windows\\System32\\eTPKCS11.dll) แล้วลองใหม่",
            f"The token's PKCS#11 module at {path} cannot be loaded. Check that the token "
            "software is installed and that the pkcs11_module setting points at the right file "
            "(e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so or "
            "C:\\Windows\\System32\\eTPKCS11.dll), then try again.",
            detail=detail,
        )


class TokenMissing(AnuyatError):
    """No token is plugged in (or none with the chosen label)."""

    code = "token_missing"

    def __init__(self, label: str | None = None, *, detail: str | None = None) -> None:
        which = f" “{label}”" if label else ""
        super().__init__(
            f"ไม่พบโทเคนสำหรับลงนาม{which} — เสียบโทเคน USB แล้วรอไฟสัญญาณ จากนั้นลองใหม่",
            f"No signing token{which} was found. Plug in the USB token, wait for its light, "
            "then try again.",
            detail=detail,
        )


class TokenRemoved(AnuyatError):
    """The token went away while signing; what was signed before stays signed."""

    code = "token_removed"

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(
            "การเชื่อมต่อกับโทเคนขาดระหว่างลงนาม (อาจถูกถอดออก) — รายการที่ลงนามแล้วบันทึกไว้ครบถ้วน "
            "รายการที่เหลือยังอยู่ในคิว เสียบโทเคนใหม่แล้วลงนามรายการที่เหลือ",
            "The token was lost while signing (it may have been pulled out). What was signed "
            "is saved; the rest is still in the queue. Plug the token in again and sign the rest.",
            detail=detail,
        )


class PinIncorrect(AnuyatError):
    """A wrong PIN; ``tries_left`` when the token tells (it counts, not the program)."""

    code = "pin_incorrect"

    def __init__(self, tries_hint: str | None = None) -> None:
        th, en = "", ""
        if tries_hint == "final":
            th = " เหลือโอกาสอีกครั้งเดียว หากผิดอีก โทเคนจะถูกล็อก"
            en = " One try is left: another wrong PIN locks the token."
        elif tries_hint == "low":
            th = " เหลือโอกาสไม่มาก โทเคนจะถูกล็อกหากใส่ผิดอีกหลายครั้ง"
            en = " Few tries are left before the token locks."
        super().__init__(
            "รหัส PIN ของโทเคนไม่ถูกต้อง ยังไม่ได้ลงนามรายการใด" + th,
            "The token PIN is wrong; nothing was signed." + en,
        )
        self.tries_hint = tries_hint


class PinLocked(AnuyatError):
    """The token refuses the user PIN after too many wrong tries."""

    code = "pin_locked"

    def __init__(self) -> None:
        super().__init__(
            "โทเคนถูกล็อกเพราะใส่ PIN ผิดหลายครั้ง — ติดต่อผู้ดูแลโทเคนหรือผู้ออกใบรับรอง "
            "เพื่อปลดล็อกด้วยรหัส SO PIN (โปรแกรมไม่ลองใส่ PIN ซ้ำ เพื่อไม่ให้โทเคนเสียหาย)",
            "The token is locked after too many wrong PINs. Ask the token administrator or the "
            "certificate authority to unlock it with the SO PIN (the program does not try "
            "again, so as not to harm the token).",
        )


class CertificateUnusable(AnuyatError):
    """The chosen certificate cannot sign: expired, not yet valid, wrong key usage, no key,
    or not issued under the agency's trust roots."""

    code = "certificate_unusable"


class SignatureTooWeak(AnuyatError):
    """The key offered gives a weaker signature type than the service requires."""

    code = "signature_too_weak"


class SigningFailed(AnuyatError):
    """The token or the PDF library failed for another reason (details in the log)."""

    code = "signing_failed"

    def __init__(self, *, detail: str | None = None) -> None:
        super().__init__(
            "ลงนามไม่สำเร็จ ยังไม่มีสิ่งใดถูกบันทึก — ลองใหม่อีกครั้ง หากยังไม่ได้ แจ้งผู้ดูแลระบบ "
            "(รายละเอียดอยู่ในบันทึกของโปรแกรม)",
            "Signing failed and nothing was saved. Try again; if it keeps failing, tell the "
            "administrator (the details are in the program's log).",
            detail=detail,
        )


class TimestampUnavailable(AnuyatError):
    """The agency's time-stamping authority (TSA) did not answer, or answered with an error."""

    code = "timestamp_unavailable"

    def __init__(self, url: str, *, detail: str | None = None) -> None:
        super().__init__(
            f"ขอตราประทับเวลาจากผู้ให้บริการ {url} ไม่ได้ — เครื่องอาจไม่ได้ต่ออินเทอร์เน็ต "
            "ลายมือชื่อที่ลงไว้ยังใช้ได้ เมื่อต่อเครือข่ายได้แล้วให้กด “เพิ่มตราประทับเวลา” อีกครั้ง",
            f"The time-stamping authority at {url} could not be reached (the workstation may be "
            "offline). The signatures made stay valid; once the network is back, press "
            "“Add timestamps” again.",
            detail=detail,
        )
