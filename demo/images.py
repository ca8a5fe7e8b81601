"""The demo's JPEG attachments, drawn with Pillow: identity cards, a payment slip, a bad photo.

Every image says it is a sample (a red stamp, "SAMPLE BANK", a made-up card design) and
has a realistic size and resolution; the low-resolution photo is meant to be too small to
read well. The same inputs give the same bytes. Pillow's FreeType fonts are cached and
shared, so the renderers are not thread-safe:
:func:`demo.content.render_attachments` runs one at a time.
"""

from __future__ import annotations

import io
import math
import random
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

from demo.documents import FORM_TITLES, demo_faces, form_words, thai_date
from demo.model import DemoPerson, RenderContext
from demo.numbers import seeded_digits, spaced_id
from services.kernel.thai_pdf_text import BUNDLED_FONTS_DIR, thai_presentation_forms

__all__ = [
    "ID_CARD_DPI",
    "ID_CARD_SIZE",
    "LOW_RES_DPI",
    "LOW_RES_SIZE",
    "SLIP_DPI",
    "SLIP_SIZE",
    "id_card",
    "low_res_photo",
    "payment_slip",
]

ID_CARD_SIZE = (1012, 638)  # 85.6 × 54 mm at 300 dpi
ID_CARD_DPI = 300
SLIP_SIZE = (720, 1280)  # a phone screenshot
SLIP_DPI = 72
LOW_RES_SIZE = (600, 848)  # an A4 page photographed and squeezed by a chat app: ~72 dpi
LOW_RES_DPI = 72


@cache
def _image_font_choice() -> tuple[Path, Path, ImageFont.Layout, bool]:
    """Regular path, bold path, Pillow layout engine, and whether to use the PUA forms."""
    if features.check("raqm"):
        # Pillow shapes Thai itself with libraqm: use the bundled Sarabun.
        return (
            BUNDLED_FONTS_DIR / "Sarabun-Regular.ttf",
            BUNDLED_FONTS_DIR / "Sarabun-Bold.ttf",
            ImageFont.Layout.RAQM,
            False,
        )
    faces = demo_faces()
    return faces["sans"].path, faces["sans_bold"].path, ImageFont.Layout.BASIC, faces["sans"].pua


@cache
def _image_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    regular, heavy, layout, _pua = _image_font_choice()
    return ImageFont.truetype(str(heavy if bold else regular), size, layout_engine=layout)


def _draw_text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    size: int,
    fill: tuple[int, ...] | str,
    *,
    bold: bool = False,
    anchor: str = "la",
) -> None:
    if _image_font_choice()[3]:
        text = thai_presentation_forms(text)
    draw.text(xy, text, font=_image_font(size, bold), fill=fill, anchor=anchor)


def _jpeg(image: Image.Image, dpi: int, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(
        buffer, "JPEG", quality=quality, dpi=(dpi, dpi), subsampling=2, optimize=False
    )
    return buffer.getvalue()


@cache
def _stamp_layer(text: str, size: int, angle: float) -> Image.Image:
    """Big, red, translucent text, rotated; made once and only read afterwards."""
    font = _image_font(size, True)
    glyphs = thai_presentation_forms(text) if _image_font_choice()[3] else text
    left, top, right, bottom = font.getbbox(glyphs)
    layer = Image.new("RGBA", (int(right - left) + 20, int(bottom - top) + 20), (0, 0, 0, 0))
    ImageDraw.Draw(layer).text((10 - left, 10 - top), glyphs, font=font, fill=(210, 30, 30, 110))
    return layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)


def _sample_stamp(image: Image.Image, text: str, size: int, angle: float) -> Image.Image:
    """``image`` with the diagonal sample stamp across its middle."""
    layer = _stamp_layer(text, size, angle)
    dx, dy = (image.width - layer.width) // 2, (image.height - layer.height) // 2
    if dx < 0 or dy < 0:  # larger than the image: keep the middle
        left, top = max(-dx, 0), max(-dy, 0)
        layer = layer.crop((left, top, left + image.width, top + image.height))
        dx, dy = max(dx, 0), max(dy, 0)
    result = image.convert("RGBA")
    result.alpha_composite(layer, (dx, dy))
    return result


def _english_date(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}. {day.year}"


