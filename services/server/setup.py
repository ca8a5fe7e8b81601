"""``anuyat server init``: the agency's database, roles, TLS, master key and first records.

The result is the *server profile*: a folder on the server machine (like any profile) that
connects to the agency's database as the migration role, over TLS like every station. Its
folder keeps what only the server needs — the CA's private key (to sign the next server
certificate), the CA certificate, and ``server-setup.json`` (the address and role names the
enrolment files carry) — and the keyring of the account that ran it keeps the migration
role's password and the agency's master key. Each workstation gets a login role and password
of its own when it is enrolled (:mod:`services.server.station_roles`).

A setup that fails undoes what it did; one that is killed leaves its journal
(:mod:`services.server.init_journal`), from which the next ``server init`` in the folder undoes
it before setting up anew.

Why the keyring, and not a file readable only by root: the same rule as on every workstation
(a key never lies in a plain file, so a copy of the disk or of ``/etc`` does not carry it),
and the account that runs PostgreSQL can read every row already, so keeping the key in its
keyring adds no new reader.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from services.kernel.clock import Clock
from services.kernel.errors import InvalidInput
from services.kernel.fsutil import write_atomically
from services.server.cluster import ClusterChanges, ClusterReport, configure_cluster
from services.server.grants import restrict_app_role
from services.server.init_journal import InitJournal, begin_journal, read_journal
from services.server.roles import (
    DEFAULT_ROLES,
    ServerRoles,
    check_identifier,
    create_database_and_roles,
    drop_database_and_roles,
    refuse_taken_names,
    superuser_connection,
)
from services.server.tls import CA_CERT, CA_KEY, make_agency_tls, write_private
from services.store import keys
from services.store.engine import ServerUnreachable, Store, is_profile
from services.store.profile import AgencySetup, initialise_profile
from services.store.server_link import ServerLink, write_link

__all__ = [
    "SETUP_FILE",
    "TLS_DIR",
    "ServerSetup",
    "server_url",
    "read_server_setup",
    "initialise_server",
]

log = logging.getLogger(__name__)

SETUP_FILE = "server-setup.json"
TLS_DIR = "tls"


@dataclass(frozen=True)
class ServerSetup:
    """What stations are told of the server (no secret in it)."""

    host: str
    """The name stations connect to; the server certificate is made for it."""
    port: int
    database: str
    owner_role: str
    app_role: str
    agency_code: str
    hosts: tuple[str, ...]
    """Every name and address the server certificate is made for (``host`` first)."""


def server_url(host: str, port: int, database: str, role: str, ca_file: Path) -> str:
    """The link's address: verify-full against the agency's CA, never a password in it."""
    shown_host = f"[{host}]" if ":" in host else host
    return (
        f"postgresql+psycopg://{role}@{shown_host}:{port}/{database}"
        f"?sslmode=verify-full&sslrootcert={quote(str(ca_file))}"
    )


def read_server_setup(data_dir: Path) -> ServerSetup:
    try:
        fields = json.loads((data_dir / SETUP_FILE).read_text(encoding="utf-8"))
        fields["hosts"] = tuple(fields["hosts"])
        return ServerSetup(**fields)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise InvalidInput(
            f"โฟลเดอร์ {data_dir} ไม่ใช่โปรไฟล์ของเครื่องแม่ข่าย — สั่งคำสั่งนี้บนเครื่องแม่ข่าย "
            "ด้วย --data-dir ของโปรไฟล์ที่ anuyat server init สร้างไว้",
            f"{data_dir} is not the server's profile. Run this on the server with the "
            "--data-dir that 'anuyat server init' created.",
            detail=repr(exc),
            code="not_server_profile",
        ) from exc


def _check_allow_from(allow_from: str) -> None:
    # A line PostgreSQL cannot read would stop pg_hba.conf from reloading at all.
    if allow_from in ("samenet", "samehost", "all"):
        return
    try:
        ipaddress.ip_network(allow_from, strict=False)
    except ValueError:
        raise InvalidInput(
            f"--allow-from '{allow_from}' ใช้ไม่ได้ — ใช้ช่วงที่อยู่ เช่น 192.168.1.0/24 หรือ samenet",
            f"--allow-from '{allow_from}' cannot be used: give an address range such as "
            "192.168.1.0/24, or samenet.",
        ) from None


def _server_port(conninfo: str) -> int:
    with superuser_connection(conninfo) as connection:
        row = connection.execute("SHOW port").fetchone()
    return int(row[0]) if row else 5432


def initialise_server(
    data_dir: Path,
    *,
    superuser: str,
    hosts: tuple[str, ...],
    setup: AgencySetup,
    admin_username: str,
    admin_password: str,
    admin_display_name: str,
    clock: Clock,
    roles: ServerRoles = DEFAULT_ROLES,
    allow_from: str = "samenet",
    port: int | None = None,
    finish: Callable[[Store], None] | None = None,
    tell: Callable[[str], None] | None = None,
) -> tuple[Store, ClusterReport]:
    """Set the agency's server up (module doc) and open its profile.

    Refuses, changing nothing, when the folder is a profile already or the database or a
    role exists. A failure after the database was made drops it and the roles again, and
    puts the cluster's settings and ``pg_hba.conf`` back as they were, so running it again
    once the cause is fixed starts from where the first try started. A setup that was
    *killed* left its journal (:mod:`services.server.init_journal`): this run tells
    the IT person (``tell``) what it left, undoes it, then sets up anew. ``finish`` is the caller's
    last step on the new store, inside the journal (a kill there is undone too).
    """
    setup.validate()
    check_identifier(roles.database, "ชื่อฐานข้อมูล", "database name")
    check_identifier(roles.owner, "ชื่อบทบาทเจ้าของ", "migration role name")
    check_identifier(roles.app, "ชื่อบทบาทของโปรแกรม", "application role name")
    if not hosts or not all(h.strip() for h in hosts):
        raise InvalidInput(
            "ต้องระบุชื่อเครื่องแม่ข่ายที่เครื่องลูกข่ายใช้เชื่อมต่อ (--host)",
            "Give the server's name as the workstations will reach it (--host).",
        )
    _check_allow_from(allow_from)
    interrupted = read_journal(data_dir)
    if interrupted is not None:
        (tell or log.warning)(interrupted.told())
        undo_interrupted(interrupted, superuser)
    if is_profile(data_dir):
        raise InvalidInput(
            f"โฟลเดอร์ {data_dir} เป็นโปรไฟล์อยู่แล้ว — ไม่ได้เปลี่ยนแปลงอะไร",
            f"{data_dir} is a profile already; nothing was changed.",
        )
    port = port or _server_port(superuser)
    owner_password = secrets.token_urlsafe(32)
    keys.check_keyring()  # before the server is changed: the password must have a home
    try:
        refuse_taken_names(superuser, roles)  # so the journal names only what this setup makes
    except InvalidInput as taken:
        raise InvalidInput(
            f"{taken.th} หากการตั้งค่าครั้งก่อนถูกหยุดกลางคัน ให้สั่งใหม่ด้วย --data-dir เดิม "
            "ซึ่งจะย้อนสิ่งที่ครั้งก่อนทำไว้ให้",
            f"{taken.en} If an earlier 'server init' was interrupted, run it again with the "
            "same --data-dir: it undoes what that one left.",
            detail=taken.detail,
            code=taken.code,
        ) from None
    journal = begin_journal(data_dir, roles)
    journal.note("roles")
    try:
        create_database_and_roles(superuser, roles, owner_password)
    except InvalidInput:  # the names were taken a moment ago, by someone else: nothing made
        journal.done()
        raise
    except BaseException:
        drop_database_and_roles(superuser, roles)
        journal.done()
        raise
    changes = journal.watch(ClusterChanges(superuser))
    try:
        journal.note("cluster")
        tls = make_agency_tls(setup.code, hosts, clock.now())
        report = configure_cluster(superuser, tls, roles, allow_from, changes)
        journal.note("files")
        tls_dir = data_dir / TLS_DIR
        tls_dir.mkdir(parents=True, exist_ok=True)
        write_private(tls_dir / CA_KEY, tls.ca_key)
        write_atomically(tls_dir / CA_CERT, tls.ca_cert)
        facts = ServerSetup(
            hosts[0], port, roles.database, roles.owner, roles.app, setup.code, hosts
        )
        write_atomically(data_dir / SETUP_FILE, json.dumps(asdict(facts), indent=2).encode())
        keys.install_server_password(data_dir, owner_password)
        url = server_url(hosts[0], port, roles.database, roles.owner, tls_dir / CA_CERT)
        write_link(data_dir, ServerLink(url=url, station_code=setup.station_code))
        journal.note("profile")
        # The migrations run here, as the migration role, over TLS (services.store.engine).
        store = initialise_profile(
            data_dir,
            setup,
            admin_username=admin_username,
            admin_password=admin_password,
            admin_display_name=admin_display_name,
            clock=clock,
        )
        try:
            restrict_app_role(store.engine, roles.app)
            journal.note("finishing")
            if finish is not None:
                finish(store)
        except BaseException:
            store.close()
            raise
    except ServerUnreachable as exc:
        _undo(data_dir, superuser, roles, changes)
        journal.done()
        raise InvalidInput(
            f"ติดต่อฐานข้อมูลที่ {hosts[0]}:{port} ผ่าน TLS อย่างที่เครื่องลูกข่ายจะติดต่อไม่ได้ — "
            "ตรวจว่าชื่อ --host ชี้มาที่เครื่องนี้ (DNS หรือไฟล์ hosts) แล้วสั่งใหม่ "
            "(ได้ลบฐานข้อมูลและบทบาทที่เพิ่งสร้างออก และคืนค่าการตั้งค่าของ PostgreSQL และ pg_hba.conf "
            "เป็นอย่างเดิมแล้ว)",
            f"The database could not be reached at {hosts[0]}:{port} over TLS, the way the "
            "workstations will reach it. Check that the --host name leads to this server (DNS "
            "or the hosts file), then run this again. The database and roles just made were "
            "removed, and PostgreSQL's settings and pg_hba.conf put back as they were.",
            detail=exc.detail,
            code="server_init_unreachable",
        ) from exc
    except BaseException:
        _undo(data_dir, superuser, roles, changes)
        journal.done()
        raise
    journal.done()  # the setup is whole: nothing for a later run to undo
    return store, report


def undo_interrupted(journal: InitJournal, superuser: str) -> None:
    """Undo what a killed setup did, as its journal says (each step may run again: a kill
    during this undo leaves the journal, and the next run undoes the rest)."""
    _undo(journal.data_dir, superuser, journal.roles, journal.cluster_changes(superuser))
    removed = journal.remove_new_files()
    journal.done()
    log.warning(
        "an interrupted server init (at %r) was undone: database %s and roles dropped, the "
        "cluster's settings put back, keyring entries and %d file(s) removed",
        journal.step,
        journal.roles.database,
        len(removed),
    )


def _undo(data_dir: Path, superuser: str, roles: ServerRoles, changes: ClusterChanges) -> None:
    # The cluster first: its pg_hba.conf lines name the roles dropped next.
    changes.undo()
    drop_database_and_roles(superuser, roles)
    # The passwords name roles that are gone, and the key encrypted nothing yet.
    keys.forget_agency_secrets(data_dir)
