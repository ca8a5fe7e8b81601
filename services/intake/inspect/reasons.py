"""The reasons table: every hold or flag code with its Thai and English text for people."""

from __future__ import annotations

# reason_code → (Thai, English); ``{…}`` fields are filled per file.
REASONS: dict[str, tuple[str, str]] = {
    "empty_file": (
        "ไฟล์ว่างเปล่า (0 ไบต์) — ขอให้ผู้ยื่นส่งไฟล์นี้ใหม่",
        "The file is empty (0 bytes); ask the applicant to send it again.",
    ),
    "file_too_large": (
        "ไฟล์มีขนาด {size} เกินกำหนด {limit} ต่อไฟล์ — ขอให้ผู้ยื่นย่อขนาดหรือแบ่งเป็นหลายไฟล์แล้วส่งใหม่",
        "The file is {size}, over the limit of {limit} per file; ask the applicant to make it "
        "smaller or split it, and send it again.",
    ),
    "application_too_large": (
        "ไฟล์ทั้งหมดของคำขอรวมกันเกิน {limit} จึงไม่ได้รับไฟล์นี้ไว้ — ขอให้ผู้ยื่นส่งไฟล์ที่เหลือแยกอีกฉบับหรือย่อขนาด",
        "All files of this application together exceed {limit}, so this file was not taken; "
        "ask the applicant to send the rest separately or smaller.",
    ),
    "too_many_files": (
        "คำขอมีไฟล์เกิน {limit} ไฟล์ จึงไม่ได้รับไฟล์นี้ไว้ — ขอให้ผู้ยื่นรวมไฟล์หรือส่งแยกอีกฉบับ",
        "The application has more than {limit} files, so this one was not taken; ask the "
        "applicant to combine files or send the rest separately.",
    ),
    "executable": (
        "{named_th}เนื้อในเป็น{what_th} — ไม่รับไว้ด้วยเหตุผลด้านความปลอดภัย",
        "{named_en}contains {what_en}; not accepted for safety.",
    ),
    "script": (
        "ไฟล์นี้เป็นสคริปต์หรือหน้าเว็บที่สั่งงานได้ ({what_th}) — ไม่รับไว้ด้วยเหตุผลด้านความปลอดภัย ขอให้ส่งเป็น PDF",
        "The file is a script or web page that can run code ({what_en}); not accepted for "
        "safety. Ask for a PDF instead.",
    ),
    "office_macro": (
        "เอกสาร Word มีมาโคร (โค้ดที่สั่งงานได้) — ไม่รับไว้ด้วยเหตุผลด้านความปลอดภัย "
        "ขอให้ส่งเป็น PDF หรือ DOCX ที่ไม่มีมาโคร",
        "The Word document contains macros (code that can run); not accepted for safety. Ask "
        "for a PDF, or a DOCX without macros.",
    ),
    "office_encrypted": (
        "เอกสาร Office ตั้งรหัสผ่านไว้ เจ้าหน้าที่เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งไฟล์ที่ไม่ตั้งรหัสผ่าน",
        "The Office document is password-protected and officers cannot open it; ask the "
        "applicant to send it without a password.",
    ),
    "type_not_accepted": (
        "ไฟล์ชนิด {what_th} ไม่อยู่ในชนิดที่รับ (PDF, DOC, DOCX, TXT, JPEG, PNG, GIF, ZIP) "
        "— ขอให้ผู้ยื่นส่งเป็น PDF หรือ JPEG",
        "{what_en} is not an accepted type (PDF, DOC, DOCX, TXT, JPEG, PNG, GIF, ZIP); ask the "
        "applicant to send it as PDF or JPEG.",
    ),
    "archive_not_supported": (
        "ไฟล์บีบอัดชนิด {what_th} ไม่รองรับ — ขอให้ผู้ยื่นส่งเป็น ZIP หรือแนบไฟล์แยกกัน",
        "{what_en} archives are not supported; ask the applicant for a ZIP or separate files.",
    ),
    "tnef_unsupported": (
        "ไฟล์ winmail.dat จากโปรแกรม Outlook เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งใหม่ในรูปแบบ HTML "
        "หรือข้อความธรรมดา (ไม่ใช่ Rich Text)",
        "A winmail.dat from Outlook cannot be opened; ask the applicant to send the mail again "
        "in HTML or plain-text format (not Rich Text).",
    ),
    "pdf_encrypted": (
        "PDF ตั้งรหัสผ่านไว้ เจ้าหน้าที่เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งไฟล์ที่ไม่ตั้งรหัสผ่าน",
        "The PDF is password-protected and officers cannot open it; ask the applicant to send "
        "it without a password.",
    ),
    "pdf_corrupt": (
        "PDF เสียหรือไม่สมบูรณ์ เปิดอ่านไม่ได้ — ขอให้ผู้ยื่นส่งไฟล์ใหม่",
        "The PDF is damaged or incomplete and cannot be opened; ask the applicant to send it "
        "again.",
    ),
    "pdf_active_content": (
        "PDF มีส่วนที่สั่งงานได้ ({what_th}) — กักไว้ด้วยเหตุผลด้านความปลอดภัย "
        "ขอให้ผู้ยื่นส่ง PDF ธรรมดา (เช่น สั่งพิมพ์เป็น PDF ใหม่)",
        "The PDF contains active content ({what_en}); held back for safety. Ask the applicant "
        "for a plain PDF (for example, print it to PDF again).",
    ),
    "image_corrupt": (
        "ภาพเสียหรือไม่สมบูรณ์ เปิดดูไม่ได้ — ขอให้ผู้ยื่นส่งภาพใหม่",
        "The image is damaged or incomplete and cannot be shown; ask the applicant to send it "
        "again.",
    ),
    "image_too_large": (
        "ภาพมีจำนวนพิกเซลมากผิดปกติ อาจเป็นไฟล์โจมตี — ไม่รับไว้ ขอให้ส่งภาพขนาดปกติ",
        "The image has an abnormal number of pixels, possibly an attack; not accepted. Ask for "
        "a normal-size image.",
    ),
    "zip_corrupt": (
        "ไฟล์ ZIP เสียหรือเปิดไม่ได้ — ขอให้ผู้ยื่นส่งใหม่ หรือแนบไฟล์แยกกัน",
        "The ZIP file is damaged or cannot be opened; ask the applicant to send it again or "
        "attach the files separately.",
    ),
    "zip_encrypted": (
        "ไฟล์ ZIP ตั้งรหัสผ่านไว้ — ขอให้ผู้ยื่นส่งใหม่โดยไม่ตั้งรหัสผ่าน",
        "The ZIP file is password-protected; ask the applicant to send it again without a "
        "password.",
    ),
    "zip_traversal": (
        "ไฟล์ ZIP มีชื่อไฟล์ที่ชี้ออกนอกโฟลเดอร์ ({member}) ซึ่งเป็นลักษณะของไฟล์โจมตี — กักไว้ทั้งไฟล์",
        "The ZIP file holds a name that points outside its folder ({member}), a sign of an "
        "attack; the whole archive is held back.",
    ),
    "zip_symlink": (
        "ไฟล์ ZIP มีลิงก์สัญลักษณ์ (symlink) ซึ่งอาจใช้โจมตีได้ — กักไว้ทั้งไฟล์",
        "The ZIP file holds a symbolic link, which can be used in attacks; the whole archive is "
        "held back.",
    ),
    "zip_too_many_members": (
        "ไฟล์ ZIP มีไฟล์ข้างในเกิน {limit} ไฟล์ — ขอให้ผู้ยื่นแบ่งส่งหลายชุด",
        "The ZIP file holds more than {limit} files; ask the applicant to send smaller sets.",
    ),
    "zip_too_large": (
        "ไฟล์ใน ZIP เมื่อแตกออกแล้วรวมกันเกิน {limit} — ขอให้ผู้ยื่นแบ่งส่งหลายชุด",
        "Unpacked, the ZIP contents exceed {limit}; ask the applicant to send smaller sets.",
    ),
    "zip_member_too_large": (
        "ไฟล์ใน ZIP ({member}) ใหญ่เกินกำหนด {limit} ต่อไฟล์ — ขอให้ผู้ยื่นย่อขนาดแล้วส่งใหม่",
        "A file inside the ZIP ({member}) is over the limit of {limit} per file; ask the "
        "applicant to make it smaller and send it again.",
    ),
    "zip_bomb": (
        "ไฟล์ ZIP ขยายตัวผิดปกติ (มากกว่า {ratio} เท่า) ซึ่งเป็นลักษณะของไฟล์โจมตี — ไม่แตกไฟล์และกักไว้",
        "The ZIP file expands abnormally (more than {ratio} times), a sign of a 'zip bomb'; it "
        "was not unpacked and is held back.",
    ),
    "zip_too_deep": (
        "ไฟล์ ZIP ซ้อนกันเกิน {limit} ชั้น — ขอให้ผู้ยื่นส่งไฟล์โดยไม่บีบอัดซ้อนกัน",
        "ZIP files are nested more than {limit} levels deep; ask the applicant for the files "
        "without nested archives.",
    ),
    "zip_empty": (
        "ไฟล์ ZIP ไม่มีไฟล์อยู่ข้างใน — ขอให้ผู้ยื่นตรวจแล้วส่งใหม่",
        "The ZIP file holds no files; ask the applicant to check it and send it again.",
    ),
    "unreadable": (
        "ตรวจไฟล์นี้ไม่ได้เพราะเกิดข้อผิดพลาด — กักไว้ให้เจ้าหน้าที่ตรวจเอง",
        "This file could not be checked because of an error; held back for an officer to look at.",
    ),
    # Flags on accepted files.
    "low_resolution": (
        "ภาพมีความละเอียดต่ำกว่าที่อ่านได้ชัด ({detail}) — ตรวจดูว่าอ่านออกหรือไม่ "
        "ถ้าไม่ชัดให้ขอภาพใหม่อย่างน้อย {min_dpi} dpi",
        "Image below readable resolution ({detail}); check that it can be read, and if not ask "
        "for a new scan of at least {min_dpi} dpi.",
    ),
    "name_mismatch": (
        "ชื่อไฟล์ลงท้าย {ext} แต่เนื้อในเป็น {what_th} — รับไว้ตามชนิดที่ตรวจพบ",
        "The name ends in {ext} but the content is {what_en}; kept as the type found.",
    ),
    "pdf_restricted": (
        "PDF ตั้งรหัสผ่านเจ้าของไว้ (จำกัดการพิมพ์หรือแก้ไข) แต่เปิดอ่านได้โดยไม่ต้องใช้รหัสผ่าน",
        "The PDF has an owner password (it limits printing or editing) but opens without one.",
    ),
    "pdf_embedded_xml": (
        "PDF แนบข้อมูล XML มาด้วย (เช่น ใบกำกับภาษีหรือใบรับอิเล็กทรอนิกส์) — รับไว้",
        "The PDF carries attached XML data (for example an e-Tax invoice or e-Receipt); accepted.",
    ),
    "office_embedded_object": (
        "เอกสารมีวัตถุฝังอยู่ (embedded object) — อย่าเปิดวัตถุที่ฝังไว้หากไม่จำเป็น",
        "The document contains embedded objects; do not open them unless needed.",
    ),
}
# Flags that explain themselves in reason_th/reason_en (others, like "inline", are only tags).
EXPLAINED_FLAGS = ("low_resolution", "name_mismatch", "pdf_restricted", "pdf_embedded_xml",
                    "office_embedded_object")  # fmt: skip


def reason_texts(code: str, fields: dict[str, object]) -> tuple[str, str]:
    th, en = REASONS[code]
    return th.format(**fields), en.format(**fields)
