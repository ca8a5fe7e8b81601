"""``anuyat server renew-cert``: a new server certificate from the agency's CA.

The server certificate lasts about two years (:data:`services.server.tls.SERVER_DAYS`); the
CA ten. Renewing signs a new certificate with the CA key kept in the server profile, puts it
in the cluster's data folder and reloads PostgreSQL: the stations trust the same CA, so none
of them needs a new enrolment file. The command waits until the server shows the new
certificate, so "done" means done.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from services.kernel.clock import Clock
from services.kernel.errors import AnuyatError
from services.server.cluster import install_certificate
from services.server.probe import served_certificate
from services.server.setup import TLS_DIR, read_server_setup
from services.server.tls import CA_CERT, CA_KEY, SERVER_DAYS, issue_server_certificate, load_ca

__all__ = ["renew_server_certificate", "wait_until_served"]

_WAIT_SECONDS = 15.0


def wait_until_served(host: str, port: int, cert_pem: bytes) -> None:
    """Return once the server at ``host:port`` shows ``cert_pem`` (it was just reloaded)."""
    wanted = x509.load_pem_x509_certificate(cert_pem).fingerprint(hashes.SHA256())
    deadline = time.monotonic() + _WAIT_SECONDS
    while True:
        try:
            shown = x509.load_der_x509_certificate(served_certificate(host, port))
            if shown.fingerprint(hashes.SHA256()) == wanted:
                return
        except OSError:
            pass  # the server is re-reading its files; ask again
        if time.monotonic() > deadline:
            raise AnuyatError(
                "PostgreSQL ยังไม่ใช้ใบรับรองใหม่หลังโหลดการตั้งค่า — ดูบันทึกของ PostgreSQL",
                "PostgreSQL is not showing the new certificate after reloading its settings. "
                "Read the PostgreSQL log.",
                code="certificate_not_served",
            )
        time.sleep(0.2)


def renew_server_certificate(
    data_dir: Path, superuser: str, clock: Clock, *, days: int = SERVER_DAYS
) -> datetime:
    """Sign, install and wait for a new server certificate; when it ends (UTC)."""
    facts = read_server_setup(data_dir)
    tls_dir = data_dir / TLS_DIR
    ca_cert, ca_key = load_ca((tls_dir / CA_CERT).read_bytes(), (tls_dir / CA_KEY).read_bytes())
    cert_pem, key_pem = issue_server_certificate(
        ca_cert, ca_key, facts.agency_code, facts.hosts, clock.now(), days=days
    )
    install_certificate(superuser, cert_pem, key_pem)
    wait_until_served(facts.host, facts.port, cert_pem)
    return x509.load_pem_x509_certificate(cert_pem).not_valid_after_utc
