"""What the issuing page tests set up the same way: officers signed in, a request approved
and paid, the page shown at 1280×720 for an officer, a step's dialog waited for, a
screenshot. Shared by the issuing page, licence search and licence time-stamp tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from services.access import auth
from services.api import SignedInUser
from services.api.approval import SigningChoice
from services.api.ports import Ports
from services.approval import BatchItem
from services.kernel.actors import SYSTEM
from services.produce.sign import Pin
from tests.conftest import STAFF_PASSWORD
from tests.integration.test_approval import reviewed
from tests.ui.conftest import SCREENSHOTS
from ui.issuing.page import IssuingPage

PREMISES = "ร้านครัวใจดี เลขที่ 12 ถนนเพชรเกษม ตำบลหนองไผ่ อำเภอเมือง จังหวัดนครปฐม"
OFFICERS = ("intake", "reviewer", "approver", "finance")

Shown = TypeVar("Shown", bound=QWidget)


def shot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if widget.layout() is not None:
        widget.layout().activate()  # texts just changed language: lay them out first
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def signed_in(ports: Ports, names: tuple[str, ...] = OFFICERS) -> dict[str, SignedInUser]:
    return {name: ports.shell.sign_in(name, STAFF_PASSWORD) for name in names}


def add_supervisor(context) -> None:
    """ "super", who keeps the paper register (the demo profile has no supervisor)."""
    with context.unit_of_work(SYSTEM) as uow:
        auth.create_user(uow, username="super", display_name="นายกำกับ ดูแล",
                         password=STAFF_PASSWORD, roles=["supervisor"])  # fmt: skip


def approved(context, ports, users, choice: SigningChoice | None = None) -> str:
    """A request reviewed, approved by ``users["approver"]`` and its fee verified."""
    from models import Payment
    from services import fees
    from services.kernel.actors import Actor

    app_id = reviewed(context, ports, users, hour=9)
    approver = users["approver"]
    ports.approval.open_approval(approver, app_id)
    choice = choice or SigningChoice("record", secret=Pin(STAFF_PASSWORD))
    outcome = ports.approval.approve_batch(
        approver, [BatchItem(app_id, ("ห้ามวางปิ่นโตบนทางเท้า",))], choice
    )
    assert outcome.approved == (app_id,)
    with context.read() as session:
        payment = session.query(Payment).filter_by(application_id=app_id).first()
    if payment is not None:  # the fee due before issue, verified by finance
        with context.unit_of_work(Actor.from_user(users["finance"])) as uow:
            fees.verify(uow, context.calendar, context.store.blobs, payment.id)
    return app_id


def issuing_page(
    qtbot, ports: Ports, user: SignedInUser, runner, *, read: bool = True
) -> IssuingPage:
    """The page as ``user`` sees it at 1280×720, its lists being read (unless not ``read``:
    a step from its buttons only)."""
    assert ports.issuing is not None
    page = IssuingPage(ports.issuing, user, runner)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    if read:
        page.refresh()
    return page


def typing_into(qtbot, dialog: QWidget, field: QWidget) -> None:
    """``dialog`` in front with ``field`` taking the keys, as the officer finds it."""
    dialog.activateWindow()
    qtbot.waitUntil(field.hasFocus, timeout=5_000)


def opened(qtbot, dialog: Callable[[], Shown | None]) -> Shown:
    """The dialog a step opened, once it is on screen."""
    qtbot.waitUntil(lambda: (shown := dialog()) is not None and shown.isVisible(),
                    timeout=10_000)  # fmt: skip
    found = dialog()
    assert found is not None
    return found
