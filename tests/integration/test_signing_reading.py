"""Signed files read with the fast hex-string reader (:mod:`services.produce.sign.pdf_hex`),
on the real SoftHSM2 token: the signature's container reads as pyHanko's own reader reads it,
a signed memo validates against the agency's root, and a changed byte or a container that
is not the signer's is still found."""

from __future__ import annotations

import io

from pyhanko.pdf_utils.reader import PdfFileReader

from services.produce.sign import Pin, TokenSession, load_trust_roots, pdf_hex, sign_pdf, verify_pdf
from services.produce.sign.pdf_signer import token_signer
from tests.integration.test_approval import memo_like_pdf
from tests.peers.softhsm import SoftToken


def _signed(token: SoftToken) -> bytes:
    session = TokenSession(token.module, token.label, Pin(token.pin))
    try:
        cert = next(c for c in session.certificates() if c.key_id == b"\x01")
        return sign_pdf(memo_like_pdf(), token_signer(session, cert), field_name="Approval",
                        reason="อนุมัติ", location="TST")  # fmt: skip
    finally:
        session.close()


def test_the_container_reads_as_pyhankos_own_reader_reads_it(
    softhsm: dict[str, SoftToken],
) -> None:
    signed = _signed(softhsm["approver"])
    pdf_hex.install()
    fast = PdfFileReader(io.BytesIO(signed), strict=False).embedded_regular_signatures[0]
    at = signed.rindex(b"/Contents <") + len(b"/Contents ")
    stream = io.BytesIO(signed)
    stream.seek(at)
    assert fast.sig_object["/Contents"] == pdf_hex._pyhanko_reader(stream)
    assert fast.signed_data is not None  # the CMS container parsed from it


def test_a_signed_memo_validates_and_a_changed_byte_or_container_is_found(
    softhsm: dict[str, SoftToken],
) -> None:
    token = softhsm["approver"]
    roots = load_trust_roots([token.root_pem])
    signed = _signed(token)
    assert verify_pdf(signed, roots, just_signed=True).ok
    assert verify_pdf(signed, roots).ok  # read in full, as anuyat verify reads it
    # A byte the signature covers, changed.
    at = signed.index(b"/Producer")
    tampered = signed[:at] + b"/Producex" + signed[at + len(b"/Producer") :]
    check = verify_pdf(tampered, roots, just_signed=True).signatures[0]
    assert not check.intact and not check.ok
    # A digit of the signature value itself, changed (the container still parses).
    start = signed.rindex(b"/Contents <") + len(b"/Contents <")
    digits = signed[start : signed.index(b">", start)].rstrip(b"0")
    flip = start + len(digits) - 8
    changed = (
        signed[:flip] + (b"1" if signed[flip : flip + 1] != b"1" else b"2") + signed[flip + 1 :]
    )
    result = verify_pdf(changed, roots, just_signed=True)
    assert not result.ok
