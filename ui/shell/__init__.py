"""The officer's workstation after sign-in: the main window (:mod:`ui.shell.main_window`),
its queue pane, list, panels and pages, and the sign-in that leads to it.

Intake adds the sync indicator in the status bar (F9), the "Quarantine" page (Alt+Q, intake
and reviewer roles) and the counter registration panel at the right (Ctrl+N, intake role).

Review adds the review screen (Enter on a row, or "Next": Ctrl+Enter / F2), which takes the
whole width while open; the dashboard page (Alt+D); the search box above the list (Ctrl+F),
whose results show as a "Search results" pseudo-queue; and the keyboard cheat-sheet (F1, ?).

Reports (``ports.reports``) add, for the roles the access table allows, the "Monthly report"
page (figures per service, a chart, XLSX and PDF) and the "Audit log" page (events by request,
officer, kind and date; the chain's verification status; CSV and XLSX).

Accounts (``accounts``, an :class:`~ui.admin.OfficersPort`) add "Change my password" to the
user menu and, for administrators, the "Officers" page (Alt+O). A session the services end
(the officer was deactivated, or must change a password) signs out to the sign-in dialog,
which says why (:attr:`MainWindow.end_reason`).

Every officer's window locks itself after the station's idle minutes and on Ctrl+L (the user
menu's "Lock the screen"): a panel with the officer and a password field in place of the
content, the request's decrypted files dropped and reopened at the same page after the
password (:mod:`ui.shell.screen_lock`).

Settings (``ports.settings``) add, for administrators, the "Settings" page (Ctrl+,): the
agency's identity and hours and the station's mailbox, SMTP, drive, token and backup place,
each with "Test connection" (:mod:`ui.admin.settings_page`).

The work list (:class:`~ui.worklist.controls.WorklistControls`) adds the filter bar with
saved views above the list (the officer's own requests first), "Assign…" (Ctrl+Shift+A,
supervisors), "Notes…" (Ctrl+Shift+N) and the alerts badge in the header.
"""
