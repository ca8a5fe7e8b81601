"""The agency's own certificate authority and the database server's certificate.

Stations connect with ``sslmode=verify-full``: libpq checks the server's certificate was
signed by the agency's CA *and* names the host the station asked for, so a machine on the LAN
pretending to be the server is refused. The CA is the agency's own (no public CA signs a
``server.local`` name); its certificate goes to every station in the enrolment file, its
private key stays in the server profile's folder, readable by its owner only, to sign a new
server certificate when this one ends.

ECDSA P-256 keys: supported by every OpenSSL libpq is built with, and small.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from services.kernel.fsutil import write_atomically

__all__ = [
    "CA_CERT",
    "CA_KEY",
    "SERVER_CERT",
    "SERVER_KEY",
    "CA_YEARS",
    "SERVER_DAYS",
    "AgencyTls",
    "make_agency_tls",
    "issue_server_certificate",
    "load_ca",
    "write_private",
]

CA_CERT = "agency-ca.crt"
CA_KEY = "agency-ca.key"
SERVER_CERT = "server.crt"
SERVER_KEY = "server.key"

CA_YEARS = 10
"""The CA outlives many server certificates: stations keep trusting it across renewals."""
SERVER_DAYS = 825
"""About two years and a quarter, the longest most TLS clients accept for a server."""


@dataclass(frozen=True)
class AgencyTls:
    """PEM bytes of the CA and the server's certificate and keys."""

    ca_cert: bytes
    ca_key: bytes
    server_cert: bytes
    server_key: bytes


def _name(common_name: str, agency_code: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"Anuyat agency {agency_code}"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _subject_names(hosts: tuple[str, ...]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return names


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),  # PostgreSQL reads its key unattended at start
    )


def make_agency_tls(agency_code: str, hosts: tuple[str, ...], now: datetime) -> AgencyTls:
    """A new CA for the agency and a server certificate for ``hosts`` (names or addresses)."""
    if not hosts:
        raise ValueError("the server certificate needs at least one host name")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"Anuyat {agency_code} agency CA", agency_code)
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))  # a station's clock a little behind
        .not_valid_after(now + timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    server_cert, server_key = issue_server_certificate(ca_cert, ca_key, agency_code, hosts, now)
    pem = serialization.Encoding.PEM
    return AgencyTls(
        ca_cert=ca_cert.public_bytes(pem),
        ca_key=_pem_key(ca_key),
        server_cert=server_cert,
        server_key=server_key,
    )


def load_ca(
    ca_cert_pem: bytes, ca_key_pem: bytes
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """The agency CA kept in the server profile, to sign the next server certificate."""
    key = serialization.load_pem_private_key(ca_key_pem, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("the agency CA's key is not an EC key")
    return x509.load_pem_x509_certificate(ca_cert_pem), key


def issue_server_certificate(
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    agency_code: str,
    hosts: tuple[str, ...],
    now: datetime,
    *,
    days: int = SERVER_DAYS,
) -> tuple[bytes, bytes]:
    """A server certificate for ``hosts`` signed by the agency CA: (certificate, key) PEM."""
    if not hosts:
        raise ValueError("the server certificate needs at least one host name")
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(hosts[0], agency_code))
        .issuer_name(ca_cert.subject)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(_subject_names(hosts)), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return server_cert.public_bytes(serialization.Encoding.PEM), _pem_key(server_key)


def write_private(path: Path, data: bytes, *, owner_of: Path | None = None) -> None:
    """Write ``path`` readable by its owner only (PostgreSQL refuses a key others can read).

    Run as root with ``owner_of``: the file takes that folder's owner, so the key written
    into the PostgreSQL account's folder belongs to that account, as the server requires.
    """
    write_atomically(path, data)
    os.chmod(path, 0o600)
    if owner_of is not None and hasattr(os, "geteuid") and os.geteuid() == 0:
        folder = owner_of.stat()
        os.chown(path, folder.st_uid, folder.st_gid)
