"""The names of the delivery channels, as the issuing page's list, its delivery controls and
its notices all write them (one place, so the three never word a channel differently)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["CHANNELS", "channel_name"]

CHANNELS = ("email", "counter", "drive")
"""The channels a licence can go by, in the order the officer is offered them."""


def channel_name(code: str) -> str:
    """The channel ``code`` in the language in use (an unknown code as it is)."""
    names = {
        "email": QCoreApplication.translate("IssuingChannels", "E-mail"),
        "counter": QCoreApplication.translate("IssuingChannels", "Counter"),
        "drive": QCoreApplication.translate("IssuingChannels", "Shared drive"),
    }
    return names.get(code, code)
