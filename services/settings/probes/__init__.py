"""The settings page's "Test connection": the mailbox (IMAP), SMTP, a folder, the token library.

Each probe takes the values as they are in the form (saved or not), runs under a deadline
(:func:`~services.settings.probes.result.within`) and returns a
:class:`~services.settings.probes.result.ProbeResult`: it never raises, and it changes
nothing on the peer.
"""

from services.settings.probes.folder import probe_folder
from services.settings.probes.imap import MAILBOX, probe_imap
from services.settings.probes.pkcs11 import SIGNING, probe_pkcs11
from services.settings.probes.result import ProbeResult, within
from services.settings.probes.smtp import SMTP, probe_smtp

__all__ = [
    "MAILBOX",
    "SIGNING",
    "SMTP",
    "ProbeResult",
    "probe_folder",
    "probe_imap",
    "probe_pkcs11",
    "probe_smtp",
    "within",
]
