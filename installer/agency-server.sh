#!/usr/bin/env bash
# Set up the agency's server on Debian or Ubuntu: PostgreSQL, the agency's database with its
# two roles, TLS with the agency's own CA, the master key, and the daily database backup.
#
#   sudo installer/agency-server.sh --host NAME [--allow-from RANGE] [--backup-dir DIR]
#        [--print] -- AGENCY OPTIONS FOR 'anuyat server init'
#
#   --host NAME        the server's name as the workstations reach it (its certificate is made
#                      for it); repeat for more names or addresses
#   --allow-from RANGE the workstations' addresses for pg_hba.conf (default: samenet)
#   --backup-dir DIR   where the daily pg_dump goes (default: /srv/anuyat-backup/db; put it on
#                      another disk)
#   --print            only print the commands, run nothing
#   after --            e.g. --agency-name-th "เทศบาลตำบลตัวอย่าง" --agency-name-en "Example"
#                      --agency-code EXM --agency-number "ตย 52001" --agency-email saraban@…
#
# What it does, in order: installs PostgreSQL and a keyring for a machine without a desktop
# (gnome-keyring); installs Anuyat from this folder (make install); lets PostgreSQL listen on
# the LAN and restarts it; runs 'anuyat server init' as the postgres account (which owns the
# cluster's files: the certificate goes into its data folder, the TLS-only lines at the top
# of pg_hba.conf) inside a keyring session unlocked with a password you type; puts the
# wrapper /usr/local/sbin/anuyat-server on PATH for later server commands (enrol-station,
# renew-cert), which unlocks the same keyring; and enables the daily backup timer.
#
# The server's disk must be encrypted (PostgreSQL does not encrypt what it writes): set that
# up when installing the operating system (LUKS), before this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"

hosts=()
allow_from=samenet
backup_dir=/srv/anuyat-backup/db
print_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --host) hosts+=("${2:?--host needs a name}"); shift 2 ;;
    --allow-from) allow_from="${2:?--allow-from needs a range}"; shift 2 ;;
    --backup-dir) backup_dir="${2:?--backup-dir needs a folder}"; shift 2 ;;
    --print) print_only=1; shift ;;
    --) shift; break ;;
    *)
      echo "ไม่รู้จักตัวเลือก '$1' — ดูวิธีใช้ที่หัวไฟล์ $0" >&2
      echo "Unknown option '$1': see the top of $0 for how to use it." >&2
      exit 2
      ;;
  esac
