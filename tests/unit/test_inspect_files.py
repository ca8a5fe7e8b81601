"""The file inspector on hostile and odd files: each case says what an officer will see."""

from __future__ import annotations

import random
import zipfile

import pytest

from services.intake.inspect import REASONS, inspect_attachments, sniff
from services.intake.inspect.accepted import (
    ACCEPTED_KINDS,
    ACCEPTED_TYPES,
    accepted_file_patterns,
    accepted_types_text,
)
from services.intake.mail.parse import parse_mail
from services.intake.types import InspectedFile, Limits, ParsedAttachment
from tests.data import mail_corpus as corpus


def _one(
    name: str, data: bytes, limits: Limits | None = None, inline: bool = False
) -> InspectedFile:
    attachment = ParsedAttachment(name, "application/octet-stream", data, inline)
    results = inspect_attachments([attachment], limits or Limits())
    assert len(results) == 1, results
    return results[0]


def _rejected(result: InspectedFile, code: str) -> None:
    assert result.verdict == "rejected", result.reason_en
    assert result.reason_code == code
    assert code in result.flags
    assert result.reason_th and result.reason_en
    assert "{" not in result.reason_th + result.reason_en  # every field filled in


# -- accepted types ----------------------------------------------------------------------------


def test_pdf_is_accepted_with_its_page_count() -> None:
    result = _one("form.pdf", corpus.file_pdf(3))
    assert (result.verdict, result.content_type, result.pages) == ("accepted", "application/pdf", 3)
    assert result.reason_code is None and result.flags == ()
    assert result.origin_path == "form.pdf"


def test_jpeg_with_enough_resolution() -> None:
    result = _one("scan.jpg", corpus.file_image("JPEG", (1240, 1754), 150))
    assert result.verdict == "accepted" and result.content_type == "image/jpeg"
    assert (result.width_px, result.height_px, result.dpi) == (1240, 1754, 150)
    assert "low_resolution" not in result.flags


def test_low_resolution_jpeg_is_flagged_but_accepted() -> None:
    result = _one("phone.jpg", corpus.file_jpeg_low_resolution())
    assert result.verdict == "accepted"
    assert result.reason_code == "low_resolution" and "low_resolution" in result.flags
    assert "below readable resolution" in result.reason_en
    assert "ความละเอียดต่ำ" in result.reason_th


def test_scan_with_low_stated_dpi_is_flagged() -> None:
    result = _one("scan.jpg", corpus.file_image("JPEG", (1654, 2339), 100))
    assert "low_resolution" in result.flags and "100 dpi" in result.reason_en


def test_phone_photo_tagged_72_dpi_is_judged_by_pixels() -> None:
    result = _one("photo.jpg", corpus.file_image("JPEG", (3024, 4032), 72))
    assert result.verdict == "accepted" and "low_resolution" not in result.flags


def test_png_without_dpi_uses_pixel_size() -> None:
    big = _one("page.png", corpus.file_image("PNG", (1240, 1754), None))
    small = _one("thumb.png", corpus.file_image("PNG", (300, 400), None))
    assert big.verdict == "accepted" and big.flags == () and big.dpi is None
    assert small.verdict == "accepted" and small.flags == ("low_resolution",)


def test_gif_is_accepted_and_tiff_is_not() -> None:
    assert _one("a.gif", corpus.file_image("GIF", (1240, 1754), None)).verdict == "accepted"
    tiff = _one("a.tif", corpus.file_image("TIFF"))
    _rejected(tiff, "type_not_accepted")
    assert "TIFF" in tiff.reason_en


def test_docx_doc_and_thai_text() -> None:
    docx = _one("form.docx", corpus.file_docx())
    doc = _one("form.doc", corpus.file_doc())
    txt = _one("note.txt", corpus.file_txt_cp874())
    assert docx.verdict == doc.verdict == txt.verdict == "accepted"
    assert docx.content_type.endswith("wordprocessingml.document")
    assert doc.content_type == "application/msword"
    assert txt.content_type == "text/plain; charset=windows-874"


