"""Sync state in the status bar: mailbox, shared drive and outbox at a glance, and "Sync now".

:class:`SyncIndicator` sits in the main window's status bar: an icon and a few words for the
overall state (ok, working, offline, error), the time of the last successful sync, the
summary of the last "Sync now" and the button itself (F9). Clicking the state opens
:class:`SyncDetails`, an inline strip (never a modal box) with one line per component and
its last error in Thai and English.

The state is read from ``port.sync_status(user)`` (a database read, ``pool="db"``) every
:data:`REFRESH_MS` and after each sync; ``port.run_sync(user)`` is network work and runs in
the ``io`` pool.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.api import BANGKOK, IntakePort, SignedInUser, SyncStatusRow, SyncSummary, utc
from ui.common import i18n
from ui.common.errors import bilingual
from ui.common.formatting import format_date
from ui.common.lay_out_now import lay_out_now
from ui.common.naming import named
from ui.common.retranslating import Retranslating
from ui.common.tasks import TaskRunner

__all__ = [
    "REFRESH_MS",
    "SyncDetails",
    "SyncIndicator",
    "component_label",
    "last_success",
    "overall_state",
    "summary_text",
]

log = logging.getLogger(__name__)

REFRESH_MS = 30_000
"""How often the state is read again from the store (another process may be syncing)."""

# Worst first: the overall state is the worst state of any component.
_SEVERITY = ("error", "offline", "working", "ok", "never")


def overall_state(rows: list[SyncStatusRow], syncing: bool = False) -> str:
    """One word for all components: ``working`` while a sync runs, else the worst state.

    ``never`` when nothing has been synced yet (no rows, or every component "never").
    """
    if syncing or any(r.state == "working" for r in rows):
        return "working"
    states = {r.state for r in rows}
    for state in _SEVERITY:
        if state in states:
            return state
    return "never"


def last_success(rows: list[SyncStatusRow]) -> datetime | None:
    """When a component last synced successfully (the most recent of them)."""
    moments = [utc(r.last_success_at) for r in rows if r.last_success_at is not None]
    return max(moments) if moments else None


def component_label(component: str) -> str:
    """``mail:<source>`` → "Mailbox <source>", ``drive`` → "Shared drive", … (UI language)."""
    kind, _, name = component.partition(":")
    if kind == "mail":
        # "mail:intake@host" (IMAP) or "mail:maildir:/path" (a local Maildir).
        name = name.removeprefix("maildir:")
        return QCoreApplication.translate("SyncIndicator", "Mailbox {name}").format(name=name)
    labels = {
        "drive": QCoreApplication.translate("SyncIndicator", "Shared drive"),
        "outbox": QCoreApplication.translate("SyncIndicator", "Outgoing mail"),
    }
    return labels.get(component, component)


def state_label(state: str) -> str:
    labels = {
        "ok": QCoreApplication.translate("SyncIndicator", "Up to date"),
        "working": QCoreApplication.translate("SyncIndicator", "Syncing…"),
        "offline": QCoreApplication.translate("SyncIndicator", "Offline"),
        "error": QCoreApplication.translate("SyncIndicator", "Problem"),
        "never": QCoreApplication.translate("SyncIndicator", "Not synced yet"),
    }
    return labels.get(state, state)


def summary_text(summary: SyncSummary) -> str:
    """``2 new · 1 added to requests · 1 held · 3 sent`` (only the parts that are not zero)."""
    parts = []
    if summary.new:
        parts.append(QCoreApplication.translate("SyncIndicator", "{n} new").format(n=summary.new))
    if summary.appended:
        parts.append(
            QCoreApplication.translate("SyncIndicator", "{n} added to requests").format(
                n=summary.appended
            )
        )
    if summary.quarantined:
        parts.append(
            QCoreApplication.translate("SyncIndicator", "{n} held").format(n=summary.quarantined)
        )
    if summary.sent:
        parts.append(QCoreApplication.translate("SyncIndicator", "{n} sent").format(n=summary.sent))
    if summary.set_aside:
        parts.append(
            QCoreApplication.translate("SyncIndicator", "{n} not requests").format(
                n=summary.set_aside
            )
        )
    if not parts:
        return QCoreApplication.translate("SyncIndicator", "nothing new")
    return " · ".join(parts)


def _icon(state: str) -> QIcon:
    name = state if state in _SEVERITY else "never"
    return QIcon(str(i18n.RESOURCES / "icons" / f"sync_{name}.svg"))


def _time_text(moment: datetime | None, language: str) -> str:
    """``10:42`` today, or the short date and time when it was another day."""
    if moment is None:
        return ""
    local = utc(moment).astimezone(BANGKOK)
    # "Today" as the officer's own clock says, only to shorten the text: the
    # computer's clock is right here (no service rule counts from it).
    if local.date() == datetime.now(BANGKOK).date():
        return f"{local:%H:%M}"
    return format_date(moment, language)


class SyncDetails(Retranslating, QFrame):
    """An inline strip with one line per component: state, last success, last error (th + en).

    Signals:
        details_did_close(): the officer closed the strip.
    """

    details_did_close = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncDetails")
        self._rows: list[SyncStatusRow] = []
        self._problems: tuple[str, str] = ("", "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self._title = named(QLabel(), "SectionTitle")
        top.addWidget(self._title, 1)
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.close_details)
        top.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(3, 1)
        layout.addLayout(self._grid)
        self._problem = named(QLabel(), "SyncProblem")
        self._problem.setWordWrap(True)
        self._problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._problem.hide()
        layout.addWidget(self._problem)
        self.hide()
        self.retranslate()

    def set_rows(self, rows: list[SyncStatusRow]) -> None:
        self._rows = list(rows)
        self._fill()

    def set_problem(self, th: str, en: str) -> None:
        """A failure of the last "Sync now" itself (not of one component); "" clears it."""
        self._problems = (th, en)
        self._fill()

    def close_details(self) -> None:
        self.hide()
        self.details_did_close.emit()

    def lines(self) -> list[str]:
        """Each component's line as shown, errors included (for tests and accessibility)."""
        texts = []
        for row in range(self._grid.rowCount()):
            parts = []
            for column in range(self._grid.columnCount()):
                item = self._grid.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel) and widget.text():
                    parts.append(widget.text())
            if parts:
                texts.append(" | ".join(parts))
        if self._problem.text():
            texts.append(self._problem.text())
        return texts

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.close_details()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Mailbox, shared drive and outgoing mail"))
        self._close.setToolTip(self.tr("Close (Esc)"))
        self._fill()

    def _fill(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        language = i18n.current_language()
        if not self._rows:
            empty = named(
                QLabel(
                    self.tr("Nothing has been synced on this profile yet. Press F9 to sync now.")
                ),
                "Muted",
            )
            empty.setWordWrap(True)
            self._grid.addWidget(empty, 0, 0, 1, 4)
        for number, row in enumerate(self._rows):
            icon = QLabel()
            icon.setPixmap(_icon(row.state).pixmap(QSize(16, 16)))
            name = QLabel(component_label(row.component))
            name.setStyleSheet("font-weight: bold;")
            name.setToolTip(row.component)
            state = QLabel(state_label(row.state))
            facts = []
            if row.last_success_at is not None:
                facts.append(
                    self.tr("last synced {time}").format(
                        time=format_date(row.last_success_at, language)
                    )
                )
            elif row.state != "never":
                facts.append(self.tr("never synced successfully"))
            if row.pending:
                facts.append(self.tr("{n} waiting").format(n=row.pending))
            if facts:
                state.setText(state.text() + " — " + ", ".join(facts))
            state.setObjectName("Muted")
            error = QLabel()
            error.setObjectName("SyncError")
            error.setWordWrap(True)
            error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            first, second = (
                (row.error_th, row.error_en) if language == "th" else (row.error_en, row.error_th)
            )
            if first or second:
                # The UI language first; the other below it, for the help desk.
                error.setText("\n".join(t for t in (first or second, second if first else "") if t))
            self._grid.addWidget(icon, number, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(name, number, 1, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(state, number, 2, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(error, number, 3, Qt.AlignmentFlag.AlignTop)
        # A component's own error is already on its line; say the rest only.
        known = {e for r in self._rows for e in (r.error_th, r.error_en) if e}
        th, en = self._problems
        th = "\n".join(t for t in th.split("\n") if t and t not in known)
        en = "\n".join(t for t in en.split("\n") if t and t not in known)
        text = "\n".join(t for t in (th, en if en != th else "") if t)
        self._problem.setText(text)
        self._problem.setVisible(bool(text))


class SyncIndicator(QFrame):
    """The status-bar indicator and the "Sync now" action (F9).

    Signals:
        sync_did_start(): a "Sync now" began.
        sync_did_finish(object summary): it ended; the :class:`SyncSummary`, or None when
            it failed (the error is shown in the indicator and the details).
        status_did_load(str state): the components' state was read (the overall word).
        other_sync_did_finish(): the store shows that another process (the scheduled
            ``anuyat sync``) fetched mail or drive files since the last read: the queues
            may hold new requests.
    """

    sync_did_start = Signal()
    sync_did_finish = Signal(object)
    status_did_load = Signal(str)
    other_sync_did_finish = Signal()

    def __init__(
        self,
        port: IntakePort,
        user: SignedInUser,
        runner: TaskRunner,
        *,
        refresh_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SyncIndicator")
        self._port = port
        self._user = user
        self._runner = runner
        self._rows: list[SyncStatusRow] = []
        self._syncing = False
        self._reading = False
        self._read_again = False
        self._seen: dict[str, tuple[datetime | None, int]] | None = None
        self._own_sync_read = False
        self._status_error: tuple[str, str] | None = None
        self._sync_error: tuple[str, str] | None = None
        self._summary: SyncSummary | None = None
        self._tray: QSystemTrayIcon | None = None

        self.sync_action = QAction(QIcon(str(i18n.RESOURCES / "icons" / "sync.svg")), "", self)
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.sync_action.setIconVisibleInMenu(False)
        self.sync_action.triggered.connect(self.sync_now)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 2, 0)
        layout.setSpacing(6)
        self.state_button = named(QToolButton(), "SyncState")
        self.state_button.setAutoRaise(True)
        self.state_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.state_button.setIconSize(QSize(16, 16))
        self.state_button.setCheckable(True)
        self.state_button.toggled.connect(self._toggle_details)
        layout.addWidget(self.state_button)
        self.progress = named(QProgressBar(), "SyncProgress")
        self.progress.setRange(0, 0)  # busy: run_sync reports no steps
        self.progress.setFixedSize(70, 8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        self.summary_label = named(QLabel(), "SyncSummary")
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.summary_label)
        self.schedule_label = named(QLabel(), "SyncSchedule")
        self.schedule_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.schedule_label.hide()
        layout.addWidget(self.schedule_label)
        self.sync_button = named(QToolButton(), "SyncNow")
        self.sync_button.setDefaultAction(self.sync_action)
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.setIconSize(QSize(16, 16))
        layout.addWidget(self.sync_button)

        self.details = SyncDetails()
        self.details.details_did_close.connect(lambda: self.state_button.setChecked(False))

        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh_status)
        # The window's own sync: one run every ``_auto_ms`` after the last one ended.
        self._auto_ms = 0
        self._last_run: datetime | None = None
        self._auto_timer = QTimer(self)
        self._auto_timer.setSingleShot(True)
        self._auto_timer.timeout.connect(self._auto_sync)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_schedule)
        self._retranslate()

    # -- public -------------------------------------------------------------------------

    def start(self) -> None:
        """Read the state now and then every ``refresh_ms``; with :meth:`set_auto_sync`,
        run a sync every so often too."""
        self.refresh_status()
        self._timer.start()
        if self._auto_ms > 0:
            self._auto_timer.start(self._auto_ms)
            self._countdown.start()
        self._show_schedule()

    def stop(self) -> None:
        self._timer.stop()
        self._auto_timer.stop()
        self._countdown.stop()

    def set_auto_sync(self, seconds: int) -> None:
        """Run a sync ``seconds`` after the last one ended (0: never on its own)."""
        self._auto_ms = max(0, seconds) * 1000
        self.schedule_label.setVisible(self._auto_ms > 0)

    @property
    def next_run_in(self) -> int | None:
        """Seconds until the window's own next sync (None: none planned, or running)."""
        if not self._auto_timer.isActive():
            return None
        return max(0, (self._auto_timer.remainingTime() + 999) // 1000)

    def _auto_sync(self) -> None:
        if self._syncing:
            return  # "Sync now" is running; the timer starts again when it ends
        self.sync_now()

    @property
    def state(self) -> str:
        """The overall word shown: ok | working | offline | error | never."""
        if self._syncing:
            return "working"
        if self._sync_error is not None or self._status_error is not None:
            return "error"
        return overall_state(self._rows)

    @property
    def rows(self) -> list[SyncStatusRow]:
        return list(self._rows)

    @property
    def is_syncing(self) -> bool:
        return self._syncing

    def refresh_status(self) -> None:
        """Read every component's state from the store (in the database worker)."""
        if self._reading:
            # One read at a time; the store may change after that one was queued.
            self._read_again = True
            return
        self._reading = True
        self._read_again = False
        port, user = self._port, self._user

        def done(rows: list[SyncStatusRow] | None, error: BaseException | None) -> None:
            self._reading = False
            if error is not None or rows is None:
                self._status_error = bilingual(
                    error,
                    "อ่านสถานะการซิงค์ไม่ได้ ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    "Could not read the sync state. Try again; if it keeps failing, "
                    "tell your administrator.",
                )
            else:
                self._status_error = None
                fetched_elsewhere = self._note_changes(rows)
                self._rows = list(rows)
                self.details.set_rows(self._rows)
                if fetched_elsewhere:
                    self.other_sync_did_finish.emit()
            self._show()
            self.status_did_load.emit(self.state)
            if self._read_again:
                self.refresh_status()

        self._runner.run(
            lambda: port.sync_status(user), done, pool="db", owner=self, label="sync.status"
        )

    def sync_now(self) -> None:
        """Mailbox, shared drive and outbox once, in the I/O pool (F9).

        The network waits happen there; each write the sync makes takes the store's writer
        lock (``AppContext.writing``), so it never writes at the same time as the database
        worker.
        """
        if self._syncing:
            return
        self._syncing = True
        self._auto_timer.stop()
        self._sync_error = None
        self.details.set_problem("", "")
        self.sync_action.setEnabled(False)
        self._show()
        self.sync_did_start.emit()
        port, user = self._port, self._user

        def done(summary: SyncSummary | None, error: BaseException | None) -> None:
            self._syncing = False
            self.sync_action.setEnabled(True)
            # When this computer last ran a sync, shown beside its own clock: the
            # computer's clock is right here.
            self._last_run = datetime.now(BANGKOK)
            if self._auto_ms > 0:
                self._auto_timer.start(self._auto_ms)
            if error is not None or summary is None:
                self._sync_error = bilingual(
                    error,
                    "ซิงค์ไม่สำเร็จ รายละเอียดอยู่ในไฟล์บันทึก ลองอีกครั้ง หากยังไม่ได้โปรดแจ้งผู้ดูแลระบบ",
                    "The sync did not finish; details are in the log. Try again; "
                    "if it keeps failing, tell your administrator.",
                )
                self._summary = None
                self.details.set_problem(*self._sync_error)
                self._show()
                self.sync_did_finish.emit(None)
            else:
                self._summary = summary
                problems_th = "\n".join(summary.problems_th)
                problems_en = "\n".join(summary.problems_en)
                self.details.set_problem(problems_th, problems_en)
                self._show()
                self._notify(summary)
                self.sync_did_finish.emit(summary)
            self._own_sync_read = True  # what the next read shows is this sync's doing
            self.refresh_status()

        self._runner.run(lambda: port.run_sync(user), done, pool="io", owner=self, label="sync.run")

    def _note_changes(self, rows: list[SyncStatusRow]) -> bool:
        """True if a mailbox or the drive ran elsewhere since the last read and took in
        something (``processed``); this window's own syncs do not count."""
        seen = {r.component: (r.last_attempt_at, r.processed) for r in rows}
        previous, self._seen = self._seen, seen
        own, self._own_sync_read = self._own_sync_read, False
        if previous is None or own or self._syncing:
            return False
        return any(
            r.component != "outbox"
            and r.processed > 0
            and previous.get(r.component) != seen[r.component]
            for r in rows
        )

    def show_details(self, visible: bool = True) -> None:
        self.state_button.setChecked(visible)

    # -- showing ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # The status bar makes room for the new words in this frame, not turns later.
            lay_out_now(self)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setToolTip(
            self.tr("Fetch new mail and shared-drive files, and send waiting mail (F9)")
        )
        self._show()

    def _toggle_details(self, checked: bool) -> None:
        self.details.setVisible(checked)

    def _show(self) -> None:
        language = i18n.current_language()
        state = self.state
        when = _time_text(last_success(self._rows), language)
        if state == "working":
            text = self.tr("Syncing…")
        elif state == "ok":
            text = self.tr("Synced {time}").format(time=when) if when else self.tr("Synced")
        elif state == "never":
            text = self.tr("Not synced yet")
        else:
            word = self.tr("Offline") if state == "offline" else self.tr("Sync problem")
            text = word
            if when:
                text += " · " + self.tr("last synced {time}").format(time=when)
        self.state_button.setText(text)
        self.state_button.setIcon(_icon(state))
        self.state_button.setProperty("state", state)
        self.progress.setVisible(self._syncing)
        self.summary_label.setVisible(not self._syncing)
        if self._summary is not None and not self._syncing:
            self.summary_label.setText(
                self.tr("Last sync: {summary}").format(summary=summary_text(self._summary))
            )
        else:
            self.summary_label.setText("")
        self.state_button.setToolTip(self._tooltip())
        self.state_button.setAccessibleName(self.tr("Sync state: {text}").format(text=text))
        self._show_schedule()

    def _show_schedule(self) -> None:
        """When the window syncs on its own next, and when it last did."""
        if self._auto_ms <= 0:
            return
        if self._syncing:
            text = self.tr("Sync running…")
        else:
            left = self.next_run_in
            text = (
                self.tr("Next sync in {seconds} s").format(seconds=left)
                if left is not None
                else self.tr("No sync planned")
            )
        if self._last_run is not None:
            text += " · " + self.tr("last run at {time}").format(
                time=self._last_run.strftime("%H:%M:%S")
            )
        self.schedule_label.setText(text)

    def _tooltip(self) -> str:
        """Each component and its last error, Thai and English (the details say the same)."""
        lines = []
        for problem in (self._sync_error, self._status_error):
            if problem is not None:
                lines.append("\n".join(t for t in problem if t))
        for row in self._rows:
            line = f"{component_label(row.component)}: {state_label(row.state)}"
            errors = [t for t in (row.error_th, row.error_en) if t]
            if errors:
                line += "\n    " + "\n    ".join(errors)
            lines.append(line)
        lines.append(self.tr("Click for details"))
        return "\n".join(lines)

    def _notify(self, summary: SyncSummary) -> None:
        """A desktop message when new requests arrived, where the desktop has a tray."""
        if summary.new <= 0 or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip(self.tr("Anuyat"))
            self._tray.show()
        message = (
            self.tr("1 new request arrived")
            if summary.new == 1
            else self.tr("{n} new requests arrived").format(n=summary.new)
        )
        self._tray.showMessage(self.tr("Anuyat"), message, QSystemTrayIcon.MessageIcon.Information)