@cache
def _id_card_blank() -> Image.Image:
    """The card without a person on it; made once and copied."""
    width, height = ID_CARD_SIZE
    card = Image.new("RGBA", ID_CARD_SIZE, (226, 240, 236, 255))
    draw = ImageDraw.Draw(card)
    # Fine guilloche-like waves: decoration only, unlike any real card.
    for n in range(0, height, 18):
        points = [(x, n + 6 * math.sin((x + n * 3) / 40)) for x in range(0, width + 20, 20)]
        draw.line(points, fill=(205, 226, 219, 255), width=2)
    draw.rectangle((0, 0, width, 92), fill=(44, 110, 96, 255))
    _draw_text(draw, (30, 22), "บัตรประจำตัวตัวอย่าง", 40, "white", bold=True)
    _draw_text(draw, (width - 30, 30), "SAMPLE IDENTITY CARD", 30, "white", bold=True, anchor="ra")
    note = "ข้อมูลสมมติเพื่อการสาธิตเท่านั้น / fictional demo data only"
    _draw_text(draw, (30, 104), note, 22, (90, 90, 90))
    return card


def id_card(person: DemoPerson, seed: str) -> bytes:
    width = ID_CARD_SIZE[0]
    card = _id_card_blank().copy()
    draw = ImageDraw.Draw(card)
    dark = (25, 35, 40)
    _draw_text(draw, (30, 150), "เลขประจำตัว / Identification Number", 22, (70, 70, 70))
    _draw_text(draw, (30, 178), spaced_id(person.national_id), 40, dark, bold=True)
    _draw_text(draw, (30, 248), "ชื่อตัวและชื่อสกุล", 22, (70, 70, 70))
    _draw_text(draw, (250, 238), person.name_th, 38, dark, bold=True)
    _draw_text(draw, (30, 300), "Name", 22, (70, 70, 70))
    _draw_text(draw, (250, 294), f"{person.title_en} {person.first_name_en}", 30, dark)
    _draw_text(draw, (30, 344), "Last name", 22, (70, 70, 70))
    _draw_text(draw, (250, 338), person.last_name_en, 30, dark)
    _draw_text(draw, (30, 398), f"เกิดวันที่ {thai_date(person.birth_date)}", 28, dark)
    _draw_text(draw, (30, 436), f"Date of Birth {_english_date(person.birth_date)}", 24, dark)
    _draw_text(draw, (30, 486), "ที่อยู่", 22, (70, 70, 70))
    address = person.address.text_th
    split = address.find(" อำเภอ")
    _draw_text(draw, (110, 482), address[:split], 26, dark)
    _draw_text(draw, (110, 520), address[split + 1 :], 26, dark)
    # A face box: a blurred silhouette, never a face.
    box = (width - 250, 150, width - 40, 430)
    face = Image.new("RGBA", (box[2] - box[0], box[3] - box[1]), (185, 195, 200, 255))
    fdraw = ImageDraw.Draw(face)
    tone = 120 + int(seeded_digits(seed, 2)) % 60
    fdraw.ellipse((55, 40, 155, 160), fill=(tone, tone - 10, tone - 20, 255))
    fdraw.ellipse((15, 170, 195, 360), fill=(60, 70, 90, 255))
    face = face.filter(ImageFilter.GaussianBlur(9))
    card.alpha_composite(face, (box[0], box[1]))
    draw.rectangle(box, outline=(90, 100, 100, 255), width=2)
    _draw_text(
        draw, ((box[0] + box[2]) / 2, box[3] + 10), "ภาพตัวอย่าง", 22, (70, 70, 70), anchor="ma"
    )
    card = _sample_stamp(card, "ตัวอย่าง / SAMPLE", 110, 22)
    return _jpeg(card, ID_CARD_DPI, 88)


