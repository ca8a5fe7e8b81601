"""Why a certified copy cannot be made of a file, in Thai and English, with what to do."""

from __future__ import annotations

from services.kernel.errors import InvalidInput


def _named(filename: str) -> tuple[str, str]:
    return (f" ({filename})", f" ({filename})") if filename else ("", "")


def unsupported(content_type: str, filename: str) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ทำสำเนาถูกต้องจากไฟล์ชนิดนี้ในโปรแกรมไม่ได้{th_name} ให้แปลงเป็น PDF ก่อน: "
        "เปิดไฟล์ด้วยโปรแกรมของเครื่อง แล้วสั่งพิมพ์เป็น PDF (Print to PDF) "
        "จากนั้นแนบไฟล์ PDF นั้นและรับรองสำเนาจากไฟล์ PDF",
        f"A certified copy cannot be made of this kind of file{en_name}. Convert it to PDF "
        "first: open it with the system viewer, print it to PDF, attach that PDF and certify it.",
        detail=f"content type {content_type!r}",
        code="certify_unsupported_type",
    )


def encrypted_pdf(filename: str) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ไฟล์ PDF นี้ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้{th_name} จึงทำสำเนาถูกต้องไม่ได้ "
        "ให้ขอไฟล์ที่ไม่มีรหัสผ่านจากผู้ยื่นคำขอ หรือเปิดด้วยโปรแกรมดู PDF ของเครื่อง"
        "แล้วสั่งพิมพ์เป็น PDF (Print to PDF) แล้วรับรองสำเนาจากไฟล์ใหม่",
        f"This PDF is encrypted or password-protected{en_name}, so no certified copy can be "
        "made of it. Ask the applicant for a copy without a password, or open it with the "
        "system's PDF viewer, print it to PDF and certify that file.",
        code="certify_pdf_encrypted",
    )


def unreadable_pdf(filename: str, *, detail: str | None = None) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ไฟล์ PDF นี้เสียหายหรืออ่านไม่ได้{th_name} จึงทำสำเนาถูกต้องไม่ได้ "
        "ให้ขอไฟล์ใหม่จากผู้ยื่นคำขอ หรือเปิดด้วยโปรแกรมดู PDF ของเครื่องแล้วสั่งพิมพ์เป็น PDF",
        f"This PDF is damaged or cannot be read{en_name}, so no certified copy can be made of "
        "it. Ask the applicant for the file again, or open it with the system's PDF viewer and "
        "print it to PDF.",
        detail=detail,
        code="certify_pdf_unreadable",
    )


def unreadable_image(filename: str, *, detail: str | None = None) -> InvalidInput:
    th_name, en_name = _named(filename)
    return InvalidInput(
        f"ไฟล์รูปภาพนี้เสียหายหรืออ่านไม่ได้{th_name} จึงทำสำเนาถูกต้องไม่ได้ ให้ขอไฟล์ใหม่จากผู้ยื่นคำขอ",
        f"This image is damaged or cannot be read{en_name}, so no certified copy can be made "
        "of it. Ask the applicant for the file again.",
        detail=detail,
        code="certify_image_unreadable",
    )
