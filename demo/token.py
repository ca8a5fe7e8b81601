"""The demo's approver token: a SoftHSM2 software token in the demo profile, standing in for
the USB token a certificate authority issues (fictional agency, fictional CA).

A demo root CA (software key) issues a signing certificate for a key pair generated *on*
the token (private key sensitive, never extractable). The profile's ``settings.toml`` then
names the module and the root, and :func:`softhsm_environment` points SoftHSM2 at the
profile's token folder when the profile opens. Without ``softhsm2-util`` the demo has no
token (the approver can still make type-1 approvals) and says how to add one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    # Loaded to provision a token only: every start of the workstation calls
    # softhsm_environment, which needs none of it (cryptography's x509 costs ~17 ms).
    from cryptography import x509

__all__ = ["DEMO_TOKEN_PIN", "DemoToken", "provision_demo_token", "softhsm_environment"]

SOFTHSM_MODULES: Final = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib64/softhsm/libsofthsm.so")
DEMO_TOKEN_PIN: Final = "123456"  # printed by `anuyat demo`; a demo, not a secret
_SO_PIN: Final = "87654321"
_FOLDER: Final = "token"


@dataclass(frozen=True)
class DemoToken:
    module: str
    label: str
    root_pem: Path


def _name(cn: str) -> x509.Name:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Demo Certification Authority (fictional)"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])  # fmt: skip


def softhsm_environment(data_dir: Path) -> None:
    """Point SoftHSM2 at the demo profile's token (before the module is first loaded)."""
    conf = data_dir / _FOLDER / "softhsm2.conf"
    if conf.exists() and "SOFTHSM2_CONF" not in os.environ:
        os.environ["SOFTHSM2_CONF"] = str(conf)


def provision_demo_token(data_dir: Path, approver_name: str) -> DemoToken | None:
    """Create the token, its key and certificate; None when SoftHSM2 is not installed."""
    util = shutil.which("softhsm2-util")
    module = next((m for m in SOFTHSM_MODULES if Path(m).exists()), None)
    if util is None or module is None:
        return None
    import pkcs11
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    folder = data_dir / _FOLDER
    (folder / "tokens").mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n",
        encoding="utf-8",
    )
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    subprocess.run(
        [util, "--init-token", "--free", "--label", "approver", "--pin", DEMO_TOKEN_PIN,
         "--so-pin", _SO_PIN],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("Demo Root CA (fictional)")
    ca_usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(ca_usage, critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    root_pem = folder / "demo-root-ca.pem"
    root_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    os.environ["SOFTHSM2_CONF"] = str(conf)
    lib = pkcs11.lib(module)
    with lib.get_token(token_label="approver").open(user_pin=DEMO_TOKEN_PIN, rw=True) as session:
        public, _ = session.generate_keypair(
            KeyType.RSA, 2048, label="approver", id=b"\x01", store=True,
            private_template={Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False},
        )  # fmt: skip
        key = rsa.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(public[Attribute.MODULUS], "big"),
        ).public_key()
        usage = x509.KeyUsage(True, True, False, False, False, False, False, False, False)
        cert = (
            x509.CertificateBuilder().subject_name(_name(approver_name)).issuer_name(ca_name)
            .public_key(key).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=730))
            .add_extension(usage, critical=True)
            .sign(ca_key, hashes.SHA256())
        )  # fmt: skip
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "approver", Attribute.ID: b"\x01",
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.ISSUER: cert.issuer.public_bytes(),
            Attribute.SERIAL_NUMBER: cert.serial_number.to_bytes(20, "big").lstrip(b"\0") or b"\0",
        })  # fmt: skip
    lib.reinitialize()  # the app loads the module again and must see the new token
    return DemoToken(module, "approver", root_pem)
