"""The report pages: the monthly service report for supervisors and the administrator (table,
chart, XLSX and PDF) and, for the administrator, the audit log viewer (filters, the chain's
status, CSV and XLSX).

Both ask :class:`~services.api.ReportsPort` through the :class:`~ui.common.tasks.TaskRunner`
(the database worker for queries, the I/O pool for writing files); whether they exist at all
is the access table's answer (``Action.READ_REPORTS``, ``Action.READ_AUDIT``), asked by the
main window.
"""
