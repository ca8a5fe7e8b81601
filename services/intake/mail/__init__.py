"""Mail in: parsing untrusted MIME, HTML reduced to text, and the mailbox sources
(local Maildir and IMAP by UID).

Modules: ``parse`` (the entry: bytes to :class:`~services.intake.types.ParsedMail`, never
raising), with ``charsets``, ``headers``, ``body``, ``parts``, ``auto_reply``,
``auth_results``, ``fingerprint`` and ``html_text`` doing its parts; ``sources`` (the
mailbox contract), ``maildir`` and ``imap`` (the two mailboxes).
"""