def test_utf8_and_utf16_text() -> None:
    assert _one("a.txt", "สวัสดี".encode()).content_type == "text/plain; charset=utf-8"
    utf16 = _one("b.txt", "สวัสดี".encode("utf-16"))
    assert utf16.verdict == "accepted" and utf16.content_type == "text/plain; charset=utf-16"


def test_name_without_extension_gets_one_from_the_content() -> None:
    result = _one("attachment-1", corpus.file_pdf())
    assert result.filename == "attachment-1.pdf" and result.verdict == "accepted"


def test_harmless_file_under_the_wrong_name_is_kept_as_what_it_is() -> None:
    result = _one("scan.pdf", corpus.file_image())
    assert result.verdict == "accepted" and result.content_type == "image/jpeg"
    assert result.reason_code == "name_mismatch" and result.filename == "scan.pdf.jpg"
    assert result.origin_path == "scan.pdf"


def test_inline_images_carry_the_inline_flag() -> None:
    result = _one("logo.png", corpus.file_image("PNG", (1240, 1754), None), inline=True)
    assert result.verdict == "accepted" and "inline" in result.flags
    assert result.reason_code is None


# -- rejected ----------------------------------------------------------------------------------


def test_program_renamed_pdf_is_rejected() -> None:
    result = _one("invoice.pdf", corpus.file_exe())
    _rejected(result, "executable")
    assert result.reason_th.startswith("ไฟล์ชื่อ .pdf แต่เนื้อในเป็นโปรแกรม Windows (.exe)")
    assert result.reason_en.startswith("The file is named .pdf but contains a Windows program")
    assert result.data == corpus.file_exe()  # kept for the quarantine


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.pdf", b"", "empty_file"),
        ("secret.pdf", corpus.file_pdf_encrypted(), "pdf_encrypted"),
        ("broken.pdf", corpus.file_pdf_corrupt(), "pdf_corrupt"),
        ("script.pdf", corpus.file_pdf_javascript(), "pdf_active_content"),
        ("launch.pdf", corpus.file_pdf_launch_action(), "pdf_active_content"),
        (
            "carrier.pdf",
            corpus.file_pdf_embedded("run.exe", corpus.file_exe()),
            "pdf_active_content",
        ),
        ("bomb.png", corpus.file_png_bomb_header(), "image_too_large"),
        ("cut.jpg", corpus.file_image()[:2000], "image_corrupt"),
        ("macro.docx", corpus.file_docx(macro=True), "office_macro"),
        ("macro.doc", corpus.file_doc_macro(), "office_macro"),
        ("locked.docx", corpus.file_docx_encrypted(), "office_encrypted"),
        ("winmail.dat", corpus.file_tnef(), "tnef_unsupported"),
        ("run.js", b"WScript.Shell.Run('calc')", "script"),
        ("page.txt", b"<!DOCTYPE html><html><script>x()</script></html>", "script"),
        ("pic.svg", b'<?xml version="1.0"?>\n<svg onload="x()"></svg>', "script"),
        ("setup.sh", b"#!/bin/sh\nrm -rf ~\n", "script"),
        ("docs.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 40, "archive_not_supported"),
        (
            "sheet.xlsx",
            corpus.file_zip([("[Content_Types].xml", b"<x/>"), ("xl/a.xml", b"<x/>")]),
            "type_not_accepted",
        ),
        ("blob.bin", bytes(range(256)) * 4, "type_not_accepted"),
    ],
)
def test_rejected_files(name: str, data: bytes, code: str) -> None:
    result = _one(name, data)
    _rejected(result, code)
    assert result.data == data


def test_encrypted_pdf_reason_asks_for_no_password() -> None:
    result = _one("secret.pdf", corpus.file_pdf_encrypted())
    assert "without a password" in result.reason_en and "ไม่ตั้งรหัสผ่าน" in result.reason_th
    assert result.flags == ("pdf_encrypted",)


def test_javascript_pdf_names_what_was_found() -> None:
    result = _one("script.pdf", corpus.file_pdf_javascript())
    assert "pdf_javascript" in result.flags and "JavaScript" in result.reason_en


