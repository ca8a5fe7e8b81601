"""The certificate a PostgreSQL server shows, read the way libpq starts TLS.

A client asks for TLS with an 8-byte SSLRequest packet; the server answers ``S`` and the
TLS handshake follows on the same socket. Reading the certificate this way (no login, no
verification: the caller compares or inspects it) tells whether a renewed certificate is
being served yet, and when the one served ends.
"""

from __future__ import annotations

import socket
import ssl
import struct
from datetime import datetime

from cryptography import x509

__all__ = ["served_certificate", "served_until"]

_SSL_REQUEST = struct.pack("!II", 8, 80877103)


def served_certificate(host: str, port: int, timeout: float = 5.0) -> bytes:
    """The DER certificate the server at ``host:port`` shows; :class:`OSError` if none."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # read only: nothing is trusted or sent on it
    with socket.create_connection((host, port), timeout=timeout) as raw:
        raw.sendall(_SSL_REQUEST)
        if raw.recv(1) != b"S":
            raise ConnectionRefusedError(f"{host}:{port} does not offer TLS")
        with context.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    if not der:
        raise ConnectionRefusedError(f"{host}:{port} showed no certificate")
    return der


def served_until(host: str, port: int) -> datetime:
    """When the certificate the server shows ends (UTC)."""
    return x509.load_der_x509_certificate(served_certificate(host, port)).not_valid_after_utc
