"""The demo's premises documents: the owner's consent to use the premises and a floor plan.

A licence for a business hazardous to health asks for both (PREMISES-RIGHT and FLOOR-PLAN in
the catalog); with them a hazard request can be reviewed completely and wait for approval
with a type-2 signature. Same contract as :mod:`demo.pdfs`: one page, the same bytes for the
same context, not thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from demo.documents import thai_date
from demo.model import AttachmentKind, RenderContext
from demo.pdf_page import GREY, INK, DemoPage

__all__ = ["PREMISES_RENDERERS", "floor_plan", "premises_consent"]

# The fictional owner who lets the premises (a relative, as is common for a small business).
_OWNER = "นางทองคำ ใจงาม"


def premises_consent(ctx: RenderContext) -> bytes:
    """หนังสือยินยอมให้ใช้สถานที่: the owner lets the applicant run the business there."""
    req, app = ctx.request, ctx.applicant
    page = DemoPage("หนังสือยินยอมให้ใช้สถานที่", ctx.seed, "serif")
    page.watermark()  # under the text, as on the other demo copies
    w = page.width
    left, right = 70.0, w - 70
    page.text(w / 2, 760, "หนังสือยินยอมให้ใช้สถานที่", "serif_bold", 22, align="centre")
    page.text(right, 725, f"เขียนที่ บ้านเลขที่ {app.address.house_no}", "serif", 14, align="right")
    signed_on = ctx.day - timedelta(days=5)
    page.text(right, 705, f"วันที่ {thai_date(signed_on)}", "serif", 14, align="right")
    keep = (_OWNER, app.name_th)
    y = page.paragraph(
        left,
        665,
        f"ข้าพเจ้า {_OWNER} เป็นเจ้าของกรรมสิทธิ์อาคารเลขที่ {app.address.text_th} "
        f"ยินยอมให้ {app.name_th} ใช้อาคารดังกล่าว พื้นที่ประมาณ {req.area_sqm} ตารางเมตร "
        f'เป็นสถานที่ประกอบกิจการ{req.activity} ชื่อ "{req.business_name}" '
        "มีกำหนดสามปีนับแต่วันที่ลงนามในหนังสือนี้",
        right - left,
        keep=keep,
        indent=50,
    )
    y = page.paragraph(
        left,
        y - 6,
        "ข้าพเจ้าได้มอบสำเนาโฉนดที่ดิน และสำเนาบัตรประจำตัวประชาชนของข้าพเจ้า ให้ผู้ขออนุญาตแล้ว "
        "เพื่อเป็นหลักฐาน ข้าพเจ้าจึงลงลายมือชื่อไว้เป็นสำคัญ",
        right - left,
        indent=50,
    )
    y -= 50
    page.sign_block(w / 2 + 40, y, "เจ้าของสถานที่", _OWNER)
    y -= 70
    page.sign_block(w / 2 + 40, y, "ผู้ขออนุญาต", app.signer.name_th)
    return page.finish()


def floor_plan(ctx: RenderContext) -> bytes:
    """A hand-drawn floor plan: the work area, its machines, and where waste water goes."""
    req, app = ctx.request, ctx.applicant
    page = DemoPage("แผนผังภายในสถานประกอบการ", ctx.seed)
    c, w = page.canvas, page.width
    page.text(w / 2, 780, "แผนผังภายในสถานประกอบการ", "sans_bold", 18, align="centre")
    page.text(
        w / 2, 756, f"{req.business_name} ({req.activity})", "hand", 14, align="centre", colour=INK
    )
    left, top, width, height = 90.0, 700.0, w - 180, 420.0
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(2)
    c.rect(left, top - height, width, height)
    c.setLineWidth(1)
    # Work area, store room and the waste-water trap, each a box with its label.
    rooms = (
        (left, top - 260, width * 0.62, 260, "พื้นที่ประกอบกิจการ"),
        (left + width * 0.62, top - 260, width * 0.38, 260, "ห้องเก็บของ"),
        (left, top - height, width * 0.5, height - 260, "ที่จอด / ที่รอรับบริการ"),
        (left + width * 0.5, top - height, width * 0.5, height - 260, "ห้องน้ำ"),
    )
    for x, y, rw, rh, label in rooms:
        c.rect(x, y, rw, rh)
        page.text(x + rw / 2, y + rh / 2, label, "hand", 14, align="centre", colour=INK)
    for n in range(3):  # the machines, as the applicant marked them
        c.circle(left + 50 + n * 70, top - 60, 16)
        page.text(left + 50 + n * 70, top - 64, f"M{n + 1}", "hand", 11, align="centre", colour=INK)
    c.rect(left + width - 70, top - height - 40, 50, 30)
    page.text(left + width - 45, top - height - 30, "บ่อดักไขมัน", "hand", 10, align="centre")
    c.setStrokeColorRGB(0, 0, 0)
    page.text(left, top - height - 80, "M = เครื่องจักร / อุปกรณ์", "sans", 12, colour=GREY)
    page.text(
        left, top - height - 100, f"พื้นที่รวมประมาณ {req.area_sqm} ตารางเมตร", "sans", 12, colour=GREY
    )
    page.text(left, top - height - 120, "มาตราส่วนโดยประมาณ (ไม่ได้วัดจริง)", "sans", 12, colour=GREY)
    # Whose plan it is: the reviewer matches every document to the applicant.
    page.text(left, top - height - 150, f"ผู้จัดทำแผนผัง {app.name_th}", "sans", 12)
    return page.finish()


#: The renderer of each kind of premises document.
PREMISES_RENDERERS: dict[AttachmentKind, Callable[[RenderContext], bytes]] = {
    AttachmentKind.PREMISES_CONSENT: premises_consent,
    AttachmentKind.FLOOR_PLAN: floor_plan,
}
