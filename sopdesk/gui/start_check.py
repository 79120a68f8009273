"""The start-up integrity check on a thread of its own, with how far it has read and a way to
stop it.

Its own module because two screens deal with it: the Shell starts it once the window has
painted and shows its percentage in the status bar (it reads the whole office: some 45 s at
100,000 cases), and a restore started in Pengaturan while it runs must stop it first. Its
reading connection holds the SQLite file, and a restore needs the file to itself: the restore
was refused with "Basis data sedang dibuka oleh program lain", which was not true. Stopping it
gives nothing up: it only reads, the restore replaces what it reads and closes sopdesk, and the
next start checks again; a restore that fails or is cancelled starts it again from the
beginning.

Not the window's worker: neither the backup on exit nor the program's end waits for the check.
The thread reports through one signal handled on the GUI thread, so that `running` changes
only there: a screen that finds it running and connects to `ended` always gets `ended`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from sopdesk.engine.integrity import CheckStopped
from sopdesk.engine.record_check import Progress

_current: list[StartCheck] = []  # the check of this program's office (one per process)


def current(workspace: object) -> StartCheck | None:
    """The start-up check of `workspace`, when one was started (running or not); none for the
    demo office, which is not checked at start."""
    _current[:] = [check for check in _current if shiboken6.isValid(check)]
    return next((check for check in reversed(_current) if check.workspace is workspace), None)


def by_percent(emit: Callable[[int, int], None]) -> Progress:
    """A Progress that passes (done, total) on only when the whole percentage changes: at most
    some hundred signals to the GUI thread however many rows are read."""
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total if total > 0 else 0
        if percent != shown[0]:
            shown[0] = percent
            emit(done, total)

    return progress


class StartCheck(QObject):
    """`run(progress)` (the check, returning its findings) on a daemon thread; `stop()` makes
    its next progress call raise CheckStopped."""

    started = Signal()  # (again)
    progressed = Signal(int, int)  # events and rows read, in all
    done = Signal(object)  # the findings (a list)
    failed = Signal(object)  # the exception
    stopped = Signal()
    ended = Signal()  # after done, failed or stopped: the thread has let go of the database
    _finished = Signal(str, object)  # from the thread: ("done" | "failed" | "stopped", payload)

    def __init__(self, run: Callable[[Progress], list[Any]], workspace: object, parent: QObject | None = None):
        super().__init__(parent)
        self._run = run
        self.workspace = workspace  # the office it reads
        self._stop = threading.Event()
        self.running = False
        self._finished.connect(self._end)
        _current.append(self)

    def start(self) -> None:
        """Start the check (again, from the beginning, after it was stopped)."""
        if self.running:
            return
        self._stop.clear()
        self.running = True
        self.started.emit()
        threading.Thread(target=self._body, name="sopdesk-start-check", daemon=True).start()

    def stop(self) -> None:
        """Ask the check to stop at its next progress call; `ended` follows."""
        self._stop.set()

    def _emit(self, done: int, total: int) -> None:
        with suppress(RuntimeError):  # the program ended meanwhile
            self.progressed.emit(done, total)

    def _body(self) -> None:
        shown = by_percent(self._emit)

        def progress(done: int, total: int) -> None:  # every call: a stop waits no longer than a TICK
            if self._stop.is_set():
                raise CheckStopped
            shown(done, total)

        kind: str = "done"
        payload: object = None
        try:
            payload = self._run(progress)
        except CheckStopped:
            kind = "stopped"
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            kind, payload = "failed", exc
        with suppress(RuntimeError):  # the program ended meanwhile
            self._finished.emit(kind, payload)

    @Slot(str, object)
    def _end(self, kind: str, payload: object) -> None:
        self.running = False
        if kind == "done":
            self.done.emit(payload)
        elif kind == "failed":
            self.failed.emit(payload)
        else:
            self.stopped.emit()
        self.ended.emit()
