"""What the list shows for dates and SLA states, in Thai and in English."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from services.cases.views import ApplicationRow
from ui.common import i18n
from ui.common.formatting import (
    baht_exact,
    baht_short,
    days_text,
    format_date,
    format_days,
    roles_text,
    sla_badge,
)

MOMENT = datetime(2026, 11, 27, 7, 5, tzinfo=UTC)  # 14:05 in Bangkok

ROW = ApplicationRow(
    id="a1",
    tracking_number="TST-ST1-2569-000001",
    service_code="FOOD-SHOP",
    service_name_th="ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
    service_name_en="Licence to operate a food shop",
    applicant_name="นางสาวสมหญิง ใจดี",
    applicant_id_masked="1-1037-xxxxx-12-3",
    channel="email",
    subject="ขอใบอนุญาต",
    status="in_review",
    status_label_th="กำลังตรวจสอบ",
    status_label_en="In review",
    received_at=MOMENT,
    deemed_received_at=MOMENT,
    sla_due_at=MOMENT,
    sla_state="on_track",
    business_days_left=5.0,
    assignee=None,
)


def test_list_dates_are_buddhist_era_in_bangkok_time(gui) -> None:
    assert format_date(MOMENT, "th") == "27 พ.ย. 2569 14:05"
    assert format_date(MOMENT, "en") == "27 Nov 2026 14:05"
    assert format_date(MOMENT, "th", short=False) == "27 พฤศจิกายน 2569 เวลา 14:05 น."
    assert format_date(None, "th") == ""


@pytest.mark.parametrize(
    ("state", "days", "thai", "english"),
    [
        ("on_track", 5.0, "เหลือ 5 วัน", "5 days left"),
        ("at_risk", 1.0, "เหลือ 1 วัน", "1 day left"),
        ("overdue", -2.5, "เกิน 3 วัน", "3 days late"),
        ("on_track", 27.9, "เหลือ 27 วัน", "27 days left"),  # whole days on the chip
        ("at_risk", 0.4, "เหลือไม่ถึง 1 วัน", "less than 1 day left"),
        ("paused", 3.0, "หยุดนับเวลา", "Paused"),
        ("closed", None, "ปิดเรื่องแล้ว", "Closed"),
    ],
)
def test_sla_badge_words_and_colours(gui, state, days, thai, english) -> None:
    row = replace(ROW, sla_state=state, business_days_left=days)
    assert sla_badge(row).text == thai
    i18n.apply_language("en", gui)
    badge = sla_badge(row)
    assert badge.text == english
    colours = {
        "on_track": "#1e6b34",
        "at_risk": "#8a5a00",
        "overdue": "#a4262c",
        "paused": "#4d5562",
        "closed": "#6b7280",
    }
    assert badge.foreground.name() == colours[state]


def test_days_are_whole_when_they_can_be(gui) -> None:
    assert format_days(3.0) == "3"
    assert format_days(0.5) == "0.5"
    assert days_text(-1.0) == "เกิน 1 วัน"


def test_roles_in_a_fixed_order(gui) -> None:
    assert roles_text(frozenset({"approver", "reviewer"})) == "ผู้ตรวจสอบ, ผู้อนุมัติ"


def test_money_shows_its_satang_where_the_record_needs_them_and_prices_stay_short() -> None:
    assert baht_exact(105_050) == "1,050.50"
    assert baht_exact(35_000) == "350.00"
    assert baht_exact(7) == "0.07"
    assert baht_short(200_000) == "2,000"
    assert baht_short(35_050) == "350.50"
    assert baht_short(1_234_567_805) == "12,345,678.05"
