"""The mail parser on a hostile and odd corpus: Thai charsets, forwards, HTML, loops, garbage."""

from __future__ import annotations

import ast
import base64
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.intake.mail.html_text import html_to_text
from services.intake.mail.parse import (
    TNEF_PROBLEM,
    decode_bytes,
    decode_header_value,
    normalize_charset,
    parse_mail,
    safe_filename,
)
from tests.data import mail_corpus as corpus

ROOT = Path(__file__).resolve().parents[2]


# -- charsets and headers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["tis-620", "TIS620", "iso-8859-11", "windows-874", "x-windows-874", "cp874", '"TIS-620"'],
)
def test_thai_charset_aliases_map_to_cp874(name: str) -> None:
    assert normalize_charset(name) == "cp874"


def test_unknown_charset_falls_back_and_says_so() -> None:
    text, problem = decode_bytes("ทดสอบ".encode("cp874"), "x-made-up")
    assert text == "ทดสอบ"
    assert problem is not None and "x-made-up" in problem


def test_undecodable_bytes_are_replaced_not_raised() -> None:
    text, problem = decode_bytes(b"abc\x81\xfe", "utf-8")
    assert text.startswith("abc") and "\ufffd" in text
    assert problem is not None


@pytest.mark.parametrize("charset", ["tis-620", "TIS620", "windows-874", "x-windows-874"])
@pytest.mark.parametrize("encoding", ["B", "Q"])
def test_encoded_words_in_thai_charsets(charset: str, encoding: str) -> None:
    header = corpus.encoded_word(corpus.THAI_SUBJECT, charset, encoding)
    assert decode_header_value(header) == corpus.THAI_SUBJECT


def test_adjacent_encoded_words_join_without_the_space_between() -> None:
    split_utf8 = "ทดสอบ".encode()
    header = (
        f"=?utf-8?B?{base64.b64encode(split_utf8[:4]).decode()}?= "
        f"=?utf-8?B?{base64.b64encode(split_utf8[4:]).decode()}?="
    )
    assert decode_header_value(header) == "ทดสอบ"


def test_encoded_word_with_language_suffix_and_mixed_literal() -> None:
    header = "Re: " + corpus.encoded_word("ขอบคุณ", "utf-8").replace("?utf-8?", "?utf-8*th?")
    assert decode_header_value(header) == "Re: ขอบคุณ"


def test_thai_encoded_word_headers() -> None:
    mail = parse_mail(corpus.mail_thai_encoded_words())
    assert mail.subject == corpus.THAI_SUBJECT
    assert mail.sender_name == corpus.THAI_NAME
    assert mail.sender_address == corpus.APPLICANT  # lower-cased
    assert mail.reply_to == corpus.APPLICANT


def test_raw_8bit_tis620_headers_and_body() -> None:
    mail = parse_mail(corpus.mail_thai_raw_8bit_headers())
    assert mail.subject == corpus.THAI_SUBJECT
    assert mail.sender_name == corpus.THAI_NAME
    assert mail.body_text == corpus.THAI_BODY
    assert mail.problems == ()


def test_windows874_body_keeps_typographic_quotes() -> None:
    mail = parse_mail(corpus.mail_windows874_body())
    assert corpus.THAI_BODY in mail.body_text
    assert "“อ้างถึง” …" in mail.body_text


def test_body_declared_utf8_but_really_cp874() -> None:
    mail = parse_mail(corpus.mail_mislabelled_charset())
    assert mail.body_text == corpus.THAI_BODY
    assert any("read as cp874" in p for p in mail.problems)


# -- identity, threading, dates ----------------------------------------------------------------


def test_message_id_references_and_date() -> None:
    raw = corpus.mail_plain(
        message_id="  < abc.123@example.co.th >",
        extra=[
            "In-Reply-To: <ack-9@agency.example.go.th> (our acknowledgement)",
            "References: <a@x>\r\n <b@y> <a@x>",
        ],
    )
    mail = parse_mail(raw)
    assert mail.message_id == "abc.123@example.co.th"
    assert mail.idempotency_key == "abc.123@example.co.th"
    assert mail.in_reply_to == "ack-9@agency.example.go.th"
    assert mail.references == ("a@x", "b@y")
    assert mail.date == datetime(2025, 1, 6, 2, 15, tzinfo=UTC)
    assert mail.to == (corpus.AGENCY,)


