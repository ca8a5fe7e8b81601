"""The request file kept for good: the archive export (one PDF/A-3 with every page, letter,
issued document and event of a request) and, in :mod:`.retention`, the retention period,
the destruction list and the destruction an order of the head of the agency allows.

``gather`` reads a request in one read-only session; ``render`` draws it; ``export`` checks
the right, makes the PDF/A and records the export in the audit log.
"""