done
if [ "${#hosts[@]}" -eq 0 ] || [ $# -eq 0 ]; then
  echo "ต้องระบุ --host และข้อมูลหน่วยงานหลัง -- (ดูหัวไฟล์ $0)" >&2
  echo "Give --host and the agency's details after -- (see the top of $0)." >&2
  exit 2
fi

run() {
  if [ "$print_only" -eq 1 ]; then
    printf '%q ' "$@"
    printf '\n'
  else
    "$@"
  fi
}

if [ "$print_only" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
  echo "ต้องสั่งด้วยสิทธิ์ root (sudo $0 …)" >&2
  echo "Run this as root (sudo $0 …)." >&2
  exit 1
fi

profile=/var/lib/postgresql/anuyat-server
anuyat=/usr/local/bin/anuyat
host_args=()
for h in "${hosts[@]}"; do host_args+=(--host "$h"); done

# 1. PostgreSQL (its contrib modules carry pg_trgm, the search index) and a keyring that
#    works without a desktop.
run apt-get update
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  postgresql postgresql-contrib gnome-keyring dbus-user-session make python3-venv

# 2. Anuyat itself, from this folder (e.g. /opt/anuyat: the postgres account runs it).
run make -C "$repo" install
# Run the interpreter itself as postgres: a venv made from a Python under another account's
# home (pyenv in /root, say) has an executable 'anuyat' that postgres still cannot start.
if [ "$print_only" -eq 0 ] && ! runuser -u postgres -- "$repo/.venv/bin/python" -c "import app" \
    >/dev/null 2>&1; then
  echo "บัญชี postgres เปิดโปรแกรมใน $repo ไม่ได้ — ย้ายโฟลเดอร์ Anuyat ไปไว้ที่ /opt/anuyat" \
    "และสร้าง .venv ด้วย Python ของระบบ (rm -rf $repo/.venv; make -C $repo install PYTHON=/usr/bin/python3) แล้วสั่งใหม่" >&2
  echo "The postgres account cannot run Anuyat from $repo: put the folder at /opt/anuyat" \
    "with a .venv made by the system's Python (rm -rf $repo/.venv;" \
    "make -C $repo install PYTHON=/usr/bin/python3), then run this again." >&2
  exit 1
fi

# 3. Listen on the LAN (pg_hba.conf, written by 'server init', decides who may log in).
run runuser -u postgres -- psql -X -q -c "ALTER SYSTEM SET listen_addresses = '*'"
run systemctl restart postgresql

# 4. The wrapper for server commands: the postgres account's keyring, unlocked for one command.
wrapper=/usr/local/sbin/anuyat-server
wrapper_text="#!/usr/bin/env bash
# Anuyat's server commands as the postgres account, its keyring unlocked for this one command.
#   anuyat-server server enrol-station --out FILE     anuyat-server server renew-cert
set -euo pipefail
read -r -s -p 'Keyring password of the server / รหัสผ่าน keyring ของเครื่องแม่ข่าย: ' KEYRING_PASSWORD
echo
export KEYRING_PASSWORD
cd /var/lib/postgresql
exec runuser -u postgres --whitelist-environment=KEYRING_PASSWORD -- dbus-run-session -- sh -c \\
  'printf %s \"\$KEYRING_PASSWORD\" | gnome-keyring-daemon --unlock >/dev/null; unset KEYRING_PASSWORD; exec $anuyat --data-dir $profile \"\$@\"' anuyat-server \"\$@\"
"
if [ "$print_only" -eq 1 ]; then
  echo "# write $wrapper (mode 0755):"
  printf '%s' "$wrapper_text" | sed 's/^/#   /'
else
  printf '%s' "$wrapper_text" > "$wrapper"
  chmod 0755 "$wrapper"
fi

# 5. The agency's database, roles, TLS and master key. The first time, the keyring password
#    you type here becomes the keyring's password: keep it with the recovery key. A keyring
#    left by an earlier try keeps its own password (Anuyat then says it "stays locked"); a
#    failed init takes back its pg_hba.conf lines and ALTER SYSTEM settings, so this script
#    can be run again once the cause is fixed.
run "$wrapper" server init "${host_args[@]}" --allow-from "$allow_from" "$@"

# 6. The daily backup of the database (installer/pg-backup.sh), as the postgres account.
run install -d -o postgres -g postgres -m 0700 "$backup_dir"
for unit in anuyat-pg-backup.service anuyat-pg-backup.timer; do
  run install -m 0644 "$here/systemd/$unit" "/etc/systemd/system/$unit"
done
run sed -i "s|^ExecStart=.*|ExecStart=$here/pg-backup.sh postgresql:///anuyat $backup_dir|" \
  /etc/systemd/system/anuyat-pg-backup.service
run systemctl daemon-reload
run systemctl enable --now anuyat-pg-backup.timer

cat <<EOF
เสร็จแล้ว / Done. Next, on this server (files are written as the postgres account, in
/var/lib/postgresql unless you give a full path it can write to):
  anuyat-server recovery export --out agency-recovery.key     (copy it offline, then delete it)
  anuyat-server server enrol-station --out st.enrol --name "โต๊ะผู้ตรวจ"   (one per workstation;
      a file joins one computer once, within 7 days: delete it once used)
On each workstation: anuyat join st.enrol   (then start Anuyat as usual)
EOF
