"""How a request or a document reached the agency (stored as these values; JSON unchanged)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Channel", "INTAKE_CHANNELS"]


class Channel(StrEnum):
    EMAIL = "email"
    DRIVE = "drive"  # the shared drive
    COUNTER = "counter"  # brought to the counter, or phoned in
    PRODUCED = "produced"  # made by the agency itself (a certified copy): documents only


# The ways a *request* comes in; ``produced`` is for documents only.
INTAKE_CHANNELS = (Channel.EMAIL, Channel.DRIVE, Channel.COUNTER)