def test_missing_message_id_uses_a_hash_of_the_bytes() -> None:
    raw = corpus.mail_without_message_id()
    first, second = parse_mail(raw), parse_mail(raw)
    assert first.message_id is None
    assert first.idempotency_key.startswith("sha256:") and len(first.idempotency_key) == 71
    assert first.idempotency_key == second.idempotency_key
    assert parse_mail(raw + b"\r\n").idempotency_key != first.idempotency_key


def test_duplicate_message_id_gives_the_same_key() -> None:
    first = parse_mail(corpus.mail_plain("first copy"))
    again = parse_mail(corpus.mail_plain("first copy"))
    assert first.idempotency_key == again.idempotency_key == "req-0001@example.co.th"


def test_subject_and_sender_name_are_cleaned_and_bounded() -> None:
    subject = corpus.encoded_word("\u202eขอใบอนุญาต\x00ร้านอาหาร" + "ก" * 40_000, "utf-8")
    name = corpus.encoded_word("สม\x00ชาย\u202e" + "x" * 20_003, "utf-8")
    mail = parse_mail(corpus.mail_plain(subject=subject, sender=f"{name} <a@example.co.th>"))
    assert mail.subject.startswith("ขอใบอนุญาตร้านอาหารกก") and len(mail.subject) == 300
    assert mail.sender_name.startswith("สมชายxx") and len(mail.sender_name) == 200


def test_reply_to_wins_over_from() -> None:
    mail = parse_mail(corpus.mail_plain(extra=["Reply-To: Office <Office@Example.co.th>"]))
    assert mail.reply_to == "office@example.co.th"
    assert mail.sender_address == corpus.APPLICANT


@pytest.mark.parametrize("date", ["not a date", "Mon, 99 Foo 2025 99:99:99 +9999", ""])
def test_bad_dates_become_none(date: str) -> None:
    raw = corpus.mail_plain().replace(
        b"Date: Mon, 06 Jan 2025 09:15:00 +0700", f"Date: {date}".encode()
    )
    assert parse_mail(raw).date is None


def test_date_without_zone_is_utc() -> None:
    raw = corpus.mail_plain().replace(b"+0700", b"-0000")
    assert parse_mail(raw).date == datetime(2025, 1, 6, 9, 15, tzinfo=UTC)


# -- auto replies (RFC 3834) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "why"),
    [
        (corpus.mail_auto_submitted, "Auto-Submitted"),
        (corpus.mail_bulk, "Precedence"),
        (corpus.mail_list, "mailing list"),
        (corpus.mail_noreply, "does not take replies"),
        (corpus.mail_mailer_daemon, "does not take replies"),
        (corpus.mail_suppress_autoreply, "X-Auto-Response-Suppress"),
        (corpus.mail_no_sender, "no sender"),
        (corpus.mail_garbage, "no sender"),
    ],
)
def test_no_auto_reply_to_machines(builder: object, why: str) -> None:
    mail = parse_mail(builder())  # type: ignore[operator]
    assert mail.auto_reply_blocked is not None and why in mail.auto_reply_blocked


@pytest.mark.parametrize(
    "sender",
    ["donotreply@bank.example", "postmaster@x.example", "bounces+123@list.example",
     "noreply-alerts@x.example", "do_not_reply@x.example"],
)  # fmt: skip
def test_noreply_sender_patterns(sender: str) -> None:
    assert parse_mail(corpus.mail_plain(sender=sender)).auto_reply_blocked is not None


@pytest.mark.parametrize(
    "extra",
    [["Auto-Submitted: no"], ["Precedence: first-class"], ["X-Auto-Response-Suppress: DR, RN"]],
)
def test_people_get_auto_replies(extra: list[str]) -> None:
    assert parse_mail(corpus.mail_plain(extra=extra)).auto_reply_blocked is None
    assert (
        parse_mail(corpus.mail_plain(sender="Noreen <noreen@example.co.th>")).auto_reply_blocked
        is None
    )


