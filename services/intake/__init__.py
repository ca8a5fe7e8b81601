"""Receiving requests (requirements P1–P3): mail, the shared drive and the counter.

:mod:`.pipeline` turns one arrival into one transaction (application, documents, quarantine,
acknowledgement, cursor); :mod:`.sync` drives the sources; :mod:`.inspect` judges files by
their content; :mod:`.mail` parses mail and reads mailboxes (Maildir, IMAP); :mod:`.drive`
watches the shared drive; :mod:`.counter` registers walk-in requests; :mod:`.quarantine`
holds what failed inspection; :mod:`.not_request` is the tray of mail that is not a request
(bounces, auto-replies, newsletters, notices) and taking one as a request after all;
:mod:`.forwarded` confirms the applicant of a request someone else forwarded.
"""