def test_pdf_with_owner_password_only_is_readable() -> None:
    result = _one("limited.pdf", corpus.file_pdf_owner_password_only())
    assert result.verdict == "accepted" and result.pages == 1
    assert result.reason_code == "pdf_restricted"


def test_pdf_with_attached_xml_is_accepted() -> None:
    """e-Tax invoices and e-Receipts are PDF/A-3 with XML inside: payment evidence (P6)."""
    xml = b'<?xml version="1.0" encoding="UTF-8"?><rsm:TaxInvoice_CrossIndustryInvoice/>'
    result = _one("receipt.pdf", corpus.file_pdf_embedded("ETDA-invoice.xml", xml))
    assert result.verdict == "accepted" and "pdf_embedded_xml" in result.flags


# -- size limits -------------------------------------------------------------------------------


def test_thirty_megabyte_attachment_is_rejected_by_the_per_file_limit() -> None:
    mail = parse_mail(corpus.mail_large_attachment())
    (result,) = inspect_attachments(mail.attachments)
    _rejected(result, "file_too_large")
    # 30 × 1024 × 1024 bytes in decimal units, against the 25 MB (25,000,000-byte) limit.
    assert "31.5 MB" in result.reason_en and "25 MB" in result.reason_en
    assert len(result.data) == 30 * 1024 * 1024


def test_application_total_and_file_count() -> None:
    pdf = corpus.file_pdf()
    limits = Limits(max_application_bytes=2 * len(pdf) + 10, max_files=3)
    files = [ParsedAttachment(f"{i}.pdf", "application/pdf", pdf) for i in range(3)]
    results = inspect_attachments(files, limits)
    assert [r.verdict for r in results] == ["accepted", "accepted", "rejected"]
    assert results[2].reason_code == "application_too_large"

    limits = Limits(max_files=2)
    results = inspect_attachments(files, limits)
    assert [r.reason_code for r in results] == [None, None, "too_many_files"]


def test_rejected_files_do_not_use_up_the_application_allowance() -> None:
    pdf = corpus.file_pdf()
    files = [
        ParsedAttachment("bad.pdf", "application/pdf", corpus.file_exe()),
        ParsedAttachment("good.pdf", "application/pdf", pdf),
    ]
    results = inspect_attachments(files, Limits(max_files=1))
    assert [r.verdict for r in results] == ["rejected", "accepted"]


# -- ZIP ---------------------------------------------------------------------------------------


def test_zip_members_are_inspected_and_the_archive_is_not_kept() -> None:
    archive = corpus.file_zip(
        [
            ("docs/form.pdf", corpus.file_pdf(2)),
            ("docs/id.jpg", corpus.file_image()),
            ("docs/", b""),
            ("__MACOSX/docs/._form.pdf", b"\x00\x05\x16\x07"),
            ("run.exe", corpus.file_exe()),
        ]
    )
    results = inspect_attachments([ParsedAttachment("docs.zip", "application/zip", archive)])
    assert [(r.filename, r.verdict, r.origin_path) for r in results] == [
        ("form.pdf", "accepted", "docs.zip/docs/form.pdf"),
        ("id.jpg", "accepted", "docs.zip/docs/id.jpg"),
        ("run.exe", "rejected", "docs.zip/run.exe"),
    ]
    assert results[0].pages == 2


def test_zip_with_cp874_member_names() -> None:
    results = inspect_attachments(
        [ParsedAttachment("thai.zip", "application/zip", corpus.file_zip_cp874_names())]
    )
    assert [(r.filename, r.origin_path, r.verdict) for r in results] == [
        ("คำขอ.pdf", "thai.zip/คำขอ.pdf", "accepted"),
        ("ทะเบียนบ้าน.jpg", "thai.zip/เอกสาร/ทะเบียนบ้าน.jpg", "accepted"),
    ]


def test_zip_with_utf8_member_names() -> None:
    archive = corpus.file_zip([("สำเนา.pdf", corpus.file_pdf())])  # zipfile sets the UTF-8 flag
    (result,) = inspect_attachments([ParsedAttachment("a.zip", "application/zip", archive)])
    assert result.filename == "สำเนา.pdf"


