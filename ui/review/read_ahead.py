"""Reading a request ahead, so its first page shows before the claim answers.

Two cases, one cache:

* the request "Next" would most likely give (first come, first served) is read while the
  officer works on the one before (:meth:`ReadAhead.warm`); its first PDF is parsed too, in
  the "io" pool, so "Next" hands the viewer a document ready to paint;
* a request opened from the list is read in the "db" pool just before its claim
  (:meth:`ReadAhead.fetch`), so its first page paints while the claim is on its way.

Each read is one task on the "db" pool: the request's message and document list
(``port.upcoming`` / ``port.preview``) and its decrypted files, first ones first, up to
:data:`READ_AHEAD_BYTES`. Kept here, in memory only (never on disk), until the request opens
or the guess goes stale. A wrong guess (someone else took it first) costs a little memory
and nothing else. Cleared when the officer signs out or the window closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtPdf import QPdfDocument

from services.api import ApplicationStatus, RequestPreview, ReviewPort, SignedInUser
from ui.common.tasks import TaskRunner
from ui.viewer.render import PdfLoad

__all__ = ["READ_AHEAD_BYTES", "ReadAhead"]

log = logging.getLogger(__name__)

READ_AHEAD_BYTES = 32 * 1024 * 1024
"""At most this many decrypted bytes of the request read ahead are held (the first
documents; a document past the budget is read when the officer turns to it)."""

_Read = tuple[RequestPreview, dict[str, bytes]]


class ReadAhead(QObject):
    """One request's preview and decrypted documents (by id), for one signed-in officer.

    Signals:
        request_did_arrive(str): the request's preview and files are here (its id).
    """

    request_did_arrive = Signal(str)

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
        self._preview: RequestPreview | None = None
        self._files: dict[str, bytes] = {}
        self._parsed: dict[str, QPdfDocument] = {}  # the first PDF, parsed ahead
        self._generation = 0  # a clear() makes answers still on their way stale
        self._fetching: str | None = None  # the request :meth:`fetch` is reading

    @property
    def application_id(self) -> str | None:
        """The request read ahead (None: nothing held)."""
        return self._preview.application_id if self._preview is not None else None

    @property
    def preview(self) -> RequestPreview | None:
        """Its message and documents, as the store gave them before any claim."""
        return self._preview

    def held_bytes(self) -> int:
        return sum(len(data) for data in self._files.values())

    def parsed_count(self) -> int:
        """How many of its PDFs are parsed ahead (the first one, when it has one)."""
        return len(self._parsed)

    def is_fetching(self, application_id: str) -> bool:
        """Whether :meth:`fetch` is reading ``application_id`` now."""
        return self._fetching == application_id

    def warm(self, status: ApplicationStatus | None, after: str | None) -> None:
        """Read ahead the request that would follow ``after`` in the ``status`` queue, and
        parse its first PDF."""
        port, user = self._port, self._user
        self._read(lambda: port.upcoming(user, status, after), parse=True)

    def fetch(self, application_id: str) -> None:
        """Read ``application_id`` now (it is being opened): the viewer parses it itself."""
        port, user = self._port, self._user
        self._read(lambda: port.preview(user, application_id), parse=False)
        self._fetching = application_id

    def _read(self, find: Callable[[], RequestPreview | None], *, parse: bool) -> None:
        self.clear()
        generation = self._generation
        port, user, budget = self._port, self._user, self._budget

        def read() -> _Read | None:
            preview = find()
            if preview is None:
                return None
            files: dict[str, bytes] = {}
            held = 0
            for document in preview.documents:
                if held >= budget:
                    break
                data = port.document_bytes(user, document.id)
                files[document.id] = data
                held += len(data)
            return preview, files

        def done(result: _Read | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return  # cleared meanwhile (signed out, or another request read)
            self._fetching = None
            if error is not None:
                # Only a head start: the viewer reads the files itself when it needs them.
                log.info("reading a request ahead failed: %s", type(error).__name__)
                return
            if result is None:
                return
            self._preview, self._files = result
            if parse:
                self._parse_first_pdf()
            self.request_did_arrive.emit(self._preview.application_id)

        self._runner.run(read, done, pool="db", owner=self, label="review.read_ahead")

    def _parse_first_pdf(self) -> None:
        pdf = next(((i, d) for i, d in self._files.items() if d.startswith(b"%PDF")), None)
        if pdf is None:
            return
        document_id, data = pdf
        generation, load = self._generation, PdfLoad(data)

        def done(_read: bool | None, error: BaseException | None) -> None:
            document = load.take()
            if document is None:
                return  # the viewer parses it itself, and says what is wrong with it
            if generation != self._generation or document_id not in self._files:
                document.close()
                document.deleteLater()
                return
            document.setParent(self)
            self._parsed[document_id] = document

        self._runner.run(
            load.run, done, pool="io", owner=self,
            label="review.read_ahead.parse",
        )  # fmt: skip

    def take(self, application_id: str) -> dict[str, bytes]:
        """The files read ahead for ``application_id`` (empty if another request was read);
        they leave this cache either way (the viewer keeps what it shows)."""
        files = self._files if application_id == self.application_id else {}
        self.clear()
        return files

    def take_parsed(self, application_id: str) -> dict[str, QPdfDocument]:
        """Its PDFs parsed ahead, by document id (take them before :meth:`take`); the
        viewer owns them from here."""
        if application_id != self.application_id:
            return {}
        parsed, self._parsed = self._parsed, {}
        return parsed

    def clear(self) -> None:
        """Forget every decrypted byte held here, and any answer still on its way."""
        self._generation += 1
        self._drop_parsed()
        self._files = {}
        self._preview = None
        self._fetching = None

    def _drop_parsed(self) -> None:
        for document in self._parsed.values():
            document.close()
            document.deleteLater()
        self._parsed = {}
