"""Reading the next request ahead, so "Next" shows its first page at once.

While the officer works on one request, the request "Next" would most likely give them is
known (first come, first served): its documents are read and decrypted in the "db" pool and
kept here, in memory only (never on disk), until that request opens or the guess goes stale.
Its first PDF is parsed too, in the "io" pool, so "Next" hands the viewer a document ready
to paint.
A wrong guess (someone else took it first) costs a little memory and nothing else.
Cleared when the officer signs out or the window closes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtPdf import QPdfDocument

from services.api import ApplicationStatus, ReviewPort, SignedInUser
from ui.common.tasks import TaskRunner
from ui.viewer.render import load_pdf_for

__all__ = ["READ_AHEAD_BYTES", "ReadAhead"]

log = logging.getLogger(__name__)

READ_AHEAD_BYTES = 32 * 1024 * 1024
"""At most this many decrypted bytes of the next request are held (the first documents)."""


class ReadAhead(QObject):
    """The next request's decrypted documents, by document id, for one signed-in officer."""

    def __init__(
        self,
        port: ReviewPort,
        user: SignedInUser,
        runner: TaskRunner,
        budget: int = READ_AHEAD_BYTES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._user = user
        self._runner = runner
        self._budget = budget
        self._application_id: str | None = None
        self._files: dict[str, bytes] = {}
        self._parsed: dict[str, QPdfDocument] = {}  # the first PDF, parsed ahead
        self._generation = 0  # a clear() makes answers still on their way stale

    @property
    def application_id(self) -> str | None:
        """The request read ahead (None: nothing held)."""
        return self._application_id

    def held_bytes(self) -> int:
        return sum(len(data) for data in self._files.values())

    def warm(self, status: ApplicationStatus | None, after: str | None) -> None:
        """Read ahead the request that would follow ``after`` in the ``status`` queue."""
        generation = self._generation
        port, user, budget = self._port, self._user, self._budget

        def read() -> tuple[str, dict[str, bytes]] | None:
            guess = port.upcoming(user, status, after)
            if guess is None:
                return None
            application_id, document_ids = guess
            files: dict[str, bytes] = {}
            held = 0
            for document_id in document_ids:
                if held >= budget:
                    break
                data = port.document_bytes(user, document_id)
                files[document_id] = data
                held += len(data)
            return application_id, files

        def done(result: tuple[str, dict[str, bytes]] | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return  # cleared meanwhile (signed out, or the request opened)
            if error is not None:
                # Only a head start: the viewer reads the files itself when it needs them.
                log.info("reading the next request ahead failed: %s", type(error).__name__)
                return
            self._drop_parsed()
            self._files.clear()
            self._application_id = None
            if result is not None:
                self._application_id, self._files = result
                self._parse_first_pdf()

        self._runner.run(read, done, pool="db", owner=self, label="review.read_ahead")

    def _parse_first_pdf(self) -> None:
        pdf = next(((i, d) for i, d in self._files.items() if d.startswith(b"%PDF")), None)
        if pdf is None:
            return
        document_id, data = pdf
        generation, gui_thread = self._generation, self.thread()

        def done(document: QPdfDocument | None, error: BaseException | None) -> None:
            if document is None:
                return  # the viewer parses it itself, and says what is wrong with it
            if generation != self._generation or document_id not in self._files:
                document.close()
                document.deleteLater()
                return
            document.setParent(self)
            self._parsed[document_id] = document

        self._runner.run(
            lambda: load_pdf_for(data, gui_thread), done, pool="io", owner=self,
            label="review.read_ahead.parse",
        )  # fmt: skip

    def take(self, application_id: str) -> dict[str, bytes]:
        """The files read ahead for ``application_id`` (empty if another request was read);
        they leave this cache either way (the viewer keeps what it shows)."""
        files = self._files if application_id == self._application_id else {}
        self.clear()
        return files

    def take_parsed(self, application_id: str) -> dict[str, QPdfDocument]:
        """Its PDFs parsed ahead, by document id (take them before :meth:`take`); the
        viewer owns them from here."""
        if application_id != self._application_id:
            return {}
        parsed, self._parsed = self._parsed, {}
        return parsed

    def clear(self) -> None:
        """Forget every decrypted byte held here, and any answer still on its way."""
        self._generation += 1
        self._drop_parsed()
        self._files = {}
        self._application_id = None

    def _drop_parsed(self) -> None:
        for document in self._parsed.values():
            document.close()
            document.deleteLater()
        self._parsed = {}