def test_zip_nested_within_the_depth_limit() -> None:
    (result,) = inspect_attachments(
        [ParsedAttachment("outer.zip", "application/zip", corpus.file_zip_nested(2))]
    )
    assert result.verdict == "accepted" and result.origin_path == "outer.zip/level1.zip/form.pdf"


def test_zip_nested_too_deep() -> None:
    (result,) = inspect_attachments(
        [ParsedAttachment("outer.zip", "application/zip", corpus.file_zip_nested(3))]
    )
    _rejected(result, "zip_too_deep")
    assert result.origin_path == "outer.zip/level2.zip/level1.zip"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (corpus.file_zip_bomb(), "zip_bomb"),
        (corpus.file_zip_lying_sizes(), "zip_corrupt"),
        (corpus.file_zip_traversal(), "zip_traversal"),
        (corpus.file_zip_symlink(), "zip_symlink"),
        (corpus.file_zip_encrypted(), "zip_encrypted"),
        (b"PK\x03\x04" + b"\x00" * 100, "zip_corrupt"),
        (corpus.file_zip([]), "zip_empty"),
        (corpus.file_zip([("C:/Windows/evil.pdf", b"%PDF-1.4")]), "zip_traversal"),
        (corpus.file_zip([("/etc/cron.d/x", b"x")]), "zip_traversal"),
    ],
)
def test_bad_archives_are_one_rejected_file(data: bytes, code: str) -> None:
    (result,) = inspect_attachments([ParsedAttachment("a.zip", "application/zip", data)])
    _rejected(result, code)
    assert result.filename == "a.zip" and result.data == data


def test_zip_backslash_traversal_is_caught() -> None:
    data = corpus.file_zip([("..\\..\\boot.ini", b"x")])
    _rejected(_one("a.zip", data), "zip_traversal")


def test_zip_limits() -> None:
    many = corpus.file_zip([(f"{i}.txt", b"hello") for i in range(6)])
    _rejected(_one("many.zip", many, Limits(zip_max_members=5)), "zip_too_many_members")
    big = corpus.file_zip([("a.txt", b"a" * 3000), ("b.txt", b"b" * 3000)], zipfile.ZIP_STORED)
    _rejected(_one("big.zip", big, Limits(zip_max_total_bytes=5000)), "zip_too_large")
    member = corpus.file_zip([("a.txt", b"a" * 10_000)])  # deflated to a few bytes
    _rejected(_one("m.zip", member, Limits(max_file_bytes=5000)), "zip_member_too_large")


def test_zip_bomb_inside_a_zip_is_caught_by_the_shared_budget() -> None:
    inner = corpus.file_zip_bomb(3 * 1024 * 1024)
    outer = corpus.file_zip(
        [("ok.pdf", corpus.file_pdf()), ("inner.zip", inner)], zipfile.ZIP_STORED
    )
    results = inspect_attachments([ParsedAttachment("outer.zip", "application/zip", outer)])
    assert [(r.filename, r.verdict, r.reason_code) for r in results] == [
        ("ok.pdf", "accepted", None),
        ("inner.zip", "rejected", "zip_bomb"),
    ]


# -- sniffing and robustness -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"BMW application letter\n", "text"),
        (b"MZ" + b"\x00" * 10, "exe"),
        (b"\x7fELF\x02\x01", "exe"),
        (b"junk before header %PDF-1.4\n", "pdf"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "heic"),
        (b"\x78\x9f\x3e\x22\x01\x00", "tnef"),
    ],
)
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff(data).kind == kind


def test_every_reason_has_both_languages() -> None:
    for code, reason in REASONS.items():
        assert reason.officer_th and reason.officer_en, code
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in reason.officer_th), code


