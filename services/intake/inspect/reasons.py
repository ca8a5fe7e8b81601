"""The reasons table: every hold or flag code, told to each of its two audiences.

Each reason has the officer's text (the quarantine row, the review screen: it may say what the
check found and what to ask for) and the applicant's text (the acknowledgement and any letter
to the applicant: written to "you", it never speaks of the applicant in the third person nor
tells an officer what to do). Thai and English each; ``{…}`` fields are filled per file.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EXPLAINED_FLAGS",
    "GENERIC_APPLICANT",
    "REASONS",
    "Reason",
    "applicant_texts",
    "reason_texts",
]


@dataclass(frozen=True)
class Reason:
    officer_th: str
    officer_en: str
    applicant_th: str
    """All an applicant is ever told about this file: no officer wording, no how-it-works."""
    applicant_en: str


# reason_code → (Thai, English) for the officer.
_OFFICER: dict[str, tuple[str, str]] = {
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
        "ไฟล์ชนิด {what_th} ไม่อยู่ในชนิดที่รับ ({accepted}) — ขอให้ผู้ยื่นส่งเป็น PDF หรือ JPEG",
        "{what_en} is not an accepted type ({accepted}); ask the applicant to send it as PDF "
        "or JPEG.",
    ),
    "type_not_as_named": (
        "ชื่อไฟล์ลงท้าย {ext} แต่เนื้อในเป็น {what_th} ไม่ใช่ไฟล์ {named} จริง จึงไม่รับไว้ "
        "— ขอให้ผู้ยื่นเปิดไฟล์แล้วบันทึกเป็น PDF แล้วส่งใหม่",
        "The name ends in {ext} but the content is {what_en}, not a real {named} file, so it was "
        "not accepted; ask the applicant to open it, save it as PDF and send it again.",
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
    "pdf_viewer_cannot_open": (
        "โปรแกรมแสดงเอกสารของระบบเปิด PDF นี้ไม่ได้ (แม้โปรแกรมตรวจอีกตัวอ่านได้ ไฟล์จึงน่าจะเสียบางส่วน) "
        "— ขอให้ผู้ยื่นส่งไฟล์ใหม่ เช่น สั่งพิมพ์เป็น PDF ใหม่ หรือปล่อยไฟล์แล้วเปิดด้วยโปรแกรมของเครื่อง",
        "The workstation's viewer cannot open this PDF (another reader can parse it, so it is "
        "probably partly damaged); ask the applicant to send it again, for example printed to "
        "PDF anew, or release it and open it with the system viewer.",
    ),
    "pdf_too_slow": (
        "PDF นี้เปิดไม่เสร็จภายใน {seconds} วินาที อาจเสียหรือซับซ้อนเกินไป จึงกักไว้ไม่ให้หน้าจอค้าง "
        "— ขอให้ผู้ยื่นส่งไฟล์ที่เรียบง่ายกว่า เช่น สั่งพิมพ์เป็น PDF ใหม่ หรือสแกนที่ความละเอียดต่ำลง",
        "This PDF did not open within {seconds} seconds; it may be damaged or overly complex, so "
        "it was held to keep the viewer from freezing. Ask the applicant for a simpler copy, for "
        "example printed to PDF anew or scanned at a lower resolution.",
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
    "pdf_repaired": (
        "PDF มีโครงสร้างเสียบางส่วน แต่โปรแกรมแสดงเอกสารของระบบเปิดได้ ({pages} หน้า) — ตรวจว่าแสดงครบทุกหน้า",
        "The PDF's structure is partly damaged but the workstation's viewer opens it ({pages} "
        "pages); check that every page shows.",
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
EXPLAINED_FLAGS = ("low_resolution", "name_mismatch", "pdf_restricted", "pdf_repaired",
                   "pdf_embedded_xml", "office_embedded_object")  # fmt: skip


_SAFETY_TH = "ไฟล์ชนิดนี้รับไว้ไม่ได้ด้วยเหตุผลด้านความปลอดภัย"
_SAFETY_EN = "This kind of file cannot be accepted, for safety reasons"
_AGAIN_TH = "โปรดส่งไฟล์นี้ใหม่"
_AGAIN_EN = "please send it again"

# reason_code → (Thai, English) for the applicant: what happened to her file and what she can do.
_APPLICANT: dict[str, tuple[str, str]] = {
    "empty_file": ("ไฟล์ที่ได้รับว่างเปล่า (0 ไบต์) — " + _AGAIN_TH,
                   "The file we received is empty (0 bytes); " + _AGAIN_EN + "."),
    "file_too_large": (
        "ไฟล์มีขนาด {size} เกินกำหนด {limit} ต่อไฟล์ — โปรดย่อขนาดหรือแบ่งเป็นหลายไฟล์แล้วส่งใหม่",
        "The file is {size}, over the limit of {limit} per file; please make it smaller or "
        "split it, and send it again.",
    ),
    "application_too_large": (
        "ไฟล์ทั้งหมดรวมกันเกิน {limit} จึงยังไม่ได้รับไฟล์นี้ — โปรดส่งไฟล์ที่เหลือแยกอีกฉบับหรือย่อขนาด",
        "All your files together exceed {limit}, so this one was not taken; please send the "
        "rest in a separate e-mail, or smaller.",
    ),
    "too_many_files": (
        "ได้รับไฟล์เกิน {limit} ไฟล์ จึงยังไม่ได้รับไฟล์นี้ — โปรดรวมไฟล์หรือส่งแยกอีกฉบับ",
        "More than {limit} files arrived, so this one was not taken; please combine files or "
        "send the rest in a separate e-mail.",
    ),
    "executable": (_SAFETY_TH + " — โปรดส่งเป็น PDF หรือ JPEG",
                   _SAFETY_EN + "; please send it as PDF or JPEG."),
    "script": (_SAFETY_TH + " — โปรดส่งเป็น PDF", _SAFETY_EN + "; please send it as PDF."),
    "office_macro": (
        _SAFETY_TH + " — โปรดส่งเป็น PDF หรือ DOCX ที่ไม่มีมาโคร",
        _SAFETY_EN + "; please send it as PDF, or as a DOCX without macros.",
    ),
    "office_encrypted": ("เอกสารตั้งรหัสผ่านไว้จึงเปิดอ่านไม่ได้ — โปรดส่งไฟล์ที่ไม่ตั้งรหัสผ่าน",
                         "The document is password-protected and cannot be opened; please "
                         "send it without a password."),
    "type_not_accepted": (
        "ไม่รับไฟล์ชนิดนี้ (รับ {accepted}) — โปรดส่งเป็น PDF หรือ JPEG",
        "This type of file is not accepted (we accept {accepted}); please send it as PDF or "
        "JPEG.",
    ),
    "type_not_as_named": (
        "ไฟล์ชื่อลงท้าย {ext} แต่เนื้อในเป็น {what_th} ไม่ใช่ไฟล์ {named} จริง จึงรับไว้ไม่ได้ "
        "— โปรดเปิดไฟล์แล้วบันทึกเป็น PDF (Save As) แล้วส่งใหม่",
        "The file's name ends in {ext} but it is really {what_en}, not a {named} file, so it "
        "cannot be accepted; please open it, save it as PDF and send it again.",
    ),
    "archive_not_supported": ("ไม่รับไฟล์บีบอัดชนิดนี้ — โปรดส่งเป็น ZIP หรือแนบไฟล์แยกกัน",
                              "This kind of archive is not accepted; please send a ZIP or "
                              "attach the files separately."),
    "tnef_unsupported": (
        "ไฟล์ winmail.dat เปิดอ่านไม่ได้ — โปรดส่งอีเมลใหม่ในรูปแบบ HTML หรือข้อความธรรมดา",
        "The winmail.dat file cannot be opened; please send the e-mail again in HTML or "
        "plain-text format.",
    ),
    "pdf_encrypted": ("PDF ตั้งรหัสผ่านไว้จึงเปิดอ่านไม่ได้ — โปรดส่งไฟล์ที่ไม่ตั้งรหัสผ่าน",
                      "The PDF is password-protected and cannot be opened; please send it "
                      "without a password."),
    "pdf_corrupt": ("PDF เสียหรือไม่สมบูรณ์ เปิดอ่านไม่ได้ — " + _AGAIN_TH,
                    "The PDF is damaged or incomplete and cannot be opened; " + _AGAIN_EN + "."),
    "pdf_viewer_cannot_open": (
        "PDF เปิดอ่านไม่ได้ — โปรดส่งไฟล์ใหม่ (เช่น สั่งพิมพ์เป็น PDF ใหม่)",
        "The PDF cannot be opened; please send it again (for example, print it to PDF anew).",
    ),
    "pdf_too_slow": (
        "PDF ใช้เวลาเปิดนานผิดปกติจึงยังรับไว้ไม่ได้ — โปรดส่งไฟล์ใหม่ที่เรียบง่ายกว่า "
        "(เช่น สั่งพิมพ์เป็น PDF ใหม่ หรือสแกนที่ความละเอียดต่ำลง)",
        "The PDF takes abnormally long to open, so it could not be accepted yet; please send a "
        "simpler copy (for example, print it to PDF anew or scan at a lower resolution).",
    ),
    "pdf_active_content": (
        _SAFETY_TH + " — โปรดส่ง PDF ธรรมดา (เช่น สั่งพิมพ์เป็น PDF ใหม่)",
        _SAFETY_EN + "; please send a plain PDF (for example, print it to PDF again).",
    ),
    "image_corrupt": ("ภาพเสียหรือไม่สมบูรณ์ เปิดดูไม่ได้ — " + _AGAIN_TH,
                      "The image is damaged or incomplete and cannot be shown; " + _AGAIN_EN
                      + "."),
    "image_too_large": ("ภาพมีขนาดใหญ่ผิดปกติจึงรับไว้ไม่ได้ — โปรดส่งภาพขนาดปกติ",
                        "The image is abnormally large and cannot be accepted; please send a "
                        "normal-size image."),
    "zip_corrupt": ("ไฟล์ ZIP เสียหรือเปิดไม่ได้ — โปรดส่งใหม่ หรือแนบไฟล์แยกกัน",
                    "The ZIP file is damaged or cannot be opened; please send it again or "
                    "attach the files separately."),
    "zip_encrypted": ("ไฟล์ ZIP ตั้งรหัสผ่านไว้ — โปรดส่งใหม่โดยไม่ตั้งรหัสผ่าน",
                      "The ZIP file is password-protected; please send it again without a "
                      "password."),
    "zip_traversal": (_SAFETY_TH + " — โปรดแนบไฟล์แยกกันโดยไม่บีบอัด",
                      _SAFETY_EN + "; please attach the files separately, not in a ZIP."),
    "zip_symlink": (_SAFETY_TH + " — โปรดแนบไฟล์แยกกันโดยไม่บีบอัด",
                    _SAFETY_EN + "; please attach the files separately, not in a ZIP."),
    "zip_too_many_members": ("ไฟล์ ZIP มีไฟล์ข้างในเกิน {limit} ไฟล์ — โปรดแบ่งส่งหลายชุด",
                             "The ZIP file holds more than {limit} files; please send smaller "
                             "sets."),
    "zip_too_large": ("ไฟล์ใน ZIP เมื่อแตกออกแล้วรวมกันเกิน {limit} — โปรดแบ่งส่งหลายชุด",
                      "Unpacked, the ZIP contents exceed {limit}; please send smaller sets."),
    "zip_member_too_large": (
        "ไฟล์ใน ZIP ({member}) ใหญ่เกินกำหนด {limit} ต่อไฟล์ — โปรดย่อขนาดแล้วส่งใหม่",
        "A file inside the ZIP ({member}) is over the limit of {limit} per file; please make "
        "it smaller and send it again.",
    ),
    "zip_bomb": (_SAFETY_TH + " — โปรดแนบไฟล์แยกกันโดยไม่บีบอัด",
                 _SAFETY_EN + "; please attach the files separately, not in a ZIP."),
    "zip_too_deep": ("ไฟล์ ZIP ซ้อนกันหลายชั้นเกินไป — โปรดส่งไฟล์โดยไม่บีบอัดซ้อนกัน",
                     "The ZIP files are nested too deep; please send the files without "
                     "archives inside archives."),
    "zip_empty": ("ไฟล์ ZIP ไม่มีไฟล์อยู่ข้างใน — โปรดตรวจแล้วส่งใหม่",
                  "The ZIP file holds no files; please check it and send it again."),
    "unreadable": ("ยังรับไฟล์นี้ไว้ไม่ได้ เจ้าหน้าที่จะตรวจดูและแจ้งท่านหากต้องส่งใหม่",
                   "This file could not be taken yet; an officer will look at it and tell you "
                   "if you need to send it again."),
    # Flags on accepted files: the file was taken; nothing for the applicant to do.
    "low_resolution": ("ได้รับไฟล์แล้ว หากอ่านไม่ชัด เจ้าหน้าที่จะแจ้งให้ท่านส่งภาพใหม่",
                       "File received; if it cannot be read clearly, an officer will ask you "
                       "for a new scan."),
    "name_mismatch": ("ได้รับไฟล์แล้ว", "File received."),
    "pdf_restricted": ("ได้รับไฟล์แล้ว", "File received."),
    "pdf_repaired": ("ได้รับไฟล์แล้ว", "File received."),
    "pdf_embedded_xml": ("ได้รับไฟล์แล้ว", "File received."),
    "office_embedded_object": ("ได้รับไฟล์แล้ว", "File received."),
}  # fmt: skip
assert _APPLICANT.keys() == _OFFICER.keys()

REASONS: dict[str, Reason] = {code: Reason(*_OFFICER[code], *_APPLICANT[code]) for code in _OFFICER}

GENERIC_APPLICANT = (
    "ยังรับไฟล์นี้ไว้ไม่ได้ — " + _AGAIN_TH,
    "This file could not be accepted; " + _AGAIN_EN + ".",
)
"""For a held file whose reason has no applicant text (a hold made outside this table)."""


def reason_texts(code: str, fields: dict[str, object]) -> tuple[str, str]:
    """The officer's (Thai, English) text for ``code``."""
    reason = REASONS[code]
    return reason.officer_th.format(**fields), reason.officer_en.format(**fields)


def applicant_texts(code: str | None, fields: dict[str, object]) -> tuple[str, str]:
    """The applicant's (Thai, English) text for ``code`` (a generic one if not in the table)."""
    reason = REASONS.get(code or "")
    if reason is None:
        return GENERIC_APPLICANT
    return reason.applicant_th.format(**fields), reason.applicant_en.format(**fields)
