"""Mail in: parsing untrusted MIME, HTML reduced to text, and the mailbox sources
(local Maildir and IMAP by UID).
"""
