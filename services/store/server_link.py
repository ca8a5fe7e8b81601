"""An agency profile: a data folder whose store is the agency's PostgreSQL database.

A station profile holds its store in the folder (``anuyat.db``, SQLCipher). An agency profile
holds instead ``agency-server.toml``: the server's address (never a password: that and the
agency's master key are in the keyring) and the code of the station this workstation is. Every
workstation of the agency works on the one database; the folder keeps only what is this
machine's own (logs, settings, the link itself).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from services.kernel.errors import AnuyatError
from services.kernel.fsutil import write_atomically

__all__ = ["LINK_FILE", "ServerLink", "ServerLinkDamaged", "read_link", "write_link"]

LINK_FILE = "agency-server.toml"


class ServerLinkDamaged(AnuyatError):
    code = "server_link_damaged"


@dataclass(frozen=True)
class ServerLink:
    url: str
    """``postgresql+psycopg://role@host:port/database`` — no password in it."""
    station_code: str
    """The station this workstation is, among the agency's stations in the one database."""

    def __post_init__(self) -> None:
        if not self.url.startswith("postgresql+psycopg://"):
            raise ValueError("an agency server address starts with postgresql+psycopg://")
        if ":" in self.url.removeprefix("postgresql+psycopg://").split("@", 1)[0]:
            raise ValueError(
                "the server address must not carry a password (it goes in the keyring)"
            )


def read_link(data_dir: Path) -> ServerLink | None:
    """The profile's link to the agency server, or ``None`` for a station profile."""
    path = data_dir / LINK_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = tomllib.loads(raw)
        return ServerLink(url=str(data["url"]), station_code=str(data["station_code"]))
    except (tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise ServerLinkDamaged(
            f"ไฟล์ {path} ที่บอกที่อยู่เครื่องแม่ข่ายของหน่วยงานเสียหาย — "
            "นำเข้าไฟล์ลงทะเบียนเครื่องอีกครั้ง (anuyat join FILE)",
            f"{path}, which names the agency's server, is damaged. "
            "Import the station's enrolment file again (anuyat join FILE).",
            detail=str(exc),
        ) from exc


def write_link(data_dir: Path, link: ServerLink) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    # JSON strings are valid TOML basic strings: quotes and backslashes stay escaped.
    text = f"url = {json.dumps(link.url)}\nstation_code = {json.dumps(link.station_code)}\n"
    write_atomically(data_dir / LINK_FILE, text.encode("utf-8"))
