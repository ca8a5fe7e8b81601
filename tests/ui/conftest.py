"""UI fixtures: the application set up as ``run_gui`` sets it up, a runner, temp settings,
and the real ports (``services.api.Ports``) over an encrypted profile holding real applications."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from services.kernel.actors import Actor, SignedInUser
from services.kernel.clock import BANGKOK
from ui.common import i18n
from ui.common.tasks import TaskRunner
from ui.shell.start import prepare_application

# How many applications the store-backed tests create: more than one page (200), so the
# list has to fetch a second page.
APPLICATION_COUNT = 230
UNCLASSIFIED_EVERY = 5  # every fifth request arrives without a service (unclassified)


@pytest.fixture
def gui(qapp: QApplication) -> Iterator[QApplication]:
    """The QApplication with Sarabun, the theme and Thai, as ``run_gui`` prepares it."""
    app = prepare_application("th")
    yield app
    i18n.apply_language("th", app)


@pytest.fixture
def runner(gui: QApplication) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def viewer_copies(data_dir: Path) -> Iterator[Path]:
    """The plain copies "Open with the system viewer" makes go under the profile's own
    folder (0700), as at a station, instead of a shared temporary one; put back after."""
    from ui.viewer import system_viewer

    root = data_dir / "viewer-copies"
    root.mkdir(mode=0o700)
    system_viewer.use_private_root(root)
    try:
        yield root
    finally:
        system_viewer.use_private_root(None)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def workstation(context):
    from services.api.ports import build_ports

    return build_ports(context)


def _make_applications(context, intake) -> list[str]:
    """Real applications in first-come order; returns their tracking numbers."""
    from services.cases.applications import (
        NewApplicant,
        create_application,
        find_or_create_applicant,
    )

    names = ("สมหญิง ใจดี", "สมชาย รักไทย", "มาลี ศรีสุข", "ประเสริฐ วงศ์ใหญ่")
    numbers = []
    start = datetime(2026, 11, 2, 9, 0, tzinfo=BANGKOK)
    with context.unit_of_work(intake) as uow:
        for number in range(APPLICATION_COUNT):
            applicant = find_or_create_applicant(
                uow,
                NewApplicant(
                    kind="person",
                    title_th="นางสาว" if number % 2 else "นาย",
                    name_th=names[number % len(names)],
                ),
            )
            created = create_application(
                uow,
                context.calendar,
                agency_code=context.agency_code,
                station_code=context.station_code,
                channel="email",
                received_at=start + timedelta(minutes=7 * number),
                subject="ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
                applicant=applicant,
                service_code=None if number % UNCLASSIFIED_EVERY == 0 else "FOOD-SHOP",
            )
            numbers.append(created.tracking_number)
    return numbers


# --- intake through the real pipeline: a mail parsed and ingested as it arrives ----------

# The first bytes of a Windows program: inspection must see through the ".pdf" name.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 512
BROKEN_PDF = b"%PDF-1.4\n%broken on the way\n1 0 obj <<"
HELD_NAMES = ("แบบคำขอ.pdf", "สำเนาบัตร.pdf")


def mail_bytes(subject: str, attachments: list[tuple[str, bytes, str]]) -> bytes:
    """A citizen's mail as it comes off the wire, built with the standard library."""
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    message = EmailMessage()
    message["From"] = "สมศักดิ์ มั่นคง <somsak@example.test>"
    message["To"] = "saraban@example.go.th"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 11, 25, 9, 30, tzinfo=BANGKOK))
    message["Message-ID"] = make_msgid(domain="example.test")
    message.set_content("ส่งแบบคำขอและสำเนาบัตรมาตามที่แจ้งครับ")
    for name, data, content_type in attachments:
        main, sub = content_type.split("/")
        message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return message.as_bytes()


