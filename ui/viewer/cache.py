"""The viewer's memory of recently viewed files, so going back to one is instant.

Plain bytes as ``port.document_bytes`` returned them, least recently viewed dropped first
once they pass a budget; the document on screen always stays. Lives on the GUI thread.
"""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["CACHE_BYTES", "DocumentCache"]

CACHE_BYTES = 64 * 1024 * 1024
"""How many bytes of recently viewed files are kept in memory."""


class DocumentCache:
    """Bytes by document id, least recently viewed dropped first past ``budget`` bytes."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self._budget = budget
        self._files: OrderedDict[str, bytes] = OrderedDict()

    def peek(self, document_id: str) -> bytes | None:
        """The bytes, if kept, without counting this as a view."""
        return self._files.get(document_id)

    def view(self, document_id: str) -> bytes | None:
        """The bytes, if kept; they become the most recently viewed."""
        data = self._files.get(document_id)
        if data is not None:
            self._files.move_to_end(document_id)
        return data

    def keep(self, document_id: str, data: bytes) -> None:
        """Keep ``data`` as the most recently viewed; older files go past the budget."""
        self._files[document_id] = data
        while len(self._files) > 1 and sum(len(v) for v in self._files.values()) > self._budget:
            self._files.popitem(last=False)

    def clear(self) -> None:
        self._files.clear()

    def __len__(self) -> int:
        return len(self._files)
