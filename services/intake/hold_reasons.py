"""Why a whole mail is held back for an officer, told to each of its two audiences: the texts.

Plain data, apart from :mod:`.holds` which writes the holds, so that reading a mail
(:mod:`.reading`, in the reader process too) can name a reason without the store.

The file reasons (``services.intake.inspect.reasons``) are about a file's content; these
are about the mail itself. Each reason has the officer's text, which goes into the
quarantine row and may name technical detail, and the applicant's text, which is all an
applicant may ever be told (it never says how the check works or what it found).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HOLD_REASONS", "HoldReason"]


@dataclass(frozen=True)
class HoldReason:
    officer_th: str
    """For the officer; ``{tracking_number}`` and ``{detail}`` are filled in."""
    officer_en: str
    applicant_th: str
    """For the applicant, in a letter an officer sends; no technical detail."""
    applicant_en: str


HOLD_REASONS: dict[str, HoldReason] = {
    "sender_not_authenticated": HoldReason(
        officer_th=(
            "อีเมลนี้อ้างว่ามาจากที่อยู่ของผู้ยื่นคำขอ {tracking_number} แต่ไม่ผ่านการตรวจผู้ส่งของเซิร์ฟเวอร์"
            "อีเมลหน่วยงาน ({detail}) อาจเป็นอีเมลปลอม — จึงยังไม่เพิ่มไฟล์หรือดำเนินการตามอีเมลนี้ "
            "โปรดยืนยันกับผู้ยื่นทางช่องทางที่ทราบอยู่แล้วก่อนปล่อยไฟล์"
        ),
        officer_en=(
            "This mail claims to come from the address of the applicant of {tracking_number}, "
            "but it failed the agency mail server's sender check ({detail}); it may be forged. "
            "Nothing in it was added or acted on: confirm with the applicant through a channel "
            "you already know before releasing its files."
        ),
        applicant_th=(
            "หน่วยงานได้รับอีเมลในนามของท่านที่ยืนยันผู้ส่งไม่ได้ จึงยังไม่ได้เพิ่มเอกสารเข้าคำขอ "
            "เจ้าหน้าที่จะติดต่อท่านเพื่อยืนยัน หากท่านไม่ได้ส่งอีเมลนี้ ไม่ต้องดำเนินการใด ๆ"
        ),
        applicant_en=(
            "We received a mail in your name whose sender could not be confirmed, so its "
            "documents have not been added to your request yet. An officer will contact you to "
            "confirm. If you did not send it, you need not do anything."
        ),
    ),
    "received_in_future": HoldReason(
        officer_th=(
            "เวลารับที่เซิร์ฟเวอร์หรืออีเมลระบุ ({detail}) อยู่หลังเวลาที่อีเมลมาถึงเครื่องนี้ ซึ่งเป็นไปไม่ได้ "
            "จึงบันทึกเวลารับเป็นเวลาที่มาถึงแทน โปรดตรวจนาฬิกาของเซิร์ฟเวอร์อีเมลหรือของผู้ส่ง"
        ),
        officer_en=(
            "The receive time the server or the mail states ({detail}) is after the mail reached "
            "this workstation, which cannot be; the time it arrived here is recorded instead. "
            "Check the clock of the mail server or the sender."
        ),
        applicant_th=(
            "เวลาในอีเมลของท่านคลาดเคลื่อน หน่วยงานจึงบันทึกเวลารับตามที่อีเมลมาถึงหน่วยงาน ซึ่งแจ้งไว้ในหนังสือตอบรับนี้"
        ),
        applicant_en=(
            "The time in your mail was not right, so we recorded the time your mail reached us, "
            "as stated in this acknowledgement."
        ),
    ),
}
