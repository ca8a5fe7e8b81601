"""The review screen's side tabs: their titles (with what is done of the documents and of
the identity checks, as the services count them) and their tooltips with their keys.

Words are in the "ReviewScreen" translation context, where they have always been.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from services.api import ApplicationDetail, Verdict

__all__ = ["title_tabs"]


def title_tabs(tabs: QTabWidget, detail: ApplicationDetail | None) -> None:
    """Documents, Identity, Application, History; with counts once a request shows."""

    tabs.setTabToolTip(0, QCoreApplication.translate("ReviewScreen", "Required documents (Ctrl+1)"))
    tabs.setTabToolTip(
        1, QCoreApplication.translate("ReviewScreen", "Identity and power of attorney (Ctrl+2)")
    )
    tabs.setTabToolTip(2, QCoreApplication.translate("ReviewScreen", "Applicant and form (Ctrl+3)"))
    tabs.setTabToolTip(
        3, QCoreApplication.translate("ReviewScreen", "What happened so far (Ctrl+4)")
    )
    tabs.setTabText(2, QCoreApplication.translate("ReviewScreen", "Application"))
    tabs.setTabText(3, QCoreApplication.translate("ReviewScreen", "History"))
    if detail is None:
        tabs.setTabText(0, QCoreApplication.translate("ReviewScreen", "Documents"))
        tabs.setTabText(1, QCoreApplication.translate("ReviewScreen", "Identity"))
        return
    done = sum(i.verdict in (Verdict.ACCEPTED, Verdict.NOT_APPLICABLE) for i in detail.checklist)
    tabs.setTabText(
        0,
        QCoreApplication.translate("ReviewScreen", "Documents {done}/{total}").format(
            done=done, total=len(detail.checklist)
        ),
    )
    # The services' review state: the required checks, and those not yet satisfied.
    needed = len(detail.required_checks)
    checked = needed - len(detail.missing_checks)
    tabs.setTabText(
        1,
        QCoreApplication.translate("ReviewScreen", "Identity {done}/{total}").format(
            done=checked, total=needed
        ),
    )
