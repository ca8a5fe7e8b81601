#!/usr/bin/env bash
# Back up the agency's PostgreSQL database with the engine's own tool, for a daily timer.
#
#   installer/pg-backup.sh DATABASE_URL BACKUP_DIR
#
# Writes BACKUP_DIR/anuyat-YYYYmmddTHHMMSSZ.dump (pg_dump custom format, compressed) under a
# temporary name, checks it reads back (pg_restore --list), then renames it into place: an
# interrupted run leaves only a .partial file, never a damaged dump with a real name.
# Nothing is deleted: the agency's records are kept until the head of agency orders their
# destruction (README, "Backups"). The blob folder is backed up with 'anuyat backup create'.
# DATABASE_URL is a libpq URL (postgresql://user@host/db); the password comes from ~/.pgpass.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 DATABASE_URL BACKUP_DIR" >&2
    exit 2
fi
url=$1
dir=$2
mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
final="$dir/anuyat-$stamp.dump"
partial="$dir/.anuyat-$stamp.dump.partial"
trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --no-owner --file="$partial" "$url"
pg_restore --list "$partial" >/dev/null   # a truncated dump fails here
sync "$partial"
mv "$partial" "$final"
sync "$dir"
echo "database backup written: $final"
