"""``anuyat licences publish --to DIR``: the public register of issued licences, written to a
folder the agency puts on its website or shared drive (M20); ``anuyat licences check``.

Signs in as an approver (``--as``, default ``approver``); the password comes from
``--password-file``, else ``ANUYAT_ADMIN_PASSWORD``, else stdin or a prompt. Re-running it
rewrites only the pages that changed (a revoked licence's, the JSON, the CSV, the manifest).
``anuyat licences check FILE|NUMBER`` checks a licence someone shows (its PDF, a photo or
scan read by its QR, or the number or code typed off paper) against the register: exit 0
only when it is valid today. ``--seal-token LABEL`` signs the manifest with the key on that
token (``manifest.json.p7s``, a detached CMS signature anyone checks with ``openssl cms
-verify``), PIN from ``--pin-file``, else ``ANUYAT_TOKEN_PIN``, else a prompt; never stored.
``anuyat licences register-paper --number … --licensee … --subject … --issued … [--expires …]
[--premises …]`` records a licence issued on paper before the system (approvers and
supervisors), so a check by its number finds it; dates as 1/3/2565 (B.E.) or 2022-03-01.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_profile, read_secret
from app.settings import Settings
from services.api import IssuingPort, PaperLicence, Pin, SignedInUser, SigningChoice
from services.kernel.errors import InvalidInput

__all__ = ["cmd_licences"]


def _key_id(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError as exc:
        raise InvalidInput(
            f"--seal-key-id ต้องเป็นเลขฐานสิบหก เช่น 01 (ไม่ใช่ {text!r})",
            f"--seal-key-id must be hexadecimal, e.g. 01 (not {text!r}).",
        ) from exc


def _check(port: IssuingPort, user: SignedInUser, licence: str) -> int:
    """Prints what the register (and, for a PDF, the signatures) say; 0 only when valid."""
    path = Path(licence)
    found = port.check_file(user, path) if path.is_file() else port.check_typed(user, licence)
    for th, en in found.lines():
        print(f"{th}\n  {en}")
    return 0 if found.ok else 1


def _register_paper(port: IssuingPort, user: SignedInUser, args: argparse.Namespace) -> int:
    paper = PaperLicence(args.number, args.licensee, args.subject, args.issued, args.expires,
                         args.premises)  # fmt: skip
    done = port.register_paper(user, paper)
    print(
        f"ลงทะเบียนใบอนุญาตฉบับกระดาษเลขที่ {done.number} แล้ว รหัสตรวจสอบ {done.verification_code}"
        f"\nPaper licence {done.number} registered; verification code "
        f"{done.verification_code}\n{done.verification_url}"
    )
    return 0


def cmd_licences(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    runtime = open_profile(data_dir, settings)
    try:
        password = read_secret(
            "ANUYAT_ADMIN_PASSWORD", f"Password of {args.as_user} / รหัสผ่าน: ", args.password_file
        )
        user = runtime.ports.shell.sign_in(args.as_user, password)
        port = runtime.ports.issuing
        assert port is not None
        if args.licences_command == "check":
            return _check(port, user, args.licence)
        if args.licences_command == "register-paper":
            return _register_paper(port, user, args)
        seal = None
        if args.seal_token:
            pin = read_secret("ANUYAT_TOKEN_PIN", "Token PIN / PIN ของโทเคน: ", args.pin_file)
            seal = SigningChoice(
                "token", args.seal_token, _key_id(args.seal_key_id), secret=Pin(pin)
            )
        summary = port.publish(user, Path(args.to), seal)
        print(
            f"เขียนทะเบียนสาธารณะแล้ว {summary.written} ไฟล์ (ไม่เปลี่ยน {summary.unchanged}) ที่ "
            f"{summary.folder}\nPublic register written: {summary.written} file(s) changed, "
            f"{summary.unchanged} unchanged, in {summary.folder}"
        )
        if summary.sealed:
            print("ประทับตราบัญชีไฟล์แล้ว: manifest.json.p7s / Manifest sealed: manifest.json.p7s")
        return 0
    finally:
        runtime.close()