# -- bodies ------------------------------------------------------------------------------------


def test_alternative_prefers_plain_text() -> None:
    assert parse_mail(corpus.mail_alternative()).body_text == "plain version"


def test_html_only_mail_becomes_safe_text() -> None:
    mail = parse_mail(corpus.mail_html_only())
    text = mail.body_text
    assert "tracker" not in text and "http://" not in text.replace("https://drive.example/file", "")
    assert "fetch(" not in text and "color:red" not in text and "ignore me" not in text
    assert "เรียน เจ้าหน้าที่" in text  # &nbsp; decoded
    assert "ขอยื่น&คำขอ\nบรรทัดที่สอง" in text  # &amp; decoded, <br> kept as a line break
    assert "• สำเนาบัตร\n• ทะเบียนบ้าน" in text
    assert "[image]" in text
    assert "เอกสาร <https://drive.example/file>" in text  # shown as text, never followed
    assert mail.attachments == ()


def test_html_helper_edge_cases() -> None:
    assert html_to_text("<p>a</p><p>b</p>") == "a\n\nb"
    assert html_to_text("x<script>never closed") == "x"
    assert html_to_text('<img src="http://t.example/p.gif" alt="ID card">') == "[image: ID card]"
    assert html_to_text("<pre>keep\nlines</pre>") == "keep\nlines"
    assert html_to_text("<a href='javascript:alert(1)'>click</a>") == "click"
    assert html_to_text("") == ""
    assert html_to_text("<<<>>>&&&;;<!-- x") is not None


@pytest.mark.parametrize(
    "module",
    [f"services/intake/mail/{name}.py" for name in
     ("html_text", "parse", "charsets", "headers", "body", "parts", "auto_reply", "auth_results",
      "fingerprint")],
)  # fmt: skip
def test_the_parser_cannot_fetch_anything(module: str) -> None:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    network = {"urllib", "http", "socket", "ssl", "requests", "httpx", "ftplib", "smtplib",
               "imaplib", "asyncio", "aiohttp", "webbrowser"}  # fmt: skip
    assert not imported & network


# -- attachments -------------------------------------------------------------------------------


