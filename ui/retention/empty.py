"""What the retention page's two registers say while they are empty: what they would hold and
how to start, in the officer's language (an empty table with only its headers said nothing).

Shown only once the page has read the store, so "nothing yet" is never said while reading.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget

from services.api.archive import ListSummary, RetentionOverview
from ui.worklist.empty_hint import EmptyHint

__all__ = ["EmptyRegisters"]


class EmptyRegisters:
    """The hints over the destruction lists and over the chosen list's requests."""

    def __init__(self, lists: QTableWidget, requests: QTableWidget) -> None:
        self.lists = EmptyHint(lists)
        self.requests = EmptyHint(requests)
        self._lists_table = lists

    def show(
        self, overview: RetentionOverview | None, chosen: ListSummary | None, draft_button: str
    ) -> None:
        """Word the hints for what was read; ``draft_button`` is the draw-up button's text
        as shown (the hint names it the way the officer sees it)."""
        # Its words without the keyboard mark ("&u", Thai "(&U)"): as the button reads.
        button = re.sub(r"\s*\(&\w\)|&(?=\w)", "", draft_button)
        lists_text = requests_text = ""
        if overview is not None and self._lists_table.rowCount() == 0:
            if overview.past > 0:
                lists_text = QCoreApplication.translate(
                    "RetentionEmpty",
                    "No destruction list yet. A list names the closed requests past their "
                    "retention period, for the head of the agency to order destroyed. Press "
                    "“{button}” to draw one up.",
                ).format(button=button)
            else:
                lists_text = QCoreApplication.translate(
                    "RetentionEmpty",
                    "No destruction list yet. A list names the closed requests past their "
                    "retention period; none is past it now, so there is nothing to list.",
                )
        if overview is not None and chosen is None:  # (its rows go with the choice)
            if overview.lists:
                requests_text = QCoreApplication.translate(
                    "RetentionEmpty",
                    "Choose a destruction list to see the requests it names.",
                )
            else:
                requests_text = QCoreApplication.translate(
                    "RetentionEmpty",
                    "The requests a destruction list names show here, with why any was "
                    "skipped, once a list is drawn up.",
                )
        self.lists.show_message(lists_text)
        self.requests.show_message(requests_text)
