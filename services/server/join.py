"""``anuyat join FILE``: make this computer a station of the agency from its enrolment file.

The file is opened with its passphrase; the agency CA's certificate goes into the profile
folder (it is public), the station role's password and the agency's master key into this
computer's keyring, and the link (server address, ``sslmode=verify-full``, station code)
into ``agency-server.toml``. Then the server is reached the way every start will reach it:
over TLS, checking its certificate against the agency's CA and its name, as the application
role, and the station must be one the server knows. Whatever fails, the caller removes what
was written (the CLI's undo), so a folder is joined whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from services.kernel.clock import Clock
from services.kernel.errors import InvalidInput
from services.kernel.fsutil import write_atomically
from services.server.enrolment import open_enrolment
from services.server.setup import server_url
from services.store import keys
from services.store.context import AppContext
from services.store.engine import is_profile
from services.store.profile import load_context
from services.store.server_link import ServerLink, write_link

__all__ = ["CA_FILE", "join_agency"]

CA_FILE = "agency-ca.crt"


def join_agency(data_dir: Path, file: Path, passphrase: str, clock: Clock) -> AppContext:
    """Join ``data_dir`` (a new folder) to the agency; the opened context, to be closed."""
    if is_profile(data_dir):
        raise InvalidInput(
            f"โฟลเดอร์ {data_dir} เป็นโปรไฟล์อยู่แล้ว — ไม่ได้เปลี่ยนแปลงอะไร เลือกโฟลเดอร์ใหม่ด้วย --data-dir",
            f"{data_dir} is a profile already; nothing was changed. Choose a new folder with "
            "--data-dir.",
            code="profile_exists",
        )
    enrolment = open_enrolment(file, passphrase)  # nothing written before this succeeds
    keys.check_keyring()
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        ca_file = data_dir / CA_FILE
        write_atomically(ca_file, enrolment.ca_cert_pem.encode("ascii"))
        keys.install_master_key(data_dir, bytes.fromhex(enrolment.master_key_hex))
        keys.install_server_password(data_dir, enrolment.password)
        url = server_url(
            enrolment.host, enrolment.port, enrolment.database, enrolment.role, ca_file.resolve()
        )
        write_link(data_dir, ServerLink(url=url, station_code=enrolment.station_code))
        # A certificate the agency's CA does not vouch for is refused here with its own
        # words (services.store.engine.ServerNotTrusted), as on every later start.
        return load_context(data_dir, clock)
    except BaseException:
        # The caller removes the files; the agency's key leaves this keyring with them.
        keys.forget_agency_secrets(data_dir)
        raise
