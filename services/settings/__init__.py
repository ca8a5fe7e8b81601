"""The station's and the agency's settings, as the administrator changes and tests them.

* :mod:`~services.settings.declaration` — every setting declared once (type, default, the
  values it may take); the program's start-up (``app.settings``) and the settings page check
  against the same declaration;
* :mod:`~services.settings.settings_file` — reading and writing a ``settings.toml``;
* :mod:`~services.settings.sections` — the page's sections, their keyring passwords, and when
  a change takes effect;
* :mod:`~services.settings.station` — read, check, save (one audit event), test;
* :mod:`~services.settings.probes` — "Test connection" for IMAP, SMTP, folders, PKCS#11.

The agency's own record (names, code, official address, hours) is the store's:
:mod:`services.store.agency`. Passwords go to the OS keyring (:mod:`services.store.keys`),
never to a file, an event or the log.
"""
