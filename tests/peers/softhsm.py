"""SoftHSM2 as the approver's USB token, provisioned for real (see ../shared testing recipe).

A test root CA (software key, ``cryptography``) issues certificates for key pairs generated
*on* the token (python-pkcs11; private keys sensitive, never extractable), and the
certificates are stored beside the keys:

* token ``approver`` — ``approver`` (CA-issued, non-repudiation + digital signature),
  ``no-usage`` (CA-issued, key usage for key encipherment only), ``self`` (self-signed);
* token ``expired`` — ``expired`` (CA-issued, expired last year);
* token ``reauth`` — ``reauth`` (CA-issued; the key wants the PIN again at every signature,
  CKA_ALWAYS_AUTHENTICATE, as some real tokens' signing keys do);
* token ``deputy`` — ``own`` and ``acting``, both CA-issued signing certificates (the officer
  chooses which one signs).

SoftHSM2 must read its configuration before the module is first loaded in the process, so
the tokens live in one folder for the whole test session.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pkcs11
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

from tests.peers.tools import require_tool

__all__ = ["SoftToken", "softhsm"]

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "246810"
SO_PIN = "13579135"
NOW = datetime.now(UTC)


@dataclass(frozen=True)
class SoftToken:
    module: str
    label: str
    pin: str
    root_pem: Path
    root: x509.Certificate
    folder: Path


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Subdistrict Municipality"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _root(folder: Path) -> tuple[rsa.RSAPrivateKey, x509.Certificate, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name("Anuyat Test Root CA")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=400))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    path = folder / "root.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert, path


def _usage(signing: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=not signing,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _put_key_and_cert(
    session,
    label: str,
    key_id: bytes,
    cn: str,
    issuer: tuple[rsa.RSAPrivateKey, x509.Certificate] | None,
    *,
    signing: bool = True,
    expired: bool = False,
    always_authenticate: bool = False,
) -> None:
    public, _private = session.generate_keypair(
        KeyType.RSA,
        2048,
        label=label,
        id=key_id,
        store=True,
        private_template={
            Attribute.SENSITIVE: True,
            Attribute.EXTRACTABLE: False,
            # Some tokens want the PIN again at every signature (a "signing PIN").
            Attribute.ALWAYS_AUTHENTICATE: always_authenticate,
        },
    )
    numbers = rsa.RSAPublicNumbers(
        int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
        int.from_bytes(public[Attribute.MODULUS], "big"),
    )
    start = NOW - timedelta(days=730 if expired else 30)
    end = NOW - timedelta(days=365) if expired else NOW + timedelta(days=730)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .public_key(numbers.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(_usage(signing), critical=True)
    )
    if issuer is None:
        # A self-signed certificate needs the token's own key to sign it: use a throw-away
        # software CA with the same name instead, which is what "self-signed" looks like to a
        # verifier (subject == issuer, no chain to the agency's roots).
        soft = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = builder.issuer_name(_name(cn)).sign(soft, hashes.SHA256())
    else:
        ca_key, ca_cert = issuer
        cert = (
            builder.issuer_name(ca_cert.subject)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
            )
            .sign(ca_key, hashes.SHA256())
        )
    session.create_object(
        {
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.LABEL: label,
            Attribute.ID: key_id,
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.ISSUER: cert.issuer.public_bytes(),
            Attribute.SERIAL_NUMBER: cert.serial_number.to_bytes(20, "big").lstrip(b"\0") or b"\0",
        }
    )


def provision(folder: Path) -> dict[str, SoftToken]:
    util = require_tool("softhsm2-util", "softhsm2")
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    for label in ("approver", "expired", "reauth", "deputy"):
        subprocess.run(
            [util, "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN],
            check=True,
            capture_output=True,
        )
    ca_key, ca_cert, root_pem = _root(folder)
    lib = pkcs11.lib(MODULE)
    with lib.get_token(token_label="approver").open(user_pin=PIN, rw=True) as session:
        _put_key_and_cert(session, "approver", b"\x01", "นายอนุมัติ รอบคอบ", (ca_key, ca_cert))
        _put_key_and_cert(
            session, "no-usage", b"\x02", "Encipher Only", (ca_key, ca_cert), signing=False
        )
        _put_key_and_cert(session, "self", b"\x03", "Self Signed", None)
    with lib.get_token(token_label="reauth").open(user_pin=PIN, rw=True) as session:
        _put_key_and_cert(
            session, "reauth", b"\x05", "Signing PIN Approver", (ca_key, ca_cert),
            always_authenticate=True,
        )  # fmt: skip
    with lib.get_token(token_label="expired").open(user_pin=PIN, rw=True) as session:
        _put_key_and_cert(
            session, "expired", b"\x04", "Expired Approver", (ca_key, ca_cert), expired=True
        )
    # Two signing certificates under the agency's root on one token (an approver who also
    # signs for the director): the officer must choose; the default would take key id 06.
    with lib.get_token(token_label="deputy").open(user_pin=PIN, rw=True) as session:
        _put_key_and_cert(session, "own", b"\x06", "นายอนุมัติ รอบคอบ", (ca_key, ca_cert))
        _put_key_and_cert(session, "acting", b"\x07", "นางรักษา ราชการแทน", (ca_key, ca_cert))
    # The slot list is read when the module starts: start it again so the app sees the tokens.
    lib.reinitialize()
    from services.produce.sign import token as token_module

    token_module._LIBRARIES[MODULE] = lib  # one module instance per process
    return {
        label: SoftToken(MODULE, label, PIN, root_pem, ca_cert, folder)
        for label in ("approver", "expired", "reauth", "deputy")
    }


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SoftToken]:
    """The provisioned tokens, by label."""
    return provision(tmp_path_factory.mktemp("softhsm"))
