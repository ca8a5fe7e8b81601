#!/usr/bin/env bash
# Put the `anuyat` command on PATH: a symbolic link to the virtual environment's entry point.
#
#   installer/install-launcher.sh VENV_ENTRY_POINT [BINDIR]
#
# BINDIR defaults to /usr/local/bin as root, else ~/.local/bin. `make install` (and so
# `make run`) calls this. A file of the same name that is not a link is never replaced.
set -euo pipefail
target="${1:?usage: $0 VENV_ENTRY_POINT [BINDIR]}"
if [ -n "${2:-}" ]; then
  bindir="$2"
elif [ "$(id -u)" -eq 0 ]; then
  bindir=/usr/local/bin
else
  bindir="$HOME/.local/bin"
fi
if [ ! -x "$target" ]; then
  echo "ไม่พบ $target — สั่ง make install ก่อน" >&2
  echo "$target does not exist: run 'make install' first." >&2
  exit 1
fi
mkdir -p "$bindir"
link="$bindir/anuyat"
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "มีไฟล์ $link อยู่แล้วและไม่ใช่ลิงก์ของ Anuyat — ไม่ได้แทนที่ ลบหรือย้ายไฟล์นั้นแล้วสั่งใหม่" >&2
  echo "$link exists and is not a link made by this installer; it was left alone." \
       "Remove or move it, then run 'make install' again." >&2
  exit 1
fi
ln -sfn "$target" "$link"
echo "คำสั่ง anuyat พร้อมใช้ / The anuyat command is installed: $link -> $target"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *)
    echo "หมายเหตุ: $bindir ยังไม่อยู่ใน PATH — เพิ่มบรรทัดนี้ใน ~/.profile แล้วเข้าระบบใหม่:" >&2
    echo "Note: $bindir is not on your PATH yet. Add this line to ~/.profile and log in again:" >&2
    echo "    export PATH=\"$bindir:\$PATH\"" >&2
    ;;
esac
