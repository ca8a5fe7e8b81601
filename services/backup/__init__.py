"""Backups of a station profile to a second place the agency chooses, and restoring them.

A backup folder (the ``backup_dir`` setting: another disk, a USB disk, a server share)
holds one folder per profile, ``anuyat-<profile id>/``, with:

* ``blobs/`` — the profile's content-addressed blobs, copied once and shared by every
  snapshot (they are already encrypted, see :mod:`services.store.blobstore`);
* one folder per snapshot, named by its UTC time (``20261205T212500Z``), holding a
  consistent copy of the SQLCipher store (SQLite's online backup API, so the workstation
  keeps working), the profile's small files (settings, profile id, audit checkpoints) and
  ``manifest.json``: every file's SHA-256, the row counts, authenticated with an HMAC
  under a key derived from the profile's master key.

Everything is encrypted or authenticated under the master key, so the recovery file
alone (:mod:`services.store.recovery`) opens a backup on a new machine. A snapshot is
built under a temporary name and renamed into place after its manifest is on disk: an
interrupted backup (disk full, a pulled USB disk, a killed process) leaves only a
``.partial-…`` folder that listing ignores and the next backup clears.

Modules: :mod:`~services.backup.layout` (names, errors), :mod:`~services.backup.manifest`,
:mod:`~services.backup.create`, :mod:`~services.backup.verify`,
:mod:`~services.backup.restore`, :mod:`~services.backup.status` (last good backup, due).
"""
