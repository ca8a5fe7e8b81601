"""Setting up the agency's PostgreSQL server and joining workstations to it (issue #14).

* :mod:`~services.server.roles` — the database, its migration role and its least-privilege
  application role, made with a superuser connection.
* :mod:`~services.server.tls` — the agency's own CA and the server's certificate.
* :mod:`~services.server.cluster` — TLS switched on, the roles admitted over TLS only.
* :mod:`~services.server.setup` — ``anuyat server init``: all of the above, then the server
  profile (migrations as the migration role, the agency's master key, its first records).
* :mod:`~services.server.enrolment` — the passphrase-sealed enrolment file.
* :mod:`~services.server.enrol` — ``anuyat server enrol-station``: a station and its file.
* :mod:`~services.server.join` — ``anuyat join FILE`` on a new workstation.
"""
