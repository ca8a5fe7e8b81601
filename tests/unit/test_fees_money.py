"""Fees' pure parts: amounts in Thai words, the Transaction ID rule, the PromptPay payload
against published examples and independent CRCs, the QR drawn and read back, fiscal years,
and the catalog's fee rules applied to a form."""

from __future__ import annotations

import binascii
import io
from datetime import UTC, datetime

import crcmod.predefined
import pytest
import zxingcpp
from PIL import Image

from services.catalog.loader import Fee, FeeTier
from services.fees.amounts import fee_amount
from services.fees.notice_pdf import qr_png
from services.fees.promptpay import (
    BillPayment,
    CreditTransfer,
    PromptPayError,
    crc16_ccitt_false,
    payload,
    read_payload,
)
from services.fees.receipts import fiscal_year_be
from services.fees.thai_baht import baht_figures, baht_text
from services.fees.transaction_id import (
    find_transaction_ids,
    is_valid_transaction_id,
    transaction_id,
)
from services.kernel.errors import InvalidInput


@pytest.mark.parametrize(
    ("satang", "words"),
    [
        (0, "ศูนย์บาทถ้วน"),
        (100, "หนึ่งบาทถ้วน"),
        (1100, "สิบเอ็ดบาทถ้วน"),
        (2100, "ยี่สิบเอ็ดบาทถ้วน"),
        (10100, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (123400, "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"),
        (200000, "สองพันบาทถ้วน"),
        (2125, "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"),
        (50, "ห้าสิบสตางค์"),
        (1, "หนึ่งสตางค์"),
        (11, "สิบเอ็ดสตางค์"),
        (100000000, "หนึ่งล้านบาทถ้วน"),
        (100000100, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (2100000000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
        (123456789, "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์"),
    ],
)
def test_amounts_in_thai_words_as_bahttext_writes_them(satang: int, words: str) -> None:
    assert baht_text(satang) == words


def test_amounts_in_figures_and_no_negative_words() -> None:
    assert baht_figures(123456789) == "1,234,567.89" and baht_figures(5) == "0.05"
    with pytest.raises(ValueError):
        baht_text(-1)


def test_transaction_id_follows_the_rule_and_its_check_catches_typing_mistakes() -> None:
    tx = transaction_id("DEMO-01-2569-000042")
    assert tx == "016900004212" and is_valid_transaction_id(tx)
    assert transaction_id("DEMO-01-2569-000042", 2)[:-1] == "016900004222"[:-1]
    # every single wrong character and every swap of neighbours is caught
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i in range(len(tx)):
        for ch in alphabet:
            if ch != tx[i]:
                assert not is_valid_transaction_id(tx[:i] + ch + tx[i + 1 :])
        if i + 1 < len(tx) and tx[i] != tx[i + 1]:
            swapped = tx[:i] + tx[i + 1] + tx[i] + tx[i + 2 :]
            assert not is_valid_transaction_id(swapped)
    assert find_transaction_ids(f"Re: ชำระเงิน ref {tx.lower()} แล้วครับ") == [tx]
    with pytest.raises(ValueError):
        transaction_id("not a tracking number")


@pytest.mark.parametrize(
    ("target", "amount", "expected"),
    [
        # published examples of dtinth/promptpay-qr (index.test.js)
        (
            CreditTransfer("0801234567"),
            None,
            "00020101021129370016A000000677010111011300668012345675802TH530376463046197",
        ),
        (
            CreditTransfer("+66-89-123-4567"),
            None,
            "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1",
        ),
        (
            CreditTransfer("1-1111-11111-11-1"),
            None,
            "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A",
        ),
        (
            CreditTransfer("0123456789012"),
            None,
            "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD",
        ),
        (
            CreditTransfer("000-000-0000"),
            422,
            "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469",
        ),
    ],
)
def test_promptpay_payload_matches_published_examples(target, amount, expected) -> None:
    assert payload(target, amount) == expected


def test_crc_agrees_with_two_independent_implementations() -> None:
    # A published bill-payment payload with its CRC (tag 30, reference 1 and 2).
    published = (
        "000201010212304701151423461990019930210REFERENCE10310REFERENCE252047011530376454061"
        "00.005802TH5907PPETECH6007BANGKOK62380523202106250425429530000000707SRU123563043AEF"
    )
    body = published[:-4].encode("ascii")
    crc_false = crcmod.predefined.mkCrcFun("crc-ccitt-false")
    assert f"{crc16_ccitt_false(body):04X}" == published[-4:]
    for sample in (body, b"123456789", b"", "ค่าธรรมเนียม".encode()):
        ours = crc16_ccitt_false(sample)
        assert ours == binascii.crc_hqx(sample, 0xFFFF) == crc_false(sample)
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # the catalogue's check value


def test_bill_payment_carries_the_transaction_id_as_reference_1() -> None:
    tx = transaction_id("DEMO-01-2569-000042")
    text = payload(BillPayment("099400015804500", tx), 200000)
    assert "0016A000000677010112" in text and "5407" + "2000.00" in text
    info = read_payload(text)
    assert info == {
        "kind": "bill_payment",
        "target": "099400015804500",
        "reference_1": tx,
        "amount": "2000.00",
    }
    with pytest.raises(PromptPayError, match="CRC"):
        read_payload(text[:-1] + ("0" if text[-1] != "0" else "1"))
    with pytest.raises(PromptPayError):
        payload(BillPayment("12345", tx), 100)
    with pytest.raises(PromptPayError):
        payload(CreditTransfer("12"), 100)
    with pytest.raises(PromptPayError):
        payload(CreditTransfer("0801234567"), 0)


def test_the_qr_image_decodes_back_to_the_payload() -> None:
    text = payload(BillPayment("099400015804500", "016900004212"), 123456)
    image = Image.open(io.BytesIO(qr_png(text)))
    found = zxingcpp.read_barcodes(image)
    assert [r.text for r in found] == [text]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode


def test_fiscal_year_turns_on_the_first_of_october_bangkok_time() -> None:
    assert fiscal_year_be(datetime(2026, 9, 30, 16, 59, tzinfo=UTC)) == 2569  # 23:59 Bangkok
    assert fiscal_year_be(datetime(2026, 9, 30, 17, 0, tzinfo=UTC)) == 2570  # 1 Oct 00:00
    assert fiscal_year_be(datetime(2027, 1, 5, tzinfo=UTC)) == 2570


def test_fee_rules_read_the_form() -> None:
    fixed = Fee(20000, "before_issue")
    assert fee_amount(fixed, {}) == 20000
    assert fee_amount(Fee(0, "none"), {"area": "500"}) == 0
    per_m2 = Fee(10000, "before_issue", rule="per_unit", basis="area", rate_satang=250)
    assert fee_amount(per_m2, {"area": "120.5"}) == 30125  # 120.5 m² × 2.50 baht
    assert fee_amount(per_m2, {"area": "10"}) == 10000  # never below the least fee
    tiers = Fee(
        50000,
        "before_issue",
        rule="tiers",
        basis="area",
        tiers=(FeeTier(200, 100000), FeeTier(500, 200000), FeeTier(None, 300000)),
    )
    assert [fee_amount(tiers, {"area": a}) for a in ("200", "200.01", "1,000")] == [
        100000,
        200000,
        300000,
    ]
    size = Fee(
        50000, "before_approval", rule="by_choice", basis="size",
        choices=(("small", 50000), ("large", 150000)),
    )  # fmt: skip
    assert fee_amount(size, {"size": "large"}) == 150000
    with pytest.raises(InvalidInput, match="size"):
        fee_amount(size, {"size": "huge"})
    with pytest.raises(InvalidInput, match="area"):
        fee_amount(tiers, {"area": "ไม่ทราบ"})
