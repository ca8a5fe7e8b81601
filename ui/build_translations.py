"""Refresh the Thai catalogue from the UI sources and compile it.

Run from the repository root with the project's virtualenv::

    .venv/bin/python -m ui.build_translations            # lupdate, then lrelease
    .venv/bin/python -m ui.build_translations --release  # lrelease only

which amounts to (and ``lrelease`` of ``qtbase_th.ts``, the Thai of Qt's own dialogs)::

    pyside6-lupdate ui/*.py ui/*/*.py -ts resources/translations/anuyat_th.ts -no-obsolete
    pyside6-lrelease resources/translations/anuyat_th.ts \
        -qm resources/translations/anuyat_th.qm

``lupdate`` adds new English source strings to ``anuyat_th.ts`` (marked unfinished) and
keeps the Thai already written; translate them in Qt Linguist (``pyside6-linguist``) or
by editing the XML, then run this again. Both the ``.ts`` and the ``.qm`` are committed,
so a checkout runs without the tools.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("th",)


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 into this environment")
    return found


def update(language: str) -> Path:
    ts = TRANSLATIONS / f"anuyat_{language}.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts.relative_to(ROOT)), "-no-obsolete"],
        cwd=ROOT,
        check=True,
    )
    return ts


def release(language: str, catalogue: str = "anuyat") -> Path:
    ts = TRANSLATIONS / f"{catalogue}_{language}.ts"
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        if not args.release:
            update(language)
        release(language)
        # Qt's own words (standard buttons, file picker, text menus): written by hand, as
        # Qt ships no Thai catalogue; lupdate has nothing to find for it in our sources.
        if (TRANSLATIONS / f"qtbase_{language}.ts").is_file():
            release(language, "qtbase")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
