"""A real RFC 3161 time-stamping authority on 127.0.0.1 for tests: ``openssl ts -reply``.

Load with ``pytest_plugins = ["tests.peers.tsa"]`` (tests/conftest.py does). The fixture
``tsa`` makes a throw-away TSA root and a TSA certificate (extended key usage timeStamping,
critical, as RFC 3161 §2.3 wants), and serves HTTP POST ``application/timestamp-query``:
each query is answered by the openssl command line, the reply (with the TSA's certificate)
sent back as ``application/timestamp-reply``. ``stop()`` takes it off the network (an agency
whose link is down); ``url`` stays the same, so a client configured with it fails to connect.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.peers.loopback import free_port
from tests.peers.tools import require_tool

__all__ = ["LocalTsa", "tsa"]

_CONFIG = """\
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = {folder}/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Time Stamping"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _write_keys(folder: Path) -> tuple[Path, Path, Path]:
    """A TSA root and a TSA certificate issued by it: (root.pem, tsa.pem, tsa.key)."""
    now = datetime.now(UTC)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name("Test TSA Root")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Test TSA"))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    paths = folder / "tsa-root.pem", folder / "tsa.pem", folder / "tsa.key"
    paths[0].write_bytes(root.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@dataclass
class LocalTsa:
    folder: Path
    openssl: str
    port: int = field(default_factory=free_port)
    answered: int = 0
    _server: ThreadingHTTPServer | None = None

    def __post_init__(self) -> None:
        self.root_pem, self.cert_pem, self.key_pem = _write_keys(self.folder)
        (self.folder / "serial").write_text("01\n")
        self.config = self.folder / "tsa.cnf"
        self.config.write_text(_CONFIG.format(folder=self.folder))
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/tsa"

    def reply(self, query: bytes) -> bytes:
        """The DER TimeStampResp ``openssl ts -reply`` gives for ``query``."""
        with self._lock, tempfile.TemporaryDirectory(dir=self.folder) as work:
            query_file = Path(work) / "query.tsq"
            reply_file = Path(work) / "reply.tsr"
            query_file.write_bytes(query)
            subprocess.run(
                [
                    self.openssl, "ts", "-reply", "-config", str(self.config),
                    "-queryfile", str(query_file), "-signer", str(self.cert_pem),
                    "-inkey", str(self.key_pem), "-out", str(reply_file),
                ],
                check=True,
                capture_output=True,
            )  # fmt: skip
            self.answered += 1
            return reply_file.read_bytes()

    def start(self) -> None:
        tsa = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                if self.headers.get("Content-Type") != "application/timestamp-query":
                    self.send_error(415, "expected application/timestamp-query")
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                try:
                    answer = tsa.reply(body)
                except subprocess.CalledProcessError:
                    self.send_error(400, "bad time-stamp query")
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture
def tsa(tmp_path: Path) -> Iterator[LocalTsa]:
    openssl = require_tool("openssl", "openssl")
    folder = tmp_path / "tsa"
    folder.mkdir()
    server = LocalTsa(folder, openssl)
    server.start()
    try:
        yield server
    finally:
        server.stop()