def payment_slip(ctx: RenderContext) -> bytes:
    req, app = ctx.request, ctx.applicant
    payer = ctx.delegate.signer if ctx.delegate is not None else app.signer
    width = SLIP_SIZE[0]
    slip = Image.new("RGBA", SLIP_SIZE, (246, 247, 250, 255))
    draw = ImageDraw.Draw(slip)
    draw.rectangle((0, 0, width, 170), fill=(52, 84, 160, 255))
    _draw_text(draw, (width / 2, 48), "ธนาคารตัวอย่าง", 44, "white", bold=True, anchor="ma")
    _draw_text(
        draw, (width / 2, 110), "SAMPLE BANK - not a real bank", 24, (220, 228, 245), anchor="ma"
    )
    draw.ellipse((width / 2 - 50, 200, width / 2 + 50, 300), fill=(46, 160, 90, 255))
    draw.line(
        [(width / 2 - 24, 252), (width / 2 - 6, 272), (width / 2 + 28, 228)], fill="white", width=10
    )
    _draw_text(draw, (width / 2, 320), "โอนเงินสำเร็จ", 40, (30, 30, 30), bold=True, anchor="ma")
    paid = ctx.received - timedelta(minutes=7 + int(seeded_digits(ctx.seed, 2)) % 40)
    _draw_text(
        draw,
        (width / 2, 380),
        f"{thai_date(paid.date())}  {paid:%H:%M} น.",
        26,
        (90, 90, 90),
        anchor="ma",
    )
    reference = seeded_digits(ctx.seed + "/ref", 14)
    rows = (
        ("จาก", payer.name_th),
        ("", f"xxx-x-x{seeded_digits(payer.national_id, 4)}-x"),
        ("ไปยัง", "เทศบาล (บัญชีตัวอย่าง)"),
        ("", "xxx-x-x0426-x"),
        ("จำนวนเงิน", f"{req.payment_baht:,.2f} บาท"),
        ("ค่าธรรมเนียม", "0.00 บาท"),
        ("เลขที่รายการ", reference),
        ("บันทึกช่วยจำ", f"ค่าธรรมเนียม {req.business_name}"[:34]),
    )
    y = 450
    for label, value in rows:
        if label:
            y += 18
            draw.line([(40, y - 12), (width - 40, y - 12)], fill=(220, 222, 228, 255), width=2)
        _draw_text(draw, (48, y), label, 26, (110, 110, 110))
        _draw_text(
            draw, (width - 48, y), value, 28, (20, 20, 20), bold=label == "จำนวนเงิน", anchor="ra"
        )
        y += 44
    # A pattern standing in for the verification code: deliberately not a QR code.
    rnd = random.Random(reference)
    left, top, cell = width / 2 - 90, y + 30, 12
    for row in range(15):
        for col in range(15):
            if rnd.random() < 0.5:
                x0, y0 = left + col * cell, top + row * cell
                draw.rectangle((x0, y0, x0 + cell - 1, y0 + cell - 1), fill=(20, 20, 20, 255))
    _draw_text(
        draw,
        (width / 2, top + 15 * cell + 16),
        "สแกนตรวจสอบสลิป (ตัวอย่าง)",
        22,
        (110, 110, 110),
        anchor="ma",
    )
    slip = _sample_stamp(slip, "ตัวอย่าง / SAMPLE", 90, 30)
    return _jpeg(slip, SLIP_DPI, 85)


def low_res_photo(ctx: RenderContext) -> bytes:
    """The form photographed on a table and squeezed by a chat app: legible, barely."""
    req, app = ctx.request, ctx.applicant
    width, height = LOW_RES_SIZE
    paper = Image.new("RGBA", (int(width * 0.86), int(height * 0.88)), (250, 248, 240, 255))
    draw = ImageDraw.Draw(paper)
    ink, blue, rule = (50, 50, 55), (30, 50, 140), (175, 175, 175, 255)
    _draw_text(draw, (paper.width / 2, 28), FORM_TITLES[req.kind], 19, ink, bold=True, anchor="ma")
    address = app.address.text_th
    split = address.find(" ตำบล")
    lines = [
        ("ข้าพเจ้า", app.name_th),
        ("เลขประจำตัว", spaced_id(app.signer.national_id)),
        ("ที่อยู่", address[:split]),
        ("", address[split + 1 :]),
        ("โทรศัพท์", app.phone),
        (form_words(req.kind)[1], req.business_name),
        ("พื้นที่", f"{req.area_sqm} ตารางเมตร" if req.area_sqm else ""),
    ]
    y = 86
    for label, value in lines:
        _draw_text(draw, (24, y), label, 15, ink)
        draw.line([(24, y + 22), (paper.width - 24, y + 22)], fill=rule, width=1)
        _draw_text(draw, (165 if label else 60, y - 1), value, 16, blue)
        y += 35
    for n in range(6):
        draw.line([(24, y + 30 * n), (paper.width - 24, y + 30 * n)], fill=rule, width=1)
    signer = f"({app.signer.name_th})"
    _draw_text(draw, (paper.width - 40, paper.height - 85), signer, 15, ink, anchor="ra")
    photo = Image.new("RGBA", LOW_RES_SIZE, (96, 72, 52, 255))
    tilted = paper.rotate(-3.5, resample=Image.Resampling.BILINEAR, expand=True)
    photo.alpha_composite(tilted, ((width - tilted.width) // 2, (height - tilted.height) // 2))
    # Uneven light from the phone: darker towards the bottom.
    shade = Image.linear_gradient("L").resize(LOW_RES_SIZE).point(lambda v: v * 70 // 255)
    dark = Image.new("RGBA", LOW_RES_SIZE, (0, 0, 0, 255))
    dark.putalpha(shade)
    photo = Image.alpha_composite(photo, dark).filter(ImageFilter.GaussianBlur(0.7))
    return _jpeg(photo, LOW_RES_DPI, 55)
