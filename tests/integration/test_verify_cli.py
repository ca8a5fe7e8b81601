"""``anuyat verify FILE.pdf`` and ``anuyat doctor``'s token line, on a real SoftHSM2 token."""

from __future__ import annotations

from pathlib import Path

from app import doctor
from app.cli import main
from app.settings import Settings
from services.produce.pdf.flow import Flow
from services.produce.sign import Pin, TokenSession, sign_pdf
from services.produce.sign.pdf_signer import token_signer
from tests.peers.softhsm import SoftToken


def _signed(softhsm: dict[str, SoftToken], tmp_path: Path) -> Path:
    token = softhsm["approver"]
    flow = Flow("test")
    flow.text("บันทึกการพิจารณาอนุมัติคำขอ")
    session = TokenSession(token.module, token.label, Pin(token.pin))
    try:
        cert = next(c for c in session.certificates() if c.key_id == b"\x01")
        data = sign_pdf(flow.finish(), token_signer(session, cert), field_name="Approval",
                        reason="อนุมัติ", location="TST")  # fmt: skip
    finally:
        session.close()
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    return path


def test_verify_prints_signer_time_integrity_and_trust(softhsm, tmp_path, capsys) -> None:
    path = _signed(softhsm, tmp_path)
    root = str(softhsm["approver"].root_pem)
    assert main(["verify", str(path), "--trust-root", root]) == 0
    out = capsys.readouterr().out
    assert "Signer: นายอนุมัติ รอบคอบ" in out and "Integrity: yes" in out
    assert "Trusted (agency's roots): yes" in out and "Added after signing: no" in out
    assert "Signing time:" in out and "valid and trusted" in out
    # Without the agency's roots the same file is not trusted, and says why.
    assert main(["verify", str(path)]) == 1
    assert "No trust roots are set" in capsys.readouterr().out
    # Bytes appended after signing: pyHanko sees the file no longer covered as signed.
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(path.read_bytes())
    at = data.index(b"\xe0\xb8") if b"\xe0\xb8" in data else len(data) // 3
    data[at] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert main(["verify", str(tampered), "--trust-root", root]) == 1
    assert "NOT valid" in capsys.readouterr().out


def test_verify_refuses_what_it_cannot_read(tmp_path, capsys) -> None:
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2
    assert "Cannot read" in capsys.readouterr().err
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    assert main(["verify", str(junk)]) == 2
    err = capsys.readouterr().err
    assert "cannot be read as a PDF" in err and "อ่านไฟล์นี้เป็น PDF ไม่ได้" in err


def test_doctor_lists_the_tokens_and_certificates_it_sees(softhsm, tmp_path, data_dir) -> None:
    settings = Settings({"pkcs11_module": softhsm["approver"].module}, None)
    check = doctor._pkcs11(settings)
    assert check.ok
    assert "token 'approver'" in check.detail and "นายอนุมัติ รอบคอบ" in check.detail
    assert "Encipher Only" in check.detail and "not for signing" in check.detail
    assert "token 'expired'" in check.detail
