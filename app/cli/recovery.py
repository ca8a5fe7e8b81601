"""``anuyat recovery export|import``: the store's recovery key file."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import prepare_profile_dir
from app.cli.common import read_secret
from app.settings import Settings
from services.store import keys, recovery

__all__ = ["cmd_recovery"]


def cmd_recovery(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    prepare_profile_dir(data_dir, settings)
    if args.recovery_command == "export":
        master = keys.load_master_key(data_dir)
        passphrase = read_secret(
            "ANUYAT_RECOVERY_PASSPHRASE", "Passphrase / วลีรหัสผ่าน: ", confirm=True
        )
        recovery.export_recovery_file(data_dir, master, passphrase, Path(args.out))
        print(
            f"เขียนไฟล์กุญแจกู้คืนแล้ว: {args.out} — เก็บไว้นอกเครื่อง แยกจากวลีรหัสผ่าน\n"
            f"Recovery key written to {args.out}. Keep it offline, apart from its passphrase."
        )
        return 0
    passphrase = read_secret("ANUYAT_RECOVERY_PASSPHRASE", "Passphrase / วลีรหัสผ่าน: ")
    recovery.import_recovery_file(data_dir, Path(args.file), passphrase)
    print("ติดตั้งกุญแจแล้ว เปิดฐานข้อมูลได้ / Key installed; the store can be opened.")
    return 0
