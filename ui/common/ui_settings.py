"""The UI's remembered state (window geometry, splitter sizes, last user name), declared once.

Stored in ``QSettings`` (organisation "Anuyat", application "Anuyat"); callers may pass
their own ``QSettings`` (tests use an INI file in a temp folder). Read and write only
through :func:`read` and :func:`write`, so every key has one type and one default.
Nothing secret is ever stored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

__all__ = [
    "DETAIL_WIDTH",
    "HEADER_STATE",
    "LAST_USERNAME",
    "MAIN_GEOMETRY",
    "MAIN_SPLITTER",
    "ORGANIZATION",
    "SYNC_INTERVAL",
    "APPLICATION",
    "UiSetting",
    "default_settings",
    "read",
    "write",
]

ORGANIZATION = "Anuyat"
APPLICATION = "Anuyat"

T = TypeVar("T")


@dataclass(frozen=True)
class UiSetting(Generic[T]):
    key: str
    """Where the value lives in QSettings."""
    type: type[T]
    """What it holds; values of another type read back as the default."""
    default: T
    """Used when nothing (or something unreadable) is stored."""
    doc: str
    """Why it is remembered."""


MAIN_GEOMETRY = UiSetting(
    "main_window/geometry",
    QByteArray,
    QByteArray(),
    "Size and position of the main window, restored at the next sign-in.",
)
MAIN_SPLITTER = UiSetting(
    "main_window/splitter",
    QByteArray,
    QByteArray(),
    "Widths of the queue pane, the list and the detail panel.",
)
DETAIL_WIDTH = UiSetting(
    "main_window/detail_width",
    int,
    0,
    "Width of the detail panel the last time it was open (0: the default width).",
)
HEADER_STATE = UiSetting(
    "main_window/list_header",
    QByteArray,
    QByteArray(),
    "Column widths of the application list.",
)
SYNC_INTERVAL = UiSetting(
    "sync/interval_seconds",
    int,
    120,
    "How often the open window runs a sync of its own (mailbox, shared drive, outbox), in "
    "seconds; 0 turns it off (the scheduled ``anuyat sync`` then does it alone).",
)
LAST_USERNAME = UiSetting(
    "sign_in/last_username",
    str,
    "",
    "The last user name that signed in on this station, prefilled (never the password).",
)


def default_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def read(settings: QSettings, setting: UiSetting[T]) -> T:
    value: Any = settings.value(setting.key)
    if value is None:
        return setting.default
    if setting.type is QByteArray and isinstance(value, bytes | bytearray):
        value = QByteArray(bytes(value))
    elif setting.type is int and isinstance(value, str):
        # INI files hand numbers back as text.
        try:
            value = int(value)
        except ValueError:
            return setting.default
    if not isinstance(value, setting.type):
        return setting.default
    return value


def write(settings: QSettings, setting: UiSetting[T], value: T) -> None:
    settings.setValue(setting.key, value)
