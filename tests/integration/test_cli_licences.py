"""``anuyat licences publish``: an approver writes the public register to a folder; the
administrator may not (least privilege); re-running changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from services.access import auth
from services.kernel.actors import SYSTEM
from services.store.profile import load_context
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_cli import _init


def test_an_approver_publishes_the_register_and_the_administrator_may_not(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys, clock
) -> None:
    assert _init(data_dir, monkeypatch) == 0
    context = load_context(data_dir, clock)
    try:
        with context.unit_of_work(SYSTEM) as uow:
            auth.create_user(uow, username="approver", display_name="นายอนุมัติ รอบคอบ",
                             password=STAFF_PASSWORD, roles=["approver"])  # fmt: skip
    finally:
        context.store.close()
    folder = tmp_path / "publish"
    base = ["--data-dir", str(data_dir), "licences"]
    assert main([*base, "--as", "admin", "publish", "--to", str(folder)]) == 2
    assert "approver" in capsys.readouterr().err and not folder.exists()
    assert main([*base, "publish", "--to", str(folder)]) == 0
    assert "3 file(s) changed" in capsys.readouterr().out
    assert json.loads((folder / "register.json").read_text(encoding="utf-8")) == []
    assert main([*base, "publish", "--to", str(folder)]) == 0
    assert "0 file(s) changed" in capsys.readouterr().out


def test_the_published_register_is_sealed_on_the_token_and_checks_with_openssl(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys, clock, softhsm
) -> None:
    """A copy of the register is trusted by the agency's root alone: the manifest's detached
    CMS signature verifies with ``openssl cms``, and a changed page no longer matches it."""
    import subprocess

    from services.issuing.seal import files_unlike_manifest
    from tests.peers.tools import require_tool

    token = softhsm["approver"]
    assert _init(data_dir, monkeypatch) == 0
    (data_dir / "settings.toml").write_text(
        f'pkcs11_module = "{token.module}"\nsigning_trust_roots = ["{token.root_pem}"]\n'
        'register_url = "https://www.nongphai.go.th/licences"\n',
        encoding="utf-8",
    )
    context = load_context(data_dir, clock)
    try:
        with context.unit_of_work(SYSTEM) as uow:
            auth.create_user(uow, username="approver", display_name="นายอนุมัติ รอบคอบ",
                             password=STAFF_PASSWORD, roles=["approver"])  # fmt: skip
    finally:
        context.store.close()
    folder = tmp_path / "publish"
    base = ["--data-dir", str(data_dir), "licences", "publish", "--to", str(folder),
            "--seal-key-id", "01"]  # fmt: skip
    monkeypatch.setenv("ANUYAT_TOKEN_PIN", "999999")  # a wrong PIN: nothing sealed, said so
    assert main([*base, "--seal-token", token.label]) != 0
    assert "PIN" in capsys.readouterr().err and not (folder / "manifest.json.p7s").exists()
    monkeypatch.setenv("ANUYAT_TOKEN_PIN", token.pin)
    assert main([*base, "--seal-token", token.label]) == 0
    assert "Manifest sealed" in capsys.readouterr().out
    openssl = require_tool("openssl", "openssl")
    check = [openssl, "cms", "-verify", "-binary", "-inform", "DER",
             "-in", str(folder / "manifest.json.p7s"), "-content", str(folder / "manifest.json"),
             "-CAfile", str(token.root_pem), "-purpose", "any", "-out", "/dev/null"]  # fmt: skip
    verified = subprocess.run(check, capture_output=True, text=True)
    assert verified.returncode == 0 and "Verification successful" in verified.stderr
    assert files_unlike_manifest(folder) == []
    # Re-publishing with nothing changed leaves the seal as it was (no PIN needed again).
    seal = (folder / "manifest.json.p7s").read_bytes()
    assert main([*base, "--seal-token", token.label]) == 0
    assert (folder / "manifest.json.p7s").read_bytes() == seal
    # A copy whose page was changed: its manifest still verifies, the page no longer matches.
    (folder / "register.csv").write_text("number\n1/2569\n", encoding="utf-8")
    assert files_unlike_manifest(folder) == ["register.csv"]
    # A copy whose manifest was changed: the seal no longer verifies.
    (folder / "manifest.json").write_text("{}", encoding="utf-8")
    assert subprocess.run(check, capture_output=True).returncode != 0


def test_the_register_address_comes_from_the_settings_and_a_bad_one_is_refused(
    data_dir: Path, monkeypatch, capsys
) -> None:
    from app.bootstrap import open_runtime
    from app.settings import Settings, with_profile
    from services.api.issuing import Issuing

    assert _init(data_dir, monkeypatch) == 0
    (data_dir / "settings.toml").write_text(
        'register_url = "https://www.nongphai.go.th/licences"\n', encoding="utf-8"
    )
    runtime = open_runtime(data_dir, with_profile(Settings({}, None), data_dir))
    try:
        assert isinstance(runtime.ports.issuing, Issuing)
        assert runtime.ports.issuing.verify_base == "https://www.nongphai.go.th/licences"
    finally:
        runtime.close()
    (data_dir / "settings.toml").write_text('register_url = "www.nongphai.go.th"\n',
                                            encoding="utf-8")  # fmt: skip
    assert main(["--data-dir", str(data_dir), "licences", "publish", "--to", "/tmp/x"]) == 2
    err = capsys.readouterr().err
    assert "register_url" in err and "https://" in err


def test_a_licence_is_checked_from_the_command_line_by_number_or_file(
    data_dir: Path, tmp_path: Path, monkeypatch, capsys, clock
) -> None:
    """Nothing issued yet: a number is not in the register (exit 1, said in both languages);
    a file that is no licence picture says what to do instead (exit 2)."""
    assert _init(data_dir, monkeypatch) == 0
    context = load_context(data_dir, clock)
    try:
        with context.unit_of_work(SYSTEM) as uow:
            auth.create_user(uow, username="intake1", display_name="นางรับ เรื่อง",
                             password=STAFF_PASSWORD, roles=["intake"])  # fmt: skip
    finally:
        context.store.close()
    base = ["--data-dir", str(data_dir), "licences", "--as", "intake1", "check"]
    assert main([*base, "12/2569"]) == 1
    out = capsys.readouterr().out
    assert "ไม่พบ “12/2569” ในทะเบียน" in out and "is not in the agency's register" in out
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"not a picture")
    assert main([*base, str(junk)]) == 2
    assert "type the number or verification code" in capsys.readouterr().err


def test_a_paper_licence_is_registered_from_the_command_line_and_then_checks_valid(
    data_dir: Path, monkeypatch, capsys, clock
) -> None:
    """`anuyat licences register-paper`: the approver types in a licence issued on paper;
    intake's check by its number then exits 0 and says it came from paper; the same number
    again is refused (exit 2) with what to do, in both languages; intake may not register."""
    assert _init(data_dir, monkeypatch) == 0
    context = load_context(data_dir, clock)
    try:
        with context.unit_of_work(SYSTEM) as uow:
            auth.create_user(uow, username="approver", display_name="นายอนุมัติ รอบคอบ",
                             password=STAFF_PASSWORD, roles=["approver"])  # fmt: skip
            auth.create_user(uow, username="intake1", display_name="นางรับ เรื่อง",
                             password=STAFF_PASSWORD, roles=["intake"])  # fmt: skip
    finally:
        context.store.close()
    register = ["--data-dir", str(data_dir), "licences", "register-paper", "--number", "15/2565",
                "--licensee", "ร้านข้าวแกงป้าศรี", "--subject", "ใบอนุญาตจำหน่ายอาหาร",
                "--issued", "1/3/2565", "--expires", "28/2/2570"]  # fmt: skip
    assert main(register) == 0
    out = capsys.readouterr().out
    assert "ลงทะเบียนใบอนุญาตฉบับกระดาษเลขที่ 15/2565 แล้ว" in out
    assert "Paper licence 15/2565 registered; verification code" in out
    check = ["--data-dir", str(data_dir), "licences", "--as", "intake1", "check", "15/2565"]
    assert main(check) == 0
    out = capsys.readouterr().out
    assert "VALID: it matches the agency's register (registered from a paper licence)." in out
    assert "Paper licence, registered by hand by นายอนุมัติ รอบคอบ" in out
    assert main(register) == 2
    err = capsys.readouterr().err
    assert "15/2565 มีอยู่ในทะเบียนแล้ว" in err and "already in the register" in err
    as_intake = register[:3] + ["--as", "intake1"] + register[3:]
    assert main(as_intake) == 2
    assert "supervisor" in capsys.readouterr().err