def test_rfc2231_and_rfc2047_thai_filenames() -> None:
    mail = parse_mail(corpus.mail_rfc2231_thai_filename())
    names = [a.filename for a in mail.attachments]
    assert names == [corpus.THAI_FILENAME, "ทะเบียนบ้าน.jpg", "หนังสือมอบอำนาจ.pdf", "evilgpj.exe"]
    assert mail.attachments[0].declared_type == "application/pdf"
    assert mail.attachments[0].data.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("C:\\Users\\me\\scan.pdf", "scan.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..", ""),
        ("  report.pdf. ", "report.pdf"),
        ("a\x00b\x1fc.pdf", "abc.pdf"),
        ("photo\u202egnp.exe", "photognp.exe"),
        ('what?<is>:this*|".pdf', "what__is__this___.pdf"),
        ("ก" * 300 + ".pdf", "ก" * 82 + "….pdf"),  # 255 bytes of UTF-8 at most
    ],
)
def test_safe_filename(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


def test_nameless_attachments_get_numbered_names() -> None:
    parts = [
        corpus.text_part("hi"),
        corpus.attachment_part("", corpus.file_pdf(), "application/pdf"),
        corpus.attachment_part('filename="../"', corpus.file_pdf(), "application/pdf"),
    ]
    mail = parse_mail(corpus.mail_multipart(parts))
    assert [a.filename for a in mail.attachments] == ["attachment-1", "attachment-2"]


def test_text_attachment_is_a_document_not_the_body() -> None:
    parts = [
        corpus.text_part("the body"),
        corpus.attachment_part('filename="note.txt"', corpus.file_txt_cp874(), "text/plain"),
    ]
    mail = parse_mail(corpus.mail_multipart(parts))
    assert mail.body_text == "the body"
    assert [a.filename for a in mail.attachments] == ["note.txt"]


def test_forwarded_message_keeps_its_text_and_attachments() -> None:
    mail = parse_mail(corpus.mail_forwarded())
    assert mail.subject == "Fwd: request"
    assert mail.body_text.startswith("FYI, forwarding the request below.")
    header = f"---- Forwarded message: {corpus.THAI_SUBJECT} from Somchai <{corpus.APPLICANT}> ----"
    assert header in mail.body_text
    assert corpus.THAI_BODY in mail.body_text
    assert [a.filename for a in mail.attachments] == ["house-registration.pdf"]
    assert mail.message_id == "req-0001@example.co.th"  # the outer message's identity


def test_inline_image_is_an_inline_attachment() -> None:
    mail = parse_mail(corpus.mail_inline_image())
    assert "See the scan below" in mail.body_text
    (image,) = mail.attachments
    assert image.inline and image.content_id == "scan1@example"
    assert image.declared_type == "image/png" and image.data.startswith(b"\x89PNG")


def test_winmail_dat_is_kept_and_flagged() -> None:
    mail = parse_mail(corpus.mail_winmail())
    assert [a.filename for a in mail.attachments] == ["winmail.dat"]
    assert TNEF_PROBLEM in mail.problems


def test_large_attachment_still_parses() -> None:
    mail = parse_mail(corpus.mail_large_attachment())
    (big,) = mail.attachments
    assert len(big.data) == 30 * 1024 * 1024


def test_signature_parts_are_reported_not_kept() -> None:
    parts = [
        corpus.text_part("signed"),
        corpus.attachment_part('filename="smime.p7s"', b"\x30\x82", "application/pkcs7-signature"),
    ]
    mail = parse_mail(corpus.mail_multipart(parts, subtype="signed"))
    assert mail.attachments == ()
    assert any("signature" in p for p in mail.problems)


# -- nothing crashes ---------------------------------------------------------------------------


def test_garbage_still_yields_a_mail() -> None:
    mail = parse_mail(corpus.mail_garbage())
    assert "not a mail at all" in mail.body_text
    assert mail.idempotency_key.startswith("sha256:")
    assert mail.problems
    assert "\x00" not in mail.body_text


def test_absurd_nesting_is_cut_off() -> None:
    inner = corpus.text_part("deep")
    for level in range(40):
        boundary = f"n{level}"
        inner = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n' + corpus.multipart(
            [inner], boundary=boundary
        )
    raw = b"From: a@b.example\r\nSubject: deep\r\n" + inner.encode()
    mail = parse_mail(raw)
    assert any("nesting" in p for p in mail.problems)


@pytest.mark.parametrize("seed", range(30))
def test_mangled_mail_never_raises(seed: int) -> None:
    rng = random.Random(seed)
    sources = [
        corpus.mail_forwarded(),
        corpus.mail_rfc2231_thai_filename(),
        corpus.mail_inline_image(),
    ]
    data = bytearray(sources[seed % len(sources)])
    for _ in range(rng.randint(1, 40)):
        position = rng.randrange(len(data))
        action = rng.random()
        if action < 0.4:
            data[position] = rng.randrange(256)
        elif action < 0.7:
            del data[position : position + rng.randint(1, 50)]
        else:
            data[position:position] = rng.choice([b"=?tis-620?B?", b"\r\n", b"--b1", b"\x00", b";"])
    mail = parse_mail(bytes(data))
    assert mail.idempotency_key


def test_broken_headers_do_not_stop_the_parse() -> None:
    raw = (
        b'From: "unterminated <x@\r\n'
        b"To: ,,,@,<>\r\n"
        b"Subject: =?bogus-charset?B?!!!?= =?utf-8?Q?=E0=B8?=\r\n"
        b'Content-Type: text/plain; charset="\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        b"not base64 at all ###"
    )
    mail = parse_mail(raw)
    assert isinstance(mail.subject, str)
    assert mail.sender_address == ""
    assert mail.auto_reply_blocked == "no sender address"


