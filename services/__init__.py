"""Every rule of the DGA guidelines (draft) as plain Python, no Qt: one package per room.

Read bottom to top (each may import only those below it; import-linter contracts in
pyproject.toml enforce it):

* :mod:`services.kernel` — errors, clock, calendar/SLA, statuses, events, actors, unit of work;
* :mod:`services.access` — who may do what: sign-in, passwords, roles;
* :mod:`services.catalog` — the service catalog (citizen manual): load, check, store;
* :mod:`services.store` — the encrypted store, its keys, blobs, recovery, the profile;
* :mod:`services.cases` — the application aggregate and the read side (queues, search);
* :mod:`services.letters` and :mod:`services.outbox` — letters to applicants from editable
  templates, and the outbox that sends what was decided (queued in the deciding transaction);
* process stages, independent of each other: :mod:`services.intake` (P1–P3: receive,
  acknowledge, classify, quarantine), :mod:`services.review` (P2, P4: check evidence, identity
  and delegation, consider, return), :mod:`services.produce` (documents the agency makes:
  certified copies, counter receipts, the citizen manual; signing goes in ``produce/sign`` and
  licences in ``produce/issue``). Approval (P5), fees (P6) and delivery (P8) arrive as packages
  of review's shape beside it;
* :mod:`services.settings` — the station's settings as the administrator saves and tests them
  (declaration, settings file, sections, "Test connection"), above the stages it configures;
* :mod:`services.api` — the ports and read models the screens use, and the facades behind them.
"""
