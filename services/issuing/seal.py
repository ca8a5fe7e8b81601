"""The published register's manifest, sealed by the agency (M20: a copy can be trusted).

``manifest.json`` lists the SHA-256 of every file of the publish folder. Sealing it writes
``manifest.json.p7s`` beside it: a detached CMS (PKCS#7) signature in DER, made with the
key of the agency's seal certificate or an approver's, on the token. Anyone holding the
agency's root certificate checks a copy of the register with standard tools, without Anuyat::

    openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json \\
        -CAfile agency-root.pem -purpose any

and then the hashes of the files against the manifest (``sha256sum``).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Final

from services.kernel.errors import InvalidInput
from services.kernel.fsutil import write_atomically

if TYPE_CHECKING:
    from pyhanko.sign.signers.pdf_cms import Signer

__all__ = ["MANIFEST", "SEAL", "files_unlike_manifest", "seal_manifest"]

MANIFEST: Final = "manifest.json"
SEAL: Final = "manifest.json.p7s"


def seal_manifest(signer: Signer, folder: Path) -> Path:
    """Write ``manifest.json.p7s`` for the folder's manifest; returns its path."""
    try:
        manifest = (folder / MANIFEST).read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"ไม่พบ {MANIFEST} ใน {folder} — เขียนทะเบียนก่อนแล้วจึงประทับตรา",
            f"There is no {MANIFEST} in {folder}: publish the register before sealing it.",
            detail=repr(exc),
        ) from exc
    # pyHanko's CMS signing is a coroutine; this runs in a worker thread or the CLI, where
    # no event loop is running.
    signed = asyncio.run(signer.async_sign_general_data(manifest, "sha256", detached=True))
    path = folder / SEAL
    write_atomically(path, signed.dump())
    return path


def files_unlike_manifest(folder: Path) -> list[str]:
    """The files of a published copy that are missing or differ from its manifest."""
    listed: dict[str, str] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    unlike = []
    for name, digest in sorted(listed.items()):
        try:
            if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
                unlike.append(name)
        except OSError:
            unlike.append(name)
    return unlike
