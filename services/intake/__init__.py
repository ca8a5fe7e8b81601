"""Receiving requests (requirements P1–P3): mail, the shared drive and the counter.

:mod:`.pipeline` turns one arrival into one transaction (application, documents, quarantine,
acknowledgement, cursor); :mod:`.sync` drives the sources; :mod:`.inspect` judges files by
their content; :mod:`.mail` parses mail and reads mailboxes (Maildir, IMAP); :mod:`.drive`
watches the shared drive; :mod:`.counter` registers walk-in requests; :mod:`.quarantine`
holds what failed inspection.
"""
