"""What the fees page tests set up the same way: the page signed in as finance, shown at
1280×720 and reading its lists, as the officer finds it when opening it.
"""

from __future__ import annotations

from tests.conftest import STAFF_PASSWORD
from ui.fees.page import FeesPage


def shown_fees_page(qtbot, ws, runner) -> FeesPage:
    """The fees page of the ``finance`` officer, shown and asked to read its lists (the
    caller waits for what it needs)."""
    finance = ws.shell.sign_in("finance", STAFF_PASSWORD)
    page = FeesPage(ws.fees, finance, runner)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    return page
