"""The demo's PDF attachments, drawn with reportlab: forms, copies, a map, a power of attorney.

Each renderer takes a :class:`~demo.documents.RenderContext` and returns the bytes
of a one-page PDF, the same bytes for the same context. Renderers share reportlab's font
registry and are not thread-safe: :func:`demo.content.render_attachments` runs one
at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from demo.documents import FORM_TITLES, form_words, thai_date
from demo.model import AttachmentKind, DemoPerson, RenderContext
from demo.numbers import fictional_id, seeded_digits, spaced_id
from demo.pdf_page import GREY, INK, DemoPage

__all__ = [
    "PDF_RENDERERS",
    "application_form",
    "company_certificate",
    "house_registration",
    "power_of_attorney",
    "site_map",
]

_ASK = {
    "food": "ขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
    "hazard": "ขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
    "certificate": "ขอแจ้งจัดตั้งสถานที่จำหน่ายอาหารและขอรับหนังสือรับรองการแจ้ง",
    "building": "ขออนุญาตก่อสร้าง ดัดแปลง รื้อถอน หรือเคลื่อนย้ายอาคาร",
    "petition": "ขอยื่นคำร้อง",
}
_ATTACHMENT_LABELS = {
    AttachmentKind.ID_CARD_PHOTO: "สำเนาบัตรประจำตัวประชาชน",
    AttachmentKind.HOUSE_REGISTRATION: "สำเนาทะเบียนบ้าน",
    AttachmentKind.SITE_MAP: "แผนที่ตั้งสถานประกอบการ",
    AttachmentKind.COMPANY_CERTIFICATE: "หนังสือรับรองการจดทะเบียนนิติบุคคล",
    AttachmentKind.POWER_OF_ATTORNEY: "หนังสือมอบอำนาจ",
    AttachmentKind.DELEGATE_ID_CARD_PHOTO: "สำเนาบัตรประจำตัวประชาชนของผู้รับมอบอำนาจ",
    AttachmentKind.PAYMENT_SLIP: "หลักฐานการชำระค่าธรรมเนียม",
}


_PETITION_ATTACHMENTS = {
    kind: _ATTACHMENT_LABELS[kind]
    for kind in (AttachmentKind.ID_CARD_PHOTO, AttachmentKind.HOUSE_REGISTRATION)
}


def _age(person: DemoPerson, on: date) -> int:
    born = person.birth_date
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def application_form(ctx: RenderContext) -> bytes:
    req, app = ctx.request, ctx.applicant
    page = DemoPage(FORM_TITLES[req.kind], ctx.seed)
    c, w = page.canvas, page.width
    left, right = 60.0, w - 60
    page.text(right, 800, "เอกสารตัวอย่าง / SAMPLE", "sans", 10, align="right", colour=GREY)
    page.text(w / 2, 770, FORM_TITLES[req.kind], "sans_bold", 18, align="centre")
    y = 735.0
    page.field(300, y, "เขียนที่", f"บ้านเลขที่ {app.address.house_no}", right)
    y -= 24
    page.field(300, y, "วันที่", thai_date(ctx.day), right)
    y -= 34
    signer = app.signer
    page.field(left, y, "1. ข้าพเจ้า", app.name_th, right)
    y -= 24
    if app.is_juristic:
        page.field(left + 14, y, "เลขทะเบียนนิติบุคคล", spaced_id(app.national_id), right)
        y -= 24
        page.field(left + 14, y, "โดย", f"{signer.name_th} {app.signer_position_th}", right)
        y -= 24
        page.field(
            left + 14, y, "ผู้มีอำนาจลงนาม เลขประจำตัวประชาชน", spaced_id(signer.national_id), right
        )
    else:
        page.field(left + 14, y, "อายุ", f"{_age(signer, ctx.day)} ปี", left + 95)
        page.field(left + 105, y, "สัญชาติ", signer.nationality_th, left + 205)
        page.field(left + 215, y, "เลขประจำตัวประชาชน", spaced_id(signer.national_id), right)
    y -= 24
    address = app.address.text_th
    split = address.find(" ตำบล")
    page.field(left + 14, y, "ที่อยู่", address[:split], right)
    y -= 24
    page.field(left + 14, y, "", address[split + 1 :], right)
    y -= 24
    page.field(left + 14, y, "โทรศัพท์", app.phone, left + 190)
    page.field(left + 200, y, "อีเมล", app.email, right)
    y -= 34
    if req.kind == "petition":
        page.field(left, y, "2. เรื่อง", req.subject, right)
        y -= 24
        page.text(left + 14, y, "รายละเอียด", "sans", 13)
        y = page.paragraph(
            left + 90,
            y + 1,
            req.details or req.body.split("\n")[0],
            right - left - 90,
            "hand",
            13,
            22,
            colour=INK,
        )
    else:
        page.field(left, y, "2. มีความประสงค์", _ASK[req.kind], right)
        y -= 24
        activity_label, name_label, _place = form_words(req.kind)
        page.field(left + 14, y, activity_label, req.activity, right)
        y -= 24
        page.field(left + 14, y, name_label, req.business_name, left + 300)
        area = f"{req.area_sqm}" if req.area_sqm is not None else ""
        page.field(left + 310, y, "พื้นที่", area, right - 60)
        page.text(right - 55, y, "ตารางเมตร", "sans", 13)
        y -= 24
        page.field(left + 14, y, "ตั้งอยู่ที่", app.address.text_th, right)
    y -= 34
    page.text(left, y, "3. พร้อมคำขอนี้ ข้าพเจ้าได้แนบเอกสารมาด้วย ดังนี้", "sans", 13)
    listed = _ATTACHMENT_LABELS if req.kind != "petition" else _PETITION_ATTACHMENTS
    for kind, label in listed.items():
        y -= 21
        c.rect(left + 18, y - 1, 10, 10)
        if kind in req.attachments:
            c.setStrokeColorRGB(*INK)
            c.setLineWidth(1.6)
            c.lines([(left + 19, y + 4, left + 23, y), (left + 23, y, left + 30, y + 11)])
            c.setLineWidth(1)
            c.setStrokeColorRGB(0, 0, 0)
        page.text(left + 36, y, label, "sans", 12)
    y -= 34
    page.text(left + 30, y, "ข้าพเจ้าขอรับรองว่าข้อความในแบบคำขอนี้เป็นความจริงทุกประการ", "sans", 13)
    y -= 48
    page.sign_block(w - 190, y, "ผู้ยื่นคำขอ", signer.name_th)
    if ctx.delegate is not None:
        y -= 46
        page.sign_block(w - 190, y, "ผู้รับมอบอำนาจ", ctx.delegate.signer.name_th)
    c.setStrokeColorRGB(*GREY)
    c.rect(left, 50, 200, 70)  # clear of the signatures on the right
    c.setStrokeColorRGB(0, 0, 0)
    page.text(left + 8, 104, "สำหรับเจ้าหน้าที่", "sans_bold", 11, colour=GREY)
    page.text(left + 8, 86, "เลขรับที่ ..................................", "sans", 11, colour=GREY)
    page.text(
        left + 8, 68, "ผู้รับ .........................................", "sans", 11, colour=GREY
    )
    return page.finish()


_FAMILY_FIRST = (
    ("นาย", "สมศักดิ์", "male"),
    ("นาง", "วันเพ็ญ", "female"),
    ("เด็กหญิง", "ปุณณิศา", "female"),
    ("เด็กชาย", "ภูผา", "male"),
    ("นางสาว", "ศิริพร", "female"),
    ("นาย", "ณัฐวุฒิ", "male"),
)


def house_registration(ctx: RenderContext) -> bytes:
    app, signer = ctx.applicant, ctx.applicant.signer
    place = app.address
    page = DemoPage("สำเนาทะเบียนบ้าน", ctx.seed, "serif")
    w, left, right = page.width, 60.0, page.width - 60
    page.watermark()
    page.text(w / 2, 780, "ทะเบียนบ้าน (ตัวอย่าง)", "serif_bold", 22, align="centre")
    page.text(w / 2, 758, "สำนักทะเบียนท้องถิ่น" + f"เทศบาล{place.tambon}", "serif", 14, align="centre")
    code = seeded_digits(app.key + "/house", 9)
    house_code = f"99{code[:2]}-{code[2:8]}-{code[8]}"
    numbered_on = date(2001 + int(seeded_digits(app.key, 2)) % 20, 6, 12)
    rows = [
        ("เลขรหัสประจำบ้าน", house_code),
        ("บ้านเลขที่", place.house_no + (f"  หมู่ที่ {place.moo}" if place.moo else "")),
        (
            "ตรอก/ซอย/ถนน",
            " ".join(
                p for p in (place.soi and f"ซอย{place.soi}", place.road and f"ถนน{place.road}") if p
            )
            or "-",
        ),
        ("ตำบล/อำเภอ", f"ตำบล{place.tambon}  อำเภอ{place.amphoe}"),
        ("จังหวัด", f"{place.changwat}  {place.postcode}"),
        ("ประเภทของบ้าน", "อาคารพาณิชย์" if app.is_juristic else "บ้านเดี่ยว"),
        ("วันเดือนปีที่กำหนดบ้านเลขที่", thai_date(numbered_on)),
    ]
    y = 715.0
    for label, value in rows:
        page.text(left, y, label, "serif_bold", 14)
        page.text(left + 190, y, value, "serif", 14)
        y -= 24
    y -= 12
    page.canvas.line(left, y + 14, right, y + 14)
    page.text(left, y - 6, "รายการคนในบ้าน", "serif_bold", 15)
    y -= 34
    columns = (left, left + 32, left + 230, left + 370)
    for x, head in zip(
        columns, ("ลำดับ", "ชื่อ - ชื่อสกุล", "เลขประจำตัวประชาชน", "สถานภาพ"), strict=True
    ):
        page.text(x, y, head, "serif_bold", 13)
    residents = [(signer.name_th, signer.national_id, "เจ้าบ้าน")]
    first_relative = int(seeded_digits(app.key, 3))
    for n in range(1 + int(seeded_digits(app.key + "/family", 1)) % 2):
        title, first, _sex = _FAMILY_FIRST[(first_relative + n * 2) % len(_FAMILY_FIRST)]
        seed = f"{app.key}/family/{n}"
        residents.append(
            (f"{title}{first} {signer.last_name_th}", fictional_id(seed, "1"), "ผู้อาศัย")
        )
    for n, (name, number, status) in enumerate(residents, start=1):
        y -= 24
        page.text(columns[0] + 8, y, str(n), "serif", 13)
        page.text(columns[1], y, name, "serif", 13)
        page.text(columns[2], y, spaced_id(number), "serif", 13)
        page.text(columns[3], y, status, "serif", 13)
    y -= 70
    page.text(w - 200, y, "สำเนาถูกต้อง", "hand", 18, align="centre", colour=INK)
    page.signature(w - 245, y - 30)
    page.text(w - 200, y - 54, f"({signer.name_th})", "hand", 14, align="centre", colour=INK)
    if app.is_juristic:
        page.text(
            w - 200,
            y - 76,
            f"ใช้ประกอบคำขอของ {app.name_th}",
            "hand",
            13,
            align="centre",
            colour=INK,
        )
    return page.finish()


def site_map(ctx: RenderContext) -> bytes:
    req, app = ctx.request, ctx.applicant
    place = form_words(req.kind)[2]
    page = DemoPage(f"แผนที่ตั้ง{place}", ctx.seed)
    c, w, rnd = page.canvas, page.width, page.random
    left, right = 50.0, page.width - 50
    page.text(w / 2, 790, f"แผนที่ตั้ง{place} (โดยสังเขป)", "sans_bold", 18, align="centre")
    page.text(left, 760, f"ผู้ขออนุญาต: {app.name_th}", "sans", 13)
    page.text(left, 740, f"{place}: {req.business_name or '-'}", "sans", 13)
    page.text(left, 720, f"ที่ตั้ง: {app.address.text_th}", "sans", 12)
    top, bottom = 700.0, 110.0
    c.rect(left, bottom, right - left, top - bottom)
    c.saveState()
    path = c.beginPath()
    path.rect(left, bottom, right - left, top - bottom)
    c.clipPath(path, stroke=0, fill=0)
    # River along the top, main road across, a soi going up to the premises.
    c.setStrokeColorRGB(0.35, 0.6, 0.9)
    c.setLineWidth(14)
    river = c.beginPath()
    river.moveTo(left - 10, 640)
    for x in range(int(left), int(right) + 60, 60):
        river.curveTo(x + 20, 655, x + 40, 625, x + 60, 640)
    c.drawPath(river, stroke=1, fill=0)
    road_y = rnd.uniform(260, 330)
    soi_x = rnd.uniform(260, 380)
    c.setStrokeColorRGB(0.55, 0.55, 0.55)
    c.setLineWidth(26)
    c.line(left, road_y, right, road_y)
    c.setLineWidth(12)
    c.line(soi_x, road_y, soi_x, 600)
    c.setLineWidth(1)
    c.setStrokeColorRGB(0, 0, 0)
    c.restoreState()
    road_name = f"ถนน{app.address.road}" if app.address.road else "ถนนสายหลัก"
    page.text(left + 20, road_y - 4, road_name, "sans_bold", 11, colour=(1, 1, 1))
    soi = f"ซอย{app.address.soi}" if app.address.soi else "ซอย"
    page.text(soi_x - 12, 590, soi, "sans", 11, align="right")
    page.text(right - 140, 662, f"คลอง{app.address.tambon}", "sans", 11, colour=(0.1, 0.3, 0.6))
    # The premises, red, beside the soi.
    shop_y = rnd.uniform(road_y + 60, 520)
    c.setFillColorRGB(0.85, 0.2, 0.2)
    c.rect(soi_x + 14, shop_y, 70, 50, fill=1, stroke=1)
    page.text(
        soi_x + 49,
        shop_y + 58,
        "ที่ตั้งอาคาร" if place == "อาคาร" else "ที่ตั้งกิจการ",
        "sans_bold",
        13,
        align="centre",
        colour=(0.7, 0, 0),
    )
    # Landmarks: a temple, a school, a market, a shop.
    temple_x = rnd.uniform(left + 20, soi_x - 170)
    c.setFillColorRGB(0.95, 0.8, 0.3)
    temple = c.beginPath()
    temple.moveTo(temple_x, road_y + 40)
    temple.lineTo(temple_x + 80, road_y + 40)
    temple.lineTo(temple_x + 40, road_y + 100)
    temple.close()
    c.drawPath(temple, stroke=1, fill=1)
    page.text(temple_x + 40, road_y + 24, f"วัด{app.address.tambon}", "sans", 11, align="centre")
    school_x = rnd.uniform(soi_x + 60, right - 170)
    c.setFillColorRGB(0.7, 0.85, 0.7)
    c.rect(school_x, road_y - 110, 100, 60, fill=1, stroke=1)
    c.line(school_x + 10, road_y - 50, school_x + 10, road_y - 20)
    c.setFillColorRGB(0.2, 0.3, 0.8)
    c.rect(school_x + 10, road_y - 30, 18, 10, fill=1, stroke=0)
    school = f"โรงเรียนบ้าน{app.address.tambon}"
    page.text(school_x + 50, road_y - 128, school, "sans", 11, align="centre")
    c.setFillColorRGB(0.9, 0.6, 0.3)
    market_x = rnd.uniform(left + 60, soi_x - 60)
    c.circle(market_x, road_y - 80, 30, fill=1, stroke=1)
    page.text(market_x, road_y - 128, "ตลาดสด", "sans", 11, align="centre")
    c.setFillColorRGB(0.6, 0.6, 0.85)
    c.rect(soi_x - 60, road_y + 30, 40, 28, fill=1, stroke=1)
    page.text(soi_x - 40, road_y + 64, "ร้านค้า", "sans", 10, align="centre")
    c.setFillColorRGB(0, 0, 0)
    # North arrow and a rough scale.
    nx, ny = left + 40, 540  # below the river, left of everything else
    arrow = c.beginPath()
    arrow.moveTo(nx, ny + 40)
    arrow.lineTo(nx - 10, ny)
    arrow.lineTo(nx + 10, ny)
    arrow.close()
    c.drawPath(arrow, stroke=1, fill=1)
    page.text(nx, ny + 46, "N", "sans_bold", 12, align="centre")
    c.line(left + 20, bottom + 20, left + 120, bottom + 20)
    for tick in (left + 20, left + 70, left + 120):
        c.line(tick, bottom + 16, tick, bottom + 24)
    page.text(left + 20, bottom + 28, "0      50     100 เมตร (โดยประมาณ)", "sans", 9)
    page.text(left, 86, "วาดโดยผู้ขออนุญาต ไม่ได้ตามมาตราส่วน", "sans", 11, colour=GREY)
    page.signature(right - 120, 80, 70)
    return page.finish()


_WITNESSES = ("นางสาวอรุณี ชื่นใจ", "นายสมศักดิ์ ดีงาม")


def power_of_attorney(ctx: RenderContext) -> bytes:
    req, app, delegate = ctx.request, ctx.applicant, ctx.delegate
    if delegate is None:
        raise ValueError(f"request {req.key} has no delegate for a power of attorney")
    proxy = delegate.signer
    page = DemoPage("หนังสือมอบอำนาจ", ctx.seed, "serif")
    c, w = page.canvas, page.width
    left, right = 70.0, w - 70
    c.rect(right - 80, 740, 80, 70)
    page.text(right - 40, 785, "ติดอากร", "serif", 11, align="centre")
    page.text(right - 40, 770, "แสตมป์", "serif", 11, align="centre")
    page.text(right - 40, 755, "30 บาท", "serif", 11, align="centre")
    page.text(w / 2, 730, "หนังสือมอบอำนาจ", "serif_bold", 22, align="centre")
    page.text(right, 700, f"เขียนที่ {app.name_th}", "serif", 14, align="right")
    signed_on = ctx.day - timedelta(days=2)
    page.text(right, 680, f"วันที่ {thai_date(signed_on)}", "serif", 14, align="right")
    principal = app.name_th
    if app.is_juristic:
        principal += f" โดย {app.signer.name_th} {app.signer_position_th} ผู้มีอำนาจกระทำการแทน"
    asked = _ASK[req.kind].removeprefix("ขอ")
    keep = (app.name_th, app.signer.name_th, proxy.name_th)
    y = page.paragraph(
        left,
        645,
        f"โดยหนังสือฉบับนี้ ข้าพเจ้า {principal} สำนักงานตั้งอยู่เลขที่ {app.address.text_th} "
        f"ขอมอบอำนาจให้ {proxy.name_th} เลขประจำตัวประชาชน {proxy.national_id} "
        f"อยู่บ้านเลขที่ {proxy.address.text_th} เป็นผู้มีอำนาจกระทำการแทนข้าพเจ้า "
        f'ในการยื่นคำขอ{asked} {form_words(req.kind)[1]} "{req.business_name}" '
        "ต่อเจ้าพนักงานท้องถิ่น รวมทั้งลงนามในเอกสาร แก้ไขเพิ่มเติมเอกสาร ชำระค่าธรรมเนียม "
        "และรับใบอนุญาตแทนข้าพเจ้าจนเสร็จการ",
        right - left,
        keep=keep,
        indent=50,
    )
    y = page.paragraph(
        left,
        y - 6,
        "การใดที่ผู้รับมอบอำนาจได้กระทำไปภายในขอบเขตแห่งหนังสือมอบอำนาจนี้ "
        "ให้ถือเสมือนหนึ่งว่าข้าพเจ้าได้กระทำด้วยตนเองทุกประการ "
        "เพื่อเป็นหลักฐาน ข้าพเจ้าจึงได้ลงลายมือชื่อไว้เป็นสำคัญต่อหน้าพยาน",
        right - left,
        indent=50,
    )
    y -= 40
    page.sign_block(w / 2 + 40, y, "ผู้มอบอำนาจ", app.signer.name_th)
    if app.is_juristic:
        c.setStrokeColorRGB(0.8, 0.1, 0.1)
        c.setLineWidth(2)
        c.circle(left + 70, y - 10, 42)
        c.circle(left + 70, y - 10, 34)
        c.setLineWidth(1)
        c.setStrokeColorRGB(0, 0, 0)
        page.text(
            left + 70, y - 6, "ตราประทับ", "serif_bold", 11, align="centre", colour=(0.8, 0.1, 0.1)
        )
        page.text(left + 70, y - 20, "นิติบุคคล", "serif", 10, align="centre", colour=(0.8, 0.1, 0.1))
    y -= 70
    page.sign_block(w / 2 + 40, y, "ผู้รับมอบอำนาจ", proxy.name_th)
    for witness in _WITNESSES:
        y -= 70
        page.sign_block(w / 2 + 40, y, "พยาน", witness)
    page.text(left, 60, f"ผู้มอบอำนาจ: {app.name_th}", "serif", 11, colour=GREY)
    return page.finish()


_CO_DIRECTORS = ("นายอนุชา ศักดิ์ดี", "นางสาวรัตนา มั่นคง", "นายกิตติ พรหมมา")


def company_certificate(ctx: RenderContext) -> bytes:
    app = ctx.applicant
    if not app.is_juristic or app.registered_on is None:
        raise ValueError(f"{app.key} is not a juristic person")
    partnership = app.name_th.startswith("ห้างหุ้นส่วน")
    entity = "ห้างหุ้นส่วนจำกัด" if partnership else "บริษัท"
    officers = "หุ้นส่วนผู้จัดการ" if partnership else "กรรมการ"
    page = DemoPage("หนังสือรับรองการจดทะเบียน", ctx.seed, "serif")
    w, left, right = page.width, 70.0, page.width - 70
    page.watermark()
    page.text(w / 2, 780, "หนังสือรับรอง", "serif_bold", 22, align="centre")
    page.text(
        w / 2,
        756,
        f"สำนักงานทะเบียนหุ้นส่วนบริษัทจังหวัด{app.address.changwat} (ตัวอย่าง)",
        "serif",
        14,
        align="centre",
    )
    y = page.paragraph(
        left,
        720,
        f"ขอรับรองว่า{entity}นี้ ได้จดทะเบียนเป็นนิติบุคคล ตามประมวลกฎหมายแพ่งและพาณิชย์ "
        f"เมื่อวันที่ {thai_date(app.registered_on)} ทะเบียนนิติบุคคลเลขที่ {app.national_id} "
        "ปรากฏข้อความในรายการตามเอกสารทะเบียนนิติบุคคล ณ วันออกหนังสือนี้ ดังนี้",
        right - left,
        indent=40,
    )
    y -= 10
    page.text(left, y, "1. ชื่อนิติบุคคล", "serif_bold", 14)
    page.text(left + 130, y, app.name_th, "serif", 14)
    y -= 28
    co_director = _CO_DIRECTORS[int(seeded_digits(app.key, 2)) % len(_CO_DIRECTORS)]
    page.text(left, y, f"2. {officers}", "serif_bold", 14)
    for n, name in enumerate((app.signer.name_th, co_director), start=1):
        y -= 22
        page.text(left + 30, y, f"{n}. {name}", "serif", 14)
    y -= 28
    page.text(left, y, f"3. จำนวนหรือชื่อ{officers}ซึ่งลงชื่อผูกพัน{entity}ได้คือ", "serif_bold", 14)
    y = page.paragraph(
        left + 30,
        y - 22,
        f"{app.signer.name_th} ลงลายมือชื่อและประทับตราสำคัญของ{entity}",
        right - left - 30,
        keep=(app.signer.name_th,),
    )
    y -= 6
    capital = f"{app.capital_baht:,} บาท" if app.capital_baht else "-"
    page.text(left, y, "4. ทุนจดทะเบียน", "serif_bold", 14)
    page.text(left + 130, y, capital, "serif", 14)
    y -= 28
    page.text(left, y, "5. สำนักงานแห่งใหญ่ตั้งอยู่เลขที่", "serif_bold", 14)
    y = page.paragraph(left + 30, y - 22, app.address.text_th, right - left - 30)
    y -= 6
    page.text(left, y, "6. วัตถุประสงค์", "serif_bold", 14)
    page.text(left + 130, y, "ตามเอกสารแนบ (ไม่ได้แนบมาในตัวอย่างนี้)", "serif", 14)
    y -= 50
    issued = ctx.day - timedelta(days=9)
    page.text(w / 2 + 60, y, f"ออกให้ ณ วันที่ {thai_date(issued)}", "serif", 14, align="centre")
    y -= 60
    page.text(
        w / 2 + 60, y, "(ลายมือชื่อนายทะเบียน - ตัวอย่าง)", "serif", 13, align="centre", colour=GREY
    )
    y -= 70
    page.text(right, y, "สำเนาถูกต้อง", "hand", 16, align="right", colour=INK)
    page.signature(right - 110, y - 30, 80)
    page.text(right, y - 50, f"({app.signer.name_th})", "hand", 13, align="right", colour=INK)
    return page.finish()


#: The renderer of each kind of PDF attachment.
PDF_RENDERERS: dict[AttachmentKind, Callable[[RenderContext], bytes]] = {
    AttachmentKind.APPLICATION_FORM: application_form,
    AttachmentKind.HOUSE_REGISTRATION: house_registration,
    AttachmentKind.SITE_MAP: site_map,
    AttachmentKind.POWER_OF_ATTORNEY: power_of_attorney,
    AttachmentKind.COMPANY_CERTIFICATE: company_certificate,
}
