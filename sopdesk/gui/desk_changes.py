"""What another desk (or `sopdesk case complete` on the command line) changes shows here within
seconds, not at the next minute's tick.

As the Kasubag with Kotak Masuk open, the Ketua's completion of a returned step from another
process left the list as it was for up to a minute (Xvfb, /tmp/h4/s/25_cli_change.png): the
pages refresh on `GuiContext.data_changed`, which only this window's own operations emitted.
Every change of the office writes an audit event in its own transaction, so the newest event's
id is a change counter: read every few seconds (one primary-key lookup), and when it moved,
the counts and the screen in view refresh as F5 would, keeping their selection and scroll. The
other screens refresh when shown again. The same statement says what kind of change it was
(engine.changes): the window reads the office profile for its title only when a change
touched it, this desk's own edit in Pengaturan included."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from sopdesk.engine import backups
from sopdesk.engine.changes import Changes, changes_since
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import StoreUnreachable


class DeskChanges(QObject):
    """Polls the store's change counter while `window` is shown; calls `changed` when it moved
    since this desk last looked (its own operations included: `seen()` after them), and
    `noticed(changes)` with what moved it, whoever made it (`seen()` too)."""

    INTERVAL_MS = 4_000

    def __init__(self, window: QWidget, ws: Workspace, changed: Callable[[], None], lost: Callable[[], None],
                 paused: Callable[[], bool] = lambda: False,
                 noticed: Callable[[Changes], None] = lambda _changes: None):
        super().__init__(window)
        self.window, self.ws, self.changed, self.lost, self.paused = window, ws, changed, lost, paused
        self.noticed = noticed
        try:
            self.position: int | None = backups.audit_position(ws)
        except StoreUnreachable:  # the window shows its banner; the first look after it refreshes
            self.position = None
        self.timer = QTimer(self, interval=self.INTERVAL_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def seen(self) -> None:
        """This desk has just refreshed (its own change): what is in the store now is shown."""
        self.look(quietly=True)

    def look(self, quietly: bool = False) -> bool:
        """Whether the store changed since the last look (then `changed` ran, unless `quietly`).
        A hidden or locked window, or one whose database server is lost, asks nothing; a server
        lost now is reported to `lost` (the window's banner)."""
        if not self.window.isVisible() or self.paused():
            return False
        try:
            if self.position is None:  # not known yet (the server was lost at the start)
                changes = Changes(backups.audit_position(self.ws), frozenset())
            else:
                changes = changes_since(self.ws, self.position)
        except StoreUnreachable:
            self.lost()
            return False
        if changes.position == self.position:
            return False
        self.position = changes.position
        self.noticed(changes)
        if not quietly:
            self.changed()
        return True