def test_multipart_without_boundary_shows_its_text() -> None:
    raw = (
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\n"
        b"hello body\r\n--zz\r\nContent-Type: text/plain\r\n\r\npart\r\n--zz--\r\n"
    )
    mail = parse_mail(raw)
    assert mail.body_text.startswith("hello body") and mail.attachments == ()
    assert any("boundary" in p for p in mail.problems)


def test_base64_encoded_forward_is_still_read() -> None:
    inner = base64.encodebytes(b"From: c@d.example\r\nSubject: inner\r\n\r\ninner body\r\n")
    raw = (
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: message/rfc822\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + inner
    )
    body = parse_mail(raw).body_text
    assert "---- Forwarded message: inner from c@d.example ----" in body
    assert "inner body" in body


def test_pathological_nesting_still_gives_headers_and_raw_text() -> None:
    inner = "Content-Type: text/plain\r\n\r\ndeep\r\n"
    for level in range(3000):  # deeper than the stdlib parser can recurse
        b = f"n{level}"
        inner = (
            f'Content-Type: multipart/mixed; boundary="{b}"\r\n\r\n--{b}\r\n{inner}\r\n--{b}--\r\n'
        )
    raw = f"From: Somchai <{corpus.APPLICANT}>\r\nMessage-ID: <deep@x>\r\nSubject: deep\r\n"
    mail = parse_mail(raw.encode() + inner.encode())
    assert (mail.subject, mail.sender_address, mail.idempotency_key) == (
        "deep",
        corpus.APPLICANT,
        "deep@x",
    )
    assert "deep" in mail.body_text and mail.attachments == ()
    assert mail.auto_reply_blocked == "the message could not be parsed"
    assert any("could not be parsed" in p for p in mail.problems)


# -- sender authentication (RFC 8601) ----------------------------------------------------------

AGENCY_MX = "mx.tst.go.th"


def _auth(*results: str, authserv_id: str = AGENCY_MX) -> tuple[str, str]:
    mail = parse_mail(
        corpus.mail_plain(extra=[f"Authentication-Results: {r}" for r in results]),
        authserv_id=authserv_id,
    )
    return mail.sender_auth, mail.sender_auth_detail


@pytest.mark.parametrize(
    ("headers", "verdict"),
    [
        ([f"{AGENCY_MX}; spf=fail smtp.mailfrom=x.th; dkim=none; dmarc=fail header.from=x.th"],
         "fail"),
        ([f"{AGENCY_MX}; dmarc=pass header.from=x.th"], "pass"),
        ([f"{AGENCY_MX.upper()} 1; spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=x.th"], "pass"),
        ([f"{AGENCY_MX};\r\n\tdkim=fail (bad signature) header.d=x.th;\r\n\tspf=fail"], "fail"),
        ([f"{AGENCY_MX}; spf=softfail smtp.mailfrom=x.th"], "none"),
        ([f"{AGENCY_MX}; none"], "none"),
        # Only the agency's own server is believed: a header anyone could write is ignored.
        ([f"{AGENCY_MX}; dmarc=fail", "attacker.example; dmarc=pass"], "fail"),
        (["attacker.example; dmarc=pass; spf=pass"], "none"),
        (["attacker.example; dmarc=fail"], "none"),
        # The agency's server adds its header on top; a forged copy lower down is not read.
        ([f"{AGENCY_MX}; dmarc=fail", f"{AGENCY_MX}; dmarc=pass"], "fail"),
        ([f"{AGENCY_MX}.attacker.example; dmarc=fail"], "none"),
    ],
)  # fmt: skip
def test_authentication_results_of_the_agencys_server_only(
    headers: list[str], verdict: str
) -> None:
    assert _auth(*headers)[0] == verdict


def test_no_authserv_id_believes_no_header() -> None:
    assert _auth(f"{AGENCY_MX}; dmarc=fail", authserv_id="") == ("none", "")
    assert _auth(f"{AGENCY_MX}; dmarc=fail")[1] == "dmarc=fail"