@pytest.mark.parametrize("seed", range(40))
def test_mangled_files_never_raise(seed: int) -> None:
    rng = random.Random(seed)
    sources = [
        corpus.file_pdf(2),
        corpus.file_image(),
        corpus.file_image("PNG", (200, 200), None),
        corpus.file_docx(),
        corpus.file_zip_cp874_names(),
        corpus.file_pdf_javascript(),
    ]
    data = bytearray(sources[seed % len(sources)])
    for _ in range(rng.randint(1, 30)):
        if not data:
            break
        position = rng.randrange(len(data))
        if rng.random() < 0.6:
            data[position] = rng.randrange(256)
        else:
            del data[position : position + rng.randint(1, 200)]
    results = inspect_attachments(
        [ParsedAttachment("mangled", "application/octet-stream", bytes(data))]
    )
    assert results
    for result in results:
        assert result.verdict in ("accepted", "rejected")
        if result.verdict == "rejected":
            assert result.reason_code and result.reason_th and result.reason_en


def test_an_unexpected_error_rejects_only_that_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import services.intake.inspect.attachments as module

    def explode(*args: object, **kwargs: object) -> InspectedFile:
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "inspect_pdf", explode)
    files = [
        ParsedAttachment("a.pdf", "application/pdf", corpus.file_pdf()),
        ParsedAttachment("b.jpg", "image/jpeg", corpus.file_image()),
    ]
    first, second = inspect_attachments(files)
    _rejected(first, "unreadable")
    assert second.verdict == "accepted"


def test_the_whole_corpus_end_to_end() -> None:
    """Parse then inspect every mail in the corpus: nothing raises, nothing vanishes."""
    for name in dir(corpus):
        if not name.startswith("mail_") or name in ("mail_multipart", "mail_with_files"):
            continue
        mail = parse_mail(getattr(corpus, name)())
        results = inspect_attachments(mail.attachments)
        assert len(results) >= len(mail.attachments), name


# -- the accepted-types text and the inspector share one table ---------------------------------


def test_a_file_merely_named_doc_is_told_what_it_really_is() -> None:
    # An RTF saved with a .doc name: refused, and the text must not list DOC as accepted
    # beside the applicant's own refused .doc.
    result = _one("คำร้อง.doc", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} hello}")
    _rejected(result, "type_not_as_named")
    assert ".doc" in result.reason_en and "RTF" in result.reason_en
    assert "not a real DOC file" in result.reason_en
    assert "ไม่ใช่ไฟล์ DOC จริง" in result.reason_th
    for text in (result.reason_en, result.applicant_en, result.reason_th, result.applicant_th):
        assert accepted_types_text() not in text
    assert "save it as PDF" in result.applicant_en


def test_the_refusal_lists_exactly_the_types_the_inspector_accepts() -> None:
    refused = _one("blob.bin", bytes(range(256)) * 4)
    _rejected(refused, "type_not_accepted")
    listed = accepted_types_text()
    assert listed in refused.reason_en and listed in refused.applicant_th
    assert listed.split(", ") == [t.label for t in ACCEPTED_TYPES]
    # Every listed type really passes the inspector's type gate …
    samples = {
        "pdf": corpus.file_pdf(1),
        "doc": corpus.file_doc(),
        "docx": corpus.file_docx(),
        "text": "สวัสดี".encode(),
        "jpeg": corpus.file_image(fmt="JPEG"),
        "png": corpus.file_image(fmt="PNG"),
        "gif": corpus.file_image(fmt="GIF"),
        "zip": corpus.file_zip([("a.txt", b"hello")]),
    }
    assert set(samples) == ACCEPTED_KINDS
    for kind, data in samples.items():
        assert sniff(data).kind == kind
        assert _one(f"sample-{kind}", data).verdict == "accepted", kind
    # … and a type not listed is refused whatever its name says.
    assert _one("scan.tif", corpus.file_image(fmt="TIFF")).reason_code == "type_not_accepted"
    # The counter's file picker offers the same table: no TIFF, every accepted name ending.
    patterns = accepted_file_patterns().split()
    assert "*.tif" not in patterns and "*.tiff" not in patterns
    assert {f"*{ext}" for t in ACCEPTED_TYPES for ext in t.extensions} == set(patterns)
