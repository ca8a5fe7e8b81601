"""``anuyat verify FILE.pdf``: check the signatures of a signed PDF (an approval record now,
a licence next) against the agency's trust roots, offline.

It prints, per signature, the signer, the signing time, whether the signed bytes are intact,
whether the certificate chains to the trust roots, whether anything was added after
signing, and its time-stamp; then the document time-stamps added later and whether the file
carries long-term validation data. Exit status 0 when every signature (and time-stamp) is
intact and trusted, 1 otherwise (also for an unsigned file). Trust roots: ``--trust-root``
files, else the ``signing_trust_roots`` setting
(the profile's own ``settings.toml`` included, so ``--data-dir`` picks the agency's roots).
It opens no profile and needs no sign-in: anyone holding the file may check it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.settings import Settings
from services.kernel.errors import InvalidInput

__all__ = ["cmd_verify"]


def cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    from services.produce.sign import load_trust_roots, verify_pdf

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"อ่านไฟล์ {path} ไม่ได้ — ตรวจชื่อและที่อยู่ของไฟล์",
            f"Cannot read {path}; check the file's name and folder.",
            detail=repr(exc),
        ) from exc
    roots = [Path(p) for p in (args.trust_root or settings.get("signing_trust_roots"))]
    result = verify_pdf(data, load_trust_roots(roots))
    if not result.signatures:
        print("ไฟล์นี้ไม่มีลายมือชื่อดิจิทัล / This file has no digital signature.")
        return 1
    if not roots:
        print(
            "ยังไม่ได้กำหนดใบรับรองหลักที่เชื่อถือ จึงบอกไม่ได้ว่าใบรับรองเชื่อถือได้ / No trust roots "
            "are set (signing_trust_roots or --trust-root), so trust cannot be shown."
        )
    for number, check in enumerate(result.signatures, 1):
        print(f"ลายมือชื่อที่ {number} / Signature {number} ({check.field})")
        for th, en in check.lines():
            print(f"  {th} / {en}")
    for th, en in result.lines():
        print(f"{th} / {en}")
    if result.ok:
        print("ผล: ลายมือชื่อถูกต้องและเชื่อถือได้ / Result: valid and trusted")
        return 0
    print("ผล: ลายมือชื่อไม่ถูกต้องหรือไม่น่าเชื่อถือ / Result: NOT valid or not trusted")
    return 1
