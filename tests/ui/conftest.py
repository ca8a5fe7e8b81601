"""UI fixtures: the application set up as ``run_gui`` sets it up, a runner, temp settings,
and a real ``Workstation`` over an encrypted profile holding real applications."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from services.clock import BANGKOK
from ui import i18n
from ui.shell import prepare_application
from ui.tasks import TaskRunner

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
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def workstation(context):
    from services.workstation import Workstation

    return Workstation(context)


@pytest.fixture
def applications(context, actors) -> list[str]:
    """Real applications in first-come order; returns their tracking numbers."""
    from services.applications import NewApplicant, create_application, find_or_create_applicant

    names = ("สมหญิง ใจดี", "สมชาย รักไทย", "มาลี ศรีสุข", "ประเสริฐ วงศ์ใหญ่")
    numbers = []
    start = datetime(2026, 11, 2, 9, 0, tzinfo=BANGKOK)
    with context.unit_of_work(actors["intake"]) as uow:
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


@pytest.fixture
def reviewer(workstation):
    from tests.conftest import STAFF_PASSWORD

    return workstation.sign_in("reviewer", STAFF_PASSWORD)
