"""What the demo's attachment renderers share: fonts, form titles and words, Thai dates.

The kinds of file and the render context are data: :mod:`demo.model`.

The renderers themselves are :mod:`demo.pdfs` (reportlab) and
:mod:`demo.images` (Pillow); :func:`demo.content.render_attachments`
calls them.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, TLWG_DIRS, ThaiFace, register_thai_font

__all__ = [
    "FORM_TITLES",
    "demo_faces",
    "form_words",
    "pdf_fonts_are_shaped",
    "thai_date",
]

# Where the TLWG fonts may be: beside the demo data (if ever bundled), then Linux packages.
_FONT_DIRS = (
    Path(__file__).resolve().parents[1] / "resources" / "demo" / "fonts",
    *TLWG_DIRS,
)


_THAI_MONTHS = (
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม"
).split()


def thai_date(day: date) -> str:
    """``23 พฤศจิกายน 2569``: the day, the Thai month, the Buddhist-era year."""
    return f"{day.day} {_THAI_MONTHS[day.month - 1]} {day.year + 543}"


#: The title of each kind's application form (the photographed form shows it too).
FORM_TITLES = {
    "food": "แบบคำขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
    "hazard": "แบบคำขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
    "certificate": "แบบคำขอรับหนังสือรับรองการแจ้งจัดตั้งสถานที่จำหน่ายอาหาร",
    "building": "แบบคำขออนุญาตก่อสร้าง ดัดแปลง รื้อถอน หรือเคลื่อนย้ายอาคาร",
    "petition": "แบบคำร้องทั่วไป",
}
_WORDS = {
    "building": ("ลักษณะงาน", "ใช้อาคารเป็น", "อาคาร"),
}
_BUSINESS_WORDS = ("ประเภทกิจการ", "ชื่อสถานประกอบการ", "สถานประกอบการ")


def form_words(kind: str) -> tuple[str, str, str]:
    """What the form calls the activity and the premises: (activity, name, what the map shows)."""
    return _WORDS.get(kind, _BUSINESS_WORDS)


_ROLES = {
    "sans": ("Garuda.ttf", "Sarabun-Regular.ttf"),
    "sans_bold": ("Garuda-Bold.ttf", "Sarabun-Bold.ttf"),
    "serif": ("Norasi.ttf", "Sarabun-Regular.ttf"),
    "serif_bold": ("Norasi-Bold.ttf", "Sarabun-Bold.ttf"),
    "hand": ("Purisa.ttf", "Sarabun-Regular.ttf"),
}


@cache
def demo_faces() -> dict[str, ThaiFace]:
    """The demo's fonts by role (``sans``, ``sans_bold``, ``serif``, ``serif_bold``, ``hand``).

    TLWG fonts when installed, else the bundled Sarabun; registered with reportlab once.
    """
    return {
        role: register_thai_font(
            f"AnuyatDemo-{role}", tlwg, BUNDLED_FONTS_DIR / fallback, dirs=_FONT_DIRS
        )
        for role, (tlwg, fallback) in _ROLES.items()
    }


def pdf_fonts_are_shaped() -> bool:
    """True when the TLWG fonts were found, so marks in the PDFs sit where they should."""
    return all(face.pua for face in demo_faces().values())
