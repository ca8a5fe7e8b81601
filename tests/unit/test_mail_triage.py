"""Which mail is not a request, who wrote a forwarded one, and received times in the future."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.intake.mail.forwarded import forwarded_sender
from services.intake.mail.parse import parse_mail
from services.intake.received_time import settle_received_time
from tests.data import mail_corpus as corpus


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (corpus.mail_delivery_report(), "delivery_report"),
        (corpus.mail_mailer_daemon(), "delivery_report"),
        (corpus.mail_plain("x", extra=["Return-Path: <>"]), "delivery_report"),
        (corpus.mail_auto_submitted(), "auto_reply"),
        (corpus.mail_plain("x", extra=["X-Autoreply: yes"]), "auto_reply"),
        (corpus.mail_suppress_autoreply(), "auto_reply"),
        (corpus.mail_out_of_office(), "auto_reply"),
        (corpus.mail_plain("x", subject=corpus.encoded_word("ตอบกลับอัตโนมัติ: ไม่อยู่")), "auto_reply"),
        (corpus.mail_bulk(), "bulk"),
        (corpus.mail_list(), "bulk"),
        (corpus.mail_newsletter(), "bulk"),
        (corpus.mail_bank_notice(), "machine_notice"),
        (corpus.mail_noreply(), "machine_notice"),
    ],
)
def test_mail_that_is_not_a_request_is_named_with_its_sign(raw: bytes, code: str) -> None:
    judged = parse_mail(raw).not_request
    assert judged is not None and judged[0] == code and judged[1]


@pytest.mark.parametrize(
    "raw",
    [
        corpus.mail_plain(),
        corpus.mail_thai_encoded_words(),
        corpus.mail_plain("x", extra=["Auto-Submitted: no"]),
        corpus.mail_plain("x", subject="Re: office hours for my permit"),
        corpus.mail_forwarded(),
        corpus.mail_no_sender(),  # no reply possible, but it may still be a request
    ],
)
def test_ordinary_requests_are_not_set_aside(raw: bytes) -> None:
    assert parse_mail(raw).not_request is None


def test_the_original_sender_of_a_forward_is_found_attached_or_inline() -> None:
    assert parse_mail(corpus.mail_forwarded()).forwarded_from == ("Somchai", corpus.APPLICANT)
    assert parse_mail(corpus.mail_forwarded_inline_thai()).forwarded_from == (
        corpus.THAI_NAME,
        corpus.APPLICANT,
    )
    assert parse_mail(corpus.mail_plain()).forwarded_from is None


@pytest.mark.parametrize(
    "body",
    [
        "FYI\n\n---------- Forwarded message ---------\nFrom: Somchai <S@Example.co.th>\nDate: x",
        "ดูด้วยครับ\n\n---------- ข้อความที่ส่งต่อ ---------\nจาก: Somchai <s@example.co.th>",
        "Begin forwarded message:\n\n> From: Somchai <s@example.co.th>\n> Subject: permit",
        "________________\nข้อความที่ส่งต่อ\nจาก: Somchai [mailto:s@example.co.th]\nส่ง: วันนี้",
    ],
)
def test_inline_forward_headers_of_common_clients(body: str) -> None:
    assert forwarded_sender(body) == ("Somchai", "s@example.co.th")


def test_a_forward_of_ones_own_mail_or_a_quoted_from_line_is_no_proposal() -> None:
    assert forwarded_sender("From: Somchai <s@example.co.th>\nno marker above") is None
    own = corpus.mail_forwarded_inline_thai(clerk=f"Somchai <{corpus.APPLICANT}>")
    assert parse_mail(own).forwarded_from is None


def test_a_time_after_the_arrival_is_clamped_and_flagged_a_small_drift_only_clamped() -> None:
    arrival = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    ahead = arrival + timedelta(days=25)
    assert settle_received_time(ahead, None, arrival)[0] == arrival
    assert len(settle_received_time(ahead, None, arrival)[1]) == 2  # Thai and English
    assert settle_received_time(arrival - timedelta(hours=2), ahead, arrival)[0] == arrival - (
        timedelta(hours=2)
    )
    assert settle_received_time(arrival - timedelta(hours=2), ahead, arrival)[1]
    drift = arrival + timedelta(minutes=3)
    assert settle_received_time(drift, drift, arrival) == (arrival, ())
