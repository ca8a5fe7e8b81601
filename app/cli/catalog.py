"""``anuyat catalog check|export-manual``: validating a service catalog (citizen manual)
file, and writing the citizen manual out as PDF and HTML pages."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["cmd_catalog"]


def cmd_catalog(args: argparse.Namespace) -> int:
    from services.catalog.loader import default_catalog_path, load_catalog

    if args.catalog_command == "export-manual":
        from services.produce.manual import ManualAgency, export_manual

        catalog = load_catalog(Path(args.catalog) if args.catalog else default_catalog_path())
        agency = ManualAgency(
            name_th=args.agency_th,
            name_en=args.agency_en,
            email=args.email,
            phone=args.phone,
            address_th=args.address,
        )
        written = export_manual(catalog, agency, Path(args.out))
        print(
            f"เขียนคู่มือประชาชน {len(catalog)} บริการแล้ว / Citizen manual written: "
            f"{len(written)} files in {args.out}"
        )
        return 0
    catalog = load_catalog(Path(args.file))
    print(f"คู่มือประชาชนถูกต้อง / Catalog valid: {len(catalog)} services")
    return 0
