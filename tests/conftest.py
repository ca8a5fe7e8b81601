"""Shared fixtures: a private in-memory keyring per test, Qt offscreen, a temp profile."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Real peers for the tests that need them (see tests/peers/).
pytest_plugins = [
    "tests.peers.smtp",
    "tests.peers.dovecot",
    "tests.peers.softhsm",
    "tests.peers.postgres",
    "tests.peers.postgres_bare",
    "tests.peers.tsa",
]


class MemoryKeyring(KeyringBackend):
    """A keyring that lives only as long as the test (headless machines have none)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    profile = tmp_path / "profile"
    profile.mkdir()
    return profile


# --- a real, encrypted profile with one officer per role ------------------------------

STAFF_PASSWORD = "correct-horse-9"
STAFF = {
    "intake": ("intake", "นางสาวรับเรื่อง ตั้งใจ"),
    "reviewer": ("reviewer", "นายตรวจ ละเอียด"),
    "finance": ("finance", "นางการเงิน ถูกต้อง"),
    "approver": ("approver", "นายอนุมัติ รอบคอบ"),
}


@pytest.fixture
def clock():
    from datetime import UTC, datetime

    from services.kernel.clock import FixedClock

    # Wednesday 25 November 2026, 10:00 in Bangkok: inside business hours.
    return FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))


ON_POSTGRES = os.environ.get("ANUYAT_TEST_DB", "sqlite") == "postgres"
"""``ANUYAT_TEST_DB=postgres``: the ``context`` fixture's profile is an agency profile on a
real PostgreSQL server (tests/peers/postgres.py) instead of a station's SQLCipher store."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, leave out the tests about the station's file (key, FTS5 internals):
    there is no such file to test; they run in the station run."""
    if not ON_POSTGRES:
        return
    kept = [item for item in items if item.get_closest_marker("station_store") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="session")
def store_server(request: pytest.FixtureRequest) -> str | None:
    """The PostgreSQL server's URL when the suite runs on the agency profile, else None."""
    return request.getfixturevalue("postgres_url") if ON_POSTGRES else None


def _link_to(data_dir: Path, database_url: str) -> None:
    from services.store.server_link import ServerLink, write_link

    write_link(data_dir, ServerLink(url=database_url, station_code="ST1"))


@pytest.fixture(scope="session")
def _profile_template(tmp_path_factory: pytest.TempPathFactory, store_server: str | None):
    """One real profile with staff, built once; each test gets a fresh copy of it.

    Argon2id hashing is deliberately slow, so creating five accounts per test
    would dominate the suite's time. On PostgreSQL the copy is a database made from the
    template's (``CREATE DATABASE … TEMPLATE``).
    """
    from datetime import UTC, datetime

    from services.access import auth
    from services.kernel.actors import SYSTEM
    from services.kernel.clock import FixedClock
    from services.store.profile import AgencySetup, initialise_profile, load_context
    from tests.peers.postgres import clone_database

    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    template = tmp_path_factory.mktemp("template") / "profile"
    template_db = None
    if store_server is not None:
        template_db = clone_database(store_server)
        _link_to(template, template_db)
    clock = FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))
    store = initialise_profile(
        template,
        AgencySetup(
            name_th="เทศบาลตำบลทดสอบ",
            name_en="Test Subdistrict Municipality",
            code="TST",
            number="ทส 52001",
            email="saraban@test-municipality.example.go.th",
            phone="042-000-001",
        ),
        admin_username="admin",
        admin_password=STAFF_PASSWORD,
        admin_display_name="ผู้ดูแล ระบบ",
        clock=clock,
    )
    store.close()
    ctx = load_context(template, clock)
    with ctx.unit_of_work(SYSTEM) as uow:
        for role, (username, name) in STAFF.items():
            auth.create_user(
                uow, username=username, display_name=name, password=STAFF_PASSWORD, roles=[role]
            )
    ctx.store.close()
    keyring.set_keyring(previous)
    return template, dict(ring.secrets), template_db


@pytest.fixture
def context(_profile_template, data_dir, clock, memory_keyring, store_server):
    import shutil

    from services.store.profile import load_context
    from tests.peers.postgres import clone_database, drop_database

    template, secrets, template_db = _profile_template
    shutil.rmtree(data_dir)
    shutil.copytree(template, data_dir)
    database = None
    if store_server is not None and template_db is not None:
        database = clone_database(store_server, template=template_db.rsplit("/", 1)[1])
        _link_to(data_dir, database)
    memory_keyring.secrets.update(secrets)
    ctx = load_context(data_dir, clock)
    yield ctx
    ctx.store.close()
    if database is not None:
        drop_database(database)


@pytest.fixture
def actors(context):
    """An Actor per role, signed in for real."""
    from services.api.ports import build_ports
    from services.kernel.actors import Actor

    ws = build_ports(context)
    names = {"admin": "admin", **{role: u for role, (u, _) in STAFF.items()}}
    return {role: Actor.from_user(ws.shell.sign_in(u, STAFF_PASSWORD)) for role, u in names.items()}


# --- no personal data in any log the suite wrote ------------------------------------------


def _personal_texts() -> set[str]:
    """Names, subjects and bodies from the fixtures and the demo content."""
    from demo.content import DEMO_KINDS, demo_applicants, demo_requests
    from tests.data import mail_corpus

    texts = {mail_corpus.THAI_SUBJECT, mail_corpus.THAI_NAME, mail_corpus.APPLICANT}
    texts.update(line for line in mail_corpus.THAI_BODY.splitlines() if len(line) > 12)
    texts.update(name for _, name in STAFF.values())
    for applicant in demo_applicants():
        texts.update({applicant.name_th, applicant.national_id, applicant.signer.name_th})
    for request in demo_requests([kind.upper() for kind in DEMO_KINDS]):
        texts.add(request.subject)
        texts.update(line.strip() for line in request.body.splitlines() if len(line) > 24)
    return {t for t in texts if t}


def profile_logs(root: Path) -> list[Path]:
    """Every file the profile log handler wrote under ``root`` (rotated ones too)."""
    return sorted(
        p for p in root.rglob("*.log*") if p.is_file() and (p.name.startswith("anuyat.log"))
    )


def find_personal_data(root: Path) -> list[str]:
    texts = _personal_texts()
    found = []
    for log in profile_logs(root):
        content = log.read_text(encoding="utf-8", errors="replace")
        found.extend(f"{log}: {text[:40]!r}" for text in texts if text in content)
    return found


@pytest.fixture(scope="session", autouse=True)
def _no_personal_data_in_logs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """At the end of the run, grep every profile log the tests produced."""
    yield
    import logging

    for handler in logging.getLogger().handlers:
        handler.flush()
    found = find_personal_data(tmp_path_factory.getbasetemp())
    assert not found, "personal data in a log file:\n" + "\n".join(found[:20])
