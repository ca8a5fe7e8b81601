"""The Thai QR Payment (PromptPay) payload: EMVCo merchant-presented mode, by hand.

A payload is a list of tag-length-value fields: ``00`` format "01", ``01`` "11" static or
"12" dynamic (one payment of a fixed amount), then the merchant account, either

* tag ``29`` credit transfer: ``00`` AID A000000677010111 and the PromptPay ID (``01``
  a mobile number as 0066 + 9 digits, ``02`` a national or tax ID of 13 digits, ``03`` an
  e-wallet ID of 15 digits), or
* tag ``30`` bill payment: ``00`` AID A000000677010112, ``01`` the biller ID (tax ID and a
  two-digit suffix, 15 digits), ``02`` reference 1 (our Transaction ID), ``03`` reference 2;

then ``58`` country TH, ``53`` currency 764 (baht), ``54`` the amount, and last ``63`` the
CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF) of everything before its value, in four
upper-case hex digits. The field order follows the published PromptPay examples the tests
check against; the CRC is checked against two independent implementations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = [
    "CreditTransfer",
    "BillPayment",
    "PromptPayError",
    "payload",
    "crc16_ccitt_false",
    "parse_tlv",
    "read_payload",
]

_CREDIT_AID: Final = "A000000677010111"
_BILL_AID: Final = "A000000677010112"
_REF_CHARS: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class PromptPayError(ValueError):
    """A PromptPay ID, biller ID, reference or amount that cannot go in a payload."""


@dataclass(frozen=True)
class CreditTransfer:
    """Tag 29: pay into a PromptPay ID (mobile number, national/tax ID or e-wallet)."""

    promptpay_id: str


@dataclass(frozen=True)
class BillPayment:
    """Tag 30: pay a biller, quoting reference 1 (and optionally reference 2)."""

    biller_id: str
    reference_1: str
    reference_2: str = ""


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise PromptPayError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _proxy(promptpay_id: str) -> str:
    digits = _digits(promptpay_id)
    if len(digits) == 13:
        return _tlv("02", digits)
    if len(digits) == 15:
        return _tlv("03", digits)
    if promptpay_id.strip().startswith("+66") or (len(digits) == 11 and digits.startswith("66")):
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits.startswith("0"):
        return _tlv("01", "0066" + digits[1:])
    raise PromptPayError(
        f"a PromptPay ID is a mobile number (10 digits), a national or tax ID (13 digits) or "
        f"an e-wallet ID (15 digits), not {promptpay_id!r}"
    )


def _reference(text: str, which: str) -> str:
    value = text.strip().upper()
    if len(value) > 20 or any(ch not in _REF_CHARS for ch in value):
        raise PromptPayError(f"{which} must be at most 20 characters of 0-9 A-Z, not {text!r}")
    return value


def _account(target: CreditTransfer | BillPayment) -> str:
    if isinstance(target, CreditTransfer):
        return _tlv("29", _tlv("00", _CREDIT_AID) + _proxy(target.promptpay_id))
    biller = _digits(target.biller_id)
    if len(biller) != 15:
        raise PromptPayError(f"a biller ID has 15 digits, not {target.biller_id!r}")
    ref1 = _reference(target.reference_1, "reference 1")
    if not ref1:
        raise PromptPayError("a bill payment needs reference 1")
    inner = _tlv("00", _BILL_AID) + _tlv("01", biller) + _tlv("02", ref1)
    if target.reference_2:
        inner += _tlv("03", _reference(target.reference_2, "reference 2"))
    return _tlv("30", inner)


def payload(target: CreditTransfer | BillPayment, amount_satang: int | None = None) -> str:
    """The QR text; with an amount it is a one-time (dynamic) QR for exactly that amount."""
    if amount_satang is not None and amount_satang <= 0:
        raise PromptPayError("the amount of a payment QR must be above zero")
    text = _tlv("00", "01") + _tlv("01", "11" if amount_satang is None else "12")
    text += _account(target) + _tlv("58", "TH") + _tlv("53", "764")
    if amount_satang is not None:
        baht, satang = divmod(amount_satang, 100)
        text += _tlv("54", f"{baht}.{satang:02d}")
    text += "6304"
    return text + f"{crc16_ccitt_false(text.encode('ascii')):04X}"


def parse_tlv(text: str) -> dict[str, str]:
    """Top-level (or nested) tag → value; raises PromptPayError on a broken length."""
    out: dict[str, str] = {}
    i = 0
    while i < len(text):
        head = text[i : i + 4]
        if len(head) < 4 or not head[2:].isdigit():
            raise PromptPayError(f"broken field at position {i}")
        size = int(head[2:])
        value = text[i + 4 : i + 4 + size]
        if len(value) != size:
            raise PromptPayError(f"field {head[:2]} is cut short")
        out[head[:2]] = value
        i += 4 + size
    return out


def read_payload(text: str) -> dict[str, str]:
    """The fields of a PromptPay payload after checking its CRC (what a slip's or notice's QR
    says): ``kind`` (credit_transfer | bill_payment), ``target``, ``reference_1``, ``amount``."""
    body, crc = text[:-4], text[-4:]
    if not body.endswith("6304") or f"{crc16_ccitt_false(body.encode('ascii')):04X}" != crc:
        raise PromptPayError("the CRC does not match")
    fields = parse_tlv(text)
    info = {"amount": fields.get("54", ""), "reference_1": "", "target": ""}
    if "30" in fields:
        inner = parse_tlv(fields["30"])
        info |= {"kind": "bill_payment", "target": inner.get("01", "")}
        info["reference_1"] = inner.get("02", "")
    elif "29" in fields:
        inner = parse_tlv(fields["29"])
        proxy = next((inner[k] for k in ("01", "02", "03") if k in inner), "")
        info |= {"kind": "credit_transfer", "target": proxy}
    else:
        raise PromptPayError("not a PromptPay payload (no tag 29 or 30)")
    return info
