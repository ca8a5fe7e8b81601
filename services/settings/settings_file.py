"""Reading and writing a ``settings.toml``: checked against the declaration both ways.

Reading refuses a file with unknown names or bad values, naming each one (the program
does not start half-configured). Writing happens only when the administrator saves the
settings page: the new file is checked first, then replaces the old one atomically (a
crash leaves the old file or the new one, never half of one).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from services.kernel.errors import InvalidInput
from services.settings.declaration import BY_NAME, problems_in

__all__ = ["read_settings_file", "write_settings_file"]

_HEADER = (
    "# Anuyat settings of this profile. The administrator's Settings page writes this file\n"
    "# (each change is an audit event); passwords are never here: they are in the keyring.\n"
)


def read_settings_file(path: Path) -> dict[str, Any]:
    """The values in ``path`` ({} when it does not exist); :class:`InvalidInput` if bad."""
    if not path.exists():
        return {}
    import tomllib  # here: a start without a settings file does not need the parser

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"อ่านไฟล์ตั้งค่า {path} ไม่ได้: {exc} — แก้ไขไฟล์หรือลบทิ้งเพื่อใช้ค่าเริ่มต้น",
            f"Cannot read the settings file {path}: {exc}. Fix it, or delete it to use defaults.",
        ) from exc
    problems = problems_in(raw)
    if problems:
        raise InvalidInput(
            f"ไฟล์ตั้งค่า {path} มีค่าที่ไม่ถูกต้อง: {'; '.join(p[0] for p in problems)} "
            "— แก้ไขไฟล์แล้วเปิดโปรแกรมใหม่",
            f"The settings file {path} has problems: {'; '.join(p[1] for p in problems)}. "
            f"Fix the file and start again. Known settings: {', '.join(BY_NAME)}.",
        )
    if "log_level" in raw:
        raw["log_level"] = raw["log_level"].upper()
    return raw


def write_settings_file(path: Path, values: Mapping[str, Any]) -> None:
    """Replace ``path`` with ``values`` (checked first: a bad value writes nothing)."""
    problems = problems_in(values)
    if problems:
        raise InvalidInput(
            "ค่าตั้งไม่ถูกต้อง ไม่ได้บันทึก: " + "; ".join(p[0] for p in problems),
            "The settings are not valid and were not saved: "
            + "; ".join(p[1] for p in problems)
            + ".",
        )
    ordered = {name: values[name] for name in BY_NAME if name in values}
    # Imported here: only the Settings page writes, and every start reads this file first.
    import tomli_w

    from services.kernel.fsutil import write_atomically

    data = (_HEADER + tomli_w.dumps(ordered)).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