@pytest.fixture
def held_mail(context):
    """One mail whose two attachments intake holds back: a program named .pdf, a broken PDF.

    The mail reached the server at 08:00 and the sync read it at 10:00 (the clock's now), so a
    screen that shows the sync's time as "received" is caught. Returns the tracking number of
    the application the mail created.
    """
    from datetime import timedelta

    from services.intake.mail.parse import parse_mail
    from services.intake.pipeline import arrival_from_mail, ingest

    raw = mail_bytes(
        "ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
        [
            (HELD_NAMES[0], EXE_BYTES, "application/pdf"),
            (HELD_NAMES[1], BROKEN_PDF, "application/pdf"),
        ],
    )
    received = context.clock.now() - timedelta(hours=2)
    arrival = arrival_from_mail(parse_mail(raw), received, raw)
    outcome = ingest(context, arrival)
    assert outcome.quarantined == 2, outcome
    return outcome.tracking_number


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` as an input method commits it (Thai included).

    ``qtbot.keyClicks`` aborts on non-ASCII characters; a Thai keyboard layout delivers
    committed text through ``QInputMethodEvent`` anyway.
    """
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def officer_types(text: str) -> None:
    """Type ``text`` key by key into whichever widget has the focus, as an officer's keyboard
    does: each character is one real press and release, sent to the focus widget of that
    moment (so a widget that steals the focus mid-sentence gets the rest, as it would at the
    desk). Spaces are the Space key; Latin letters and digits carry their key code; Thai
    characters come as the text of the key event (``QTest.keyClicks`` knows ASCII only).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        if ch == " ":
            key = Qt.Key.Key_Space
        elif ch.isascii() and ch.isalnum():
            key = Qt.Key(ord(ch.upper()))
        else:
            key = Qt.Key.Key_unknown
        modifier = (
            Qt.KeyboardModifier.ShiftModifier
            if ch.isascii() and ch.isupper()
            else Qt.KeyboardModifier.NoModifier
        )
        QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, ch, modifier)


# --- review: real requests with real documents ----------------------------------------

REVIEW_NAMES = ("สมหญิง ใจดี", "ประเสริฐ วงศ์ใหญ่", "มาลี ศรีสุข")
PDF_PAGES = 3


def active_main_window(qtbot, workstation, user, runner, settings, size=(1366, 768)):
    """The signed-in main window, shown at ``size`` (``None``: the size it restores from
    ``settings``), its first list page read and the window active (key events go to it), as an
    officer finds it after signing in."""
    from ui.shell.start import build_main_window_for

    window = build_main_window_for(workstation, user, runner, settings)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitUntil(
        lambda: window.model.total is not None and not window.model.is_loading, timeout=15000
    )
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def register_one_more(context, actors) -> None:
    """One more request registered at the counter behind the window's back (as another
    station would), for a screen that must show it when it next reads the store."""
    from services.cases.applications import (
        NewApplicant,
        create_application,
        find_or_create_applicant,
    )

    with context.unit_of_work(actors["intake"]) as uow:
        applicant = find_or_create_applicant(
            uow, NewApplicant(kind="person", title_th="นาย", name_th="อนุชา ทองดี")
        )
        create_application(
            uow,
            context.calendar,
            agency_code=context.agency_code,
            station_code=context.station_code,
            channel="counter",
            received_at=datetime(2026, 11, 20, 10, 0, tzinfo=BANGKOK),
            subject="ขอใบอนุญาต",
            applicant=applicant,
            service_code="FOOD-SHOP",
        )


def pdf_bytes(pages: int, title: str) -> bytes:
    """A real PDF of ``pages`` A4 pages (reportlab), each saying which page it is."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        sheet.setFont("Helvetica-Bold", 22)
        sheet.drawString(72, 770, title)
        sheet.setFont("Helvetica", 14)
        sheet.drawString(72, 740, f"Page {number} of {pages}")
        sheet.rect(72, 200, 450, 500)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def jpeg_bytes(width: int = 900, height: int = 560) -> bytes:
    """A real JPEG, wider than high (a photographed ID card)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (236, 242, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, width - 40, height - 40), outline=(31, 78, 121), width=8)
    draw.rectangle((80, 120, 300, 420), fill=(180, 190, 205))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, dpi=(200, 200))
    return buffer.getvalue()


def _make_review_applications(context, intake) -> list[tuple[str, str]]:
    """Three food-shop requests in first-come order, each with its mail body, a 3-page PDF
    form, a JPEG of the ID card and a note in the Thai Windows code page (as old PCs save
    .txt files). Returns (application id, tracking number) pairs."""
    import random

    from services.cases.applications import (
        NewApplicant,
        create_application,
        find_or_create_applicant,
    )
    from services.cases.documents import attach_document
    from services.kernel.thai_id import generate_valid_id

    made = []
    start = datetime(2026, 11, 23, 9, 0, tzinfo=BANGKOK)
    rng = random.Random(7)
    for number, name in enumerate(REVIEW_NAMES):
        with context.unit_of_work(intake) as uow:
            applicant = find_or_create_applicant(
                uow,
                NewApplicant(
                    kind="person",
                    title_th="นาง" if number % 2 == 0 else "นาย",
                    name_th=name,
                    national_id=generate_valid_id(rng),
                    email=f"applicant{number}@example.test",
                    phone="0812345678",
                ),
            )
            created = create_application(
                uow,
                context.calendar,
                agency_code=context.agency_code,
                station_code=context.station_code,
                channel="email",
                received_at=start + timedelta(hours=number),
                subject="ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
                body_text=f"เรียน เจ้าหน้าที่\nขอยื่นคำขอใบอนุญาตร้านอาหารของ{name} ครับ",
                applicant=applicant,
                service_code="FOOD-SHOP",
            )
            uow.session.flush()
            attach_document(
                uow,
                context.store.blobs,
                created.id,
                filename="แบบคำขอ.pdf",
                content_type="application/pdf",
                data=pdf_bytes(PDF_PAGES, f"Application form {number + 1}"),
                origin="email",
            )
            attach_document(
                uow,
                context.store.blobs,
                created.id,
                filename="บัตรประชาชน.jpg",
                content_type="image/jpeg",
                data=jpeg_bytes(),
                origin="email",
            )
            attach_document(
                uow,
                context.store.blobs,
                created.id,
                filename="หมายเหตุ.txt",
                content_type="text/plain",
                data="ร้านเปิด 08:00-20:00 น. ที่จอดรถ 4 คัน".encode("cp874"),
                origin="email",
            )
            made.append((created.id, created.tracking_number))
    return made


# --- a populated profile per combination of data sets, built once per session ----------

# The data sets a test can ask for by fixture name; each is made once into a template.
POPULATIONS = ("applications", "review_applications")


@dataclass(frozen=True)
class Population:
    """A profile directory holding staff signed in and the data sets asked for, and what
    building it returned (the fixtures below hand these out instead of building again)."""

    path: Path
    actors: dict[str, Actor]
    reviewer: SignedInUser
    intake_user: SignedInUser
    applications: list[str]
    review_applications: list[tuple[str, str]]


@pytest.fixture(scope="session")
def _populations(
    _profile_template, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[frozenset[str]], Population]:
    """Builds (once per session and combination) a copy of the staffed template with the
    officers signed in and the data sets made; each test then copies the directory.

    Argon2 sign-ins (about half a second each) and 230 applications would otherwise be
    paid again by every test.
    """
    import shutil
    from datetime import UTC

    import keyring

    from services.api.ports import build_ports
    from services.kernel.clock import FixedClock
    from services.store.profile import load_context
    from tests.conftest import STAFF, STAFF_PASSWORD, MemoryKeyring

    template, secrets, *_ = _profile_template
    built: dict[frozenset[str], Population] = {}

    def build(wanted: frozenset[str]) -> Population:
        if wanted in built:
            return built[wanted]
        path = tmp_path_factory.mktemp("populated") / "profile"
        shutil.copytree(template, path)
        previous = keyring.get_keyring()
        ring = MemoryKeyring()
        ring.secrets.update(secrets)
        keyring.set_keyring(ring)
        try:
            # The same instant as the ``clock`` fixture.
            context = load_context(path, FixedClock(datetime(2026, 11, 25, 3, 0, tzinfo=UTC)))
            try:
                ws = build_ports(context)
                names = {"admin": "admin", **{role: u for role, (u, _) in STAFF.items()}}
                actors = {
                    role: Actor.from_user(ws.shell.sign_in(u, STAFF_PASSWORD))
                    for role, u in names.items()
                }
                population = Population(
                    path=path,
                    actors=actors,
                    reviewer=ws.shell.sign_in("reviewer", STAFF_PASSWORD),
                    intake_user=ws.shell.sign_in("intake", STAFF_PASSWORD),
                    applications=(
                        _make_applications(context, actors["intake"])
                        if "applications" in wanted
                        else []
                    ),
                    review_applications=(
                        _make_review_applications(context, actors["intake"])
                        if "review_applications" in wanted
                        else []
                    ),
                )
            finally:
                context.store.close()
        finally:
            keyring.set_keyring(previous)
        built[wanted] = population
        return population

    return build


@pytest.fixture
def _population(request: pytest.FixtureRequest, _populations) -> Population:
    return _populations(frozenset(n for n in POPULATIONS if n in request.fixturenames))


@pytest.fixture
def context(_population: Population, data_dir, clock, memory_keyring, _profile_template):
    """A fresh copy of the populated profile (overrides the staffed one of tests/)."""
    import shutil

    from services.store.profile import load_context

    shutil.rmtree(data_dir)
    shutil.copytree(_population.path, data_dir)
    memory_keyring.secrets.update(_profile_template[1])
    ctx = load_context(data_dir, clock)
    yield ctx
    ctx.store.close()


@pytest.fixture
def actors(context, _population: Population) -> dict[str, Actor]:
    """An Actor per role, signed in for real (when the profile was built)."""
    return dict(_population.actors)


@pytest.fixture
def applications(context, _population: Population) -> list[str]:
    """230 real applications in first-come order; their tracking numbers."""
    return list(_population.applications)


@pytest.fixture
def review_applications(context, _population: Population) -> list[tuple[str, str]]:
    """Three food-shop requests with documents; (application id, tracking number) pairs."""
    return list(_population.review_applications)


@pytest.fixture
def reviewer(context, _population: Population) -> SignedInUser:
    return _population.reviewer


@pytest.fixture
def intake_user(context, _population: Population) -> SignedInUser:
    return _population.intake_user


SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Every UI test leaves a picture of each window it showed, for people to look at.

    Taken right after the test body, before pytest-qt closes the widgets; saved under
    artifacts/screenshots/ (not committed). The curated ones for the README live in
    docs/screenshots/.
    """
    yield
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    shown = [w for w in app.topLevelWidgets() if w.isVisible() and w.width() >= 300]
    if shown:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for index, widget in enumerate(shown):
        name = item.name.replace("/", "_")[:120]
        suffix = f"-{index}" if len(shown) > 1 else ""
        widget.grab().save(str(SCREENSHOTS / f"{name}{suffix}.png"))
